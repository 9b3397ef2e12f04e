package gleif

import (
	"fmt"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/ownership"
)

// Relationship types of RR-CDF 1.1.
const (
	directParent   = "IS_DIRECTLY_CONSOLIDATED_BY"
	ultimateParent = "IS_ULTIMATELY_CONSOLIDATED_BY"
	branchOf       = "IS_INTERNATIONAL_BRANCH_OF"
)

var notOwnership = map[string]string{
	"IS_FUND-MANAGED_BY": "a fund's management company neither owns nor, in the model's sense, controls it",
	"IS_SUBFUND_OF":      "a sub-fund's umbrella fund is a legal arrangement, not an owner",
	"IS_FEEDER_TO":       "a feeder fund invests in a master fund; that is not ownership of the fund's holder",
}

func (s *state) rrRecord(i int, r *rrRecord) {
	s.rep.Records++
	rel := &r.Relationship
	start, end := strings.TrimSpace(rel.Start.ID), strings.TrimSpace(rel.End.ID)
	rec := start + " " + rel.Type + " " + end
	skip := func(fld, val, reason string) { s.rep.Skip(SourceRelationships, 0, rec, fld, val, reason) }
	issue := func(fld, val string, kind importer.Kind, reason string) {
		s.rep.Add(importer.Issue{Source: SourceRelationships, Record: rec, Field: fld, Value: val, Kind: kind, Reason: reason})
	}
	switch {
	case start == "" || end == "":
		skip("StartNode", "", "a relationship without both nodes")
		return
	case (rel.Start.Type != "" && rel.Start.Type != "LEI") || (rel.End.Type != "" && rel.End.Type != "LEI"):
		skip("NodeIDType", rel.Start.Type+" "+rel.End.Type, "a node that is not identified by an LEI")
		return
	case start == end:
		skip("EndNode", end, "a relationship of an entity with itself")
		return
	}
	if why, ok := notOwnership[rel.Type]; ok {
		skip("RelationshipType", rel.Type, why)
		return
	}
	if rel.Type != directParent && rel.Type != ultimateParent && rel.Type != branchOf {
		skip("RelationshipType", rel.Type, "a relationship type the importer does not know")
		return
	}

	child := s.entity(start, SourceRelationships, rec)
	parent := s.entity(end, SourceRelationships, rec)
	childID, parentID := s.res.Entities[child].ID, s.res.Entities[parent].ID

	if rel.Type == branchOf {
		s.rep.Imported++
		e := &s.res.Entities[child]
		if prev, ok := s.branch[child]; ok {
			issue("EndNode", end, importer.Ambiguous, "a second head office for a branch; the first ("+prev+") is kept")
			return
		}
		s.branch[child] = rec
		e.Kind, e.BranchOf = eligibility.Branch, parentID
		if rel.Status == "INACTIVE" {
			issue("RelationshipStatus", rel.Status, importer.Adjusted, "an inactive branch relationship: kept, since branches are not dated in the model (a branch is never a separate legal person)")
		}
		return
	}

	// Consolidation parents: the periods in which the relationship holds.
	var ivs []eligibility.Interval
	for j, p := range rel.Periods {
		if p.Type != "RELATIONSHIP_PERIOD" {
			continue // accounting and filing periods date the evidence, not the relationship
		}
		var iv eligibility.Interval
		fld := fmt.Sprintf("RelationshipPeriods[%d]", j)
		if p.Start != "" {
			d, err := day(p.Start)
			if err != nil {
				issue(fld+".StartDate", p.Start, importer.Invalid, "not a date: the period has no start")
			} else {
				iv.From = d
			}
		}
		if p.End != "" {
			d, err := day(p.End)
			if err != nil {
				issue(fld+".EndDate", p.End, importer.Invalid, "not a date: the period has no end")
			} else {
				iv.Until = d + 1 // the end date is the last day of the relationship
			}
		}
		if iv.IsEmpty() {
			issue(fld, iv.String(), importer.Invalid, "the period ends before it starts: left out")
			continue
		}
		ivs = append(ivs, iv)
	}
	if len(ivs) == 0 {
		ivs = []eligibility.Interval{{}}
		issue("RelationshipPeriods", "", importer.Adjusted, "no relationship period: taken as holding at every date")
	}
	if rel.Status == "INACTIVE" {
		for k := range ivs {
			if ivs[k].Until != 0 {
				continue
			}
			d, err := day(r.Registration.LastUpdate)
			if err != nil || (ivs[k].From != 0 && d <= ivs[k].From) {
				issue("RelationshipStatus", rel.Status, importer.Adjusted, "inactive without an end date or a usable last update: kept open-ended")
				continue
			}
			ivs[k].Until = d
			issue("RelationshipStatus", rel.Status, importer.Adjusted, fmt.Sprintf("inactive without an end date: taken as ending at its last update, %s", d))
		}
	}
	s.rep.Imported++
	for _, iv := range ivs {
		s.res.Controls = append(s.res.Controls, eligibility.Control{Controller: parentID, Controlled: childID, Basis: s.opt.ConsolidationBasis, Valid: iv})
	}
	for j, q := range rel.Quantifiers {
		fld := fmt.Sprintf("RelationshipQuantifiers[%d]", j)
		if rel.Type == ultimateParent {
			issue(fld, q.Amount, importer.Adjusted, "an ultimate parent's share is indirect, carried by the direct parents' chain: not a stake")
			continue
		}
		if q.Units != "PERCENTAGE" {
			issue(fld+".QuantifierUnits", q.Units, importer.Unmapped, "a quantifier that is not a percentage")
			continue
		}
		p, err := ownership.ParsePercent(strings.TrimSpace(q.Amount))
		if err != nil || p < 0 || p > ownership.Hundred {
			issue(fld+".QuantifierAmount", q.Amount, importer.Invalid, "not a percentage between 0 and 100")
			continue
		}
		if q.Method != "" && q.Method != "ACCOUNTING_CONSOLIDATION" {
			issue(fld+".MeasurementMethod", q.Method, importer.Adjusted, "a measurement method other than accounting consolidation: taken as a share of equity")
		}
		for _, iv := range ivs {
			s.res.Stakes = append(s.res.Stakes, eligibility.Stake{Owner: parentID, Owned: childID, Share: ownership.Exact(p), Measure: ownership.Shares, Valid: iv})
		}
	}
}

func (s *state) exception(i int, r *exceptionRecord) {
	s.rep.Records++
	lei := strings.TrimSpace(r.LEI)
	if lei == "" {
		s.rep.Skip(SourceExceptions, 0, fmt.Sprintf("#%d", i), "LEI", "", "no LEI")
		return
	}
	s.rep.Imported++
	idx := s.entity(lei, SourceExceptions, lei)
	e := &s.res.Entities[idx]
	e.Disclosure = ownership.Partial
	s.res.Exceptions = append(s.res.Exceptions, Exception{Entity: e.ID, Category: r.Category, Reasons: r.Reasons, Reference: r.References})
}
