package ofac

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/place"
	"github.com/eligo/eligo/eligibility/importer/internal/textenc"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// ErrNoPrimary is returned by [Import] when [Files.Primary] is nil.
var ErrNoPrimary = errors.New("ofac: no primary file (sdn.csv or cons_prim.csv)")

// Files are the readers of one OFAC legacy export. Only Primary is required.
type Files struct {
	Primary   io.Reader // sdn.csv or cons_prim.csv
	Addresses io.Reader // add.csv or cons_add.csv
	Aliases   io.Reader // alt.csv or cons_alt.csv
	Comments  io.Reader // sdn_comments.csv or cons_comments.csv
}

// Options tune an import. The zero value imports the SDN list.
type Options struct {
	// Consolidated says the files are the Consolidated non-SDN list: entries go to lists
	// by program (see the package documentation) and the report names the cons_*.csv
	// files.
	Consolidated bool
	// ProgramLists maps a program ("CMIC-EO13959") to the id of the list its entries go
	// to, overriding the defaults.
	ProgramLists map[string]string
	// LinkBasis, when valid, turns every resolved [importer.Link] whose entry is not an individual
	// into a control of that basis, the linked party controlling the entry. The zero value
	// keeps links as links.
	LinkBasis ownership.Basis
}

// List ids the importer writes.
const (
	ListSDN    = "ofac-sdn"     // Specially Designated Nationals and Blocked Persons
	ListNSCMIC = "ofac-ns-cmic" // Non-SDN Chinese Military-Industrial Complex Companies
	ListNSPLC  = "ofac-ns-plc"  // Non-SDN Palestinian Legislative Council
	ListSSI    = "ofac-ssi"     // Sectoral Sanctions Identifications
	ListFSE    = "ofac-fse"     // Foreign Sanctions Evaders
	ListCAPTA  = "ofac-capta"   // Correspondent Account or Payable-Through Account Sanctions
	ListCons   = "ofac-cons"    // other entries of the Consolidated non-SDN list
)

// Authority is the authority named on every list the importer writes.
const Authority = "US Treasury, Office of Foreign Assets Control"

var listNames = map[string]string{
	ListSDN:    "Specially Designated Nationals and Blocked Persons List (SDN)",
	ListNSCMIC: "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)",
	ListNSPLC:  "Non-SDN Palestinian Legislative Council List (NS-PLC)",
	ListSSI:    "Sectoral Sanctions Identifications List (SSI)",
	ListFSE:    "Foreign Sanctions Evaders List (FSE)",
	ListCAPTA:  "List of Foreign Financial Institutions Subject to Correspondent Account or Payable-Through Account Sanctions (CAPTA)",
	ListCons:   "Consolidated Sanctions List (non-SDN), other programs",
}

// ListName returns the name the importer gives a list id, or "" for an id it does not
// write by default.
func ListName(id string) string { return listNames[id] }

var consPrograms = map[string]string{
	"CMIC-EO13959":    ListNSCMIC,
	"NS-PLC":          ListNSPLC,
	"UKRAINE-EO13662": ListSSI,
	"FSE-IR":          ListFSE,
	"FSE-SY":          ListFSE,
	"561-Related":     ListCAPTA,
}

// Result is an import's data: entities and lists ready for [eligibility.NewWorld] (and
// controls, with [Options.LinkBasis]), and the links found, resolved or not.
type Result struct {
	eligibility.WorldData
	Links []importer.Link
}

type names struct{ primary, add, alt, comments string }

func fileNames(cons bool) names {
	if cons {
		return names{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}
	}
	return names{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}
}

// importer state
type state struct {
	opt    Options
	names  names
	rep    importer.Report
	res    Result
	byNum  map[string]int // ent_num -> index in res.Entities
	lines  []int          // primary line per entity
	kinds  []string       // raw type per entity
	places place.Resolver
	// per-entity entries: program and from date
	entries  [][]entry
	comments map[string]string
}

type entry struct {
	program string
	from    eligibility.Date
}

// Import reads one OFAC legacy export. It returns an error only when a reader fails or
// the primary file is missing; everything else the files hold is imported or reported.
// Import costs O(n) in the size of the files (the country of each distinct spelling is
// parsed once).
func Import(f Files, opt Options) (Result, importer.Report, error) {
	if f.Primary == nil {
		return Result{}, importer.Report{}, ErrNoPrimary
	}
	s := &state{opt: opt, names: fileNames(opt.Consolidated), byNum: map[string]int{}}
	read := func(r io.Reader, name string) ([]byte, error) {
		if r == nil {
			return nil, nil
		}
		b, err := textenc.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("ofac: reading %s: %w", name, err)
		}
		return textenc.Legacy(textenc.TrimEOF(b)), nil
	}
	prim, err := read(f.Primary, s.names.primary)
	if err != nil {
		return Result{}, importer.Report{}, err
	}
	comm, err := read(f.Comments, s.names.comments)
	if err != nil {
		return Result{}, importer.Report{}, err
	}
	alt, err := read(f.Aliases, s.names.alt)
	if err != nil {
		return Result{}, importer.Report{}, err
	}
	add, err := read(f.Addresses, s.names.add)
	if err != nil {
		return Result{}, importer.Report{}, err
	}
	s.readComments(comm)
	s.readPrimary(prim)
	s.readAliases(alt)
	s.readAddresses(add)
	s.resolveLinks()
	s.buildLists()
	return s.res, s.rep, nil
}

// rows calls fn for every record of a headerless CSV text, with its first line and
// fields; a record the CSV reader rejects is passed with err set.
func rows(text []byte, fn func(line int, rec []string, err error)) {
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			fn(line, nil, err)
			continue
		}
		line, _ := r.FieldPos(0)
		fn(line, rec, nil)
	}
}

// field returns a trimmed field with OFAC's "-0-" read as empty.
func field(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

func validNum(s string) bool {
	if s == "" || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (s *state) readComments(text []byte) {
	if len(text) == 0 {
		return
	}
	s.comments = map[string]string{}
	rows(text, func(line int, rec []string, err error) {
		src := s.names.comments
		switch {
		case err != nil:
			s.rep.Add(importer.Issue{Source: src, Line: line, Kind: importer.Invalid, Reason: "unreadable CSV record: " + err.Error()})
		case len(rec) != 2:
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: field(rec[0]), Kind: importer.Invalid, Reason: fmt.Sprintf("expected 2 fields, got %d", len(rec))})
		case !validNum(field(rec[0])):
			s.rep.Add(importer.Issue{Source: src, Line: line, Field: "ent_num", Value: rec[0], Kind: importer.Invalid, Reason: "not an entry number"})
		default:
			s.comments[field(rec[0])] += field(rec[1])
		}
	})
}

func (s *state) readPrimary(text []byte) {
	n := bytes.Count(text, []byte{'\n'}) + 1
	s.res.Entities = make([]eligibility.Entity, 0, n)
	s.entries = make([][]entry, 0, n)
	s.lines = make([]int, 0, n)
	s.kinds = make([]string, 0, n)
	src := s.names.primary
	firstLine := map[string]int{}
	rows(text, func(line int, rec []string, err error) {
		s.rep.Records++
		if err != nil {
			s.rep.Skip(src, line, "", "", "", "unreadable CSV record: "+err.Error())
			return
		}
		if len(rec) != 12 {
			s.rep.Skip(src, line, field(rec[0]), "", strings.Join(rec, ","), fmt.Sprintf("expected 12 fields, got %d", len(rec)))
			return
		}
		num := field(rec[0])
		if !validNum(num) {
			s.rep.Skip(src, line, num, "ent_num", rec[0], "not an entry number")
			return
		}
		if l, dup := firstLine[num]; dup {
			s.rep.Skip(src, line, num, "ent_num", num, fmt.Sprintf("repeated entry number (first on line %d)", l))
			return
		}
		name := field(rec[1])
		if name == "" {
			s.rep.Skip(src, line, num, "name", "", "no name")
			return
		}
		firstLine[num] = line
		s.rep.Imported++
		s.addEntity(line, num, rec)
	})
}

func (s *state) issue(line int, rec, fld, val string, kind importer.Kind, reason string) {
	s.rep.Add(importer.Issue{Source: s.names.primary, Line: line, Record: rec, Field: fld, Value: val, Kind: kind, Reason: reason})
}

func (s *state) addEntity(line int, num string, rec []string) {
	typ := strings.ToLower(field(rec[2]))
	e := eligibility.Entity{ID: "ofac:" + num, Name: field(rec[1])}
	switch typ {
	case "":
	case "individual":
		e.Kind = eligibility.Person
	case "vessel", "aircraft":
		e.Kind = eligibility.OtherKind
	default:
		e.Kind = eligibility.OtherKind
		s.issue(line, num, "type", rec[2], importer.Unmapped, "unknown entry type: kind other")
	}
	idx := len(s.res.Entities)
	s.byNum[num] = idx
	s.lines = append(s.lines, line)
	s.kinds = append(s.kinds, typ)

	var ents []entry
	for _, p := range splitPrograms(field(rec[3])) {
		ents = append(ents, entry{program: p})
	}
	if len(ents) == 0 {
		ents = []entry{{}}
		s.issue(line, num, "program", "", importer.Adjusted, "no program: one entry without a program")
	}

	if v := field(rec[4]); v != "" {
		s.issue(line, num, "title", v, importer.Unmapped, "titles have no place in the model")
	}
	for i, col := range [...]string{"call_sign", "vess_type", "tonnage", "grt"} {
		if v := field(rec[5+i]); v != "" {
			s.issue(line, num, col, v, importer.Unmapped, "vessel details have no place in the model")
		}
	}
	if flag := field(rec[9]); flag != "" {
		if c, err := s.places.Country(flag); err == nil {
			addJurisdiction(&e, eligibility.Incorporation, c)
		} else {
			s.countryIssue(line, num, "vess_flag", flag, err)
		}
	}
	if owner := field(rec[10]); owner != "" {
		s.res.Links = append(s.res.Links, importer.Link{Kind: importer.VesselOwner, From: e.ID, Name: owner})
	}
	remarks := field(rec[11])
	if c, ok := s.comments[num]; ok {
		remarks += c
		delete(s.comments, num)
	}
	s.res.Entities = append(s.res.Entities, e)
	s.entries = append(s.entries, ents)
	if remarks != "" {
		s.parseRemarks(idx, line, num, remarks)
	}
}

// splitPrograms splits "SDGT] [IRGC" (or "[SDGT] [IRGC]") into its programs.
func splitPrograms(f string) []string {
	if f == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(f, "] [") {
		p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), "[]"))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func addJurisdiction(e *eligibility.Entity, role eligibility.Role, code jurisdiction.Code) {
	for _, rc := range e.Jurisdictions {
		if rc.Role == role && rc.Code == code {
			return
		}
	}
	e.Jurisdictions = append(e.Jurisdictions, eligibility.RoleCode{Role: role, Code: code})
}

func (s *state) countryIssue(line int, rec, fld, val string, err error) {
	s.issue(line, rec, fld, val, countryKind(err), "country not mapped: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
}

// countryKind is the issue kind for a country that did not parse: ambiguous text is
// [importer.Ambiguous], anything else [importer.Unmapped].
func countryKind(err error) importer.Kind {
	if errors.Is(err, jurisdiction.ErrAmbiguous) {
		return importer.Ambiguous
	}
	return importer.Unmapped
}

func (s *state) readAliases(text []byte) {
	src := s.names.alt
	rows(text, func(line int, rec []string, err error) {
		switch {
		case err != nil:
			s.rep.Add(importer.Issue{Source: src, Line: line, Kind: importer.Invalid, Reason: "unreadable CSV record: " + err.Error()})
			return
		case len(rec) != 5:
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: field(rec[0]), Value: strings.Join(rec, ","), Kind: importer.Invalid, Reason: fmt.Sprintf("expected 5 fields, got %d", len(rec))})
			return
		}
		num := field(rec[0])
		idx, ok := s.byNum[num]
		if !ok {
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "ent_num", Value: field(rec[3]), Kind: importer.Unresolved, Reason: "alias of an entry the primary file does not hold"})
			return
		}
		name := field(rec[3])
		if name == "" {
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "alt_name", Kind: importer.Invalid, Reason: "empty alias"})
			return
		}
		switch t := strings.ToLower(field(rec[2])); t {
		case "aka", "fka", "nka", "":
		default:
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "alt_type", Value: rec[2], Kind: importer.Adjusted, Reason: "unknown alias type: kept as an alias"})
		}
		addAlias(&s.res.Entities[idx], name)
		if r := field(rec[4]); r != "" {
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "alt_remarks", Value: r, Kind: importer.Unmapped, Reason: "alias remarks have no place in the model"})
		}
	})
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

func (s *state) readAddresses(text []byte) {
	src := s.names.add
	street := 0
	rows(text, func(line int, rec []string, err error) {
		switch {
		case err != nil:
			s.rep.Add(importer.Issue{Source: src, Line: line, Kind: importer.Invalid, Reason: "unreadable CSV record: " + err.Error()})
			return
		case len(rec) != 6:
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: field(rec[0]), Value: strings.Join(rec, ","), Kind: importer.Invalid, Reason: fmt.Sprintf("expected 6 fields, got %d", len(rec))})
			return
		}
		num := field(rec[0])
		idx, ok := s.byNum[num]
		if !ok {
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "ent_num", Value: strings.Join(rec[2:5], ", "), Kind: importer.Unresolved, Reason: "address of an entry the primary file does not hold"})
			return
		}
		if field(rec[2]) != "" || field(rec[3]) != "" {
			street++
		}
		if c := field(rec[4]); c != "" {
			role := eligibility.Operations
			if s.kinds[idx] == "individual" {
				role = eligibility.Residence
			}
			if code, err := s.places.Country(c); err == nil {
				addJurisdiction(&s.res.Entities[idx], role, code)
			} else {
				s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "country", Value: c, Kind: countryKind(err), Reason: "country not mapped: " + strings.TrimPrefix(err.Error(), "jurisdiction: ")})
			}
		}
		if r := field(rec[5]); r != "" {
			s.rep.Add(importer.Issue{Source: src, Line: line, Record: num, Field: "add_remarks", Value: r, Kind: importer.Unmapped, Reason: "address remarks have no place in the model"})
		}
	})
	if street > 0 {
		s.rep.Add(importer.Issue{Source: src, Field: "address, city", Kind: importer.Unmapped,
			Reason: fmt.Sprintf("street and city have no place in the model: left out of %d address rows (the country is kept)", street)})
	}
}

func (s *state) buildLists() {
	order := []string{}
	byID := map[string]*eligibility.List{}
	get := func(id string) *eligibility.List {
		if l, ok := byID[id]; ok {
			return l
		}
		name := listNames[id]
		if name == "" {
			name = id
		}
		byID[id] = &eligibility.List{ID: id, Name: name, Authority: Authority}
		order = append(order, id)
		return byID[id]
	}
	for i, ents := range s.entries {
		id := s.res.Entities[i].ID
		for _, en := range ents {
			l := get(s.listOf(en.program))
			l.Entries = append(l.Entries, eligibility.Entry{Entity: id, Program: en.program, Valid: eligibility.Interval{From: en.from}})
		}
	}
	for _, id := range order {
		s.res.Lists = append(s.res.Lists, *byID[id])
	}
}

func (s *state) listOf(program string) string {
	if l, ok := s.opt.ProgramLists[program]; ok && l != "" {
		return l
	}
	if !s.opt.Consolidated {
		return ListSDN
	}
	if l, ok := consPrograms[program]; ok {
		return l
	}
	return ListCons
}
