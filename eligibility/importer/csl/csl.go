package csl

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/dates"
	"github.com/eligo/eligo/eligibility/importer/internal/idlabel"
	"github.com/eligo/eligo/eligibility/importer/internal/links"
	"github.com/eligo/eligo/eligibility/importer/internal/place"
	"github.com/eligo/eligo/eligibility/importer/internal/textenc"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// ErrHeader is returned by [Import] when the first line is not a CSL header naming at
// least the _id, source and name columns.
var ErrHeader = errors.New("csl: no header with _id, source and name")

// Options tune an import. The zero value uses the default list ids.
type Options struct {
	// SourceLists maps a source's abbreviation ("SDN", "EL", "NS-MBS List") or its full
	// name to the id of the list its rows go to, overriding the defaults.
	SourceLists map[string]string
	// LinkBasis, when valid, turns every resolved [importer.Link] whose entry is not an
	// individual into a control of that basis, the linked party controlling the entry.
	LinkBasis ownership.Basis
}

// Result is an import's data, ready for [eligibility.NewWorld], and the links found.
type Result struct {
	eligibility.WorldData
	Links []importer.Link
}

// Source is the name the report gives the input.
const Source = "csl.csv"

var defaultLists = map[string]string{
	"SDN":         "ofac-sdn",
	"SSI":         "ofac-ssi",
	"PLC":         "ofac-ns-plc",
	"CMIC":        "ofac-ns-cmic",
	"NS-MBS List": "ofac-ns-mbs",
	"FSE":         "ofac-fse",
	"CAP":         "ofac-capta",
	"EL":          "bis-entity-list",
	"DPL":         "bis-denied-persons",
	"UVL":         "bis-unverified",
	"MEU":         "bis-meu",
	"ISN":         "state-isn",
	"DTC":         "state-dtc",
}

// The columns the importer reads.
var columns = []string{
	"_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
	"start_date", "end_date", "call_sign", "vessel_type", "gross_tonnage",
	"gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "alt_names",
	"citizenships", "dates_of_birth", "nationalities", "places_of_birth", "ids",
}

const (
	cID = iota
	cSource
	cNumber
	cType
	cPrograms
	cName
	cTitle
	cAddresses
	cStart
	cEnd
	cCallSign
	cVesselType
	cTonnage
	cGRT
	cFlag
	cOwner
	cRemarks
	cAltNames
	cCitizenships
	cDOB
	cNationalities
	cPOB
	cIDs
	numCols
)

type state struct {
	opt    Options
	rep    importer.Report
	res    Result
	col    [numCols]int // index of each column in the file, or -1
	byID   map[string]int
	lists  map[string]int // list id -> index in res.Lists
	srcs   map[string]string
	places place.Resolver
	line   int
	rec    string
	kinds  []string
}

// Import reads a Consolidated Screening List CSV file. It returns an error only when the
// reader fails or the first line is not a CSL header; every row after it is imported or
// reported. Import costs O(n) in the size of the file.
func Import(r io.Reader, opt Options) (Result, importer.Report, error) {
	b, err := textenc.ReadAll(r)
	if err != nil {
		return Result{}, importer.Report{}, fmt.Errorf("csl: reading: %w", err)
	}
	s := &state{opt: opt, byID: map[string]int{}, lists: map[string]int{}, srcs: map[string]string{}}
	cr := csv.NewReader(bytes.NewReader(textenc.UTF8(b)))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return Result{}, importer.Report{}, ErrHeader
	}
	if !s.mapHeader(header) {
		return Result{}, importer.Report{}, ErrHeader
	}
	cr.ReuseRecord = true
	lastErr := -1 // index in the report of the last unreadable record, while no record follows it
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		s.rep.Records++
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			id := ""
			if len(rec) > 0 {
				id = rec[0]
			}
			reason := "unreadable CSV record: " + err.Error()
			lastErr = len(s.rep.Issues)
			s.rep.Skip(Source, line, id, "", "", reason)
			continue
		}
		lastErr = -1
		s.line, _ = cr.FieldPos(0)
		s.row(rec)
	}
	if lastErr >= 0 && strings.Contains(s.rep.Issues[lastErr].Reason, csv.ErrQuote.Error()) {
		s.rep.Issues[lastErr].Reason = "the last record is cut off: the file ends inside a quoted field"
	}
	s.resolveLinks()
	return s.res, s.rep, nil
}

func (s *state) mapHeader(h []string) bool {
	for i := range s.col {
		s.col[i] = -1
	}
	for i, name := range h {
		name = strings.TrimSpace(name)
		for c, want := range columns {
			if name == want {
				s.col[c] = i
			}
		}
	}
	return s.col[cID] >= 0 && s.col[cSource] >= 0 && s.col[cName] >= 0
}

func (s *state) get(rec []string, c int) string {
	i := s.col[c]
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func (s *state) issue(fld, val string, kind importer.Kind, reason string) {
	s.rep.Add(importer.Issue{Source: Source, Line: s.line, Record: s.rec, Field: fld, Value: val, Kind: kind, Reason: reason})
}

func (s *state) row(rec []string) {
	id := s.get(rec, cID)
	s.rec = id
	if id == "_id" && s.get(rec, cSource) == "source" {
		s.rep.Skip(Source, s.line, "", "", "", "the header repeated as a data row")
		return
	}
	want := 0
	for _, i := range s.col {
		want = max(want, i+1)
	}
	if len(rec) < want {
		s.rep.Skip(Source, s.line, id, "", strings.Join(rec, ","), fmt.Sprintf("expected %d fields, got %d", want, len(rec)))
		return
	}
	if id == "" {
		s.rep.Skip(Source, s.line, "", "_id", "", "no _id")
		return
	}
	name, source := s.get(rec, cName), s.get(rec, cSource)
	if name == "" {
		s.rep.Skip(Source, s.line, id, "name", "", "no name")
		return
	}
	if source == "" {
		s.rep.Skip(Source, s.line, id, "source", "", "no source: the row belongs to no list")
		return
	}
	s.rep.Imported++
	eid := "csl:" + id
	if n := s.get(rec, cNumber); n != "" && allDigits(n) {
		eid = "ofac:" + n
	}
	idx, seen := s.byID[eid]
	if !seen {
		idx = len(s.res.Entities)
		s.byID[eid] = idx
		s.res.Entities = append(s.res.Entities, eligibility.Entity{ID: eid, Name: name})
		s.kinds = append(s.kinds, "")
	}
	e := &s.res.Entities[idx]
	if seen {
		addAlias(e, name)
	}
	typ := strings.ToLower(s.get(rec, cType))
	kind := eligibility.OtherKind
	switch typ {
	case "individual":
		kind = eligibility.Person
	case "entity":
		kind = eligibility.Company
	case "vessel", "":
	default:
		s.issue("type", typ, importer.Unmapped, "unknown type: kind other")
	}
	if !seen || (e.Kind == eligibility.OtherKind && typ != "") {
		e.Kind = kind
		s.kinds[idx] = typ
	}

	for _, a := range splitList(s.get(rec, cAltNames)) {
		addAlias(e, a)
	}
	role := eligibility.Operations
	if e.Kind == eligibility.Person {
		role = eligibility.Residence
	}
	for _, addr := range splitList(s.get(rec, cAddresses)) {
		country := addr
		if i := strings.LastIndex(addr, ","); i >= 0 {
			country = strings.TrimSpace(addr[i+1:])
		}
		s.country(e, role, "addresses", country, addr)
	}
	for _, c := range []int{cCitizenships, cNationalities} {
		for _, code := range splitList(s.get(rec, c)) {
			s.country(e, eligibility.Nationality, columns[c], code, code)
		}
	}
	if flag := s.get(rec, cFlag); flag != "" {
		s.country(e, eligibility.Incorporation, "vessel_flag", flag, flag)
	}
	for _, c := range []int{cTitle, cCallSign, cVesselType, cTonnage, cGRT, cDOB, cPOB} {
		if v := s.get(rec, c); v != "" {
			s.issue(columns[c], v, importer.Unmapped, "no place in the model")
		}
	}
	if owner := s.get(rec, cOwner); owner != "" {
		s.res.Links = append(s.res.Links, importer.Link{Kind: importer.VesselOwner, From: eid, Name: owner})
	}
	s.remarks(eid, s.get(rec, cRemarks))
	listingDate := s.ids(e, s.get(rec, cIDs), s.kinds[idx] == "vessel")

	valid := s.interval(s.get(rec, cStart), s.get(rec, cEnd))
	if valid.From == 0 && listingDate != 0 && (valid.Until == 0 || listingDate < valid.Until) {
		valid.From = listingDate
	}
	l := s.list(source)
	programs := splitList(s.get(rec, cPrograms))
	if len(programs) == 0 {
		programs = []string{""}
	}
	for _, p := range programs {
		en := eligibility.Entry{Entity: eid, Valid: valid, Program: p}
		dup := false
		for _, x := range l.Entries {
			if x == en {
				dup = true
				break
			}
		}
		if !dup {
			l.Entries = append(l.Entries, en)
		}
	}
}

func (s *state) country(e *eligibility.Entity, role eligibility.Role, fld, text, whole string) {
	if text == "" {
		return
	}
	code, err := s.places.Country(text)
	if err != nil {
		kind := importer.Unmapped
		if errors.Is(err, jurisdiction.ErrAmbiguous) {
			kind = importer.Ambiguous
		}
		s.issue(fld, whole, kind, "country not mapped: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
		return
	}
	for _, rc := range e.Jurisdictions {
		if rc.Role == role && rc.Code == code {
			return
		}
	}
	e.Jurisdictions = append(e.Jurisdictions, eligibility.RoleCode{Role: role, Code: code})
}

func (s *state) interval(start, end string) eligibility.Interval {
	var iv eligibility.Interval
	if start != "" {
		d, p, err := dates.ISO(start)
		switch {
		case err != nil:
			s.issue("start_date", start, importer.Invalid, "not a date: the entry has no start")
		case p != dates.Day:
			s.issue("start_date", start, importer.Adjusted, "a partial date: the entry starts on the first day of the period")
			iv.From = d
		default:
			iv.From = d
		}
	}
	if end != "" {
		d, _, err := dates.ISO(end)
		switch {
		case err != nil:
			s.issue("end_date", end, importer.Invalid, "not a date: the entry has no end")
		default:
			iv.Until = d + 1
			if iv.IsEmpty() {
				s.issue("end_date", end, importer.Invalid, "ends before it starts: the end is dropped")
				iv.Until = 0
			}
		}
	}
	return iv
}

func (s *state) list(source string) *eligibility.List {
	id, ok := s.srcs[source]
	if !ok {
		abbr, authority := parseSource(source)
		id = s.opt.SourceLists[source]
		if id == "" {
			id = s.opt.SourceLists[abbr]
		}
		if id == "" {
			id = defaultLists[abbr]
		}
		if id == "" {
			slug := idlabel.Slug(abbr)
			if slug == "" {
				slug = idlabel.Slug(source)
			}
			id = "csl:" + slug
			s.rep.Add(importer.Issue{Source: Source, Line: s.line, Record: s.rec, Field: "source", Value: source, Kind: importer.Adjusted, Reason: "a source the importer does not know: its rows go to list " + id})
		}
		s.srcs[source] = id
		if _, ok := s.lists[id]; !ok {
			s.lists[id] = len(s.res.Lists)
			s.res.Lists = append(s.res.Lists, eligibility.List{ID: id, Name: source, Authority: authority})
		}
	}
	return &s.res.Lists[s.lists[id]]
}

// parseSource splits "Entity List (EL) - Bureau of Industry and Security" into "EL" and
// "Bureau of Industry and Security".
func parseSource(source string) (abbr, authority string) {
	name := source
	if i := strings.LastIndex(source, " - "); i >= 0 {
		name, authority = source[:i], strings.TrimSpace(source[i+3:])
	}
	if j := strings.LastIndexByte(name, ')'); j >= 0 {
		if i := strings.LastIndexByte(name[:j], '('); i >= 0 {
			abbr = strings.TrimSpace(name[i+1 : j])
		}
	}
	return abbr, authority
}

// remarks turns "Linked To: X" parts into links and reports the rest.
func (s *state) remarks(eid, text string) {
	if text == "" {
		return
	}
	rest := text
	found := false
	for {
		i := strings.Index(rest, "Linked To: ")
		if i < 0 {
			break
		}
		found = true
		after := rest[i+len("Linked To: "):]
		end := linkEnd(after)
		name := strings.TrimSpace(after[:end])
		if name != "" {
			s.res.Links = append(s.res.Links, importer.Link{Kind: importer.LinkedTo, From: eid, Name: name})
		}
		rest = after[end:]
	}
	reason := "no place in the model"
	if found {
		reason = "its Linked To parts became links; the rest has no place in the model"
	}
	s.issue("remarks", text, importer.Unmapped, reason)
}

// linkEnd returns where the name after "Linked To: " ends: at a ";" or at the ")" that
// closes the remark's parenthesis, whichever comes first; parentheses inside the name
// ("CORPS (IRGC)") are kept.
func linkEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		case ';':
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// ids maps the "Type, value[, CC]; …" column and returns the CMIC listing date if any.
func (s *state) ids(e *eligibility.Entity, text string, vessel bool) eligibility.Date {
	var listing eligibility.Date
	for _, item := range splitList(text) {
		parts := strings.Split(item, ", ")
		label := strings.TrimSpace(parts[0])
		if label == "Listing Date (CMIC)" && len(parts) >= 2 {
			d, _, err := dates.ISO(parts[1])
			if err != nil {
				s.issue("ids", item, importer.Invalid, "listing date is not a date")
				continue
			}
			listing = d
			continue
		}
		spec, ok := idlabel.Lookup(label)
		if !ok || len(parts) < 2 {
			s.issue("ids", item, importer.Unmapped, "not an identifier of the party, or an identifier type the importer does not know")
			continue
		}
		cc := ""
		vals := parts[1:]
		if len(vals) >= 2 && isCode(vals[len(vals)-1]) {
			cc = vals[len(vals)-1]
			vals = vals[:len(vals)-1]
			if c, err := jurisdiction.Parse(cc); err == nil {
				cc = c.String()
			} else if !spec.Global {
				s.issue("ids", item, importer.Unmapped, "issuing country not mapped, identifier kept without it")
				cc = ""
			}
		}
		if spec.Global {
			cc = ""
		}
		id, p := idlabel.Make(spec, strings.Join(vals, ", "), cc, vessel)
		if p != nil {
			kind := importer.Invalid
			if p.Ambiguous {
				kind = importer.Ambiguous
			}
			s.issue("ids", item, kind, label+": "+p.Reason)
			continue
		}
		dup := false
		for _, x := range e.Identifiers {
			if x == id {
				dup = true
				break
			}
		}
		if !dup {
			e.Identifiers = append(e.Identifiers, id)
		}
	}
	return listing
}

func (s *state) resolveLinks() {
	byID := func(id string) int { return s.byID[id] }
	links.Resolve(s.res.Links, s.res.Entities, byID, func(i int, o links.Outcome, cands []string) {
		l := s.res.Links[i]
		fld := "remarks"
		if l.Kind == importer.VesselOwner {
			fld = "vessel_owner"
		}
		is := importer.Issue{Source: Source, Record: l.From, Field: fld, Value: l.Name}
		switch o {
		case links.Self:
			is.Kind, is.Reason = importer.Adjusted, l.Kind.String()+": names the entry itself: left unresolved"
		case links.None:
			is.Kind, is.Reason = importer.Unresolved, l.Kind.String()+": names no entry of this file"
		case links.Several:
			is.Kind, is.Reason = importer.Ambiguous, l.Kind.String()+": names several entries: "+strings.Join(cands, ", ")
		}
		s.rep.Add(is)
	})
	if s.opt.LinkBasis.IsValid() {
		s.res.Controls = append(s.res.Controls, links.Controls(s.res.Links, s.res.Entities, byID, s.opt.LinkBasis)...)
	}
}

// splitList splits a "; "-separated cell, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func addAlias(e *eligibility.Entity, name string) {
	if strings.EqualFold(name, e.Name) {
		return
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, name) {
			return
		}
	}
	e.Aliases = append(e.Aliases, name)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isCode(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
