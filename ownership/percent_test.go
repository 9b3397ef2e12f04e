package ownership

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePercent(t *testing.T) {
	cases := []struct {
		in     string
		want   Percent // in millionths of a percent
		err    bool
		reason string
	}{
		{"50", 50_000_000, false, "a whole number"},
		{"37.49", 37_490_000, false, "two decimals"},
		{"0.000001", 1, false, "the resolution: one millionth of a percent"},
		{"1e1", 10_000_000, false, "an exponent"},
		{"2.5E-1", 250_000, false, "a negative exponent"},
		{"-12.5", -12_500_000, false, "negatives parse; the builder rejects them with a record"},
		{"50.0000001", 0, true, "a seventh decimal is real precision: an error, never a rounding across a threshold"},
		{"50.000000001", 0, true, "three extra decimals are still too coarse to be float noise"},
		{"1e-7", 0, true, "below the resolution"},
		{"27.409999999999997", 27_410_000, false, "100 - 72.59 in float64, printed in full, is 27.41"},
		{"72.59000000000001", 72_590_000, false, "float noise above a two-decimal value"},
		{"99.99999999999999", 100_000_000, false, "float noise just under 100 rounds up to 100"},
		{"-0.0000009999999", -1, false, "noise on a negative number rounds its magnitude"},
		{"50.0000000001", 50_000_000, false, "within 10^-9 percent of 50: taken as float noise"},
		{"33.333333333333336", 0, true, "a third is not a six-decimal value: an error"},
		{"0.00000009999", 0, true, "a tail of 0.09999 millionths is neither near 0 nor near 1"},
		{"0.0000000000001", 0, false, "far below the resolution: zero within 10^-9"},
		{"27.409999999", 0, true, "exactly 10^-9 from 27.41 is not under the tolerance"},
		{"27.4099999990", 0, true, "a trailing zero changes nothing"},
		{"27.4099999991", 27_410_000, false, "just under 10^-9 from 27.41"},
		{"27.410000001", 0, true, "exactly 10^-9 above: rejected like below"},
		{"27.4100000009", 27_410_000, false, "just under 10^-9 above"},
		{"9.99e-7", 0, true, "0.999 of a millionth is not noise"},
		{"9.990e-7", 0, true, "nor with a trailing zero"},
		{"999999999.9999999999", 0, true, "rounding up past the 15-digit range is out of range, as the exact value is"},
		{"", 0, true, "empty"},
		{"1.2.3", 0, true, "not a number"},
	}
	for _, c := range cases {
		got, err := ParsePercent(c.in)
		if c.err {
			assert.Error(t, err, c.reason)
			continue
		}
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.want, got, "%s: %s", c.in, c.reason)
	}
}

// TestParsePercentFloats holds every two-decimal percent, computed in float64 and printed in
// full (17 significant digits, as a program that does not round would print it), to the
// value it stands for.
func TestParsePercentFloats(t *testing.T) {
	for n := 0; n <= 10_000; n++ {
		for _, c := range []struct {
			f    float64
			want Percent
		}{
			{float64(n) / 100, Percent(n) * 10_000},
			{100 - float64(n)/100, Percent(10_000-n) * 10_000},
			{float64(n) * 0.01, Percent(n) * 10_000},
		} {
			for _, s := range []string{strconv.FormatFloat(c.f, 'g', 17, 64), strconv.FormatFloat(c.f, 'e', 16, 64), strconv.FormatFloat(c.f, 'f', -1, 64)} {
				got, err := ParsePercent(s)
				if !assert.NoError(t, err, s) || !assert.Equal(t, c.want, got, s) {
					return
				}
			}
		}
	}
}
