package bods

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/dates"
	"github.com/eligo/eligo/eligibility/importer/internal/place"
	"github.com/eligo/eligo/ownership"
)

// Options tune an import. The zero value is ready to use.
type Options struct {
	// Source names the input in the report; "" means "bods".
	Source string
	// Prefix is put before record ids to make entity ids; "" means "bods:".
	Prefix string
}

// Result is an import's data, ready for [eligibility.NewWorld].
type Result struct {
	eligibility.WorldData
}

// schemeMap maps BODS identifier schemes (org-id.guide codes) to the schemes the other
// importers write, so that [importer.Merge] can match them: "XI-LEI" is an LEI. Any other
// scheme is kept as written.
var schemeMap = map[string]string{
	"XI-LEI": eligibility.SchemeLEI,
}

type record struct {
	id    string
	typ   string
	stmts []*statement
	// parties
	ent     int  // index in res.Entities, or -1
	unknown bool // an unspecified (anonymous or unknown) party
	why     string
}

type state struct {
	opt       Options
	src       string
	rep       importer.Report
	res       Result
	records   map[string]*record
	order     []*record
	places    place.Resolver
	partial   map[int]bool // entity index -> already marked partial
	notes     map[noteKey]*noteVal
	noteOrder []noteKey
	meta      []stakeMeta // per stake in res.Stakes
	edges     map[string][]edge
}

type stakeMeta struct {
	declared eligibility.Date
	record   string
}

type edge struct {
	to, rec string
}

// Import reads a BODS 0.4 file: a JSON array of statements (a BODS package), a single
// statement, or one statement per line (JSON Lines). It returns an error only when the
// reader fails; JSON it cannot read is reported (after a syntax error, the rest of the
// input is reported as unread). Import costs O(n log n) in the number of statements, plus
// a bounded search per indirect interest.
func Import(r io.Reader, opt Options) (Result, importer.Report, error) {
	s := &state{opt: opt, src: opt.Source, records: map[string]*record{}, partial: map[int]bool{}, edges: map[string][]edge{}, notes: map[noteKey]*noteVal{}}
	if s.src == "" {
		s.src = "bods"
	}
	if s.opt.Prefix == "" {
		s.opt.Prefix = "bods:"
	}
	err := readStatements(r, s.add, func(f readFailure) {
		s.rep.Records++
		reason := fmt.Sprintf("unreadable statement at byte %d: %v", f.offset, f.err)
		if f.fatal {
			reason += "; the rest of the input is not read"
		}
		s.rep.Skip(s.src, 0, fmt.Sprintf("#%d", f.index), "", "", reason)
	})
	if err != nil {
		return Result{}, importer.Report{}, fmt.Errorf("bods: reading: %w", err)
	}
	parties, interests := 0, 0
	for _, rec := range s.order {
		s.sortStatements(rec)
		if rec.typ == "relationship" {
			for _, st := range rec.stmts {
				interests += len(st.Details.Interests)
			}
		} else {
			parties++
		}
	}
	s.res.Entities = make([]eligibility.Entity, 0, parties)
	s.res.Stakes = make([]eligibility.Stake, 0, interests)
	s.meta = make([]stakeMeta, 0, interests)
	for _, rec := range s.order {
		if rec.typ != "relationship" {
			s.party(rec)
		}
	}
	s.buildEdges()
	for _, rec := range s.order {
		if rec.typ == "relationship" {
			s.relationship(rec)
		}
	}
	s.repairOverflows()
	s.flushNotes()
	return s.res, s.rep, nil
}

func (s *state) stmtRec(st *statement) string {
	if st.StatementID != "" {
		return st.StatementID
	}
	return fmt.Sprintf("#%d", st.index)
}

func (s *state) issue(st *statement, field, value string, kind importer.Kind, reason string) {
	s.rep.Add(importer.Issue{Source: s.src, Record: s.stmtRec(st), Field: field, Value: value, Kind: kind, Reason: reason})
}

// at formats the field path name[i].sub (sub may be empty), only when an issue needs it.
func at(name string, i int, sub string) string {
	f := name + "[" + strconv.Itoa(i) + "]"
	if sub != "" {
		f += "." + sub
	}
	return f
}

// note counts an issue that reads every record the same way (a field the model has no
// place for, an exclusive bound): the report gets one issue per kind of note, naming the
// first statement and the count, instead of one per statement.
func (s *state) note(st *statement, field, value string, kind importer.Kind, reason string) {
	k := noteKey{field, kind, reason}
	n, ok := s.notes[k]
	if !ok {
		n = &noteVal{first: s.stmtRec(st), value: value}
		s.notes[k] = n
		s.noteOrder = append(s.noteOrder, k)
	}
	n.count++
}

type noteKey struct {
	field  string
	kind   importer.Kind
	reason string
}

type noteVal struct {
	first, value string
	count        int
}

func (s *state) flushNotes() {
	for _, k := range s.noteOrder {
		n := s.notes[k]
		reason := k.reason
		if n.count > 1 {
			reason = fmt.Sprintf("%s (%d statements, the first named here)", reason, n.count)
		}
		s.rep.Add(importer.Issue{Source: s.src, Record: n.first, Field: k.field, Value: n.value, Kind: k.kind, Reason: reason})
	}
}

func (s *state) skip(st *statement, field, value, reason string) {
	s.rep.Skip(s.src, 0, s.stmtRec(st), field, value, reason)
}

// add files a statement under its record.
func (s *state) add(st *statement) {
	s.rep.Records++
	switch st.RecordType {
	case "entity", "person", "relationship":
	case "":
		s.skip(st, "recordType", "", "no recordType: not a BODS 0.4 statement")
		return
	default:
		s.skip(st, "recordType", st.RecordType, "unknown record type")
		return
	}
	if st.RecordID == "" {
		s.skip(st, "recordId", "", "no recordId")
		return
	}
	rec := s.records[st.RecordID]
	if rec == nil {
		rec = &record{id: st.RecordID, typ: st.RecordType, ent: -1}
		s.records[st.RecordID] = rec
		s.order = append(s.order, rec)
	} else if rec.typ != st.RecordType {
		s.skip(st, "recordType", st.RecordType, fmt.Sprintf("record %s is a %s record in an earlier statement", st.RecordID, rec.typ))
		return
	}
	rec.stmts = append(rec.stmts, st)
}

// sortStatements orders a record's statements by statement date, keeping input order
// among equal dates; if any statement lacks a readable date, input order is kept.
func (s *state) sortStatements(rec *record) {
	if len(rec.stmts) < 2 {
		return
	}
	ds := make([]eligibility.Date, len(rec.stmts))
	for i, st := range rec.stmts {
		if st.StatementDate == "" {
			return
		}
		d, _, err := dates.ISO(st.StatementDate)
		if err != nil {
			s.issue(st, "statementDate", st.StatementDate, importer.Invalid, "not a date: the record's statements keep their input order")
			return
		}
		ds[i] = d
		st.date = d
	}
	slices.SortStableFunc(rec.stmts, func(a, b *statement) int { return int(a.date) - int(b.date) })
}

func (s *state) statementDate(st *statement) eligibility.Date {
	if st.date != 0 {
		return st.date
	}
	d, _, err := dates.ISO(st.StatementDate)
	if err != nil {
		return 0
	}
	return d
}

// party makes an entity of an entity or person record from its latest statement.
func (s *state) party(rec *record) {
	last := rec.stmts[len(rec.stmts)-1]
	d := &last.Details
	if rec.typ == "entity" {
		t := ""
		if d.EntityType != nil {
			t = d.EntityType.Type
		}
		if t == "anonymousEntity" || t == "unknownEntity" {
			rec.unknown, rec.why = true, "an "+t
		}
	} else if d.PersonType == "anonymousPerson" || d.PersonType == "unknownPerson" {
		rec.unknown, rec.why = true, "an "+d.PersonType
	}
	if rec.unknown {
		for _, st := range rec.stmts {
			s.skip(st, "", rec.id, rec.why+" is not an entity: the subjects of its relationships are marked partially disclosed")
		}
		return
	}
	e := eligibility.Entity{ID: s.opt.Prefix + rec.id}
	if rec.typ == "entity" {
		s.entity(&e, last)
	} else {
		s.person(&e, last)
	}
	// Earlier names are aliases.
	for _, st := range rec.stmts[:len(rec.stmts)-1] {
		if rec.typ == "entity" {
			addAlias(&e, st.Details.Name)
			for _, a := range st.Details.AlternateNames {
				addAlias(&e, a)
			}
		} else {
			for _, n := range st.Details.Names {
				addAlias(&e, n.full())
			}
		}
	}
	if last.RecordStatus == "closed" {
		s.issue(last, "recordStatus", "closed", importer.Unmapped, fmt.Sprintf("the %s was closed on %s; the model keeps it (its relationships carry their own dates)", rec.typ, last.StatementDate))
	}
	rec.ent = len(s.res.Entities)
	s.res.Entities = append(s.res.Entities, e)
	s.rep.Imported += len(rec.stmts)
}

func (n personName) full() string {
	if n.FullName != "" {
		return n.FullName
	}
	return strings.TrimSpace(n.GivenName + " " + n.FamilyName)
}

func (s *state) entity(e *eligibility.Entity, st *statement) {
	d := &st.Details
	e.Name = d.Name
	t := ""
	if d.EntityType != nil {
		t = d.EntityType.Type
	}
	switch t {
	case "registeredEntity", "legalEntity", "":
		e.Kind = eligibility.Company
	case "arrangement":
		e.Kind = eligibility.OtherKind
	case "state", "stateBody":
		e.Kind = eligibility.StateBody
	default:
		e.Kind = eligibility.OtherKind
		s.issue(st, "entityType.type", t, importer.Adjusted, "unknown entity type: kind other")
	}
	for _, a := range d.AlternateNames {
		addAlias(e, a)
	}
	if d.Jurisdiction != nil {
		s.country(e, st, "jurisdiction", -1, eligibility.Incorporation, d.Jurisdiction)
	}
	for i, a := range d.Addresses {
		switch {
		case a.Country == nil:
		case a.Type == "registered":
			s.country(e, st, "addresses", i, eligibility.Incorporation, a.Country)
		case a.Type == "business":
			s.country(e, st, "addresses", i, eligibility.Operations, a.Country)
		default:
			s.issue(st, at("addresses", i, "type"), a.Type, importer.Unmapped, "an entity address of this type gives no jurisdiction role")
		}
	}
	s.identifiers(e, st, d.Identifiers)
	if d.PublicListing != nil {
		for i, l := range d.PublicListing.SecuritiesListings {
			if strings.EqualFold(l.Security.IDScheme, "ISIN") && l.Security.ID != "" {
				addIdentifier(e, eligibility.Identifier{Scheme: "isin", Value: strings.ToUpper(l.Security.ID)})
			} else if l.Security.ID != "" {
				s.issue(st, at("publicListing.securitiesListings", i, ""), l.Security.ID, importer.Unmapped, "a security identifier other than an ISIN")
			}
		}
	}
	if d.FoundingDate != "" {
		s.note(st, "foundingDate", d.FoundingDate, importer.Unmapped, "no place in the model")
	}
	if d.DissolutionDate != "" {
		s.note(st, "dissolutionDate", d.DissolutionDate, importer.Unmapped, "no place in the model; the entity's relationships carry their own dates")
	}
}

func (s *state) person(e *eligibility.Entity, st *statement) {
	d := &st.Details
	e.Kind = eligibility.Person
	switch d.PersonType {
	case "knownPerson", "":
	default:
		s.issue(st, "personType", d.PersonType, importer.Adjusted, "unknown person type: taken as a known person")
	}
	pick := -1
	for i, n := range d.Names {
		if n.Type == "legal" && n.full() != "" {
			pick = i
			break
		}
	}
	if pick < 0 {
		for i, n := range d.Names {
			if n.full() != "" {
				pick = i
				break
			}
		}
	}
	if pick >= 0 {
		e.Name = d.Names[pick].full()
	}
	for i, n := range d.Names {
		if i != pick {
			addAlias(e, n.full())
		}
	}
	for i := range d.Nationalities {
		s.country(e, st, "nationalities", i, eligibility.Nationality, &d.Nationalities[i])
	}
	for i := range d.TaxResidencies {
		s.country(e, st, "taxResidencies", i, eligibility.Residence, &d.TaxResidencies[i])
	}
	for i, a := range d.Addresses {
		switch {
		case a.Country == nil:
		case a.Type == "residence":
			s.country(e, st, "addresses", i, eligibility.Residence, a.Country)
		default:
			s.issue(st, at("addresses", i, "type"), a.Type, importer.Unmapped, "a person's address of this type gives no jurisdiction role")
		}
	}
	s.identifiers(e, st, d.Identifiers)
	if d.BirthDate != "" {
		s.note(st, "birthDate", d.BirthDate, importer.Unmapped, "no place in the model")
	}
	if len(d.PlaceOfBirth) > 0 && string(d.PlaceOfBirth) != "null" {
		s.note(st, "placeOfBirth", string(d.PlaceOfBirth), importer.Unmapped, "no place in the model")
	}
	if len(d.PoliticalExposure) > 0 && string(d.PoliticalExposure) != "null" {
		s.note(st, "politicalExposure", string(d.PoliticalExposure), importer.Unmapped, "no place in the model")
	}
}

func (s *state) country(e *eligibility.Entity, st *statement, name string, i int, role eligibility.Role, c *country) {
	text := c.Code
	if text == "" {
		text = c.Name
	}
	if text == "" {
		return
	}
	code, err := s.places.Code(text)
	if err != nil && c.Code != "" && c.Name != "" {
		code, err = s.places.Country(c.Name)
	}
	if err != nil {
		fld := name
		if i >= 0 {
			fld = at(name, i, "")
		}
		s.issue(st, fld, text, importer.Unmapped, "jurisdiction not mapped: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
		return
	}
	for _, rc := range e.Jurisdictions {
		if rc.Role == role && rc.Code == code {
			return
		}
	}
	e.Jurisdictions = append(e.Jurisdictions, eligibility.RoleCode{Role: role, Code: code})
}

func (s *state) identifiers(e *eligibility.Entity, st *statement, ids []identifier) {
	for i, id := range ids {
		fld := func() string { return at("identifiers", i, "") }
		v := strings.TrimSpace(id.ID)
		if v == "" {
			s.issue(st, fld(), id.Scheme, importer.Invalid, "identifier without an id")
			continue
		}
		scheme := strings.TrimSpace(id.Scheme)
		if m, ok := schemeMap[strings.ToUpper(scheme)]; ok {
			scheme = m
			v = strings.ToUpper(v)
		}
		if scheme == "" {
			scheme = strings.TrimSpace(id.SchemeName)
		}
		if scheme == "" {
			s.issue(st, fld(), v, importer.Unmapped, "identifier without a scheme")
			continue
		}
		x := eligibility.Identifier{Scheme: scheme, Value: v}
		if err := eligibility.CheckIdentifier(x); err != nil {
			s.issue(st, fld(), v, importer.Invalid, strings.TrimPrefix(err.Error(), "eligibility: "))
			continue
		}
		addIdentifier(e, x)
	}
}

func addIdentifier(e *eligibility.Entity, id eligibility.Identifier) {
	for _, x := range e.Identifiers {
		if x == id {
			return
		}
	}
	e.Identifiers = append(e.Identifiers, id)
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

// markPartial marks an entity partially disclosed, once.
func (s *state) markPartial(ent int) {
	if s.partial[ent] {
		return
	}
	s.partial[ent] = true
	s.res.Entities[ent].Disclosure = ownership.Partial
}
