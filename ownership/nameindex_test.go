package ownership

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/eligo/eligo/ownership/internal/reftest"
	"github.com/stretchr/testify/require"
)

// graphOf builds a graph of entities with the given ids and no stakes.
func graphOf(t testing.TB, ids []string) *Graph {
	var b Builder
	for _, id := range ids {
		b.AddEntity(id, EntityInfo{})
	}
	g, err := b.Build()
	require.NoError(t, err)
	return g
}

// indexesOf returns g's index and one whose ids all share a tag, so that lookups rest on
// comparing ids.
func indexesOf(g *Graph) []*NameIndex {
	return []*NameIndex{NewNameIndex(g), newNameIndex(g, true)}
}

// checkFinds checks that x finds every id of g as that entity, and, in every hinted slot,
// the start the graph's arrays give.
func checkFinds(t testing.TB, x *NameIndex, g *Graph) {
	for id := range ID(g.Len()) {
		q, ok := x.Find(g.Name(id))
		require.True(t, ok, "%q", g.Name(id))
		require.Equal(t, id, q.ID(), "%q", g.Name(id))
		hinted := len(g.Name(id)) <= NameHinted && g.Canonical(id) == id
		require.Equal(t, hinted, q.hinted, "%q", g.Name(id))
		if hinted {
			require.Equal(t, g.refOf(id), q.ref, "%q", g.Name(id))
			require.Equal(t, g.anc[int(id)*ancSlots:(int(id)+1)*ancSlots], q.anc[:], "%q", g.Name(id))
			require.Equal(t, g.largestOwner(g.refOf(id).start), q.owner, "%q", g.Name(id))
		}
	}
}

func TestNameIndexByHand(t *testing.T) {
	ids := []string{"a", "acme", strings.Repeat("h", NameHinted), strings.Repeat("h", NameHinted+1),
		strings.Repeat("x", NameInline), strings.Repeat("x", NameInline+1), "ACME", "acme-ltd"}
	g := graphOf(t, ids)
	for _, x := range indexesOf(g) {
		checkFinds(t, x, g)
		for _, k := range []string{"", "b", "acm", "acme ", "Acme", strings.Repeat("h", NameHinted-1), strings.Repeat("h", NameHinted+2),
			strings.Repeat("x", NameInline-1), strings.Repeat("x", NameInline+2), strings.Repeat("x", NameInline) + "y", "acme\x00"} {
			q, ok := x.Find(k)
			require.False(t, ok, "%q", k)
			require.Equal(t, NoID, q.ID())
		}
	}
}

func TestNameIndexEmpty(t *testing.T) {
	for _, x := range []*NameIndex{nil, {}, NewNameIndex(graphOf(t, nil))} {
		_, ok := x.Find("")
		require.False(t, ok)
		_, ok = x.Find("a")
		require.False(t, ok)
	}
}

// TestNameIndexAgainstMap builds indexes of random ids, short, around the hinted and
// inline lengths, and long, many sharing prefixes, and checks every id and as many
// non-ids against a Go map.
func TestNameIndexAgainstMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	key := func() string {
		var b strings.Builder
		b.WriteString([]string{"e", "entity-", strings.Repeat("p", NameHinted-1), strings.Repeat("p", NameInline-2)}[rng.IntN(4)])
		for range rng.IntN(NameInline + 4) {
			b.WriteByte("ab\x00\xff"[rng.IntN(4)])
		}
		return b.String()
	}
	for round := range 100 {
		n := rng.IntN(1500)
		if round%50 == 0 {
			n = 0
		}
		index := map[string]ID{}
		var keys []string
		for len(keys) < n {
			k := key()
			if _, dup := index[k]; !dup {
				index[k] = ID(len(keys))
				keys = append(keys, k)
			}
		}
		g := graphOf(t, keys)
		x := indexesOf(g)[round%2]
		checkFinds(t, x, g)
		for range 2 * n {
			k := key()
			want, in := index[k]
			q, ok := x.Find(k)
			require.Equal(t, in, ok, "round %d: %q", round, k)
			if in {
				require.Equal(t, want, q.ID())
			}
		}
	}
}

// TestNameIndexFull fills every index size around the growth steps, where the probe wraps
// around the end of the slots.
func TestNameIndexFull(t *testing.T) {
	for n := range 70 {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprint(i)
		}
		g := graphOf(t, keys)
		x := indexesOf(g)[n%2]
		checkFinds(t, x, g)
		_, ok := x.Find("x")
		require.False(t, ok)
	}
}

// TestQueryFromReference answers random worlds of the reference's generator, over every
// method and feature, through QueryFrom and through QueryInto (which other tests hold to
// the slow reference), with ids that the index hints, keeps inline and does not, with and
// without a Reach: the answers are the same.
func TestQueryFromReference(t *testing.T) {
	names := []func(int) string{
		func(i int) string { return fmt.Sprintf("e%d", i) },
		func(i int) string { return fmt.Sprintf("entity-%09d", i) },
		func(i int) string { return fmt.Sprintf("an-entity-with-a-long-id-%d", i) },
		func(i int) string { return strings.Repeat("x", i%3*10) + fmt.Sprint(i) },
	}
	var viaIndex, direct Result
	for seed := 0; seed < 400; seed++ {
		rng, size, g, rs, rule := randomGraph(t, seed, 13, names[seed%len(names)])
		x := NewNameIndex(g)
		var rts Roots = rs
		if seed%2 == 1 {
			rts = Screened{Roots: rs, Reach: g.ReachFor(rs, &rule)}
		}
		for subject := 0; subject < size; subject++ {
			day := refDay(1 + rng.IntN(reftest.RandomDays))
			q, ok := x.Find(g.Name(ID(subject)))
			require.True(t, ok)
			require.NoError(t, g.QueryFrom(&viaIndex, &rule, rts, q, day))
			require.NoError(t, g.QueryInto(&direct, &rule, rts, ID(subject), day))
			require.Equal(t, direct, viaIndex, "seed %d subject %d", seed, subject)
		}
	}
}

// TestQueryFromBranches: a branch is found as itself, and answered as its ultimate parent,
// as QueryInto answers it; the parent's own slot is hinted, the branch's is not.
func TestQueryFromBranches(t *testing.T) {
	var b Builder
	b.AddEntity("R", EntityInfo{})
	b.AddEntity("P", EntityInfo{Disclosure: Partial})
	b.AddEntity("B1", EntityInfo{BranchOf: "P"})
	b.AddEntity("B2", EntityInfo{BranchOf: "B1"})
	b.AddEntity("S", EntityInfo{})
	for _, s := range []Stake{st("R", "B2", "40"), st("R", "S", "10"), st("B1", "S", "45")} {
		b.AddStake(s)
	}
	b.AddControl(Control{Controller: "R", Controlled: "B2", Basis: BoardMajority})
	g, err := b.Build()
	require.NoError(t, err)
	x := NewNameIndex(g)
	checkFinds(t, x, g)
	rs := rootsOf(t, g, "R")
	for _, m := range []Method{Direct, FlowThrough, Multiplicative, Compare} {
		rule := Rule{Threshold: PercentOf(50), Method: m}
		rule.Controls[BoardMajority] = ControlDeny
		for _, name := range []string{"R", "P", "B1", "B2", "S"} {
			q, ok := x.Find(name)
			require.True(t, ok)
			id, _ := g.Lookup(name)
			require.Equal(t, id, q.ID())
			var want, got Result
			require.NoError(t, g.QueryInto(&want, &rule, rs, id, refBase))
			require.NoError(t, g.QueryFrom(&got, &rule, rs, q, refBase))
			require.Equal(t, want, got, "%v %s", m, name)
		}
	}
}

// TestLargestOwner: the slot names the owner of the largest in-stake, by upper share, the
// first of equals; none for an entity without in-stakes.
func TestLargestOwner(t *testing.T) {
	var b Builder
	for _, id := range []string{"A", "B", "C", "D", "S", "T"} {
		b.AddEntity(id, EntityInfo{})
	}
	for _, s := range []Stake{st("A", "S", "10"), rng("B", "S", "20", "45"), st("C", "S", "45"), st("D", "S", "0"), st("S", "T", "5")} {
		b.AddStake(s)
	}
	g, err := b.Build()
	require.NoError(t, err)
	x := NewNameIndex(g)
	checkFinds(t, x, g)
	for name, want := range map[string]string{"S": "B", "T": "S", "A": ""} {
		q, ok := x.Find(name)
		require.True(t, ok)
		if want == "" {
			require.Equal(t, NoID, q.owner, name)
			continue
		}
		require.Equal(t, want, g.Name(q.owner), name)
	}
}

// TestQueryFromOtherGraph: a QueryStart answers only on the graph whose index found it.
func TestQueryFromOtherGraph(t *testing.T) {
	g1, g2 := graphOf(t, []string{"a"}), graphOf(t, []string{"a"})
	q, ok := NewNameIndex(g1).Find("a")
	require.True(t, ok)
	rule := Rule{Threshold: PercentOf(50), Method: Compare}
	var res Result
	require.NoError(t, g1.QueryFrom(&res, &rule, NewRootSet(), q, refBase))
	require.ErrorIs(t, g2.QueryFrom(&res, &rule, NewRootSet(), q, refBase), ErrQueryStart)
	require.ErrorIs(t, g1.QueryFrom(&res, &rule, NewRootSet(), QueryStart{}, refBase), ErrQueryStart)
	require.Empty(t, res.Parts, "an error leaves no answer")
	require.Equal(t, NoID, QueryStart{}.ID())
}

func FuzzNameIndex(f *testing.F) {
	f.Add("a\x00b\x00" + strings.Repeat("y", 30) + "\x00" + strings.Repeat("h", NameHinted))
	f.Fuzz(func(t *testing.T, joined string) {
		seen := map[string]bool{}
		var keys []string
		for _, k := range strings.Split(joined, "\x00") {
			if k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		var b Builder
		for _, k := range keys {
			b.AddEntity(k, EntityInfo{})
		}
		g, err := b.Build()
		if err != nil {
			t.Skip() // ids a graph does not accept
		}
		x := indexesOf(g)[len(joined)%2]
		checkFinds(t, x, g)
		for _, k := range []string{joined, joined + "!", "\x01"} {
			q, ok := x.Find(k)
			id, in := g.Lookup(k)
			if ok != in || (in && q.ID() != id) {
				t.Fatalf("%q: got %d %v, want %d %v", k, q.ID(), ok, id, in)
			}
		}
	})
}
