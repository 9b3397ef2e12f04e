package ownership

import "slices"

// A view is the part of the graph a question needs, at one date and under one rule, with
// local dense indices: for one subject, the subject (local 0) and its ancestors (the owners
// of its owners…, and the controllers that count under the rule); for a batch, everything.
// Stakes and controls not in effect at the date, and controls the rule ignores, are left
// out. Each in-edge keeps its joint group, which a per-holder rule reads.
type view struct {
	g     *Graph
	at    Date
	rule  *Rule
	roots Roots

	nodes []ID      // local → graph id
	refs  []nodeRef // local → where its in-stakes are, and its bits

	inStart []int32 // CSR of in-edges by local target, len N+1
	edges   []vedge

	outStart []int32 // CSR of out-edges by local source: the owned node of each stake
	outEdge  []int32

	cStart    []int32 // CSR of control in-edges by local target
	cFrom     []int32
	cEff      []ControlEffect
	cPos      []int32 // graph control position
	cOutStart []int32
	cOut      []int32 // the controlled node of each control, by source
	outBuilt  bool
	ordered   bool
	// backwardAll: the view is backward (see isBackward), known when dirKnown. active:
	// for such a view, the nodes an aggregate pass evaluates (see aggActive), built when
	// activeBuilt. All are found on first use.
	active      []int32
	backwardAll bool
	dirKnown    bool
	activeBuilt bool

	anyRoot, anyPartial bool // some node of the view is a root, or partially disclosed
	anyRange            bool // some edge's share is a range (lo < hi)
	anyReviewControl    bool // some control of the view restricts for review

	// climb, when not nil, is a set from the caller's Reach (see [Screened] and
	// Reach.climbSet): an ancestor outside it joins the view without its in-stakes and
	// controls, since what is above it cannot change what it gives to the entities it
	// holds stakes in, and the subject's answer does not read them.
	climb []uint64

	// Per-holder views only. The joint groups that stakes of the view belong to get local
	// indices (gSeen: local → graph group; gIdx: back; eGroup: each edge's, or -1), and
	// every stake in effect of those groups is listed by owner (gStakes; the owners and
	// their ancestors are in the view). A holder holds a group when an owner of one of its
	// stakes passes for it.
	gSeen   []int32
	gIdx    map[int32]int32
	eGroup  []int32
	gStakes []gstake
	// built on first use (groupLists): the local groups of each node's gStakes, and the
	// target nodes of each local group's edges, as CSR
	gOwnStart, gOwn []int32
	gTgtStart, gTgt []int32
	groupListsBuilt bool

	root     []bool
	partial  []bool
	hasVotes []bool

	sccs     []int32 // nodes in topological order (owners first), grouped by SCC
	sccStart []int32
	comp     []int32 // local → its SCC's index
	sccCyc   []bool  // by SCC: it has a cycle (more than one node, or a node that holds itself)

	// Tarjan's scratch
	tIdx, tLow []int32
	tOn        []bool
	tStack     []int32
	tCall      []tframe

	whole bool // the view of the whole graph: local index == graph id
	// single-subject views of up to smallMax nodes: local index + 1 by hashed graph id,
	// 0 = empty; bigger ones (big) use stamp, borrowed from the graph's pool
	small [smallSize]int32
	big   bool
	stamp *stamps
	queue []ID
	tmp   []int32
	pairs csrPairs // of an index being built (fillCSR)

	touched int32 // what buildSubject loads ahead goes here, so that the load is kept

	// forward: addNodeEdges met a stake or control from a node to itself or to a node
	// found after it, so the view is not backward (see order). Only views that
	// buildSubject builds keep it; tracked says whether it is kept.
	forward, tracked bool
}

func (v *view) n() int { return len(v.nodes) }

func (v *view) reset(g *Graph, at Date, rule *Rule, roots Roots) {
	v.g, v.at, v.rule, v.roots = g, at, rule, roots
	v.nodes, v.refs = v.nodes[:0], v.refs[:0]
	v.inStart = append(v.inStart[:0], 0)
	v.edges = v.edges[:0]
	v.cStart = append(v.cStart[:0], 0)
	v.cFrom, v.cEff, v.cPos = v.cFrom[:0], v.cEff[:0], v.cPos[:0]
	v.root, v.partial, v.hasVotes = v.root[:0], v.partial[:0], v.hasVotes[:0]
	v.anyRoot, v.anyPartial, v.anyRange, v.anyReviewControl = false, false, false, false
	v.forward, v.tracked = false, false
	v.climb = nil
	v.gStakes, v.gSeen, v.eGroup = v.gStakes[:0], v.gSeen[:0], v.eGroup[:0]
	clear(v.gIdx)
	v.groupListsBuilt = false
}

// gstake is a stake of a joint group in a per-holder view: its owner, its local group and
// its graph position.
type gstake struct {
	from, group, pos int32
}

// vedge is a stake in a view: its owner's local index, its share, its graph position, its
// joint group (-1 for none) and whether it counts votes.
type vedge struct {
	from, lo, hi, pos, group int32
	votes                    bool
}

// stakeActive reports whether the stake at position p is in effect at the view's date.
func (v *view) stakeActive(p int32) bool {
	return v.g.st[p].activeAt(v.at)
}

// addNodeEdges appends the in-edges of local node k, calling visit for every source so
// that it gets a local index. It reads the node's in-stakes through its ref, and the
// per-entity arrays only for controllers.
func (v *view) addNodeEdges(k int, roots Roots, visit func(id ID, ref nodeRef) int32) {
	g := v.g
	id, ref := v.nodes[k], v.refs[k]
	if k > 0 && v.climb != nil && v.climb[id>>6]&(1<<(id&63)) == 0 {
		// Not a root, not partially disclosed, and never restricted: its own stakes and
		// controls cannot change its state or the weight of its stakes (0, or 1 for a
		// joint group a single holder holds, which does not depend on them).
		v.inStart = append(v.inStart, int32(len(v.edges)))
		v.cStart = append(v.cStart, int32(len(v.cFrom)))
		v.root = append(v.root, false)
		v.partial = append(v.partial, false)
		v.hasVotes = append(v.hasVotes, false)
		return
	}
	votes := false
	if p := ref.start; p >= 0 {
		for ; ; p++ {
			r := &g.st[p]
			if r.activeAt(v.at) {
				isVotes := r.meta&metaVotes != 0
				votes = votes || isVotes
				// The edge's fields are stored one by one into the slice: a literal
				// built on the stack and copied would be read back as wider words
				// than it was written in, which stalls store-to-load forwarding.
				from := visit(r.owner, r.ownerRef())
				v.forward = v.forward || from <= int32(k)
				v.edges = append(v.edges, vedge{})
				ed := &v.edges[len(v.edges)-1]
				ed.from, ed.lo, ed.hi, ed.pos, ed.group, ed.votes = from, r.lo, r.hi, p, r.group(), isVotes
				v.anyRange = v.anyRange || r.lo != r.hi
			}
			if r.meta&metaLast != 0 {
				break
			}
		}
	}
	v.inStart = append(v.inStart, int32(len(v.edges)))
	if ref.controlled {
		lo, hi := g.controlsOf(id)
		for c := lo; c < hi; c++ {
			eff := v.rule.Controls[g.cBasis[c]]
			if eff == ControlIgnore || !g.cValid[c].Contains(v.at) {
				continue
			}
			from := visit(g.cFrom[c], g.refOf(g.cFrom[c]))
			v.forward = v.forward || from <= int32(k)
			v.cFrom = append(v.cFrom, from)
			v.cEff = append(v.cEff, eff)
			v.anyReviewControl = v.anyReviewControl || eff == ControlReview
			v.cPos = append(v.cPos, c)
		}
	}
	v.cStart = append(v.cStart, int32(len(v.cFrom)))
	isRoot, partial := roots.IsRoot(id), ref.partial
	v.anyRoot = v.anyRoot || isRoot
	v.anyPartial = v.anyPartial || partial
	v.root = append(v.root, isRoot)
	v.partial = append(v.partial, partial)
	v.hasVotes = append(v.hasVotes, votes)
}

// buildSubject builds the view of subject (a canonical id) and its ancestors, in
// O(ancestors + their in-edges) time, without touching the rest of the graph. With a reach
// (nil for none; see view.climb), it does not climb above the ancestors that give nothing.
// With a hint (nil for none), it takes where the subject's stakes and its ancestors'
// start from there instead of from the graph's per-entity arrays.
func (v *view) buildSubject(g *Graph, subject ID, at Date, rule *Rule, roots Roots, reach *Reach, hint *QueryStart) {
	v.reset(g, at, rule, roots)
	if reach != nil {
		v.climb = reach.climbSet(rule)
	}
	v.whole = false
	// Small views (most) are indexed by a little open-addressing table that stays in
	// cache; a view that outgrows it moves to a stamp array over all entities, which it
	// borrows from the graph's pool.
	clear(v.small[:])
	v.big = false
	visit := func(id ID, ref nodeRef) int32 {
		if !v.big {
			h := smallHash(id)
			for {
				x := v.small[h]
				if x == 0 {
					break
				}
				if v.nodes[x-1] == id {
					return x - 1
				}
				h = (h + 1) & (smallSize - 1)
			}
			k := int32(len(v.nodes))
			v.nodes = append(v.nodes, id)
			v.refs = append(v.refs, ref)
			if len(v.nodes) <= smallMax {
				v.small[h] = k + 1
				return k
			}
			v.big = true
			if v.stamp == nil {
				v.stamp = g.getStamps()
			}
			v.stamp.next()
			for i, x := range v.nodes {
				v.stamp.recs[x] = stampRec{v.stamp.gen, int32(i)}
			}
			return k
		}
		st := &v.stamp.recs[id]
		if st.gen == v.stamp.gen {
			return st.local
		}
		k := int32(len(v.nodes))
		*st = stampRec{v.stamp.gen, k}
		v.nodes = append(v.nodes, id)
		v.refs = append(v.refs, ref)
		return k
	}
	// A level's stakes name the next level's owners, so climbing costs one cache miss per
	// level, one after another. The graph says where the stakes of the subject's nearest
	// ancestors start: loading them now overlaps their misses with the subject's own.
	var ref nodeRef
	var anc []int16
	if hint != nil {
		ref, anc = hint.ref, hint.anc[:]
		// The header of the id string of the owner of the largest stake, which
		// evidence most often names, loads with the stakes: reading it after the answer
		// would be a cache miss of its own.
		if hint.owner != NoID {
			v.touched += int32(len(g.ids[hint.owner]))
		}
	} else {
		ref, anc = g.refOf(subject), g.anc[int(subject)*ancSlots:(int(subject)+1)*ancSlots]
	}
	if ref.start >= 0 {
		for _, d := range anc {
			if d != noAnc {
				v.touched += g.st[ref.start+int32(d)].ostart
			}
		}
	}
	visit(subject, ref)
	v.tracked = true
	k, scanned := 0, 0
	for {
		for ; k < len(v.nodes); k++ {
			v.addNodeEdges(k, roots, visit)
		}
		if !rule.PerHolder {
			break
		}
		// A single holder may hold a joint group through any of its stakes, so the owners
		// of every stake of the view's groups, and their ancestors, join the view.
		if v.gIdx == nil {
			v.gIdx = map[int32]int32{}
		}
		for ; scanned < len(v.edges); scanned++ {
			gi := v.edges[scanned].group
			if gi < 0 {
				v.eGroup = append(v.eGroup, -1)
				continue
			}
			if local, ok := v.gIdx[gi]; ok {
				v.eGroup = append(v.eGroup, local)
				continue
			}
			local := int32(len(v.gSeen))
			v.gIdx[gi] = local
			v.eGroup = append(v.eGroup, local)
			v.gSeen = append(v.gSeen, gi)
			for _, p := range g.groupPos[g.groupStart[gi]:g.groupStart[gi+1]] {
				if v.stakeActive(p) {
					v.gStakes = append(v.gStakes, gstake{visit(g.st[p].owner, g.st[p].ownerRef()), local, p})
				}
			}
		}
		if k == len(v.nodes) {
			break
		}
	}
	v.finish()
}

// groupLists builds, once per per-holder view, the local groups in which each node holds
// a stake (gOwn, by node) and the target node of every edge of each local group (gTgt).
func (v *view) groupLists() {
	if v.groupListsBuilt {
		return
	}
	v.groupListsBuilt = true
	v.pairs.reset()
	for _, gs := range v.gStakes {
		v.pairs.add(gs.from, gs.group)
	}
	fillCSR(&v.gOwnStart, &v.gOwn, &v.tmp, v.n(), &v.pairs)
	v.pairs.reset()
	for k := int32(0); k < int32(v.n()); k++ {
		for i := v.inStart[k]; i < v.inStart[k+1]; i++ {
			if lg := v.eGroup[i]; lg >= 0 {
				v.pairs.add(lg, k)
			}
		}
	}
	fillCSR(&v.gTgtStart, &v.gTgt, &v.tmp, len(v.gSeen), &v.pairs)
}

// buildAll builds the view of the whole graph at a date; local index == graph id. O(V + E).
func (v *view) buildAll(g *Graph, at Date, rule *Rule, roots Roots) {
	v.reset(g, at, rule, roots)
	v.whole = true
	n, m := g.Len(), len(g.st)
	v.nodes = make([]ID, 0, n)
	v.inStart = append(make([]int32, 0, n+1), 0)
	v.edges = make([]vedge, 0, m)
	v.cStart = append(make([]int32, 0, n+1), 0)
	v.root, v.partial, v.hasVotes = make([]bool, 0, n), make([]bool, 0, n), make([]bool, 0, n)
	v.refs = make([]nodeRef, 0, n)
	for i := 0; i < g.Len(); i++ {
		v.nodes = append(v.nodes, ID(i))
		v.refs = append(v.refs, g.refOf(ID(i)))
	}
	visit := func(id ID, _ nodeRef) int32 { return int32(id) }
	for k := 0; k < len(v.nodes); k++ {
		v.addNodeEdges(k, roots, visit)
	}
	v.finish()
}

// finish marks the derived indices stale: the topological order of strongly connected
// components is computed by order, the out-edge indices, which only cycles need, by
// outEdges, and whether the view is backward and its active nodes by isBackward and
// aggActive, each on first use. A view in which nothing can be restricted needs none.
func (v *view) finish() {
	v.outBuilt = false
	v.ordered = false
	v.activeBuilt = false
	v.dirKnown = false
}

// inert reports whether node k keeps, in every pass, the zero state a pass starts from,
// whatever the other nodes' states, given whether it is a root of the holder the pass is
// for: no stake or control in, not such a root, not partially disclosed (no remainder),
// under a rule that a share of 0 does not meet. Evaluating it would compute no share, no
// restriction and no weight. Most nodes of a small view are inert: owners the query does
// not climb above.
func (v *view) inert(k int32, holderRoot bool) bool {
	return v.inStart[k] == v.inStart[k+1] && v.cStart[k] == v.cStart[k+1] && !v.partial[k] && !holderRoot && !v.rule.meetsZero()
}

// aggActive returns, for a backward view (see order), the nodes an aggregate pass
// evaluates, owners first: all but the inert ones. For any other view it returns false.
// Built once per view: the four passes of a compare query share it.
func (v *view) aggActive() ([]int32, bool) {
	if !v.activeBuilt {
		v.activeBuilt = true
		v.active = v.active[:0]
		if v.isBackward() {
			for k := int32(v.n()) - 1; k >= 0; k-- {
				if !v.inert(k, v.root[k]) {
					v.active = append(v.active, k)
				}
			}
		}
	}
	return v.active, v.isBackward()
}

// order computes the topological order of strongly connected components, once per view.
func (v *view) order() {
	if v.ordered {
		return
	}
	v.ordered = true
	if !v.isBackward() {
		v.tarjan()
		return
	}
	// Every edge runs from a node found later to one found earlier, as in a tree of
	// holdings: there is no cycle, and the reverse of the order of discovery puts owners
	// first.
	n := v.n()
	v.sccs = growLen(v.sccs, n)
	v.sccStart = growLen(v.sccStart, n+1)
	v.comp = growLen(v.comp, n)
	v.sccCyc = resetBools(v.sccCyc, n)
	for k := 0; k < n; k++ {
		v.sccs[k] = int32(n - 1 - k)
		v.sccStart[k] = int32(k)
		v.comp[k] = int32(n - 1 - k)
	}
	v.sccStart[n] = int32(n)
}

// isBackward reports whether the view is backward (see backward): from what buildSubject
// noted, when it did, and otherwise by a scan, once per view.
func (v *view) isBackward() bool {
	if !v.dirKnown {
		v.dirKnown = true
		v.backwardAll = !v.forward
		if !v.tracked {
			v.backwardAll = v.backward()
		}
	}
	return v.backwardAll
}

// backward reports whether every stake and control of the view runs from a node with a
// higher local index to one with a lower.
func (v *view) backward() bool {
	for k := int32(0); k < int32(v.n()); k++ {
		for _, e := range v.edges[v.inStart[k]:v.inStart[k+1]] {
			if e.from <= k {
				return false
			}
		}
		for _, f := range v.cFrom[v.cStart[k]:v.cStart[k+1]] {
			if f <= k {
				return false
			}
		}
	}
	return true
}

// outEdges builds the out-edge indices of stakes and controls.
func (v *view) outEdges() {
	if v.outBuilt {
		return
	}
	v.outBuilt = true
	n := v.n()
	v.pairs.reset()
	for k := int32(0); k < int32(n); k++ {
		for e := v.inStart[k]; e < v.inStart[k+1]; e++ {
			v.pairs.add(v.edges[e].from, k)
		}
	}
	fillCSR(&v.outStart, &v.outEdge, &v.tmp, n, &v.pairs)
	v.pairs.reset()
	for k := int32(0); k < int32(n); k++ {
		for c := v.cStart[k]; c < v.cStart[k+1]; c++ {
			v.pairs.add(v.cFrom[c], k)
		}
	}
	fillCSR(&v.cOutStart, &v.cOut, &v.tmp, n, &v.pairs)
}

// csrPairs collects the (key, value) pairs of an index that fillCSR builds, and keeps
// their memory for the next index. With vals nil, the value of pair i is i.
type csrPairs struct {
	keys, vals []int32
}

func (p *csrPairs) reset() { p.keys, p.vals = p.keys[:0], p.vals[:0] }

func (p *csrPairs) add(key, val int32) {
	p.keys = append(p.keys, key)
	p.vals = append(p.vals, val)
}

// fillCSR sets *start (n+1 entries) and *out so that (*out)[(*start)[k]:(*start)[k+1]] are
// the values of the pairs with key k, in the order of the pairs. next is scratch. It takes
// the pairs collected, not a callback that emits them, so that a query building an index
// allocates nothing: the closures a callback needs would escape.
func fillCSR(start, out, next *[]int32, n int, pairs *csrPairs) {
	*start = growZero(*start, n+1)
	st := *start
	for _, k := range pairs.keys {
		st[k+1]++
	}
	for i := 0; i < n; i++ {
		st[i+1] += st[i]
	}
	*out = growLen(*out, int(st[n]))
	o := *out
	*next = append((*next)[:0], st[:n]...)
	nx := *next
	for i, k := range pairs.keys {
		x := int32(i)
		if pairs.vals != nil {
			x = pairs.vals[i]
		}
		o[nx[k]] = x
		nx[k]++
	}
}

// tarjan computes the strongly connected components over predecessor edges (stakes and
// controls, reversed) without recursion. Tarjan's algorithm emits components in reverse
// topological order of the graph it walks; walking predecessors, that is owners first.
func (v *view) tarjan() {
	n := v.n()
	v.tIdx = growZero(v.tIdx, n) // 0 = unvisited, else visit number
	v.tLow = growLen(v.tLow, n)
	v.tOn = resetBools(v.tOn, n)
	v.comp = growLen(v.comp, n)
	idx, low, onStack := v.tIdx, v.tLow, v.tOn
	stack := v.tStack[:0]
	call := v.tCall[:0]
	v.sccs = v.sccs[:0]
	v.sccStart = append(v.sccStart[:0], 0)
	v.sccCyc = v.sccCyc[:0]
	counter := int32(0)
	for s := int32(0); s < int32(n); s++ {
		if idx[s] != 0 {
			continue
		}
		counter++
		idx[s], low[s] = counter, counter
		stack = append(stack, s)
		onStack[s] = true
		call = append(call, tframe{s, 0})
		for len(call) > 0 {
			f := &call[len(call)-1]
			k := f.node
			// next predecessor: stake in-edges, then control in-edges
			var w int32 = -1
			ne := v.inStart[k+1] - v.inStart[k]
			if f.next < ne {
				w = v.edges[v.inStart[k]+f.next].from
			} else if c := f.next - ne; c < v.cStart[k+1]-v.cStart[k] {
				w = v.cFrom[v.cStart[k]+c]
			}
			if w >= 0 {
				f.next++
				if idx[w] == 0 {
					counter++
					idx[w], low[w] = counter, counter
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, tframe{w, 0})
				} else if onStack[w] && idx[w] < low[k] {
					low[k] = idx[w]
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				if p := call[len(call)-1].node; low[k] < low[p] {
					low[p] = low[k]
				}
			}
			if low[k] == idx[k] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					v.comp[w] = int32(len(v.sccStart) - 1)
					v.sccs = append(v.sccs, w)
					if w == k {
						break
					}
				}
				v.sccStart = append(v.sccStart, int32(len(v.sccs)))
				v.sccCyc = append(v.sccCyc, v.sccStart[len(v.sccStart)-1]-v.sccStart[len(v.sccStart)-2] > 1 || v.selfLoop(k))
			}
		}
	}
	v.tStack, v.tCall = stack, call
}

// selfLoop reports whether node k holds a stake in, or controls, itself.
func (v *view) selfLoop(k int32) bool {
	for _, e := range v.edges[v.inStart[k]:v.inStart[k+1]] {
		if e.from == k {
			return true
		}
	}
	return slices.Contains(v.cFrom[v.cStart[k]:v.cStart[k+1]], k)
}

const (
	smallSize = 256 // slots of the small-view table, a power of two
	smallMax  = 128 // views up to this many nodes use it
)

func smallHash(id ID) int32 { return int32((uint32(id) * 0x9e3779b1) >> 24) }

// localOf returns the local index of graph entity id in the view.
func (v *view) localOf(id ID) (int32, bool) {
	if v.whole {
		return int32(id), id >= 0 && int(id) < v.n()
	}
	if v.big {
		if st := v.stamp.recs[id]; st.gen == v.stamp.gen {
			return st.local, true
		}
		return 0, false
	}
	for h := smallHash(id); ; h = (h + 1) & (smallSize - 1) {
		x := v.small[h]
		if x == 0 {
			return 0, false
		}
		if v.nodes[x-1] == id {
			return x - 1, true
		}
	}
}

// stamps maps every entity of a graph to a local index: recs[id].gen == gen when id is in
// the current view, at local index recs[id].local (one record, so one cache miss per
// visit). Starting a new view only increments gen.
type stamps struct {
	recs []stampRec
	gen  uint32
}

func (s *stamps) next() {
	s.gen++
	if s.gen == 0 { // wrapped: clear
		clear(s.recs)
		s.gen = 1
	}
}

type stampRec struct {
	gen   uint32
	local int32
}

type tframe struct {
	node int32
	next int32
}

func growZero(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func growLen(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
