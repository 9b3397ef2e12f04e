package ownership

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// world is a compact test description of a graph.
type world struct {
	entities []string
	partial  []string
	branches map[string]string
	stakes   []Stake
	controls []Control
}

func st(owner, owned, pct string) Stake {
	p := MustParsePercent(pct)
	return Stake{Owner: owner, Owned: owned, Share: Exact(p)}
}

func rng(owner, owned, lo, hi string) Stake {
	return Stake{Owner: owner, Owned: owned, Share: Range{MustParsePercent(lo), MustParsePercent(hi)}}
}

func (w world) build(t testing.TB) *Graph {
	t.Helper()
	var b Builder
	for _, e := range w.entities {
		info := EntityInfo{BranchOf: w.branches[e]}
		for _, p := range w.partial {
			if p == e {
				info.Disclosure = Partial
			}
		}
		b.AddEntity(e, info)
	}
	for _, s := range w.stakes {
		b.AddStake(s)
	}
	for _, c := range w.controls {
		b.AddControl(c)
	}
	g, err := b.Build()
	require.NoError(t, err)
	return g
}

func rootsOf(t testing.TB, g *Graph, names ...string) *RootSet {
	rs := NewRootSet()
	for _, n := range names {
		id, ok := g.Lookup(n)
		require.True(t, ok, n)
		rs.Add(id)
	}
	return rs
}

func query(t testing.TB, g *Graph, rule Rule, roots Roots, subject string) Result {
	t.Helper()
	id, ok := g.Lookup(subject)
	require.True(t, ok, subject)
	r, err := g.Query(&rule, roots, id, MustParseDate("2026-01-01"))
	require.NoError(t, err)
	return r
}

var ofac = Rule{Threshold: PercentOf(50), Inclusive: true, Method: FlowThrough}

func TestOFACFAQ401(t *testing.T) {
	t.Run("example 1: X owns 50% of A, A owns 50% of B", func(t *testing.T) {
		g := world{entities: []string{"X", "A", "B"}, stakes: []Stake{st("X", "A", "50"), st("A", "B", "50")}}.build(t)
		roots := rootsOf(t, g, "X")
		a := query(t, g, ofac, roots, "A")
		assert.Equal(t, Restricted, a.Status)
		assert.Equal(t, Bounds{PercentOf(50), PercentOf(50)}, a.Share)
		b := query(t, g, ofac, roots, "B")
		assert.Equal(t, Restricted, b.Status, "A is blocked, so its whole 50%% of B counts")
		assert.Equal(t, PercentOf(50), b.Share.Lower)
		require.Len(t, b.Paths, 1)
		assert.Len(t, b.Paths[0].Steps, 2, "X→A→B")
		assert.Equal(t, []ID{0}, b.Roots)
	})
	t.Run("example 2: A and B blocked each own 25% of C", func(t *testing.T) {
		g := world{entities: []string{"A", "B", "C"}, stakes: []Stake{st("A", "C", "25"), st("B", "C", "25")}}.build(t)
		c := query(t, g, ofac, rootsOf(t, g, "A", "B"), "C")
		assert.Equal(t, Restricted, c.Status, "25 + 25 = 50, aggregated in full")
		assert.Equal(t, PercentOf(50), c.Share.Lower)
		require.Len(t, c.Terms, 2)
		assert.Equal(t, PercentOf(25), c.Terms[0].Contribution.Lower)
	})
	t.Run("example 3: X owns 50% of A and 10% of B, A owns 40% of B", func(t *testing.T) {
		g := world{entities: []string{"X", "A", "B"}, stakes: []Stake{st("X", "A", "50"), st("X", "B", "10"), st("A", "B", "40")}}.build(t)
		b := query(t, g, ofac, rootsOf(t, g, "X"), "B")
		assert.Equal(t, Restricted, b.Status, "40 via blocked A + 10 direct = 50")
		assert.Equal(t, PercentOf(50), b.Share.Lower)
	})
	t.Run("non-blocked intermediates: X owns 25% of A and B, each owns 50% of C", func(t *testing.T) {
		g := world{entities: []string{"X", "Y", "A", "B", "C"}, stakes: []Stake{
			st("X", "A", "25"), st("Y", "A", "75"), st("X", "B", "25"), st("A", "C", "50"), st("B", "C", "50"),
		}}.build(t)
		c := query(t, g, ofac, rootsOf(t, g, "X"), "C")
		assert.Equal(t, Clear, c.Status, "A and B are not blocked, so nothing flows to C")
		assert.Equal(t, Bounds{0, 0}, c.Share)
	})
}

func TestMultiplicativeChain(t *testing.T) {
	g := world{entities: []string{"R", "A", "B"}, stakes: []Stake{st("R", "A", "60"), st("A", "B", "60")}}.build(t)
	rule := Rule{Threshold: PercentOf(50), Method: Multiplicative}
	b := query(t, g, rule, rootsOf(t, g, "R"), "B")
	assert.Equal(t, Clear, b.Status)
	assert.Equal(t, PercentOf(36), b.Share.Lower, "60% × 60% = 36%")
	rule.Method = FlowThrough
	assert.Equal(t, Restricted, query(t, g, rule, rootsOf(t, g, "R"), "B").Status)
	rule.Method = Compare
	cmp := query(t, g, rule, rootsOf(t, g, "R"), "B")
	assert.Equal(t, MethodDependent, cmp.Status)
	require.Len(t, cmp.Parts, 2)
	assert.Equal(t, Restricted, cmp.Parts[0].Status)
	assert.Equal(t, Clear, cmp.Parts[1].Status)
}

func TestCycleNeverRestrictsItself(t *testing.T) {
	g := world{entities: []string{"X", "A", "B"}, stakes: []Stake{st("X", "A", "30"), st("A", "B", "60"), st("B", "A", "60")}}.build(t)
	a := query(t, g, ofac, rootsOf(t, g, "X"), "A")
	assert.Equal(t, Clear, a.Status)
	assert.Equal(t, PercentOf(30), a.Share.Lower)
}

func TestCycleLinearSystem(t *testing.T) {
	// R owns 50% of A; A owns 50% of B; B owns 40% of A.
	// a = 0.5 + 0.4 b, b = 0.5 a → a = 0.5/(1−0.2) = 0.625, b = 0.3125.
	g := world{entities: []string{"R", "A", "B"}, stakes: []Stake{st("R", "A", "50"), st("A", "B", "50"), st("B", "A", "40")}}.build(t)
	rule := Rule{Threshold: PercentOf(50), Method: Multiplicative}
	a := query(t, g, rule, rootsOf(t, g, "R"), "A")
	assert.Equal(t, MustParsePercent("62.5"), a.Share.Lower)
	b := query(t, g, rule, rootsOf(t, g, "R"), "B")
	assert.Equal(t, MustParsePercent("31.25"), b.Share.Lower)
}

func TestUnknownRemainder(t *testing.T) {
	g := world{entities: []string{"X", "A"}, partial: []string{"A"}, stakes: []Stake{st("X", "A", "40")}}.build(t)
	a := query(t, g, ofac, rootsOf(t, g, "X"), "A")
	assert.Equal(t, Indeterminate, a.Status)
	assert.Equal(t, Bounds{PercentOf(40), PercentOf(100)}, a.Share)
	assert.Equal(t, PercentOf(60), a.Remainder)
	rule := ofac
	rule.Unknown = UnknownIgnore
	assert.Equal(t, Clear, query(t, g, rule, rootsOf(t, g, "X"), "A").Status)
}

func TestStakesInto(t *testing.T) {
	g := world{entities: []string{"P", "B", "S"}, branches: map[string]string{"B": "P"},
		stakes: []Stake{st("B", "S", "30"), st("P", "S", "20")}}.build(t)
	s, _ := g.Lookup("S")
	into := g.StakesInto(s)
	require.Len(t, into, 2)
	p, _ := g.Lookup("P")
	assert.Equal(t, p, into[0].Owner, "a stake naming a branch is held by its parent")
	assert.Equal(t, 0, into[0].Index)
	b, _ := g.Lookup("B")
	assert.Equal(t, p, g.Canonical(b))
	assert.Equal(t, p, g.BranchOf(b))
}
