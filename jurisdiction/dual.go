package jurisdiction

import "slices"

// DualCode records a territory that ISO codes twice: once in ISO 3166-1 (or
// as a subdivision of such a code) and once as a subdivision of another
// country in ISO 3166-2. Hong Kong is "HK" and also "CN-HK"; Puerto Rico is
// "PR" and also "US-PR"; Bonaire is "BQ-BO" and also "NL-BQ1".
//
// The package applies one rule to such territories: the subdivision code is
// read as the code it stands for ([Parse]("CN-HK") == [MustParse]("HK")), and
// the country whose prefix it bears never contains it implicitly: a [Set]
// holding CN does not contain HK. Users who want "China with its SARs" add
// the territories themselves, for instance from [TerritoriesOf]. The relation
// is offered as data and never applied silently.
//
// Svalbard ("NO-21") and Jan Mayen ("NO-22") are the one case where the
// subdivision code stays a code of its own: together they make up "SJ",
// which ISO does not subdivide, so they are codes whose [Code.Country] is SJ.
type DualCode struct {
	// Subdivision is the ISO 3166-2 code as ISO writes it, e.g. "CN-HK".
	Subdivision string
	// Parent is the country whose prefix Subdivision bears, e.g. CN.
	Parent Code
	// Territory is the code Subdivision parses to, e.g. HK. Always
	// Parse(Subdivision) == Territory, and Territory.Country() is never Parent.
	Territory Code
}

// dualEntry is the generated form of a DualCode.
type dualEntry struct {
	sub               string
	parent, territory uint16
}

// DualCoded returns every dual-coded territory, sorted by Subdivision. Each
// call returns a new slice.
//
// The list is curated from the remarks of ISO 3166-1 ("Included also as
// subdivision of ...") and checked against the ISO 3166-2 data when the
// tables are generated.
func DualCoded() []DualCode {
	out := make([]DualCode, len(dualTab))
	for i, d := range dualTab {
		out[i] = DualCode{Subdivision: d.sub, Parent: Code{d.parent}, Territory: Code{d.territory}}
	}
	return out
}

// TerritoriesOf returns the territories that ISO also lists as subdivisions
// of country, sorted and without duplicates: HK, MO and TW for CN; AS, GU,
// MP, PR, UM and VI for US. It returns nil for a country without such
// territories, a subdivision or the zero Code.
//
// A set holding a country together with its territories is built with
//
//	cn := jurisdiction.MustParse("CN")
//	withSARs := jurisdiction.NewSet(append(jurisdiction.TerritoriesOf(cn), cn)...)
func TerritoriesOf(country Code) []Code {
	if !country.IsValid() {
		return nil
	}
	var out []Code
	for _, d := range dualTab {
		if d.parent == country.i {
			out = append(out, Code{d.territory})
		}
	}
	slices.SortFunc(out, Compare)
	return slices.Compact(out)
}

// dualParent returns the country under which ISO also lists territory t, if
// any (CN for HK).
func dualParent(t uint16) (uint16, bool) {
	for _, d := range dualTab {
		if d.territory == t && d.parent != countryOf[t] {
			return d.parent, true
		}
	}
	return 0, false
}

// searchDual finds an upper-case subdivision code in dualTab.
func searchDual(code []byte) (int, bool) {
	lo, hi := 0, len(dualTab)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := compareBytes(dualTab[m].sub, code); {
		case c == 0:
			return m, true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}
