package reftest

import (
	"fmt"
	"maps"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func st(owner, owned int, lo, hi string) StakeFact {
	return StakeFact{Owner: owner, Owned: owned, Lo: pct(lo), Hi: pct(hi)}
}

func votes(s StakeFact) StakeFact { s.Votes = true; return s }

func group(s StakeFact, g string) StakeFact { s.Group = g; return s }

func rootsOf(n int, rs ...int) []bool {
	out := make([]bool, n)
	for _, r := range rs {
		out[r] = true
	}
	return out
}

// TestHandExamples are small worlds computed by hand, mostly for what the public cases do not
// exercise (votes, multiplicative upper bounds, groups with non-root members).
func TestHandExamples(t *testing.T) {
	rule := func(method string, agg bool) Rule {
		return Rule{Threshold: pct("50"), Inclusive: true, Aggregate: agg, Method: method}
	}
	tests := []struct {
		reason  string
		w       World
		roots   []bool
		r       Rule
		subject int
		verdict string
		lower   string
		upper   string
	}{
		{
			reason: "FAQ 401 ex. 3: 10% direct plus A's whole 40% (A is 50% owned)",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 1, "50", "50"), st(0, 2, "10", "10"), st(1, 2, "40", "40")}},
			roots: rootsOf(3, 0), r: rule("flow_through", true), subject: 2,
			verdict: Restricted, lower: "50", upper: "50",
		},
		{
			reason: "multiplicative: 10 + 50% of 40 = 30",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 1, "50", "50"), st(0, 2, "10", "10"), st(1, 2, "40", "40")}},
			roots: rootsOf(3, 0), r: rule("multiplicative", true), subject: 2,
			verdict: Clear, lower: "30", upper: "30",
		},
		{
			reason: "votes are a measure of their own: 60% of the votes",
			w: World{Entities: make([]EntityFacts, 2),
				Stakes: []StakeFact{st(0, 1, "10", "10"), votes(st(0, 1, "60", "60"))}},
			roots: rootsOf(2, 0), r: rule("direct", true), subject: 1,
			verdict: Restricted, lower: "60", upper: "60",
		},
		{
			reason: "flow_through: A (100% shares of a root) is restricted and passes its 60% votes in B",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 1, "100", "100"), votes(st(1, 2, "60", "60"))}},
			roots: rootsOf(3, 0), r: rule("flow_through", true), subject: 2,
			verdict: Restricted, lower: "60", upper: "60",
		},
		{
			reason: "multiplicative chains multiply votes by votes: A has no votes stakes, so B gets none",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 1, "100", "100"), votes(st(1, 2, "60", "60"))}},
			roots: rootsOf(3, 0), r: rule("multiplicative", true), subject: 2,
			verdict: Clear, lower: "0", upper: "0",
		},
		{
			reason: "partial: the votes measure is not considered without a votes stake, shares remainder 70",
			w: World{Entities: []EntityFacts{{}, {Partial: true}},
				Stakes: []StakeFact{st(0, 1, "30", "30")}},
			roots: rootsOf(2), r: rule("flow_through", true), subject: 1,
			verdict: Review, lower: "0", upper: "70",
		},
		{
			reason: "multiplicative upper: spare capacity goes to the owner with the larger upper share",
			// 0 root; 0 owns 80% of 1 and 30% of 2; 3 owned by 1 [0,100] and 2 [0,100], full.
			w: World{Entities: make([]EntityFacts, 4),
				Stakes: []StakeFact{st(0, 1, "80", "80"), st(0, 2, "30", "30"), st(1, 3, "0", "100"), st(2, 3, "0", "100")}},
			roots: rootsOf(4, 0), r: rule("multiplicative", true), subject: 3,
			verdict: Review, lower: "0", upper: "80",
		},
		{
			reason: "a closed 100% cycle with no root makes itself nothing (least solution)",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 1, "100", "100"), st(1, 0, "100", "100"), st(1, 2, "100", "100")}},
			roots: rootsOf(3), r: rule("multiplicative", true), subject: 2,
			verdict: Clear, lower: "0", upper: "0",
		},
		{
			reason: "a 50% cycle fed by a root: eff(1) = 40 + 0.5·eff(2), eff(2) = 0.5·eff(1) → 160/3",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 1, "40", "40"), st(2, 1, "50", "50"), st(1, 2, "50", "50")}},
			roots: rootsOf(3, 0), r: rule("multiplicative", true), subject: 1,
			verdict: Restricted, lower: "160/3", upper: "160/3",
		},
		{
			reason: "per holder: root 0 holds the whole joint group, including non-root 1's stake",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{group(st(0, 2, "30", "30"), "g"), group(st(1, 2, "25", "25"), "g")}},
			roots: rootsOf(3, 0), r: rule("flow_through", false), subject: 2,
			verdict: Restricted, lower: "55", upper: "55",
		},
		{
			reason: "per holder: two roots' 30% each do not add up",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes: []StakeFact{st(0, 2, "30", "30"), st(1, 2, "30", "30")}},
			roots: rootsOf(3, 0, 1), r: rule("flow_through", false), subject: 2,
			verdict: Clear, lower: "30", upper: "30",
		},
		{
			reason: "rights_of_another (deny): 1's stake counts for holder 0, who controls 1",
			w: World{Entities: make([]EntityFacts, 3),
				Stakes:   []StakeFact{st(0, 2, "30", "30"), st(1, 2, "30", "30")},
				Controls: []ControlFact{{Controller: 0, Controlled: 1, Basis: "rights_of_another"}}},
			roots: rootsOf(3, 0),
			r: Rule{Threshold: pct("50"), Inclusive: true, Method: "direct",
				Controls: map[string]string{"rights_of_another": "deny"}},
			subject: 2, verdict: Restricted, lower: "60", upper: "60",
		},
		{
			reason: "review control, ignore unknown: still review",
			w: World{Entities: []EntityFacts{{}, {Partial: true}},
				Controls: []ControlFact{{Controller: 0, Controlled: 1, Basis: "de_facto"}}},
			roots: rootsOf(2, 0),
			r: Rule{Threshold: pct("50"), Method: "flow_through", Aggregate: true, IgnoreUnknown: true,
				Controls: map[string]string{"de_facto": "review"}},
			subject: 1, verdict: Review, lower: "0", upper: "0",
		},
		{
			reason:  "review_at is >= even when the rule is exclusive",
			w:       World{Entities: make([]EntityFacts, 2), Stakes: []StakeFact{st(0, 1, "25", "25")}},
			roots:   rootsOf(2, 0),
			r:       Rule{Threshold: pct("50"), Method: "direct", Aggregate: true, ReviewAt: pct("25")},
			subject: 1, verdict: Review, lower: "25", upper: "25",
		},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			res := Evaluate(tc.w, tc.roots, tc.r, tc.subject, 1)
			if res.Verdict != tc.verdict || res.Lower.Cmp(pct(tc.lower)) != 0 || res.Upper.Cmp(pct(tc.upper)) != 0 {
				t.Errorf("got %s [%s, %s] (%s), want %s [%s, %s]", res.Verdict, res.Lower.RatString(),
					res.Upper.RatString(), res.Why, tc.verdict, tc.lower, tc.upper)
			}
		})
	}
}

var rank = map[string]int{Clear: 0, Review: 1, Restricted: 2}

// TestRandomProperties checks invariants that any correct implementation has, on random
// worlds: bounds in order, determinism, and monotonicity in the threshold, the roots and the
// upper ends of ranges.
func TestRandomProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	iters := 400
	if testing.Short() {
		iters = 60
	}
	for it := range iters {
		n := 1 + rng.IntN(12)
		if it%10 == 0 {
			n = 1 + rng.IntN(30)
		}
		w, roots, r := RandomWorld(rng, n)
		subject := rng.IntN(n)
		at := 1 + rng.IntN(RandomDays)
		name := fmt.Sprintf("iter %d (n=%d, %s, aggregate=%v, subject %d, day %d)", it, n, r.Method, r.Aggregate, subject, at)
		res := Evaluate(w, roots, r, subject, at)
		if res.Lower.Sign() < 0 || res.Lower.Cmp(res.Upper) > 0 || res.Upper.Cmp(pct("100")) > 0 {
			t.Fatalf("%s: bounds [%s, %s]", name, res.Lower.RatString(), res.Upper.RatString())
		}
		if again := Evaluate(w, roots, r, subject, at); again.Why != res.Why || again.Verdict != res.Verdict {
			t.Fatalf("%s: not deterministic", name)
		}
		if r.IgnoreUnknown && r.ReviewAt == nil && r.Method != "compare" && !slices.Contains(slices.Collect(maps.Values(r.Controls)), "review") && res.Verdict == Review {
			t.Fatalf("%s: review without any source of doubt: %s", name, res.Why)
		}
		// A lower threshold never gives a milder verdict.
		r2 := r
		r2.Threshold = new(big.Rat).Mul(r.Threshold, big.NewRat(int64(rng.IntN(10)), 10))
		if r2.ReviewAt != nil && r2.ReviewAt.Cmp(r2.Threshold) > 0 {
			r2.ReviewAt = nil
			if r.ReviewAt != nil && res.Verdict == Review {
				goto roots // removing review_at may lower the verdict: skip this check
			}
		}
		if got := Evaluate(w, roots, r2, subject, at); rank[got.Verdict] < rank[res.Verdict] {
			t.Fatalf("%s: threshold %s gives %s, threshold %s gives %s", name, r.Threshold.RatString(), res.Verdict, r2.Threshold.RatString(), got.Verdict)
		}
	roots:
		// One more root never gives a milder verdict, nor a lower lower bound.
		more := slices.Clone(roots)
		more[rng.IntN(n)] = true
		if got := Evaluate(w, more, r, subject, at); rank[got.Verdict] < rank[res.Verdict] || got.Lower.Cmp(res.Lower) < 0 {
			t.Fatalf("%s: adding a root: %s [%s] -> %s [%s]", name, res.Verdict, res.Lower.RatString(), got.Verdict, got.Lower.RatString())
		}
		// Raising the upper end of a range never gives a milder verdict nor changes the lower bound.
		if len(w.Stakes) > 0 {
			w2 := w
			w2.Stakes = slices.Clone(w.Stakes)
			i := rng.IntN(len(w2.Stakes))
			w2.Stakes[i].Hi = pct("100")
			if got := Evaluate(w2, roots, r, subject, at); rank[got.Verdict] < rank[res.Verdict] || got.Lower.Cmp(res.Lower) != 0 || got.Upper.Cmp(res.Upper) < 0 {
				t.Fatalf("%s: widening stake %d: %s -> %s", name, i, res.Why, got.Why)
			}
		}
	}
}

// TestPolicyIterationBruteForce checks the multiplicative upper bound against the maximum,
// over every combination of greedy allocations (one per order of each entity's stakes:
// these include every optimal vertex of each entity's allocation polytope), of the least
// solution of the resulting linear system.
func TestPolicyIterationBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for it := 0; checked < 300 && it < 20000; it++ {
		n := 2 + rng.IntN(5)
		w, roots, r := RandomWorld(rng, n)
		r.IgnoreUnknown = false
		at := 1 + rng.IntN(RandomDays)
		c := newCtx(w, roots, r, at)
		for _, h := range c.holders() {
			RL := slices.Clone(h.base)
			for m := range numMeasures {
				want, combos := bruteUpper(c, m, RL, h)
				if combos < 2 {
					continue // too many, or nothing to choose
				}
				got := c.solveEff(m, RL, h, upperRun)
				for e := range n {
					if got[e].Cmp(want[e]) != 0 {
						t.Fatalf("iter %d, holder %s, measure %d, entity %d: policy iteration %s, brute force %s",
							it, h.name, m, e, got[e].RatString(), want[e].RatString())
					}
				}
				checked++
			}
		}
	}
	t.Logf("%d systems checked", checked)
}

func permutations(xs []int) [][]int {
	if len(xs) <= 1 {
		return [][]int{slices.Clone(xs)}
	}
	var out [][]int
	for i := range xs {
		rest := append(slices.Clone(xs[:i]), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{xs[i]}, p...))
		}
	}
	return out
}

// bruteUpper enumerates allocations; it returns the number of combinations, 0 when there are
// too many.
func bruteUpper(c *ctx, m int, RL []bool, h *holder) ([]*big.Rat, int) {
	type allocation struct {
		x map[int]*big.Rat
		u *big.Rat
	}
	options := make([][]allocation, c.n)
	combos := 1
	for e := range c.n {
		seen := map[string]bool{}
		for _, p := range permutations(c.into[m][e]) {
			rank := map[int]int{}
			for i, si := range p {
				rank[si] = len(p) - i // earlier in p = higher weight
			}
			x, u := c.greedy(e, m, func(si int) *big.Rat { return big.NewRat(int64(rank[si]), 100) })
			var key strings.Builder
			for _, si := range c.into[m][e] {
				key.WriteString(x[si].RatString() + ",")
			}
			if !seen[key.String()] {
				seen[key.String()] = true
				options[e] = append(options[e], allocation{x, u})
			}
		}
		combos *= len(options[e])
		if combos > 3000 {
			return nil, 0
		}
	}
	best := make([]*big.Rat, c.n)
	for e := range best {
		best[e] = new(big.Rat)
	}
	choice := make([]int, c.n)
	for {
		A := make([][]*big.Rat, c.n)
		b := make([]*big.Rat, c.n)
		for e := range c.n {
			A[e] = make([]*big.Rat, c.n)
			al := options[e][choice[e]]
			b[e] = new(big.Rat).Set(al.u)
			for _, si := range c.into[m][e] {
				s := c.stakes[si]
				if RL[s.Owner] || c.holds(h, s, RL) {
					b[e].Add(b[e], al.x[si])
					continue
				}
				if A[e][s.Owner] == nil {
					A[e][s.Owner] = new(big.Rat)
				}
				A[e][s.Owner].Add(A[e][s.Owner], new(big.Rat).Quo(al.x[si], big.NewRat(100, 1)))
			}
		}
		x := leastSolution(A, b)
		for e := range c.n {
			if x[e].Cmp(best[e]) > 0 {
				best[e] = x[e]
			}
		}
		i := 0
		for ; i < c.n; i++ {
			choice[i]++
			if choice[i] < len(options[i]) {
				break
			}
			choice[i] = 0
		}
		if i == c.n {
			return best, combos
		}
	}
}
