package jurisdiction

import (
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"CN", "cn", "CHN", "156", "CN-BJ", "CN-HK", "NO-21", "SU", "SUHH", "891", "YU-01", "XX", " CN", "", "ÇN", "GB-ENG"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			if c.IsValid() {
				t.Fatalf("Parse(%q) returned a valid code with an error", s)
			}
			return
		}
		if !c.IsValid() {
			t.Fatalf("Parse(%q) returned the zero Code without error", s)
		}
		back, err := Parse(c.String())
		if err != nil || back != c {
			t.Fatalf("Parse(%q) = %s, but Parse(%q) = %s, %v", s, c, c.String(), back, err)
		}
	})
}

func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"CN", "CN-BJ", "cn-hk", "", "SU", "CN RU UA-43", "CN XX"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Code
		if err := c.UnmarshalText(b); err == nil {
			text, _ := c.MarshalText()
			var d Code
			if err := d.UnmarshalText(text); err != nil || d != c {
				t.Fatalf("Code %q -> %s -> %q -> %s, %v", b, c, text, d, err)
			}
			if want, _ := Parse(string(b)); len(b) > 0 && want != c {
				t.Fatalf("UnmarshalText(%q) = %s, Parse = %s", b, c, want)
			}
		}
		var s Set
		if err := s.UnmarshalText(b); err == nil {
			text, _ := s.MarshalText()
			var u Set
			if err := u.UnmarshalText(text); err != nil || !u.Equal(s) {
				t.Fatalf("Set %q -> %s -> %q -> %s, %v", b, s, text, u, err)
			}
			for c := range s.All() {
				if !s.Has(c) || !s.Contains(c) {
					t.Fatalf("Set %s does not hold its member %s", s, c)
				}
			}
		}
	})
}

func FuzzParseName(f *testing.F) {
	for _, s := range []string{"People's Republic of China", "Georgia", "Georgia, USA", "(USA) Delaware", "Champaign, IL USA", "Hong Kong, S.A.R., China", "U.K.", "So. Carolina", "Curaçao, Netherlands Antilles", "A & B", ",,,", "US-DE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseName(s)
		if err != nil {
			if c.IsValid() {
				t.Fatalf("ParseName(%q) returned a valid code with an error", s)
			}
			return
		}
		if !c.IsValid() {
			t.Fatalf("ParseName(%q) returned the zero Code without error", s)
		}
		if back, err := Parse(c.String()); err != nil || back != c {
			t.Fatalf("ParseName(%q) = %s, which does not round-trip: %s, %v", s, c, back, err)
		}
	})
}
