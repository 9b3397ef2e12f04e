// Package place turns the country text of list files into jurisdiction codes, with a cache
// so that a file's few hundred distinct spellings are parsed once each.
package place

import (
	"errors"
	"strings"

	"github.com/eligo/eligo/jurisdiction"
)

// Resolver parses country text through [jurisdiction.Parse] and [jurisdiction.ParseName],
// remembering each answer. The zero value is ready to use; it is not safe for concurrent
// use.
type Resolver struct {
	cache map[string]result
}

type result struct {
	code jurisdiction.Code
	err  error
}

// Country parses text that a source states is a country (a country column, a
// "nationality" remark): an ISO code ("RU", "US-DE") or a name ("Russia", "Korea,
// North"). When a name is ambiguous between exactly one ISO 3166-1 country and
// subdivisions of others ("Georgia": GE or US-GA), the field's meaning settles it: the
// country is taken. Any other failure is returned as the jurisdiction package's error.
func (r *Resolver) Country(text string) (jurisdiction.Code, error) {
	text = strings.TrimSpace(text)
	if res, ok := r.cache[text]; ok {
		return res.code, res.err
	}
	c, err := country(text)
	if r.cache == nil {
		r.cache = map[string]result{}
	}
	r.cache[text] = result{c, err}
	return c, err
}

func country(text string) (jurisdiction.Code, error) {
	if len(text) == 2 && isUpper(text[0]) && isUpper(text[1]) {
		if c, err := jurisdiction.Parse(text); err == nil {
			return c, nil
		}
	}
	c, err := jurisdiction.ParseName(text)
	if err == nil {
		return c, nil
	}
	var amb *jurisdiction.AmbiguousError
	if errors.As(err, &amb) {
		var only jurisdiction.Code
		n := 0
		for _, cand := range amb.Candidates {
			if !cand.IsSubdivision() {
				only = cand
				n++
			}
		}
		if n == 1 {
			return only, nil
		}
	}
	return jurisdiction.Code{}, err
}

// Code parses an exact ISO code ("US-DE", "CN"), falling back to [Resolver.Country] for
// text that is not one.
func (r *Resolver) Code(text string) (jurisdiction.Code, error) {
	text = strings.TrimSpace(text)
	if c, err := jurisdiction.Parse(text); err == nil {
		return c, nil
	}
	return r.Country(text)
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
