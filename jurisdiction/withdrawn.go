package jurisdiction

import (
	"slices"
	"strings"
)

// Withdrawn is an entry of ISO 3166-3: a country code withdrawn from ISO
// 3166-1, such as the USSR (SU, SUN, 810, SUHH).
//
// Withdrawn codes are not [Code] values: [Parse] and [ParseName] reject them
// with a [*WithdrawnError] that carries these entries, so that old data is
// reported rather than silently misread.
type Withdrawn struct {
	Alpha2  string // former alpha-2 code, e.g. "SU"
	Alpha3  string // former alpha-3 code, e.g. "SUN"
	Alpha4  string // ISO 3166-3 alpha-4 code, e.g. "SUHH"
	Numeric string // former numeric code, "" if none
	Name    string // former name, as iso-codes spells it
	Date    string // withdrawal date as ISO 3166-3 gives it: "1992-08-30" or a year, "1977"

	// ReplacedBy lists the current ISO 3166-1 countries that cover the
	// former territory, sorted. Source: the "new codes" of the ISO 3166-3
	// entry (iso-codes does not carry them; they are curated in gen.go).
	ReplacedBy []Code

	// Comment is the iso-codes remark, if any; Note is this package's, if any.
	Comment, Note string
}

// withdrawnEntry is the generated form of a Withdrawn.
type withdrawnEntry struct {
	alpha2, alpha3, alpha4, numeric, name, date, comment, replacedBy, note string
}

func (w *withdrawnEntry) export() Withdrawn {
	var repl []Code
	for _, f := range strings.Fields(w.replacedBy) {
		repl = append(repl, MustParse(f))
	}
	slices.SortFunc(repl, Compare)
	return Withdrawn{
		Alpha2: w.alpha2, Alpha3: w.alpha3, Alpha4: w.alpha4, Numeric: w.numeric,
		Name: w.name, Date: w.date, ReplacedBy: repl, Comment: w.comment, Note: w.note,
	}
}

// WithdrawnCodes returns every ISO 3166-3 entry, sorted by alpha-4 code.
// Each call returns a new slice.
func WithdrawnCodes() []Withdrawn {
	out := make([]Withdrawn, len(withdrawnTab))
	for i := range withdrawnTab {
		out[i] = withdrawnTab[i].export()
	}
	return out
}

// Which field of a withdrawn entry an input is compared with.
const (
	fieldAlpha2 = iota
	fieldAlpha3
	fieldAlpha4
	fieldNumeric
	fieldPrefix // the alpha-2 prefix of a subdivision code
)

// unknownOrWithdrawn returns a *WithdrawnError if key (upper case) is a
// withdrawn code of the given kind that is not current, and an ErrUnknown
// *ParseError otherwise. It is only reached when key is not a current code.
func unknownOrWithdrawn[T string | []byte](input T, key []byte, field int) error {
	var ws []int
	for i := range withdrawnTab {
		w := &withdrawnTab[i]
		var v string
		switch field {
		case fieldAlpha2, fieldPrefix:
			v = w.alpha2
		case fieldAlpha3:
			v = w.alpha3
		case fieldAlpha4:
			v = w.alpha4
		case fieldNumeric:
			v = w.numeric
		}
		if v != "" && compareBytes(v, key) == 0 {
			ws = append(ws, i)
		}
	}
	if len(ws) == 0 {
		return unknownError(input)
	}
	return withdrawnError(string(input), ws)
}

// withdrawnError builds the error for the given withdrawnTab entries, most
// recently withdrawn first.
func withdrawnError(input string, ws []int) error {
	e := &WithdrawnError{Input: input}
	for _, i := range ws {
		e.Withdrawn = append(e.Withdrawn, withdrawnTab[i].export())
	}
	slices.SortStableFunc(e.Withdrawn, func(a, b Withdrawn) int { return strings.Compare(b.Date, a.Date) })
	return e
}
