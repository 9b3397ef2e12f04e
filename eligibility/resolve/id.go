package resolve

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eligo/eligo/eligibility/internal/idcheck"
)

// Identifier schemes with a global namespace: their values identify an entity whatever the
// jurisdiction, and each has a check that [CheckID] applies.
const (
	SchemeLEI  = "lei"  // ISO 17442 Legal Entity Identifier: 18 alphanumerics, 2 check digits (ISO 7064 mod 97-10)
	SchemeUSCC = "uscc" // China's Unified Social Credit Code (GB 32100-2015): 17 characters and a mod-31 check character
	SchemeISIN = "isin" // ISO 6166 International Securities Identification Number: 2 letters, 9 alphanumerics, a Luhn check digit
	SchemeBIC  = "bic"  // ISO 9362 Business Identifier Code (SWIFT): 8 or 11 characters
	SchemeIMO  = "imo"  // IMO ship or company number: 7 digits, the last a check digit
)

// ID is an identifier of an entity in a registry.
//
// Scheme is one of the global schemes above or any other name, in lower case, for a
// national register ("ru-ogrn", "registration", "tax"). Values of a national scheme are
// scoped by Jurisdiction (an ISO 3166-1 alpha-2 code): two IDs of such a scheme match only
// when scheme, jurisdiction and value are all equal, so a national ID without a
// jurisdiction matches nothing. Jurisdiction is ignored for the global schemes.
//
// The zero value is not a valid ID.
type ID struct {
	Scheme       string `json:"scheme"`
	Value        string `json:"value"`
	Jurisdiction string `json:"jurisdiction,omitempty"`
}

// String formats the ID as "scheme:value" or "scheme:JURISDICTION:value".
func (id ID) String() string {
	if id.Jurisdiction == "" {
		return id.Scheme + ":" + id.Value
	}
	return id.Scheme + ":" + id.Jurisdiction + ":" + id.Value
}

// Global reports whether the ID's scheme has a global namespace (lei, uscc, isin, bic, imo).
func (id ID) Global() bool { return isGlobalScheme(canonicalScheme(id.Scheme)) }

func isGlobalScheme(s string) bool {
	switch s {
	case SchemeLEI, SchemeUSCC, SchemeISIN, SchemeBIC, SchemeIMO:
		return true
	}
	return false
}

func canonicalScheme(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Canonical returns the ID in the form matching compares: the scheme trimmed and in lower
// case; the value with full-width forms narrowed, letters in upper case, and spaces,
// punctuation and symbols removed ("5493 001k-jtii…" → "5493001KJTII…"); the jurisdiction
// trimmed and in upper case for a national scheme, empty for a global one. An IMO number
// loses its "IMO" prefix.
func (id ID) Canonical() ID {
	c := ID{Scheme: canonicalScheme(id.Scheme), Value: canonicalValue(id.Value)}
	if c.Scheme == SchemeIMO {
		c.Value = strings.TrimPrefix(c.Value, "IMO")
	}
	if !isGlobalScheme(c.Scheme) {
		c.Jurisdiction = strings.ToUpper(strings.TrimSpace(id.Jurisdiction))
	}
	return c
}

func canonicalValue(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRuneInString(v[i:])
		i += size
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteByte(byte(r))
		case r < 0x80 || r == utf8.RuneError:
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// key is the map key of a canonical ID.
func (id ID) key() string { return id.Scheme + "\x00" + id.Jurisdiction + "\x00" + id.Value }

// CheckID verifies an identifier: scheme and value must not be empty; a national scheme
// needs a jurisdiction to match anything; LEI, USCC, ISIN, BIC and IMO values must have
// their standard's length, alphabet and check characters. It checks the canonical form, so
// "5493001kjtiigc8y1r12" and "5493 001K JTII GC8Y 1R12" are the same LEI. Errors wrap
// [ErrIdentifier].
func CheckID(id ID) error {
	c := id.Canonical()
	switch {
	case c.Scheme == "":
		return fmt.Errorf("%w: empty scheme", ErrIdentifier)
	case c.Value == "":
		return fmt.Errorf("%w: empty %s value", ErrIdentifier, c.Scheme)
	}
	switch c.Scheme {
	case SchemeLEI:
		return wrapCheck(idcheck.LEI(c.Value))
	case SchemeUSCC:
		return wrapCheck(idcheck.USCC(c.Value))
	case SchemeISIN:
		return checkISIN(c.Value)
	case SchemeBIC:
		return checkBIC(c.Value)
	case SchemeIMO:
		return checkIMO(c.Value)
	}
	if c.Jurisdiction == "" {
		return fmt.Errorf("%w: %s %q has no jurisdiction, so it cannot match", ErrIdentifier, c.Scheme, c.Value)
	}
	return nil
}

// wrapCheck wraps a shared check's error in [ErrIdentifier].
func wrapCheck(err error) error {
	if err != nil {
		return fmt.Errorf("%w: %v", ErrIdentifier, err)
	}
	return nil
}

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func checkISIN(s string) error {
	if len(s) != 12 || !isUpper(s[0]) || !isUpper(s[1]) || !isDigit(s[11]) {
		return fmt.Errorf("%w: ISIN %q must be 2 letters, 9 letters or digits and a check digit", ErrIdentifier, s)
	}
	// Luhn over the digits, letters expanded to two digits (A = 10 … Z = 35).
	var digits [24]byte
	n := 0
	for i := 0; i < 11; i++ {
		c := s[i]
		switch {
		case isDigit(c):
			digits[n] = c - '0'
			n++
		case isUpper(c):
			v := c - 'A' + 10
			digits[n], digits[n+1] = v/10, v%10
			n += 2
		default:
			return fmt.Errorf("%w: ISIN %q has an invalid character %q at %d", ErrIdentifier, s, c, i+1)
		}
	}
	sum := 0
	for i := 0; i < n; i++ {
		d := int(digits[n-1-i])
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	if want := byte((10-sum%10)%10) + '0'; s[11] != want {
		return fmt.Errorf("%w: ISIN %q has check digit %q, want %q", ErrIdentifier, s, s[11], want)
	}
	return nil
}

func checkBIC(s string) error {
	if len(s) != 8 && len(s) != 11 {
		return fmt.Errorf("%w: BIC %q has %d characters, want 8 or 11", ErrIdentifier, s, len(s))
	}
	for i := 0; i < len(s); i++ {
		if i < 6 && !isUpper(s[i]) || !isAlnum(s[i]) {
			return fmt.Errorf("%w: BIC %q has an invalid character %q at %d", ErrIdentifier, s, s[i], i+1)
		}
	}
	return nil
}

func checkIMO(s string) error {
	if len(s) != 7 {
		return fmt.Errorf("%w: IMO number %q has %d characters, want 7 digits", ErrIdentifier, s, len(s))
	}
	sum := 0
	for i := 0; i < 7; i++ {
		if !isDigit(s[i]) {
			return fmt.Errorf("%w: IMO number %q has an invalid character %q at %d", ErrIdentifier, s, s[i], i+1)
		}
		if i < 6 {
			sum += int(s[i]-'0') * (7 - i)
		}
	}
	if want := byte(sum%10) + '0'; s[6] != want {
		return fmt.Errorf("%w: IMO number %q has check digit %q, want %q", ErrIdentifier, s, s[6], want)
	}
	return nil
}
