// Package links resolves the names of list links ("Linked To: X") to list entries.
package links

import (
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/ownership"
)

// Outcome says how one link resolved.
type Outcome uint8

const (
	Resolved Outcome = iota // To is set
	None                    // the name is no entry's name or alias
	Several                 // the name is the primary name, or else an alias, of several entries
	Self                    // the name is the entry's own
)

// Resolve sets the To of every link whose name is the primary name of exactly one entity,
// or, when no primary name matches, an alias of exactly one. Names compare without case and
// with runs of white space as one; a name ending in a full stop is also tried without it.
// byID maps an entity id to its index in ents. For each link that does not resolve, report
// is called with the link's index, the outcome and the candidates' ids.
func Resolve(ls []importer.Link, ents []eligibility.Entity, byID func(string) int, report func(i int, o Outcome, cands []string)) {
	if len(ls) == 0 {
		return
	}
	primary := make(map[string][]int, len(ents))
	alias := make(map[string][]int, len(ents))
	add := func(index map[string][]int, name string, i int) {
		k := Key(name)
		c := index[k]
		if len(c) > 0 && c[len(c)-1] == i {
			return
		}
		index[k] = append(c, i)
	}
	for i := range ents {
		add(primary, ents[i].Name, i)
		for _, a := range ents[i].Aliases {
			add(alias, a, i)
		}
	}
	lookup := func(name string) []int {
		k := Key(name)
		if c := primary[k]; len(c) > 0 {
			return c
		}
		return alias[k]
	}
	for i := range ls {
		l := &ls[i]
		from := byID(l.From)
		cands := lookup(l.Name)
		if len(cands) == 0 && strings.HasSuffix(l.Name, ".") {
			cands = lookup(strings.TrimSuffix(l.Name, "."))
		}
		switch {
		case len(cands) == 1 && cands[0] == from:
			report(i, Self, nil)
		case len(cands) == 1:
			l.To = ents[cands[0]].ID
		case len(cands) == 0:
			report(i, None, nil)
		default:
			ids := make([]string, len(cands))
			for j, c := range cands {
				ids[j] = ents[c].ID
			}
			report(i, Several, ids)
		}
	}
}

// Controls returns a control of basis b for every resolved link whose entry is not a
// person: the linked party controls the entry. byID maps an id to its index in ents.
func Controls(ls []importer.Link, ents []eligibility.Entity, byID func(string) int, b ownership.Basis) []eligibility.Control {
	var out []eligibility.Control
	for _, l := range ls {
		if l.To == "" || l.To == l.From {
			continue
		}
		if ents[byID(l.From)].Kind == eligibility.Person {
			continue
		}
		out = append(out, eligibility.Control{Controller: l.To, Controlled: l.From, Basis: b})
	}
	return out
}

// Key is the form in which names compare: upper case, runs of white space as one space,
// no space at either end.
func Key(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('a' <= c && c <= 'z') || c == '\t' || c == '\n' || c == '\r' || (c == ' ' && prevSpace) {
			clean = false
			break
		}
		prevSpace = c == ' '
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(strings.ToUpper(s)), " ")
}
