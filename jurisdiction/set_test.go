package jurisdiction

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func codes(ss ...string) []Code {
	out := make([]Code, len(ss))
	for i, s := range ss {
		out[i] = MustParse(s)
	}
	return out
}

func TestSetContains(t *testing.T) {
	tests := []struct {
		set      []string
		code     string
		contains bool
		has      bool
		reason   string
	}{
		{[]string{"CN"}, "CN", true, true, "member"},
		{[]string{"CN"}, "CN-BJ", true, false, "subdivision of a member"},
		{[]string{"UA"}, "UA-43", true, false, "Crimea is inside Ukraine"},
		{[]string{"UA-43"}, "UA-43", true, true, "Crimea alone"},
		{[]string{"UA-43"}, "UA", false, false, "a subdivision does not contain its country"},
		{[]string{"UA-43"}, "UA-40", false, false, "sibling subdivision"},
		{[]string{"CN"}, "HK", false, false, "dual-coded SAR is not inside CN"},
		{[]string{"CN"}, "MO", false, false, "Macao is not inside CN"},
		{[]string{"CN"}, "TW", false, false, "Taiwan is not inside CN"},
		{[]string{"CN"}, "TW-TPE", false, false, "nor its subdivisions"},
		{[]string{"US"}, "PR", false, false, "Puerto Rico is not inside US"},
		{[]string{"US"}, "UM-67", false, false, "nor subdivisions of UM"},
		{[]string{"FR"}, "GP", false, false, "Guadeloupe is not inside FR"},
		{[]string{"FR"}, "FR-CP", true, false, "Clipperton has no 3166-1 code and is inside FR"},
		{[]string{"NL"}, "BQ-BO", false, false, "Bonaire is not inside NL"},
		{[]string{"NO"}, "NO-21", false, false, "Svalbard is not inside NO"},
		{[]string{"SJ"}, "NO-21", true, false, "Svalbard is inside SJ"},
		{[]string{"FI"}, "AX", false, false, "Åland is not inside FI"},
		{[]string{"CN", "HK"}, "HK", true, true, "named explicitly"},
		{[]string{"FR"}, "FR-69", true, false, "two levels down"},
		{[]string{"FR-ARA"}, "FR-69", true, false, "department inside a region"},
		{[]string{"FR-ARA"}, "FR-75", false, false, "department outside the region"},
		{[]string{"GB"}, "GB-ENG", true, false, "England is inside GB"},
		{[]string{"GB-ENG"}, "GB-SRY", true, false, "Surrey is inside England"},
		{[]string{"GB-ENG"}, "GB-CRF", false, false, "Cardiff is in Wales"},
		{nil, "CN", false, false, "empty set"},
	}
	for _, tt := range tests {
		s := NewSet(codes(tt.set...)...)
		c := MustParse(tt.code)
		assert.Equal(t, tt.contains, s.Contains(c), "Contains %s in %v: %s", tt.code, tt.set, tt.reason)
		assert.Equal(t, tt.has, s.Has(c), "Has %s in %v: %s", tt.code, tt.set, tt.reason)
	}
	assert.False(t, NewSet(MustParse("CN")).Contains(Code{}), "zero Code is in no set")
}

func TestSetZero(t *testing.T) {
	var s Set
	assert.True(t, s.IsEmpty())
	assert.Equal(t, 0, s.Len())
	assert.Empty(t, s.Codes())
	assert.Equal(t, "", s.String())
	assert.True(t, s.Equal(NewSet()))
	assert.True(t, s.Union(s).IsEmpty())
	assert.True(t, s.Intersect(NewSet(MustParse("CN"))).IsEmpty())
	assert.Panics(t, func() { NewSet(Code{}) }, "the zero Code is a programming error")
}

func TestSetOps(t *testing.T) {
	a := NewSet(codes("CN", "RU", "UA-43")...)
	b := NewSet(codes("CN-BJ", "JP", "UA")...)
	assert.Equal(t, 3, a.Len())
	assert.Equal(t, "CN RU UA-43", a.String())
	assert.Equal(t, codes("CN", "RU", "UA-43"), a.Codes())
	assert.Equal(t, "CN CN-BJ JP RU UA UA-43", a.Union(b).String())
	assert.Equal(t, "CN-BJ UA-43", a.Intersect(b).String(), "territorial intersection")
	assert.True(t, a.Intersect(b).Equal(b.Intersect(a)))
	assert.True(t, NewSet(codes("CN", "CN")...).Equal(NewSet(MustParse("CN"))), "duplicates")
	assert.False(t, a.Equal(b))
	assert.True(t, NewSet(MustParse("JP")).Intersect(NewSet(MustParse("CN"))).IsEmpty())
	var got []Code
	for c := range a.All() {
		got = append(got, c)
		break
	}
	assert.Equal(t, codes("CN"), got, "All stops when asked")
}

func TestSetText(t *testing.T) {
	s, err := ParseSet("  ua-43\tCN\nRU CHN ")
	require.NoError(t, err)
	assert.Equal(t, "CN RU UA-43", s.String())

	b, err := json.Marshal(struct{ S Set }{s})
	require.NoError(t, err)
	assert.JSONEq(t, `{"S":"CN RU UA-43"}`, string(b))
	var out struct{ S Set }
	require.NoError(t, json.Unmarshal(b, &out))
	assert.True(t, s.Equal(out.S))

	_, err = ParseSet("CN XX SU  C1")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrUnknown)
	assert.ErrorIs(t, err, ErrWithdrawn)
	assert.ErrorIs(t, err, ErrSyntax)
	assert.Contains(t, err.Error(), `"XX"`, "every bad code is reported")
	assert.Contains(t, err.Error(), `"C1"`)

	before := s
	require.Error(t, s.UnmarshalText([]byte("CN XX")))
	assert.True(t, s.Equal(before), "unchanged on error")

	empty, err := ParseSet(" \t")
	require.NoError(t, err)
	assert.True(t, empty.IsEmpty())
}

// refContains is the slow, obviously correct reference for Set.Contains: c is
// contained if c or one of its ancestors was put in the set.
func refContains(members []Code, c Code) bool {
	for x := c; x.IsValid(); x = x.Parent() {
		if slices.Contains(members, x) {
			return true
		}
	}
	return false
}

func TestSetAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	random := func() []Code {
		n := r.IntN(6)
		var out []Code
		for range n {
			if r.IntN(3) == 0 {
				out = append(out, Countries()[r.IntN(numCountries)])
			} else {
				out = append(out, Code{uint16(1 + r.IntN(numCodes))})
			}
		}
		return out
	}
	for range 200 {
		am, bm := random(), random()
		a, b := NewSet(am...), NewSet(bm...)
		u, in := a.Union(b), a.Intersect(b)
		for range 200 {
			c := Code{uint16(1 + r.IntN(numCodes))}
			if r.IntN(2) == 0 && len(am) > 0 {
				// Bias towards codes near the members.
				c = Code{min(numCodes, am[0].i+uint16(r.IntN(40)))}
			}
			ra, rb := refContains(am, c), refContains(bm, c)
			require.Equal(t, ra, a.Contains(c), "%v contains %s", am, c)
			require.Equal(t, ra || rb, u.Contains(c), "union")
			require.Equal(t, ra && rb, in.Contains(c), "intersection of %v and %v at %s", am, bm, c)
			require.Equal(t, slices.Contains(am, c), a.Has(c))
		}
		for c := range in.All() {
			require.True(t, (a.Has(c) && b.Contains(c)) || (b.Has(c) && a.Contains(c)))
		}
	}
}
