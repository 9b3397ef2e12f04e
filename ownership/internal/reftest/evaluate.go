package reftest

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// Evaluate applies rule r to entity subject of world w on day at, where roots[i] says that
// entity i is a restricted root on that day. Only stakes and controls with
// From <= at < Until (a zero bound is open) exist. Evaluate does not modify its arguments
// and is safe for concurrent use. It panics on programmer misuse (an unknown method, a
// subject out of range, len(roots) != len(w.Entities)).
//
// # Readings
//
// DESIGN.md is the contract. Where it could be read two ways, this implementation chooses
// (the random conformance cases' "why" strings support each choice that they exercise):
//
//  1. Measures. Shares and votes are separate fixed-point quantities; an entity is
//     restricted if either reaches the threshold, votes being tested only for an entity with
//     a votes stake in effect. A partial entity has a votes remainder only if it has a votes
//     stake in effect. Multiplicative votes chains use eff_votes(owner), so a chain through
//     an entity with no votes stakes carries no votes (literal "votes by votes"; the
//     conformance cases have no votes stakes). The reported share is the larger of the
//     measures considered, and review_at compares that.
//  2. Status. "Restricted" is one status: an entity restricted by either measure, by a
//     control or as a root passes on both kinds of stake (flow_through) and counts as a
//     controller (all methods). Under direct and multiplicative an entity restricted only by
//     its own share is a controller but does not pass its stakes at weight 1; one made
//     restricted (lower run) or possibly restricted (upper run) by a control, or a root, is
//     "root-like" and does (reading 4).
//  3. Holders (aggregate=false). There is one holder per root h. Holder h holds h's stakes
//     and the stakes of every entity that passes its stakes whole for h (flow_through: one
//     restricted for h, since h then "holds the shares" of it; all methods: one root-like for
//     h, through a control, since reading 10 puts a rights_of_another party's stakes in the
//     controller's hands), and every stake (whoever's) of every joint group in which it so
//     holds a stake in effect (reading 6). Holding a group member's stake does not make the
//     member restricted, so this is not transitive through other members' groups. The
//     least fixed point covers the groups too: a group becomes held when an entity that
//     passes for h has a stake in it. The method is run with h
//     as the only root: other roots count for h only through what h holds of them (an
//     r42-0064 why gives 20.614750~ for holder co1, which needs co7, another root, weighted by
//     co1's share in it). A control makes the controlled party restricted for holder h when
//     its controller is restricted for h; rights_of_another is such a control (reading 10:
//     the controlled party's stakes then count for h, which is the same thing). Under the
//     upper bound every remainder counts as the holder's own (reading 7), and one more
//     pseudo-holder, "unknown holders", holds only the remainders (reading 2: with no roots a
//     remainder alone still gives review; r42-0060 co8). The subject is definitely
//     (possibly) restricted when some holder's lower (upper) run restricts it; the reported
//     bounds are the largest over holders.
//  4. Upper bounds. Flow_through and direct: min(100 − Σ lo of stakes not counted,
//     Σ hi of stakes counted + remainder), per stake. Multiplicative: each entity's stakes
//     start at lo; the spare capacity 100 − Σ lo goes first to the remainder (a partial
//     entity then keeps every stake at lo), else to counted stakes (weight 1), then to the
//     other owners by their own upper effective share; the resulting least fixed point is
//     found by policy iteration. All of this per measure, 100 as the cap.
//  5. Controls. deny: in both runs; review: in the upper run only (so it can only give
//     review); ignore or unnamed: never. unknown_owners: ignore makes the upper run take
//     stakes at lo with no remainder, keeping review controls (reading 5).
//  6. review_at compares >= with the definite (lower) share whatever Inclusive says, and
//     only turns a non-restricted verdict into review (reading 8).
//  7. compare. The two methods' verdicts are compared as [Restricted], [Review], [Clear]; so
//     when the rule's effect is review, one method's Restricted and the other's Review
//     differ here (MethodDependent) although both mean review to the caller.
//  8. A subject that is a root is Restricted whatever the method (Lower = Upper = 100).
func Evaluate(w World, roots []bool, r Rule, subject int, at int) Result {
	if len(roots) != len(w.Entities) {
		panic("reftest: len(roots) != len(w.Entities)")
	}
	if subject < 0 || subject >= len(w.Entities) {
		panic("reftest: subject out of range")
	}
	c := newCtx(w, roots, r, at)
	if roots[subject] {
		return Result{
			Verdict:       Restricted,
			SubjectIsRoot: true,
			Lower:         big.NewRat(100, 1),
			Upper:         big.NewRat(100, 1),
			Why:           "subject is itself a restricted root",
		}
	}
	switch r.Method {
	case "direct", "flow_through", "multiplicative":
		o := c.method(r.Method, subject)
		return Result{Verdict: o.verdict, Lower: o.lower, Upper: o.upper, Why: o.why}
	case "compare":
		ft := c.method("flow_through", subject)
		mu := c.method("multiplicative", subject)
		res := Result{Lower: ft.lower, Upper: ft.upper}
		if ft.verdict == mu.verdict {
			res.Verdict = ft.verdict
			res.Why = "methods agree: " + ft.why + " | " + mu.why
		} else {
			res.Verdict = Review
			res.MethodDependent = true
			res.Why = "result depends on the method: " + ft.why + " | " + mu.why
		}
		return res
	default:
		panic(fmt.Sprintf("reftest: unknown method %q", r.Method))
	}
}

type mode int

const (
	lowerRun mode = iota // definitely restricted: lower bounds, no remainders, deny controls
	upperRun             // possibly restricted: upper bounds, remainders, deny and review controls
)

const numMeasures = 2 // 0 shares, 1 votes

func ratInt(v int64) *big.Rat { return big.NewRat(v, 1) }

// ctx holds the facts in effect on the evaluation day.
type ctx struct {
	r        Rule
	n        int
	roots    []bool
	partial  []bool
	stakes   []StakeFact
	into     [numMeasures][][]int // stake indices into each entity, per measure
	hasVotes []bool
	controls []ControlFact // in effect and mapped to deny or review
	ctrlMap  []string      // "deny" or "review", parallel to controls
}

func inEffect(from, until, at int) bool {
	return (from == 0 || from <= at) && (until == 0 || at < until)
}

func newCtx(w World, roots []bool, r Rule, at int) *ctx {
	n := len(w.Entities)
	c := &ctx{r: r, n: n, roots: roots, partial: make([]bool, n), hasVotes: make([]bool, n)}
	for i, e := range w.Entities {
		c.partial[i] = e.Partial
	}
	for m := range numMeasures {
		c.into[m] = make([][]int, n)
	}
	for _, s := range w.Stakes {
		if !inEffect(s.From, s.Until, at) {
			continue
		}
		m := 0
		if s.Votes {
			m = 1
			c.hasVotes[s.Owned] = true
		}
		c.into[m][s.Owned] = append(c.into[m][s.Owned], len(c.stakes))
		c.stakes = append(c.stakes, s)
	}
	for _, k := range w.Controls {
		if !inEffect(k.From, k.Until, at) {
			continue
		}
		switch r.Controls[k.Basis] {
		case "deny", "review":
			c.controls = append(c.controls, k)
			c.ctrlMap = append(c.ctrlMap, r.Controls[k.Basis])
		}
	}
	return c
}

// holder is whoever the restricted share is counted for in one run.
type holder struct {
	name string // for the account
	base []bool // restricted from the start (the roots it stands for)
	// aggregate: restricted holdings add up anyway, so joint groups do not matter
	aggregate bool
}

// holds reports whether stake s belongs to a joint group in which the holder holds a stake:
// one whose owner passes its stakes whole for the holder (passing: S under flow_through,
// the root-like set otherwise; the holder's roots are in it from the start).
func (c *ctx) holds(h *holder, s StakeFact, passing []bool) bool {
	if h.aggregate || s.Group == "" {
		return false
	}
	for _, t := range c.stakes {
		if t.Group == s.Group && passing[t.Owner] {
			return true
		}
	}
	return false
}

func (c *ctx) holders() []*holder {
	if c.r.Aggregate {
		return []*holder{{name: "restricted owners together", base: slices.Clone(c.roots), aggregate: true}}
	}
	var hs []*holder
	for i := range c.n {
		if !c.roots[i] {
			continue
		}
		h := &holder{name: fmt.Sprintf("e%d", i), base: make([]bool, c.n)}
		h.base[i] = true
		hs = append(hs, h)
	}
	return append(hs, &holder{name: "unknown holders", base: make([]bool, c.n)})
}

// considered says whether measure m is tested for entity e.
func (c *ctx) considered(e, m int) bool { return m == 0 || c.hasVotes[e] }

// reaches compares a share with the rule's threshold.
func (c *ctx) reaches(v *big.Rat) bool {
	k := v.Cmp(c.r.Threshold)
	return k > 0 || (k == 0 && c.r.Inclusive)
}

// remainder is the undisclosed part of e for measure m counted in the upper run.
func (c *ctx) remainder(e, m int, md mode) *big.Rat {
	rem := new(big.Rat)
	if md != upperRun || c.r.IgnoreUnknown || !c.partial[e] || !c.considered(e, m) {
		return rem
	}
	rem.Set(ratInt(100))
	for _, si := range c.into[m][e] {
		rem.Sub(rem, c.stakes[si].Lo)
	}
	if rem.Sign() < 0 {
		rem.SetInt64(0)
	}
	return rem
}

// countedShare is the restricted share of e for measure m when exactly the stakes for which
// counted says true are restricted holdings (flow_through and direct).
func (c *ctx) countedShare(e, m int, md mode, counted func(StakeFact) bool) *big.Rat {
	loIn, loOut, hiIn := new(big.Rat), new(big.Rat), new(big.Rat)
	for _, si := range c.into[m][e] {
		s := c.stakes[si]
		if counted(s) {
			loIn.Add(loIn, s.Lo)
			hiIn.Add(hiIn, s.Hi)
		} else {
			loOut.Add(loOut, s.Lo)
		}
	}
	if md == lowerRun || c.r.IgnoreUnknown {
		return loIn
	}
	up := hiIn.Add(hiIn, c.remainder(e, m, md))
	limit := new(big.Rat).Sub(ratInt(100), loOut)
	if limit.Cmp(up) < 0 {
		return limit
	}
	return up
}

func (c *ctx) controlActive(i int, md mode) bool {
	return c.ctrlMap[i] == "deny" || md == upperRun
}

// controlled returns base ∪ {entities controlled, by an active control, by a restricted one}.
func (c *ctx) controlled(base, restricted []bool, md mode) []bool {
	out := slices.Clone(base)
	for i, k := range c.controls {
		if c.controlActive(i, md) && restricted[k.Controller] {
			out[k.Controlled] = true
		}
	}
	return out
}

// run is one fixed point of one method for one holder on one kind of bound.
type run struct {
	restricted []bool
	byShare    []bool                  // its share reaches the threshold
	share      [numMeasures][]*big.Rat // restricted share per measure, percent
}

func (c *ctx) newRun() *run {
	ru := &run{byShare: make([]bool, c.n)}
	for m := range numMeasures {
		ru.share[m] = make([]*big.Rat, c.n)
	}
	return ru
}

// setShares fills share and byShare from a share function.
func (c *ctx) setShares(ru *run, f func(e, m int) *big.Rat) {
	for e := range c.n {
		ru.byShare[e] = false
		for m := range numMeasures {
			ru.share[m][e] = f(e, m)
			if c.considered(e, m) && c.reaches(ru.share[m][e]) {
				ru.byShare[e] = true
			}
		}
	}
}

// flowThrough: S = base ∪ {e: Σ counted stakes into e reaches} ∪ {controlled by S}, where a
// stake counts when its owner is in S or its group is held; least fixed point by iteration
// from base (the operator is monotone, so the iteration increases to the least fixed point).
func (c *ctx) flowThrough(h *holder, md mode) *run {
	S := slices.Clone(h.base)
	ru := c.newRun()
	for {
		counted := func(s StakeFact) bool { return S[s.Owner] || c.holds(h, s, S) }
		c.setShares(ru, func(e, m int) *big.Rat { return c.countedShare(e, m, md, counted) })
		next := c.controlled(h.base, S, md)
		for e := range c.n {
			next[e] = next[e] || ru.byShare[e]
		}
		if slices.Equal(next, S) {
			ru.restricted = S
			return ru
		}
		S = next
	}
}

// direct: root-like RL = base ∪ {controlled by a restricted entity}; e is restricted when
// in RL or Σ of stakes into e held by RL (or by the holder's groups) reaches.
func (c *ctx) direct(h *holder, md mode) *run {
	RL := slices.Clone(h.base)
	ru := c.newRun()
	for {
		counted := func(s StakeFact) bool { return RL[s.Owner] || c.holds(h, s, RL) }
		c.setShares(ru, func(e, m int) *big.Rat { return c.countedShare(e, m, md, counted) })
		restricted := make([]bool, c.n)
		for e := range c.n {
			restricted[e] = RL[e] || ru.byShare[e]
		}
		next := c.controlled(h.base, restricted, md)
		if slices.Equal(next, RL) {
			ru.restricted = restricted
			return ru
		}
		RL = next
	}
}

// multiplicative: eff(e) = Σ x_s · (1 if the owner is root-like or the stake is held, else
// eff(owner)/100) (+ remainder in the upper run); e is restricted when root-like or eff
// reaches; root-like = base ∪ {controlled by a restricted entity}. The outer iteration over
// RL increases to the least fixed point; eff is solved exactly for each RL.
func (c *ctx) multiplicative(h *holder, md mode) *run {
	RL := slices.Clone(h.base)
	ru := c.newRun()
	for {
		var eff [numMeasures][]*big.Rat
		for m := range numMeasures {
			eff[m] = c.solveEff(m, RL, h, md)
		}
		c.setShares(ru, func(e, m int) *big.Rat { return eff[m][e] })
		restricted := make([]bool, c.n)
		for e := range c.n {
			restricted[e] = RL[e] || ru.byShare[e]
		}
		next := c.controlled(h.base, restricted, md)
		if slices.Equal(next, RL) {
			ru.restricted = restricted
			return ru
		}
		RL = next
	}
}

// solveEff computes the effective restricted share of every entity for measure m.
// Lower run (or unknown_owners: ignore): every stake at lo, no remainder: one linear system.
// Upper run: policy iteration over the greedy allocations (see greedy). Why it is exact:
// an entity's best allocation, given its owners' values, is a greedy one, so the upper
// values are the least solution of U = max over allocations of (allocation applied to U).
// An allocation switches only when it strictly improves the entity's one-step value; then
// no entity's value falls (a strict switch cannot close a cycle that feeds on itself) and the
// switched one rises, so no allocation set repeats and the iteration ends. At the end the
// values solve the max-equation; they are the values of a real allocation, hence at most
// the least solution, hence equal to it. TestPolicyIterationBruteForce checks this against
// enumerating every combination of allocations.
func (c *ctx) solveEff(m int, RL []bool, h *holder, md mode) []*big.Rat {
	weight1 := func(s StakeFact) bool { return RL[s.Owner] || c.holds(h, s, RL) }
	alloc := make([]*big.Rat, len(c.stakes)) // x_s for stakes of measure m
	rem := make([]*big.Rat, c.n)             // remainder kept by the unknown holders
	for e := range c.n {
		rem[e] = new(big.Rat)
		for _, si := range c.into[m][e] {
			alloc[si] = new(big.Rat).Set(c.stakes[si].Lo)
		}
	}
	system := func() []*big.Rat {
		A := make([][]*big.Rat, c.n)
		b := make([]*big.Rat, c.n)
		for e := range c.n {
			A[e] = make([]*big.Rat, c.n)
			b[e] = new(big.Rat).Set(rem[e])
			for _, si := range c.into[m][e] {
				s := c.stakes[si]
				if weight1(s) {
					b[e].Add(b[e], alloc[si])
					continue
				}
				if A[e][s.Owner] == nil {
					A[e][s.Owner] = new(big.Rat)
				}
				A[e][s.Owner].Add(A[e][s.Owner], new(big.Rat).Quo(alloc[si], ratInt(100)))
			}
		}
		return leastSolution(A, b)
	}
	if md == lowerRun || c.r.IgnoreUnknown {
		return system()
	}
	// weight of stake s given current effective shares (nil: 0 for every owner not weight1).
	weight := func(s StakeFact, eff []*big.Rat) *big.Rat {
		if weight1(s) {
			return ratInt(1)
		}
		if eff == nil {
			return new(big.Rat)
		}
		return new(big.Rat).Quo(eff[s.Owner], ratInt(100))
	}
	value := func(e int, x map[int]*big.Rat, u *big.Rat, eff []*big.Rat) *big.Rat {
		v := new(big.Rat).Set(u)
		for si, xv := range x {
			v.Add(v, new(big.Rat).Mul(xv, weight(c.stakes[si], eff)))
		}
		return v
	}
	for e := range c.n {
		x, u := c.greedy(e, m, func(si int) *big.Rat { return weight(c.stakes[si], nil) })
		for si, xv := range x {
			alloc[si] = xv
		}
		rem[e] = u
	}
	for iter := 0; ; iter++ {
		if iter > 100000 {
			panic("reftest: policy iteration does not terminate")
		}
		eff := system()
		improved := false
		for e := range c.n {
			cur := map[int]*big.Rat{}
			for _, si := range c.into[m][e] {
				cur[si] = alloc[si]
			}
			x, u := c.greedy(e, m, func(si int) *big.Rat { return weight(c.stakes[si], eff) })
			if value(e, x, u, eff).Cmp(value(e, cur, rem[e], eff)) > 0 {
				for si, xv := range x {
					alloc[si] = xv
				}
				rem[e] = u
				improved = true
			}
		}
		if !improved {
			return eff
		}
	}
}

// greedy is the allocation of e's stakes of measure m that maximises Σ x_s·w_s (+ the
// remainder at weight 1) given weights w in [0, 1]: every stake at lo; then the spare
// capacity 100 − Σ lo goes to the remainder when e is partial (weight 1 beats or ties every
// owner, so the stakes stay at lo), else to the stakes by weight, highest first (ties by
// stake order), each up to its hi. It returns the stake allocations and the remainder.
func (c *ctx) greedy(e, m int, w func(si int) *big.Rat) (map[int]*big.Rat, *big.Rat) {
	x := map[int]*big.Rat{}
	spare := ratInt(100)
	for _, si := range c.into[m][e] {
		x[si] = new(big.Rat).Set(c.stakes[si].Lo)
		spare.Sub(spare, c.stakes[si].Lo)
	}
	if spare.Sign() < 0 {
		spare.SetInt64(0)
	}
	if c.partial[e] && c.considered(e, m) {
		return x, spare
	}
	order := slices.Clone(c.into[m][e])
	ws := map[int]*big.Rat{}
	for _, si := range order {
		ws[si] = w(si)
	}
	slices.SortStableFunc(order, func(a, b int) int { return ws[b].Cmp(ws[a]) })
	for _, si := range order {
		if spare.Sign() == 0 {
			break
		}
		room := new(big.Rat).Sub(c.stakes[si].Hi, c.stakes[si].Lo)
		if room.Cmp(spare) > 0 {
			room.Set(spare)
		}
		x[si].Add(x[si], room)
		spare.Sub(spare, room)
	}
	return x, new(big.Rat)
}

func (c *ctx) runMethod(name string, h *holder, md mode) *run {
	switch name {
	case "direct":
		return c.direct(h, md)
	case "flow_through":
		return c.flowThrough(h, md)
	case "multiplicative":
		return c.multiplicative(h, md)
	}
	panic(fmt.Sprintf("reftest: unknown method %q", name))
}

// subjectShare is the larger of the measures considered for the subject.
func (c *ctx) subjectShare(ru *run, e int) *big.Rat {
	v := new(big.Rat).Set(ru.share[0][e])
	if c.considered(e, 1) && ru.share[1][e].Cmp(v) > 0 {
		v.Set(ru.share[1][e])
	}
	return v
}

type outcome struct {
	verdict      string
	lower, upper *big.Rat
	why          string
}

func (c *ctx) op() string {
	if c.r.Inclusive {
		return ">="
	}
	return ">"
}

// method evaluates one method (not compare) for the subject, over all holders.
func (c *ctx) method(name string, subject int) outcome {
	label := name
	if !c.r.Aggregate {
		label += ", per holder"
	}
	o := outcome{lower: new(big.Rat), upper: new(big.Rat)}
	var defH, posH *holder
	var defByControl, posByControl bool
	var defShare *big.Rat
	for _, h := range c.holders() {
		lo := c.runMethod(name, h, lowerRun)
		up := c.runMethod(name, h, upperRun)
		ls, us := c.subjectShare(lo, subject), c.subjectShare(up, subject)
		if ls.Cmp(o.lower) > 0 {
			o.lower = ls
		}
		if us.Cmp(o.upper) > 0 {
			o.upper = us
		}
		if lo.restricted[subject] && (defH == nil || ls.Cmp(defShare) > 0) {
			defH, defByControl, defShare = h, !lo.byShare[subject], ls
		}
		if up.restricted[subject] && posH == nil {
			posH, posByControl = h, !up.byShare[subject]
		}
	}
	if defH != nil && (posH == nil) {
		panic("reftest: definitely but not possibly restricted (lower bounds over 100?)")
	}
	holderNote := func(h *holder) string {
		if c.r.Aggregate {
			return ""
		}
		return ", holder " + h.name
	}
	switch {
	case defH != nil:
		o.verdict = Restricted
		if defByControl {
			o.why = fmt.Sprintf("%s: definitely restricted (through a control%s)", label, holderNote(defH))
		} else {
			o.why = fmt.Sprintf("%s: definitely restricted (lower share %s %s %s%s)",
				label, num(defShare), c.op(), num(c.r.Threshold), holderNote(defH))
		}
	case posH != nil:
		o.verdict = Review
		how := fmt.Sprintf("upper bound reaches %s %s", c.op(), num(c.r.Threshold))
		if posByControl {
			how = "through a control"
		}
		o.why = fmt.Sprintf("%s: possibly restricted (%s; %s, lower share %s)", label, posH.name, how, num(o.lower))
	case c.r.ReviewAt != nil && o.lower.Cmp(c.r.ReviewAt) >= 0:
		o.verdict = Review
		o.why = fmt.Sprintf("%s: definite restricted share %s >= review_at %s", label, num(o.lower), num(c.r.ReviewAt))
	default:
		o.verdict = Clear
		o.why = fmt.Sprintf("%s: not restricted (definite share %s, not %s %s)", label, num(o.lower), c.op(), num(c.r.Threshold))
	}
	return o
}

// num formats a percentage: exact up to six decimals, else six decimals and "~".
func num(v *big.Rat) string {
	s := v.FloatString(6)
	exact := new(big.Rat).Mul(v, ratInt(1000000)).IsInt()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if !exact {
		s += "~"
	}
	return s
}
