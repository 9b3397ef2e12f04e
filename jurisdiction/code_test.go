package jurisdiction

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		want   string // canonical code; "" when an error is expected
		err    error  // sentinel the error must wrap
		reason string
	}{
		{"CN", "CN", nil, "alpha-2"},
		{"cn", "CN", nil, "case is ignored"},
		{"cN", "CN", nil, "mixed case is ignored"},
		{"CHN", "CN", nil, "alpha-3"},
		{"chn", "CN", nil, "alpha-3 in lower case"},
		{"156", "CN", nil, "numeric"},
		{"004", "AF", nil, "numeric with leading zeros"},
		{"CN-BJ", "CN-BJ", nil, "ISO 3166-2 subdivision"},
		{"cn-bj", "CN-BJ", nil, "subdivision in lower case"},
		{"UA-43", "UA-43", nil, "Crimea: numeric subdivision suffix"},
		{"GB-ENG", "GB-ENG", nil, "three-letter subdivision suffix"},
		{"FR-971", "GP", nil, "dual-coded overseas department reads as its 3166-1 code"},
		{"FR-69", "FR-69", nil, "subdivision whose parent is a region"},
		{"AR-A", "AR-A", nil, "one-character subdivision suffix"},
		{"NL-BQ1", "BQ-BO", nil, "dual-coded Bonaire reads as the BQ subdivision it equals"},
		{"CN-HK", "HK", nil, "dual-coded SAR reads as its 3166-1 code"},
		{"CN-TW", "TW", nil, "dual-coded Taiwan"},
		{"US-PR", "PR", nil, "dual-coded US territory"},
		{"NO-21", "NO-21", nil, "Svalbard keeps its code"},
		{"AI", "AI", nil, "AI was French Afars and Issas until 1977; the current Anguilla wins"},
		{"GE", "GE", nil, "GE was Gilbert and Ellice Islands; the current Georgia wins"},
		{"ATF", "TF", nil, "ATF was French Southern and Antarctic Territories; the current TF wins"},
		{"104", "MM", nil, "104 was Burma's and is Myanmar's"},
		{"SU", "", ErrWithdrawn, "USSR"},
		{"su", "", ErrWithdrawn, "withdrawn in lower case"},
		{"YU", "", ErrWithdrawn, "Yugoslavia"},
		{"CS", "", ErrWithdrawn, "CS was used twice"},
		{"AN", "", ErrWithdrawn, "Netherlands Antilles"},
		{"SUN", "", ErrWithdrawn, "withdrawn alpha-3"},
		{"891", "", ErrWithdrawn, "withdrawn numeric"},
		{"SUHH", "", ErrWithdrawn, "ISO 3166-3 alpha-4"},
		{"YU-01", "", ErrWithdrawn, "subdivision of a withdrawn country"},
		{"XX", "", ErrUnknown, "user-assigned alpha-2"},
		{"XK", "", ErrUnknown, "Kosovo has no ISO code"},
		{"XXX", "", ErrUnknown, "unassigned alpha-3"},
		{"999", "", ErrUnknown, "unassigned numeric"},
		{"ABCD", "", ErrUnknown, "four letters that are no alpha-4"},
		{"CN-XX", "", ErrUnknown, "unknown subdivision"},
		{"XX-01", "", ErrUnknown, "subdivision of an unknown country"},
		{"GB-CYM", "", ErrUnknown, "alternative names in iso-codes are not codes"},
		{"", "", ErrSyntax, "empty"},
		{"C", "", ErrSyntax, "too short"},
		{" CN", "", ErrSyntax, "leading space is not trimmed"},
		{"CN ", "", ErrSyntax, "trailing space is not trimmed"},
		{"C1", "", ErrSyntax, "digit in alpha-2"},
		{"1", "", ErrSyntax, "numeric codes have three digits"},
		{"12", "", ErrSyntax, "two digits"},
		{"1234", "", ErrSyntax, "four digits"},
		{"CN-", "", ErrSyntax, "empty subdivision suffix"},
		{"CN-BJXX", "", ErrSyntax, "subdivision suffix too long"},
		{"CN_BJ", "", ErrSyntax, "wrong separator"},
		{"CN-B J", "", ErrSyntax, "space in suffix"},
		{"ÇN", "", ErrSyntax, "non-ASCII"},
		{"1N-BJ", "", ErrSyntax, "digit in country prefix"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := Parse(tt.in)
			if tt.err != nil {
				require.Error(t, err, tt.reason)
				assert.ErrorIs(t, err, tt.err, tt.reason)
				assert.False(t, c.IsValid(), tt.reason)
				return
			}
			require.NoError(t, err, tt.reason)
			assert.Equal(t, tt.want, c.String(), tt.reason)
			assert.Equal(t, MustParse(tt.want), c, tt.reason)
		})
	}
}

func TestParseErrorTypes(t *testing.T) {
	_, err := Parse("XX")
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "XX", pe.Input)
	assert.False(t, pe.Name)
	assert.Equal(t, `jurisdiction: unknown code "XX"`, err.Error())

	_, err = Parse(" CN")
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, `jurisdiction: invalid code syntax " CN" (surrounding white space)`, err.Error())

	_, err = Parse("SU")
	var we *WithdrawnError
	require.ErrorAs(t, err, &we)
	require.Len(t, we.Withdrawn, 1)
	assert.Equal(t, "SUHH", we.Withdrawn[0].Alpha4)
	assert.Contains(t, err.Error(), `"SU" was withdrawn from ISO 3166`)
	assert.Contains(t, err.Error(), "replaced by AM, AZ, EE, GE, KG, KZ, LT, LV, MD, RU, TJ, TM, UZ")
	assert.NotContains(t, err.Error(), "unknown")

	_, err = Parse("CS")
	require.ErrorAs(t, err, &we)
	require.Len(t, we.Withdrawn, 2, "CS named Czechoslovakia and later Serbia and Montenegro")
	assert.Equal(t, "CSXX", we.Withdrawn[0].Alpha4, "most recent first")
	assert.Equal(t, "CSHH", we.Withdrawn[1].Alpha4)
}

func TestMustParsePanics(t *testing.T) {
	assert.Panics(t, func() { MustParse("XX") })
	assert.NotPanics(t, func() { MustParse("CN") })
}

func TestZeroCode(t *testing.T) {
	var c Code
	assert.False(t, c.IsValid())
	assert.False(t, c.IsSubdivision())
	assert.Equal(t, "", c.String())
	assert.Equal(t, "", c.Name())
	assert.Equal(t, "", c.OfficialName())
	assert.Equal(t, "", c.CommonName())
	assert.Equal(t, "", c.Alpha3())
	assert.Equal(t, "", c.Numeric())
	assert.Equal(t, "", c.SubdivisionType())
	assert.Equal(t, Code{}, c.Country())
	assert.Equal(t, Code{}, c.Parent())
	assert.Nil(t, c.Subdivisions())
	b, err := c.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	var d Code
	require.NoError(t, d.UnmarshalText(nil))
	assert.Equal(t, c, d)
}

func TestAccessors(t *testing.T) {
	tests := []struct {
		code                                string
		name, official, common, alpha3, num string
		country, parent, typ                string
		subdivision                         bool
		reason                              string
	}{
		{"CN", "China", "People's Republic of China", "", "CHN", "156", "CN", "", "", false, "country with an official name"},
		{"TW", "Taiwan, Province of China", "Taiwan, Province of China", "Taiwan", "TWN", "158", "TW", "", "", false, "country with a common name"},
		{"AW", "Aruba", "", "", "ABW", "533", "AW", "", "", false, "country without official name"},
		{"AF", "Afghanistan", "Islamic Republic of Afghanistan", "", "AFG", "004", "AF", "", "", false, "numeric with leading zeros"},
		{"CN-BJ", "Beijing Shi", "", "", "", "", "CN", "CN", "Municipality", true, "subdivision"},
		{"FR-69", "Rhône", "", "", "", "", "FR", "FR-ARA", "Metropolitan department", true, "subdivision inside a region"},
		{"UA-43", "Avtonomna Respublika Krym", "", "", "", "", "UA", "UA", "Republic", true, "Crimea"},
		{"NO-21", "Svalbard (Arctic Region)", "", "", "", "", "SJ", "SJ", "Arctic region", true, "Svalbard belongs to SJ"},
		{"BQ-BO", "Bonaire", "", "", "", "", "BQ", "BQ", "Special municipality", true, "BQ subdivision"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c := MustParse(tt.code)
			assert.Equal(t, tt.name, c.Name(), tt.reason)
			assert.Equal(t, tt.official, c.OfficialName(), tt.reason)
			assert.Equal(t, tt.common, c.CommonName(), tt.reason)
			assert.Equal(t, tt.alpha3, c.Alpha3(), tt.reason)
			assert.Equal(t, tt.num, c.Numeric(), tt.reason)
			assert.Equal(t, tt.country, c.Country().String(), tt.reason)
			assert.Equal(t, tt.parent, c.Parent().String(), tt.reason)
			assert.Equal(t, tt.typ, c.SubdivisionType(), tt.reason)
			assert.Equal(t, tt.subdivision, c.IsSubdivision(), tt.reason)
		})
	}
}

func TestEveryCodeRoundTrips(t *testing.T) {
	for i := uint16(1); i <= numCodes; i++ {
		c := Code{i}
		s := c.String()
		p, err := Parse(s)
		require.NoError(t, err, s)
		require.Equal(t, c, p, s)
		if !c.IsSubdivision() {
			for _, alt := range []string{c.Alpha3(), c.Numeric()} {
				p, err := Parse(alt)
				require.NoError(t, err, alt)
				require.Equal(t, c, p, "%s reads as %s", alt, s)
			}
		}
		require.NotEmpty(t, c.Name(), s)
		require.True(t, c.Country().IsValid(), s)
		require.False(t, c.Country().IsSubdivision(), s)
	}
}

func TestCounts(t *testing.T) {
	assert.Len(t, Countries(), 249, "ISO 3166-1 countries")
	subs := 0
	for i := uint16(1); i <= numCodes; i++ {
		if (Code{i}).IsSubdivision() {
			subs++
		}
	}
	// 5,127 ISO 3166-2 codes, of which the dual-coded ones other than
	// Svalbard and Jan Mayen are aliases of other codes.
	aliases := 0
	for _, d := range DualCoded() {
		if d.Territory.String() != d.Subdivision {
			aliases++
		}
	}
	assert.Equal(t, 5127, subs+aliases)
	assert.True(t, slices.IsSortedFunc(Countries(), Compare))
}

func TestOrder(t *testing.T) {
	codes := []Code{MustParse("CO"), MustParse("CN-BJ"), {}, MustParse("CN"), MustParse("AD")}
	slices.SortFunc(codes, Compare)
	var got []string
	for _, c := range codes {
		got = append(got, c.String())
	}
	assert.Equal(t, []string{"", "AD", "CN", "CN-BJ", "CO"}, got, "string order, zero first, country before its subdivisions")
	assert.True(t, MustParse("CN").Less(MustParse("CN-BJ")))
	assert.False(t, MustParse("CN").Less(MustParse("CN")))
	assert.Equal(t, 0, Compare(MustParse("CN"), MustParse("CHN")))
	for i := uint16(2); i <= numCodes; i++ {
		require.Less(t, Code{i - 1}.String(), Code{i}.String(), "index order is string order")
	}
}

func TestSubdivisions(t *testing.T) {
	ara := MustParse("FR-ARA").Subdivisions()
	assert.Contains(t, ara, MustParse("FR-69"))
	assert.NotContains(t, ara, MustParse("FR-75"))
	fr := MustParse("FR").Subdivisions()
	assert.Contains(t, fr, MustParse("FR-ARA"))
	assert.Contains(t, fr, MustParse("FR-69"))
	assert.NotContains(t, fr, MustParse("GP"), "dual-coded territories are not subdivisions")
	assert.NotContains(t, MustParse("NO").Subdivisions(), MustParse("NO-21"))
	assert.Contains(t, MustParse("SJ").Subdivisions(), MustParse("NO-21"))
	assert.Empty(t, MustParse("FR-69").Subdivisions())
}

func TestCodeText(t *testing.T) {
	type doc struct {
		Where Code            `json:"where"`
		Keyed map[Code]string `json:"keyed"`
	}
	in := doc{Where: MustParse("CN-BJ"), Keyed: map[Code]string{MustParse("US"): "x"}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"where":"CN-BJ","keyed":{"US":"x"}}`, string(b))
	var out doc
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)

	var c Code
	err = c.UnmarshalText([]byte("SU"))
	assert.ErrorIs(t, err, ErrWithdrawn)
	assert.Equal(t, Code{}, c, "unchanged on error")

	b, err = MustParse("UA-43").AppendText([]byte("x="))
	require.NoError(t, err)
	assert.Equal(t, "x=UA-43", string(b))
}

func TestAllocs(t *testing.T) {
	cn := MustParse("CN")
	set := NewSet(cn, MustParse("UA"))
	bj := MustParse("CN-BJ")
	text := []byte("cn-bj")
	var sink Code
	tests := []struct {
		name string
		f    func()
	}{
		{"Parse alpha-2", func() { sink, _ = Parse("cn") }},
		{"Parse alpha-3", func() { sink, _ = Parse("CHN") }},
		{"Parse numeric", func() { sink, _ = Parse("156") }},
		{"Parse subdivision", func() { sink, _ = Parse("CN-BJ") }},
		{"Parse dual-coded", func() { sink, _ = Parse("CN-HK") }},
		{"UnmarshalText", func() { _ = sink.UnmarshalText(text) }},
		{"String", func() { _ = bj.String() }},
		{"Name", func() { _ = bj.Name() }},
		{"Country", func() { sink = bj.Country() }},
		{"Set.Contains", func() { _ = set.Contains(bj) }},
		{"Set.Has", func() { _ = set.Has(bj) }},
	}
	for _, tt := range tests {
		assert.Zero(t, testing.AllocsPerRun(100, tt.f), tt.name)
	}
	_ = sink
}

func TestErrorsAreDistinct(t *testing.T) {
	sentinels := []error{ErrSyntax, ErrUnknown, ErrWithdrawn, ErrAmbiguous}
	for i, a := range sentinels {
		assert.Contains(t, a.Error(), "jurisdiction: ")
		for j, b := range sentinels {
			assert.Equal(t, i == j, errors.Is(a, b))
		}
	}
}
