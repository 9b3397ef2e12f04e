package resolve

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// nameGen generates realistic, deterministic entity names for benchmarks: companies
// ("Shenzhen Koravex Precision Machinery Co., Ltd.") and persons ("TARIMOV, Ilvan
// Dastarovich"), with words drawn from Zipf distributions over generated vocabularies so
// that, as in real lists, a few words are very common and most are rare.
type nameGen struct {
	r                      *rand.Rand
	coreZ, famZ, givZ      *rand.Zipf
	core, family, given    []string
	places, industry, form []string
}

var (
	genSyllables = strings.Fields("ka ro va ne si ta mo lu pe ri sa do ga be li na ha zu to mi " +
		"ar en ol ik us an er or it al ay ev ul im ov ash ek um dar tel kor vin mar sol nex tra " +
		"zan bor gen lex dor fin mak pol ser tan vel yar ber cor dal ges hol jan kel lor mon")
	genPlaces = strings.Fields("China Beijing Shanghai Shenzhen Guangzhou Tianjin Wuhan Chengdu " +
		"Hong Kong Moscow Russia Saint Petersburg Tehran Iran Dubai Emirates Pyongyang Korea " +
		"Caracas Havana Minsk Damascus Baghdad Kabul Karachi Istanbul Singapore Malaysia " +
		"Panama Cyprus Kiev Odessa Crimea Sevastopol Novosibirsk Yekaterinburg Kazan Harbin Xian")
	genIndustry = strings.Fields("Trading Technology Technologies Industrial Industries " +
		"International Import Export Shipping Logistics Energy Petroleum Oil Gas Chemical " +
		"Chemicals Electronics Electronic Machinery Precision Aerospace Aviation Defense " +
		"Engineering Construction Investment Investments Capital Finance Financial Bank " +
		"Mining Metals Steel Marine Maritime Transport Systems Software Semiconductor " +
		"Optical Instruments Research Institute Development Resources Services Solutions " +
		"Pharmaceutical Medical Equipment Manufacturing General Commercial Enterprise Group " +
		"Holdings Union Corporation Factory Plant Works Science Scientific Academy")
	genForms = []string{"Co., Ltd.", "Ltd.", "LLC", "JSC", "PJSC", "OOO", "GmbH", "S.A.",
		"Pte. Ltd.", "Limited", "Corporation", "Inc.", "FZE", "Company", "Group Co., Ltd.",
		"Joint Stock Company", "Trading L.L.C.", "S.A. de C.V.", "Sdn. Bhd.", ""}
)

func newNameGen(seed uint64) *nameGen {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &nameGen{r: r, places: genPlaces, industry: genIndustry, form: genForms}
	word := func(minSyl, maxSyl int) string {
		n := minSyl + r.IntN(maxSyl-minSyl+1)
		var b strings.Builder
		for range n {
			b.WriteString(genSyllables[r.IntN(len(genSyllables))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	uniq := func(n, minSyl, maxSyl int) []string {
		seen := map[string]bool{}
		out := make([]string, 0, n)
		for len(out) < n {
			w := word(minSyl, maxSyl)
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		return out
	}
	g.core = uniq(200000, 2, 4)
	g.family = uniq(150000, 2, 4)
	g.given = uniq(8000, 2, 3)
	g.coreZ = rand.NewZipf(r, 1.1, 20, uint64(len(g.core)-1))
	g.famZ = rand.NewZipf(r, 1.05, 10, uint64(len(g.family)-1))
	g.givZ = rand.NewZipf(r, 1.2, 5, uint64(len(g.given)-1))
	return g
}

func (g *nameGen) pick(l []string) string { return l[g.r.IntN(len(l))] }

// name returns the next name.
func (g *nameGen) name() string {
	r := g.r
	if r.IntN(10) < 4 { // a person
		fam := g.family[g.famZ.Uint64()]
		if r.IntN(4) == 0 {
			fam += " " + g.family[g.famZ.Uint64()]
		}
		giv := g.given[g.givZ.Uint64()]
		if r.IntN(2) == 0 {
			giv += " " + g.given[g.givZ.Uint64()]
		}
		if r.IntN(3) == 0 {
			giv += " " + g.given[g.givZ.Uint64()] + "ovich"
		}
		return strings.ToUpper(fam) + ", " + giv
	}
	var parts []string
	if r.IntN(3) == 0 {
		parts = append(parts, g.pick(g.places))
	}
	for range 1 + r.IntN(2) {
		parts = append(parts, g.core[g.coreZ.Uint64()])
	}
	for range r.IntN(3) {
		parts = append(parts, g.pick(g.industry))
	}
	if r.IntN(8) == 0 {
		parts = append(parts, "No. "+strconv.Itoa(1+r.IntN(300)))
	}
	if f := g.pick(g.form); f != "" {
		parts = append(parts, f)
	}
	return strings.Join(parts, " ")
}

// genRecords returns n records of one to three generated names each, keyed "g<i>".
func genRecords(seed uint64, n int) []Record {
	g := newNameGen(seed)
	out := make([]Record, 0, n/2)
	total := 0
	for i := 0; total < n; i++ {
		k := 1 + g.r.IntN(3)
		k = min(k, n-total)
		names := make([]string, k)
		for j := range names {
			names[j] = g.name()
		}
		total += k
		out = append(out, Record{Key: "g" + strconv.Itoa(i), Names: names})
	}
	return out
}
