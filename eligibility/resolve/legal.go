package resolve

import (
	"slices"
	"strings"
)

// legalWords are single words (after folding) that name a legal form. They are ignored in
// matching wherever they stand in a name. By language or region:
//
//   - English and common-law: co, cos, company, companies, corp, corporation, inc,
//     incorporated, ltd, limited, llc, llp, lp, plc, pllc, pcl, pte, pvt, pty, cie, jsc, pjsc,
//     ojsc, cjsc, jstc, fze, fzco, fzc, fz, wll, spc
//   - German: gmbh, mbh, ag, kg, kgaa, ohg, ug, aktiengesellschaft
//   - French: sa, sarl, sas, sasu, eurl, snc, sca
//   - Spanish and Portuguese: sl, slu, srl, ltda, limitada, cia, cv, sapi, sab, sac, saa,
//     eirl, eireli
//   - Italian: spa, sapa, scarl, scrl
//   - Dutch and Belgian: bv, nv, bvba, vof
//   - Nordic: ab, as, asa, aps, oy, oyj, hf, ehf
//   - Polish, Czech, Slovak: sro, zoo
//   - Turkish: sti, sirketi
//   - Russian and other post-Soviet forms (transliterated, so Cyrillic ООО reads "ooo"): ooo,
//     oao, zao, pao, ao, nao, tov, pat, prat, fgup, gup, mup, ano
//   - Indonesian and Malaysian: pt, tbk, sdn, bhd, berhad
//   - Iranian (transliterated): pjs, sherkat
//   - Japanese (romanised): kk, kabushiki, kaisha, yugen, godo
//   - Chinese (romanised): youxian, gongsi, gufen
//   - Korean: 주식회사, 유한회사
var legalWords = map[string]bool{
	"co": true, "cos": true, "company": true, "companies": true, "corp": true,
	"corporation": true, "inc": true, "incorporated": true, "ltd": true, "limited": true,
	"llc": true, "llp": true, "lp": true, "plc": true, "pllc": true, "pcl": true, "pte": true,
	"pvt": true, "pty": true, "cie": true, "jsc": true, "pjsc": true, "ojsc": true, "cjsc": true,
	"jstc": true, "fze": true, "fzco": true, "fzc": true, "fz": true, "wll": true, "spc": true,
	"gmbh": true, "mbh": true, "ag": true, "kg": true, "kgaa": true, "ohg": true, "ug": true,
	"aktiengesellschaft": true,
	"sa":                 true, "sarl": true, "sas": true, "sasu": true, "eurl": true, "snc": true, "sca": true,
	"sl": true, "slu": true, "srl": true, "ltda": true, "limitada": true, "cia": true, "cv": true,
	"sapi": true, "sab": true, "sac": true, "saa": true, "eirl": true, "eireli": true,
	"spa": true, "sapa": true, "scarl": true, "scrl": true,
	"bv": true, "nv": true, "bvba": true, "vof": true,
	"ab": true, "as": true, "asa": true, "aps": true, "oy": true, "oyj": true, "hf": true, "ehf": true,
	"sro": true, "zoo": true,
	"sti": true, "sirketi": true,
	"ooo": true, "oao": true, "zao": true, "pao": true, "ao": true, "nao": true, "tov": true,
	"pat": true, "prat": true, "fgup": true, "gup": true, "mup": true, "ano": true,
	"pt": true, "tbk": true, "sdn": true, "bhd": true, "berhad": true,
	"pjs": true, "sherkat": true,
	"kk": true, "kabushiki": true, "kaisha": true, "yugen": true, "godo": true,
	"youxian": true, "gongsi": true, "gufen": true,
	"주식회사": true, "유한회사": true,
}

// legalPhrases are legal forms of several words, each word a folded word or, ending in
// "*", a prefix (for inflected Russian and German forms). A phrase is tried before its
// words one by one, longest first, so "joint stock company" is ignored as a whole while
// "joint" alone stays significant.
var legalPhrases = [][]string{
	{"obshchestv*", "s", "ogranichenn*", "otvetstvenn*"}, // ООО, Russian
	{"tovarystv*", "z", "obmezhen*", "vidpovidaln*"},     // ТОВ, Ukrainian
	{"federaln*", "gosudarstvenn*", "unitarn*", "predpriyat*"},
	{"gesellschaft", "mit", "beschrankt*", "haftung"},
	{"spolka", "z", "ograniczon*", "odpowiedzialnosci*"},
	{"public", "joint", "stock", "company"},
	{"open", "joint", "stock", "company"},
	{"closed", "joint", "stock", "company"},
	{"private", "joint", "stock", "company"},
	{"societe", "a", "responsabilite", "limitee"},
	{"sociedad", "de", "responsabilidad", "limitada"},
	{"otkryt*", "aktsionern*", "obshchestv*"},
	{"zakryt*", "aktsionern*", "obshchestv*"},
	{"publichn*", "aktsionern*", "obshchestv*"},
	{"nepublichn*", "aktsionern*", "obshchestv*"},
	{"gosudarstvenn*", "unitarn*", "predpriyat*"},
	{"limited", "liability", "company"},
	{"limited", "liability", "partnership"},
	{"public", "limited", "company"},
	{"joint", "stock", "company"},
	{"sp", "z", "oo"},
	{"s", "de", "rl"},
	{"s", "en", "c"},
	{"societa", "per", "azioni"},
	{"aktsionern*", "obshchestv*"},
	{"sociedad", "anonima"},
	{"sociedade", "anonima"},
	{"societe", "anonyme"},
	{"naamloze", "vennootschap"},
	{"besloten", "vennootschap"},
	{"private", "limited"},
	{"limited", "partnership"},
	{"sahami", "khas*"},
	{"sahami", "aam"},
	{"ltd", "sti"},
}

// noiseWords are articles, conjunctions and generic words that say nothing about which
// entity a name means: the, and, of, for, in, on, at-less articles of Romance, Germanic and
// Arabic names (de, del, della, di, da, do, dos, das, du, des, la, le, les, el, al, los, las,
// der, die, den, und, et), the assimilated Arabic articles (ad, an, ar, ash, at, az),
// and the group words Group, Groupe, Grupo, Gruppe, Gruppa, Holding, Holdings, Kholding, Hldg, Hldgs.
var noiseWords = map[string]bool{
	"the": true, "and": true, "of": true, "for": true, "in": true, "on": true,
	"de": true, "del": true, "della": true, "di": true, "da": true, "do": true, "dos": true,
	"das": true, "du": true, "des": true, "la": true, "le": true, "les": true, "el": true,
	"al": true, "los": true, "las": true, "der": true, "die": true, "den": true, "und": true,
	"et": true,
	"ad": true, "an": true, "ar": true, "ash": true, "at": true, "az": true,
	"group": true, "groups": true, "groupe": true, "grupo": true, "gruppe": true, "gruppa": true,
	"holding": true, "holdings": true, "kholding": true, "hldg": true, "hldgs": true,
}

// cjkLegalSuffixes are legal-form and group words written in Chinese or Japanese, stripped
// from the end (and 株式会社 also from the start) of a run of CJK characters, longest
// first and repeatedly, so 中国航空工业集团有限公司 keeps 中国航空工业: 股份有限公司
// (company limited by shares), 有限责任公司 (limited liability company, simplified and
// traditional), 有限公司 (limited company), 株式会社, 有限会社, 合同会社 (Japanese
// kabushiki, yugen and godo kaisha), 集团 and 集團 (group), 控股 (holdings), 公司
// (company).
var cjkLegalSuffixes = []string{
	"股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "株式会社", "有限会社",
	"合同会社", "集团", "集團", "控股", "公司",
}

// cjkLegalPrefixes are legal forms that may open a run of CJK characters.
var cjkLegalPrefixes = []string{"株式会社", "有限会社"}

// wordRoles is legalWords and noiseWords in one map, derived from them: the role of a
// single word (Significant for words in neither).
var wordRoles = func() map[string]Role {
	m := make(map[string]Role, len(legalWords)+len(noiseWords))
	for w := range noiseWords {
		m[w] = Noise
	}
	for w := range legalWords {
		m[w] = LegalForm
	}
	return m
}()

// phraseStarts maps the first word of each legal phrase (its prefix, for a pattern) to the
// phrases that start with it, in the order of legalPhrases; derived from legalPhrases.
var phraseStarts = func() map[string][]int {
	m := map[string][]int{}
	for i, p := range legalPhrases {
		w := strings.TrimSuffix(p[0], "*")
		m[w] = append(m[w], i)
	}
	return m
}()

// phraseStartLens are the lengths of the prefix patterns that open a phrase.
var phraseStartLens = func() []int {
	var out []int
	for _, p := range legalPhrases {
		if w, ok := strings.CutSuffix(p[0], "*"); ok && !slices.Contains(out, len(w)) {
			out = append(out, len(w))
		}
	}
	slices.Sort(out)
	return out
}()

// phrasesFrom returns the indexes of the legal phrases that may start with word t, in the
// order of legalPhrases (longest first).
func phrasesFrom(t string) []int {
	ps := phraseStarts[t]
	for _, l := range phraseStartLens {
		if l < len(t) {
			if more, ok := phraseStarts[t[:l]]; ok {
				ps = append(slices.Clip(ps), more...)
			}
		}
	}
	if len(ps) > 1 {
		ps = slices.Clone(ps)
		slices.Sort(ps)
	}
	return ps
}

// matchPhrase reports how many tokens from toks[i] the phrase p matches (0 if it does not).
func matchPhrase(p []string, texts []string, i int) int {
	if i+len(p) > len(texts) {
		return 0
	}
	for k, w := range p {
		t := texts[i+k]
		if pre, ok := strings.CutSuffix(w, "*"); ok {
			if !strings.HasPrefix(t, pre) {
				return 0
			}
		} else if t != w {
			return 0
		}
	}
	return len(p)
}
