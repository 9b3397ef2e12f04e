package gleif

import (
	"fmt"
	"io"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/dates"
	"github.com/eligo/eligo/eligibility/importer/internal/place"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// Files are the readers of a GLEIF import. Any may be nil; without Entities, the entities
// of relationships and exceptions have their LEI as their only fact.
type Files struct {
	Relationships io.Reader // Level 2 relationship records, RR-CDF (rr-data.xml)
	Entities      io.Reader // Level 1 LEI records, LEI-CDF (lei-data.xml)
	Exceptions    io.Reader // reporting exceptions (repex-data.xml)
}

// Options tune an import. The zero value uses the defaults.
type Options struct {
	// ConsolidationBasis is the basis of the controls that accounting-consolidation
	// parents become. The zero value means [ownership.DeFacto].
	ConsolidationBasis ownership.Basis
}

// Exception is a reporting exception: the reason an entity reports no parent of a
// category. The entity is marked partially disclosed.
type Exception struct {
	Entity    string // entity id, "lei:<LEI>"
	Category  string // DIRECT_ACCOUNTING_CONSOLIDATION_PARENT or ULTIMATE_ACCOUNTING_CONSOLIDATION_PARENT
	Reasons   []string
	Reference []string
}

// Result is an import's data, ready for [eligibility.NewWorld], and the reporting
// exceptions read.
type Result struct {
	eligibility.WorldData
	Exceptions []Exception
}

// Sources, as the report names them.
const (
	SourceRelationships = "rr"
	SourceEntities      = "lei"
	SourceExceptions    = "repex"
)

type state struct {
	opt    Options
	rep    importer.Report
	res    Result
	byLEI  map[string]int
	places place.Resolver
	branch map[int]string // entity -> the LEI record of its first branch relationship
}

// Import reads GLEIF files. It returns an error only when a reader fails; every record is
// imported or reported (after an XML syntax error, the rest of that file is reported as
// unread). Import costs O(n) in the size of the files.
func Import(f Files, opt Options) (Result, importer.Report, error) {
	s := &state{opt: opt, byLEI: map[string]int{}, branch: map[int]string{}}
	if !s.opt.ConsolidationBasis.IsValid() {
		s.opt.ConsolidationBasis = ownership.DeFacto
	}
	failer := func(src string) func(int, int64, error, bool) {
		return func(i int, off int64, err error, fatal bool) {
			s.rep.Records++
			reason := fmt.Sprintf("unreadable record at byte %d: %v", off, err)
			if fatal {
				reason += "; the rest of the file is not read"
			}
			s.rep.Skip(src, 0, fmt.Sprintf("#%d", i), "", "", reason)
		}
	}
	if f.Entities != nil {
		if err := scan(f.Entities, "LEIRecord", s.leiRecord, failer(SourceEntities)); err != nil {
			return Result{}, importer.Report{}, fmt.Errorf("gleif: reading LEI records: %w", err)
		}
	}
	if f.Relationships != nil {
		if err := scan(f.Relationships, "RelationshipRecord", s.rrRecord, failer(SourceRelationships)); err != nil {
			return Result{}, importer.Report{}, fmt.Errorf("gleif: reading relationship records: %w", err)
		}
	}
	if f.Exceptions != nil {
		if err := scan(f.Exceptions, "Exception", s.exception, failer(SourceExceptions)); err != nil {
			return Result{}, importer.Report{}, fmt.Errorf("gleif: reading reporting exceptions: %w", err)
		}
	}
	return s.res, s.rep, nil
}

// entity returns the index of the entity of an LEI, creating a bare one if needed.
func (s *state) entity(lei, src string, rec string) int {
	if i, ok := s.byLEI[lei]; ok {
		return i
	}
	i := len(s.res.Entities)
	s.byLEI[lei] = i
	e := eligibility.Entity{ID: "lei:" + lei}
	id := eligibility.Identifier{Scheme: eligibility.SchemeLEI, Value: lei}
	if err := eligibility.CheckIdentifier(id); err != nil {
		s.rep.Add(importer.Issue{Source: src, Record: rec, Field: "LEI", Value: lei, Kind: importer.Invalid, Reason: strings.TrimPrefix(err.Error(), "eligibility: ") + ": kept as the entity's id, not as an identifier"})
	} else {
		e.Identifiers = append(e.Identifiers, id)
	}
	s.res.Entities = append(s.res.Entities, e)
	return i
}

func (s *state) leiRecord(i int, r *leiRecord) {
	s.rep.Records++
	lei := strings.TrimSpace(r.LEI)
	if lei == "" {
		s.rep.Skip(SourceEntities, 0, fmt.Sprintf("#%d", i), "LEI", "", "no LEI")
		return
	}
	if _, dup := s.byLEI[lei]; dup {
		s.rep.Skip(SourceEntities, 0, lei, "LEI", lei, "a repeated LEI record")
		return
	}
	s.rep.Imported++
	idx := s.entity(lei, SourceEntities, lei)
	e := &s.res.Entities[idx]
	en := &r.Entity
	e.Name = strings.TrimSpace(en.LegalName)
	for _, n := range append(en.OtherNames, en.Translit...) {
		addAlias(e, n)
	}
	issue := func(fld, val string, kind importer.Kind, reason string) {
		s.rep.Add(importer.Issue{Source: SourceEntities, Record: lei, Field: fld, Value: val, Kind: kind, Reason: reason})
	}
	switch en.Category {
	case "FUND":
		e.Kind = eligibility.Fund
	case "SOLE_PROPRIETOR":
		e.Kind = eligibility.Person
	case "RESIDENT_GOVERNMENT_ENTITY", "INTERNATIONAL_ORGANIZATION":
		e.Kind = eligibility.StateBody
	case "BRANCH":
		// made a branch by its IS_INTERNATIONAL_BRANCH_OF relationship, if any
	case "GENERAL", "":
	default:
		issue("EntityCategory", en.Category, importer.Unmapped, "unknown category: kind company")
	}
	if j := strings.TrimSpace(en.LegalJurisdiction); j != "" {
		if c, err := s.places.Code(j); err == nil {
			addRole(e, eligibility.Incorporation, c)
		} else {
			issue("LegalJurisdiction", j, importer.Unmapped, "jurisdiction not mapped: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
		}
	}
	hq := en.Headquarters
	if text := strings.TrimSpace(hq.Region); text != "" {
		if c, err := s.places.Code(text); err == nil && c.IsSubdivision() {
			addRole(e, eligibility.Headquarters, c)
			hq.Country = ""
		}
	}
	if text := strings.TrimSpace(hq.Country); text != "" {
		if c, err := s.places.Code(text); err == nil {
			addRole(e, eligibility.Headquarters, c)
		} else {
			issue("HeadquartersAddress.Country", text, importer.Unmapped, "country not mapped: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
		}
	}
	if a := en.Authority; a.EntityID != "" {
		ra := a.ID
		if ra == "" {
			ra = a.Other
		}
		if ra != "" {
			e.Identifiers = append(e.Identifiers, eligibility.Identifier{Scheme: "gleif-ra:" + ra, Value: a.EntityID})
		}
	}
	if en.Status != "" && en.Status != "ACTIVE" {
		issue("EntityStatus", en.Status, importer.Unmapped, "the model has no entity status: kept as any other entity")
	}
}

func addRole(e *eligibility.Entity, role eligibility.Role, code jurisdiction.Code) {
	for _, rc := range e.Jurisdictions {
		if rc.Role == role && rc.Code == code {
			return
		}
	}
	e.Jurisdictions = append(e.Jurisdictions, eligibility.RoleCode{Role: role, Code: code})
}

func addAlias(e *eligibility.Entity, name string) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, e.Name) {
		return
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, name) {
			return
		}
	}
	e.Aliases = append(e.Aliases, name)
}

// day reads a GLEIF date-time as its UTC day.
func day(s string) (eligibility.Date, error) {
	d, _, err := dates.ISO(s)
	return d, err
}
