package jurisdiction

import "time"

// EUMembership is a country's membership of the European Union, counting
// membership of the European Communities before the Union was founded on
// 1993-11-01.
//
// Dates are calendar days, represented as midnight UTC: a country is a member
// from the start of Joined until the start of Left. The zero Left means the
// country is still a member. The zero EUMembership names no country and is a
// member at no time; values are safe for concurrent use.
type EUMembership struct {
	Country Code
	Joined  time.Time // first day of membership (accession treaty in force)
	Left    time.Time // first day after membership ended; zero if still a member
}

// MemberAt reports whether the country was a member at instant t.
func (m EUMembership) MemberAt(t time.Time) bool {
	return !t.Before(m.Joined) && (m.Left.IsZero() || t.Before(m.Left))
}

// euMemberships: founding members from the entry into force of the Treaty of
// Rome (EEC, 1958-01-01); then the accession treaties in force on 1973-01-01
// (Denmark, Ireland, United Kingdom), 1981-01-01 (Greece), 1986-01-01 (Spain,
// Portugal), 1995-01-01 (Austria, Finland, Sweden), 2004-05-01 (Cyprus,
// Czechia, Estonia, Hungary, Latvia, Lithuania, Malta, Poland, Slovakia,
// Slovenia), 2007-01-01 (Bulgaria, Romania) and 2013-07-01 (Croatia). The
// United Kingdom left at the end of 2020-01-31 under the Withdrawal
// Agreement (OJ L 29, 31.1.2020). Source: EUR-Lex, "Accession treaties" and
// the Withdrawal Agreement; europa.eu, "EU countries".
var euMemberships = [...]struct{ code, joined, left string }{
	{"AT", "1995-01-01", ""},
	{"BE", "1958-01-01", ""},
	{"BG", "2007-01-01", ""},
	{"CY", "2004-05-01", ""},
	{"CZ", "2004-05-01", ""},
	{"DE", "1958-01-01", ""},
	{"DK", "1973-01-01", ""},
	{"EE", "2004-05-01", ""},
	{"ES", "1986-01-01", ""},
	{"FI", "1995-01-01", ""},
	{"FR", "1958-01-01", ""},
	{"GB", "1973-01-01", "2020-02-01"},
	{"GR", "1981-01-01", ""},
	{"HR", "2013-07-01", ""},
	{"HU", "2004-05-01", ""},
	{"IE", "1973-01-01", ""},
	{"IT", "1958-01-01", ""},
	{"LT", "2004-05-01", ""},
	{"LU", "1958-01-01", ""},
	{"LV", "2004-05-01", ""},
	{"MT", "2004-05-01", ""},
	{"NL", "1958-01-01", ""},
	{"PL", "2004-05-01", ""},
	{"PT", "1986-01-01", ""},
	{"RO", "2007-01-01", ""},
	{"SE", "1995-01-01", ""},
	{"SI", "2004-05-01", ""},
	{"SK", "2004-05-01", ""},
}

// EUMemberships returns the membership record of every country that is or
// was a member of the European Union, sorted by country. Each call returns a
// new slice. See [EUMembership] for the sources.
func EUMemberships() []EUMembership {
	out := make([]EUMembership, len(euMemberships))
	for i, m := range euMemberships {
		out[i] = EUMembership{Country: MustParse(m.code), Joined: day(m.joined)}
		if m.left != "" {
			out[i].Left = day(m.left)
		}
	}
	return out
}

// EUMembers returns the member states of the European Union (or, before
// 1993-11-01, of the European Communities) at t: 27 countries from
// 2020-02-01, 28 before, down to the 6 founders from 1958-01-01; the empty
// set before that.
//
// The set holds countries, so by the package's rule it does not contain the
// outermost regions that ISO codes separately although they are part of the
// Union (GF, GP, MF, MQ, RE, YT, and AX for Åland); add them, for instance
// with [TerritoriesOf], when the territory of the Union is meant. EUMembers
// takes the time as an argument and reads no clock.
func EUMembers(at time.Time) Set {
	var codes []Code
	for _, m := range EUMemberships() {
		if m.MemberAt(at) {
			codes = append(codes, m.Country)
		}
	}
	return NewSet(codes...)
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic("jurisdiction: bad date in table: " + s)
	}
	return t
}
