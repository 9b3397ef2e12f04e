package eligibility

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/eligo/eligo/eligibility/resolve"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// ErrMismatch is returned by [Evaluate] when the policy was compiled against another world.
var ErrMismatch = errors.New("eligibility: policy was compiled against another world")

// Evaluate decides whether subject (an entity id of w) may be served at date at under
// policy p: deny if any rule in effect denies, else review if any reviews, else allow. Each
// rule in effect gives one [Reason] with typed evidence; rules not in effect at the date say
// nothing. A branch is judged on its own jurisdictions by jurisdiction rules and as its
// ultimate parent by designation and ownership rules; the verdict is the strictest.
//
// Evaluate changes nothing a caller can see in w or p (a designation rule of p remembers
// its "not listed" message for a date asked again and again, which only saves writing it),
// and is safe for concurrent use. Its cost is that of the ownership queries: the subject's
// ancestors only, never the whole world, and not even those when no root of any date and
// no undisclosed remainder is above the subject (Compile finds those subjects once; see
// [ownership.Reach]), unless a share of 0 meets the rule. The same inputs give the same
// Decision, and the same JSON bytes.
func Evaluate(w *World, p *CompiledPolicy, subject string, at Date) (Decision, error) {
	if w == nil || p == nil {
		return Decision{}, fmt.Errorf("%w: nil world or policy", ErrInvalid)
	}
	if p.world != w {
		return Decision{}, ErrMismatch
	}
	if !at.IsValid() {
		return Decision{}, fmt.Errorf("%w: no date", ErrInvalid)
	}
	g := w.graph
	q, ok := w.byID.Find(subject)
	if !ok {
		return Decision{}, fmt.Errorf("%w: %q", ErrUnknownSubject, subject)
	}
	id := q.ID()
	d := Decision{Subject: subject, At: at, Verdict: VerdictAllow}
	var mem *decisionMem
	var reasons []Reason
	if p.oneBlock {
		mem = new(decisionMem)
		reasons = mem.reasons[:len(p.rules)]
	} else {
		reasons = make([]Reason, len(p.rules))
	}
	canon := g.Canonical(id)
	branchOf := ""
	if canon != id {
		branchOf = g.Name(canon)
	}
	// The evidence names the entity judged (the subject, or its ultimate parent) without
	// reading its id from the graph again: a cache miss or two in a big world.
	names := namer{g: g, known: canon, knownName: subject}
	if branchOf != "" {
		names.knownName = branchOf
	}
	// The rules write the messages they build into msg, and all of them become one
	// string: one allocation instead of one per message. spans holds
	// where each reason's message starts and ends in msg (equal when the reason set its
	// own message).
	var msgArr [512]byte
	var spanArr [16]int32
	msg, spans := msgArr[:0], spanArr[:0]
	k := 0
	sorted := true // whether the reasons so far are in the order of byEffect
	for i := range p.rules {
		c := &p.rules[i]
		if !c.inEffect(at) {
			continue
		}
		r := &reasons[k]
		k++
		start := len(msg)
		switch c.Kind {
		case JurisdictionRule:
			c.jurisdictionReason(r, id, mem)
		case DesignationRule:
			msg = w.designationReason(r, c, id, canon, at, msg, mem)
			r.Evidence.BranchOf = branchOf
		case OwnershipRule:
			var err error
			msg, err = w.ownershipReason(r, c, q, names, at, msg, mem)
			if err != nil {
				return Decision{}, err
			}
			r.Evidence.BranchOf = branchOf
			if branchOf != "" {
				if len(msg) == start { // the reason set its own message
					msg = append(msg, r.Message...)
				}
				msg = append(msg, " (branch of "...)
				msg = append(msg, branchOf...)
				msg = append(msg, ')')
			}
		}
		spans = append(spans, int32(start), int32(len(msg)))
		r.Rule, r.Kind = c.ID, c.Kind
		sorted = sorted && (k == 1 || r.Effect <= reasons[k-2].Effect)
		d.Verdict = max(d.Verdict, r.Effect)
	}
	if len(msg) > 0 {
		all := string(msg)
		for j := range k {
			if a, b := spans[2*j], spans[2*j+1]; b > a {
				reasons[j].Message = all[a:b]
			}
		}
	}
	d.Reasons = reasons[:k]
	if !sorted {
		slices.SortStableFunc(d.Reasons, byEffect)
	}
	return d, nil
}

// byEffect orders reasons deny, review, allow.
func byEffect(a, b Reason) int { return int(b.Effect) - int(a.Effect) }

func effectVerdict(e Effect) Verdict {
	if e == Review {
		return VerdictReview
	}
	return VerdictDeny
}

// jurisdictionMatch appends to out the jurisdictions of e that are in the rule's roles and
// set.
func (c *compiledRule) jurisdictionMatch(e *Entity, out []JurisdictionMatch) []JurisdictionMatch {
	for _, rc := range e.Jurisdictions {
		if c.roles&(1<<rc.Role) == 0 {
			continue
		}
		member, ok := setMember(c.set, rc.Code, !c.ExcludeSubdivisions)
		if ok {
			out = append(out, JurisdictionMatch{Role: rc.Role, Code: rc.Code, Member: member})
		}
	}
	return out
}

// jurisdictionReason fills r for a jurisdiction rule, from what Compile found for the
// subject (see compiledRule.jmatch), with evidence in memory taken from mem when it has room
// (mem may be nil).
func (c *compiledRule) jurisdictionReason(r *Reason, id ownership.ID, mem *decisionMem) {
	if !c.jmatch.has(id) {
		r.Effect, r.Code, r.Message = VerdictAllow, CodeNoJurisdiction, "no jurisdiction of the subject in the rule's roles is in its set"
		return
	}
	word := id >> 6
	k := c.jmatchRank[word] + int32(bits.OnesCount64(c.jmatch[word]&(1<<(id&63)-1)))
	r.Effect, r.Code = effectVerdict(c.Effect), CodeJurisdiction
	r.Message = c.jmatchTexts[c.jmatchText[k]]
	r.Evidence.Jurisdictions = mem.jurisdictions(c.jmatches[c.jmatchStart[k]:c.jmatchStart[k+1]])
}

// appendJurisdictionMessage appends the message of a jurisdiction rule whose set holds the
// subject's jurisdictions matches.
func appendJurisdictionMessage(msg []byte, matches []JurisdictionMatch) []byte {
	for i, m := range matches {
		if i > 0 {
			msg = append(msg, ", "...)
		}
		msg = append(msg, m.Role.String()...)
		msg = append(msg, ' ')
		msg = append(msg, m.Code.String()...)
		if m.Member != m.Code {
			msg = append(msg, " (within "...)
			msg = append(msg, m.Member.String()...)
			msg = append(msg, ')')
		}
	}
	return append(msg, " is in the rule's set"...)
}

// setMember finds the member of set that contains code: the code itself, or (with
// subdivisions) its country.
func setMember(set jurisdiction.Set, code jurisdiction.Code, subdivisions bool) (jurisdiction.Code, bool) {
	if set.Has(code) {
		return code, true
	}
	if subdivisions && set.Contains(code) {
		return code.Country(), true
	}
	return jurisdiction.Code{}, false
}

// designationReason fills r for a designation rule, appending the message it builds to
// msg.
func (w *World) designationReason(r *Reason, c *compiledRule, id, canon ownership.ID, at Date, msg []byte, mem *decisionMem) []byte {
	var matches []DesignationMatch
	if c.listed.has(canon) {
		matches = w.entriesAt(c, canon, at, nil)
	}
	if len(matches) == 0 && c.listIdx != nil {
		if rr, ok := w.resolvedReason(c, id, canon, at); ok {
			*r = rr
			return msg
		}
	}
	r.Evidence.Lists = mem.lists(c.Lists)
	if len(matches) == 0 {
		r.Effect, r.Code = VerdictAllow, CodeNotDesignated
		if text, ok := c.notListedAt(at); ok {
			r.Message = text
			return msg
		}
		return appendNotListed(msg, c, at)
	}
	for i, m := range matches {
		if i > 0 {
			msg = append(msg, "; "...)
		}
		msg = append(msg, "listed on "...)
		msg = append(msg, m.List...)
		msg = append(msg, " (entry for "...)
		msg = append(msg, m.Entity...)
		if m.Program != "" {
			msg = append(msg, ", program "...)
			msg = append(msg, m.Program...)
		}
		msg = append(msg, ", "...)
		msg = append(msg, Interval{From: m.From, Until: m.Until}.String()...)
		msg = append(msg, ')')
	}
	r.Effect, r.Code = effectVerdict(c.Effect), CodeDesignated
	r.Evidence.Designations = matches
	return msg
}

// appendNotListed appends the message of designation rule c that does not list the
// subject at date at.
func appendNotListed(b []byte, c *compiledRule, at Date) []byte {
	b = append(b, "not listed on "...)
	for i, l := range c.Lists {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, l...)
	}
	b = append(b, " at "...)
	return at.AppendText(b)
}

// notListedCache remembers the message of a designation rule that does not list the
// subject, the most common designation answer, for one date: most callers ask at one date
// (today) for a long time, and the next decision at that date takes the same string instead
// of writing it again. It remembers a date once that date has missed twice in a row, with
// no hit between. Callers at alternating or ever later dates miss, and Evaluate writes the
// message with the decision's others, as it would without the cache, so they pay nothing
// more; callers at k dates at random remember one every k misses or so, a string each
// time; a caller moving from one day to the next pays one string per day. What it answers
// is the text appendNotListed writes for the date asked: the compiled policy stays
// unchanged in all that a caller can see, and safe for concurrent use.
type notListedCache struct {
	last atomic.Pointer[datedText] // the date remembered and its message
	miss atomic.Int32              // the date of the last miss, 0 after a hit
}

// datedText is a message that names a date.
type datedText struct {
	at   Date
	text string
}

// notListedAt returns the "not listed" message of designation rule c at date at, if c
// remembers that date (see notListedCache).
func (c *compiledRule) notListedAt(at Date) (string, bool) {
	x := c.notListed
	m := x.last.Load()
	if m != nil && m.at == at {
		if x.miss.Load() != 0 {
			x.miss.Store(0) // a hit between two misses makes them not in a row
		}
		return m.text, true
	}
	if Date(x.miss.Swap(int32(at))) != at {
		return "", false
	}
	n := &datedText{at: at, text: string(appendNotListed(nil, c, at))}
	x.last.CompareAndSwap(m, n) // another caller may have remembered a date meanwhile: it stays
	return n.text, true
}

// entriesAt appends the entries on the rule's lists that designate canonical entity canon
// at date at.
func (w *World) entriesAt(c *compiledRule, canon ownership.ID, at Date, out []DesignationMatch) []DesignationMatch {
	for _, d := range w.designations(canon) {
		if !d.valid.Contains(at) || !containsList(c.lists, d.list) {
			continue
		}
		l := &w.lists[d.list]
		en := &l.Entries[d.entry]
		out = append(out, DesignationMatch{List: l.ID, Entity: en.Entity, Program: en.Program, From: en.Valid.From, Until: en.Valid.Until})
	}
	return out
}

// resolvedReason links the subject to listed entities by identifier (the designation
// itself) or by name (review), for a rule that asks for it.
func (w *World) resolvedReason(c *compiledRule, id, canon ownership.ID, at Date) (Reason, bool) {
	e := &w.entities[id]
	q := resolve.Query{}
	if c.MatchIdentifiers {
		q.IDs = resolveIDs(*e)
	}
	if c.MatchNames {
		if e.Name != "" {
			q.Names = append(q.Names, e.Name)
		}
		q.Names = append(q.Names, e.Aliases...)
		q.MinScore = c.NameMinScore
	}
	if len(q.IDs) == 0 && len(q.Names) == 0 {
		return Reason{}, false
	}
	res, err := c.listIdx.Match(q)
	if err != nil {
		return Reason{}, false
	}
	self := func(key string) bool {
		k, ok := w.graph.Lookup(key)
		return ok && w.graph.Canonical(k) == canon
	}
	var matches []DesignationMatch
	for _, m := range res.IDMatches {
		k, ok := w.graph.Lookup(m.Key)
		if !ok || self(m.Key) {
			continue
		}
		first := len(matches)
		matches = w.entriesAt(c, w.graph.Canonical(k), at, matches)
		for i := first; i < len(matches); i++ {
			matches[i].Via, matches[i].Identifier = "identifier", m.ID.String()
		}
	}
	if len(matches) > 0 {
		var parts []string
		for _, m := range matches {
			parts = append(parts, fmt.Sprintf("shares %s with %s, listed on %s", m.Identifier, m.Entity, m.List))
		}
		return Reason{Effect: effectVerdict(c.Effect), Code: CodeDesignated, Message: strings.Join(parts, "; "),
			Evidence: Evidence{Designations: matches, Lists: slices.Clone(c.Lists)}}, true
	}
	if !c.MatchNames {
		return Reason{}, false
	}
	for _, cand := range res.Candidates {
		if cand.Score < c.NameMinScore || self(cand.Key) {
			continue
		}
		k, ok := w.graph.Lookup(cand.Key)
		if !ok {
			continue
		}
		first := len(matches)
		matches = w.entriesAt(c, w.graph.Canonical(k), at, matches)
		for i := first; i < len(matches); i++ {
			matches[i].Via = "name"
			matches[i].Score = float64(cand.Score) / float64(resolve.MaxScore)
			matches[i].QueryName, matches[i].MatchedName = cand.Query, cand.Name
		}
	}
	if len(matches) == 0 {
		return Reason{}, false
	}
	m := matches[0]
	msg := fmt.Sprintf("name %q matches %q of %s, listed on %s (score %.4g >= %.4g)", m.QueryName, m.MatchedName, m.Entity, m.List,
		m.Score, float64(c.NameMinScore)/float64(resolve.MaxScore))
	if len(matches) > 1 {
		msg += fmt.Sprintf(", and %d more", len(matches)-1)
	}
	return Reason{Effect: VerdictReview, Code: CodeNameMatch, Message: msg, Evidence: Evidence{Designations: matches, Lists: slices.Clone(c.Lists)}}, true
}

// ownershipReason fills r for an ownership rule, appending its message to msg.
func (w *World) ownershipReason(r *Reason, c *compiledRule, q ownership.QueryStart, names namer, at Date, msg []byte, mem *decisionMem) ([]byte, error) {
	sc, _ := w.answers.Get().(*ownershipAnswer)
	if sc == nil {
		sc = new(ownershipAnswer)
	}
	defer w.answers.Put(sc)
	res := &sc.res
	sc.roots = roots{w: w, c: c, at: at}
	if err := w.graph.QueryFrom(res, &c.own, &sc.roots, q, at); err != nil {
		return msg, err
	}
	r.Evidence.Ownership = ownershipEvidence(c, res, names, mem)
	switch res.Status {
	case ownership.Restricted:
		r.Effect = effectVerdict(c.Effect)
		r.Code = CodeOwned
		if res.SubjectIsRoot {
			r.Code = CodeSubjectIsRoot
		}
	case ownership.Clear:
		r.Effect, r.Code = VerdictAllow, CodeNotOwned
	case ownership.Indeterminate:
		r.Effect, r.Code = VerdictReview, CodeIndeterminate
	case ownership.Significant:
		r.Effect, r.Code = VerdictReview, CodeSignificantMinority
	case ownership.MethodDependent:
		r.Effect, r.Code = VerdictReview, CodeMethodDependent
	}
	if isZeroClear(res) {
		r.Message = c.zeroClear
		return msg, nil
	}
	return appendOwnershipMessage(msg, c, res), nil
}

// isZeroClear reports whether res is clear with a definite share of 0 under every method:
// whether its message is the rule's zeroClear.
func isZeroClear(res *ownership.Result) bool {
	if res.Status != ownership.Clear || res.SubjectIsRoot {
		return false
	}
	for i := range res.Parts {
		if p := &res.Parts[i]; p.Status != ownership.Clear || p.Share.Lower != 0 {
			return false
		}
	}
	return res.Share.Lower == 0
}

// zeroClearAnswer is an answer of rule for which isZeroClear holds.
func zeroClearAnswer(rule *ownership.Rule) *ownership.Result {
	res := &ownership.Result{Status: ownership.Clear, Method: rule.Method, PerHolder: rule.PerHolder, Holder: ownership.NoID}
	if rule.Method == ownership.Compare {
		res.Parts = []ownership.Result{
			{Status: ownership.Clear, Method: ownership.FlowThrough, PerHolder: rule.PerHolder, Holder: ownership.NoID},
			{Status: ownership.Clear, Method: ownership.Multiplicative, PerHolder: rule.PerHolder, Holder: ownership.NoID},
		}
	}
	return res
}

func appendOwnershipMessage(b []byte, c *compiledRule, res *ownership.Result) []byte {
	if res.SubjectIsRoot {
		return append(b, "subject is itself a restricted root"...)
	}
	if res.Method == ownership.Compare {
		if res.Status == ownership.MethodDependent {
			b = append(b, "result depends on the method: "...)
		} else {
			b = append(b, "methods agree: "...)
		}
		b = appendMethodMessage(b, c, &res.Parts[0])
		b = append(b, " | "...)
		return appendMethodMessage(b, c, &res.Parts[1])
	}
	return appendMethodMessage(b, c, res)
}

func appendMethodMessage(b []byte, c *compiledRule, res *ownership.Result) []byte {
	b = append(b, res.Method.String()...)
	if res.PerHolder {
		b = append(b, ", per holder"...)
	}
	b = append(b, ": "...)
	cmp := cmpText(c.Inclusive)
	holder := func(b []byte) []byte {
		if res.PerHolder && res.Holder != ownership.NoID {
			b = append(b, ", holder "...)
			b = append(b, c.holderName(res)...)
		}
		return b
	}
	measure := ""
	if res.Measure == ownership.Votes {
		measure = " of votes"
	}
	threshold := func(b []byte) []byte {
		b = append(b, cmp...)
		b = append(b, ' ')
		return c.Threshold.AppendText(b)
	}
	switch res.Status {
	case ownership.Restricted:
		if res.ThroughControl {
			b = append(b, "definitely restricted (through a control"...)
		} else {
			b = append(b, "definitely restricted (lower share"...)
			b = append(b, measure...)
			b = append(b, ' ')
			b = res.Share.Lower.AppendText(b)
			b = append(b, ' ')
			b = threshold(b)
		}
		b = holder(b)
		b = append(b, ')')
	case ownership.Indeterminate:
		who := "restricted owners together"
		if res.PerHolder {
			who = "unknown holders"
			if res.Holder != ownership.NoID {
				who = c.holderName(res)
			}
		}
		b = append(b, "possibly restricted ("...)
		b = append(b, who...)
		if res.ThroughControl {
			b = append(b, "; through a control, lower share "...)
		} else {
			b = append(b, "; upper bound"...)
			b = append(b, measure...)
			b = append(b, ' ')
			b = res.Share.Upper.AppendText(b)
			b = append(b, " reaches "...)
			b = threshold(b)
			b = append(b, ", lower share "...)
		}
		b = res.Share.Lower.AppendText(b)
		b = append(b, ')')
	case ownership.Significant:
		b = append(b, "significant minority (definite share "...)
		b = res.Share.Lower.AppendText(b)
		b = append(b, " >= review_at "...)
		b = c.ReviewAt.AppendText(b)
		b = append(b, ", not "...)
		b = threshold(b)
		b = append(b, ')')
	default:
		b = append(b, "not restricted (definite share "...)
		b = res.Share.Lower.AppendText(b)
		b = append(b, ", not "...)
		b = threshold(b)
		b = append(b, ')')
	}
	return b
}

// holderName is set by ownershipEvidence for messages.
func (c *compiledRule) holderName(res *ownership.Result) string { return c.names(res.Holder) }

func (c *compiledRule) names(id ownership.ID) string {
	if c.graph == nil || id == ownership.NoID {
		return ""
	}
	return c.graph.Name(id)
}

// namer gives the id strings of graph entities, one of which it knows without reading
// the graph.
type namer struct {
	g         *ownership.Graph
	known     ownership.ID
	knownName string
}

func (n namer) name(id ownership.ID) string {
	switch id {
	case ownership.NoID:
		return ""
	case n.known:
		return n.knownName
	}
	return n.g.Name(id)
}

// names returns the id strings of ids in memory taken from m, nil for none.
func (n namer) names(ids []ownership.ID, m *evidenceMem) []string {
	if len(ids) == 0 {
		return nil
	}
	out := take(&m.names, len(ids))
	for i, id := range ids {
		out[i] = n.name(id)
	}
	return out
}

// evidenceMem is the memory of one ownership evidence: one backing array per element type
// for the whole tree (under compare, the methods' parts too), each allocated at its final
// size, so that a decision costs a handful of allocations however many terms, paths and
// roots it shows.
type evidenceMem struct {
	terms     []TermEvidence
	stakes    []StakeRef
	controls  []ControlRef
	paths     []PathEvidence
	steps     []StepEvidence
	unsettled []UnsettledFact
	names     []string
}

// count adds to m's capacities what the evidence of res needs. Under compare the top level
// shows only the roots: its terms, the flow-through part's, are shown in that part.
func (m *evidenceMem) count(res *ownership.Result, sizes *[7]int) {
	sizes[6] += len(res.Roots)
	if len(res.Parts) > 0 {
		for i := range res.Parts {
			m.count(&res.Parts[i], sizes)
		}
		return
	}
	sizes[0] += len(res.Terms)
	if res.ThroughControl {
		sizes[2]++
	}
	sizes[3] += len(res.Paths)
	for _, p := range res.Paths {
		sizes[4] += len(p.Steps)
		for _, s := range p.Steps {
			if s.IsControl {
				sizes[2]++
			} else {
				sizes[1]++
			}
		}
	}
	sizes[5] += len(res.Unsettled)
	for _, u := range res.Unsettled {
		if u.Control.Basis != 0 {
			sizes[2]++
		} else if u.Kind != ownership.UndisclosedRemainder {
			sizes[1]++
		}
	}
}

// alloc makes m's arrays for the evidence of res.
func (m *evidenceMem) alloc(res *ownership.Result) {
	var sizes [7]int
	m.count(res, &sizes)
	m.terms = makeCap[TermEvidence](sizes[0])
	m.stakes = makeCap[StakeRef](sizes[1])
	m.controls = makeCap[ControlRef](sizes[2])
	m.paths = makeCap[PathEvidence](sizes[3])
	m.steps = makeCap[StepEvidence](sizes[4])
	m.unsettled = makeCap[UnsettledFact](sizes[5])
	m.names = makeCap[string](sizes[6])
}

func makeCap[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

// take returns the next n elements of *s, which has room for them.
func take[T any](s *[]T, n int) []T {
	i := len(*s)
	*s = (*s)[:i+n]
	return (*s)[i : i+n : i+n]
}

func ownershipEvidence(c *compiledRule, res *ownership.Result, n namer, mem *decisionMem) *OwnershipEvidence {
	var m evidenceMem
	m.alloc(res)
	if len(res.Parts) == 2 {
		// Under compare, the evidence and its two methods' parts in one allocation, or in
		// the decision's.
		var evs *[3]OwnershipEvidence
		if mem != nil {
			evs = &mem.evs
		} else {
			evs = new([3]OwnershipEvidence)
		}
		fillOwnershipEvidence(&evs[0], c, res, n, &m, evs[1:3:3])
		return &evs[0]
	}
	ev := new(OwnershipEvidence)
	fillOwnershipEvidence(ev, c, res, n, &m, nil)
	return ev
}

// decisionMem is the memory of a decision under a policy of the most common shape (see
// oneBlockFits): its reasons, the evidence of its one ownership rule, which answers under
// compare, the lists its designation rules looked at and up to two jurisdiction matches,
// in one allocation instead of three or more. At 10⁶ entities that is 3% of the median
// decision (measured in process).
type decisionMem struct {
	reasons [memRules]Reason
	evs     [3]OwnershipEvidence
	list    [memLists]string
	jur     [memJurisdictions]JurisdictionMatch
	nList   uint8 // how many of list are taken
	nJur    uint8 // how many of jur are taken
}

// The block's arrays are sized so that it fits the allocator's 1,152-byte size class (with
// the 8-byte header of an object with pointers; a test checks it).
const (
	memRules         = 3
	memLists         = 4
	memJurisdictions = 2
)

// oneBlockFits reports whether a decision under rules fits one decisionMem: two or three
// rules (fewer would leave too much of it unused), one of them an ownership rule under
// compare, and at most memLists lists named by the designation rules.
func oneBlockFits(rules []compiledRule) bool {
	owned, lists := 0, 0
	for i := range rules {
		switch c := &rules[i]; c.Kind {
		case OwnershipRule:
			if c.Method != ownership.Compare {
				return false
			}
			owned++
		case DesignationRule:
			lists += len(c.Lists)
		}
	}
	return len(rules) >= 2 && len(rules) <= memRules && owned == 1 && lists <= memLists
}

// lists returns a copy of ids, in m when it has room (m may be nil).
func (m *decisionMem) lists(ids []string) []string {
	if m == nil {
		return slices.Clone(ids)
	}
	return copyInto(m.list[:], &m.nList, ids)
}

// jurisdictions returns a copy of matches, in m when it has room (m may be nil).
func (m *decisionMem) jurisdictions(matches []JurisdictionMatch) []JurisdictionMatch {
	if m == nil {
		return slices.Clone(matches)
	}
	return copyInto(m.jur[:], &m.nJur, matches)
}

// copyInto returns a copy of s in the free end of arr, of which *n elements are taken, or in
// memory of its own when arr has no room for it.
func copyInto[T any](arr []T, n *uint8, s []T) []T {
	i := int(*n)
	if i+len(s) > len(arr) {
		return slices.Clone(s)
	}
	out := arr[i : i+len(s) : i+len(s)]
	copy(out, s)
	*n += uint8(len(s))
	return out
}

// fillOwnershipEvidence converts an ownership result into evidence with entity ids as
// strings, into zeroed *ev and memory from m. Under compare, parts is where the methods'
// evidence goes when it has room for them.
func fillOwnershipEvidence(ev *OwnershipEvidence, c *compiledRule, res *ownership.Result, n namer, m *evidenceMem, parts []OwnershipEvidence) {
	name := n.name
	// Field by field: *ev is zero, and a composite literal would write all of it.
	ev.Method, ev.Status, ev.Threshold, ev.Inclusive, ev.Aggregate = res.Method, res.Status, c.Threshold, c.Inclusive, c.Aggregate
	ev.SubjectIsRoot, ev.Measure = res.SubjectIsRoot, res.Measure
	ev.Entity = name(res.Entity)
	if res.Holder != ownership.NoID {
		ev.Holder = name(res.Holder)
	}
	ev.Share = ShareBounds{res.Share.Lower, res.Share.Upper}
	ev.Roots = n.names(res.Roots, m)
	if len(res.Parts) > 0 {
		// Under compare the arithmetic is in each method's part; the top level keeps the
		// combined status and the roots.
		if len(parts) != len(res.Parts) {
			parts = make([]OwnershipEvidence, len(res.Parts))
		}
		ev.Methods = parts
		for i := range res.Parts {
			fillOwnershipEvidence(&ev.Methods[i], c, &res.Parts[i], n, m, nil)
		}
		return
	}
	ev.Remainder = res.Remainder
	stakeRef := func(s ownership.StakeInfo) *StakeRef {
		r := &take(&m.stakes, 1)[0]
		r.Index, r.Owner, r.Owned, r.Percent, r.Measure = s.Index, name(s.Owner), name(s.Owned), s.Share, s.Measure
		return r
	}
	ctlRef := func(ci ownership.ControlInfo) *ControlRef {
		r := &take(&m.controls, 1)[0]
		r.Index, r.Controller, r.Controlled, r.Basis = ci.Index, name(ci.Controller), name(ci.Controlled), ci.Basis
		return r
	}
	if res.ThroughControl {
		ev.Control = ctlRef(res.Control)
	}
	if len(res.Terms) > 0 {
		ev.Terms = take(&m.terms, len(res.Terms))
		for i := range res.Terms {
			t, e := &res.Terms[i], &ev.Terms[i]
			s := &t.Stake
			e.Stake.Index, e.Stake.Owner, e.Stake.Owned, e.Stake.Percent, e.Stake.Measure = s.Index, name(s.Owner), name(s.Owned), s.Share, s.Measure
			e.Weight = ShareBounds{t.Weight.Lower, t.Weight.Upper}
			e.Contribution = ShareBounds{t.Contribution.Lower, t.Contribution.Upper}
			e.Definite = t.Definite
		}
	}
	if len(res.Paths) > 0 {
		ev.Paths = take(&m.paths, len(res.Paths))
		for i, p := range res.Paths {
			steps := take(&m.steps, len(p.Steps))
			for j, s := range p.Steps {
				if s.IsControl {
					steps[j].Control = ctlRef(s.Control)
					continue
				}
				steps[j].Stake = stakeRef(s.Stake)
				if s.HeldGroup {
					steps[j].HeldGroup = s.Stake.JointGroup
				}
			}
			ev.Paths[i] = PathEvidence{Root: name(p.Root), Steps: steps, Share: p.Share}
		}
	}
	if len(res.Unsettled) > 0 {
		ev.Unsettled = take(&m.unsettled, len(res.Unsettled))
		for i, u := range res.Unsettled {
			f := &ev.Unsettled[i]
			f.Kind, f.Remainder = u.Kind, u.Remainder
			f.Entity = name(u.Entity)
			switch u.Kind {
			case ownership.RangeStake:
				f.Stake = stakeRef(u.Stake)
			case ownership.PossibleOwner:
				if u.Control.Basis != 0 {
					f.Control = ctlRef(u.Control)
				} else {
					f.Stake = stakeRef(u.Stake)
				}
			case ownership.ReviewControl:
				f.Control = ctlRef(u.Control)
			}
		}
	}
}
