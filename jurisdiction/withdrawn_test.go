package jurisdiction

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWithdrawnCodes(t *testing.T) {
	ws := WithdrawnCodes()
	require.Len(t, ws, 31)
	byA4 := map[string]Withdrawn{}
	for i, w := range ws {
		if i > 0 {
			assert.Less(t, ws[i-1].Alpha4, w.Alpha4, "sorted by alpha-4")
		}
		byA4[w.Alpha4] = w
		assert.NotEmpty(t, w.ReplacedBy, w.Alpha4)
		for _, c := range w.ReplacedBy {
			assert.False(t, c.IsSubdivision(), "%s replaced by a country", w.Alpha4)
		}
	}
	tests := []struct {
		alpha4, replacedBy, reason string
	}{
		{"SUHH", "AM AZ EE GE KG KZ LT LV MD RU TJ TM UZ", "USSR; BY and UA had codes of their own"},
		{"YUCS", "ME RS", "Yugoslavia, via Serbia and Montenegro"},
		{"CSHH", "CZ SK", "Czechoslovakia"},
		{"CSXX", "ME RS", "Serbia and Montenegro"},
		{"ANHH", "BQ CW SX", "Netherlands Antilles"},
		{"DDDE", "DE", "German Democratic Republic"},
		{"BUMM", "MM", "Burma"},
		{"ZRCD", "CD", "Zaire"},
		{"TPTL", "TL", "East Timor"},
	}
	for _, tt := range tests {
		w, ok := byA4[tt.alpha4]
		require.True(t, ok, tt.alpha4)
		assert.Equal(t, tt.replacedBy, NewSet(w.ReplacedBy...).String(), tt.reason)
	}
	assert.Equal(t, "1992-08-30", byA4["SUHH"].Date)
	assert.Equal(t, "810", byA4["SUHH"].Numeric)
}

func TestWithdrawnErrorMessage(t *testing.T) {
	_, err := Parse("yug")
	require.ErrorIs(t, err, ErrWithdrawn)
	assert.Equal(t, `jurisdiction: "yug" was withdrawn from ISO 3166: Yugoslavia, (Socialist) Federal Republic of (YUCS), withdrawn 2003-07-23, replaced by ME, RS (renamed Serbia and Montenegro (CS) in 2003, itself withdrawn in 2006)`, err.Error())
}
