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
		reach := g.Reach(candidates)
		screened := Screened{Roots: rs, Reach: reach}
		for subject := 0; subject < size; subject++ {
			day := refDay(1 + rng.IntN(reftest.RandomDays))
			want, err := g.Query(&rule, rs, ID(subject), day)
			require.NoError(t, err)
			got, err := g.Query(&rule, screened, ID(subject), day)
			require.NoError(t, err)
			require.Equal(t, want, got, "seed %d subject e%d", seed, subject)
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
