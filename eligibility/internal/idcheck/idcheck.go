// Package idcheck verifies the check characters of identifiers whose standard defines
// them. It is shared by the eligibility world's validation and the resolver, each of which
// wraps these plain errors in its own sentinel.
package idcheck

import (
	"fmt"
	"strings"
)

// LEI checks an ISO 17442 Legal Entity Identifier exactly as written: 18 digits or upper-case
// letters and two check digits, valid when the number formed by replacing letters A=10…Z=35
// is 1 mod 97 (ISO 7064 mod 97-10).
func LEI(s string) error {
	if len(s) != 20 {
		return fmt.Errorf("LEI %q has %d characters, want 20", s, len(s))
	}
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z' && i < 18:
			rem = (rem*100 + int(c-'A') + 10) % 97
		default:
			return fmt.Errorf("LEI %q has an invalid character %q at %d", s, c, i+1)
		}
	}
	if rem != 1 {
		return fmt.Errorf("LEI %q fails its ISO 7064 mod 97-10 check", s)
	}
	return nil
}

// usccAlphabet is the 31 characters of GB 32100-2015 (no I, O, S, V, Z).
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// USCC checks China's Unified Social Credit Code (GB 32100-2015) exactly as written: 17
// characters of the code's alphabet and a check character, with weights 3^i mod 31.
func USCC(s string) error {
	if len(s) != 18 {
		return fmt.Errorf("USCC %q has %d characters, want 18", s, len(s))
	}
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, s[i])
		if v < 0 {
			return fmt.Errorf("USCC %q has an invalid character %q at %d", s, s[i], i+1)
		}
		sum += v * w
		w = w * 3 % 31
	}
	if want := usccAlphabet[(31-sum%31)%31]; s[17] != want {
		return fmt.Errorf("USCC %q has check character %q, want %q", s, s[17], want)
	}
	return nil
}
