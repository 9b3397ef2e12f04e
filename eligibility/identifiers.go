package eligibility

import (
	"errors"
	"fmt"
	"strings"

	"github.com/eligo/eligo/eligibility/internal/idcheck"
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
	var err error
	switch strings.ToLower(id.Scheme) {
	case SchemeLEI:
		err = idcheck.LEI(id.Value)
	case SchemeUSCC:
		err = idcheck.USCC(id.Value)
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrIdentifier, err)
	}
	return nil
}
