package jurisdiction

// Code is an ISO 3166-1 alpha-2 country code ("CN") or an ISO 3166-2
// subdivision code ("CN-BJ").
//
// Code is a small comparable value: use it as a map key and compare it with
// ==. Two Codes are equal exactly when they denote the same table entry, so
// the parsed forms "cn", "CHN" and "156" are all equal to MustParse("CN"),
// and a dual-coded subdivision code equals the code it stands for
// (MustParse("CN-HK") == MustParse("HK"); see [DualCoded]).
//
// The zero Code is invalid: [Code.IsValid] reports false, [Code.String]
// returns "" and every accessor returns its zero value. Codes are immutable
// and safe for concurrent use.
type Code struct {
	i uint16 // index into the generated tables, 1..numCodes; 0 for the zero Code
}

// Parse parses an ISO 3166 code, ignoring case:
//
//   - an ISO 3166-1 alpha-2 code ("CN"), alpha-3 code ("CHN") or numeric
//     code of exactly three digits ("156");
//   - an ISO 3166-2 subdivision code ("CN-BJ", "UA-43").
//
// Surrounding white space is a syntax error, not trimmed. A code withdrawn
// from ISO 3166 (listed in ISO 3166-3, such as "SU", "YUG", "891" or "CSHH")
// gives a [*WithdrawnError]; a code that is well formed but not in the tables
// gives a [*ParseError] wrapping [ErrUnknown], and malformed text one
// wrapping [ErrSyntax]. When a withdrawn code has since been reassigned
// ("GE", Gilbert and Ellice Islands until 1979, now Georgia), the current
// assignment wins.
//
// A subdivision code that ISO also gives a country code parses to the
// country code: Parse("CN-HK") returns the same Code as Parse("HK").
//
// Parse runs in constant time for alpha-2 and numeric codes and in
// logarithmic time otherwise, and does not allocate unless it fails.
func Parse(s string) (Code, error) {
	return parse(s)
}

// MustParse is like [Parse] but panics if s is not a current code. It is
// meant for constants in programs and tests.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

func parse[T string | []byte](s T) (Code, error) {
	var buf [6]byte
	n := len(s)
	if n < 2 || n > 6 {
		return Code{}, syntaxError(s)
	}
	if n >= 4 && s[2] == '-' {
		return parseSubdivision(s, &buf)
	}
	switch n {
	case 2:
		a, ok1 := upperLetter(s[0])
		b, ok2 := upperLetter(s[1])
		if !ok1 || !ok2 {
			return Code{}, syntaxError(s)
		}
		if o := alpha2Ord[alpha2Slot(a, b)]; o != 0 {
			return Code{ctyIdx[o-1]}, nil
		}
		buf[0], buf[1] = a, b
		return Code{}, unknownOrWithdrawn(s, buf[:2], fieldAlpha2)
	case 3:
		if isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) {
			num := int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0')
			if i := numericIdx[num]; i != 0 {
				return Code{i}, nil
			}
			buf[0], buf[1], buf[2] = s[0], s[1], s[2]
			return Code{}, unknownOrWithdrawn(s, buf[:3], fieldNumeric)
		}
		for k := range 3 {
			c, ok := upperLetter(s[k])
			if !ok {
				return Code{}, syntaxError(s)
			}
			buf[k] = c
		}
		if i, ok := searchAlpha3(buf[:3]); ok {
			return Code{i}, nil
		}
		return Code{}, unknownOrWithdrawn(s, buf[:3], fieldAlpha3)
	case 4:
		for k := range 4 {
			c, ok := upperLetter(s[k])
			if !ok {
				return Code{}, syntaxError(s)
			}
			buf[k] = c
		}
		return Code{}, unknownOrWithdrawn(s, buf[:4], fieldAlpha4)
	}
	return Code{}, syntaxError(s)
}

// parseSubdivision parses "XX-Y", "XX-YY" or "XX-YYY" (letters and digits).
func parseSubdivision[T string | []byte](s T, buf *[6]byte) (Code, error) {
	n := len(s)
	for k := range n {
		if k == 2 {
			buf[k] = '-'
			continue
		}
		c := s[k]
		if k >= 3 && isDigit(c) {
			buf[k] = c
			continue
		}
		u, ok := upperLetter(c)
		if !ok {
			return Code{}, syntaxError(s)
		}
		buf[k] = u
	}
	code := buf[:n]
	slot := alpha2Slot(buf[0], buf[1])
	o := alpha2Ord[slot]
	if o == 0 {
		return Code{}, unknownOrWithdrawn(s, buf[:2], fieldPrefix)
	}
	// The subdivisions of a country follow it in index order.
	lo, hi := int(ctyIdx[o-1])+1, int(alpha2End[slot])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := compareBytes(codeStr[codeOff[m-1]:codeOff[m]], code); {
		case c == 0:
			return Code{uint16(m)}, nil
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	if d, ok := searchDual(code); ok {
		return Code{dualTab[d].territory}, nil
	}
	return Code{}, unknownError(s)
}

func alpha2Slot(a, b byte) int { return int(a-'A')*26 + int(b-'A') }

func upperLetter(c byte) (byte, bool) {
	switch {
	case 'A' <= c && c <= 'Z':
		return c, true
	case 'a' <= c && c <= 'z':
		return c - 'a' + 'A', true
	}
	return 0, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// compareBytes compares a string with a byte slice without converting.
func compareBytes(a string, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

func searchAlpha3(a []byte) (uint16, bool) {
	lo, hi := 0, numCountries
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := compareBytes(alpha3Sorted[3*m:3*m+3], a); {
		case c == 0:
			return alpha3Idx[m], true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// String returns the canonical form of c: the upper-case ISO 3166-1 alpha-2
// code for a country ("CN") or the ISO 3166-2 code for a subdivision
// ("CN-BJ"). It returns "" for the zero Code and does not allocate.
func (c Code) String() string {
	if !c.IsValid() {
		return ""
	}
	return codeStr[codeOff[c.i-1]:codeOff[c.i]]
}

// IsValid reports whether c is a code from the tables, that is, whether it is
// not the zero Code.
func (c Code) IsValid() bool { return c.i != 0 && c.i <= numCodes }

// IsSubdivision reports whether c is an ISO 3166-2 subdivision code.
func (c Code) IsSubdivision() bool { return c.IsValid() && parentOf[c.i] != 0 }

// Country returns the country c belongs to: c itself for a country, the
// country of a subdivision otherwise ("CN" for "CN-BJ"). The zero Code
// returns the zero Code.
//
// A subdivision's country is normally its code prefix. The exceptions are
// Svalbard ("NO-21") and Jan Mayen ("NO-22"), which ISO lists as Norwegian
// subdivisions but which together make up "SJ": their country is SJ, so that
// a set holding NO does not reach them, just as a set holding CN does not
// reach HK (see [DualCoded]).
func (c Code) Country() Code {
	if !c.IsValid() {
		return Code{}
	}
	return Code{countryOf[c.i]}
}

// Parent returns the unit c is a part of: for a subdivision, the larger
// subdivision ISO places it in ("FR-ARA" for "FR-69") or else its country;
// for a country or the zero Code, the zero Code.
func (c Code) Parent() Code {
	if !c.IsValid() {
		return Code{}
	}
	return Code{parentOf[c.i]}
}

// Name returns the ISO short name of c as iso-codes spells it: "China",
// "Korea, Republic of", "Beijing Shi", "Wales [Cymru GB-CYM]". It returns
// "" for the zero Code.
func (c Code) Name() string {
	if !c.IsValid() {
		return ""
	}
	return nameStr[nameOff[c.i-1]:nameOff[c.i]]
}

// OfficialName returns the official name of a country ("People's Republic
// of China"), or "" when ISO gives none or c is not a country.
func (c Code) OfficialName() string {
	k, ok := c.ordinal()
	if !ok {
		return ""
	}
	return nameStr[ctyNameStart(2*k):ctyNameOff[2*k]]
}

// CommonName returns the common name iso-codes gives a country whose ISO
// name is formal ("Taiwan" for "Taiwan, Province of China"), or "".
func (c Code) CommonName() string {
	k, ok := c.ordinal()
	if !ok {
		return ""
	}
	return nameStr[ctyNameStart(2*k+1):ctyNameOff[2*k+1]]
}

func ctyNameStart(j int) uint32 {
	if j == 0 {
		return nameOff[numCodes]
	}
	return ctyNameOff[j-1]
}

// SubdivisionType returns the ISO 3166-2 category of a subdivision
// ("Province", "State", "Special administrative region"), or "" for a
// country or the zero Code.
func (c Code) SubdivisionType() string {
	if !c.IsValid() {
		return ""
	}
	t := int(typeOf[c.i])
	if t == 0 {
		return ""
	}
	return typeStr[typeOff[t-1]:typeOff[t]]
}

// Alpha3 returns the ISO 3166-1 alpha-3 code of a country ("CHN"), or "" for
// a subdivision or the zero Code.
func (c Code) Alpha3() string {
	k, ok := c.ordinal()
	if !ok {
		return ""
	}
	return ctyAlpha3[3*k : 3*k+3]
}

// Numeric returns the ISO 3166-1 numeric code of a country as three digits
// ("156", "004"), or "" for a subdivision or the zero Code.
func (c Code) Numeric() string {
	k, ok := c.ordinal()
	if !ok {
		return ""
	}
	return ctyNumeric[3*k : 3*k+3]
}

// ordinal returns the position of country c in alpha-2 order.
func (c Code) ordinal() (int, bool) {
	if !c.IsValid() || parentOf[c.i] != 0 {
		return 0, false
	}
	s := c.String()
	o := alpha2Ord[alpha2Slot(s[0], s[1])]
	return int(o) - 1, o != 0
}

// Subdivisions returns every subdivision of c, directly or through a larger
// subdivision, sorted. For a country it returns all its subdivisions; for a
// subdivision, the smaller subdivisions ISO places inside it ("FR-01" ...
// inside "FR-ARA"); otherwise nil. It runs in time linear in the size of the
// tables.
func (c Code) Subdivisions() []Code {
	if !c.IsValid() {
		return nil
	}
	var out []Code
	for i := uint16(1); i <= numCodes; i++ {
		if i != c.i && isWithin(i, c.i) {
			out = append(out, Code{i})
		}
	}
	return out
}

// isWithin reports whether code i is code anc or lies inside it.
func isWithin(i, anc uint16) bool {
	for ; i != 0; i = parentOf[i] {
		if i == anc {
			return true
		}
	}
	return false
}

// Less reports whether c sorts before d. Codes sort by [Code.String], with
// the zero Code first; a country sorts just before its subdivisions.
func (c Code) Less(d Code) bool { return c.i < d.i }

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b, in the
// order of [Code.Less]. It suits [slices.SortFunc].
func Compare(a, b Code) int {
	switch {
	case a.i < b.i:
		return -1
	case a.i > b.i:
		return 1
	}
	return 0
}

// MarshalText implements [encoding.TextMarshaler]: the text is
// [Code.String]; the zero Code marshals to empty text.
func (c Code) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// AppendText implements [encoding.TextAppender].
func (c Code) AppendText(b []byte) ([]byte, error) { return append(b, c.String()...), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [Parse]. Empty
// text gives the zero Code, so that the zero Code round-trips.
func (c *Code) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = Code{}
		return nil
	}
	v, err := parse(text)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Countries returns the 249 ISO 3166-1 countries, sorted.
func Countries() []Code {
	out := make([]Code, numCountries)
	for k := range out {
		out[k] = Code{ctyIdx[k]}
	}
	return out
}
