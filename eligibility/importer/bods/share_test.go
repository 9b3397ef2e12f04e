package bods

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/ownership"
)

func TestShareRange(t *testing.T) {
	p := ownership.MustParsePercent
	cases := []struct {
		reason string
		share  *share
		want   ownership.Range
		notes  int
		bad    bool
	}{
		{"an exact share is exact", &share{Exact: "76.5"}, ownership.Exact(p("76.5")), 0, false},
		{"no share is a holding of unknown size", nil, ownership.Range{Min: 0, Max: p("100")}, 1, false},
		{"inclusive bounds are kept", &share{Minimum: "25", Maximum: "50"}, ownership.Range{Min: p("25"), Max: p("50")}, 0, false},
		{"an exclusive maximum steps one millionth below", &share{Minimum: "75", ExclusiveMaximum: "100"}, ownership.Range{Min: p("75"), Max: p("99.999999")}, 1, false},
		{"an exclusive minimum steps one millionth above, so > 50 is definite under > 50", &share{ExclusiveMinimum: "50"}, ownership.Range{Min: p("50.000001"), Max: p("100")}, 1, false},
		{"too many decimals: the two nearest millionths", &share{Exact: "33.33333333"}, ownership.Range{Min: p("33.333333"), Max: p("33.333334")}, 1, false},
		{"a range upside down is an error", &share{Minimum: "60", Maximum: "40"}, ownership.Range{}, 0, true},
		{"over 100 is an error", &share{Exact: "120"}, ownership.Range{}, 0, true},
		{"not a number is an error", &share{Exact: json.Number("x")}, ownership.Range{}, 0, true},
	}
	for _, c := range cases {
		got, notes, uniform, err := shareRange(c.share)
		if c.bad {
			assert.Error(t, err, c.reason)
			continue
		}
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.want, got, c.reason)
		assert.Len(t, append(notes, uniform...), c.notes, c.reason)
	}
}
