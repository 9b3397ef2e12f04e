package resolve

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseScore(t *testing.T) {
	cases := []struct {
		in     string
		want   Score
		ok     bool
		reason string
	}{
		{"0.85", 8500, true, "two decimals"},
		{"0.9", 9000, true, "one decimal"},
		{".5", 5000, true, "no integer part"},
		{"1", MaxScore, true, "one"},
		{"1.0000", MaxScore, true, "one with decimals"},
		{"0", 0, true, "zero"},
		{"0.0001", 1, true, "the smallest step"},
		{"0.00001", 0, false, "five decimals"},
		{"1.01", 0, false, "above one"},
		{"2", 0, false, "above one"},
		{"-0.5", 0, false, "negative"},
		{"0.", 0, false, "a dot without decimals"},
		{"", 0, false, "empty"},
		{"0,5", 0, false, "a comma"},
		{"0.8e1", 0, false, "an exponent"},
	}
	for _, c := range cases {
		got, err := ParseScore(c.in)
		if !c.ok {
			assert.ErrorIs(t, err, ErrScore, c.reason)
			continue
		}
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.want, got, c.reason)
		text, err := got.MarshalText()
		require.NoError(t, err)
		var back Score
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, got, back, "round trip of %s", text)
	}
	assert.Equal(t, "0.9000", ReviewThreshold.String())
	assert.InDelta(t, 0.9, ReviewThreshold.Float(), 1e-12)
	_, err := (MaxScore + 1).MarshalText()
	assert.ErrorIs(t, err, ErrScore)
}
