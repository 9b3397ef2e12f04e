package bods

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A hand-written JSON reader for BODS statements: encoding/json decodes them at about
// 30 MB/s, this at several times that, and it reads one statement at a time so that a
// malformed statement costs only itself. It accepts exactly the JSON grammar (RFC 8259)
// and fills the same structs, with encoding/json's rules: unknown keys are ignored, null
// leaves a field unset, the last of repeated keys wins, and a value of the wrong type is
// an error for the statement. Its results are checked against encoding/json in tests.

var errSyntax = errors.New("invalid JSON")

type parser struct {
	b   []byte
	i   int
	err error
}

func (p *parser) fail(what string) {
	if p.err == nil {
		p.err = fmt.Errorf("%w at byte %d of the statement: %s", errSyntax, p.i, what)
	}
	p.i = len(p.b)
}

func (p *parser) typeErr(field, want string) {
	if p.err == nil {
		p.err = fmt.Errorf("field %s: want %s", field, want)
	}
}

func (p *parser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) peek() byte {
	p.ws()
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

// null consumes a null literal if one is next.
func (p *parser) null() bool {
	if p.peek() == 'n' {
		p.literal("null")
		return true
	}
	return false
}

func (p *parser) literal(lit string) {
	if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
		p.i += len(lit)
		return
	}
	p.fail("bad literal")
}

// object calls fn for each key of the object that comes next; fn must consume the value.
func (p *parser) object(fn func(key []byte)) {
	if p.peek() != '{' {
		p.fail("want an object")
		return
	}
	p.i++
	if p.peek() == '}' {
		p.i++
		return
	}
	for p.err == nil {
		if p.peek() != '"' {
			p.fail("want a key")
			return
		}
		key, ok := p.rawString()
		if !ok {
			return
		}
		if p.peek() != ':' {
			p.fail("want ':'")
			return
		}
		p.i++
		fn(key)
		switch p.peek() {
		case ',':
			p.i++
		case '}':
			p.i++
			return
		default:
			p.fail("want ',' or '}'")
			return
		}
	}
}

// array calls fn for each element of the array that comes next; fn must consume it.
func (p *parser) array(fn func()) {
	if p.peek() != '[' {
		p.fail("want an array")
		return
	}
	p.i++
	if p.peek() == ']' {
		p.i++
		return
	}
	for p.err == nil {
		fn()
		switch p.peek() {
		case ',':
			p.i++
		case ']':
			p.i++
			return
		default:
			p.fail("want ',' or ']'")
			return
		}
	}
}

// rawString consumes a string and returns its content; escapes are decoded (into a new
// slice) only when present. The key form (no copy) is valid until the buffer changes.
func (p *parser) rawString() ([]byte, bool) {
	if p.peek() != '"' {
		p.fail("want a string")
		return nil, false
	}
	p.i++
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			return s, true
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			p.fail("control character in string")
			return nil, false
		}
		p.i++
	}
	p.fail("unterminated string")
	return nil, false
}

// escaped decodes a string with escapes, from start (just after the opening quote).
func (p *parser) escaped(start int) ([]byte, bool) {
	out := append([]byte(nil), p.b[start:p.i]...)
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return out, true
		case c < 0x20:
			p.fail("control character in string")
			return nil, false
		case c != '\\':
			out = append(out, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.b) {
			break
		}
		e := p.b[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return nil, false
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
					save := p.i
					p.i += 2
					var ok2 bool
					r2, ok2 = p.hex4()
					if !ok2 {
						return nil, false
					}
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						out = utf8.AppendRune(out, d)
						continue
					}
					p.i = save
				}
				out = utf8.AppendRune(out, utf8.RuneError)
				continue
			}
			out = utf8.AppendRune(out, r)
		default:
			p.fail("bad escape")
			return nil, false
		}
	}
	p.fail("unterminated string")
	return nil, false
}

func (p *parser) hex4() (rune, bool) {
	if p.i+4 > len(p.b) {
		p.fail("short \\u escape")
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			p.fail("bad \\u escape")
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// validString makes a Go string as encoding/json does: invalid UTF-8 becomes U+FFFD.
func validString(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return string(out)
}

// str reads a string field (null leaves dst unchanged).
func (p *parser) str(dst *string, field string) {
	switch p.peek() {
	case '"':
		b, ok := p.rawString()
		if ok {
			*dst = validString(b)
		}
	case 'n':
		p.literal("null")
	default:
		p.typeErr(field, "a string")
		p.skip()
	}
}

func (p *parser) boolean(field string) {
	switch p.peek() {
	case 't':
		p.literal("true")
	case 'f':
		p.literal("false")
	case 'n':
		p.literal("null")
	default:
		p.typeErr(field, "a boolean")
		p.skip()
	}
}

// strings reads an array of strings.
func (p *parser) strings(dst *[]string, field string) {
	if p.null() {
		return
	}
	if p.peek() != '[' {
		p.typeErr(field, "an array")
		p.skip()
		return
	}
	out := []string{}
	p.array(func() {
		var s string
		p.str(&s, field)
		out = append(out, s)
	})
	*dst = out
}

// number reads a JSON number, or a string holding one, as json.Number.
func (p *parser) number(dst *json.Number, field string) {
	switch c := p.peek(); {
	case c == 'n':
		p.literal("null")
	case c == '"':
		b, ok := p.rawString()
		if !ok {
			return
		}
		if !validNumber(b) {
			p.typeErr(field, "a number")
			return
		}
		*dst = json.Number(b)
	case c == '-' || ('0' <= c && c <= '9'):
		start := p.i
		p.scanNumber()
		*dst = json.Number(p.b[start:p.i])
	default:
		p.typeErr(field, "a number")
		p.skip()
	}
}

func (p *parser) scanNumber() {
	start := p.i
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case '0' <= c && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			p.i++
			continue
		}
		break
	}
	if !validNumber(p.b[start:p.i]) {
		p.i = start
		p.fail("bad number")
	}
}

// validNumber reports whether b is a JSON number.
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	return i == len(b)
}

// skip consumes any value.
func (p *parser) skip() {
	switch c := p.peek(); {
	case c == '{':
		p.object(func([]byte) { p.skip() })
	case c == '[':
		p.array(p.skip)
	case c == '"':
		p.skipString()
	case c == 't':
		p.literal("true")
	case c == 'f':
		p.literal("false")
	case c == 'n':
		p.literal("null")
	case c == '-' || ('0' <= c && c <= '9'):
		p.scanNumber()
	default:
		p.fail("want a value")
	}
}

// skipString consumes a string without decoding it.
func (p *parser) skipString() {
	p.i++
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return
		case c == '\\':
			if p.i+1 < len(p.b) && p.b[p.i+1] == 'u' {
				p.i += 2
				if _, ok := p.hex4(); !ok {
					return
				}
				continue
			}
			if p.i+1 >= len(p.b) || !isEscape(p.b[p.i+1]) {
				p.fail("bad escape")
				return
			}
			p.i += 2
		case c < 0x20:
			p.fail("control character in string")
			return
		default:
			p.i++
		}
	}
	p.fail("unterminated string")
}

func isEscape(c byte) bool {
	switch c {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	}
	return false
}

// raw consumes any value and returns its text (for the few fields kept as raw JSON).
func (p *parser) raw(dst *json.RawMessage) {
	p.ws()
	start := p.i
	p.skip()
	if p.err == nil {
		*dst = append(json.RawMessage(nil), p.b[start:p.i]...)
	}
}

// foldEqual reports whether key equals name without regard to case, as encoding/json
// matches field names (Unicode simple folding).
func foldEqual(key []byte, name string) bool {
	return strings.EqualFold(string(key), name)
}
