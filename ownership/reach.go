package ownership

// Reach is the set of entities whose answer, at any date, can be more than "clear, no
// share, no evidence" for a given superset of the roots: the entities that such a root, or
// an undisclosed remainder, can reach through stakes, control facts and joint groups. This
// holds under every rule but those that a share of 0 meets (a threshold of 0 inclusive, a
// review_at of 0), for which a query ignores the Reach. Everything outside it is answered
// by [Graph.QueryInto] from one bit, without reading its ancestors. A Reach is immutable
// and safe for concurrent use.
//
// Most entities of a real world have no restricted root and no partially disclosed entity
// above them; a caller that asks many questions with the same roots (a compiled policy,
// a screening service) computes the Reach once, in O(V + E), and hands it to queries
// through [Screened].
type Reach struct {
	g    *Graph
	bits []uint64
	n    int // how many entities are in it
}

// Reach returns the entities that candidates or an undisclosed remainder can reach: an
// entity is in it when it, or an entity above it through stakes or control facts of any
// date, is a candidate root or is partially disclosed; the owner of a stake in a joint
// group counts as above every entity the group holds a stake in. Dates, control bases,
// shares and the rule are ignored, so the set is a superset that holds for every rule and
// date, as long as candidates holds every root that will be asked about. candidates is
// asked about every ultimate parent (never a branch) once. A branch is in the set when its
// ultimate parent is. O(V + E + V log C) for C control facts; the memory it needs besides
// one bit per entity (an index of the stakes by owner) is freed when it returns.
func (g *Graph) Reach(candidates Roots) *Reach {
	n := g.Len()
	r := &Reach{g: g, bits: make([]uint64, (n+63)/64)}
	outStart, outPos, owned := g.ownerIndex()
	fired := make([]bool, len(g.groups)) // joint groups whose targets are pushed
	stack := make([]ID, 0, 1024)         // entities added whose own stakes are still to follow
	add := func(e ID) {
		if !r.has(e) {
			r.bits[e>>6] |= 1 << (e & 63)
			r.n++
			stack = append(stack, e)
		}
	}
	for e := 0; e < n; e++ {
		id := ID(e)
		if g.Canonical(id) == id && (g.isPartial(id) || candidates.IsRoot(id)) {
			add(id)
		}
	}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range outPos[outStart[e]:outStart[e+1]] {
			add(owned[p])
			if gi := g.st[p].group(); gi >= 0 && !fired[gi] {
				fired[gi] = true
				for _, q := range g.groupPos[g.groupStart[gi]:g.groupStart[gi+1]] {
					add(owned[q])
				}
			}
		}
		for _, c := range g.controlsFrom(e) {
			add(g.cTo[c])
		}
	}
	if g.canon != nil { // branches stand for their ultimate parents
		for e := 0; e < n; e++ {
			if c := g.canon[e]; c != ID(e) && r.has(c) && !r.has(ID(e)) {
				r.bits[e>>6] |= 1 << (e & 63)
				r.n++
			}
		}
	}
	return r
}

// ownerIndex returns the stake positions by owner (those of entity e are
// pos[start[e]:start[e+1]]) and the owned entity of each stake position: what walking from
// owners down needs. The graph does not keep them: only a batch or a Reach walks that way,
// and they would cost about 10 bytes per stake for as long as the graph lives.
func (g *Graph) ownerIndex() (start, pos []int32, owned []ID) {
	var tmp []int32
	fillCSR(&start, &pos, &tmp, g.Len(), func(emit func(key, val int32)) {
		for p := range g.st {
			emit(int32(g.st[p].owner), int32(p))
		}
	})
	owned = make([]ID, len(g.st))
	for e := 0; e < g.Len(); e++ {
		for p := g.inStart[e]; p < g.inStart[e+1]; p++ {
			owned[p] = ID(e)
		}
	}
	return start, pos, owned
}

func (r *Reach) has(id ID) bool { return r.bits[id>>6]&(1<<(id&63)) != 0 }

// Has reports whether id is in the set; false for an id outside the graph.
func (r *Reach) Has(id ID) bool {
	return id >= 0 && int(id) < r.g.Len() && r.has(id)
}

// Len returns how many entities are in the set.
func (r *Reach) Len() int { return r.n }

// Graph returns the graph the set was computed on.
func (r *Reach) Graph() *Graph { return r.g }

// Screened is [Roots] together with a [Reach] computed on the graph asked from a superset of
// them. [Graph.QueryInto] answers a subject outside the Reach as clear, with no share and
// no evidence, without reading its ancestors: the answer the full computation gives, since
// nothing above the subject can be restricted or held by unknown parties. For a subject
// inside it, the query does not climb above the ancestors outside it, whose shares are 0
// for the same reason, nor asks whether they are roots. A Reach computed on another graph, a rule whose threshold 0 inclusive restricts everything, or a review_at
// of 0, which a share of 0 meets, make the query ignore the Reach.
type Screened struct {
	Roots Roots
	Reach *Reach
}

// IsRoot implements [Roots].
func (s Screened) IsRoot(id ID) bool { return s.Roots.IsRoot(id) }

// ReachOf implements [Screener].
func (s Screened) ReachOf() *Reach { return s.Reach }

// Screener is implemented by [Roots] that carry a [Reach] (see [Screened]); ReachOf may
// return nil for none. The Reach must have been computed from a superset of the roots, at
// every date asked about: a root outside its candidates makes answers wrong.
type Screener interface {
	Roots
	ReachOf() *Reach
}

// reachFor returns the Reach that roots carry for g, when the rule is one for which an
// entity outside it is clear with nothing (see [Screened]); nil otherwise.
func (g *Graph) reachFor(rule *Rule, roots Roots) *Reach {
	s, ok := roots.(Screener)
	if !ok || rule.meetsZero() || (rule.HasReviewAt && rule.ReviewAt <= 0) {
		return nil
	}
	if r := s.ReachOf(); r != nil && r.g == g {
		return r
	}
	return nil
}
