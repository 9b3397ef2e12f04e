package eligibility

import (
	"errors"
	"fmt"
	"slices"
	"strings"

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
// Evaluate is read-only and safe for concurrent use. Its cost is that of the ownership
// queries: the subject's ancestors only, never the whole world, and not even those when no
// root of any date and no undisclosed remainder is above the subject (Compile finds those
// subjects once; see [ownership.Reach]), unless a share of 0 meets the rule. The same
// inputs give the same Decision, and the same JSON bytes.
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
	id, ok := w.lookup(subject)
	if !ok {
		return Decision{}, fmt.Errorf("%w: %q", ErrUnknownSubject, subject)
	}
	d := Decision{Subject: subject, At: at, Verdict: VerdictAllow, Reasons: make([]Reason, 0, len(p.rules))}
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
	for i := range p.rules {
		c := &p.rules[i]
		if !c.inEffect(at) {
			continue
		}
		var r Reason
		switch c.Kind {
		case JurisdictionRule:
			r = w.jurisdictionReason(c, id)
		case DesignationRule:
			r = w.designationReason(c, id, canon, at)
			r.Evidence.BranchOf = branchOf
		case OwnershipRule:
			var err error
			r, err = w.ownershipReason(c, id, names, at)
			if err != nil {
				return Decision{}, err
			}
			r.Evidence.BranchOf = branchOf
			if branchOf != "" {
				r.Message += " (branch of " + branchOf + ")"
			}
		}
		r.Rule, r.Kind = c.ID, c.Kind
		d.Reasons = append(d.Reasons, r)
		d.Verdict = max(d.Verdict, r.Effect)
	}
	slices.SortStableFunc(d.Reasons, func(a, b Reason) int { return int(b.Effect) - int(a.Effect) })
	return d, nil
}

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

func (w *World) jurisdictionReason(c *compiledRule, id ownership.ID) Reason {
	var matches []JurisdictionMatch
	if c.jmatch.has(id) {
		matches = c.jurisdictionMatch(&w.entities[id], nil)
	}
	if len(matches) == 0 {
		return Reason{Effect: VerdictAllow, Code: CodeNoJurisdiction, Message: "no jurisdiction of the subject in the rule's roles is in its set"}
	}
	var parts []string
	for _, m := range matches {
		s := m.Role.String() + " " + m.Code.String()
		if m.Member != m.Code {
			s += " (within " + m.Member.String() + ")"
		}
		parts = append(parts, s)
	}
	return Reason{
		Effect: effectVerdict(c.Effect), Code: CodeJurisdiction,
		Message:  strings.Join(parts, ", ") + " is in the rule's set",
		Evidence: Evidence{Jurisdictions: matches},
	}
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

func (w *World) designationReason(c *compiledRule, id, canon ownership.ID, at Date) Reason {
	var matches []DesignationMatch
	if c.listed.has(canon) {
		matches = w.entriesAt(c, canon, at, nil)
	}
	if len(matches) == 0 && c.listIdx != nil {
		if r, ok := w.resolvedReason(c, id, canon, at); ok {
			return r
		}
	}
	if len(matches) == 0 {
		b := make([]byte, 0, 64)
		b = append(b, "not listed on "...)
		for i, l := range c.Lists {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, l...)
		}
		b = append(b, " at "...)
		b = at.AppendText(b)
		return Reason{Effect: VerdictAllow, Code: CodeNotDesignated, Message: string(b), Evidence: Evidence{Lists: slices.Clone(c.Lists)}}
	}
	var parts []string
	for _, m := range matches {
		s := fmt.Sprintf("listed on %s (entry for %s", m.List, m.Entity)
		if m.Program != "" {
			s += ", program " + m.Program
		}
		s += ", " + Interval{From: m.From, Until: m.Until}.String() + ")"
		parts = append(parts, s)
	}
	return Reason{Effect: effectVerdict(c.Effect), Code: CodeDesignated, Message: strings.Join(parts, "; "),
		Evidence: Evidence{Designations: matches, Lists: slices.Clone(c.Lists)}}
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

func (w *World) ownershipReason(c *compiledRule, id ownership.ID, names namer, at Date) (Reason, error) {
	sc, _ := w.answers.Get().(*ownershipAnswer)
	if sc == nil {
		sc = new(ownershipAnswer)
	}
	defer w.answers.Put(sc)
	res := &sc.res
	sc.roots = roots{w: w, c: c, at: at}
	if err := w.graph.QueryInto(res, &c.own, &sc.roots, id, at); err != nil {
		return Reason{}, err
	}
	ev := ownershipEvidence(c, res, names)
	r := Reason{Evidence: Evidence{Ownership: ev}}
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
	r.Message = ownershipMessage(c, res)
	return r, nil
}

func ownershipMessage(c *compiledRule, res *ownership.Result) string {
	if res.SubjectIsRoot {
		return "subject is itself a restricted root"
	}
	if res.Method == ownership.Compare {
		a, b := &res.Parts[0], &res.Parts[1]
		out := make([]byte, 0, 256)
		if res.Status == ownership.MethodDependent {
			out = append(out, "result depends on the method: "...)
		} else {
			out = append(out, "methods agree: "...)
		}
		out = appendMethodMessage(out, c, a)
		out = append(out, " | "...)
		out = appendMethodMessage(out, c, b)
		return string(out)
	}
	return methodMessage(c, res)
}

func methodMessage(c *compiledRule, res *ownership.Result) string {
	b := make([]byte, 0, 128)
	b = appendMethodMessage(b, c, res)
	return string(b)
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

// names returns the id strings of ids, nil for none.
func (n namer) names(ids []ownership.ID) []string {
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.name(id)
	}
	return out
}

func ownershipEvidence(c *compiledRule, res *ownership.Result, n namer) *OwnershipEvidence {
	if len(res.Parts) == 2 {
		// Under compare, the evidence and its two methods' parts in one allocation.
		evs := new([3]OwnershipEvidence)
		fillOwnershipEvidence(&evs[0], c, res, n, evs[1:3:3])
		return &evs[0]
	}
	ev := new(OwnershipEvidence)
	fillOwnershipEvidence(ev, c, res, n, nil)
	return ev
}

// fillOwnershipEvidence converts an ownership result into evidence with entity ids as
// strings. Stake and control references share one backing array each, so that a decision
// costs a handful of allocations however many paths it shows. Under compare, parts is where
// the methods' evidence goes when it has room for them.
func fillOwnershipEvidence(ev *OwnershipEvidence, c *compiledRule, res *ownership.Result, n namer, parts []OwnershipEvidence) {
	name := n.name
	*ev = OwnershipEvidence{
		Method: res.Method, Status: res.Status, Threshold: c.Threshold, Inclusive: c.Inclusive, Aggregate: c.Aggregate,
		SubjectIsRoot: res.SubjectIsRoot, Entity: name(res.Entity), Holder: name(res.Holder), Measure: res.Measure,
		Share: ShareBounds{res.Share.Lower, res.Share.Upper}, Remainder: res.Remainder,
	}
	if len(res.Parts) > 0 {
		// Under compare the arithmetic is in each method's part; the top level keeps the
		// combined status and the roots.
		ev.Remainder = 0
		ev.Roots = n.names(res.Roots)
		if len(parts) != len(res.Parts) {
			parts = make([]OwnershipEvidence, len(res.Parts))
		}
		ev.Methods = parts
		for i := range res.Parts {
			fillOwnershipEvidence(&ev.Methods[i], c, &res.Parts[i], n, nil)
		}
		return
	}
	nStakes, nControls := 0, 0
	if res.ThroughControl {
		nControls++
	}
	for _, p := range res.Paths {
		for _, s := range p.Steps {
			if s.IsControl {
				nControls++
			} else {
				nStakes++
			}
		}
	}
	for _, u := range res.Unsettled {
		if u.Control.Basis != 0 {
			nControls++
		} else if u.Kind != ownership.UndisclosedRemainder {
			nStakes++
		}
	}
	stakes := make([]StakeRef, 0, nStakes)
	controls := make([]ControlRef, 0, nControls)
	stakeRef := func(s ownership.StakeInfo) *StakeRef {
		stakes = append(stakes, StakeRef{Index: s.Index, Owner: name(s.Owner), Owned: name(s.Owned), Percent: s.Share, Measure: s.Measure})
		return &stakes[len(stakes)-1]
	}
	ctlRef := func(ci ownership.ControlInfo) *ControlRef {
		controls = append(controls, ControlRef{Index: ci.Index, Controller: name(ci.Controller), Controlled: name(ci.Controlled), Basis: ci.Basis})
		return &controls[len(controls)-1]
	}
	if res.ThroughControl {
		ev.Control = ctlRef(res.Control)
	}
	if len(res.Terms) > 0 {
		ev.Terms = make([]TermEvidence, len(res.Terms))
		for i, t := range res.Terms {
			s := t.Stake
			ev.Terms[i] = TermEvidence{
				Stake:  StakeRef{Index: s.Index, Owner: name(s.Owner), Owned: name(s.Owned), Percent: s.Share, Measure: s.Measure},
				Weight: ShareBounds{t.Weight.Lower, t.Weight.Upper}, Contribution: ShareBounds{t.Contribution.Lower, t.Contribution.Upper},
				Definite: t.Definite,
			}
		}
	}
	if len(res.Paths) > 0 {
		ev.Paths = make([]PathEvidence, len(res.Paths))
		steps := make([]StepEvidence, 0, nStakes+nControls)
		for i, p := range res.Paths {
			first := len(steps)
			for _, s := range p.Steps {
				if s.IsControl {
					steps = append(steps, StepEvidence{Control: ctlRef(s.Control)})
				} else {
					st := StepEvidence{Stake: stakeRef(s.Stake)}
					if s.HeldGroup {
						st.HeldGroup = s.Stake.JointGroup
					}
					steps = append(steps, st)
				}
			}
			ev.Paths[i] = PathEvidence{Root: name(p.Root), Steps: steps[first:len(steps):len(steps)], Share: p.Share}
		}
	}
	if len(res.Unsettled) > 0 {
		ev.Unsettled = make([]UnsettledFact, len(res.Unsettled))
		for i, u := range res.Unsettled {
			f := UnsettledFact{Kind: u.Kind, Entity: name(u.Entity), Remainder: u.Remainder}
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
			ev.Unsettled[i] = f
		}
	}
	ev.Roots = n.names(res.Roots)
}
