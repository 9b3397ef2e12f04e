package jurisdiction

import (
	"bufio"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eligo/eligo/jurisdiction/internal/fold"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseName(t *testing.T) {
	tests := []struct {
		in     string
		want   string // expected code, or "" for an error
		err    error
		reason string
	}{
		// Countries.
		{"China", "CN", nil, "ISO name"},
		{"People's Republic of China", "CN", nil, "official name"},
		{"Peoples Republic of China", "CN", nil, "apostrophe dropped"},
		{"PRC", "CN", nil, "alias"},
		{"Mainland China", "CN", nil, "alias"},
		{"Russian Federation", "RU", nil, "ISO name"},
		{"Russia", "RU", nil, "alias"},
		{"Republic of Korea", "KR", nil, "inverted ISO name"},
		{"Korea, Republic of", "KR", nil, "ISO name"},
		{"South Korea", "KR", nil, "common name"},
		{"DPRK", "KP", nil, "alias"},
		{"North Korea", "KP", nil, "common name"},
		{"The Netherlands", "NL", nil, "\"the\" is ignored"},
		{"Netherlands, Kingdom of the", "NL", nil, "inverted official name"},
		{"Slovak Republic", "SK", nil, "official name"},
		{"Czech Republic", "CZ", nil, "official name of Czechia"},
		{"Türkiye", "TR", nil, "ISO name with diacritics"},
		{"Turkiye", "TR", nil, "without diacritics"},
		{"Turkey", "TR", nil, "alias"},
		{"Côte d'Ivoire", "CI", nil, "diacritics and apostrophe"},
		{"COTE DIVOIRE", "CI", nil, "upper case"},
		{"Ivory Coast", "CI", nil, "alias"},
		{"Viet Nam", "VN", nil, "ISO name"},
		{"Vietnam", "VN", nil, "common name"},
		{"Bolivia", "BO", nil, "common name"},
		{"Iran", "IR", nil, "common name"},
		{"United States of America", "US", nil, "official name"},
		{"U.S.A.", "US", nil, "dotted initials"},
		{"UK", "GB", nil, "alias"},
		{"U.K.", "GB", nil, "dotted alias"},
		{"Great Britain", "GB", nil, "alias"},
		{"United Kingdom of Great Britain and Northern Ireland", "GB", nil, "official name"},
		{"British Virgin Islands", "VG", nil, "official name"},
		{"Virgin Islands, British", "VG", nil, "ISO name"},
		{"US Virgin Islands", "VI", nil, "inverted ISO name"},
		{"Falkland Islands", "FK", nil, "ISO name without its remark"},
		{"Congo", "CG", nil, "the ISO name of CG"},
		{"Democratic Republic of the Congo", "CD", nil, "inverted ISO name"},
		{"DRC", "CD", nil, "alias"},
		{"Burma", "MM", nil, "alias wins over the withdrawn name"},
		{"East Timor", "TL", nil, "alias wins over the withdrawn name"},
		{"CHN", "CN", nil, "alpha-3 code"},
		{"156", "CN", nil, "numeric code"},
		{"Brasil", "BR", nil, "endonym alias"},
		{"Deutschland", "DE", nil, "endonym alias"},
		{"Curaçao", "CW", nil, "ISO name"},
		{"Reunion", "RE", nil, "folded ISO name"},
		{"Åland", "AX", nil, "Åland is AX, also listed as FI-01"},
		// Dual-coded territories.
		{"Hong Kong", "HK", nil, "ISO name"},
		{"Hong Kong SAR", "HK", nil, "ISO 3166-2 name of CN-HK"},
		{"Hong Kong S.A.R.", "HK", nil, "dotted SAR"},
		{"Macau", "MO", nil, "alias"},
		{"Macao SAR", "MO", nil, "ISO 3166-2 name of CN-MO"},
		{"Taiwan", "TW", nil, "common name"},
		{"Taiwan, Province of China", "TW", nil, "ISO name"},
		{"Puerto Rico", "PR", nil, "ISO name, also US-PR"},
		{"Guadeloupe", "GP", nil, "ISO name, also FR-GP and FR-971"},
		{"Sint Maarten", "SX", nil, "ISO name without remark"},
		{"Saint Martin", "MF", nil, "ISO name without remark"},
		{"Bonaire", "BQ-BO", nil, "the BQ subdivision, also NL-BQ1"},
		{"Svalbard", "NO-21", nil, "Svalbard is inside SJ"},
		// US states and other subdivisions.
		{"Delaware", "US-DE", nil, "US state"},
		{"delaware", "US-DE", nil, "lower case"},
		{"New York", "US-NY", nil, "US state"},
		{"New York State", "US-NY", nil, "trailing State"},
		{"Washington", "US-WA", nil, "US state, not the city"},
		{"Washington, D.C.", "US-DC", nil, "alias"},
		{"District of Columbia", "US-DC", nil, "ISO name"},
		{"So. Carolina", "US-SC", nil, "dotted So."},
		{"IA", "US-IA", nil, "USPS code that is no country code"},
		{"US-DE", "US-DE", nil, "ISO 3166-2 code"},
		{"cn-bj", "CN-BJ", nil, "ISO 3166-2 code in lower case"},
		{"England", "GB-ENG", nil, "ISO 3166-2 name"},
		{"Scotland", "GB-SCT", nil, "ISO 3166-2 name"},
		{"Wales", "GB-WLS", nil, "ISO name without the bracketed Welsh name"},
		{"Cymru", "GB-WLS", nil, "bracketed alternative name"},
		{"Northern Ireland", "GB-NIR", nil, "ISO 3166-2 name"},
		{"Beijing", "CN-BJ", nil, "Chinese name without Shi"},
		{"Guangdong", "CN-GD", nil, "Chinese name without Sheng"},
		{"Xinjiang", "CN-XJ", nil, "Chinese name without Uygur Zizhiqu"},
		{"Crimea", "", ErrUnknown, "ISO calls it Avtonomna Respublika Krym"},
		{"Avtonomna Respublika Krym", "UA-43", nil, "ISO 3166-2 name"},
		{"Edinburgh", "GB-EDH", nil, "ISO name Edinburgh, City of"},
		{"City of Edinburgh", "GB-EDH", nil, "inverted ISO name"},
		{"Luxembourg", "LU", nil, "the country, not the Belgian province"},
		{"Mexico", "MX", nil, "the country, not the state"},
		// Multi-part names.
		{"Alberta, Canada", "CA-AB", nil, "province, country"},
		{"Brockville, Ontario, Canada", "CA-ON", nil, "city, province, country"},
		{"Paris, France", "FR-75", nil, "Paris is an ISO subdivision"},
		{"Lyon, France", "FR", nil, "a city ISO does not list"},
		{"Cape Town, South Africa", "ZA", nil, "a city ISO does not list"},
		{"Georgia, USA", "US-GA", nil, "container resolves the ambiguity"},
		{"Tbilisi, Georgia", "GE-TB", nil, "a part inside one reading of an ambiguous container resolves it"},
		{"Atlanta, Georgia", "", ErrAmbiguous, "nothing resolves the ambiguous container"},
		{"(USA) Georgia", "US-GA", nil, "a part enclosing one reading resolves it"},
		{"(USA) Delaware", "US-DE", nil, "parenthesised container"},
		{"United States, Delaware", "US-DE", nil, "container first"},
		{"Champaign, IL USA", "US-IL", nil, "USPS code and country in one part"},
		{"Nevada USA", "US-NV", nil, "state and country without a comma"},
		{"Ontario Canada", "CA-ON", nil, "province and country without a comma"},
		{"New Guinea", "", ErrUnknown, "the words before a country name must name a unit inside it"},
		{"Paris, Texas", "US-TX", nil, "a city named like a foreign subdivision"},
		{"Bermuda, U.K.", "", ErrAmbiguous, "ISO does not list BM under GB"},
		{"Limburg, Netherlands", "NL-LI", nil, "container resolves the ambiguity"},
		{"Limburg, Belgium", "BE-VLI", nil, "container resolves the ambiguity"},
		{"Luxembourg, Belgium", "BE-WLX", nil, "the Belgian province"},
		{"Hong Kong, China", "HK", nil, "dual-coded territory under its ISO parent"},
		{"Hong Kong, S.A.R., China", "HK", nil, "with a noise part"},
		{"Curaçao, Netherlands Antilles", "CW", nil, "successor inside a withdrawn container"},
		{"Surrey, England", "GB-SRY", nil, "container is a subdivision"},
		{"Delaware, Ohio", "US-OH", nil, "a city named like another state"},
		{"Macao, Portugal", "", ErrAmbiguous, "a part names another country"},
		{"Georgia, CIS", "", ErrAmbiguous, "unknown container, ambiguous part"},
		// Errors.
		{"Georgia", "", ErrAmbiguous, "the country or the US state"},
		{"Korea", "", ErrAmbiguous, "KR or KP"},
		{"DE", "", ErrAmbiguous, "Germany or Delaware"},
		{"CA", "", ErrAmbiguous, "Canada or California"},
		{"Virgin Islands", "", ErrAmbiguous, "VG or VI"},
		{"Punjab", "", ErrAmbiguous, "IN-PB or PK-PB"},
		{"Netherlands Antilles", "", ErrWithdrawn, "withdrawn in 2010"},
		{"USSR", "", ErrWithdrawn, "withdrawn name"},
		{"Yugoslavia", "", ErrWithdrawn, "withdrawn name"},
		{"Czechoslovakia", "", ErrWithdrawn, "withdrawn name"},
		{"SU", "", ErrWithdrawn, "withdrawn code"},
		{"YU-01", "", ErrWithdrawn, "subdivision code of a withdrawn country"},
		{"Kosovo", "", ErrUnknown, "no ISO code"},
		{"Columbia", "", ErrUnknown, "misspelling: never a guess"},
		{"Nordic", "", ErrUnknown, "a region"},
		{"America", "", ErrUnknown, "a continent"},
		{"XX-99", "", ErrUnknown, "unknown code"},
		{"", "", ErrSyntax, "empty"},
		{" ,. ", "", ErrSyntax, "punctuation only"},
		{strings.Repeat("a", 300), "", ErrUnknown, "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := ParseName(tt.in)
			if tt.err != nil {
				require.Error(t, err, "%s: got %s", tt.reason, c)
				assert.ErrorIs(t, err, tt.err, tt.reason)
				assert.False(t, c.IsValid())
				return
			}
			require.NoError(t, err, tt.reason)
			assert.Equal(t, tt.want, c.String(), tt.reason)
		})
	}
}

func TestParseNameErrors(t *testing.T) {
	_, err := ParseName("Georgia")
	var ae *AmbiguousError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Georgia", ae.Input)
	assert.Equal(t, codes("GE", "US-GA"), ae.Candidates)
	assert.Equal(t, `jurisdiction: ambiguous name "Georgia": GE (Georgia) or US-GA (Georgia)`, err.Error())

	_, err = ParseName("Nordic")
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.True(t, pe.Name)
	assert.Equal(t, `jurisdiction: unknown name "Nordic"`, err.Error())

	_, err = ParseName("Netherlands Antilles")
	var we *WithdrawnError
	require.ErrorAs(t, err, &we)
	assert.Equal(t, "ANHH", we.Withdrawn[0].Alpha4)
	assert.Equal(t, codes("BQ", "CW", "SX"), we.Withdrawn[0].ReplacedBy)
}

// TestNameIndex checks that every key of the name index is in the form
// fold.Key produces, so that lookups can find it, and that keys are sorted.
func TestNameIndex(t *testing.T) {
	require.True(t, sort.SliceIsSorted(make([]struct{}, numNameKeys), func(i, j int) bool { return nameKey(i) < nameKey(j) }))
	for k := range numNameKeys {
		key := nameKey(k)
		require.Equal(t, key, fold.Key(key), "key %d", k)
		ents := nameEnt[nameKeyEnt[k]:nameKeyEnt[k+1]]
		require.NotEmpty(t, ents, key)
		for i := 1; i < len(ents); i++ {
			require.LessOrEqual(t, ents[i-1]>>tierShift, ents[i]>>tierShift, "entries of %q sorted by tier", key)
		}
	}
	// Every code is reachable by its own name, unless the name is shared
	// (ambiguous) or is also the name of a country or US state, which take
	// precedence over other subdivisions ("Luxembourg", "Florida").
	var shadowed []string
	for i := uint16(1); i <= numCodes; i++ {
		c := Code{i}
		got, err := ParseName(c.Name())
		switch {
		case err == nil && got.Country() == c.Country():
		case err == nil:
			require.True(t, c.IsSubdivision(), "country %s shadowed by %s", c, got)
			require.True(t, !got.IsSubdivision() || got.Country() == MustParse("US"),
				"ParseName(%q) is %s, neither inside %s nor a country or US state", c.Name(), got, c.Country())
			shadowed = append(shadowed, c.String()+" by "+got.String())
		default:
			require.True(t, errors.Is(err, ErrAmbiguous), "ParseName(%q) for %s: %v", c.Name(), c, err)
		}
	}
	t.Logf("subdivision names shadowed by a country or US state: %v", shadowed)
}

// TestSECExhibit21 reads the places of incorporation of 2,425 subsidiaries
// from SEC Exhibit 21 filings (testdata/sec-ex21, MIT) and checks the
// distinct values against hand-labelled codes (testdata/ex21_expected.tsv).
// At least 97% of the values that name one jurisdiction must parse to it; the
// rest, and every value labelled "-", must be errors, never a wrong code.
func TestSECExhibit21(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sec-ex21", "ex21_labels.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "Location of Incorporation", rows[0][2])
	distinct := map[string]bool{}
	for _, r := range rows[1:] {
		if r[2] != "" {
			distinct[r[2]] = true
		}
	}

	expected := map[string]string{}
	ef, err := os.Open(filepath.Join("testdata", "ex21_expected.tsv"))
	require.NoError(t, err)
	defer ef.Close()
	sc := bufio.NewScanner(ef)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		require.GreaterOrEqual(t, len(fields), 2, line)
		expected[fields[0]] = fields[1]
	}
	require.NoError(t, sc.Err())
	for v := range distinct {
		require.Contains(t, expected, v, "value %q is not labelled", v)
	}
	require.Len(t, expected, len(distinct), "labels for values not in the data")

	var named, right int
	var values []string
	for v := range distinct {
		values = append(values, v)
	}
	sort.Strings(values)
	for _, v := range values {
		want := expected[v]
		got, err := ParseName(v)
		if want == "-" {
			assert.Error(t, err, "%q does not name one jurisdiction but parsed to %s", v, got)
			continue
		}
		named++
		switch {
		case err == nil && got.String() == want:
			right++
		case err == nil:
			t.Errorf("%q parsed to %s, want %s: a wrong code, not an error", v, got, want)
		default:
			t.Logf("not parsed: %q (want %s): %v", v, want, err)
		}
	}
	ratio := float64(right) / float64(named)
	t.Logf("sec-ex21: %d distinct values, %d name one jurisdiction, %d parsed right (%.1f%%)", len(distinct), named, right, 100*ratio)
	assert.GreaterOrEqual(t, ratio, 0.97)
}
