package eligibility

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eligo/eligo/eligibility/resolve"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// CaseFileFormat is the value of the "format" field of a version 1 case file.
const CaseFileFormat = "eligo.case/v1"

// MaxCaseFileSize is the largest case file [ReadCaseFile] reads, in bytes (1 GiB).
const MaxCaseFileSize = 1 << 30

// Limits of the decoder: objects and arrays nest at most caseFileMaxDepth deep, and decoding
// stops after caseFileMaxProblems problems.
const (
	caseFileMaxDepth    = 64
	caseFileMaxProblems = 100
)

// CaseFile is one decoded case file (spec/casefile-v1.md): a world, a policy and the
// questions to answer. Its fields mirror the JSON document.
//
// A CaseFile returned by [DecodeCaseFile] has passed every check that is local to the
// document: syntax, duplicate and unknown keys, types, enums, ranges, dates, codes, required
// fields, empty intervals, self-controls, duplicate entity, list and rule ids. Cross
// references (ids that name nothing, self-stakes after branches are folded, branch cycles,
// stakes summing over 100) are checked when the world and the policy are built.
//
// Arrays that are empty or absent in the document decode to nil slices, with one exception:
// "in_effect": [] decodes to an empty non-nil slice (the rule is never in effect).
//
// The zero value is an empty case file without a format. A CaseFile is plain data: it is
// not safe to mutate concurrently, and safe to read from many goroutines.
type CaseFile struct {
	// Format is the format string; a decoded case file always holds [CaseFileFormat].
	Format    string
	Entities  []Entity
	Stakes    []Stake
	Controls  []Control
	Lists     []List
	Policy    Policy
	Questions []Question
}

// ReadCaseFile reads all of r and decodes it with [DecodeCaseFile]. Input longer than
// [MaxCaseFileSize] is rejected with a [*ValidationError]; an error from r is returned
// wrapped.
func ReadCaseFile(r io.Reader) (*CaseFile, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCaseFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("eligibility: reading case file: %w", err)
	}
	if len(data) > MaxCaseFileSize {
		return nil, &ValidationError{What: "case file", Problems: []Problem{
			{Message: fmt.Sprintf("larger than %d bytes (1 GiB)", MaxCaseFileSize)},
		}}
	}
	return DecodeCaseFile(data)
}

// DecodeCaseFile decodes a version 1 case file. It is strict: the document must be one JSON
// object (nothing may follow it), keys must be unique, unknown fields are errors, and every
// value must have the type, range and form the spec gives it. Percentages are read exactly
// from the number's text, to six decimals; further digits are accepted only as the noise of
// a float printed in full (27.409999999999997 is 27.41; see [ownership.ParsePercent]), and
// otherwise are an error, since the spec gives no precision and rounding real precision
// could move a share across a threshold; dates are YYYY-MM-DD days that exist;
// jurisdiction codes must be written as ISO 3166-1 alpha-2 ("CN") or ISO 3166-2 ("CN-BJ")
// codes that [jurisdiction.Parse] accepts: names, alpha-3 and numeric codes are rejected.
//
// Choices the spec leaves open:
//   - An entity with "branch_of" is a branch, whatever its "kind" says (DESIGN.md: "branch_of
//     makes an entity a branch"; the spec's own example pairs "kind": "company" with
//     "branch_of"), and decodes with kind branch; kind "branch" without "branch_of" is an
//     error.
//   - A jurisdiction role holds a string or a non-empty array of strings; codes are appended to
//     [Entity.Jurisdictions] in the document's role order, then array order.
//   - null stands for an open bound in "from" and "until" only; anywhere else it is a wrong
//     type. "entities", "stakes", "controls", "lists", "questions" and "policy.rules" are
//     optional; "format" and "policy" are required.
//   - Jurisdiction rules require non-empty "roles" and "jurisdictions"; designation rules a
//     non-empty "lists"; ownership rules "restricted" (naming at least one kind of root),
//     "threshold", "inclusive" and "indirect". "review_at" must not exceed "threshold".
//   - A field that belongs to another kind of rule is an error.
//
// Extensions (v1 names are kept; these are optional fields of designation rules):
//   - "match_identifiers": true links a subject to the entries of another entity it shares an
//     identifier with (see [Rule.MatchIdentifiers]).
//   - "match_names": a score in (0, 1] with at most four decimals: a name or alias scoring at
//     least this against a listed entity's names gives review (see [Rule.MatchNames]).
//
// Problems are collected, not just the first: the error is a [*ValidationError] (which
// wraps [ErrInvalid]) listing each problem with its JSON path, such as
// `stakes[3].percent.min`. A syntax error stops decoding and is reported with its byte
// offset (counted from 0), line and column, at the path reached. Nesting deeper than 64
// levels stops decoding too, as does a 100th problem. DecodeCaseFile never panics.
//
// It runs in time linear in len(data) and does not retain data.
func DecodeCaseFile(data []byte) (*CaseFile, error) {
	d := &cfDecoder{data: data}
	cf := d.caseFile()
	if err := d.probs.err("case file"); err != nil {
		return nil, err
	}
	return cf, nil
}

// cfDecoder walks a JSON document by hand, so that it sees duplicate keys, number literals and
// invalid UTF-8, and reports each problem at its path. After a fatal problem (syntax, depth,
// too many problems) stopped is set and every method returns at once.
type cfDecoder struct {
	data    []byte
	pos     int
	depth   int
	stopped bool
	probs   problems
}

// add records a problem at path.
func (d *cfDecoder) add(path, msg string) {
	if d.stopped {
		return
	}
	if len(d.probs.list) >= caseFileMaxProblems {
		d.probs.add("", fmt.Sprintf("too many problems: stopped after %d", caseFileMaxProblems))
		d.stopped = true
		return
	}
	d.probs.add(path, msg)
}

// fatal records a problem at byte off that stops decoding: "what at byte off (line l,
// column c)", followed by ": detail" unless detail is empty.
func (d *cfDecoder) fatal(path string, off int, what, detail string) {
	if d.stopped {
		return
	}
	line, col := 1, 1
	for _, c := range d.data[:min(off, len(d.data))] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	msg := fmt.Sprintf("%s at byte %d (line %d, column %d)", what, off, line, col)
	if detail != "" {
		msg += ": " + detail
	}
	d.probs.add(path, msg)
	d.stopped = true
}

func (d *cfDecoder) syntax(path string, off int, detail string) {
	d.fatal(path, off, "syntax error", detail)
}

// ws skips whitespace.
func (d *cfDecoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the first byte of the next token, or 0 at the end of the input.
func (d *cfDecoder) peek() byte {
	d.ws()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

// unexpected reports the byte at d.pos (or the end of input) as a syntax error.
func (d *cfDecoder) unexpected(path, context string) {
	if d.pos >= len(d.data) {
		d.syntax(path, d.pos, "unexpected end of input")
		return
	}
	d.syntax(path, d.pos, "invalid character "+cfQuoteChar(d.data[d.pos])+" "+context)
}

func cfQuoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c >= 0x20 && c < 0x7f:
		return "'" + string(rune(c)) + "'"
	default:
		return fmt.Sprintf("byte 0x%02x", c)
	}
}

// cfTypeName names the JSON type of a value starting with c.
func cfTypeName(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// enter counts one more level of nesting.
func (d *cfDecoder) enter(path string) bool {
	d.depth++
	if d.depth > caseFileMaxDepth {
		d.fatal(path, d.pos, fmt.Sprintf("nesting deeper than %d levels", caseFileMaxDepth), "")
		return false
	}
	return true
}

// members walks the object at d.pos (on its '{'), calling fn with each key; fn must consume
// the member's value. With checkDup, a repeated key is reported and its value skipped.
func (d *cfDecoder) members(path string, checkDup bool, fn func(key string)) {
	d.pos++
	if !d.enter(path) {
		return
	}
	if d.peek() == '}' {
		d.pos++
		d.depth--
		return
	}
	var seen cfKeySet
	for {
		if d.peek() != '"' {
			d.unexpected(path, "looking for object key")
			return
		}
		key, bad := d.scanString(path)
		if d.stopped {
			return
		}
		if d.peek() != ':' {
			d.unexpected(path, "after object key")
			return
		}
		d.pos++
		switch {
		case bad != "":
			d.add(path, strings.Replace(bad, "string", "key", 1)+" "+strconv.Quote(cfShort(key)))
			d.skip(path)
		case checkDup && seen.dup(key):
			d.add(path, fmt.Sprintf("duplicate key %q", cfShort(key)))
			d.skip(path)
		default:
			fn(key)
		}
		if d.stopped {
			return
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.depth--
			return
		default:
			d.unexpected(cfJoin(path, key), "after object value")
			return
		}
	}
}

// cfKeySet holds the keys of one object: a few inline, more in a map.
type cfKeySet struct {
	small [16]string
	n     int
	m     map[string]struct{}
}

// dup reports whether key is in the set, and adds it.
func (ks *cfKeySet) dup(key string) bool {
	if ks.m == nil {
		for _, k := range ks.small[:ks.n] {
			if k == key {
				return true
			}
		}
		if ks.n < len(ks.small) {
			ks.small[ks.n] = key
			ks.n++
			return false
		}
		ks.m = make(map[string]struct{}, 2*len(ks.small))
		for _, k := range ks.small {
			ks.m[k] = struct{}{}
		}
	}
	if _, ok := ks.m[key]; ok {
		return true
	}
	ks.m[key] = struct{}{}
	return false
}

// elements walks the array at d.pos (on its '['), calling fn with each index; fn must
// consume the element. It returns the number of elements.
func (d *cfDecoder) elements(path string, fn func(i int)) int {
	d.pos++
	if !d.enter(path) {
		return 0
	}
	if d.peek() == ']' {
		d.pos++
		d.depth--
		return 0
	}
	for i := 0; ; i++ {
		fn(i)
		if d.stopped {
			return i + 1
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.depth--
			return i + 1
		default:
			d.unexpected(cfIndex(path, i), "after array element")
			return i + 1
		}
	}
}

// scanString scans the string at d.pos (on its '"'). A string that is not valid Unicode is
// returned with its bad parts replaced by U+FFFD and a message saying what is wrong.
func (d *cfDecoder) scanString(path string) (s string, bad string) {
	d.pos++
	start := d.pos
	var buf []byte // nil until the first escape
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			if buf == nil {
				s = string(d.data[start:d.pos])
			} else {
				s = string(buf)
			}
			d.pos++
			if bad != "" {
				s = strings.ToValidUTF8(s, "\uFFFD")
			}
			return s, bad
		case c == '\\':
			if buf == nil {
				buf = append([]byte(nil), d.data[start:d.pos]...)
			}
			d.pos++
			if d.pos >= len(d.data) {
				d.unexpected(path, "in string escape")
				return "", ""
			}
			e := d.data[d.pos]
			d.pos++
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := d.hex4(path)
				if !ok {
					return "", ""
				}
				if utf16.IsSurrogate(r) {
					if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
						save := d.pos
						d.pos += 2
						r2, ok := d.hex4(path)
						if !ok {
							return "", ""
						}
						if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
							d.pos = save // not a pair: the second escape is read on its own
						}
					} else {
						r = utf8.RuneError
					}
					if r == utf8.RuneError {
						bad = "lone UTF-16 surrogate in string"
					}
				}
				buf = utf8.AppendRune(buf, r)
			default:
				d.pos--
				d.unexpected(path, "in string escape")
				return "", ""
			}
		case c < 0x20:
			d.unexpected(path, "in string")
			return "", ""
		case c < utf8.RuneSelf:
			if buf != nil {
				buf = append(buf, c)
			}
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				bad = "invalid UTF-8 in string"
			}
			if buf != nil {
				buf = append(buf, d.data[d.pos:d.pos+size]...)
			}
			d.pos += size
		}
	}
	d.syntax(path, d.pos, "unexpected end of input in string")
	return "", ""
}

// hex4 reads the four hex digits of a \u escape.
func (d *cfDecoder) hex4(path string) (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		if d.pos >= len(d.data) {
			d.unexpected(path, "in \\u escape")
			return 0, false
		}
		c := d.data[d.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			d.unexpected(path, "in \\u escape")
			return 0, false
		}
		d.pos++
	}
	return r, true
}

// scanNumber scans a number as the JSON grammar defines it and returns its literal text.
func (d *cfDecoder) scanNumber(path string) (string, bool) {
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(d.data) && d.data[d.pos] == '0':
		d.pos++
	case digits() == 0:
		d.unexpected(path, "in number")
		return "", false
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			d.unexpected(path, "after decimal point in number")
			return "", false
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			d.unexpected(path, "in exponent of number")
			return "", false
		}
	}
	return string(d.data[start:d.pos]), true
}

// literal scans true, false or null.
func (d *cfDecoder) literal(path, lit string) bool {
	for i := 0; i < len(lit); i++ {
		if d.pos >= len(d.data) || d.data[d.pos] != lit[i] {
			d.unexpected(path, "in literal "+lit)
			return false
		}
		d.pos++
	}
	return true
}

// skip consumes one value of any type, checking its syntax only.
func (d *cfDecoder) skip(path string) {
	if d.stopped {
		return
	}
	switch c := d.peek(); c {
	case '{':
		d.members(path, false, func(string) { d.skip(path) })
	case '[':
		d.elements(path, func(int) { d.skip(path) })
	case '"':
		d.scanString(path)
	case 't':
		d.literal(path, "true")
	case 'f':
		d.literal(path, "false")
	case 'n':
		d.literal(path, "null")
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		d.scanNumber(path)
	default:
		d.unexpected(path, "looking for beginning of value")
	}
}

// wrongType reports that the value at path is not of type want, and skips it.
func (d *cfDecoder) wrongType(path, want string) {
	c := d.peek()
	d.skip(path)
	if !d.stopped {
		d.add(path, "want "+want+", got "+cfTypeName(c))
	}
}

// unknown reports an unknown field and skips its value.
func (d *cfDecoder) unknown(path string) {
	d.add(path, "unknown field")
	d.skip(path)
}

// object decodes an object at path, calling fn with each key and its path. It reports a
// value of another type, and returns whether the value was a well-formed object.
func (d *cfDecoder) object(path string, fn func(key, kpath string)) bool {
	if d.stopped {
		return false
	}
	if d.peek() != '{' {
		d.wrongType(path, "object")
		return false
	}
	d.members(path, true, func(key string) { fn(key, cfJoin(path, key)) })
	return !d.stopped
}

// array decodes an array at path, calling fn with each index and its path. It returns the
// number of elements and whether the value was a well-formed array.
func (d *cfDecoder) array(path string, fn func(i int, ipath string)) (int, bool) {
	if d.stopped {
		return 0, false
	}
	if d.peek() != '[' {
		d.wrongType(path, "array")
		return 0, false
	}
	n := d.elements(path, func(i int) { fn(i, cfIndex(path, i)) })
	return n, !d.stopped
}

// str decodes a string.
func (d *cfDecoder) str(path string) (string, bool) {
	if d.stopped {
		return "", false
	}
	if d.peek() != '"' {
		d.wrongType(path, "string")
		return "", false
	}
	s, bad := d.scanString(path)
	if d.stopped {
		return "", false
	}
	if bad != "" {
		d.add(path, bad)
		return "", false
	}
	return s, true
}

// id decodes a non-empty string.
func (d *cfDecoder) id(path string) (string, bool) {
	s, ok := d.str(path)
	if ok && s == "" {
		d.add(path, "must not be empty")
		return "", false
	}
	return s, ok
}

// ids decodes an array of non-empty strings; an empty array gives nil. It also returns
// the array's length and whether the value was an array.
func (d *cfDecoder) ids(path string) ([]string, int, bool) {
	var out []string
	n, ok := d.array(path, func(_ int, ip string) {
		if s, ok := d.id(ip); ok {
			out = append(out, s)
		}
	})
	return out, n, ok
}

// boolean decodes true or false.
func (d *cfDecoder) boolean(path string) (bool, bool) {
	if d.stopped {
		return false, false
	}
	switch d.peek() {
	case 't':
		return true, d.literal(path, "true")
	case 'f':
		return false, d.literal(path, "false")
	}
	d.wrongType(path, "boolean")
	return false, false
}

// percent decodes a number of percent in [0, 100], exactly.
func (d *cfDecoder) percent(path string) (Percent, bool) {
	if d.stopped {
		return 0, false
	}
	switch d.peek() {
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
	default:
		d.wrongType(path, "number")
		return 0, false
	}
	lit, ok := d.scanNumber(path)
	if !ok {
		return 0, false
	}
	p, err := ownership.ParsePercent(lit)
	if err == nil && p >= 0 && p <= ownership.Hundred {
		return p, true
	}
	// Say why: out of range, or in range with too many decimals.
	if f, _ := strconv.ParseFloat(lit, 64); err == nil || !(f >= 0 && f <= 100) {
		d.add(path, fmt.Sprintf("percent %s is outside [0, 100]", cfShort(lit)))
	} else {
		d.add(path, fmt.Sprintf("percent %s has more than 6 decimal places", cfShort(lit)))
	}
	return 0, false
}

// date decodes a YYYY-MM-DD day; with open, null gives the zero Date (an open bound).
func (d *cfDecoder) date(path string, open bool) (Date, bool) {
	if d.stopped {
		return 0, false
	}
	switch c := d.peek(); {
	case c == 'n' && open:
		return 0, d.literal(path, "null")
	case c != '"':
		if open {
			d.wrongType(path, "date string or null")
		} else {
			d.wrongType(path, "date string")
		}
		return 0, false
	}
	s, ok := d.str(path)
	if !ok {
		return 0, false
	}
	if !cfIsDateShape(s) {
		d.add(path, fmt.Sprintf("date %q is not YYYY-MM-DD", cfShort(s)))
		return 0, false
	}
	v, err := ownership.ParseDate(s)
	if err != nil {
		d.add(path, fmt.Sprintf("date %q does not exist", s))
		return 0, false
	}
	return v, true
}

func cfIsDateShape(s string) bool {
	if len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// interval decodes "from" or "until" of an object into iv; it reports whether key was one
// of them.
func (d *cfDecoder) interval(key, kp string, iv *Interval) bool {
	switch key {
	case "from":
		iv.From, _ = d.date(kp, true)
	case "until":
		iv.Until, _ = d.date(kp, true)
	default:
		return false
	}
	return true
}

// checkInterval reports an empty interval of the object at path.
func (d *cfDecoder) checkInterval(path string, iv Interval) {
	if iv.IsEmpty() {
		d.add(cfJoin(path, "until"), fmt.Sprintf("empty interval: until %s is not after from %s", iv.Until, iv.From))
	}
}

// code decodes a jurisdiction code written as an ISO 3166-1 alpha-2 or ISO 3166-2 code.
func (d *cfDecoder) code(path string) (jurisdiction.Code, bool) {
	s, ok := d.str(path)
	if !ok {
		return jurisdiction.Code{}, false
	}
	if !cfIsCodeShape(s) {
		d.add(path, fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 or ISO 3166-2 code", cfShort(s)))
		return jurisdiction.Code{}, false
	}
	c, err := jurisdiction.Parse(s)
	if err != nil {
		d.add(path, fmt.Sprintf("unknown jurisdiction code %q", s))
		return jurisdiction.Code{}, false
	}
	return c, true
}

// cfIsCodeShape reports whether s looks like "CN" or "CN-BJ": two capital letters, optionally
// followed by a hyphen and one to three capital letters or digits.
func cfIsCodeShape(s string) bool {
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	if len(s) < 2 || !upper(s[0]) || !upper(s[1]) {
		return false
	}
	if len(s) == 2 {
		return true
	}
	if len(s) < 4 || len(s) > 6 || s[2] != '-' {
		return false
	}
	for i := 3; i < len(s); i++ {
		if !upper(s[i]) && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// codes decodes an array of codes like [cfDecoder.ids].
func (d *cfDecoder) codes(path string) ([]jurisdiction.Code, int, bool) {
	var out []jurisdiction.Code
	n, ok := d.array(path, func(_ int, ip string) {
		if c, ok := d.code(ip); ok {
			out = append(out, c)
		}
	})
	return out, n, ok
}

// roles decodes an array of roles like [cfDecoder.ids].
func (d *cfDecoder) roles(path string) ([]Role, int, bool) {
	var out []Role
	n, ok := d.array(path, func(_ int, ip string) {
		if r, ok := cfDecodeEnum(d, ip, "role", Roles()...); ok {
			out = append(out, r)
		}
	})
	return out, n, ok
}

// cfDecodeEnum decodes a string naming one of all.
func cfDecodeEnum[T interface {
	~uint8
	fmt.Stringer
}](d *cfDecoder, path, what string, all ...T) (T, bool) {
	s, ok := d.str(path)
	if !ok {
		return 0, false
	}
	if v, ok := cfLookupEnum(s, all); ok {
		return v, true
	}
	d.add(path, fmt.Sprintf("unknown %s %q (want %s)", what, cfShort(s), cfEnumList(all)))
	return 0, false
}

func cfLookupEnum[T fmt.Stringer](s string, all []T) (T, bool) {
	for _, v := range all {
		if v.String() == s {
			return v, true
		}
	}
	var zero T
	return zero, false
}

func cfEnumList[T fmt.Stringer](all []T) string {
	var b strings.Builder
	for i, v := range all {
		switch {
		case i == 0:
		case i == len(all)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

var (
	cfEntityKinds    = []EntityKind{Company, Person, StateBody, Branch, Fund, OtherKind}
	cfEffects        = []Effect{Deny, Review}
	cfRuleKinds      = []RuleKind{JurisdictionRule, DesignationRule, OwnershipRule}
	cfMeasures       = []ownership.Measure{ownership.Shares, ownership.Votes}
	cfDisclosures    = []ownership.Disclosure{ownership.Full, ownership.Partial}
	cfMethods        = []ownership.Method{ownership.Direct, ownership.FlowThrough, ownership.Multiplicative, ownership.Compare}
	cfUnknownOwners  = []ownership.Unknown{ownership.UnknownReview, ownership.UnknownIgnore}
	cfControlEffects = []ownership.ControlEffect{ownership.ControlDeny, ownership.ControlReview, ownership.ControlIgnore}
)

// cfJoin appends an object key to a path: `a.b`, or `a["odd key"]` for a key that is not a
// plain name.
func cfJoin(path, key string) string {
	plain := key != "" && len(key) <= 64
	for i := 0; i < len(key) && plain; i++ {
		c := key[i]
		plain = c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	switch {
	case !plain:
		return path + "[" + strconv.Quote(cfShort(key)) + "]"
	case path == "":
		return key
	}
	return path + "." + key
}

// cfIndex appends an array index to a path.
func cfIndex(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// cfShort cuts long text quoted in a message.
func cfShort(s string) string {
	const n = 64
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// caseFile decodes the whole document.
func (d *cfDecoder) caseFile() *CaseFile {
	cf := &CaseFile{}
	var hasFormat, hasPolicy bool
	entityIDs := map[string]string{}
	listIDs := map[string]string{}
	isObject := d.object("", func(key, kp string) {
		switch key {
		case "format":
			hasFormat = true
			if s, ok := d.str(kp); ok {
				if s != CaseFileFormat {
					d.add(kp, fmt.Sprintf("unsupported format %q (want %q)", cfShort(s), CaseFileFormat))
				}
				cf.Format = s
			}
		case "entities":
			d.array(kp, func(_ int, ip string) {
				if e, ok := d.entity(ip, entityIDs); ok {
					cf.Entities = append(cf.Entities, e)
				}
			})
		case "stakes":
			d.array(kp, func(_ int, ip string) {
				if s, ok := d.stake(ip); ok {
					cf.Stakes = append(cf.Stakes, s)
				}
			})
		case "controls":
			d.array(kp, func(_ int, ip string) {
				if c, ok := d.control(ip); ok {
					cf.Controls = append(cf.Controls, c)
				}
			})
		case "lists":
			d.array(kp, func(_ int, ip string) {
				if l, ok := d.list(ip, listIDs); ok {
					cf.Lists = append(cf.Lists, l)
				}
			})
		case "policy":
			hasPolicy = true
			cf.Policy = d.policy(kp)
		case "questions":
			d.array(kp, func(_ int, ip string) {
				if q, ok := d.question(ip); ok {
					cf.Questions = append(cf.Questions, q)
				}
			})
		default:
			d.unknown(kp)
		}
	})
	if d.stopped {
		return nil
	}
	if d.ws(); d.pos < len(d.data) {
		d.unexpected("", "after top-level value")
		return nil
	}
	if isObject {
		d.required("", hasFormat, "format")
		d.required("", hasPolicy, "policy")
	}
	return cf
}

// firstAt records id as first seen at path, or reports a duplicate at path.
func (d *cfDecoder) firstAt(seen map[string]string, id, path, what string) {
	if first, dup := seen[id]; dup {
		d.add(path, fmt.Sprintf("duplicate %s id %q (first at %s)", what, cfShort(id), first))
		return
	}
	seen[id] = path
}

func (d *cfDecoder) entity(p string, seen map[string]string) (Entity, bool) {
	var e Entity
	var hasID, hasKind, kindOK, hasBranchOf bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "id":
			hasID = true
			var ok bool
			if e.ID, ok = d.id(kp); ok {
				d.firstAt(seen, e.ID, kp, "entity")
			}
		case "name":
			e.Name, _ = d.str(kp)
		case "aliases":
			d.array(kp, func(_ int, ip string) {
				if s, ok := d.str(ip); ok {
					e.Aliases = append(e.Aliases, s)
				}
			})
		case "kind":
			hasKind = true
			e.Kind, kindOK = cfDecodeEnum(d, kp, "kind", cfEntityKinds...)
		case "jurisdictions":
			d.object(kp, func(role, rp string) { d.roleCodes(&e, role, rp) })
		case "branch_of":
			hasBranchOf = true
			e.BranchOf, _ = d.id(kp)
		case "identifiers":
			d.array(kp, func(_ int, ip string) {
				if id, ok := d.identifier(ip); ok {
					e.Identifiers = append(e.Identifiers, id)
				}
			})
		case "ownership_disclosed":
			e.Disclosure, _ = cfDecodeEnum(d, kp, "disclosure", cfDisclosures...)
		default:
			d.unknown(kp)
		}
	})
	if !ok {
		return e, false
	}
	if !hasID {
		d.add(cfJoin(p, "id"), "required")
	}
	switch {
	case hasBranchOf && (kindOK || !hasKind):
		e.Kind = Branch // "branch_of makes an entity a branch" (DESIGN.md reading 11)
	case kindOK && e.Kind == Branch:
		d.add(cfJoin(p, "branch_of"), "required for kind branch")
	}
	return e, true
}

// roleCodes decodes one member of an entity's jurisdictions.
func (d *cfDecoder) roleCodes(e *Entity, key, rp string) {
	role, ok := cfLookupEnum(key, Roles())
	if !ok {
		d.add(rp, fmt.Sprintf("unknown role (want %s)", cfEnumList(Roles())))
		d.skip(rp)
		return
	}
	switch d.peek() {
	case '"':
		if c, ok := d.code(rp); ok {
			e.Jurisdictions = append(e.Jurisdictions, RoleCode{role, c})
		}
	case '[':
		codes, n, ok := d.codes(rp)
		for _, c := range codes {
			e.Jurisdictions = append(e.Jurisdictions, RoleCode{role, c})
		}
		d.nonEmpty(rp, n, ok)
	default:
		d.wrongType(rp, "string or array")
	}
}

func (d *cfDecoder) identifier(p string) (Identifier, bool) {
	var id Identifier
	var hasScheme, hasValue bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "scheme":
			hasScheme = true
			id.Scheme, _ = d.id(kp)
		case "value":
			hasValue = true
			id.Value, _ = d.id(kp)
		default:
			d.unknown(kp)
		}
	})
	if ok {
		d.required(p, hasScheme, "scheme")
		d.required(p, hasValue, "value")
	}
	return id, ok
}

// required reports a missing field.
func (d *cfDecoder) required(p string, has bool, field string) {
	if !has {
		d.add(cfJoin(p, field), "required")
	}
}

func (d *cfDecoder) stake(p string) (Stake, bool) {
	var s Stake
	var hasOwner, hasOwned, hasPercent bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "owner":
			hasOwner = true
			s.Owner, _ = d.id(kp)
		case "owned":
			hasOwned = true
			s.Owned, _ = d.id(kp)
		case "percent":
			hasPercent = true
			s.Share, _ = d.share(kp)
		case "kind":
			s.Measure, _ = cfDecodeEnum(d, kp, "kind", cfMeasures...)
		case "joint_group":
			s.JointGroup, _ = d.id(kp)
		default:
			if !d.interval(key, kp, &s.Valid) {
				d.unknown(kp)
			}
		}
	})
	if ok {
		d.required(p, hasOwner, "owner")
		d.required(p, hasOwned, "owned")
		d.required(p, hasPercent, "percent")
		d.checkInterval(p, s.Valid)
	}
	return s, ok
}

// share decodes a percent: a number, or {"min": n, "max": n}.
func (d *cfDecoder) share(p string) (ownership.Range, bool) {
	switch d.peek() {
	case '{':
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		v, ok := d.percent(p)
		return ownership.Exact(v), ok
	default:
		d.wrongType(p, "number or object")
		return ownership.Range{}, false
	}
	var r ownership.Range
	var hasMin, hasMax, minOK, maxOK bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "min":
			hasMin = true
			r.Min, minOK = d.percent(kp)
		case "max":
			hasMax = true
			r.Max, maxOK = d.percent(kp)
		default:
			d.unknown(kp)
		}
	})
	if !ok {
		return r, false
	}
	d.required(p, hasMin, "min")
	d.required(p, hasMax, "max")
	if minOK && maxOK && r.Min > r.Max {
		d.add(p, fmt.Sprintf("min %s is greater than max %s", r.Min, r.Max))
		return r, false
	}
	return r, minOK && maxOK
}

func (d *cfDecoder) control(p string) (Control, bool) {
	var c Control
	var hasController, hasControlled, hasBasis bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "controller":
			hasController = true
			c.Controller, _ = d.id(kp)
		case "controlled":
			hasControlled = true
			c.Controlled, _ = d.id(kp)
		case "basis":
			hasBasis = true
			c.Basis, _ = cfDecodeEnum(d, kp, "basis", ownership.Bases()...)
		default:
			if !d.interval(key, kp, &c.Valid) {
				d.unknown(kp)
			}
		}
	})
	if ok {
		d.required(p, hasController, "controller")
		d.required(p, hasControlled, "controlled")
		d.required(p, hasBasis, "basis")
		if c.Controller != "" && c.Controller == c.Controlled {
			d.add(cfJoin(p, "controlled"), fmt.Sprintf("self-control: %q controls itself", cfShort(c.Controller)))
		}
		d.checkInterval(p, c.Valid)
	}
	return c, ok
}

func (d *cfDecoder) list(p string, seen map[string]string) (List, bool) {
	var l List
	var hasID bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "id":
			hasID = true
			var ok bool
			if l.ID, ok = d.id(kp); ok {
				d.firstAt(seen, l.ID, kp, "list")
			}
		case "name":
			l.Name, _ = d.str(kp)
		case "authority":
			l.Authority, _ = d.str(kp)
		case "entries":
			d.array(kp, func(_ int, ip string) {
				if e, ok := d.entry(ip); ok {
					l.Entries = append(l.Entries, e)
				}
			})
		default:
			d.unknown(kp)
		}
	})
	if ok {
		d.required(p, hasID, "id")
	}
	return l, ok
}

func (d *cfDecoder) entry(p string) (Entry, bool) {
	var e Entry
	var hasEntity bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "entity":
			hasEntity = true
			e.Entity, _ = d.id(kp)
		case "program":
			e.Program, _ = d.str(kp)
		default:
			if !d.interval(key, kp, &e.Valid) {
				d.unknown(kp)
			}
		}
	})
	if ok {
		d.required(p, hasEntity, "entity")
		d.checkInterval(p, e.Valid)
	}
	return e, ok
}

func (d *cfDecoder) question(p string) (Question, bool) {
	var q Question
	var hasSubject, hasAt bool
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "subject":
			hasSubject = true
			q.Subject, _ = d.id(kp)
		case "at":
			hasAt = true
			q.At, _ = d.date(kp, false)
		default:
			d.unknown(kp)
		}
	})
	if ok {
		d.required(p, hasSubject, "subject")
		d.required(p, hasAt, "at")
	}
	return q, ok
}

func (d *cfDecoder) policy(p string) Policy {
	var pol Policy
	var hasID bool
	ruleIDs := map[string]string{}
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "id":
			hasID = true
			pol.ID, _ = d.id(kp)
		case "rules":
			d.array(kp, func(_ int, ip string) {
				if r, ok := d.rule(ip, ruleIDs); ok {
					pol.Rules = append(pol.Rules, r)
				}
			})
		default:
			d.unknown(kp)
		}
	})
	if ok {
		d.required(p, hasID, "id")
	}
	return pol
}

// cfRuleFieldKinds names the kind of rule each kind-specific field belongs to.
var cfRuleFieldKinds = map[string]RuleKind{
	"roles":                JurisdictionRule,
	"jurisdictions":        JurisdictionRule,
	"include_subdivisions": JurisdictionRule,
	"lists":                DesignationRule,
	"match_identifiers":    DesignationRule,
	"match_names":          DesignationRule,
	"restricted":           OwnershipRule,
	"threshold":            OwnershipRule,
	"inclusive":            OwnershipRule,
	"aggregate":            OwnershipRule,
	"indirect":             OwnershipRule,
	"review_at":            OwnershipRule,
	"unknown_owners":       OwnershipRule,
	"controls":             OwnershipRule,
}

// cfRuleRequired lists the fields each kind of rule must state.
var cfRuleRequired = map[RuleKind][]string{
	JurisdictionRule: {"roles", "jurisdictions"},
	DesignationRule:  {"lists"},
	OwnershipRule:    {"restricted", "threshold", "inclusive", "indirect"},
}

func (d *cfDecoder) rule(p string, seen map[string]string) (Rule, bool) {
	var r Rule
	var hasID, hasKind, kindOK, thresholdOK, reviewAtOK bool
	var specific []string // kind-specific keys present, in order
	ok := d.object(p, func(key, kp string) {
		if _, ok := cfRuleFieldKinds[key]; ok {
			specific = append(specific, key)
		}
		switch key {
		case "id":
			hasID = true
			var ok bool
			if r.ID, ok = d.id(kp); ok {
				d.firstAt(seen, r.ID, kp, "rule")
			}
		case "kind":
			hasKind = true
			r.Kind, kindOK = cfDecodeEnum(d, kp, "rule kind", cfRuleKinds...)
		case "effect":
			r.Effect, _ = cfDecodeEnum(d, kp, "effect", cfEffects...)
		case "in_effect":
			r.InEffect = []Interval{}
			d.array(kp, func(_ int, ip string) {
				var iv Interval
				if d.object(ip, func(key, kp string) {
					if !d.interval(key, kp, &iv) {
						d.unknown(kp)
					}
				}) {
					d.checkInterval(ip, iv)
					r.InEffect = append(r.InEffect, iv)
				}
			})
		case "roles":
			r.Roles = d.nonEmptyRoles(kp)
		case "jurisdictions":
			r.Jurisdictions = d.nonEmptyCodes(kp)
		case "include_subdivisions":
			v, _ := d.boolean(kp)
			r.ExcludeSubdivisions = !v
		case "lists":
			r.Lists = d.nonEmptyIDs(kp)
		case "match_identifiers":
			r.MatchIdentifiers, _ = d.boolean(kp)
		case "match_names":
			if v, ok := d.percent(kp); ok {
				// a score in (0, 1] with at most four decimals
				switch {
				case v <= 0 || v > ownership.PercentScale:
					d.add(kp, fmt.Sprintf("score %s is outside (0, 1]", v))
				case v%100 != 0:
					d.add(kp, fmt.Sprintf("score %s has more than 4 decimal places", v))
				default:
					r.MatchNames, r.NameMinScore = true, resolve.Score(v/100)
				}
			}
		case "restricted":
			r.Restricted = d.restricted(kp)
		case "threshold":
			r.HasThreshold = true
			r.Threshold, thresholdOK = d.percent(kp)
		case "inclusive":
			r.HasInclusive = true
			r.Inclusive, _ = d.boolean(kp)
		case "aggregate":
			r.Aggregate, _ = d.boolean(kp)
		case "indirect":
			r.Method, _ = cfDecodeEnum(d, kp, "method", cfMethods...)
		case "review_at":
			r.HasReviewAt = true
			r.ReviewAt, reviewAtOK = d.percent(kp)
		case "unknown_owners":
			r.UnknownOwners, _ = cfDecodeEnum(d, kp, "value", cfUnknownOwners...)
		case "controls":
			d.object(kp, func(key, bp string) {
				basis, ok := cfLookupEnum(key, ownership.Bases())
				if !ok {
					d.add(bp, fmt.Sprintf("unknown basis (want %s)", cfEnumList(ownership.Bases())))
					d.skip(bp)
					return
				}
				if eff, ok := cfDecodeEnum(d, bp, "control effect", cfControlEffects...); ok {
					if r.Controls == nil {
						r.Controls = map[ownership.Basis]ownership.ControlEffect{}
					}
					r.Controls[basis] = eff
				}
			})
		default:
			d.unknown(kp)
		}
	})
	if !ok {
		return r, false
	}
	d.required(p, hasID, "id")
	d.required(p, hasKind, "kind")
	if !kindOK {
		return r, true
	}
	present := map[string]bool{}
	for _, key := range specific {
		present[key] = true
		if k := cfRuleFieldKinds[key]; k != r.Kind {
			article := "a"
			if r.Kind == OwnershipRule {
				article = "an"
			}
			d.add(cfJoin(p, key), fmt.Sprintf("does not apply to %s %s rule", article, r.Kind))
		}
	}
	for _, key := range cfRuleRequired[r.Kind] {
		d.required(p, present[key], key)
	}
	if r.Kind == OwnershipRule {
		if !present["aggregate"] {
			r.Aggregate = true
		}
		if thresholdOK && reviewAtOK && r.ReviewAt > r.Threshold {
			d.add(cfJoin(p, "review_at"), fmt.Sprintf("review_at %s is above threshold %s", r.ReviewAt, r.Threshold))
		}
	}
	return r, true
}

func (d *cfDecoder) nonEmptyIDs(p string) []string {
	out, n, ok := d.ids(p)
	d.nonEmpty(p, n, ok)
	return out
}

func (d *cfDecoder) nonEmptyRoles(p string) []Role {
	out, n, ok := d.roles(p)
	d.nonEmpty(p, n, ok)
	return out
}

func (d *cfDecoder) nonEmptyCodes(p string) []jurisdiction.Code {
	out, n, ok := d.codes(p)
	d.nonEmpty(p, n, ok)
	return out
}

// nonEmpty reports an empty array at p; n is its length and isArray whether the value was
// a well-formed array (a wrong type has been reported already).
func (d *cfDecoder) nonEmpty(p string, n int, isArray bool) {
	if isArray && n == 0 {
		d.add(p, "must not be empty")
	}
}

func (d *cfDecoder) restricted(p string) Restricted {
	var rs Restricted
	ok := d.object(p, func(key, kp string) {
		switch key {
		case "lists":
			rs.Lists, _, _ = d.ids(kp)
		case "entities":
			rs.Entities, _, _ = d.ids(kp)
		case "jurisdictions":
			rs.HasJurisdictions = true
			var hasRoles, hasIn bool
			if d.object(kp, func(key, jp string) {
				switch key {
				case "roles":
					hasRoles = true
					rs.Roles = d.nonEmptyRoles(jp)
				case "in":
					hasIn = true
					rs.In = d.nonEmptyCodes(jp)
				default:
					d.unknown(jp)
				}
			}) {
				d.required(kp, hasRoles, "roles")
				d.required(kp, hasIn, "in")
			}
		default:
			d.unknown(kp)
		}
	})
	if ok && len(rs.Lists) == 0 && len(rs.Entities) == 0 && !rs.HasJurisdictions {
		d.add(p, "names no restricted owners: give lists, jurisdictions or entities")
	}
	return rs
}

// MarshalJSON encodes cf as a compact version 1 case file: fields in the order of the spec,
// defaults and empty fields left out (an empty Format is written as [CaseFileFormat]), so
// that decoding the result gives back an equal CaseFile for any CaseFile that
// [DecodeCaseFile] returned. An entity's jurisdictions are grouped by role, roles in the
// order they first appear. It fails only on enum values out of range. It runs in time linear
// in the size of cf.
func (cf *CaseFile) MarshalJSON() ([]byte, error) {
	if cf == nil {
		return []byte("null"), nil
	}
	e := &cfEncoder{}
	e.caseFile(cf)
	if e.err != nil {
		return nil, e.err
	}
	return e.buf, nil
}

// EncodeCaseFile writes cf to w as an indented version 1 case file (see
// [CaseFile.MarshalJSON]), ending with a newline.
func EncodeCaseFile(w io.Writer, cf *CaseFile) error {
	b, err := cf.MarshalJSON()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(len(b) * 2)
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return fmt.Errorf("eligibility: encoding case file: %w", err)
	}
	out.WriteByte('\n')
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("eligibility: writing case file: %w", err)
	}
	return nil
}

// cfEncoder writes a case file as compact JSON; err holds the first failure.
type cfEncoder struct {
	buf []byte
	err error
}

// cfObj writes one JSON object, member by member.
type cfObj struct {
	e *cfEncoder
	n int
}

func (e *cfEncoder) open() cfObj {
	e.buf = append(e.buf, '{')
	return cfObj{e: e}
}

func (o *cfObj) key(k string) *cfEncoder {
	if o.n > 0 {
		o.e.buf = append(o.e.buf, ',')
	}
	o.n++
	o.e.buf = cfAppendJSONString(o.e.buf, k)
	o.e.buf = append(o.e.buf, ':')
	return o.e
}

func (o *cfObj) close() { o.e.buf = append(o.e.buf, '}') }

func (o *cfObj) str(k, v string) {
	if v != "" {
		o.key(k).string(v)
	}
}

func (o *cfObj) date(k string, v Date) {
	if v != 0 {
		o.key(k).string(v.String())
	}
}

func (o *cfObj) interval(iv Interval) {
	o.date("from", iv.From)
	o.date("until", iv.Until)
}

func (o *cfObj) strs(k string, v []string) {
	if len(v) > 0 {
		e := o.key(k)
		e.buf = append(e.buf, '[')
		for i, s := range v {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.string(s)
		}
		e.buf = append(e.buf, ']')
	}
}

func (o *cfObj) codes(k string, v []jurisdiction.Code) {
	if len(v) > 0 {
		s := make([]string, len(v))
		for i, c := range v {
			s[i] = c.String()
		}
		o.strs(k, s)
	}
}

// enum writes a text-marshalled enum, recording an error for a value out of range.
func (o *cfObj) enum(path, k string, v interface{ MarshalText() ([]byte, error) }) {
	t, err := v.MarshalText()
	if err != nil {
		if o.e.err == nil {
			o.e.err = fmt.Errorf("eligibility: encoding case file: %s: %w", cfJoin(path, k), err)
		}
		return
	}
	o.key(k).string(string(t))
}

func (o *cfObj) roles(path, k string, v []Role) {
	if len(v) > 0 {
		s := make([]string, len(v))
		for i, r := range v {
			t, err := r.MarshalText()
			if err != nil && o.e.err == nil {
				o.e.err = fmt.Errorf("eligibility: encoding case file: %s: %w", cfIndex(cfJoin(path, k), i), err)
			}
			s[i] = string(t)
		}
		o.strs(k, s)
	}
}

func (e *cfEncoder) string(s string) { e.buf = cfAppendJSONString(e.buf, s) }

func (e *cfEncoder) raw(s string) { e.buf = append(e.buf, s...) }

func (e *cfEncoder) percent(p Percent) { e.buf = p.AppendText(e.buf) }

// array writes n elements with fn.
func (e *cfEncoder) array(n int, fn func(i int)) {
	e.buf = append(e.buf, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		fn(i)
	}
	e.buf = append(e.buf, ']')
}

func (e *cfEncoder) caseFile(cf *CaseFile) {
	o := e.open()
	format := cf.Format
	if format == "" {
		format = CaseFileFormat
	}
	o.key("format").string(format)
	if len(cf.Entities) > 0 {
		o.key("entities").array(len(cf.Entities), func(i int) { e.entity(cfIndex("entities", i), &cf.Entities[i]) })
	}
	if len(cf.Stakes) > 0 {
		o.key("stakes").array(len(cf.Stakes), func(i int) { e.stake(cfIndex("stakes", i), &cf.Stakes[i]) })
	}
	if len(cf.Controls) > 0 {
		o.key("controls").array(len(cf.Controls), func(i int) { e.control(cfIndex("controls", i), &cf.Controls[i]) })
	}
	if len(cf.Lists) > 0 {
		o.key("lists").array(len(cf.Lists), func(i int) { e.list(&cf.Lists[i]) })
	}
	o.key("policy")
	e.policy(&cf.Policy)
	if len(cf.Questions) > 0 {
		o.key("questions").array(len(cf.Questions), func(i int) {
			q := e.open()
			q.str("subject", cf.Questions[i].Subject)
			q.date("at", cf.Questions[i].At)
			q.close()
		})
	}
	o.close()
}

func (e *cfEncoder) entity(p string, en *Entity) {
	o := e.open()
	o.str("id", en.ID)
	o.str("name", en.Name)
	if len(en.Aliases) > 0 {
		o.key("aliases").array(len(en.Aliases), func(i int) { e.string(en.Aliases[i]) })
	}
	if en.Kind != Company || en.BranchOf != "" {
		o.enum(p, "kind", en.Kind)
	}
	if len(en.Jurisdictions) > 0 {
		j := o.key("jurisdictions").open()
		done := make([]bool, len(en.Jurisdictions))
		for i, rc := range en.Jurisdictions {
			if done[i] {
				continue
			}
			var codes []string
			for k := i; k < len(en.Jurisdictions); k++ {
				if en.Jurisdictions[k].Role == rc.Role {
					done[k] = true
					codes = append(codes, en.Jurisdictions[k].Code.String())
				}
			}
			name, err := rc.Role.MarshalText()
			if err != nil {
				if e.err == nil {
					e.err = fmt.Errorf("eligibility: encoding case file: %s: %w", cfJoin(p, "jurisdictions"), err)
				}
				continue
			}
			if len(codes) == 1 {
				j.key(string(name)).string(codes[0])
			} else {
				j.strs(string(name), codes)
			}
		}
		j.close()
	}
	o.str("branch_of", en.BranchOf)
	if len(en.Identifiers) > 0 {
		o.key("identifiers").array(len(en.Identifiers), func(i int) {
			id := e.open()
			id.str("scheme", en.Identifiers[i].Scheme)
			id.str("value", en.Identifiers[i].Value)
			id.close()
		})
	}
	if en.Disclosure != ownership.Full {
		o.enum(p, "ownership_disclosed", en.Disclosure)
	}
	o.close()
}

func (e *cfEncoder) stake(p string, s *Stake) {
	o := e.open()
	o.str("owner", s.Owner)
	o.str("owned", s.Owned)
	o.key("percent")
	if s.Share.IsExact() {
		e.percent(s.Share.Min)
	} else {
		r := e.open()
		r.key("min").percent(s.Share.Min)
		r.key("max").percent(s.Share.Max)
		r.close()
	}
	if s.Measure != ownership.Shares {
		o.enum(p, "kind", s.Measure)
	}
	o.str("joint_group", s.JointGroup)
	o.interval(s.Valid)
	o.close()
}

func (e *cfEncoder) control(p string, c *Control) {
	o := e.open()
	o.str("controller", c.Controller)
	o.str("controlled", c.Controlled)
	if c.Basis != 0 {
		o.enum(p, "basis", c.Basis)
	}
	o.interval(c.Valid)
	o.close()
}

func (e *cfEncoder) list(l *List) {
	o := e.open()
	o.str("id", l.ID)
	o.str("name", l.Name)
	o.str("authority", l.Authority)
	if len(l.Entries) > 0 {
		o.key("entries").array(len(l.Entries), func(i int) {
			en := &l.Entries[i]
			eo := e.open()
			eo.str("entity", en.Entity)
			eo.interval(en.Valid)
			eo.str("program", en.Program)
			eo.close()
		})
	}
	o.close()
}

func (e *cfEncoder) policy(pol *Policy) {
	o := e.open()
	o.str("id", pol.ID)
	if len(pol.Rules) > 0 {
		o.key("rules").array(len(pol.Rules), func(i int) { e.rule(cfIndex("policy.rules", i), &pol.Rules[i]) })
	}
	o.close()
}

func (e *cfEncoder) rule(p string, r *Rule) {
	o := e.open()
	o.str("id", r.ID)
	if r.Kind != 0 {
		o.enum(p, "kind", r.Kind)
	}
	if r.Effect != Deny {
		o.enum(p, "effect", r.Effect)
	}
	o.roles(p, "roles", r.Roles)
	o.codes("jurisdictions", r.Jurisdictions)
	if r.ExcludeSubdivisions {
		o.key("include_subdivisions").raw("false")
	}
	o.strs("lists", r.Lists)
	if r.MatchIdentifiers {
		o.key("match_identifiers").raw("true")
	}
	if r.MatchNames {
		o.key("match_names").percent(ownership.Percent(r.NameMinScore) * 100)
	}
	rs := &r.Restricted
	if len(rs.Lists) > 0 || len(rs.Entities) > 0 || rs.HasJurisdictions || len(rs.Roles) > 0 || len(rs.In) > 0 {
		ro := o.key("restricted").open()
		ro.strs("lists", rs.Lists)
		if rs.HasJurisdictions || len(rs.Roles) > 0 || len(rs.In) > 0 {
			jo := ro.key("jurisdictions").open()
			jo.roles(cfJoin(p, "restricted.jurisdictions"), "roles", rs.Roles)
			jo.codes("in", rs.In)
			jo.close()
		}
		ro.strs("entities", rs.Entities)
		ro.close()
	}
	if r.HasThreshold {
		o.key("threshold").percent(r.Threshold)
	}
	if r.HasInclusive {
		o.key("inclusive").raw(strconv.FormatBool(r.Inclusive))
	}
	if r.Aggregate != (r.Kind == OwnershipRule) {
		o.key("aggregate").raw(strconv.FormatBool(r.Aggregate))
	}
	if r.Method != 0 {
		o.enum(p, "indirect", r.Method)
	}
	if r.HasReviewAt {
		o.key("review_at").percent(r.ReviewAt)
	}
	if r.UnknownOwners != ownership.UnknownReview {
		o.enum(p, "unknown_owners", r.UnknownOwners)
	}
	if len(r.Controls) > 0 {
		co := o.key("controls").open()
		for _, b := range ownership.Bases() {
			if eff, ok := r.Controls[b]; ok {
				co.enum(cfJoin(p, "controls"), b.String(), eff)
			}
		}
		if n := len(r.Controls); co.n != n && e.err == nil {
			e.err = fmt.Errorf("eligibility: encoding case file: %s: invalid basis or control effect", cfJoin(p, "controls"))
		}
		co.close()
	}
	if r.InEffect != nil {
		o.key("in_effect").array(len(r.InEffect), func(i int) {
			iv := e.open()
			iv.interval(r.InEffect[i])
			iv.close()
		})
	}
	o.close()
}

// cfAppendJSONString appends s as a JSON string. Invalid UTF-8 is written as U+FFFD.
func cfAppendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, `\ufffd`...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}
