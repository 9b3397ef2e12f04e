package synth

import (
	"testing"

	"github.com/eligo/eligo/ownership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShape checks the generated world has the shape the benchmarks claim.
func TestShape(t *testing.T) {
	const n = 100_000
	w := Generate(n, 1)
	g, err := w.Build()
	require.NoError(t, err)
	stakesPer := float64(g.NumStakes()) / n
	assert.InDelta(t, 2.0, stakesPer, 0.3, "about 2 stakes per entity")
	roots := 0
	for _, r := range w.Roots {
		if r {
			roots++
		}
	}
	assert.InDelta(t, 0.01, float64(roots)/n, 0.01, "about 1%% roots")
	// depth: number of majority layers above each entity
	parent := make([]int, n)
	for i := range parent {
		parent[i] = -1
	}
	for _, s := range w.Stakes {
		if s.Share.Min > 50*ownership.PercentScale {
			o, _ := g.Lookup(s.Owner)
			d, _ := g.Lookup(s.Owned)
			parent[d] = int(o)
		}
	}
	shallow, deep, deepest := 0, 0, 0
	for i := range parent {
		d := 0
		for x := parent[i]; x >= 0 && d < 100; x = parent[x] {
			d++
		}
		if d <= 2 {
			shallow++
		}
		if d > 5 {
			deep++
		}
		deepest = max(deepest, d)
	}
	t.Logf("stakes/entity %.2f, roots %d, ≤1 intermediary %.1f%%, >5 layers %.1f%%, deepest %d",
		stakesPer, roots, 100*float64(shallow)/n, 100*float64(deep)/n, deepest)
	assert.InDelta(t, 0.74, float64(shallow)/n, 0.08)
	assert.InDelta(t, 0.05, float64(deep)/n, 0.04)
	assert.GreaterOrEqual(t, deepest, 20)
	// determinism
	w2 := Generate(n, 1)
	assert.Equal(t, w.Stakes[:100], w2.Stakes[:100])
}
