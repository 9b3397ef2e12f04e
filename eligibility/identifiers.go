package eligibility

import (
	"errors"
	"fmt"
	"strings"
)

// ErrIdentifier is wrapped by the errors of [CheckIdentifier].
var ErrIdentifier = errors.New("eligibility: bad identifier")

// Identifier schemes with a standard check. Other schemes are accepted as opaque text.
const (
	SchemeLEI  = "lei"  // ISO 17442 Legal Entity Identifier: 20 characters, ISO 7064 mod 97-10
	SchemeUSCC = "uscc" // China's Unified Social Credit Code (GB 32100-2015): 18 characters
)

// CheckIdentifier verifies the check characters of identifiers whose standard defines
// them: an LEI (ISO 17442: 18 alphanumerics and two check digits, valid when the number
// formed by replacing letters A=10…Z=35 is 1 mod 97) and a Unified Social Credit Code
// (GB 32100-2015: 17 characters from the code's 31-character alphabet and a check character
// computed with the weights 3^i mod 31). Other schemes only need a non-empty value.
func CheckIdentifier(id Identifier) error {
	if id.Scheme == "" {
		return fmt.Errorf("%w: empty scheme", ErrIdentifier)
	}
	if id.Value == "" {
		return fmt.Errorf("%w: empty %s", ErrIdentifier, id.Scheme)
	}
	switch strings.ToLower(id.Scheme) {
	case SchemeLEI:
		return checkLEI(id.Value)
	case SchemeUSCC:
		return checkUSCC(id.Value)
	}
	return nil
}

func checkLEI(s string) error {
	if len(s) != 20 {
		return fmt.Errorf("%w: LEI %q must have 20 characters", ErrIdentifier, s)
	}
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z' && i < 18:
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		default:
			return fmt.Errorf("%w: LEI %q has an invalid character %q at %d", ErrIdentifier, s, c, i+1)
		}
	}
	if rem != 1 {
		return fmt.Errorf("%w: LEI %q fails its ISO 7064 mod 97-10 check", ErrIdentifier, s)
	}
	return nil
}

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

func checkUSCC(s string) error {
	if len(s) != 18 {
		return fmt.Errorf("%w: USCC %q must have 18 characters", ErrIdentifier, s)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, s[i])
		if v < 0 {
			return fmt.Errorf("%w: USCC %q has an invalid character %q at %d", ErrIdentifier, s, s[i], i+1)
		}
		sum += v * usccWeights[i]
	}
	want := (31 - sum%31) % 31
	if s[17] != usccAlphabet[want] {
		return fmt.Errorf("%w: USCC %q has check character %q, want %q", ErrIdentifier, s, s[17], usccAlphabet[want])
	}
	return nil
}
