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

	// may holds, when not nil (see [Graph.ReachFor]), the entities that may be restricted
	// under a rule that aggregates, by the direct or flow-through method, with a threshold
	// of at least mayAt: a subset of bits.
	may   []uint64
	mayAt Percent
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
	start, pos, owned := g.ownerIndex()
	return g.reach(g.seeds(candidates), start, pos, owned)
}

// ReachFor is [Graph.Reach], refined for queries under rule when the rule aggregates and
// its method is direct or flow-through. Under those methods an owner passes restriction on
// only when it is restricted itself, so an ancestor that cannot be restricted at any date
// gives nothing, whatever is above it, and a query does not climb above it. The Reach
// then also marks the entities that may be restricted under such a rule with a threshold
// of at least rule's: the candidates, the partially disclosed entities, the entities
// controlled by one of them, and those whose stakes held by them add up, in upper bounds
// over every date, to the threshold in one measure. The same Reach serves every other
// rule as [Graph.Reach] does, and is exact for none: a query only uses it to skip work.
// O(V + E + V log C), with 16 bytes per entity more while it runs.
func (g *Graph) ReachFor(candidates Roots, rule *Rule) *Reach {
	start, pos, owned := g.ownerIndex()
	seeds := g.seeds(candidates)
	r := g.reach(seeds, start, pos, owned)
	if rule != nil && rule.weighsRestrictedOnly() {
		r.may, r.mayAt = g.mayRestrict(seeds, rule.Threshold, start, pos, owned), rule.Threshold
	}
	return r
}

// seeds returns the ultimate parents that are candidate roots or partially disclosed, in
// id order.
func (g *Graph) seeds(candidates Roots) []ID {
	var seeds []ID
	for e := 0; e < g.Len(); e++ {
		id := ID(e)
		if g.Canonical(id) == id && (g.isPartial(id) || candidates.IsRoot(id)) {
			seeds = append(seeds, id)
		}
	}
	return seeds
}

// reach computes the Reach of seeds, given the stakes by owner (see ownerIndex).
func (g *Graph) reach(seeds []ID, outStart, outPos []int32, owned []ID) *Reach {
	m := newMarking(g.Len(), seeds)
	fired := make([]bool, len(g.groups)) // joint groups whose targets are pushed
	for e, ok := m.next(); ok; e, ok = m.next() {
		for _, p := range outPos[outStart[e]:outStart[e+1]] {
			m.add(owned[p])
			if gi := g.st[p].group(); gi >= 0 && !fired[gi] {
				fired[gi] = true
				for _, q := range g.groupPos[g.groupStart[gi]:g.groupStart[gi+1]] {
					m.add(owned[q])
				}
			}
		}
		for _, c := range g.controlsFrom(e) {
			m.add(g.cTo[c])
		}
	}
	r := &Reach{g: g, bits: m.bits, n: m.n}
	if g.canon != nil { // branches stand for their ultimate parents
		for e := range g.canon {
			if c := g.canon[e]; c != ID(e) && r.has(c) && !r.has(ID(e)) {
				r.bits[e>>6] |= 1 << (e & 63)
				r.n++
			}
		}
	}
	return r
}

// mayRestrict returns the entities that may be restricted under a rule that aggregates, by
// the direct or flow-through method, with a threshold of at least threshold, from the
// seeds of a Reach (see [Graph.ReachFor]). An entity joins when it is a seed, when an
// entity already in controls it, or when the upper bounds of the stakes that entities
// already in hold in it, of every date, reach the threshold in one measure. Under those
// methods only a restricted owner (or a root) gives its stakes weight, a restricted
// share is at most the sum of the upper bounds of the stakes of such owners (a spare
// range width is only ever given to one of them, an undisclosed remainder only to a
// partially disclosed entity), and a controller restricts only when it is restricted: so
// by induction over the least fixed point every entity restricted at any date, in the
// lower or the upper pass, is in the set. Only ultimate parents are marked: a view holds
// no branch.
func (g *Graph) mayRestrict(seeds []ID, threshold Percent, outStart, outPos []int32, owned []ID) []uint64 {
	m := newMarking(g.Len(), seeds)
	sums := make([][2]int64, g.Len()) // upper bounds held by entities in the set, by measure
	for e, ok := m.next(); ok; e, ok = m.next() {
		for _, p := range outPos[outStart[e]:outStart[e+1]] {
			o := owned[p]
			if m.has(o) {
				continue
			}
			k := g.st[p].measure()
			sums[o][k] += int64(g.st[p].hi)
			if sums[o][k] >= int64(threshold) {
				m.add(o)
			}
		}
		for _, c := range g.controlsFrom(e) {
			m.add(g.cTo[c])
		}
	}
	return m.bits
}

// marking is a set of entities being grown from seeds: one bit per entity, how many are
// in, and the entities added whose successors are still to follow.
type marking struct {
	bits  []uint64
	n     int
	stack []ID
}

func newMarking(n int, seeds []ID) *marking {
	m := &marking{bits: make([]uint64, (n+63)/64), stack: make([]ID, 0, 1024)}
	for _, id := range seeds {
		m.add(id)
	}
	return m
}

func (m *marking) has(e ID) bool { return m.bits[e>>6]&(1<<(e&63)) != 0 }

func (m *marking) add(e ID) {
	if !m.has(e) {
		m.bits[e>>6] |= 1 << (e & 63)
		m.n++
		m.stack = append(m.stack, e)
	}
}

// next takes an entity whose successors are still to follow; false when none is left.
func (m *marking) next() (ID, bool) {
	if len(m.stack) == 0 {
		return NoID, false
	}
	e := m.stack[len(m.stack)-1]
	m.stack = m.stack[:len(m.stack)-1]
	return e, true
}

// ownerIndex returns the stake positions by owner (those of entity e are
// pos[start[e]:start[e+1]]) and the owned entity of each stake position: what walking from
// owners down needs. The graph does not keep them: only a batch or a Reach walks that way,
// and they would cost about 10 bytes per stake for as long as the graph lives. Building
// them takes 4 bytes per stake more, until it returns.
func (g *Graph) ownerIndex() (start, pos []int32, owned []ID) {
	// The pairs are (owner, position): the positions are the pairs' own indices.
	pairs := csrPairs{keys: make([]int32, len(g.st))}
	for p := range g.st {
		pairs.keys[p] = int32(g.st[p].owner)
	}
	var next []int32
	fillCSR(&start, &pos, &next, g.Len(), &pairs)
	owned = make([]ID, len(g.st))
	for e := 0; e < g.Len(); e++ {
		for p := g.inStart[e]; p < g.inStart[e+1]; p++ {
			owned[p] = ID(e)
		}
	}
	return start, pos, owned
}

func (r *Reach) has(id ID) bool { return r.bits[id>>6]&(1<<(id&63)) != 0 }

// climbSet returns the entities above which a query under rule needs to climb: those that
// may be restricted when the Reach marks them for rule (see [Graph.ReachFor]), else the
// Reach itself.
func (r *Reach) climbSet(rule *Rule) []uint64 {
	if r.may != nil && rule.weighsRestrictedOnly() && rule.Threshold >= r.mayAt {
		return r.may
	}
	return r.bits
}

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
// for the same reason, nor asks whether they are roots; with a Reach from
// [Graph.ReachFor], it does not climb above the ancestors that cannot be restricted
// either, under the rules that Reach was refined for. A Reach computed on another graph,
// a rule whose threshold 0 inclusive restricts everything, or a review_at of 0, which a
// share of 0 meets, make the query ignore the Reach.
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
