package bods

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/eligo/eligo/eligibility"
)

// statement is one BODS 0.4 statement, with the fields of all three record types.
type statement struct {
	StatementID   string  `json:"statementId"`
	StatementDate string  `json:"statementDate"`
	RecordID      string  `json:"recordId"`
	RecordType    string  `json:"recordType"`
	RecordStatus  string  `json:"recordStatus"`
	Details       details `json:"recordDetails"`

	// set by the reader
	index int              // position in the input
	date  eligibility.Date // the statement date, once read
}

// details are a statement's recordDetails. The fields of each record type sit in their own
// part, allocated only when the statement has them (a BODS file holds millions of
// statements); a part a statement lacks points to a shared zero value, never written, so
// that its fields read as empty.
type details struct {
	*entityPart
	*personPart
	*relPart
	// entities and persons
	Identifiers []identifier `json:"identifiers"`
	Addresses   []address    `json:"addresses"`
}

type entityPart struct {
	EntityType      *entityType     `json:"entityType"`
	Name            string          `json:"name"`
	AlternateNames  []string        `json:"alternateNames"`
	Jurisdiction    *country        `json:"jurisdiction"`
	FoundingDate    string          `json:"foundingDate"`
	DissolutionDate string          `json:"dissolutionDate"`
	PublicListing   *publicListing  `json:"publicListing"`
	Unspecified     json.RawMessage `json:"unspecifiedEntityDetails"`
}

type personPart struct {
	PersonType        string          `json:"personType"`
	Names             []personName    `json:"names"`
	Nationalities     []country       `json:"nationalities"`
	TaxResidencies    []country       `json:"taxResidencies"`
	BirthDate         string          `json:"birthDate"`
	PlaceOfBirth      json.RawMessage `json:"placeOfBirth"`
	PoliticalExposure json.RawMessage `json:"politicalExposure"`
	UnspecifiedPerson json.RawMessage `json:"unspecifiedPersonDetails"`
}

type relPart struct {
	Subject          partyRef   `json:"subject"`
	InterestedParty  partyRef   `json:"interestedParty"`
	Interests        []interest `json:"interests"`
	ComponentRecords []string   `json:"componentRecords"`
	ComponentIDs     []string   `json:"componentStatementIDs"`
}

// The parts a statement lacks: read, never written.
var (
	noEntity entityPart
	noPerson personPart
	noRel    relPart
)

// fillParts points the missing parts at the shared empty ones.
func (d *details) fillParts() {
	if d.entityPart == nil {
		d.entityPart = &noEntity
	}
	if d.personPart == nil {
		d.personPart = &noPerson
	}
	if d.relPart == nil {
		d.relPart = &noRel
	}
}

func (d *details) ent() *entityPart {
	if d.entityPart == nil {
		d.entityPart = &entityPart{}
	}
	return d.entityPart
}

func (d *details) per() *personPart {
	if d.personPart == nil {
		d.personPart = &personPart{}
	}
	return d.personPart
}

func (d *details) rel() *relPart {
	if d.relPart == nil {
		d.relPart = &relPart{}
	}
	return d.relPart
}

type entityType struct {
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
}

type country struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

type identifier struct {
	ID         string `json:"id"`
	Scheme     string `json:"scheme"`
	SchemeName string `json:"schemeName"`
}

type address struct {
	Type    string   `json:"type"`
	Country *country `json:"country"`
}

type publicListing struct {
	SecuritiesListings []securityListing `json:"securitiesListings"`
}

type securityListing struct {
	Security struct {
		IDScheme string `json:"idScheme"`
		ID       string `json:"id"`
	} `json:"security"`
}

type personName struct {
	Type       string `json:"type"`
	FullName   string `json:"fullName"`
	GivenName  string `json:"givenName"`
	FamilyName string `json:"familyName"`
}

type interest struct {
	Type             string `json:"type"`
	DirectOrIndirect string `json:"directOrIndirect"`
	Share            *share `json:"share"`
	StartDate        string `json:"startDate"`
	EndDate          string `json:"endDate"`
}

type share struct {
	Exact            json.Number `json:"exact"`
	Minimum          json.Number `json:"minimum"`
	Maximum          json.Number `json:"maximum"`
	ExclusiveMinimum json.Number `json:"exclusiveMinimum"`
	ExclusiveMaximum json.Number `json:"exclusiveMaximum"`
}

// partyRef is a subject or interested party: a record id, or an unspecified party with
// a reason.
type partyRef struct {
	ID          string
	Unspecified bool
	Reason      string
	Set         bool
}

// UnmarshalJSON reads a string or an object {"reason": …, "description": …}.
func (p *partyRef) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	p.Set = true
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &p.ID)
	}
	if bytes.Equal(b, []byte("null")) {
		p.Set = false
		return nil
	}
	var u struct {
		Reason      string `json:"reason"`
		Description string `json:"description"`
	}
	if err := json.Unmarshal(b, &u); err != nil {
		return err
	}
	p.Unspecified = true
	p.Reason = u.Reason
	if u.Description != "" {
		p.Reason += ": " + u.Description
	}
	return nil
}

// readFailure is a statement the decoder could not read.
type readFailure struct {
	index  int
	offset int64
	err    error
	fatal  bool // the rest of the input cannot be read
}

// readStatements reads a JSON array of statements, a single statement object, or a
// stream of statement objects (JSON Lines), one statement at a time. It calls fn for each
// statement and fail for each it cannot read: a statement that is well-formed JSON but not
// a statement of the expected shape costs only itself; broken JSON (an unbalanced bracket,
// an unterminated string) ends the reading. It returns an error only when the reader
// fails.
func readStatements(r io.Reader, fn func(st *statement), fail func(f readFailure)) error {
	sc := &scanner{r: &errReader{r: r}, buf: make([]byte, 0, 256<<10)}
	c, ok := sc.nonSpace()
	if !ok {
		return sc.r.err
	}
	i := 0
	var slab []statement // statements are allocated in blocks
	one := func() bool {
		off := sc.offset()
		val, err := sc.value()
		if err != nil {
			if sc.r.err != nil {
				return false
			}
			fail(readFailure{index: i, offset: off, err: err, fatal: true})
			return false
		}
		if len(slab) == 0 {
			slab = make([]statement, 256)
		}
		st := &slab[0]
		slab = slab[1:]
		st.index = i
		if err := parseStatement(val, st); err != nil {
			fail(readFailure{index: i, offset: off, err: err})
		} else {
			fn(st)
		}
		i++
		return true
	}
	if c != '[' {
		for {
			if _, ok := sc.nonSpace(); !ok {
				return sc.r.err
			}
			if !one() {
				return sc.r.err
			}
		}
	}
	sc.pos++ // '['
	for n := 0; ; n++ {
		c, ok := sc.nonSpace()
		if !ok {
			if sc.r.err == nil {
				fail(readFailure{index: i, offset: sc.offset(), err: errors.New("the array is not closed"), fatal: true})
			}
			return sc.r.err
		}
		if c == ']' {
			return nil
		}
		if n > 0 {
			if c != ',' {
				fail(readFailure{index: i, offset: sc.offset(), err: fmt.Errorf("want ',' between statements, got %q", c), fatal: true})
				return nil
			}
			sc.pos++
			if _, ok := sc.nonSpace(); !ok {
				fail(readFailure{index: i, offset: sc.offset(), err: errors.New("the array is not closed"), fatal: true})
				return sc.r.err
			}
		}
		if !one() {
			return sc.r.err
		}
	}
}

// scanner cuts a JSON stream into top-level values without decoding them.
type scanner struct {
	r    *errReader
	buf  []byte
	pos  int   // next byte in buf
	base int64 // input offset of buf[0]
	eof  bool
}

func (s *scanner) offset() int64 { return s.base + int64(s.pos) }

// fill reads more input, keeping buf[keep:]; it reports whether anything was read.
func (s *scanner) fill(keep int) bool {
	if s.eof {
		return false
	}
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:])
		s.buf = s.buf[:n]
		s.pos -= keep
		s.base += int64(keep)
	}
	if cap(s.buf)-len(s.buf) < 64<<10 {
		nb := make([]byte, len(s.buf), 2*cap(s.buf)+64<<10)
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		s.eof = true
	}
	return n > 0 || !s.eof
}

// nonSpace skips white space and returns the next byte without consuming it.
func (s *scanner) nonSpace() (byte, bool) {
	for {
		for s.pos < len(s.buf) {
			switch c := s.buf[s.pos]; c {
			case ' ', '\t', '\n', '\r':
				s.pos++
			default:
				return c, true
			}
		}
		if !s.fill(s.pos) {
			return 0, false
		}
	}
}

// value returns the bytes of the next value (an object, array, string or scalar),
// consuming them. The slice is valid until the next call.
func (s *scanner) value() ([]byte, error) {
	start := s.pos
	depth := 0
	inStr, esc := false, false
	scalar := false
	i := s.pos
	for {
		for ; i < len(s.buf); i++ {
			c := s.buf[i]
			if inStr {
				switch {
				case esc:
					esc = false
				case c == '\\':
					esc = true
				case c == '"':
					inStr = false
					if depth == 0 {
						s.pos = i + 1
						return s.buf[start:s.pos], nil
					}
				}
				continue
			}
			if scalar {
				switch c {
				case ',', ']', '}', ' ', '\t', '\n', '\r':
					s.pos = i
					return s.buf[start:i], nil
				}
				continue
			}
			switch c {
			case '"':
				inStr = true
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.pos = i + 1
					return s.buf[start:s.pos], nil
				}
				if depth < 0 {
					return nil, fmt.Errorf("unbalanced %q", c)
				}
			case ' ', '\t', '\n', '\r', ',', ':':
			default:
				if depth == 0 {
					scalar = true
				}
			}
		}
		// Need more input: keep the value's bytes. s.pos is the value's start throughout,
		// and fill moves it when it compacts the buffer.
		rel := i - start
		more := s.fill(start)
		start = s.pos
		i = start + rel
		if !more {
			if scalar {
				s.pos = len(s.buf)
				return s.buf[start:], nil
			}
			return nil, errors.New("the input ends inside a value")
		}
	}
}

// errReader remembers the first error of its reader other than io.EOF, so that a failing
// reader is told apart from bad JSON.
type errReader struct {
	r   io.Reader
	err error
}

// Read implements [io.Reader], noting the first error.
func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}
