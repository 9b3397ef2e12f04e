package resolve

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeKey(t *testing.T) {
	cases := []struct {
		in, key string
		reason  string
	}{
		{"Aviation Industry Corporation of China, Ltd.", "aviation industry china", "legal forms (Corporation, Ltd.) and noise (of) are ignored"},
		{"AVIATION INDUSTRY CORPORATION OF CHINA", "aviation industry china", "case folds"},
		{"ООО «Газпром Энерго»", "gazprom energo", "Cyrillic transliterates; ООО is a legal form"},
		{"GAZPROM ENERGO, OOO", "gazprom energo", "the same name as listed in Latin"},
		{"Публичное акционерное общество «Сбербанк России»", "sberbank rossii", "a Russian legal-form phrase, inflected"},
		{"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU 'GAZPROM SVYAZ'", "gazprom svyaz", "the transliterated ООО phrase, with another ending"},
		{"ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．", "huawei technologies", "full-width forms narrow"},
		{"Société Générale S.A.", "societe generale", "diacritics fold; S.A. joins into sa, a legal form"},
		{"Sociedade Anónima", "sociedade anonima", "a name made only of legal-form words keeps them all"},
		{"Siemens Aktiengesellschaft", "siemens", "one-word German form"},
		{"Acme Pte. Ltd.", "acme", "Singapore's Pte. Ltd."},
		{"JSC Acme", "acme", "a legal form in front"},
		{"PJSC «Acme»", "acme", "PJSC"},
		{"Acme Joint-Stock Company", "acme", "a multi-word legal form across a hyphen"},
		{"Acme Joint Stock Holdings", "acme joint stock", "no phrase without its last word: joint and stock stay"},
		{"Acme GmbH & Co. KG", "acme", "GmbH & Co. KG"},
		{"Acme S.A. de C.V.", "acme", "Mexican S.A. de C.V."},
		{"Acme sp. z o.o.", "acme", "Polish sp. z o.o."},
		{"Acme Group Holdings Limited", "acme", "Group and Holdings are noise"},
		{"The Acme Company", "acme", "the is noise"},
		{"中国航空工业集团有限公司", "中国 国航 航空 空工 工业", "CJK loses 集团 and 有限公司 and splits into bigrams"},
		{"华为技术股份有限公司", "华为 为技 技术", "股份有限公司 is stripped as a whole"},
		{"株式会社東芝", "東芝", "a Japanese legal form in front"},
		{"O'Brien Int'l", "obrien intl", "apostrophes join"},
		{"AL-ZAWAHIRI, Ayman", "zawahiri ayman", "the Arabic article is noise; hyphens separate"},
		{"U.S.A. Trading", "usa trading", "dotted initials join"},
		{"A/S Acme", "acme", "A/S joins into as, a legal form"},
		{"J. R. Smith", "jr smith", "spaced dotted initials join"},
		{"J R Smith", "j r smith", "initials without dots do not join"},
		{"Yard No. 1220", "yard no 1220", "digits are tokens"},
		{"Ｉｓｔａｎｂｕｌ", "istanbul", "full-width letters"},
		{"Stra\u00dfe", "strasse", "ß reads ss"},
		{"Cafe\u0301", "cafe", "a combining accent is dropped"},
		{"Łódź", "lodz", "Polish letters"},
		{"Ελληνική", "ελληνική", "Greek lower-cases and keeps its accents (diacritics fold for Latin only)"},
		{"bad\xffbytes", "bad bytes", "an invalid byte separates"},
		{"", "", "empty"},
		{"!!! ---", "", "no letters or digits"},
	}
	for _, c := range cases {
		n, err := Normalize(c.in)
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.key, n.Key(), "%s: %q", c.reason, c.in)
	}
}

func TestNormalizeTokens(t *testing.T) {
	n, err := Normalize("ООО «Газпром», Ltd.")
	require.NoError(t, err)
	want := []Token{
		{Text: "ooo", Source: "ООО", Role: LegalForm, Folds: FoldCase | FoldTransliterated},
		{Text: "gazprom", Source: "Газпром", Role: Significant, Folds: FoldCase | FoldTransliterated},
		{Text: "ltd", Source: "Ltd", Role: LegalForm, Folds: FoldCase},
	}
	assert.Equal(t, want, n.Tokens, "sources are the input as written, folds say what changed")
	assert.False(t, n.Fallback)

	n, err = Normalize("The Limited Company")
	require.NoError(t, err)
	assert.True(t, n.Fallback, "only noise and legal forms: all words kept")
	assert.Equal(t, "the limited company", n.Key())

	n, err = Normalize("O'Brien S.A.")
	require.NoError(t, err)
	assert.Equal(t, FoldCase|FoldJoined, n.Tokens[0].Folds, "the apostrophe joined the word")
	assert.Equal(t, "S.A", n.Tokens[1].Source)

	n, err = Normalize("SVYAZ'")
	require.NoError(t, err)
	assert.Equal(t, FoldCase, n.Tokens[0].Folds, "a closing quote joins nothing")
}

func TestNormalizeErrors(t *testing.T) {
	_, err := Normalize(strings.Repeat("a", MaxNameBytes))
	require.NoError(t, err, "exactly the limit is fine")
	_, err = Normalize(strings.Repeat("a", MaxNameBytes+1))
	require.ErrorIs(t, err, ErrNameTooLong)
	_, err = Normalize(strings.Repeat("Acme ", 2048))
	require.ErrorIs(t, err, ErrNameTooLong, "a 10 KB name")
}

func TestFoldString(t *testing.T) {
	assert.Equal(t, "", Fold(0).String())
	assert.Equal(t, "case+transliterated", (FoldCase | FoldTransliterated).String())
	b, err := (FoldWidth | FoldJoined).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "width+joined", string(b))
	for r, want := range map[Role]string{Significant: "significant", LegalForm: "legal_form", Noise: "noise"} {
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	_, err = Role(9).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Role(9)", Role(9).String())
}

// TestLatinFold checks the derived Latin table against letters with known readings, and
// that every entry is lower-case ASCII letters.
func TestLatinFold(t *testing.T) {
	for r, want := range map[rune]string{
		'À': "a", 'é': "e", 'Ñ': "n", 'ß': "ss", 'Æ': "ae", 'ø': "o", 'Þ': "th", 'Ł': "l",
		'ı': "i", 'İ': "i", 'Ş': "s", 'ğ': "g", 'Đ': "d", 'ǆ': "dz", 'ạ': "a", 'ế': "e",
		'ư': "u", 'Ạ': "a", 'ỹ': "y", 'ẞ': "ss",
	} {
		n, err := Normalize(string(r))
		require.NoError(t, err)
		assert.Equal(t, want, n.Key(), "%q", r)
	}
	for _, tab := range [][]string{latinFold[:], latinExtAddFold[:]} {
		for _, s := range tab {
			for _, c := range []byte(s) {
				assert.True(t, c >= 'a' && c <= 'z', "%q", s)
			}
		}
	}
	assert.Equal(t, "", latinFold['×'-0xC0], "× is not a letter")
}

func TestCyrillicTable(t *testing.T) {
	for in, want := range map[string]string{
		"Щукин Юрий Ёлкин": "shchukin yuriy elkin",
		"Рособоронэкспорт": "rosoboroneksport",
		"Промсвязьбанк":    "promsvyazbank",
		"Київ":             "kiyiv",
		"Ђорђевић":         "djordjevic",
		"Қазақстан":        "kazakstan",
		"ВНЕШЭКОНОМБАНК":   "vneshekonombank",
		"объединение":      "obedinenie",
		"Газпром нефть":    "gazprom neft",
		"Общество с ограниченной ответственностью Ромашка": "romashka",
	} {
		n, err := Normalize(in)
		require.NoError(t, err)
		assert.Equal(t, want, n.Key(), in)
	}
	// Every letter of the basic Russian alphabet has a reading.
	for r := rune(0x410); r < 0x450; r++ {
		out, ok := transliterateCyrillic(r)
		require.True(t, ok, "%q", r)
		if r != 'Ъ' && r != 'Ь' && r != 'ъ' && r != 'ь' {
			assert.NotEmpty(t, out, "%q", r)
		}
	}
}

// TestLegalTables checks the shape of the legal-form tables: phrases longest first, every
// word folded, no word both a legal form and noise.
func TestLegalTables(t *testing.T) {
	for i := 1; i < len(legalPhrases); i++ {
		assert.GreaterOrEqual(t, len(legalPhrases[i-1]), len(legalPhrases[i]), "phrases must be longest first: %v", legalPhrases[i])
	}
	folded := func(w string) bool {
		n, err := Normalize(w)
		return err == nil && len(n.Tokens) == 1 && n.Tokens[0].Text == w
	}
	for w := range legalWords {
		assert.True(t, folded(w), "legal word %q is not in folded form", w)
		assert.False(t, noiseWords[w], "%q is both a legal form and noise", w)
	}
	for w := range noiseWords {
		assert.True(t, folded(w), "noise word %q is not in folded form", w)
	}
	for _, p := range abbreviations {
		assert.True(t, folded(p[0]) && folded(p[1]), "abbreviation %v", p)
	}
}

// FuzzNormalize checks that Normalize never panics, that tokens are non-empty and say
// where they come from, and that each significant token normalises to itself.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "Acme S.A.", "ООО «Газпром»", "中国航空工业集团有限公司", "\xff\xfe",
		"Ｃｏ．", "The Limited Company", "a.b.c.d", "O'", "'", "e\u0301\u0301", strings.Repeat("x", 1100),
		"sp. z o.o.", "ǅ", "K", "\u3000\u3000", "ьъ", "A\u0903b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Normalize(s)
		if len(s) > MaxNameBytes {
			if !errors.Is(err, ErrNameTooLong) {
				t.Fatalf("long name: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		hasCJK := false
		for _, tok := range n.Tokens {
			if tok.Text == "" || !utf8.ValidString(tok.Text) {
				t.Fatalf("bad token %+v", tok)
			}
			if tok.Role > Noise {
				t.Fatalf("bad role %+v", tok)
			}
			for _, r := range tok.Text {
				if isCJK(r) {
					hasCJK = true
				}
				if unicode.IsUpper(r) && unicode.ToLower(r) != r {
					t.Fatalf("upper case in %q", tok.Text)
				}
			}
			if !hasCJK && !strings.Contains(s, tok.Source) {
				t.Fatalf("source %q not in %q", tok.Source, s)
			}
		}
		sig := len(significantTexts(n))
		if n.Fallback && sig != len(n.Tokens) || !n.Fallback && len(n.Tokens) > 0 && sig == 0 {
			t.Fatalf("fallback %v with %d of %d significant in %q", n.Fallback, sig, len(n.Tokens), s)
		}
		// Each significant token reads as itself (outside CJK, where a bigram may be a
		// legal-form suffix on its own), and normalising is deterministic.
		for _, tok := range n.Tokens {
			if tok.Role != Significant || strings.ContainsFunc(tok.Text, isCJK) {
				continue
			}
			m, err := Normalize(tok.Text)
			if err != nil || m.Key() != tok.Text {
				t.Fatalf("token %q of %q normalises to %q (%v)", tok.Text, s, m.Key(), err)
			}
		}
		again, _ := Normalize(s)
		if !reflect.DeepEqual(n, again) {
			t.Fatalf("%q normalises two ways", s)
		}
	})
}
