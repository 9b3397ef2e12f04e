package resolve

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameBytes is the longest name, in bytes, that [Normalize], [Build] and [Index.Match]
// accept. Real names on designation lists stay under 400 bytes.
const MaxNameBytes = 1024

// Role says what a token of a name does in matching. The zero value is [Significant].
type Role uint8

const (
	Significant Role = iota // the token counts in matching
	LegalForm               // a legal-form word (Ltd., GmbH, ООО, 有限公司): ignored
	Noise                   // an article, conjunction or group word (the, of, Group): ignored
)

var roleNames = [...]string{"significant", "legal_form", "noise"}

// String returns "significant", "legal_form" or "noise".
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) {
	if int(r) >= len(roleNames) {
		return nil, fmt.Errorf("resolve: invalid Role(%d)", uint8(r))
	}
	return []byte(roleNames[r]), nil
}

// Fold is the set of changes normalisation made to a token. The zero value is the empty
// set: the token was written exactly as it reads.
type Fold uint8

const (
	FoldCase           Fold = 1 << iota // upper-case letters were lowered
	FoldWidth                           // full-width forms were narrowed (ＡＢＣ → abc)
	FoldDiacritics                      // diacritics were removed (é → e, ß → ss)
	FoldTransliterated                  // Cyrillic was transliterated (Газпром → gazprom)
	FoldJoined                          // punctuation inside was dropped (O'Brien, S.A.)
)

var foldNames = [...]string{"case", "width", "diacritics", "transliterated", "joined"}

// String lists the folds joined by "+", such as "case+transliterated", or "" for none.
func (f Fold) String() string {
	var b strings.Builder
	for i, n := range foldNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('+')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}

// MarshalText implements [encoding.TextMarshaler] with [Fold.String].
func (f Fold) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Token is one word of a normalised name. The zero value is not a token of any name.
type Token struct {
	// Text is the normalised form that matching compares: lower-case ASCII for Latin and
	// Cyrillic script, lower-case runes for other scripts, one or two characters for CJK.
	Text string `json:"text"`
	// Source is the token as written in the input (for CJK tokens, Text).
	Source string `json:"source"`
	Role   Role   `json:"role"`
	Folds  Fold   `json:"folds,omitempty"`
}

// Name is a normalised name: its tokens in the order written, each with its role. The zero
// value is the empty name.
type Name struct {
	Tokens []Token
	// Fallback is true when every word was a legal form or noise ("The Company Ltd."): such
	// a name keeps all its words as significant, so it still matches itself.
	Fallback bool
}

// Key returns the significant tokens joined by single spaces: two names with the same Key
// are the same name for matching.
func (n Name) Key() string {
	var b strings.Builder
	for _, t := range n.Tokens {
		if t.Role == Significant {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// Normalize splits a name into tokens and folds each to the form matching compares. The
// rules, in order (the tables are in this package's source, each with its standard and
// its list documented: fold_table.go, translit.go, legal.go, abbrev.go):
//
//  1. Invalid UTF-8 bytes, control characters, spaces, punctuation and symbols separate
//     tokens. Apostrophes (' ’ ‘ ʼ ` ´) are dropped without separating: "Isma'il" is
//     "ismail", "Int'l" is "intl".
//  2. Full-width forms (U+FF01..U+FF5E, the ideographic space) read as their ASCII forms.
//  3. Letters are lower-cased. Latin letters with diacritics (U+00C0..U+024F,
//     U+1E00..U+1EFF) read as plain ASCII through a table derived from their Unicode
//     canonical decompositions (é → e, ß → ss, ø → o, ł → l); combining marks are
//     dropped. Other scripts keep their letters (Greek stays Greek).
//  4. Cyrillic is transliterated to ASCII by the BGN/PCGN 1947 romanization of Russian,
//     simplified to plain ASCII (no diacritics or apostrophes; е and ё are e; ъ and ь are
//     dropped), with the Ukrainian, Belarusian, Serbian, Macedonian and Central Asian
//     letters of the BGN/PCGN tables: ООО → ooo, Щ → shch, Ю → yu, Ї → yi, Ђ → dj.
//  5. Single letters separated by dots or slashes join into one token: "S.A." is "sa",
//     "A/S" is "as", "U.S.A." is "usa".
//  6. A run of Chinese or Japanese characters loses its legal-form affixes (股份有限公司,
//     有限责任公司, 有限公司, 集团, 集團, 控股, 公司, 株式会社, 有限会社, 合同会社),
//     longest first and repeatedly, and is split into overlapping character bigrams
//     (中国航空 → 中国 国航 航空), the usual indexing unit for CJK text.
//  7. Legal forms get [Role] [LegalForm]: single words of English, German, French, Spanish,
//     Portuguese, Italian, Dutch, Nordic, Polish, Turkish, Russian and other post-Soviet
//     (transliterated), Indonesian, Malaysian, Iranian, Japanese, Chinese and Korean usage
//     (co, ltd, limited, corp, inc, llc, plc, pte, pvt, jsc, pjsc, ojsc, cjsc, fze, gmbh,
//     ag, kg, sa, sarl, srl, ltda, spa, bv, nv, ab, oy, ooo, oao, zao, pao, ao, tov, pt,
//     bhd, kk, 주식회사, …), and phrases, tried first and longest first, some with
//     inflected words ("joint stock company", "limited liability company", "sociedad
//     anonima", "obshchestvo s ogranichennoy otvetstvennostyu", "aktsionernoe
//     obshchestvo", "sp. z o.o.", "S. de R.L.", …). Articles, conjunctions and group words
//     get [Noise]: the, and, of, for, in, on; de, del, la, le, el, al, der, die, und, et;
//     the assimilated Arabic articles ad, an, ar, ash, at, az; Group, Groupe, Grupo,
//     Gruppe, Gruppa, Holding, Holdings, Kholding. Both are kept in the Name, for
//     explanations, but do not count in matching.
//  8. If no significant token is left, every token becomes significant and
//     [Name.Fallback] is set: a name made only of legal-form words still matches itself.
//
// Normalize returns [ErrNameTooLong] for a name over [MaxNameBytes] bytes. A name without
// any letter or digit gives an empty Name and no error. It never panics, whatever the
// bytes. It allocates the token slice and one string; it is safe for concurrent use.
func Normalize(s string) (Name, error) {
	if len(s) > MaxNameBytes {
		return Name{}, fmt.Errorf("%w: %d bytes, at most %d", ErrNameTooLong, len(s), MaxNameBytes)
	}
	var z tokenizer
	return z.normalize(s, nil), nil
}

// normalize is Normalize for a name already checked for length, reusing z's buffers and
// dst's storage for the tokens.
func (z *tokenizer) normalize(s string, dst []Token) Name {
	z.buf, z.toks = z.buf[:0], z.toks[:0]
	z.open, z.sepDot, z.sepBad, z.joined = false, false, false, false
	if cap(z.buf) < len(s) {
		z.buf = make([]byte, 0, len(s)+8)
	}
	z.run(s)
	return z.finish(s, dst)
}

const (
	scriptLatin uint8 = iota // ASCII output: Latin, Cyrillic, digits
	scriptCJK                // Han, Hiragana, Katakana
	scriptOther              // any other letters (Greek, Arabic, Hangul, …)
)

type rawToken struct {
	start, end int // in tokenizer.buf
	src0, src1 int // in the input
	folds      Fold
	script     uint8
	dotBefore  bool // the separators before were spaces and at least one '.' or '/'
}

type tokenizer struct {
	buf    []byte
	toks   []rawToken
	open   bool
	sepDot bool // since the last token: saw '.' or '/'
	sepBad bool // since the last token: saw another separator than space, '.' or '/'
	joined bool // an apostrophe inside the open token: the next letter joins across it
}

func (z *tokenizer) sep(dot, space bool) {
	z.open, z.joined = false, false
	switch {
	case dot:
		z.sepDot = true
	case !space:
		z.sepBad = true
	}
}

// emit appends out (the folded reading of the rune at src0..src1) to the open token, or
// opens a new one.
func (z *tokenizer) emit(out string, r rune, script uint8, f Fold, src0, src1 int) {
	if z.open && z.toks[len(z.toks)-1].script != script {
		z.open = false
	}
	if !z.open {
		z.toks = append(z.toks, rawToken{start: len(z.buf), src0: src0, script: script,
			dotBefore: z.sepDot && !z.sepBad})
		z.open, z.sepDot, z.sepBad = true, false, false
	} else if z.joined {
		f |= FoldJoined
	}
	z.joined = false
	if out != "" {
		z.buf = append(z.buf, out...)
	} else {
		z.buf = utf8.AppendRune(z.buf, r)
	}
	t := &z.toks[len(z.toks)-1]
	t.end, t.src1 = len(z.buf), src1
	t.folds |= f
}

func (z *tokenizer) mark(f Fold) {
	if z.open {
		z.toks[len(z.toks)-1].folds |= f
	}
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', 0x00B4, 0x2018, 0x2019, 0x02BC, 0x02BB, 0x0091, 0x0092:
		return true
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == 0x30FC // ー, the katakana length mark
}

func (z *tokenizer) run(s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i0 := i
		i += size
		if r == utf8.RuneError && size <= 1 {
			z.sep(false, false)
			continue
		}
		var f Fold
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
			f = FoldWidth
		} else if r == 0x3000 {
			r = ' '
		}
		switch {
		case r < 0x80:
			c := byte(r)
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				z.emit("", r, scriptLatin, f, i0, i)
			case c >= 'A' && c <= 'Z':
				z.emit("", r+('a'-'A'), scriptLatin, f|FoldCase, i0, i)
			case c == '\'' || c == '`':
				z.joined = z.open
			case c == '.' || c == '/':
				z.sep(true, false)
			case c == ' ':
				z.sep(false, true)
			default:
				z.sep(false, false)
			}
		case isApostrophe(r):
			z.joined = z.open
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			z.mark(FoldDiacritics)
		case r >= 0xC0 && r <= 0x24F && latinFold[r-0xC0] != "":
			if unicode.IsUpper(r) {
				f |= FoldCase
			}
			z.emit(latinFold[r-0xC0], r, scriptLatin, f|FoldDiacritics, i0, i)
		case r >= 0x1E00 && r <= 0x1EFF && latinExtAddFold[r-0x1E00] != "":
			if unicode.IsUpper(r) {
				f |= FoldCase
			}
			z.emit(latinExtAddFold[r-0x1E00], r, scriptLatin, f|FoldDiacritics, i0, i)
		case r >= 0x400 && r <= 0x52F:
			if out, ok := transliterateCyrillic(r); ok {
				if unicode.IsUpper(r) {
					f |= FoldCase
				}
				if out == "" { // a hard or soft sign: dropped inside a word
					z.mark(FoldTransliterated)
					continue
				}
				z.emit(out, r, scriptLatin, f|FoldTransliterated, i0, i)
				continue
			}
			z.other(r, f, i0, i)
		case isCJK(r):
			z.emit("", r, scriptCJK, f, i0, i)
		case unicode.Is(unicode.Mc, r):
			if z.open { // a spacing vowel sign (Devanagari, …) belongs to its word
				z.emit("", r, z.toks[len(z.toks)-1].script, f, i0, i)
			}
		default:
			z.other(r, f, i0, i)
		}
	}
}

func (z *tokenizer) other(r rune, f Fold, i0, i int) {
	if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
		z.sep(false, unicode.IsSpace(r))
		return
	}
	if lr := unicode.ToLower(r); lr != r {
		r, f = lr, f|FoldCase
	}
	if r < 0x80 { // a non-ASCII number or letter that lowers to ASCII (K, the Kelvin sign)
		z.emit("", r, scriptLatin, f, i0, i)
		return
	}
	if out := latinReading(r); out != "" { // an upper-case letter that lowers into the tables (Ɀ → ɀ)
		z.emit(out, r, scriptLatin, f|FoldDiacritics, i0, i)
		return
	}
	z.emit("", r, scriptOther, f, i0, i)
}

// latinReading returns the ASCII reading of a Latin letter of the fold tables, or "".
func latinReading(r rune) string {
	switch {
	case r >= 0xC0 && r <= 0x24F:
		return latinFold[r-0xC0]
	case r >= 0x1E00 && r <= 0x1EFF:
		return latinExtAddFold[r-0x1E00]
	}
	return ""
}

func (z *tokenizer) finish(s string, dst []Token) Name {
	text := string(z.buf)
	if dst == nil {
		dst = make([]Token, 0, len(z.toks)+2)
	}
	n := Name{Tokens: dst[:0]}
	toks := z.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.script == scriptLatin && t.end-t.start == 1 && isLetter(text[t.start]) {
			// Rule 5: join single letters separated by dots or slashes.
			j := i
			for j+1 < len(toks) && toks[j+1].dotBefore && toks[j+1].script == scriptLatin &&
				toks[j+1].end-toks[j+1].start == 1 && isLetter(text[toks[j+1].start]) {
				j++
			}
			if j > i {
				f := FoldJoined
				for k := i; k <= j; k++ {
					f |= toks[k].folds
				}
				n.Tokens = append(n.Tokens, Token{Text: text[t.start:toks[j].end],
					Source: s[t.src0:toks[j].src1], Folds: f})
				i = j
				continue
			}
		}
		if t.script == scriptCJK {
			n.Tokens = appendCJK(n.Tokens, text[t.start:t.end], t.folds)
			continue
		}
		n.Tokens = append(n.Tokens, Token{Text: text[t.start:t.end], Source: s[t.src0:t.src1], Folds: t.folds})
	}
	tagRoles(n.Tokens)
	n.Fallback = applyFallback(n.Tokens)
	return n
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// appendCJK strips legal-form affixes from a run of CJK characters and appends the rest as
// bigrams (or whole, when it has one or two characters), then the affixes as legal forms.
func appendCJK(dst []Token, run string, f Fold) []Token {
	var legal []string
	for changed := true; changed; {
		changed = false
		for _, suf := range cjkLegalSuffixes {
			if strings.HasSuffix(run, suf) {
				run = run[:len(run)-len(suf)]
				legal = append([]string{suf}, legal...)
				changed = true
				break
			}
		}
		for _, pre := range cjkLegalPrefixes {
			if strings.HasPrefix(run, pre) {
				run = run[len(pre):]
				legal = append(legal, pre)
				changed = true
				break
			}
		}
	}
	if utf8.RuneCountInString(run) <= 2 {
		if run != "" {
			dst = append(dst, Token{Text: run, Source: run, Folds: f})
		}
	} else {
		a := 0
		_, s1 := utf8.DecodeRuneInString(run)
		b := s1
		for b < len(run) {
			_, s2 := utf8.DecodeRuneInString(run[b:])
			dst = append(dst, Token{Text: run[a : b+s2], Source: run[a : b+s2], Folds: f})
			a, b = b, b+s2
		}
	}
	for _, l := range legal {
		dst = append(dst, Token{Text: l, Source: l, Role: LegalForm, Folds: f})
	}
	return dst
}

// tagRoles marks legal forms (phrases first, longest first) and noise words.
func tagRoles(toks []Token) {
	if len(toks) == 0 {
		return
	}
	var stack [16]string
	texts := stack[:0]
	for _, t := range toks {
		texts = append(texts, t.Text)
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].Role != Significant {
			continue
		}
		n := 0
		for _, p := range phrasesFrom(texts[i]) {
			if n = matchPhrase(legalPhrases[p], texts, i); n > 0 {
				break
			}
		}
		if n > 0 {
			for k := i; k < i+n; k++ {
				toks[k].Role = LegalForm
			}
			i += n - 1
			continue
		}
		toks[i].Role = wordRoles[toks[i].Text]
	}
}

func applyFallback(toks []Token) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if t.Role == Significant {
			return false
		}
	}
	for i := range toks {
		toks[i].Role = Significant
	}
	return true
}
