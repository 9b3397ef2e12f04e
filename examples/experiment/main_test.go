package main

import (
	"bytes"
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFlipCounts is the unit-tested policy experiment: on a fixed, seeded population of
// 10,000 generated companies, moving the seed policy's ownership rule from flow-through to
// multiplicative flips exactly these verdicts. A change to the semantics or the generator
// shows up here first.
func TestFlipCounts(t *testing.T) {
	res, _, _, err := Experiment(10_000, 7, "method")
	require.NoError(t, err)
	a, r, d := eligibility.VerdictAllow, eligibility.VerdictReview, eligibility.VerdictDeny
	want := map[Flip]int{
		{a, a}: 8241, {a, r}: 1, {a, d}: 0,
		{r, a}: 299, {r, r}: 399, {r, d}: 0,
		{d, a}: 135, {d, r}: 14, {d, d}: 911,
	}
	for f, n := range want {
		assert.Equal(t, n, res.Counts[f], "%s → %s", f.From, f.To)
	}
	assert.Equal(t, 10_000, res.Total)
}

// TestThresholdExperiment checks the other experiment's direction: lowering the threshold
// from 50% to 25% never makes a verdict milder.
func TestThresholdExperiment(t *testing.T) {
	res, _, _, err := Experiment(10_000, 7, "threshold")
	require.NoError(t, err)
	for f, n := range res.Counts {
		if n > 0 {
			assert.GreaterOrEqual(t, f.To, f.From, "%d entities went from %s to %s at a lower threshold", n, f.From, f.To)
		}
	}
}

func TestRunPrints(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, 2_000, 7, "method"))
	assert.Contains(t, out.String(), "seed/flow_through versus seed/multiplicative")
	require.Error(t, run(&out, 10, 7, "nonsense"))
}
