package ownership

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// ErrSubject is returned for a subject that is not an entity of the graph.
var ErrSubject = errors.New("ownership: subject out of range")

// scratch holds the reusable memory of one query.
type scratch struct {
	v         view
	eng       engine
	holderBuf []ID
	steps     []Step // the steps of a result's paths while they are found
	terms     []Term // a result's terms before they are sorted and cut
	seen      []int32
}

// pools keeps the memory of finished queries for the next ones, per graph, so that memory
// sized for one graph is not handed to another. The scratch of a query is small and lives
// in a sync.Pool. The stamp arrays of big views are O(V) each; they are kept in a channel
// instead, which the garbage collector does not empty, since reallocating them after every
// collection would cost more than the queries. At most poolSize are kept.
type pools struct {
	scratch sync.Pool
	once    sync.Once
	stamps  chan *stamps
}

const poolSize = 64

func (g *Graph) getScratch() *scratch {
	if s, ok := g.pool.scratch.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

func (g *Graph) putScratch(s *scratch) {
	if s.v.stamp != nil {
		g.putStamps(s.v.stamp)
		s.v.stamp = nil
	}
	g.pool.scratch.Put(s)
}

func (g *Graph) getStamps() *stamps {
	g.pool.once.Do(func() { g.pool.stamps = make(chan *stamps, poolSize) })
	select {
	case s := <-g.pool.stamps:
		return s
	default:
		return &stamps{recs: make([]stampRec, g.Len())}
	}
}

// putStamps returns s to the pool that getStamps made.
func (g *Graph) putStamps(s *stamps) {
	select {
	case g.pool.stamps <- s:
	default:
	}
}

// Query answers rule for one subject at date at: whether subject is owned or controlled by
// roots in the sense of the rule, the bounds of the restricted share, and the evidence.
// It touches only the subject's ancestors (the owners of its owners…, and the controllers
// the rule counts), so its cost is O(A log A) in the size A of that part of the graph,
// whatever the size of the graph. Under a per-holder rule the view also holds the owners of
// every stake of each joint group met, with their ancestors (a holder may hold a group
// through any of them), and the work is done per candidate holder. With roots that carry
// a [Reach] ([Screened]) a subject outside it costs O(1), and the climb stops at the
// ancestors outside it. Query never recurses, so chains of any depth work. A branch is
// answered as its ultimate parent. Query is safe for concurrent use.
func (g *Graph) Query(rule *Rule, roots Roots, subject ID, at Date) (Result, error) {
	var res Result
	if err := g.QueryInto(&res, rule, roots, subject, at); err != nil {
		return Result{}, err
	}
	return res, nil
}

// QueryInto is [Graph.Query] answering into res, whose memory it reuses: the slices of
// res, and of its parts, are overwritten and grown in place, so a caller that keeps one
// Result per goroutine (or in a sync.Pool) and copies out what it needs answers without
// allocating. Slices that a fresh Result would leave nil may come back empty but not nil.
// On error res is reset to hold no answer.
func (g *Graph) QueryInto(res *Result, rule *Rule, roots Roots, subject ID, at Date) error {
	return g.query(res, rule, roots, subject, at, nil)
}

// query answers QueryInto, starting from hint (see [NameIndex]) when it is not nil: then
// subject is canonical, and hint holds its own start.
func (g *Graph) query(res *Result, rule *Rule, roots Roots, subject ID, at Date, hint *QueryStart) error {
	if subject < 0 || int(subject) >= g.Len() {
		res.start(rule.Method, subject, NoID, rule.PerHolder)
		return fmt.Errorf("%w: %d", ErrSubject, subject)
	}
	if err := rule.Validate(); err != nil {
		res.start(rule.Method, subject, NoID, rule.PerHolder)
		return err
	}
	entity := subject
	if hint == nil {
		entity = g.Canonical(subject)
	}
	if roots.IsRoot(entity) {
		res.start(rule.Method, subject, entity, rule.PerHolder)
		res.Status = Restricted
		res.SubjectIsRoot = true
		res.Roots = append(res.Roots, entity)
		return nil
	}
	// Outside the caller's Reach the answer is clear with nothing, which start leaves in
	// res (under compare, in both parts). Inside it, the view leaves out what lies above
	// the ancestors outside it.
	reach := g.reachFor(rule, roots)
	out := reach != nil && !reach.has(entity)
	var s *scratch
	if !out {
		s = g.getScratch()
		defer g.putScratch(s)
		s.v.buildSubject(g, entity, at, rule, roots, reach, hint)
	}
	if rule.Method != Compare {
		res.start(rule.Method, subject, entity, rule.PerHolder)
		if !out {
			s.solve(rule.Method, res)
		}
		return nil
	}
	// Under compare, res becomes a copy of the flow-through part, so it is not started
	// itself: that would write it whole twice.
	parts := res.compareParts(rule, subject, entity)
	if !out {
		s.solve(FlowThrough, &parts[0])
		s.solve(Multiplicative, &parts[1])
	}
	*res = parts[0]
	res.Method = Compare
	res.Parts = parts
	if parts[0].Status.outcome() != parts[1].Status.outcome() {
		res.Status = MethodDependent
	}
	return nil
}

// compareParts returns r's Parts, reused, as two new answers: flow-through and
// multiplicative.
func (r *Result) compareParts(rule *Rule, subject, entity ID) []Result {
	parts := r.Parts[:0]
	if cap(parts) < 2 {
		parts = make([]Result, 2)
	}
	parts = parts[:2]
	parts[0].start(FlowThrough, subject, entity, rule.PerHolder)
	parts[1].start(Multiplicative, subject, entity, rule.PerHolder)
	parts[0].Parts, parts[1].Parts = nil, nil
	return parts
}

// start makes r a new answer with no findings, keeping the memory of its slices.
//
// It writes field by field: a composite literal is built on the stack and copied whole, and
// this runs twice per query under compare. TestResultStart fails when a field is added to
// Result and not here.
func (r *Result) start(method Method, subject, entity ID, perHolder bool) {
	r.Status, r.Method, r.Subject, r.Entity = 0, method, subject, entity
	r.SubjectIsRoot, r.PerHolder, r.Holder, r.Measure = false, perHolder, NoID, 0
	r.Share, r.ThroughControl, r.Control, r.Remainder = Bounds{}, false, ControlInfo{}, 0
	r.Terms, r.Paths, r.Unsettled, r.Roots = r.Terms[:0], r.Paths[:0], r.Unsettled[:0], r.Roots[:0]
	r.Parts, r.steps = r.Parts[:0], r.steps[:0]
}

// solve answers the view's subject (local 0) with one method, into res.
func (s *scratch) solve(method Method, res *Result) {
	v := &s.v
	e := &s.eng
	e.v, e.method = v, method
	if !v.rule.PerHolder {
		e.setAggregate()
		e.run()
		s.fill(e, res)
		return
	}
	// Per holder: each root in the view on its own, and the unknown holders of remainders.
	type score struct {
		restrLo, restrUp bool
		lo, up           float64
	}
	found := false
	var bestScore score
	better := func(a, b score) bool {
		if a.restrLo != b.restrLo {
			return a.restrLo
		}
		if a.restrUp != b.restrUp {
			return a.restrUp
		}
		if a.lo != b.lo {
			return a.lo > b.lo
		}
		return a.up > b.up
	}
	anyUp := false
	var bestID ID
	try := func(id ID) {
		e.setHolder(id)
		e.run()
		sc := score{e.lo.st[0].restr, e.up.st[0].restr, maxShare(&e.lo, 0), maxShare(&e.up, 0)}
		anyUp = anyUp || sc.restrUp
		if !found || better(sc, bestScore) {
			found, bestScore, bestID = true, sc, id
		}
	}
	for _, id := range s.holders() {
		try(id)
	}
	try(NoID)
	e.setHolder(bestID)
	e.run()
	res.Holder = bestID // before fill, whose evidence names the holder among the roots
	s.fill(e, res)
	if res.Status == Clear && anyUp {
		res.Status = Indeterminate
	}
}

// setHolder selects whose share the next run counts: one root (a graph id), or nobody
// known (NoID: the unknown holders of remainders). A single root holds every stake of each
// joint group in which it has a stake of its own in effect. setAggregate selects all roots.
func (e *engine) setHolder(id ID) {
	v := e.v
	e.holderID, e.holder = id, -2
	if id == NoID {
		return
	}
	e.holder = -3
	if k, ok := v.localOf(id); ok {
		e.holder = k
	}
}

func (e *engine) setAggregate() {
	e.holder, e.holderID = -1, NoID
}

// holders lists the candidate single holders for the view's subject, in id order: the
// roots of the view, which holds the subject's ancestors and, since a holder may hold a
// joint group through any stake of it, the owners of every stake of the view's groups
// and their ancestors (see buildSubject).
func (s *scratch) holders() []ID {
	v := &s.v
	out := s.holderBuf[:0]
	for k := 0; k < v.n(); k++ {
		if v.root[k] {
			out = append(out, v.nodes[k])
		}
	}
	slices.Sort(out)
	s.holderBuf = out
	return out
}

func maxShare(p *pass, k int32) float64 { return max(p.st[k].share[0], p.st[k].share[1]) }

func toPercent(x float64) Percent { return Percent(math.Round(x)) }

// fill sets the status and the evidence of res from the engine's passes, for local 0.
func (s *scratch) fill(e *engine, res *Result) {
	v := e.v
	g := v.g
	lo, up := &e.lo, &e.up
	// Which measure decided.
	m := 0
	switch {
	case lo.st[0].restr:
		if !e.meets(lo.st[0].share[0]) && v.hasVotes[0] && e.meets(lo.st[0].share[1]) {
			m = 1
		}
	case up.st[0].restr:
		if !e.meets(up.st[0].share[0]) && v.hasVotes[0] && e.meets(up.st[0].share[1]) {
			m = 1
		}
	default:
		if v.hasVotes[0] && lo.st[0].share[1] > lo.st[0].share[0] {
			m = 1
		}
	}
	res.Measure = Measure(m)
	res.Share = Bounds{toPercent(lo.st[0].share[m]), toPercent(up.st[0].share[m])}
	if res.Share.Upper < res.Share.Lower {
		res.Share.Upper = res.Share.Lower
	}
	switch {
	case lo.st[0].restr:
		res.Status = Restricted
	case up.st[0].restr:
		res.Status = Indeterminate
	case v.rule.HasReviewAt && maxShare(lo, 0) >= float64(v.rule.ReviewAt)-e.tol():
		res.Status = Significant
	default:
		res.Status = Clear
	}
	ev := lo
	if !lo.st[0].restr && up.st[0].restr {
		ev = up
	}
	if ev.st[0].byCtl {
		res.ThroughControl = true
		for i := v.cStart[0]; i < v.cStart[0+1]; i++ {
			eff := v.cEff[i]
			if ev.st[v.cFrom[i]].restr && (eff == ControlDeny || (ev.upper && eff == ControlReview)) {
				res.Control = g.controlInfo(v.cPos[i])
				break
			}
		}
	}
	// Terms, collected in scratch and copied into one allocation.
	owned := v.nodes[0]
	var sumLo int64
	terms := s.terms[:0]
	for i := v.inStart[0]; i < v.inStart[1]; i++ {
		if v.edges[i].votes != (m == 1) {
			continue
		}
		sumLo += int64(v.edges[i].lo)
		wl, wu := e.weightOf(lo, i, m), e.weightOf(up, i, m)
		if wu <= 0 && wl <= 0 {
			continue
		}
		terms = append(terms, Term{
			Stake:        g.stakeInfo(v.edges[i].pos, owned),
			Weight:       Bounds{toPercent(wl * float64(Hundred)), toPercent(wu * float64(Hundred))},
			Contribution: Bounds{toPercent(float64(v.edges[i].lo) * wl), toPercent(float64(v.edges[i].hi) * wu)},
			Definite:     wl > 0,
		})
	}
	slices.SortStableFunc(terms, func(a, b Term) int {
		if a.Contribution.Lower != b.Contribution.Lower {
			return cmpDesc(a.Contribution.Lower, b.Contribution.Lower)
		}
		return cmpDesc(a.Contribution.Upper, b.Contribution.Upper)
	})
	if len(terms) > 0 {
		res.Terms = append(res.Terms, terms[:min(len(terms), MaxTerms)]...)
	}
	clear(terms) // drop the names the terms hold
	s.terms = terms[:0]
	if v.partial[0] && sumLo < int64(Hundred) {
		res.Remainder = Hundred - Percent(sumLo)
	}
	if res.Status == Indeterminate {
		s.unsettled(e, m, res)
	}
	if res.Status != Clear {
		s.paths(e, ev, m, res)
	}
}

func cmpDesc(a, b Percent) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

func (e *engine) tol() float64 {
	if e.method == Multiplicative {
		return multTolerance
	}
	return 0
}

func (s *scratch) unsettled(e *engine, m int, res *Result) {
	v := e.v
	g := v.g
	owned := v.nodes[0]
	for i := v.inStart[0]; i < v.inStart[1]; i++ {
		if v.edges[i].votes != (m == 1) {
			continue
		}
		wl, wu := e.weightOf(&e.lo, i, m), e.weightOf(&e.up, i, m)
		if wu <= 0 {
			continue
		}
		st := g.stakeInfo(v.edges[i].pos, owned)
		if e.v.rule.Unknown != UnknownIgnore && v.edges[i].hi > v.edges[i].lo {
			res.Unsettled = append(res.Unsettled, Unsettled{Kind: RangeStake, Stake: st, Entity: st.Owner})
		}
		if wl < wu {
			res.Unsettled = append(res.Unsettled, Unsettled{Kind: PossibleOwner, Stake: st, Entity: st.Owner})
		}
	}
	if res.Remainder > 0 && e.v.rule.Unknown != UnknownIgnore {
		res.Unsettled = append(res.Unsettled, Unsettled{Kind: UndisclosedRemainder, Entity: owned, Remainder: res.Remainder})
	}
	for i := v.cStart[0]; i < v.cStart[1]; i++ {
		c := v.cFrom[i]
		if !e.up.st[c].restr {
			continue
		}
		switch {
		case v.cEff[i] == ControlReview:
			res.Unsettled = append(res.Unsettled, Unsettled{Kind: ReviewControl, Control: g.controlInfo(v.cPos[i]), Entity: v.nodes[c]})
		case !e.lo.st[c].restr:
			res.Unsettled = append(res.Unsettled, Unsettled{Kind: PossibleOwner, Control: g.controlInfo(v.cPos[i]), Entity: v.nodes[c]})
		}
	}
	if len(res.Unsettled) > MaxTerms {
		res.Unsettled = res.Unsettled[:MaxTerms]
	}
}

// paths walks back from the subject through the owners that carry the restricted share,
// following at each entity its largest contributing stake (or the control that restricts
// it) until a root, and records the roots met.
func (s *scratch) paths(e *engine, p *pass, m int, res *Result) {
	v := e.v
	g := v.g
	type start struct {
		edge    int32
		contrib float64
	}
	var starts [MaxPaths + 1]start
	ns := 0
	for i := v.inStart[0]; i < v.inStart[1]; i++ {
		if v.edges[i].votes != (m == 1) {
			continue
		}
		c := e.contribution(p, i, m)
		if c <= 0 {
			continue
		}
		// insertion into the top MaxPaths
		j := ns
		if ns < MaxPaths {
			ns++
		} else if c <= starts[MaxPaths-1].contrib {
			continue
		} else {
			j = MaxPaths - 1
		}
		for j > 0 && starts[j-1].contrib < c {
			starts[j] = starts[j-1]
			j--
		}
		starts[j] = start{i, c}
	}
	w := walker{e: e, p: p, m: m, seen: s.seen[:0]}
	defer func() { s.seen = w.seen[:0] }()
	addRoot := func(id ID) {
		if len(res.Roots) < MaxRoots && !slices.Contains(res.Roots, id) {
			res.Roots = append(res.Roots, id)
		}
	}
	// The steps of every path are collected in the scratch buffer, then copied into one
	// allocation that the paths share.
	buf := s.steps[:0]
	var ends [MaxPaths]int
	if ns > 0 {
		res.Paths = slices.Grow(res.Paths[:0], ns)[:ns]
	}
	for n, st := range starts[:ns] {
		i := st.edge
		first := len(buf)
		buf = append(buf, Step{Stake: g.stakeInfo(v.edges[i].pos, v.nodes[0])})
		w.seen, w.budget = append(w.seen[:0], 0), maxPathSteps
		var root ID
		if e.heldInGroup(p, i, m) {
			root, buf = w.link(i, buf)
		} else {
			root, buf = w.walk(v.edges[i].from, buf)
		}
		steps := buf[first:]
		slices.Reverse(steps)
		share := float64(v.edges[i].lo)
		if p.upper {
			share = float64(v.edges[i].hi)
		}
		if e.method == Multiplicative {
			// From the last stake held through a group on: it counts at weight 1.
			from := 0
			for j := range steps {
				if steps[j].HeldGroup {
					from = j
				}
			}
			share = float64(Hundred)
			for _, s := range steps[from:] {
				if !s.IsControl {
					share = share * float64(s.Stake.Share.Min) / float64(Hundred)
				}
			}
		}
		if root != NoID {
			addRoot(root)
		}
		ends[n] = len(buf)
		res.Paths[n] = Path{Root: root, Share: toPercent(share)}
	}
	if ns > 0 {
		all := append(res.steps[:0], buf...)
		res.steps = all
		first := 0
		for n := range res.Paths {
			res.Paths[n].Steps = all[first:ends[n]:ends[n]]
			first = ends[n]
		}
	}
	clear(buf) // drop the names the steps hold
	s.steps = buf[:0]
	if res.ThroughControl {
		w.seen, w.budget = w.seen[:0], maxPathSteps
		if root, _ := w.walk(0, nil); root != NoID {
			addRoot(root)
		}
	}
	if res.PerHolder && res.Holder != NoID && (res.Status == Restricted || res.Status == Indeterminate) {
		addRoot(res.Holder)
	}
	slices.Sort(res.Roots)
}

// maxPathSteps bounds the steps a path's search takes, those of links tried in vain
// included; maxLinkTries bounds the entities a path tries as the link through which the
// single holder holds a joint group.
const (
	maxPathSteps = 64
	maxLinkTries = 8
)

// walker finds the steps of a path from a node up to a root of one pass, following at
// each entity the control that restricts it, or else its largest contributing stake.
type walker struct {
	e      *engine
	p      *pass
	m      int
	seen   []int32 // the nodes on the path so far
	fresh  []int32 // scratch for a path that comes back to the subject
	budget int     // the steps it may still take
}

// walk appends the steps from local node k up to a root and returns the root, or NoID
// when the path comes back on itself, runs out of stakes or of budget.
func (w *walker) walk(k int32, steps []Step) (ID, []Step) {
	e, p, v := w.e, w.p, w.e.v
	g := v.g
	for ; w.budget > 0; w.budget-- {
		if e.isHolderRoot(k) {
			return v.nodes[k], steps
		}
		if slices.Contains(w.seen, k) {
			return NoID, steps
		}
		w.seen = append(w.seen, k)
		if p.st[k].byCtl {
			found := false
			for i := v.cStart[k]; i < v.cStart[k+1]; i++ {
				eff := v.cEff[i]
				if p.st[v.cFrom[i]].restr && (eff == ControlDeny || (p.upper && eff == ControlReview)) {
					steps = append(steps, Step{IsControl: true, Control: g.controlInfo(v.cPos[i])})
					k = v.cFrom[i]
					found = true
					break
				}
			}
			if found {
				continue
			}
		}
		best, bestC := int32(-1), 0.0
		for i := v.inStart[k]; i < v.inStart[k+1]; i++ {
			if c := e.contribution(p, i, w.m); c > bestC {
				best, bestC = i, c
			}
		}
		if best < 0 {
			return NoID, steps
		}
		steps = append(steps, Step{Stake: g.stakeInfo(v.edges[best].pos, v.nodes[k])})
		if e.heldInGroup(p, best, w.m) {
			w.budget--
			return w.link(best, steps)
		}
		k = v.edges[best].from
	}
	return NoID, steps
}

// link completes a path whose last step is in-edge i, which counts in the pass only
// because the single holder holds its joint group (heldInGroup). It marks that step and
// appends the stake of the same group through which the holder holds it, then that
// owner's path: the holder's own stake if it has one; else the first stake, in the view's
// order, of an entity passing for the holder, not on the path yet, whose path reaches a
// root (at most maxLinkTries are tried); else the subject's own stake in the group, when
// the subject passes for the holder (the path then comes back to the subject once, through
// the chain that makes it pass); else the first candidate's path, which ends at unknown
// holders (NoID). Without any candidate the path ends at the held step, with the holder
// as its root.
func (w *walker) link(i int32, steps []Step) (ID, []Step) {
	e, v := w.e, w.e.v
	g := v.g
	steps[len(steps)-1].HeldGroup = true
	lg := v.eGroup[i]
	step := func(gs gstake) Step { return Step{Stake: g.stakeInfo(gs.pos, g.ownedAt(gs.pos))} }
	for _, gs := range v.gStakes {
		if gs.group == lg && e.isHolderRoot(gs.from) {
			return e.holderID, append(steps, step(gs))
		}
	}
	// Every try spends from the path's budget, so that links within links cannot
	// multiply the work.
	mark, seen := len(steps), w.seen
	try := func(gs gstake, seen []int32) (ID, []Step) {
		w.seen = seen
		return w.walk(gs.from, append(steps[:mark], step(gs)))
	}
	first, own, tries := -1, -1, 0
	for j, gs := range v.gStakes {
		switch {
		case gs.group != lg || !w.p.st[gs.from].pass:
			continue
		case gs.from == 0:
			if own < 0 {
				own = j
			}
			continue
		case slices.Contains(seen, gs.from) || tries == maxLinkTries:
			continue
		}
		tries++
		if first < 0 {
			first = j
		}
		if root, out := try(gs, seen); root != NoID {
			return root, out
		}
	}
	if own >= 0 && len(seen) > 0 && seen[0] == 0 {
		// A walk starts afresh from the subject: the path so far, less the subject.
		rest := append(w.fresh[:0], seen[1:]...)
		w.fresh = rest
		if root, out := try(v.gStakes[own], rest); root != NoID {
			return root, out
		}
	}
	if first >= 0 {
		return try(v.gStakes[first], seen)
	}
	w.seen = seen
	return e.holderID, steps[:mark]
}

// heldInGroup reports whether in-edge i counts in pass p only because it is a stake of a
// joint group the single holder holds: the holder holds it, and a path ends there.
func (e *engine) heldInGroup(p *pass, i int32, m int) bool {
	return e.holderID != NoID && e.weightOf(p, i, m) == 1 && p.st[e.v.edges[i].from].weight[m] < 1
}

// contribution is what in-edge i adds to its target's share in pass p.
func (e *engine) contribution(p *pass, i int32, m int) float64 {
	v := e.v
	if v.edges[i].votes != (m == 1) {
		return 0
	}
	x := float64(v.edges[i].lo)
	if p.upper {
		x = float64(v.edges[i].hi)
	}
	return x * e.weightOf(p, i, m)
}
