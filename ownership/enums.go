package ownership

import (
	"fmt"
)

// Measure is what a stake measures: equity (shares) or voting rights (votes). The two are
// tested separately; an entity is restricted if either reaches the threshold. The zero
// value is [Shares].
type Measure uint8

const (
	Shares Measure = iota // equity
	Votes                 // voting rights
	numMeasures
)

var measureNames = [...]string{"shares", "votes"}

// String returns "shares" or "votes".
func (m Measure) String() string {
	if int(m) < len(measureNames) {
		return measureNames[m]
	}
	return fmt.Sprintf("Measure(%d)", m)
}

// MarshalText implements [encoding.TextMarshaler].
func (m Measure) MarshalText() ([]byte, error) {
	return marshalEnum(int(m), measureNames[:], "Measure")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Measure) UnmarshalText(b []byte) error {
	return unmarshalEnum((*uint8)(m), b, measureNames[:], "measure")
}

// Basis is the legal ground of a control fact. The zero value is invalid.
type Basis uint8

const (
	_               Basis = iota
	BoardMajority         // right to appoint or remove a majority of the board
	VotingAgreement       // control of votes through an agreement with other holders
	Contract              // control by contract
	GoldenShare           // a special share with veto or appointment rights
	Option                // an option or right to acquire control
	DeFacto               // de facto influence
	RightsOfAnother       // the controller can make another exercise its rights (UK: rights of another)
	numBases
)

// NumBases is one more than the largest [Basis], for arrays indexed by basis.
const NumBases = int(numBases)

var basisNames = [...]string{"", "board_majority", "voting_agreement", "contract", "golden_share", "option", "de_facto", "rights_of_another"}

// Bases lists every valid basis in order.
func Bases() []Basis {
	return []Basis{BoardMajority, VotingAgreement, Contract, GoldenShare, Option, DeFacto, RightsOfAnother}
}

// String returns the case-file name of b, such as "board_majority".
func (b Basis) String() string {
	if b > 0 && int(b) < len(basisNames) {
		return basisNames[b]
	}
	return fmt.Sprintf("Basis(%d)", b)
}

// IsValid reports whether b is one of the named bases.
func (b Basis) IsValid() bool { return b > 0 && b < numBases }

// MarshalText implements [encoding.TextMarshaler].
func (b Basis) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, fmt.Errorf("ownership: invalid Basis(%d)", b)
	}
	return []byte(basisNames[b]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *Basis) UnmarshalText(t []byte) error {
	for i := 1; i < len(basisNames); i++ {
		if string(t) == basisNames[i] {
			*b = Basis(i)
			return nil
		}
	}
	return fmt.Errorf("ownership: unknown control basis %q", t)
}

// ControlEffect is what a rule does with a control fact of some basis. The zero value is
// [ControlIgnore].
type ControlEffect uint8

const (
	ControlIgnore ControlEffect = iota // the control does not count
	ControlReview                      // the controlled entity is possibly restricted
	ControlDeny                        // the controlled entity is restricted when its controller is
)

var controlEffectNames = [...]string{"ignore", "review", "deny"}

// String returns "ignore", "review" or "deny".
func (e ControlEffect) String() string {
	if int(e) < len(controlEffectNames) {
		return controlEffectNames[e]
	}
	return fmt.Sprintf("ControlEffect(%d)", e)
}

// MarshalText implements [encoding.TextMarshaler].
func (e ControlEffect) MarshalText() ([]byte, error) {
	return marshalEnum(int(e), controlEffectNames[:], "ControlEffect")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *ControlEffect) UnmarshalText(b []byte) error {
	return unmarshalEnum((*uint8)(e), b, controlEffectNames[:], "control effect")
}

// Method is how indirect ownership is computed (see the package doc). The zero value is
// invalid: a rule must state its method.
type Method uint8

const (
	_              Method = iota
	Direct                // only the roots' own stakes count
	FlowThrough           // restricted intermediates pass on their whole stakes (OFAC, BIS)
	Multiplicative        // effective ownership: shares multiply along chains
	Compare               // flow-through and multiplicative; disagreement is review
)

var methodNames = [...]string{"", "direct", "flow_through", "multiplicative", "compare"}

// String returns the case-file name of m, such as "flow_through".
func (m Method) String() string {
	if m > 0 && int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", m)
}

// IsValid reports whether m is one of the named methods.
func (m Method) IsValid() bool { return m > 0 && int(m) < len(methodNames) }

// MarshalText implements [encoding.TextMarshaler].
func (m Method) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, fmt.Errorf("ownership: invalid Method(%d)", m)
	}
	return []byte(methodNames[m]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Method) UnmarshalText(b []byte) error {
	for i := 1; i < len(methodNames); i++ {
		if string(b) == methodNames[i] {
			*m = Method(i)
			return nil
		}
	}
	return fmt.Errorf("ownership: unknown method %q", b)
}

// Disclosure says whether an entity's listed stakes are all there is. The zero value is
// [Full].
type Disclosure uint8

const (
	Full    Disclosure = iota // shares nobody is listed for belong to known, unrestricted parties
	Partial                   // the remainder (100 − Σ lower bounds) is held by unknown parties
)

var disclosureNames = [...]string{"full", "partial"}

// String returns "full" or "partial".
func (d Disclosure) String() string {
	if int(d) < len(disclosureNames) {
		return disclosureNames[d]
	}
	return fmt.Sprintf("Disclosure(%d)", d)
}

// MarshalText implements [encoding.TextMarshaler].
func (d Disclosure) MarshalText() ([]byte, error) {
	return marshalEnum(int(d), disclosureNames[:], "Disclosure")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Disclosure) UnmarshalText(b []byte) error {
	return unmarshalEnum((*uint8)(d), b, disclosureNames[:], "disclosure")
}

func marshalEnum(v int, names []string, typ string) ([]byte, error) {
	if v < 0 || v >= len(names) {
		return nil, fmt.Errorf("ownership: invalid %s(%d)", typ, v)
	}
	return []byte(names[v]), nil
}

func unmarshalEnum(dst *uint8, b []byte, names []string, what string) error {
	for i, n := range names {
		if string(b) == n {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("ownership: unknown %s %q", what, b)
}

// Unknown says how a rule treats what the facts leave open: undisclosed remainders and
// share ranges. The zero value is [UnknownReview].
type Unknown uint8

const (
	// UnknownReview: the upper bound counts ranges at their maximum and remainders as
	// possibly restricted, so an undecidable answer is review.
	UnknownReview Unknown = iota
	// UnknownIgnore: stakes count at their lower bound and remainders are dropped; a
	// review-mapped control still gives review.
	UnknownIgnore
)

var unknownNames = [...]string{"review", "ignore"}

// String returns "review" or "ignore".
func (u Unknown) String() string {
	if int(u) < len(unknownNames) {
		return unknownNames[u]
	}
	return fmt.Sprintf("Unknown(%d)", u)
}

// MarshalText implements [encoding.TextMarshaler].
func (u Unknown) MarshalText() ([]byte, error) {
	return marshalEnum(int(u), unknownNames[:], "Unknown")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (u *Unknown) UnmarshalText(b []byte) error {
	return unmarshalEnum((*uint8)(u), b, unknownNames[:], "unknown_owners")
}
