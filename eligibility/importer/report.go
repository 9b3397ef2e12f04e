package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Kind says what happened to a record or a field that an importer could not map as is.
// The zero value is invalid.
type Kind uint8

const (
	_ Kind = iota
	// Skipped: a whole record was not imported. Only issues of this kind count against
	// [Report.Records]: Records == Imported + Skipped.
	Skipped
	// Unmapped: the record was imported but a field has no place in the model (a date of
	// birth, a vessel's tonnage, an interest type that is neither a stake nor a control).
	Unmapped
	// Invalid: a value is malformed or fails its check (a bad date, an LEI whose check
	// digits are wrong); the value was left out.
	Invalid
	// Ambiguous: a value could mean several things ("Georgia", a name shared by several
	// entries); the importer did not pick one.
	Ambiguous
	// Unresolved: a reference names nothing in the input (an address row for an unknown
	// entry, a relationship to a record the file does not hold).
	Unresolved
	// Adjusted: the value was imported under a documented reading that the user should
	// know of (a share range narrowed to the model's resolution, an open interval closed,
	// a subject marked partially disclosed).
	Adjusted
	numKinds
)

var kindNames = [...]string{"", "skipped", "unmapped", "invalid", "ambiguous", "unresolved", "adjusted"}

// String returns the kind's name, such as "skipped".
func (k Kind) String() string {
	if k > 0 && k < numKinds {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 || k >= numKinds {
		return nil, fmt.Errorf("importer: invalid Kind(%d)", k)
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *Kind) UnmarshalText(b []byte) error {
	for i := 1; i < len(kindNames); i++ {
		if string(b) == kindNames[i] {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("importer: unknown issue kind %q", b)
}

// MaxValue is the longest [Issue.Value] kept, in bytes; longer values are cut at a rune
// boundary and end with "…".
const MaxValue = 200

// Issue is one record or field that was not imported as is, and why.
//
// The zero value is not a meaningful issue.
type Issue struct {
	// Source names the input: a file name such as "sdn.csv", or a format name.
	Source string `json:"source"`
	// Line is the 1-based line on which the record starts, or 0 when the input has no
	// lines to speak of (JSON, XML) or the issue concerns a whole column.
	Line int `json:"line,omitempty"`
	// Record names the record: an OFAC ent_num, a CSL _id, a BODS recordId or statementId,
	// an LEI. It is empty for an issue about a whole column.
	Record string `json:"record,omitempty"`
	// Field names the field, such as "remarks", "ids.Website" or "interests[1].share".
	Field string `json:"field,omitempty"`
	// Value is the text that was not mapped, cut to [MaxValue] bytes.
	Value  string `json:"value,omitempty"`
	Kind   Kind   `json:"kind"`
	Reason string `json:"reason"`
}

// String formats the issue on one line: "sdn.csv:12 [36] remarks: unmapped: reason (value)".
func (i Issue) String() string {
	var b strings.Builder
	b.WriteString(i.Source)
	if i.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(i.Line))
	}
	if i.Record != "" {
		b.WriteString(" [")
		b.WriteString(i.Record)
		b.WriteByte(']')
	}
	if i.Field != "" {
		b.WriteByte(' ')
		b.WriteString(i.Field)
	}
	b.WriteString(": ")
	b.WriteString(i.Kind.String())
	b.WriteString(": ")
	b.WriteString(i.Reason)
	if i.Value != "" {
		b.WriteString(" (")
		b.WriteString(strconv.Quote(i.Value))
		b.WriteByte(')')
	}
	return b.String()
}

// Report is what an importer says beside its result: how many records it read and
// imported, and every record or field it could not map, with the reason. Nothing an
// importer reads is dropped without an issue here, except the record metadata each
// importer's documentation lists (publication details, registration timestamps, …).
//
// Records counts the records of the input's main kind (primary rows, statements,
// relationship records…; each importer says which). Every such record is either imported
// or the subject of exactly one issue of kind [Skipped]:
//
//	Records == Imported + Skipped()
//
// The zero value is an empty report. A Report is a plain value; it is not safe for
// concurrent mutation.
type Report struct {
	Records  int     `json:"records"`
	Imported int     `json:"imported"`
	Issues   []Issue `json:"issues"`
}

// Add appends an issue, cutting its value to [MaxValue] bytes.
func (r *Report) Add(i Issue) {
	i.Value = Cut(i.Value)
	r.Issues = append(r.Issues, i)
}

// Skip records that the record rec (at line, in source) was not imported, and why. It
// adds an issue of kind [Skipped].
func (r *Report) Skip(source string, line int, rec, field, value, reason string) {
	r.Add(Issue{Source: source, Line: line, Record: rec, Field: field, Value: value, Kind: Skipped, Reason: reason})
}

// Skipped returns the number of issues of kind [Skipped].
func (r *Report) Skipped() int {
	n := 0
	for i := range r.Issues {
		if r.Issues[i].Kind == Skipped {
			n++
		}
	}
	return n
}

// Count returns the number of issues of kind k.
func (r *Report) Count(k Kind) int {
	n := 0
	for i := range r.Issues {
		if r.Issues[i].Kind == k {
			n++
		}
	}
	return n
}

// Merge appends the records, imports and issues of o to r.
func (r *Report) Merge(o Report) {
	r.Records += o.Records
	r.Imported += o.Imported
	r.Issues = append(r.Issues, o.Issues...)
}

// Tally is the number of issues of one kind about one field of one source.
type Tally struct {
	Source string `json:"source"`
	Field  string `json:"field"`
	Kind   Kind   `json:"kind"`
	Count  int    `json:"count"`
}

// Summary groups the issues by source, field and kind, most frequent first (ties in
// source, field and kind order). It costs O(n log n) in the number of issues.
func (r *Report) Summary() []Tally {
	type key struct {
		src, field string
		kind       Kind
	}
	idx := map[key]int{}
	var out []Tally
	for i := range r.Issues {
		is := &r.Issues[i]
		k := key{is.Source, summaryField(is.Field), is.Kind}
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, Tally{Source: k.src, Field: k.field, Kind: k.kind})
		}
		out[j].Count++
	}
	slices.SortFunc(out, func(a, b Tally) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		return int(a.Kind) - int(b.Kind)
	})
	return out
}

// summaryField drops indexes from a field path so that "interests[3].share" and
// "interests[0].share" count together.
func summaryField(f string) string {
	if strings.IndexByte(f, '[') < 0 {
		return f
	}
	var b strings.Builder
	skip := false
	for i := 0; i < len(f); i++ {
		switch {
		case f[i] == '[':
			skip = true
			b.WriteString("[]")
		case f[i] == ']':
			skip = false
		case !skip:
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

// Cut returns s cut to at most [MaxValue] bytes at a rune boundary, marked with "…" when
// cut.
func Cut(s string) string {
	if len(s) <= MaxValue {
		return s
	}
	n := MaxValue - len("…")
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
