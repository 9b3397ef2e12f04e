package reftest

import (
	"fmt"
	"math/big"
	"math/rand/v2"
)

// bases lists the control bases of the case format, in a fixed order.
var bases = []string{"board_majority", "voting_agreement", "contract", "golden_share", "option", "de_facto", "rights_of_another"}

// methods lists the rule methods, in a fixed order.
var methods = []string{"direct", "flow_through", "multiplicative", "compare"}

// RandomDays is the range of day numbers RandomWorld uses in validity intervals: evaluate
// its worlds on days 1..RandomDays.
const RandomDays = 16

// gridPercents are share values that often meet thresholds exactly.
var gridPercents = []string{"0", "5", "10", "12.5", "19.99", "20", "25", "30", "33", "33.33", "40", "45", "49",
	"49.99", "50", "50.01", "51", "60", "66.67", "75", "80", "100"}

// gridThresholds are the thresholds RandomWorld's rules use most.
var gridThresholds = []string{"10", "25", "33", "50", "75"}

func pct(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("reftest: bad percent " + s)
	}
	return r
}

// randomPercent returns a share in [0, max] with at most two decimals, often from the grid.
func randomPercent(rng *rand.Rand, max *big.Rat) *big.Rat {
	if rng.IntN(3) > 0 {
		v := pct(gridPercents[rng.IntN(len(gridPercents))])
		if v.Cmp(max) <= 0 {
			return v
		}
	}
	// a random multiple of 0.01 in [0, max]
	hundredths := new(big.Rat).Mul(max, big.NewRat(100, 1))
	limit := new(big.Int).Quo(hundredths.Num(), hundredths.Denom()).Int64()
	if limit <= 0 {
		return new(big.Rat)
	}
	return big.NewRat(rng.Int64N(limit+1), 100)
}

func randomInterval(rng *rand.Rand) (from, until int) {
	if rng.IntN(5) > 0 {
		return 0, 0
	}
	switch rng.IntN(3) {
	case 0:
		return 1 + rng.IntN(RandomDays), 0
	case 1:
		return 0, 2 + rng.IntN(RandomDays-1)
	default:
		from = 1 + rng.IntN(RandomDays-1)
		return from, from + 1 + rng.IntN(RandomDays-from)
	}
}

// RandomWorld returns a small random world of n entities (1 <= n <= 30; other values
// panic), the roots to evaluate it with, and a random rule, for property tests that compare
// implementations. It exercises every feature: exact and ranged stakes, partial disclosure,
// votes stakes, joint groups (root and non-root members), controls on every basis, stakes
// and controls dated within days 1..[RandomDays], cross-holdings and cycles, and rules over
// every method, inclusive or not, aggregate or not, with or without review_at,
// unknown_owners review or ignore, and every control mapping. The world is valid under
// DESIGN.md reading 13: no self-stakes or self-controls, bounds in [0, 100] with lo <= hi,
// and the lower bounds of the stakes of each measure into one entity sum to at most 100
// (whatever the dates); every percentage has at most two decimals. The same rng state gives
// the same result.
func RandomWorld(rng *rand.Rand, n int) (World, []bool, Rule) {
	if n < 1 || n > 30 {
		panic(fmt.Sprintf("reftest: RandomWorld: n = %d, want 1..30", n))
	}
	var w World
	roots := make([]bool, n)
	rootProb := 1 + rng.IntN(4) // roots with probability 1/rootProb.. roughly
	for i := range n {
		w.Entities = append(w.Entities, EntityFacts{Partial: rng.IntN(5) == 0})
		roots[i] = rng.IntN(rootProb+2) == 0
	}
	groups := []string{"g1", "g2", "g3"}
	if n >= 2 {
		for e := range n {
			budget := [2]*big.Rat{pct("100"), pct("100")}
			k := rng.IntN(5)
			if rng.IntN(4) == 0 {
				k = 0 // some entities have no known owners
			}
			for range k {
				o := rng.IntN(n - 1)
				if o >= e {
					o++
				}
				m := 0
				if rng.IntN(7) == 0 {
					m = 1
				}
				lo := randomPercent(rng, budget[m])
				budget[m].Sub(budget[m], lo)
				hi := new(big.Rat).Set(lo)
				if rng.IntN(4) == 0 {
					hi.Add(lo, randomPercent(rng, new(big.Rat).Sub(pct("100"), lo)))
				}
				s := StakeFact{Owner: o, Owned: e, Lo: lo, Hi: hi, Votes: m == 1}
				if rng.IntN(6) == 0 {
					s.Group = groups[rng.IntN(len(groups))]
				}
				s.From, s.Until = randomInterval(rng)
				w.Stakes = append(w.Stakes, s)
			}
		}
		for range rng.IntN(n/2 + 2) {
			a, b := rng.IntN(n), rng.IntN(n-1)
			if b >= a {
				b++
			}
			k := ControlFact{Controller: a, Controlled: b, Basis: bases[rng.IntN(len(bases))]}
			k.From, k.Until = randomInterval(rng)
			w.Controls = append(w.Controls, k)
		}
	}
	r := Rule{
		Inclusive:     rng.IntN(2) == 0,
		Aggregate:     rng.IntN(2) == 0,
		Method:        methods[rng.IntN(len(methods))],
		IgnoreUnknown: rng.IntN(3) == 0,
		Controls:      map[string]string{},
	}
	switch x := rng.IntN(40); {
	case x == 0:
		r.Threshold = pct("0") // degenerate: inclusive, every entity is restricted
	case x == 1:
		r.Threshold = pct("100")
	case x < 30:
		r.Threshold = pct(gridThresholds[rng.IntN(len(gridThresholds))])
	default:
		r.Threshold = big.NewRat(1+rng.Int64N(9999), 100)
	}
	if rng.IntN(3) == 0 {
		r.ReviewAt = randomPercent(rng, r.Threshold)
	}
	for _, b := range bases {
		switch rng.IntN(4) {
		case 0:
			r.Controls[b] = "deny"
		case 1:
			r.Controls[b] = "review"
		case 2:
			r.Controls[b] = "ignore"
		}
	}
	return w, roots, r
}
