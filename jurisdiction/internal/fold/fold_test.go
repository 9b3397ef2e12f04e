package fold

import "testing"

func TestKey(t *testing.T) {
	tests := []struct {
		in, want, reason string
	}{
		{"China", "china", "lower-cases ASCII"},
		{"  The Netherlands ", "netherlands", "drops \"the\" and surrounding space"},
		{"People's Republic of China", "peoples republic of china", "apostrophe joins"},
		{"People’s Republic of China", "peoples republic of china", "typographic apostrophe joins"},
		{"Côte d'Ivoire", "cote divoire", "folds diacritics"},
		{"Åland Islands", "aland islands", "folds ring above"},
		{"Türkiye", "turkiye", "folds diaeresis"},
		{"İstanbul", "istanbul", "folds dotted capital I"},
		{"Abū Z̧aby", "abu zaby", "drops combining cedilla"},
		{"Hørsholm", "horsholm", "maps o with stroke"},
		{"Straße", "strasse", "maps sharp s to ss"},
		{"Kǝngǝrli", "kengerli", "maps turned e"},
		{"U.K.", "uk", "joins dotted initials"},
		{"U.S.A.", "usa", "joins three dotted initials"},
		{"Hong Kong, S.A.R., China", "hong kong sar china", "initials inside a list"},
		{"St. Lucia", "saint lucia", "expands St."},
		{"St Kitts", "saint kitts", "expands St without a dot"},
		{"So. Carolina", "south carolina", "expands dotted So."},
		{"So Carolina", "so carolina", "So without a dot is left alone"},
		{"Spain & Canary Islands", "spain and canary islands", "spells &"},
		{"Guinea-Bissau", "guinea bissau", "hyphen breaks words"},
		{"(USA) Delaware", "usa delaware", "parentheses break words"},
		{"Δ", "δ", "non-Latin letters are kept lower-cased"},
		{"", "", "empty"},
		{"...", "", "punctuation only"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestFoldTablesAreASCII(t *testing.T) {
	for _, tab := range []string{latinA, latinAdditional} {
		if len(tab)%2 != 0 {
			t.Fatalf("table length %d is odd", len(tab))
		}
		for i := 0; i < len(tab); i++ {
			c := tab[i]
			if c != '_' && (c < 'a' || c > 'z') {
				t.Fatalf("table byte %d is %q", i, c)
			}
		}
	}
	if got, want := len(latinA), 2*(0x250-0xc0); got != want {
		t.Errorf("len(latinA) = %d, want %d", got, want)
	}
	if got, want := len(latinAdditional), 2*0x100; got != want {
		t.Errorf("len(latinAdditional) = %d, want %d", got, want)
	}
}

func FuzzKey(f *testing.F) {
	f.Add("People's Republic of China")
	f.Add("U.S.A.")
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key is not idempotent: Key(%q) = %q, Key(%q) = %q", s, k, k, Key(k))
		}
	})
}
