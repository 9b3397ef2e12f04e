package jurisdiction

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEUMembers(t *testing.T) {
	tests := []struct {
		at     string
		n      int
		in     []string
		out    []string
		reason string
	}{
		{"1957-12-31", 0, nil, []string{"FR"}, "before the Treaty of Rome"},
		{"1958-01-01", 6, []string{"BE", "DE", "FR", "IT", "LU", "NL"}, []string{"GB"}, "founders"},
		{"1972-12-31", 6, nil, []string{"DK", "IE", "GB"}, "day before the first enlargement"},
		{"1973-01-01", 9, []string{"DK", "IE", "GB"}, nil, "first enlargement"},
		{"1981-01-01", 10, []string{"GR"}, nil, "Greece"},
		{"1986-01-01", 12, []string{"ES", "PT"}, nil, "Spain and Portugal"},
		{"1995-01-01", 15, []string{"AT", "FI", "SE"}, nil, "1995 enlargement"},
		{"2004-04-30", 15, nil, []string{"PL"}, "day before 2004"},
		{"2004-05-01", 25, []string{"CY", "CZ", "EE", "HU", "LT", "LV", "MT", "PL", "SI", "SK"}, nil, "2004 enlargement"},
		{"2007-01-01", 27, []string{"BG", "RO"}, nil, "Bulgaria and Romania"},
		{"2013-07-01", 28, []string{"HR"}, nil, "Croatia"},
		{"2020-01-31", 28, []string{"GB"}, nil, "last day of UK membership"},
		{"2020-02-01", 27, nil, []string{"GB"}, "UK left"},
		{"2026-01-01", 27, []string{"DE", "HR"}, []string{"GB", "CH", "NO"}, "today's 27"},
	}
	for _, tt := range tests {
		s := EUMembers(date(tt.at))
		assert.Equal(t, tt.n, s.Len(), "%s: %s", tt.at, tt.reason)
		for _, c := range tt.in {
			assert.True(t, s.Has(MustParse(c)), "%s in EU at %s: %s", c, tt.at, tt.reason)
		}
		for _, c := range tt.out {
			assert.False(t, s.Has(MustParse(c)), "%s not in EU at %s: %s", c, tt.at, tt.reason)
		}
	}
	now := EUMembers(date("2026-01-01"))
	assert.True(t, now.Contains(MustParse("FR-69")), "subdivisions of members")
	assert.False(t, now.Contains(MustParse("GP")), "outermost regions coded separately are not implied")
	assert.True(t, now.Union(NewSet(TerritoriesOf(MustParse("FR"))...)).Contains(MustParse("GP")))
	// Times within a day, in any zone, are compared as instants.
	assert.True(t, EUMembers(time.Date(2020, 1, 31, 23, 59, 0, 0, time.UTC)).Has(MustParse("GB")))
}

func TestEUMemberships(t *testing.T) {
	ms := EUMemberships()
	require.Len(t, ms, 28)
	for i, m := range ms {
		if i > 0 {
			assert.True(t, ms[i-1].Country.Less(m.Country), "sorted")
		}
		assert.False(t, m.Joined.IsZero())
		assert.True(t, m.MemberAt(m.Joined))
		assert.False(t, m.MemberAt(m.Joined.Add(-time.Nanosecond)))
	}
}

func TestEARCountryGroups(t *testing.T) {
	tests := []struct {
		group  Group
		want   string
		reason string
	}{
		{EARCountryGroupD5(), "AF BY CD CF CN CU CY ER ET HK HT IQ IR KP LB LY MM NI RU SD SO SS SY VE ZW", "arms embargoed; HK named because the EAR treat it as China; Cambodia removed 2026-02-03"},
		{EARCountryGroupE1(), "IR KP SY", "terrorist supporting countries"},
		{EARCountryGroupE2(), "CU", "unilateral embargo"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.group.Members.String(), "%s: %s", tt.group.Name, tt.reason)
		assert.Equal(t, EARCountryGroupsAsOf, tt.group.AsOf)
		assert.Contains(t, tt.group.Source, "740")
	}
	d5 := EARCountryGroupD5().Members
	assert.False(t, d5.Contains(MustParse("KH")), "Cambodia removed")
	assert.False(t, d5.Contains(MustParse("MO")), "Macau is a separate destination")
	assert.True(t, d5.Contains(MustParse("CN-XJ")))
}
