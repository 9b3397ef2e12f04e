package ownership

import (
	"math/rand/v2"
	"testing"

	"github.com/eligo/eligo/ownership/internal/reftest"
	"github.com/stretchr/testify/require"
)

// TestClassifyMatchesQuery checks that the one-pass batch gives every entity the status a
// one-subject query gives it, on random worlds over every method.
func TestClassifyMatchesQuery(t *testing.T) {
	n := 3000
	if testing.Short() || raceEnabled {
		n = 200
	}
	for seed := 0; seed < n; seed++ {
		rng := rand.New(rand.NewPCG(uint64(seed), 11))
		size := 1 + rng.IntN(30)
		w, roots, r := reftest.RandomWorld(rng, size)
		g, rs, rule := fromRef(t, w, roots, r)
		day := refDay(1 + rng.IntN(reftest.RandomDays))
		c, err := g.Classify(&rule, rs, day)
		require.NoError(t, err)
		for i := 0; i < g.Len(); i++ {
			q, err := g.Query(&rule, rs, ID(i), day)
			require.NoError(t, err)
			require.Equal(t, q.Status, c.Status(ID(i)), "seed %d entity e%d rule %+v", seed, i, rule)
		}
	}
}
