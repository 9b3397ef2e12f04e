package ownership

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/eligo/eligo/ownership/internal/reftest"
	"github.com/stretchr/testify/require"
)

var refBase = MustParseDate("2025-01-01")

func refDay(d int) Date {
	if d == 0 {
		return 0
	}
	return refBase + Date(d-1)
}

func ratPercent(t testing.TB, r *big.Rat) Percent {
	p, err := ParsePercent(r.FloatString(6))
	require.NoError(t, err)
	return p
}

// fromRef builds the fast implementation's inputs from a reference world.
func fromRef(t testing.TB, w reftest.World, roots []bool, r reftest.Rule) (*Graph, *RootSet, Rule) {
	return fromRefNamed(t, w, roots, r, func(i int) string { return fmt.Sprintf("e%d", i) })
}

// randomGraph builds the reference generator's world for seed on PCG stream stream, of 1 to
// 15 entities, with ids from name ("e%d" when nil). It returns the world's size and the rng,
// which goes on from there.
func randomGraph(t testing.TB, seed int, stream uint64, name func(int) string) (*rand.Rand, int, *Graph, *RootSet, Rule) {
	rng := rand.New(rand.NewPCG(uint64(seed), stream))
	size := 1 + rng.IntN(15)
	w, roots, r := reftest.RandomWorld(rng, size)
	if name == nil {
		name = func(i int) string { return fmt.Sprintf("e%d", i) }
	}
	g, rs, rule := fromRefNamed(t, w, roots, r, name)
	return rng, size, g, rs, rule
}

// fromRefNamed is fromRef with the entities' id strings given by name.
func fromRefNamed(t testing.TB, w reftest.World, roots []bool, r reftest.Rule, name func(int) string) (*Graph, *RootSet, Rule) {
	var b Builder
	for i, e := range w.Entities {
		info := EntityInfo{}
		if e.Partial {
			info.Disclosure = Partial
		}
		b.AddEntity(name(i), info)
	}
	for _, s := range w.Stakes {
		st := Stake{Owner: name(s.Owner), Owned: name(s.Owned),
			Share: Range{ratPercent(t, s.Lo), ratPercent(t, s.Hi)}, JointGroup: s.Group,
			Valid: Interval{refDay(s.From), refDay(s.Until)}}
		if s.Votes {
			st.Measure = Votes
		}
		b.AddStake(st)
	}
	for _, c := range w.Controls {
		var basis Basis
		require.NoError(t, basis.UnmarshalText([]byte(c.Basis)))
		b.AddControl(Control{Controller: name(c.Controller), Controlled: name(c.Controlled),
			Basis: basis, Valid: Interval{refDay(c.From), refDay(c.Until)}})
	}
	g, err := b.Build()
	require.NoError(t, err)
	rs := NewRootSet()
	for i, ok := range roots {
		if ok {
			rs.Add(ID(i))
		}
	}
	rule := Rule{Threshold: ratPercent(t, r.Threshold), Inclusive: r.Inclusive, PerHolder: !r.Aggregate}
	require.NoError(t, rule.Method.UnmarshalText([]byte(r.Method)))
	if r.ReviewAt != nil {
		rule.ReviewAt, rule.HasReviewAt = ratPercent(t, r.ReviewAt), true
	}
	if r.IgnoreUnknown {
		rule.Unknown = UnknownIgnore
	}
	for basis, eff := range r.Controls {
		var b Basis
		require.NoError(t, b.UnmarshalText([]byte(basis)))
		var e ControlEffect
		require.NoError(t, e.UnmarshalText([]byte(eff)))
		rule.Controls[b] = e
	}
	return g, rs, rule
}

func refVerdict(s Status) string {
	switch s {
	case Restricted:
		return reftest.Restricted
	case Clear:
		return reftest.Clear
	}
	return reftest.Review
}

// TestAgainstReference compares the fast engine with the slow exact reference on
// thousands of random worlds over every method and feature.
func TestAgainstReference(t *testing.T) {
	n := 3000
	if testing.Short() || raceEnabled {
		n = 300
	}
	mismatches := 0
	for seed := 0; seed < n; seed++ {
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		size := 1 + rng.IntN(12)
		if seed%5 == 0 {
			size = 1 + rng.IntN(30)
		}
		w, roots, r := reftest.RandomWorld(rng, size)
		g, rs, rule := fromRef(t, w, roots, r)
		checkRecords(t, g)
		for subject := 0; subject < size; subject++ {
			day := 1 + rng.IntN(reftest.RandomDays)
			want := reftest.Evaluate(w, roots, r, subject, day)
			got, err := g.Query(&rule, rs, ID(subject), refDay(day))
			require.NoError(t, err)
			checkPaths(t, &got)
			if refVerdict(got.Status) != want.Verdict {
				mismatches++
				if mismatches <= 5 {
					t.Errorf("seed %d subject e%d day %d rule %+v: fast %s (share %v), reference %s: %s",
						seed, subject, day, r, got.Status, got.Share, want.Verdict, want.Why)
				}
			}
		}
	}
	require.Zero(t, mismatches)
}

// checkPaths checks that each path of a result is a chain from its root to the entity
// asked about: every step's owned (or controlled) entity owns (or controls) in the next
// step, except that a HeldGroup step follows a stake of its own joint group.
func checkPaths(t *testing.T, res *Result) {
	t.Helper()
	ends := func(s Step) (from, to ID) {
		if s.IsControl {
			return s.Control.Controller, s.Control.Controlled
		}
		return s.Stake.Owner, s.Stake.Owned
	}
	for _, part := range res.Parts {
		checkPaths(t, &part)
	}
	for _, p := range res.Paths {
		require.NotEmpty(t, p.Steps)
		// A path whose link to a held joint group cannot be shown starts at the held stake.
		if first, _ := ends(p.Steps[0]); p.Root != NoID && !p.Steps[0].HeldGroup {
			require.Equal(t, p.Root, first, "a path starts at its root: %+v", p)
		}
		_, last := ends(p.Steps[len(p.Steps)-1])
		require.Equal(t, res.Entity, last, "a path ends at the entity asked about")
		for j := 1; j < len(p.Steps); j++ {
			s, prev := p.Steps[j], p.Steps[j-1]
			if s.HeldGroup {
				require.False(t, s.IsControl)
				require.False(t, prev.IsControl, "a held stake follows the stake that holds its group")
				require.NotEmpty(t, s.Stake.JointGroup)
				require.Equal(t, s.Stake.JointGroup, prev.Stake.JointGroup, "a held stake follows a stake of its group")
				continue
			}
			from, _ := ends(s)
			_, to := ends(prev)
			require.Equal(t, to, from, "steps form a chain")
		}
	}
}

// TestQueryIntoReuses answers random worlds, over every method and feature, into one
// Result reused for every question, and checks each answer against a fresh Query's; a
// Result answered before is overwritten in place, and the reused one needs no allocation.
func TestQueryIntoReuses(t *testing.T) {
	var reused Result
	// nilEmpty makes the empty slices of a reused result nil, as a fresh one has them.
	var nilEmpty func(r Result) Result
	nilEmpty = func(r Result) Result {
		if len(r.Terms) == 0 {
			r.Terms = nil
		}
		if len(r.Paths) == 0 {
			r.Paths = nil
		}
		if len(r.Unsettled) == 0 {
			r.Unsettled = nil
		}
		if len(r.Roots) == 0 {
			r.Roots = nil
		}
		if len(r.Parts) == 0 {
			r.Parts = nil
		}
		r.steps = nil
		r.Parts = append([]Result(nil), r.Parts...) // not the reused parts themselves
		for i := range r.Parts {
			r.Parts[i] = nilEmpty(r.Parts[i])
		}
		return r
	}
	for seed := 0; seed < 500; seed++ {
		rng, size, g, rs, rule := randomGraph(t, seed, 11, nil)
		for subject := 0; subject < size; subject++ {
			day := refDay(1 + rng.IntN(reftest.RandomDays))
			want, err := g.Query(&rule, rs, ID(subject), day)
			require.NoError(t, err)
			require.NoError(t, g.QueryInto(&reused, &rule, rs, ID(subject), day))
			got := nilEmpty(reused)
			want.steps = nil
			for i := range want.Parts {
				want.Parts[i].steps = nil
			}
			require.Equal(t, want, got, "seed %d subject %d", seed, subject)
		}
	}
	// Warm, a compare query with paths and terms allocates nothing.
	var b Builder
	for _, id := range []string{"R", "A", "B", "S"} {
		b.AddEntity(id, EntityInfo{})
	}
	for _, s := range []Stake{st("R", "A", "60"), st("A", "B", "70"), st("B", "S", "55"), st("R", "S", "10")} {
		b.AddStake(s)
	}
	g, err := b.Build()
	require.NoError(t, err)
	rule := Rule{Threshold: PercentOf(50), Method: Compare}
	rs := rootsOf(t, g, "R")
	subject, _ := g.Lookup("S")
	require.NoError(t, g.QueryInto(&reused, &rule, rs, subject, refBase))
	require.Len(t, reused.Parts, 2)
	require.NotEmpty(t, reused.Parts[0].Paths)
	require.NotEmpty(t, reused.Parts[0].Terms)
	allocs := testing.AllocsPerRun(100, func() {
		if err := g.QueryInto(&reused, &rule, rs, subject, refBase); err != nil {
			t.Fatal(err)
		}
	})
	if !raceEnabled { // the race detector makes sync.Pool drop what it is given at random
		require.Zero(t, allocs)
	}
	// Nor does one through a cycle, which the multiplicative method solves as a linear
	// system and which needs the view's out-edges.
	b = Builder{}
	for _, id := range []string{"R", "A", "B", "C", "S"} {
		b.AddEntity(id, EntityInfo{})
	}
	for _, s := range []Stake{st("R", "A", "60"), st("A", "B", "70"), st("B", "A", "20"), st("B", "C", "30"), st("C", "B", "25"), st("B", "S", "55"), st("C", "S", "40")} {
		b.AddStake(s)
	}
	cyc, err := b.Build()
	require.NoError(t, err)
	crs := rootsOf(t, cyc, "R")
	csubject, _ := cyc.Lookup("S")
	require.NoError(t, cyc.QueryInto(&reused, &rule, crs, csubject, refBase))
	require.NotEmpty(t, reused.Parts[1].Terms)
	allocs = testing.AllocsPerRun(100, func() {
		if err := cyc.QueryInto(&reused, &rule, crs, csubject, refBase); err != nil {
			t.Fatal(err)
		}
	})
	if !raceEnabled {
		require.Zero(t, allocs, "a query through a cycle")
	}
	require.Error(t, g.QueryInto(&reused, &rule, rs, ID(99), refBase))
	require.Empty(t, reused.Parts, "an error leaves no answer")
	require.Equal(t, Clear, reused.Status)
}

// TestViewTracksBackward: the view buildSubject builds knows, from the stakes and controls
// it met, whether every one runs from a node found later to one found earlier, as the scan
// that order makes for other views finds: on random reference worlds, per holder and not.
func TestViewTracksBackward(t *testing.T) {
	found := map[bool]int{}
	for seed := 0; seed < 300; seed++ {
		rng, size, g, rs, rule := randomGraph(t, seed, 17, nil)
		for subject := 0; subject < size; subject++ {
			s := g.getScratch()
			v := &s.v
			v.buildSubject(g, g.Canonical(ID(subject)), refDay(1+rng.IntN(reftest.RandomDays)), &rule, rs, nil, nil)
			require.True(t, v.tracked)
			require.Equal(t, v.backward(), !v.forward, "seed %d subject %d", seed, subject)
			found[!v.forward]++
			g.putScratch(s)
		}
	}
	require.Positive(t, found[true])
	require.Positive(t, found[false])
}
