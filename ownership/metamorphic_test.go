package ownership

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eligo/eligo/ownership/internal/reftest"
	"github.com/stretchr/testify/require"
)

// TestMetamorphic checks relations between answers on random worlds: more roots, larger
// root stakes and lower thresholds never make a restricted subject clear (nor any answer
// milder), and renaming and reordering entities changes nothing.
func TestMetamorphic(t *testing.T) {
	n := 600
	if testing.Short() || raceEnabled {
		n = 150
	}
	for seed := 0; seed < n; seed++ {
		rng := rand.New(rand.NewPCG(uint64(seed), 99))
		size := 2 + rng.IntN(14)
		w, roots, r := reftest.RandomWorld(rng, size)
		day := 1 + rng.IntN(reftest.RandomDays)
		base := statuses(t, w, roots, r, day)

		// one more root
		more := slices.Clone(roots)
		more[rng.IntN(size)] = true
		noMilder(t, seed, "an added root", base, statuses(t, w, more, r, day))

		// a root's stake raised (within what the entity can hold)
		if i := rootStake(w, roots, rng); i >= 0 {
			w2 := cloneWorld(w)
			s := &w2.Stakes[i]
			room := roomIn(w2, s.Owned, s.Votes)
			add := new(big.Rat).Mul(room, big.NewRat(int64(rng.IntN(101)), 100))
			s.Lo = new(big.Rat).Add(s.Lo, add)
			s.Hi = new(big.Rat).Add(s.Hi, add)
			if s.Hi.Cmp(big.NewRat(100, 1)) > 0 {
				s.Hi = big.NewRat(100, 1)
			}
			noMilder(t, seed, "a root's stake raised", base, statuses(t, w2, roots, r, day))
		}

		// a higher threshold never restricts more
		r2 := r
		r2.Threshold = new(big.Rat).Add(r.Threshold, big.NewRat(int64(1+rng.IntN(20)), 1))
		if r2.Threshold.Cmp(big.NewRat(100, 1)) <= 0 {
			if r2.ReviewAt != nil && r2.ReviewAt.Cmp(r2.Threshold) > 0 {
				r2.ReviewAt = nil
			}
			higher := statuses(t, w, roots, r2, day)
			for i := range base {
				if higher[i] == Restricted {
					require.Equal(t, Restricted, base[i], "seed %d e%d: restricted at a higher threshold but not at the lower", seed, i)
				}
			}
		}

		// renaming and reordering: reverse the entity order
		perm := make([]int, size)
		for i := range perm {
			perm[i] = size - 1 - i
		}
		w3, roots3 := permute(w, roots, perm)
		renamed := statuses(t, w3, roots3, r, day)
		for i := range base {
			require.Equal(t, base[i], renamed[perm[i]], "seed %d: e%d changed when renamed", seed, i)
		}
	}
}

func statuses(t *testing.T, w reftest.World, roots []bool, r reftest.Rule, day int) []Status {
	g, rs, rule := fromRef(t, w, roots, r)
	out := make([]Status, g.Len())
	for i := range out {
		res, err := g.Query(&rule, rs, ID(i), refDay(day))
		require.NoError(t, err)
		out[i] = res.Status
	}
	return out
}

func noMilder(t *testing.T, seed int, what string, before, after []Status) {
	t.Helper()
	for i := range before {
		require.GreaterOrEqual(t, after[i].outcome(), before[i].outcome(), "seed %d e%d: %s made %s into %s", seed, i, what, before[i], after[i])
	}
}

func rootStake(w reftest.World, roots []bool, rng *rand.Rand) int {
	var idx []int
	for i, s := range w.Stakes {
		if roots[s.Owner] {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return -1
	}
	return idx[rng.IntN(len(idx))]
}

// roomIn is 100 minus the largest sum of lower bounds into owned on any day (a crude bound:
// all stakes of the measure at once).
func roomIn(w reftest.World, owned int, votes bool) *big.Rat {
	sum := new(big.Rat)
	for _, s := range w.Stakes {
		if s.Owned == owned && s.Votes == votes {
			sum.Add(sum, s.Lo)
		}
	}
	room := new(big.Rat).Sub(big.NewRat(100, 1), sum)
	if room.Sign() < 0 {
		return new(big.Rat)
	}
	return room
}

func cloneWorld(w reftest.World) reftest.World {
	return reftest.World{Entities: slices.Clone(w.Entities), Stakes: slices.Clone(w.Stakes), Controls: slices.Clone(w.Controls)}
}

func permute(w reftest.World, roots []bool, perm []int) (reftest.World, []bool) {
	out := reftest.World{Entities: make([]reftest.EntityFacts, len(w.Entities))}
	r := make([]bool, len(roots))
	for i, e := range w.Entities {
		out.Entities[perm[i]] = e
		r[perm[i]] = roots[i]
	}
	for _, s := range w.Stakes {
		s.Owner, s.Owned = perm[s.Owner], perm[s.Owned]
		out.Stakes = append(out.Stakes, s)
	}
	slices.Reverse(out.Stakes)
	for _, c := range w.Controls {
		c.Controller, c.Controlled = perm[c.Controller], perm[c.Controlled]
		out.Controls = append(out.Controls, c)
	}
	return out, r
}
