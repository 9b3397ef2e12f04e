package eligibility

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them.
var (
	// ErrInvalid is wrapped by a [*ValidationError]: the input is malformed or inconsistent.
	ErrInvalid = errors.New("eligibility: invalid input")
	// ErrUnknownSubject is returned by [Evaluate] for a subject the world does not hold.
	ErrUnknownSubject = errors.New("eligibility: unknown subject")
)

// Problem is one thing wrong with an input, at a place named by a JSON-style path such as
// `stakes[3].percent` or `policy.rules[0].threshold`.
type Problem struct {
	Path    string
	Message string
}

// String formats the problem as "path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// ValidationError lists every problem found in one input, in the order found. It wraps
// [ErrInvalid].
type ValidationError struct {
	// What names the input: "case file", "world", "policy".
	What     string
	Problems []Problem
}

// Error lists the problems, one per line after the first.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("eligibility: invalid ")
	b.WriteString(e.What)
	if len(e.Problems) == 1 {
		b.WriteString(": ")
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	b.WriteString(":")
	for i, p := range e.Problems {
		if i == 50 {
			fmt.Fprintf(&b, "\n\t… and %d more", len(e.Problems)-i)
			break
		}
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns [ErrInvalid].
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// problems collects problems while a builder or decoder walks its input.
type problems struct {
	list []Problem
}

func (p *problems) add(path, msg string) { p.list = append(p.list, Problem{path, msg}) }

func (p *problems) err(what string) error {
	if len(p.list) == 0 {
		return nil
	}
	return &ValidationError{What: what, Problems: p.list}
}
