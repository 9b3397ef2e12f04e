package jurisdiction

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps exactly one of
// them; test with [errors.Is], and use [errors.As] with [*ParseError],
// [*WithdrawnError] or [*AmbiguousError] for the details.
var (
	// ErrSyntax reports text that is not of the form of a code or name.
	ErrSyntax = errors.New("jurisdiction: invalid syntax")
	// ErrUnknown reports a well-formed code or a name that is not in the tables.
	ErrUnknown = errors.New("jurisdiction: unknown code or name")
	// ErrWithdrawn reports a code or name withdrawn from ISO 3166 (listed in
	// ISO 3166-3).
	ErrWithdrawn = errors.New("jurisdiction: withdrawn from ISO 3166")
	// ErrAmbiguous reports a name that denotes more than one jurisdiction.
	ErrAmbiguous = errors.New("jurisdiction: ambiguous name")
)

// ParseError reports text that [Parse], [ParseName] or an UnmarshalText
// method could not read, and why: Err is [ErrSyntax] or [ErrUnknown].
type ParseError struct {
	Input string // the text as given
	Name  bool   // whether the text was read as a name ([ParseName]) rather than a code
	Err   error  // ErrSyntax or ErrUnknown
}

// Error returns a message naming the input, such as
// `jurisdiction: unknown code "XX"`.
func (e *ParseError) Error() string {
	what := "code"
	if e.Name {
		what = "name"
	}
	var b strings.Builder
	b.WriteString("jurisdiction: ")
	if e.Err == ErrSyntax {
		b.WriteString("invalid " + what + " syntax ")
	} else {
		b.WriteString("unknown " + what + " ")
	}
	b.WriteString(strconv.Quote(e.Input))
	if e.Err == ErrSyntax && e.Input != strings.TrimSpace(e.Input) {
		b.WriteString(" (surrounding white space)")
	}
	return b.String()
}

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

// WithdrawnError reports a code or name withdrawn from ISO 3166, with the
// ISO 3166-3 entries that used it and the codes that replaced them.
type WithdrawnError struct {
	Input     string      // the text as given
	Withdrawn []Withdrawn // the ISO 3166-3 entries it names, most recently withdrawn first; at least one
}

// Error returns a message naming the input, what it stood for, when it was
// withdrawn and what replaced it, such as
// `jurisdiction: "SU" was withdrawn from ISO 3166: USSR, Union of Soviet Socialist Republics (SUHH), withdrawn 1992-08-30, replaced by AM, AZ, ...`.
func (e *WithdrawnError) Error() string {
	var b strings.Builder
	b.WriteString("jurisdiction: ")
	b.WriteString(strconv.Quote(e.Input))
	b.WriteString(" was withdrawn from ISO 3166: ")
	for i, w := range e.Withdrawn {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(w.Name)
		b.WriteString(" (" + w.Alpha4 + "), withdrawn " + w.Date)
		if len(w.ReplacedBy) > 0 {
			b.WriteString(", replaced by ")
			for j, c := range w.ReplacedBy {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(c.String())
			}
		}
		if w.Note != "" {
			b.WriteString(" (" + w.Note + ")")
		}
	}
	return b.String()
}

// Unwrap returns [ErrWithdrawn].
func (e *WithdrawnError) Unwrap() error { return ErrWithdrawn }

// AmbiguousError reports a name that denotes several jurisdictions, such as
// "Georgia" (the country GE and the US state US-GA). The package never picks
// one: the caller must say which.
type AmbiguousError struct {
	Input      string // the text as given
	Candidates []Code // the jurisdictions it may denote, sorted; at least two
}

// Error returns a message naming the input and the candidates, such as
// `jurisdiction: ambiguous name "Georgia": GE (Georgia) or US-GA (Georgia)`.
func (e *AmbiguousError) Error() string {
	var b strings.Builder
	b.WriteString("jurisdiction: ambiguous name ")
	b.WriteString(strconv.Quote(e.Input))
	b.WriteString(": ")
	for i, c := range e.Candidates {
		switch {
		case i == 0:
		case i == len(e.Candidates)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(c.String() + " (" + c.Name() + ")")
	}
	return b.String()
}

// Unwrap returns [ErrAmbiguous].
func (e *AmbiguousError) Unwrap() error { return ErrAmbiguous }

func syntaxError[T string | []byte](s T) error {
	return &ParseError{Input: string(s), Err: ErrSyntax}
}

func unknownError[T string | []byte](s T) error {
	return &ParseError{Input: string(s), Err: ErrUnknown}
}
