package ownership

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// FuzzBuilder feeds the builder arbitrary worlds decoded from bytes (valid or not): it must
// never panic, must report problems instead of building a bad graph, and every query on a
// graph it builds must answer with ordered bounds.
func FuzzBuilder(f *testing.F) {
	f.Add([]byte{3, 0, 1, 50, 50, 0, 1, 2, 60, 70, 1})
	f.Add([]byte{4, 1, 0, 101, 0, 2, 2, 3, 3, 0, 0, 255, 1, 2, 9})
	f.Add([]byte{2, 0, 1, 100, 100, 0, 1, 0, 100, 100, 0})
	f.Fuzz(fuzzBody)
}

func fuzzBody(t *testing.T, data []byte) {
	start := time.Now()
	orig := append([]byte(nil), data...)
	{
		if len(data) == 0 {
			return
		}
		next := func() byte {
			if len(data) == 0 {
				return 0
			}
			b := data[0]
			data = data[1:]
			return b
		}
		n := int(next()%12) + 1
		var b Builder
		for i := 0; i < n; i++ {
			info := EntityInfo{}
			if next()%5 == 0 {
				info.Disclosure = Partial
			}
			if x := next(); x%9 == 0 {
				info.BranchOf = fmt.Sprintf("e%d", int(x)%(n+1)) // may be unknown or itself
			}
			b.AddEntity(fmt.Sprintf("e%d", i), info)
		}
		for len(data) >= 6 {
			kind := next()
			o, d := fmt.Sprintf("e%d", int(next())%(n+1)), fmt.Sprintf("e%d", int(next())%(n+1))
			lo, hi := Percent(int(next())-20)*PercentScale/2, Percent(int(next())-20)*PercentScale/2
			flags := next()
			if kind%7 == 0 {
				b.AddControl(Control{Controller: o, Controlled: d, Basis: Basis(flags % 9)})
				continue
			}
			s := Stake{Owner: o, Owned: d, Share: Range{lo, hi}, Measure: Measure(flags % 3 / 2)}
			if flags&8 != 0 {
				s.JointGroup = "g"
			}
			if flags&16 != 0 {
				s.Valid = Interval{From: MustParseDate("2025-01-01") + Date(flags%4), Until: MustParseDate("2025-01-03")}
			}
			b.AddStake(s)
		}
		g, err := b.Build()
		if err != nil {
			if g != nil {
				t.Fatal("a graph and an error")
			}
			return
		}
		checkRecords(t, g)
		roots := NewRootSet(0)
		screened := Screened{Roots: roots, Reach: g.Reach(roots)}
		for _, m := range []Method{Direct, FlowThrough, Multiplicative, Compare} {
			for _, per := range []bool{false, true} {
				rule := Rule{Threshold: PercentOf(50), Method: m, PerHolder: per,
					Controls: [NumBases]ControlEffect{BoardMajority: ControlDeny, DeFacto: ControlReview}}
				refined := Screened{Roots: roots, Reach: g.ReachFor(roots, &rule)}
				for id := 0; id < g.Len(); id++ {
					r, err := g.Query(&rule, roots, ID(id), MustParseDate("2025-01-02"))
					if err != nil {
						t.Fatal(err)
					}
					if rs, err := g.Query(&rule, screened, ID(id), MustParseDate("2025-01-02")); err != nil || !reflect.DeepEqual(r, rs) {
						t.Fatalf("screened by a Reach, e%d: %+v, %v; unscreened %+v", id, rs, err, r)
					}
					if rs, err := g.Query(&rule, refined, ID(id), MustParseDate("2025-01-02")); err != nil || !reflect.DeepEqual(r, rs) {
						t.Fatalf("screened by a Reach for the rule, e%d: %+v, %v; unscreened %+v", id, rs, err, r)
					}
					if time.Since(start) > 2*time.Second {
						t.Fatalf("too slow: %v", orig)
					}
					if r.Share.Lower > r.Share.Upper {
						t.Fatalf("lower %s > upper %s", r.Share.Lower, r.Share.Upper)
					}
				}
			}
		}
	}
}

// checkRecords checks what each stake record repeats of its owner and of its block against
// the per-entity arrays it stands in for: where the owner's in-stakes start, the owner's
// bits, and the mark on the last record of each entity's block.
func checkRecords(t *testing.T, g *Graph) {
	t.Helper()
	for e := 0; e < g.Len(); e++ {
		for p := g.inStart[e]; p < g.inStart[e+1]; p++ {
			r := &g.st[p]
			if last := p == g.inStart[e+1]-1; (r.meta&metaLast != 0) != last {
				t.Fatalf("stake at %d of entity %d: last mark %v, want %v", p, e, !last, last)
			}
			if got, want := r.ownerRef(), g.refOf(r.owner); got != want {
				t.Fatalf("stake at %d: owner %d's ref %+v, want %+v", p, r.owner, got, want)
			}
		}
		if g.flag(ID(e), flagStakesIn) != (g.inStart[e] < g.inStart[e+1]) {
			t.Fatalf("entity %d: stakes-in flag wrong", e)
		}
		checkAncestorHints(t, g, ID(e))
	}
}

// checkAncestorHints checks the slots of entity e that say where its nearest ancestors'
// stakes start: each names the first in-stake of a distinct ancestor with in-stakes, the
// slots are filled from the first, and they are empty for an entity without in-stakes.
// With fewer such ancestors than slots (and offsets that fit), every one is named.
func checkAncestorHints(t *testing.T, g *Graph, e ID) {
	t.Helper()
	slots := g.anc[int(e)*ancSlots : (int(e)+1)*ancSlots]
	// the ancestors of e with in-stakes, by where their stakes start
	anc := map[int32]bool{}
	queue := []ID{e}
	seen := map[ID]bool{e: true}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for p := g.inStart[x]; p < g.inStart[x+1]; p++ {
			o := g.st[p].owner
			if seen[o] {
				continue
			}
			seen[o] = true
			queue = append(queue, o)
			if g.inStart[o] < g.inStart[o+1] {
				anc[g.inStart[o]] = true
			}
		}
	}
	own := g.inStart[e]
	named := map[int32]bool{}
	empty := false
	for i, d := range slots {
		if d == noAnc {
			empty = true
			continue
		}
		if empty || own == g.inStart[e+1] {
			t.Fatalf("entity %d: slot %d filled after an empty one, or without stakes of its own", e, i)
		}
		q := own + int32(d)
		if !anc[q] || named[q] {
			t.Fatalf("entity %d: slot %d names position %d, not the stakes of a new ancestor", e, i, q)
		}
		named[q] = true
	}
	if len(anc) <= ancSlots && len(named) != len(anc) && g.Len() < 1<<14 {
		t.Fatalf("entity %d: %d ancestors with stakes, %d named", e, len(anc), len(named))
	}
}
