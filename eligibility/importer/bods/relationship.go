package bods

import (
	"strconv"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/dates"
	"github.com/eligo/eligo/ownership"
)

// factKind is what an interest type becomes.
type factKind uint8

const (
	unmapped    factKind = iota // no place in the model
	stake                       // a stake of some measure
	control                     // a control of some basis
	unknownType                 // an interest of unknown kind: a shares stake of unknown size
)

type mapping struct {
	kind    factKind
	measure ownership.Measure
	basis   ownership.Basis
	why     string // for unmapped types
}

// interestTypes maps BODS 0.4 interest types to stakes and control bases.
var interestTypes = map[string]mapping{
	"shareholding":                       {kind: stake, measure: ownership.Shares},
	"votingRights":                       {kind: stake, measure: ownership.Votes},
	"appointmentOfBoard":                 {kind: control, basis: ownership.BoardMajority},
	"otherInfluenceOrControl":            {kind: control, basis: ownership.DeFacto},
	"controlByLegalFramework":            {kind: control, basis: ownership.DeFacto},
	"controlViaCompanyRulesOrArticles":   {kind: control, basis: ownership.Contract},
	"rightsGrantedByContract":            {kind: control, basis: ownership.Contract},
	"conditionalRightsGrantedByContract": {kind: control, basis: ownership.Option},
	"trustee":                            {kind: control, basis: ownership.Contract},
	"protector":                          {kind: control, basis: ownership.Contract},
	"unknownInterest":                    {kind: unknownType},
	"unpublishedInterest":                {kind: unknownType},
	"":                                   {kind: unknownType},
	"seniorManagingOfficial":             {why: "a management role, neither a stake nor a control basis"},
	"boardMember":                        {why: "a management role, neither a stake nor a control basis"},
	"boardChair":                         {why: "a management role, neither a stake nor a control basis"},
	"settlor":                            {why: "a founder's interest, neither a stake nor a control basis"},
	"beneficiaryOfLegalArrangement":      {why: "an economic interest, neither a stake nor a control basis"},
	"rightsToSurplusAssetsOnDissolution": {why: "an economic interest, neither a stake nor a control basis"},
	"rightsToProfitOrIncome":             {why: "an economic interest, neither a stake nor a control basis"},
	"enjoymentAndUseOfAssets":            {why: "an economic interest, neither a stake nor a control basis"},
	"rightToProfitOrIncomeFromAssets":    {why: "an economic interest, neither a stake nor a control basis"},
}

// buildEdges collects the direct links between parties (interests that are not
// "indirect"), for telling whether an indirect interest is carried by a chain in the file.
func (s *state) buildEdges() {
	for _, rec := range s.order {
		if rec.typ != "relationship" {
			continue
		}
		for _, st := range rec.stmts {
			d := &st.Details
			if d.Subject.ID == "" || d.InterestedParty.ID == "" {
				continue
			}
			for _, in := range d.Interests {
				if in.DirectOrIndirect == "indirect" {
					continue
				}
				from := d.InterestedParty.ID
				es := s.edges[from]
				if n := len(es); n == 0 || es[n-1].to != d.Subject.ID || es[n-1].rec != rec.id {
					s.edges[from] = append(es, edge{to: d.Subject.ID, rec: rec.id})
				}
				break
			}
		}
	}
}

// searchBudget bounds the search for a chain behind one indirect interest.
const searchBudget = 100_000

// chain reports whether the file links party to subject through direct interests of
// records other than rec. exhausted says the search gave up.
func (s *state) chain(party, subject, rec string) (found, exhausted bool) {
	seen := map[string]bool{party: true}
	queue := []string{party}
	steps := 0
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range s.edges[n] {
			if e.rec == rec || seen[e.to] {
				continue
			}
			if e.to == subject {
				return true, false
			}
			steps++
			if steps > searchBudget {
				return false, true
			}
			seen[e.to] = true
			queue = append(queue, e.to)
		}
	}
	return false, false
}

// relationship turns a relationship record's statements into dated stakes and controls.
func (s *state) relationship(rec *record) {
	n := len(rec.stmts)
	bounds := make([]eligibility.Date, n+1) // bounds[k]: where statement k starts to speak; bounds[n]: open
	for k, st := range rec.stmts {
		if k > 0 {
			bounds[k] = s.boundary(st, bounds[k-1])
		}
	}
	contributed := make([]bool, n)
	why := make([]string, n)
	for k, st := range rec.stmts {
		if st.RecordStatus == "closed" {
			contributed[k] = true
			continue
		}
		d := &st.Details
		subj, reason := s.subject(st)
		if reason != "" {
			why[k] = reason
			continue
		}
		var next eligibility.Date
		if k+1 < n {
			next = bounds[k+1]
		}
		if len(d.Interests) == 0 {
			s.issue(st, "interests", "", importer.Unmapped, "a relationship without interests states no stake or control")
		}
		for i := range d.Interests {
			if s.interest(rec, st, subj, i, bounds[k], k > 0, next) {
				contributed[k] = true
			}
		}
	}
	for k, st := range rec.stmts {
		switch {
		case contributed[k]:
			s.rep.Imported++
		case why[k] != "":
			s.skip(st, "subject", st.Details.Subject.ID, why[k])
		default:
			s.skip(st, "", rec.id, "no interest of this statement became a stake, a control or a partial disclosure (see its other issues)")
		}
	}
}

// boundary is the day from which statement st (not the first of its record) speaks for
// the record: for a closing statement, the earliest end date of its interests, else its
// statement date; for any other, the latest start date of its interests that is after
// prev and not after the statement date, else the statement date.
func (s *state) boundary(st *statement, prev eligibility.Date) eligibility.Date {
	sd := s.statementDate(st)
	var best eligibility.Date
	for _, in := range st.Details.Interests {
		if st.RecordStatus == "closed" {
			if d, _, err := dates.ISO(in.EndDate); err == nil && (best == 0 || d < best) {
				best = d
			}
			continue
		}
		d, _, err := dates.ISO(in.StartDate)
		if err != nil || d <= prev || (sd != 0 && d > sd) {
			continue
		}
		if d > best {
			best = d
		}
	}
	if best == 0 {
		best = sd
	}
	if best != 0 && best <= prev {
		best = prev
	}
	return best
}

// subject returns the entity a relationship statement is about, or why it has none (then
// the statement is skipped).
func (s *state) subject(st *statement) (int, string) {
	sub := st.Details.Subject
	switch {
	case !sub.Set || (sub.ID == "" && !sub.Unspecified):
		return 0, "a relationship without a subject"
	case sub.Unspecified:
		return 0, "the subject is unspecified (" + sub.Reason + "): nothing to attach the interests to"
	}
	r := s.records[sub.ID]
	switch {
	case r == nil:
		return 0, "the subject names no record of this file"
	case r.typ == "person":
		return 0, "the subject is a person, who cannot be owned or controlled"
	case r.unknown:
		return 0, "the subject is " + r.why + ": nothing to attach the interests to"
	case r.typ != "entity" || r.ent < 0:
		return 0, "the subject is not an entity of this file"
	}
	return r.ent, ""
}

// interest maps interest i of statement st; from is where the statement starts to speak
// (0: open), later says st is not its record's first statement, until is where the next
// statement takes over (0: open). It returns whether the interest contributed.
func (s *state) interest(rec *record, st *statement, subj, i int, from eligibility.Date, later bool, until eligibility.Date) bool {
	in := &st.Details.Interests[i]
	fld := "interests[" + strconv.Itoa(i) + "]"
	m, known := interestTypes[in.Type]
	if !known {
		s.issue(st, fld+".type", in.Type, importer.Unmapped, "an interest type BODS 0.4 does not define")
		return false
	}
	if m.kind == unmapped {
		s.issue(st, fld+".type", in.Type, importer.Unmapped, m.why)
		return false
	}
	subjID := s.res.Entities[subj].ID
	party := st.Details.InterestedParty
	pr := s.records[party.ID]

	// Indirect interests never become stakes: the chain that carries them does.
	dir := in.DirectOrIndirect
	if dir == "indirect" || dir == "unknown" || dir == "" {
		carried := false
		exhausted := false
		if party.ID != "" && pr != nil {
			if dir == "indirect" && s.componentsPresent(st) {
				carried = true
			} else {
				carried, exhausted = s.chain(party.ID, st.Details.Subject.ID, rec.id)
			}
		}
		switch {
		case carried:
			s.issue(st, fld+".directOrIndirect", in.DirectOrIndirect, importer.Adjusted, "carried by the chain of direct interests in this file: not counted again")
			return true
		case dir == "indirect":
			why := "an indirect interest whose chain is not in the file: the subject is marked partially disclosed (its intermediates are undisclosed holders)"
			if exhausted {
				why = "an indirect interest whose chain the search gave up on: the subject is marked partially disclosed"
			}
			s.markPartial(subj)
			s.issue(st, fld+".directOrIndirect", "indirect", importer.Adjusted, why)
			return true
		}
		// unknown directness and no other chain: taken as direct.
	}

	switch {
	case party.Unspecified:
		s.markPartial(subj)
		s.issue(st, "interestedParty", party.Reason, importer.Adjusted, "the interested party is unspecified: the subject is marked partially disclosed")
		return true
	case !party.Set || party.ID == "":
		s.markPartial(subj)
		s.issue(st, "interestedParty", "", importer.Adjusted, "no interested party: the subject is marked partially disclosed")
		return true
	case pr == nil:
		s.markPartial(subj)
		s.issue(st, "interestedParty", party.ID, importer.Unresolved, "the interested party names no record of this file: the subject is marked partially disclosed")
		return true
	case pr.typ == "relationship":
		s.issue(st, "interestedParty", party.ID, importer.Invalid, "the interested party is a relationship record")
		return false
	case pr.unknown:
		s.markPartial(subj)
		s.issue(st, "interestedParty", party.ID, importer.Adjusted, "the interested party is "+pr.why+": the subject is marked partially disclosed")
		return true
	case pr.ent == subj:
		s.issue(st, "interestedParty", party.ID, importer.Invalid, "the interested party is the subject itself")
		return false
	}
	partyID := s.res.Entities[pr.ent].ID

	// Dates: the interest's own, within the span the statement speaks for.
	lo, hi := eligibility.Date(0), eligibility.Date(0)
	if in.StartDate != "" {
		d, p, err := dates.ISO(in.StartDate)
		switch {
		case err != nil:
			s.issue(st, fld+".startDate", in.StartDate, importer.Invalid, "not a date: the interest starts when its statement does")
		case p != dates.Day:
			s.issue(st, fld+".startDate", in.StartDate, importer.Adjusted, "a partial date: the first day of the period is used")
			lo = d
		default:
			lo = d
		}
	}
	if in.EndDate != "" {
		d, p, err := dates.ISO(in.EndDate)
		switch {
		case err != nil:
			s.issue(st, fld+".endDate", in.EndDate, importer.Invalid, "not a date: the interest ends when the next statement starts")
		case p != dates.Day:
			s.issue(st, fld+".endDate", in.EndDate, importer.Adjusted, "a partial date: the first day of the period is used")
			hi = d
		default:
			hi = d
		}
	}
	if later && from > lo {
		lo = from
	}
	if until != 0 && (hi == 0 || until < hi) {
		hi = until
	}
	valid := eligibility.Interval{From: lo, Until: hi}
	if valid.IsEmpty() {
		s.issue(st, fld, valid.String(), importer.Adjusted, "superseded by a later statement before it began, or ends before it starts: no period left")
		return false
	}
	declared := s.statementDate(st)

	switch m.kind {
	case control:
		s.res.Controls = append(s.res.Controls, eligibility.Control{Controller: partyID, Controlled: subjID, Basis: m.basis, Valid: valid})
		if in.Share != nil {
			s.issue(st, fld+".share", "", importer.Unmapped, "a control interest's share has no place in the model")
		}
		return true
	case stake, unknownType:
		r, notes, uniform, err := shareRange(in.Share)
		if err != nil {
			s.issue(st, fld+".share", "", importer.Invalid, err.Error())
			return false
		}
		if m.kind == unknownType {
			what := in.Type
			if what == "" {
				what = "no type"
			}
			notes = append(notes, "an interest of unknown kind ("+what+"): taken as a shares stake")
		}
		if len(notes) > 0 {
			s.issue(st, fld+".share", r.String(), importer.Adjusted, strings.Join(notes, "; "))
		}
		for _, u := range uniform {
			s.note(st, "interests[].share", r.String(), importer.Adjusted, u)
		}
		s.res.Stakes = append(s.res.Stakes, eligibility.Stake{Owner: partyID, Owned: subjID, Share: r, Measure: m.measure, Valid: valid})
		s.meta = append(s.meta, stakeMeta{declared: declared, record: rec.id})
		return true
	}
	return false
}

// componentsPresent reports whether a statement lists the records of its chain and the
// file holds them all.
func (s *state) componentsPresent(st *statement) bool {
	comps := st.Details.ComponentRecords
	if len(comps) == 0 {
		comps = st.Details.ComponentIDs
	}
	if len(comps) == 0 {
		return false
	}
	for _, c := range comps {
		if s.records[c] == nil {
			return false
		}
	}
	return true
}
