package jurisdiction

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/eligo/eligo/jurisdiction/internal/fold"
)

// Name-index tiers; a lower tier wins. Must match gen.go.
const (
	tierAlias       = 0 // the package's alias table
	tierPrimary     = 1 // ISO 3166-1 names and codes; US subdivision names and codes
	tierVariant     = 2 // derived forms of ISO 3166-1 names ("Republic of Korea")
	tierSubdivision = 3 // other ISO 3166-2 names and their derived forms
	tierWithdrawn   = 4 // ISO 3166-3 names and codes

	tierShift = 13
	valMask   = 1<<tierShift - 1
)

// maxNameLen bounds the work ParseName does on hostile input.
const maxNameLen = 256

// ParseName reads free text naming a country, territory or subdivision, such
// as a place of incorporation, and returns its code. It never guesses: text
// that names no jurisdiction gives a [*ParseError] wrapping [ErrUnknown], text
// that names several gives an [*AmbiguousError], and the name of a withdrawn
// country ("Netherlands Antilles", "USSR") a [*WithdrawnError].
//
// # Matching
//
// Case, diacritics, punctuation, apostrophes and the word "the" are ignored,
// "&" reads as "and" and "St." as "Saint" (see Key rules below). The text
// is matched, in this order of precedence, against
//
//  1. a small alias table of common names ISO lacks: "USA", "UK", "Great
//     Britain", "PRC", "Mainland China", "Russia", "South Korea", "DPRK",
//     "Holland", "Turkey", "Burma", "Ivory Coast", "Brasil", ...;
//  2. ISO 3166-1 names, official names and common names ("China",
//     "People's Republic of China", "Taiwan"), alpha-2 and alpha-3 codes, and
//     the names and codes of US states and territories ("Delaware", "DE");
//  3. forms derived from ISO 3166-1 names ("Republic of Korea", "Bolivia",
//     "Falkland Islands");
//  4. ISO 3166-2 subdivision names and their derived forms ("Beijing",
//     "Hong Kong SAR", "England", "Bayern"), when only one subdivision bears
//     the name;
//  5. ISO 3166-3 names and codes of withdrawn countries.
//
// The first level with a match decides; if it matches several jurisdictions
// the result is an [*AmbiguousError]. So "Georgia" is ambiguous (the country
// and the US state), "DE" is ambiguous (Germany and Delaware), "Korea" is
// ambiguous (KR and KP), while "Luxembourg" is the country, not the Belgian
// province. ISO 3166-2 codes ("US-DE") and three-digit numeric codes are
// read as by [Parse].
//
// Text of the form "place, container" or "(container) place", such as
// "Alberta, Canada", "Georgia, USA", "Paris, France", "Hong Kong, S.A.R.,
// China" or "(USA) Delaware", is read as the container narrowed, when one of
// the other parts names a unit inside it, to that unit (CA-AB, US-GA, FR-75,
// HK, US-DE); parts that name nothing, such as a city ISO does not list, are
// ignored ("Cape Town, South Africa" is ZA). The container is the last part,
// or the first if the last names nothing; if it is ambiguous, a part that
// names a unit inside exactly one of its readings decides ("Tbilisi,
// Georgia" is GE-TB; "Atlanta, Georgia" stays ambiguous). A part that names a
// country other than the container's makes the text ambiguous ("Macao,
// Portugal"). The container may be a withdrawn country whose successor a
// part names ("Curaçao, Netherlands Antilles" is CW).
//
// # Key rules
//
// Letters with diacritics fold to their base letters ("Curaçao" matches
// "Curacao"); dotted initials join ("U.K." matches "UK", "S.A.R." matches
// "SAR"); "St" and "St." read as "Saint", "So." as "South"; a trailing
// "State" or "Province" is dropped if the text does not match with it ("New
// York State"); and "A and B" reads as A when B lies inside A ("United
// Kingdom & Northern Ireland").
//
// ParseName allocates; its cost grows with the length of s, which is limited
// to 256 bytes. It is safe for concurrent use.
func ParseName(s string) (Code, error) {
	if len(s) > maxNameLen {
		return Code{}, &ParseError{Input: s, Name: true, Err: ErrUnknown}
	}
	t := strings.TrimSpace(s)
	if isCodeLike(t) {
		c, err := Parse(t)
		var we *WithdrawnError
		if err == nil {
			return c, nil
		}
		if errors.As(err, &we) {
			we.Input = s
			return Code{}, we
		}
	}
	key := fold.Key(s)
	if key == "" {
		return Code{}, &ParseError{Input: s, Name: true, Err: ErrSyntax}
	}
	if r := lookup(key); r.found() {
		return r.result(s)
	}
	switch parts := splitParts(s); {
	case len(parts) >= 2:
		if c, err, ok := resolveParts(s, parts); ok {
			return c, err
		}
	case len(parts) == 1:
		if c, err, ok := resolveTrailingCountry(s, parts); ok {
			return c, err
		}
	}
	return Code{}, &ParseError{Input: s, Name: true, Err: ErrUnknown}
}

// isCodeLike reports whether s has the form of an ISO 3166-2 code or a
// numeric code, which ParseName reads as Parse does.
func isCodeLike(s string) bool {
	if len(s) == 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) {
		return true
	}
	return len(s) >= 4 && len(s) <= 6 && s[2] == '-'
}

// match is the outcome of looking up one key: the entries at the best tier.
type match struct {
	tier int
	vals []uint16 // code indices, or withdrawnTab indices for tierWithdrawn; empty if none
	all  []uint16 // every entry of the key, all tiers
}

func (m match) found() bool { return len(m.vals) > 0 }

// code returns the single code matched, if any.
func (m match) code() (Code, bool) {
	if len(m.vals) == 1 && m.tier != tierWithdrawn {
		return Code{m.vals[0]}, true
	}
	return Code{}, false
}

func (m match) result(input string) (Code, error) {
	if c, ok := m.code(); ok {
		return c, nil
	}
	if m.tier == tierWithdrawn {
		ws := make([]int, len(m.vals))
		for i, v := range m.vals {
			ws[i] = int(v)
		}
		return Code{}, withdrawnError(input, ws)
	}
	return Code{}, ambiguous(input, m.vals)
}

func ambiguous(input string, vals []uint16) error {
	e := &AmbiguousError{Input: input}
	for _, v := range vals {
		e.Candidates = append(e.Candidates, Code{v})
	}
	slices.SortFunc(e.Candidates, Compare)
	e.Candidates = slices.Compact(e.Candidates)
	return e
}

// lookup finds key in the name index. Failing an exact match, it retries
// without a trailing "state" or "province" ("New York State"), and reads
// "A and B", where B lies inside A, as A ("United Kingdom and Northern
// Ireland").
func lookup(key string) match {
	if m := lookupExact(key); m.found() {
		return m
	}
	for _, suffix := range []string{" state", " province"} {
		if k, ok := strings.CutSuffix(key, suffix); ok {
			if m := lookupExact(k); m.found() {
				return m
			}
		}
	}
	for i := 0; ; {
		j := strings.Index(key[i:], " and ")
		if j < 0 {
			return match{}
		}
		j += i
		a, aok := lookupExact(key[:j]).code()
		b, bok := lookupExact(key[j+len(" and "):]).code()
		if aok && bok && isWithin(b.i, a.i) {
			return match{tier: tierPrimary, vals: []uint16{a.i}, all: []uint16{tierPrimary<<tierShift | a.i}}
		}
		i = j + 1
	}
}

func lookupExact(key string) match {
	k := sort.Search(numNameKeys, func(k int) bool { return nameKey(k) >= key })
	if k == numNameKeys || nameKey(k) != key {
		return match{}
	}
	ents := nameEnt[nameKeyEnt[k]:nameKeyEnt[k+1]]
	m := match{all: ents, tier: int(ents[0] >> tierShift)}
	for _, e := range ents {
		if int(e>>tierShift) != m.tier {
			break
		}
		m.vals = append(m.vals, e&valMask)
	}
	return m
}

func nameKey(k int) string { return nameKeyStr[nameKeyOff[k]:nameKeyOff[k+1]] }

// splitParts splits s at commas, semicolons, slashes and parentheses and
// returns the keys of the non-empty parts.
func splitParts(s string) []string {
	var parts []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', ';', '/', '(', ')', '[', ']':
			return true
		}
		return false
	}) {
		if k := fold.Key(p); k != "" {
			parts = append(parts, k)
		}
	}
	return parts
}

// container is the unit a multi-part name is read within: a code, or a
// withdrawn country (whose successors are inside it).
type container struct {
	code      Code
	withdrawn []uint16 // withdrawnTab indices
}

// containerOf reads part at of parts as a container. If the part names
// several jurisdictions, the one that another part relates to (lies inside it
// or encloses it) is chosen, if there is exactly one; otherwise the part is
// ambiguous and err reports it. found is false if the part names nothing.
func containerOf(input string, parts []string, at int) (k container, err error, found bool) {
	m := lookup(parts[at])
	switch {
	case !m.found():
		return container{}, nil, false
	case m.tier == tierWithdrawn:
		return container{withdrawn: m.vals}, nil, true
	}
	if c, ok := m.code(); ok {
		return container{code: c}, nil, true
	}
	var chosen []uint16
	for _, v := range m.vals {
		k := container{code: Code{v}}
		for i, p := range parts {
			if i != at && k.relates(lookup(p)) {
				chosen = append(chosen, v)
				break
			}
		}
	}
	if len(chosen) == 1 {
		return container{code: Code{chosen[0]}}, nil, true
	}
	return container{}, ambiguous(input, m.vals), true
}

// relates reports whether a part names something inside the container or
// enclosing it.
func (k container) relates(m match) bool {
	for _, e := range m.all {
		if v := e & valMask; e>>tierShift != tierWithdrawn && (k.inside(v) || k.encloses(v)) {
			return true
		}
	}
	return false
}

// inside reports whether code x lies strictly inside the container: it is a
// subdivision of it, a territory ISO also lists under it (HK under CN, or a
// subdivision of such a territory), or, for a withdrawn container, one of its
// successors or inside one.
func (k container) inside(x uint16) bool {
	if k.code.IsValid() {
		if x == k.code.i {
			return false
		}
		for y := x; y != 0; y = parentOf[y] {
			if y == k.code.i {
				return true
			}
			if p, ok := dualParent(y); ok && p == k.code.i {
				return true
			}
		}
		return false
	}
	for _, w := range k.withdrawn {
		for _, f := range strings.Fields(withdrawnTab[w].replacedBy) {
			r := MustParse(f)
			if isWithin(x, r.i) {
				return true
			}
		}
	}
	return false
}

// encloses reports whether code x contains the container or equals it, as US
// encloses US-DE in "(USA) Delaware".
func (k container) encloses(x uint16) bool {
	return k.code.IsValid() && isWithin(k.code.i, x)
}

func (k container) result(input string) (Code, error) {
	if k.code.IsValid() {
		return k.code, nil
	}
	ws := make([]int, len(k.withdrawn))
	for i, w := range k.withdrawn {
		ws[i] = int(w)
	}
	return Code{}, withdrawnError(input, ws)
}

// resolveParts reads a multi-part name (see ParseName). ok is false if the
// parts do not form a reading, so that the caller reports the text unknown.
func resolveParts(input string, parts []string) (_ Code, _ error, ok bool) {
	// The container is the last part or, if that names nothing, the first.
	at := len(parts) - 1
	k, err, found := containerOf(input, parts, at)
	if !found {
		at = 0
		k, err, found = containerOf(input, parts, at)
	}
	if err != nil {
		return Code{}, err, true
	}
	if !found {
		return resolveTrailingCountry(input, parts)
	}
	// Look for a unit inside the container, from the innermost part out.
	for i := len(parts) - 1; i >= 0; i-- {
		if i == at {
			continue
		}
		m := lookup(parts[i])
		if c, ok := narrow(k, m); ok {
			return c, nil, true
		}
		// A part naming a different country contradicts the container.
		if c, ok := m.code(); ok && m.tier <= tierVariant && k.code.IsValid() &&
			c.Country() != k.code.Country() && !k.inside(c.i) && !k.encloses(c.i) {
			return Code{}, ambiguous(input, []uint16{k.code.i, c.i}), true
		}
	}
	c, err := k.result(input)
	return c, err, true
}

// narrow returns the single code among a part's entries, at the best tier
// that has any, that lies inside the container.
func narrow(k container, m match) (Code, bool) {
	bestTier := -1
	var hit uint16
	n := 0
	for _, e := range m.all {
		t, v := int(e>>tierShift), e&valMask
		if t == tierWithdrawn || !k.inside(v) {
			continue
		}
		switch {
		case bestTier < 0:
			bestTier, hit, n = t, v, 1
		case t == bestTier && v != hit:
			n++
		}
	}
	return Code{hit}, n == 1
}

// resolveTrailingCountry handles a last part that ends in a country code or
// name, as in "Champaign, IL USA" or "Ontario Canada": the trailing words
// must name a country at the primary level and the words before them a unit
// inside it.
func resolveTrailingCountry(input string, parts []string) (Code, error, bool) {
	words := strings.Fields(parts[len(parts)-1])
	for n := 1; n <= 2 && n < len(words); n++ {
		m := lookupExact(strings.Join(words[len(words)-n:], " "))
		c, ok := m.code()
		if !ok || m.tier > tierPrimary || c.IsSubdivision() {
			continue
		}
		k := container{code: c}
		if u, ok := narrow(k, lookup(strings.Join(words[:len(words)-n], " "))); ok {
			return u, nil, true
		}
	}
	return Code{}, nil, false
}
