package ownership

import (
	"slices"
)

// multTolerance is how close, in Percent units (millionths of a percent), a multiplicative
// share computed in floating point must be to the threshold to count as equal to it:
// 10^-9 percentage points. Direct and flow-through shares are sums of integers and are
// compared exactly.
const multTolerance = 1e-3

// pass is one least-fixed-point computation over a view: the lower pass (definitely
// restricted: stakes at their minimum, deny controls) or the upper pass (possibly
// restricted: ranges at their maximum, remainders held by restricted unknowns, deny and
// review controls).
type pass struct {
	upper bool
	st    []nodeState // by local node
	// held marks, by the view's local group index, the joint groups whose stakes count at
	// weight 1 for the single holder: those in which it, or an entity that passes for it in
	// this pass, has a stake, marked as soon as that entity passes. anyHeld says whether
	// any is.
	held    []bool
	anyHeld bool
}

// nodeState is what a pass knows of one node, in one record so that evaluating a node
// touches one or two cache lines.
type nodeState struct {
	share  [2]float64 // restricted share per measure, in Percent units
	weight [2]float64 // weight of the node's stakes as an owner, in [0, 1]
	pass   bool       // passes its stakes at weight 1 (root, or restricted by control; under flow-through, any restricted entity)
	restr  bool       // restricted (definitely in the lower pass, possibly in the upper)
	byCtl  bool       // restricted through a control
}

func (p *pass) reset(n int, upper bool) {
	p.upper = upper
	if cap(p.st) < n {
		p.st = make([]nodeState, n)
		return
	}
	p.st = p.st[:n]
	clear(p.st)
}

func resetBools(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resetFloats(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// engine runs passes over a view for one method and one holder.
type engine struct {
	v        *view
	method   Method  // Direct, FlowThrough or Multiplicative
	holder   int32   // local index of the single holder; -1: all roots (aggregate); -2: no known root; -3: a holder outside the view
	holderID ID      // the single holder's graph id
	curSCC   int32   // the component a pass is at
	dirty    []int32 // nodes with a stake of a group marked held after they were reached: the pass must go on
	lo, up   pass

	items  []item
	work   []int32
	inWork []bool

	// linear solves of multiplicative cycles
	recording bool
	alloc     []edgeAmount // spare capacity given to ranges by the last share()
	remainder float64      // spare capacity given to a remainder by the last share()
	col       []int32      // local → column of the system, -1 when not a variable
	vars      []int32      // column → local
	mat       []float64
	rhs       []float64
	x         []float64
	nz        []int32 // nonzero columns right of the diagonal of each row of U, by row
	nzStart   []int32
	dep       [][2]int32 // (column, row) of each nonzero off the diagonal, as built
	depStart  []int32    // dep as lists of rows by column
	depTo     []int32
	tmp       []int32
	pairs     csrPairs // of an index being built (fillCSR)
	reach     []bool
	stack     []int
}

type item struct {
	cap, w float64
	edge   int32
}

// meets compares a share with the rule's threshold.
func (e *engine) meets(x float64) bool {
	t := float64(e.v.rule.Threshold)
	tol := 0.0
	if e.method == Multiplicative {
		tol = multTolerance
	}
	if e.v.rule.Inclusive {
		return x >= t-tol
	}
	return x > t+tol
}

func (e *engine) isHolderRoot(k int32) bool {
	switch e.holder {
	case -1:
		return e.v.root[k]
	case -2:
		return false
	}
	return k == e.holder
}

// run computes both passes (the upper one as a copy of the lower when upperDiffers is
// false) over the whole view, SCC by SCC in topological order, leaving inert nodes (see
// view.inert) at the zero state; an aggregate pass over a backward view runs down the
// list of its active nodes instead (see view.aggActive). A pass in which no entity of the
// view can be a source of restriction (see hasSource) is all zero and is skipped.
func (e *engine) run() {
	v := e.v
	n := v.n()
	e.lo.reset(n, false)
	e.up.reset(n, true)
	for _, p := range []*pass{&e.lo, &e.up} {
		if p.upper && !e.upperDiffers() {
			p.st = append(p.st[:0], e.lo.st...)
			p.held = append(p.held[:0], e.lo.held...)
			p.anyHeld = e.lo.anyHeld
			break
		}
		p.held = resetBools(p.held, len(v.gSeen))
		p.anyHeld = false
		for e.hasSource(p) {
			e.dirty = e.dirty[:0]
			if e.holder == -1 {
				// Aggregate over a backward view (most; see order): its nodes that are
				// not inert, owners first, one after another, without the components'
				// bookkeeping. No group is ever held, so nothing is dirty.
				if active, ok := v.aggActive(); ok {
					for _, k := range active {
						e.eval(p, k)
					}
					break
				}
			}
			v.order()
			for c := 0; c+1 < len(v.sccStart); c++ {
				e.curSCC = int32(c)
				members := v.sccs[v.sccStart[c]:v.sccStart[c+1]]
				if !v.sccCyc[c] {
					// A node with nothing in (an ancestor the view does not climb above,
					// mostly) keeps the zero state reset gave it.
					if k := members[0]; !e.inert(k) {
						e.eval(p, k)
					}
					continue
				}
				e.solveSCC(p, members, int32(c))
			}
			// A group was marked held after some node with a stake of it was reached. Marks
			// only grow, and more held groups mean more weight, restriction and passing,
			// never less. Under direct and flow-through, where weights are 0 or 1, a work
			// list from the nodes the late marks touch carries the change to the least
			// fixed point. Multiplicative runs again from zero, keeping the marks, after
			// at most one run per group.
			if len(e.dirty) == 0 {
				break
			}
			if e.method != Multiplicative {
				e.settle(p)
				break
			}
			p.reset(n, p.upper)
		}
	}
}

// upperDiffers reports whether the upper pass can differ from the lower one: only spare
// capacity (undisclosed remainders, the width of ranges) given to unknown or possibly
// restricted holders, and controls that restrict for review, separate them. When the view
// has none of these, the upper pass is a copy of the lower one.
func (e *engine) upperDiffers() bool {
	v := e.v
	return v.anyReviewControl || (v.rule.Unknown != UnknownIgnore && (v.anyPartial || v.anyRange))
}

// markHeld marks the joint groups in which node k, which passes for the single holder,
// has a stake, and makes dirty the nodes with a stake of a newly marked group that are in
// a component already reached in this run (evaluated, being evaluated, or left cold).
func (e *engine) markHeld(p *pass, k int32) {
	v := e.v
	v.groupLists()
	for _, lg := range v.gOwn[v.gOwnStart[k]:v.gOwnStart[k+1]] {
		if p.held[lg] {
			continue
		}
		p.held[lg] = true
		p.anyHeld = true
		for _, t := range v.gTgt[v.gTgtStart[lg]:v.gTgtStart[lg+1]] {
			if v.comp[t] <= e.curSCC {
				e.dirty = append(e.dirty, t)
			}
		}
	}
}

// settle finishes a direct or flow-through pass after late group marks: starting from the
// nodes they touch, it re-evaluates nodes and pushes the successors of those that change
// (stakes, controls, and the nodes of groups marked on the way), until nothing changes.
// Every state only rises, from below the least fixed point, and takes finitely many
// values, so the work list ends there. O(A) evaluations per change of a node's state.
func (e *engine) settle(p *pass) {
	v := e.v
	v.outEdges()
	e.curSCC = int32(v.n()) // every node is reached: all nodes of a newly held group are dirty
	if len(e.inWork) < v.n() {
		e.inWork = make([]bool, v.n())
	}
	work := e.work[:0]
	push := func(t int32) {
		if !e.inWork[t] {
			e.inWork[t] = true
			work = append(work, t)
		}
	}
	for {
		for _, t := range e.dirty {
			push(t)
		}
		e.dirty = e.dirty[:0]
		if len(work) == 0 {
			break
		}
		k := work[0]
		work = work[1:]
		e.inWork[k] = false
		if !e.eval(p, k) {
			continue
		}
		for i := v.outStart[k]; i < v.outStart[k+1]; i++ {
			push(v.outEdge[i])
		}
		for i := v.cOutStart[k]; i < v.cOutStart[k+1]; i++ {
			push(v.cOut[i])
		}
	}
	e.work = work[:0]
}

// hasSource reports whether some entity of the view may have a positive share or be
// restricted in pass p. Restriction starts only at the holder's roots, at stakes of the
// joint groups a single holder holds, and, in the upper pass, at the undisclosed remainders
// of partially disclosed entities; controls and stakes only carry it on. Without a source
// the least fixed point is zero everywhere, which reset already holds. The exception is a
// threshold of 0 inclusive, which a share of 0 reaches: every entity is restricted.
func (e *engine) hasSource(p *pass) bool {
	v := e.v
	switch {
	case e.v.rule.meetsZero():
		return true // every share reaches the threshold, even none
	case p.anyHeld:
		return true
	case e.holder == -1:
		if v.anyRoot {
			return true
		}
	case e.holder >= 0:
		return true
	}
	return e.remainders(p) && v.anyPartial
}

// remainders reports whether pass p gives spare capacity (undisclosed remainders, the
// unused width of ranges) to possibly restricted holders: the upper pass, unless the rule
// ignores unknown owners.
func (e *engine) remainders(p *pass) bool {
	return p.upper && e.v.rule.Unknown != UnknownIgnore
}

// sccIsCold reports whether no member of the component c can become positive in pass p:
// none is a source and nothing from outside the component reaches it with a positive
// weight or a restricted controller. A cold component's least fixed point is zero.
func (e *engine) sccIsCold(p *pass, members []int32, c int32) bool {
	v := e.v
	if p.anyHeld || v.rule.meetsZero() {
		return false
	}
	remainders := e.remainders(p)
	for _, k := range members {
		if e.isHolderRoot(k) || (remainders && v.partial[k]) {
			return false
		}
		for i := v.inStart[k]; i < v.inStart[k+1]; i++ {
			if f := v.edges[i].from; v.comp[f] != c && (p.st[f].weight[0] > 0 || p.st[f].weight[1] > 0) {
				return false
			}
		}
		for i := v.cStart[k]; i < v.cStart[k+1]; i++ {
			if f := v.cFrom[i]; v.comp[f] != c && p.st[f].restr {
				return false
			}
		}
	}
	return true
}

// solveSCC iterates a strongly connected component to its least fixed point, starting
// from nothing restricted: booleans only turn on and shares only grow, so the iteration is
// monotone. Boolean changes happen at most once per node; floating-point shares
// (multiplicative) stop when they change by less than a negligible amount.
//
// A cold component (sccIsCold) is left at zero. A small component under direct or
// flow-through is swept in order until nothing changes: weights there are 0 or 1 and each
// sweep but the last turns on a member's restriction or its passing, so there are at most
// 2·len+1 sweeps. A
// small multiplicative component is solved as a linear system (solveLinear). Anything
// else runs a work list over the out-edges.
func (e *engine) solveSCC(p *pass, members []int32, c int32) {
	v := e.v
	if e.sccIsCold(p, members, c) {
		return
	}
	if e.method != Multiplicative && len(members) <= maxSweepSCC {
		for {
			changed := false
			for _, k := range members {
				if e.eval(p, k) {
					changed = true
				}
			}
			if !changed {
				return
			}
		}
	}
	if e.method == Multiplicative && len(members) <= maxLinearSCC && e.solveLinear(p, members, c) {
		return
	}
	inSCC := func(k int32) bool { return v.comp[k] == c }
	v.outEdges()
	// inWork is all false between work lists (each clears what it set), so it is only grown.
	if len(e.inWork) < v.n() {
		e.inWork = make([]bool, v.n())
	}
	e.work = append(e.work[:0], members...)
	for _, k := range members {
		e.inWork[k] = true
	}
	// A cycle of cross-holdings whose shares multiply to nearly 1 converges slowly; the
	// budget bounds the work (the answer is then approached from below, within far less
	// than the threshold tolerance for any cycle whose product is under 0.9999).
	budget := 200*len(members) + 300_000
	for len(e.work) > 0 && budget > 0 {
		budget--
		k := e.work[0]
		e.work = e.work[1:]
		e.inWork[k] = false
		if !e.eval(p, k) {
			continue
		}
		for i := v.outStart[k]; i < v.outStart[k+1]; i++ {
			t := v.outEdge[i]
			if inSCC(t) && !e.inWork[t] {
				e.inWork[t] = true
				e.work = append(e.work, t)
			}
		}
		for i := v.cOutStart[k]; i < v.cOutStart[k+1]; i++ {
			t := v.cOut[i]
			if inSCC(t) && !e.inWork[t] {
				e.inWork[t] = true
				e.work = append(e.work, t)
			}
		}
	}
	for _, k := range e.work {
		e.inWork[k] = false
	}
	e.work = e.work[:0]
}

// maxSweepSCC is the largest component of cross-holdings that direct and flow-through
// sweep in order instead of running a work list: O(len²) evaluations at worst, and in
// practice one or two sweeps with no out-edge index to build.
const maxSweepSCC = 64

// eval recomputes node k from its owners and controllers, and reports whether anything
// that its successors read changed.
func (e *engine) eval(p *pass, k int32) bool {
	v := e.v
	pass := e.isHolderRoot(k)
	byCtl := false
	if !pass {
		for i := v.cStart[k]; i < v.cStart[k+1]; i++ {
			eff := v.cEff[i]
			if p.st[v.cFrom[i]].restr && (eff == ControlDeny || (p.upper && eff == ControlReview)) {
				pass, byCtl = true, true
				break
			}
		}
	}
	// The two measures are spelled out as scalars: a [2]float64 written element by element
	// and passed on is read back as one 16-byte word, which stalls store forwarding.
	s0, s1 := e.share(p, k, false), 0.0
	if v.hasVotes[k] {
		s1 = e.share(p, k, true)
	}
	restr := pass || e.meets(s0) || (v.hasVotes[k] && e.meets(s1))
	if e.method == FlowThrough {
		pass = restr
	}
	var w0, w1 float64
	switch {
	case pass:
		w0, w1 = 1, 1
	case e.method == Multiplicative:
		w0, w1 = s0/float64(Hundred), s1/float64(Hundred)
	}
	p.st[k].byCtl = byCtl
	if pass && e.holder != -1 && len(v.gStakes) > 0 {
		e.markHeld(p, k)
	}
	return e.set(p, k, pass, restr, s0, s1, w0, w1)
}

// set stores node k's state and reports whether anything its successors read (whether it
// is restricted, and the weight of its stakes) changed. Its share matters to them only
// through the weight.
func (e *engine) set(p *pass, k int32, pass, restr bool, s0, s1, w0, w1 float64) bool {
	st := &p.st[k]
	changed := st.pass != pass || st.restr != restr
	// A tolerance far above floating-point noise (an ulp of 1 is 1.1e-16) and far below
	// the threshold tolerance, so that rounding never keeps a cycle iterating.
	if d := w0 - st.weight[0]; d > 1e-13 || d < -1e-13 {
		changed = true
	}
	if d := w1 - st.weight[1]; d > 1e-13 || d < -1e-13 {
		changed = true
	}
	st.pass, st.restr = pass, restr
	st.share[0], st.share[1] = s0, s1
	st.weight[0], st.weight[1] = w0, w1
	return changed
}

// weightOf is the weight of in-edge i's owner in pass p: 1 for a stake of a joint group the
// single holder holds a stake in.
func (e *engine) weightOf(p *pass, i int32, m int) float64 {
	if p.anyHeld {
		if g := e.v.eGroup[i]; g >= 0 && p.held[g] {
			return 1
		}
	}
	return p.st[e.v.edges[i].from].weight[m]
}

// share computes node k's restricted share of one measure in this pass.
func (e *engine) share(p *pass, k int32, votes bool) float64 {
	v := e.v
	m := 0
	if votes {
		m = 1
	}
	lo, hi := v.inStart[k], v.inStart[k+1]
	var base, sumLo float64
	for i := lo; i < hi; i++ {
		if v.edges[i].votes != votes {
			continue
		}
		l := float64(v.edges[i].lo)
		sumLo += l
		base += l * e.weightOf(p, i, m)
	}
	if !e.remainders(p) {
		return base
	}
	spare := float64(Hundred) - sumLo
	if spare <= 0 {
		return base
	}
	if v.partial[k] {
		// The remainder is held by unknown parties who may be restricted: all spare
		// capacity goes to it at weight 1.
		if e.recording {
			e.remainder = spare
		}
		return base + spare
	}
	// Spare capacity goes to ranges, restricted owners first, then others by weight.
	e.items = e.items[:0]
	for i := lo; i < hi; i++ {
		if v.edges[i].votes != votes || v.edges[i].hi == v.edges[i].lo {
			continue
		}
		w := e.weightOf(p, i, m)
		if w <= 0 {
			continue
		}
		e.items = append(e.items, item{float64(v.edges[i].hi - v.edges[i].lo), w, i})
	}
	if len(e.items) > 1 {
		slices.SortStableFunc(e.items, func(a, b item) int {
			switch {
			case a.w > b.w:
				return -1
			case a.w < b.w:
				return 1
			}
			return 0
		})
	}
	for _, it := range e.items {
		if spare <= 0 {
			break
		}
		x := min(it.cap, spare)
		base += x * it.w
		spare -= x
		if e.recording {
			e.alloc = append(e.alloc, edgeAmount{it.edge, x})
		}
	}
	return base
}

type edgeAmount struct {
	edge   int32
	amount float64
}

// maxLinearSCC is the largest cycle of cross-holdings solved directly as a linear system
// (dense Gaussian elimination, O(s^3)); larger ones are iterated.
const maxLinearSCC = 96

// solveLinear solves a multiplicative cycle exactly (up to floating point) instead of
// iterating it: with the set of passing members and the allocation of spare capacity
// fixed, the shares of the other members satisfy a linear system s = A s + b, whose least
// non-negative solution it computes. It then re-evaluates every member; if a control or an
// allocation changed, it solves again (policy iteration), and after a few rounds it gives
// up and reports false so that the caller iterates. Nodes that cannot receive any share
// (no path from a positive constant) get 0, which makes the remaining system non-singular.
func (e *engine) solveLinear(p *pass, members []int32, c int32) bool {
	v := e.v
	for _, k := range members {
		e.eval(p, k)
	}
	for round := 0; round < 6; round++ {
		for m := 0; m < 2; m++ {
			votes := m == 1
			if votes {
				any := false
				for _, k := range members {
					any = any || v.hasVotes[k]
				}
				if !any {
					break
				}
			}
			e.linearMeasure(p, members, c, m)
		}
		changed := false
		for _, k := range members {
			if e.eval(p, k) {
				changed = true
			}
		}
		if !changed {
			return true
		}
	}
	return false
}

// linearMeasure solves one measure's shares for the non-passing members of a cycle.
func (e *engine) linearMeasure(p *pass, members []int32, c int32, m int) {
	v := e.v
	votes := m == 1
	if cap(e.col) < v.n() {
		e.col = make([]int32, v.n())
		for i := range e.col {
			e.col[i] = -1
		}
	}
	e.col = e.col[:v.n()]
	vars := e.vars[:0]
	for _, k := range members {
		if !p.st[k].pass && (m == 0 || v.hasVotes[k]) {
			e.col[k] = int32(len(vars))
			vars = append(vars, k)
		}
	}
	e.vars = vars
	defer func() {
		for _, k := range vars {
			e.col[k] = -1
		}
	}()
	s := len(vars)
	if s == 0 {
		return
	}
	e.mat = resetFloats(e.mat, s*s)
	e.rhs = resetFloats(e.rhs, s)
	e.dep = e.dep[:0]
	for r, k := range vars {
		e.mat[r*s+r] = 1
		// record the allocation share() makes at the current weights
		e.recording, e.alloc, e.remainder = true, e.alloc[:0], 0
		e.share(p, k, votes)
		e.recording = false
		amount := func(i int32) float64 {
			x := float64(v.edges[i].lo)
			if e.remainders(p) {
				for _, a := range e.alloc {
					if a.edge == i {
						x += a.amount
					}
				}
			}
			return x
		}
		b := e.remainder
		for i := v.inStart[k]; i < v.inStart[k+1]; i++ {
			if v.edges[i].votes != votes {
				continue
			}
			j := v.edges[i].from
			x := amount(i)
			if col := e.col[j]; col >= 0 && v.comp[j] == c && e.weightOf(p, i, m) == p.st[j].weight[m] {
				e.mat[r*s+int(col)] -= x / float64(Hundred)
				if x > 0 {
					e.dep = append(e.dep, [2]int32{col, int32(r)})
				}
			} else {
				b += x * e.weightOf(p, i, m)
			}
		}
		e.rhs[r] = b
	}
	// Variables that no positive constant reaches stay 0 (the least solution).
	reach := resetBools(e.reach, s)
	e.reach = reach
	stack := e.stack[:0]
	for r := 0; r < s; r++ {
		if e.rhs[r] > 0 {
			reach[r] = true
			stack = append(stack, r)
		}
	}
	// The variables each one feeds (a nonzero below the diagonal's column), by column.
	e.pairs.reset()
	for _, d := range e.dep {
		e.pairs.add(d[0], d[1])
	}
	fillCSR(&e.depStart, &e.depTo, &e.tmp, s, &e.pairs)
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, r := range e.depTo[e.depStart[j]:e.depStart[j+1]] {
			if !reach[r] {
				reach[r] = true
				stack = append(stack, int(r))
			}
		}
	}
	for r := 0; r < s; r++ {
		if !reach[r] {
			for j := 0; j < s; j++ {
				e.mat[r*s+j] = 0
				e.mat[j*s+r] = 0
			}
			e.mat[r*s+r] = 1
			e.rhs[r] = 0
		}
	}
	// Gaussian elimination with partial pivoting.
	a, b := e.mat, e.rhs
	e.nz = e.nz[:0]
	e.nzStart = growLen(e.nzStart, s+1)
	for col := 0; col < s; col++ {
		e.nzStart[col] = int32(len(e.nz))
		piv := col
		for r := col + 1; r < s; r++ {
			if abs(a[r*s+col]) > abs(a[piv*s+col]) {
				piv = r
			}
		}
		if abs(a[piv*s+col]) < 1e-300 {
			continue
		}
		if piv != col {
			for j := 0; j < s; j++ {
				a[col*s+j], a[piv*s+j] = a[piv*s+j], a[col*s+j]
			}
			b[col], b[piv] = b[piv], b[col]
		}
		// The matrix is sparse (each row holds the stakes into one entity), so the pivot
		// row's nonzero columns are listed once and only they are updated: O(s² + fill-in)
		// rather than O(s³). The pivot row is final from here on, so its list also serves
		// the back substitution.
		first := len(e.nz)
		for j := col + 1; j < s; j++ {
			if a[col*s+j] != 0 {
				e.nz = append(e.nz, int32(j))
			}
		}
		nz := e.nz[first:]
		for r := col + 1; r < s; r++ {
			if a[r*s+col] == 0 {
				continue
			}
			f := a[r*s+col] / a[col*s+col]
			a[r*s+col] = 0
			for _, j := range nz {
				a[r*s+int(j)] -= f * a[col*s+int(j)]
			}
			b[r] -= f * b[col]
		}
	}
	e.nzStart[s] = int32(len(e.nz))
	e.stack = stack
	x := resetFloats(e.x, s)
	e.x = x
	for r := s - 1; r >= 0; r-- {
		sum := b[r]
		for _, j := range e.nz[e.nzStart[r]:e.nzStart[r+1]] { // empty for a zero pivot
			sum -= a[r*s+int(j)] * x[j]
		}
		if d := a[r*s+r]; abs(d) > 1e-300 {
			x[r] = sum / d
		}
		x[r] = min(max(x[r], 0), float64(Hundred))
	}
	for r, k := range vars {
		p.st[k].share[m] = x[r]
		p.st[k].weight[m] = x[r] / float64(Hundred)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// inert reports whether node k keeps the zero state in every pass (see view.inert).
func (e *engine) inert(k int32) bool { return e.v.inert(k, e.isHolderRoot(k)) }
