package resolve

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them.
var (
	// ErrInvalid is wrapped by a [*BuildError]: a record is malformed.
	ErrInvalid = errors.New("resolve: invalid record")
	// ErrNameTooLong: a name has more than [MaxNameBytes] bytes.
	ErrNameTooLong = errors.New("resolve: name too long")
	// ErrNoTokens: a name has no letter or digit, so there is nothing to match.
	ErrNoTokens = errors.New("resolve: name has no letters or digits")
	// ErrQuery: a query is malformed (no names and no identifiers, a negative limit, a
	// score above 1).
	ErrQuery = errors.New("resolve: invalid query")
	// ErrIdentifier: an identifier fails the check its standard defines.
	ErrIdentifier = errors.New("resolve: malformed identifier")
	// ErrScore: a text is not a score between 0 and 1 with at most four decimals.
	ErrScore = errors.New("resolve: invalid score")
)

// Problem is one thing wrong with one field of one record (or of a query), named by a path
// such as `records[3].names[1]`.
type Problem struct {
	Path  string // records[i].names[j] or records[i].ids[j]; names[j] or ids[j] in a query
	Key   string // the record's key, when it has one
	Value string // the offending value (a name is cut to 64 bytes)
	Err   error  // wraps one of the sentinel errors
}

// String formats the problem as "path (key): error".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Key != "" {
		fmt.Fprintf(&b, " (key %q)", p.Key)
	}
	b.WriteString(": ")
	if p.Err != nil {
		b.WriteString(p.Err.Error())
	}
	return b.String()
}

// BuildError lists every problem that stopped [Build], in record order. It wraps
// [ErrInvalid], and through [errors.Is] each problem's own error.
type BuildError struct {
	Problems []Problem
}

// Error lists the problems, one per line after the first.
func (e *BuildError) Error() string {
	var b strings.Builder
	b.WriteString("resolve: invalid records:")
	if len(e.Problems) == 1 {
		b.WriteString(" ")
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns [ErrInvalid] and the error of every problem.
func (e *BuildError) Unwrap() []error {
	errs := []error{ErrInvalid}
	for _, p := range e.Problems {
		if p.Err != nil {
			errs = append(errs, p.Err)
		}
	}
	return errs
}

func clip(s string) string {
	if len(s) <= 64 {
		return s
	}
	i := 64
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
