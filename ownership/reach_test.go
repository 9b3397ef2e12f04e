package ownership

import (
	"math/rand/v2"
	"testing"

	"github.com/eligo/eligo/ownership/internal/reftest"
	"github.com/stretchr/testify/require"
)

// TestReachByHand checks which entities a Reach holds on a world with every way in: a
// root's stakes, a partially disclosed entity's, a control, a joint group and a branch;
// and that answers screened by it equal the full ones, over every method.
func TestReachByHand(t *testing.T) {
	gs := Stake{Owner: "R", Owned: "X", Share: Exact(PercentOf(5)), JointGroup: "g"}
	gy := Stake{Owner: "Y", Owned: "Q", Share: Exact(PercentOf(60)), JointGroup: "g"}
	w := world{
		entities: []string{"R", "A", "S", "P", "T", "U", "V", "C", "D", "X", "Y", "Q", "Qb", "W"},
		branches: map[string]string{"Qb": "Q"},
		partial:  []string{"P"},
		stakes:   []Stake{st("R", "A", "60"), st("A", "S", "55"), st("P", "T", "30"), st("U", "V", "70"), st("C", "D", "10"), gs, gy},
		controls: []Control{{Controller: "R", Controlled: "C", Basis: BoardMajority}},
	}
	g := w.build(t)
	rs := rootsOf(t, g, "R")
	reach := g.Reach(rs)
	in := map[string]bool{"R": true, "A": true, "S": true, "P": true, "T": true, "C": true, "D": true, "X": true, "Q": true, "Qb": true}
	for _, name := range w.entities {
		id, _ := g.Lookup(name)
		require.Equal(t, in[name], reach.Has(id), name)
	}
	require.Equal(t, 10, reach.Len())
	require.False(t, reach.Has(NoID))
	require.False(t, reach.Has(ID(g.Len())))
	require.Same(t, g, reach.Graph())

	screened := Screened{Roots: rs, Reach: reach}
	rules := []Rule{{Threshold: PercentOf(50), Method: FlowThrough}}
	for _, m := range []Method{Direct, FlowThrough, Multiplicative, Compare} {
		for _, per := range []bool{false, true} {
			rules = append(rules, Rule{Threshold: PercentOf(50), Method: m, PerHolder: per,
				Controls: [NumBases]ControlEffect{BoardMajority: ControlDeny}})
		}
	}
	// Rules for which a share of 0 is not clear: the Reach must be ignored.
	rules = append(rules,
		Rule{Threshold: 0, Inclusive: true, Method: Compare},
		Rule{Threshold: PercentOf(50), Method: FlowThrough, HasReviewAt: true, ReviewAt: 0})
	for _, rule := range rules {
		for id := ID(0); int(id) < g.Len(); id++ {
			want, err := g.Query(&rule, rs, id, refBase)
			require.NoError(t, err)
			got, err := g.Query(&rule, screened, id, refBase)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s rule %+v", g.Name(id), rule)
			if !reach.Has(id) && !rule.meetsZero() && !rule.HasReviewAt {
				require.Equal(t, Clear, got.Status, g.Name(id))
				require.Equal(t, Bounds{}, got.Share, g.Name(id))
			}
		}
	}
	// Per holder, R holds the group g and so Y's 60% in Q: only the group brings Q in.
	q, _ := g.Lookup("Q")
	perHolder := Rule{Threshold: PercentOf(50), Method: FlowThrough, PerHolder: true}
	res, err := g.Query(&perHolder, screened, q, refBase)
	require.NoError(t, err)
	require.Equal(t, Restricted, res.Status)
	require.Equal(t, PercentOf(60), res.Share.Lower)
	// Threshold 0 inclusive restricts even an entity outside the Reach.
	u, _ := g.Lookup("U")
	zero := Rule{Threshold: 0, Inclusive: true, Method: FlowThrough}
	res, err = g.Query(&zero, screened, u, refBase)
	require.NoError(t, err)
	require.Equal(t, Restricted, res.Status)

	// A Reach of another graph is ignored: this one, from no candidates, leaves S out.
	other := w.build(t).Reach(NewRootSet())
	s, _ := g.Lookup("S")
	require.False(t, other.Has(s))
	res, err = g.Query(&rules[0], Screened{Roots: rs, Reach: other}, s, refBase)
	require.NoError(t, err)
	require.Equal(t, Restricted, res.Status)
	// And a nil Reach means none.
	res, err = g.Query(&rules[0], Screened{Roots: rs}, s, refBase)
	require.NoError(t, err)
	require.Equal(t, Restricted, res.Status)
}

// TestReachAgainstFull answers random worlds, over every method and feature, with and
// without a Reach computed from the roots and some other candidates, and requires the same
// answers: the screened-out subjects must be exactly clear with nothing.
func TestReachAgainstFull(t *testing.T) {
	n := 2000
	if testing.Short() || raceEnabled {
		n = 300
	}
	var reused Result
	out, asked := 0, 0
	for seed := 0; seed < n; seed++ {
		rng := rand.New(rand.NewPCG(uint64(seed), 13))
		size := 1 + rng.IntN(20)
		w, roots, r := reftest.RandomWorld(rng, size)
		g, rs, rule := fromRef(t, w, roots, r)
		candidates := NewRootSet()
		for i, ok := range roots {
			if ok || rng.IntN(10) == 0 {
				candidates.Add(ID(i))
			}
		}
		// A plain Reach, one refined for the rule, or one refined for a rule like it with
		// another threshold (which only a lower one lets the query use).
		var reach *Reach
		switch seed % 3 {
		case 0:
			reach = g.Reach(candidates)
		case 1:
			reach = g.ReachFor(candidates, &rule)
		default:
			other := rule
			other.Threshold = Percent(rng.Int64N(int64(Hundred) + 1))
			reach = g.ReachFor(candidates, &other)
		}
		screened := Screened{Roots: rs, Reach: reach}
		for subject := 0; subject < size; subject++ {
			day := refDay(1 + rng.IntN(reftest.RandomDays))
			want := requireSameScreened(t, g, &rule, rs, screened, ID(subject), day, "seed %d", seed)
			// Into a reused result too, which the fast answer must reset like the full one.
			require.NoError(t, g.QueryInto(&reused, &rule, screened, ID(subject), day))
			require.Equal(t, want.Status, reused.Status)
			require.Equal(t, want.Share, reused.Share)
			require.Len(t, reused.Terms, len(want.Terms))
			require.Len(t, reused.Paths, len(want.Paths))
			require.Len(t, reused.Parts, len(want.Parts))
			asked++
			if !reach.Has(ID(subject)) {
				out++
			}
		}
	}
	t.Logf("%d of %d subjects screened out", out, asked)
	require.Greater(t, out, asked/20, "the worlds must exercise the screen")
}

// TestReachRandomBytes runs the builder fuzzer's body, which compares answers screened by
// a Reach with full ones, on random inputs: worlds with branches (which the reference
// worlds lack), controls, joint groups, partial disclosure and dates.
func TestReachRandomBytes(t *testing.T) {
	n := 3000
	if testing.Short() || raceEnabled {
		n = 300
	}
	rng := rand.New(rand.NewPCG(17, 19))
	for i := 0; i < n; i++ {
		data := make([]byte, 2+rng.IntN(120))
		for j := range data {
			data[j] = byte(rng.IntN(256))
		}
		if i%2 == 0 {
			data[0] = byte(5 + rng.IntN(7)) // more entities
		}
		fuzzBody(t, data)
	}
}

// TestReachForByHand checks the entities a Reach refined for a flow-through rule marks as
// possibly restricted, on chains where only that mark decides whether the query climbs:
// exact thresholds, ranges, votes, controls, partial disclosure and several dates; and
// that the refined Reach changes no answer under any rule, including those it was not
// refined for.
func TestReachForByHand(t *testing.T) {
	later := Stake{Owner: "R", Owned: "F", Share: Exact(PercentOf(30)), Valid: Interval{From: refBase + 10}}
	earlier := Stake{Owner: "R", Owned: "F", Share: Exact(PercentOf(25)), Valid: Interval{Until: refBase + 10}}
	votes := Stake{Owner: "R", Owned: "H", Share: Exact(PercentOf(50)), Measure: Votes}
	w := world{
		entities: []string{"R", "A", "SA", "B", "SB", "C", "SC", "D", "SD", "P", "SP", "E", "SE", "F", "SF", "H", "SH", "G", "SG"},
		partial:  []string{"P"},
		stakes: []Stake{
			st("R", "A", "50"), st("A", "SA", "100"), // exactly the threshold
			st("R", "B", "30"), st("B", "SB", "100"), // below it: B is never restricted
			{Owner: "R", Owned: "C", Share: Range{PercentOf(40), PercentOf(60)}}, st("C", "SC", "100"), // may be
			st("R", "D", "20"), st("D", "SD", "100"), // controlled instead
			st("P", "SP", "100"),                                        // a partially disclosed owner
			st("B", "E", "99"), st("R", "E", "1"), st("E", "SE", "100"), // only through B
			earlier, later, st("F", "SF", "100"), // 25 + 30 over two dates: never 50 at once
			votes, st("H", "SH", "100"), // a vote stake counts in its own measure
			st("R", "G", "30"), {Owner: "R", Owned: "G", Share: Exact(PercentOf(30)), Measure: Votes}, st("G", "SG", "100"), // 30 + 30 in two measures
		},
		controls: []Control{{Controller: "R", Controlled: "D", Basis: BoardMajority}},
	}
	g := w.build(t)
	rs := rootsOf(t, g, "R")
	flow := Rule{Threshold: PercentOf(50), Inclusive: true, Method: FlowThrough,
		Controls: [NumBases]ControlEffect{BoardMajority: ControlDeny}}
	reach := g.ReachFor(rs, &flow)
	// The sum over dates is an upper bound: F counts as possibly restricted.
	may := map[string]bool{"R": true, "A": true, "SA": true, "C": true, "SC": true, "D": true, "SD": true,
		"P": true, "SP": true, "F": true, "SF": true, "H": true, "SH": true}
	for _, name := range w.entities {
		id, _ := g.Lookup(name)
		require.True(t, reach.Has(id), name)
		require.Equal(t, may[name], reach.may[id>>6]&(1<<(id&63)) != 0, name)
	}
	want := map[string]Status{"SA": Restricted, "SB": Clear, "SC": Indeterminate, "SD": Restricted,
		"SP": Indeterminate, "SE": Clear, "SF": Clear, "SH": Restricted, "SG": Clear}
	screened := Screened{Roots: rs, Reach: reach}
	for name, status := range want {
		id, _ := g.Lookup(name)
		res, err := g.Query(&flow, screened, id, refBase+20)
		require.NoError(t, err)
		require.Equal(t, status, res.Status, name)
	}
	// The refined Reach under every rule, and an exclusive threshold: equal to the full answer.
	rules := []Rule{flow, {Threshold: PercentOf(50), Method: FlowThrough}, {Threshold: PercentOf(60), Method: Direct}}
	for _, m := range []Method{Direct, FlowThrough, Multiplicative, Compare} {
		for _, per := range []bool{false, true} {
			for _, th := range []int{10, 50} {
				rules = append(rules, Rule{Threshold: PercentOf(th), Inclusive: true, Method: m, PerHolder: per,
					Controls: [NumBases]ControlEffect{BoardMajority: ControlDeny}})
			}
		}
	}
	for _, rule := range rules {
		for id := ID(0); int(id) < g.Len(); id++ {
			for _, day := range []Date{refBase, refBase + 20} {
				full, err := g.Query(&rule, rs, id, day)
				require.NoError(t, err)
				got, err := g.Query(&rule, screened, id, day)
				require.NoError(t, err)
				require.Equal(t, full, got, "%s rule %+v", g.Name(id), rule)
			}
		}
	}
	// Under multiplicative, B's 30% of SB reaches it through B, which the flow-through
	// mark leaves out: the query must climb anyway.
	sb, _ := g.Lookup("SB")
	mult := Rule{Threshold: PercentOf(50), Method: Multiplicative}
	res, err := g.Query(&mult, screened, sb, refBase)
	require.NoError(t, err)
	require.Equal(t, PercentOf(30), res.Share.Lower)
}

// TestReachForAgainstFull answers random worlds under direct and flow-through rules that
// aggregate, and under the world's own rule, with a Reach refined for a direct or
// flow-through rule of a random threshold, and requires the full answers.
func TestReachForAgainstFull(t *testing.T) {
	n := 3000
	if testing.Short() || raceEnabled {
		n = 300
	}
	for seed := 0; seed < n; seed++ {
		rng := rand.New(rand.NewPCG(uint64(seed), 29))
		size := 1 + rng.IntN(20)
		w, roots, r := reftest.RandomWorld(rng, size)
		g, rs, own := fromRef(t, w, roots, r)
		refinedFor := own
		refinedFor.PerHolder, refinedFor.HasReviewAt, refinedFor.ReviewAt = false, false, 0
		refinedFor.Method = []Method{Direct, FlowThrough}[rng.IntN(2)]
		refinedFor.Threshold = Percent(rng.Int64N(int64(Hundred) + 1))
		screened := Screened{Roots: rs, Reach: g.ReachFor(rs, &refinedFor)}
		rules := []Rule{own, refinedFor}
		for _, m := range []Method{Direct, FlowThrough} {
			rule := own
			rule.PerHolder, rule.Method = false, m
			rules = append(rules, rule)
		}
		for _, rule := range rules {
			for subject := 0; subject < size; subject++ {
				day := refDay(1 + rng.IntN(reftest.RandomDays))
				requireSameScreened(t, g, &rule, rs, screened, ID(subject), day, "seed %d rule %+v refined for %+v", seed, rule, refinedFor)
			}
		}
	}
}

// requireSameScreened requires the answer about subject at day under rule to be the same
// with roots rs bare and screened by a Reach, and returns it.
func requireSameScreened(t *testing.T, g *Graph, rule *Rule, rs Roots, screened Screened, subject ID, day Date, msg string, args ...any) Result {
	t.Helper()
	want, err := g.Query(rule, rs, subject, day)
	require.NoError(t, err)
	got, err := g.Query(rule, screened, subject, day)
	require.NoError(t, err)
	require.Equal(t, want, got, append([]any{"subject %s: " + msg, g.Name(subject)}, args...)...)
	return want
}
