package eligibility

import (
	"fmt"

	"github.com/eligo/eligo/eligibility/resolve"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// Date is a UTC calendar day; see [ownership.Date]. The zero value means "no date" (an
// open interval bound).
type Date = ownership.Date

// Interval is a half-open validity period; see [ownership.Interval]. The zero value means
// "always".
type Interval = ownership.Interval

// Percent is an exact share in millionths of a percent; see [ownership.Percent].
type Percent = ownership.Percent

// Entity is a party the world knows: a company, a person, a state body, a branch, a fund.
// The zero value is not a valid entity (its ID is empty).
type Entity struct {
	ID      string
	Name    string
	Aliases []string
	Kind    EntityKind
	// Jurisdictions lists the entity's codes by role; a role may appear several times.
	Jurisdictions []RoleCode
	// BranchOf names the entity this one is a branch of. A branch is the same legal person as
	// its ultimate parent for ownership and designation.
	BranchOf    string
	Identifiers []Identifier
	Disclosure  ownership.Disclosure
}

// RoleCode is one jurisdiction of an entity in one role.
type RoleCode struct {
	Role Role
	Code jurisdiction.Code
}

// Identifier is a registry identifier of an entity, such as an LEI.
type Identifier struct {
	Scheme string
	Value  string
}

// EntityKind is what kind of party an entity is. The zero value is [Company].
type EntityKind uint8

const (
	Company   EntityKind = iota // a company (the default)
	Person                      // a natural person
	StateBody                   // a state, ministry or agency
	Branch                      // a branch: not a separate legal person
	Fund                        // a fund
	OtherKind                   // anything else
)

var entityKindNames = [...]string{"company", "person", "state_body", "branch", "fund", "other"}

// String returns the case-file name of k.
func (k EntityKind) String() string { return enumString(int(k), entityKindNames[:], "EntityKind") }

// MarshalText implements [encoding.TextMarshaler].
func (k EntityKind) MarshalText() ([]byte, error) {
	return enumMarshal(int(k), entityKindNames[:], "EntityKind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *EntityKind) UnmarshalText(b []byte) error {
	return enumUnmarshal((*uint8)(k), b, entityKindNames[:], 0, "entity kind")
}

// Role is the capacity in which a jurisdiction applies to an entity. The zero value is
// invalid.
type Role uint8

const (
	_             Role = iota
	Incorporation      // where the entity is incorporated or registered
	Headquarters       // where it is headquartered
	Operations         // where it operates
	Nationality        // a person's nationality
	Residence          // a person's residence
	numRoles
)

var roleNames = [...]string{"", "incorporation", "headquarters", "operations", "nationality", "residence"}

// Roles lists the five roles in order.
func Roles() []Role { return []Role{Incorporation, Headquarters, Operations, Nationality, Residence} }

// String returns the case-file name of r.
func (r Role) String() string { return enumString(int(r), roleNames[:], "Role") }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return enumMarshal(int(r), roleNames[:], "Role") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Role) UnmarshalText(b []byte) error {
	return enumUnmarshal((*uint8)(r), b, roleNames[:], 1, "role")
}

// Stake is a holding of one entity in another. Share is exact when Min == Max.
type Stake struct {
	Owner, Owned string
	Share        ownership.Range
	Measure      ownership.Measure
	JointGroup   string
	Valid        Interval
}

// Control is a control fact: Controller controls Controlled on some basis.
type Control struct {
	Controller, Controlled string
	Basis                  ownership.Basis
	Valid                  Interval
}

// List is a designation list, such as the OFAC SDN list or the Section 1260H list.
type List struct {
	ID        string
	Name      string
	Authority string
	Entries   []Entry
}

// Entry designates one entity on a list for a period.
type Entry struct {
	Entity  string
	Valid   Interval
	Program string
}

// Effect is what a rule does when it fires. The zero value is [Deny], the default of the
// case-file format.
type Effect uint8

const (
	Deny   Effect = iota // the subject must not be served
	Review               // a person must decide
)

var effectNames = [...]string{"deny", "review"}

// String returns "deny" or "review".
func (e Effect) String() string { return enumString(int(e), effectNames[:], "Effect") }

// MarshalText implements [encoding.TextMarshaler].
func (e Effect) MarshalText() ([]byte, error) { return enumMarshal(int(e), effectNames[:], "Effect") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *Effect) UnmarshalText(b []byte) error {
	return enumUnmarshal((*uint8)(e), b, effectNames[:], 0, "effect")
}

// RuleKind says which facts a rule looks at. The zero value is invalid.
type RuleKind uint8

const (
	_                RuleKind = iota
	JurisdictionRule          // the subject's own jurisdictions
	DesignationRule           // the subject's designations on lists
	OwnershipRule             // who owns or controls the subject
)

var ruleKindNames = [...]string{"", "jurisdiction", "designation", "ownership"}

// String returns the case-file name of k.
func (k RuleKind) String() string { return enumString(int(k), ruleKindNames[:], "RuleKind") }

// MarshalText implements [encoding.TextMarshaler].
func (k RuleKind) MarshalText() ([]byte, error) {
	return enumMarshal(int(k), ruleKindNames[:], "RuleKind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *RuleKind) UnmarshalText(b []byte) error {
	return enumUnmarshal((*uint8)(k), b, ruleKindNames[:], 1, "rule kind")
}

// UnknownOwners says how undisclosed remainders and ranges are treated. The zero value is
// [UnknownReview], the default.
type UnknownOwners = ownership.Unknown

// Policy is a named set of rules. The zero value has no rules.
type Policy struct {
	ID    string
	Rules []Rule
}

// Rule is one rule of a policy, as data. Which fields apply depends on Kind.
//
// The zero value is not a valid rule: ID and Kind are required.
type Rule struct {
	ID     string
	Kind   RuleKind
	Effect Effect
	// InEffect lists the periods in which the rule applies. Nil means always; a non-nil
	// empty slice means never.
	InEffect []Interval

	// Jurisdiction rules.
	Roles               []Role
	Jurisdictions       []jurisdiction.Code
	ExcludeSubdivisions bool // include_subdivisions: false

	// Designation rules.
	Lists []string
	// MatchIdentifiers makes a subject that shares an identifier (LEI, USCC, ISIN, a
	// national registration number in its jurisdiction…) with an entity listed on Lists
	// count as designated itself: the case file's "match_identifiers": true.
	MatchIdentifiers bool
	// MatchNames makes a subject whose name or alias scores at least NameMinScore against
	// a listed entity's names a candidate for review (never a denial): the case file's
	// "match_names": 0.9. See package resolve for the score.
	MatchNames   bool
	NameMinScore resolve.Score

	// Ownership rules.
	Restricted    Restricted
	Threshold     Percent
	HasThreshold  bool
	Inclusive     bool
	HasInclusive  bool
	Aggregate     bool // the case file's default is true
	Method        ownership.Method
	ReviewAt      Percent
	HasReviewAt   bool
	UnknownOwners ownership.Unknown
	Controls      map[ownership.Basis]ownership.ControlEffect
}

// Restricted says who counts as a restricted owner (a root) for an ownership rule: anyone
// designated on Lists at the evaluation date, or with a jurisdiction in one of Roles within
// In, or named in Entities.
type Restricted struct {
	Lists            []string
	Roles            []Role
	In               []jurisdiction.Code
	HasJurisdictions bool
	Entities         []string
}

// Question asks for a decision on one subject at one date.
type Question struct {
	Subject string
	At      Date
}

func enumString(v int, names []string, typ string) string {
	if v >= 0 && v < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

func enumMarshal(v int, names []string, typ string) ([]byte, error) {
	if v < 0 || v >= len(names) || names[v] == "" {
		return nil, fmt.Errorf("eligibility: invalid %s(%d)", typ, v)
	}
	return []byte(names[v]), nil
}

func enumUnmarshal(dst *uint8, b []byte, names []string, first int, what string) error {
	for i := first; i < len(names); i++ {
		if string(b) == names[i] {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("eligibility: unknown %s %q", what, b)
}
