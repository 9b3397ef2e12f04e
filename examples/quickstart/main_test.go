package main

import (
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuickstartVerdicts pins what the quickstart shows, with the reason for each.
func TestQuickstartVerdicts(t *testing.T) {
	w, err := world()
	require.NoError(t, err)
	seed, err := eligibility.Compile(preset.Seed(nil, "us-dod-1260h"), w)
	require.NoError(t, err)
	ofac, err := eligibility.Compile(preset.OFAC50("ofac-sdn"), w)
	require.NoError(t, err)
	cases := []struct {
		subject, seed, ofac, reason string
	}{
		{"avi-parts-sg", "deny", "allow", "60% owned by AVIC (HQ Beijing); AVIC is not an SDN"},
		{"nordic-cells-hu", "review", "allow", "60% × 60%: flow-through restricts, multiplicative gives 36%"},
		{"skyfleet-de", "deny", "allow", "30% + 30% by two CN-headquartered companies aggregate to 60%"},
		{"pearl-river-hk", "deny", "allow", "a HK company is not in CN, but it is 100% owned from CN"},
		{"harbour-jp", "review", "review", "45% known, 55% undisclosed: could be restricted"},
		{"formosa-tw", "allow", "allow", "Taiwan is not China under the CN rule"},
		{"baltic-leasing-ee", "allow", "deny", "50% by an SDN: OFAC is >= 50, the seed policy > 50"},
		{"tencent", "deny", "allow", "headquartered in CN-GD, inside CN"},
	}
	for _, c := range cases {
		d, err := eligibility.Evaluate(w, seed, c.subject, asOf)
		require.NoError(t, err)
		assert.Equal(t, c.seed, d.Verdict.String(), "seed: %s: %s", c.subject, c.reason)
		o, err := eligibility.Evaluate(w, ofac, c.subject, asOf)
		require.NoError(t, err)
		assert.Equal(t, c.ofac, o.Verdict.String(), "ofac: %s: %s", c.subject, c.reason)
	}
	require.NoError(t, run())
}
