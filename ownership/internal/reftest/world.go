package reftest

import "math/big"

// World is the fact base: entities, stakes and control facts. Entities are numbered by
// their index in Entities; branches must already be folded into their ultimate parents.
// Dates are day numbers (any increasing numbering of days; the conformance test uses days
// since 1970-01-01 plus one), 0 meaning an open bound.
// The zero value is an empty world. A World is never modified by this package, so it may be
// shared by concurrent calls to [Evaluate] as long as the caller does not modify it either.
type World struct {
	Entities []EntityFacts
	Stakes   []StakeFact
	Controls []ControlFact
}

// EntityFacts are the facts about one entity that ownership needs. The zero value is an
// entity with full disclosure.
type EntityFacts struct {
	// Partial is true when the entity's ownership is disclosed only in part: the shares not
	// covered by the lower bounds of its listed stakes (per measure) are held by unknown
	// parties who may be restricted.
	Partial bool
}

// StakeFact is Owner's holding in Owned, in percent, between Lo and Hi inclusive (Lo == Hi
// for an exact stake). Votes selects the measure (false: shares). Group names a joint
// arrangement ("" = none). The stake exists on day d when From <= d < Until, a zero bound
// being open. The zero value is not usable (Lo and Hi are nil).
type StakeFact struct {
	Owner, Owned int
	Lo, Hi       *big.Rat
	Votes        bool
	Group        string
	From, Until  int
}

// ControlFact says that Controller controls Controlled on Basis (board_majority,
// voting_agreement, contract, golden_share, option, de_facto or rights_of_another) when
// From <= d < Until, a zero bound being open. The zero value is entity 0 controlling
// itself on no basis, which a valid world does not contain.
type ControlFact struct {
	Controller, Controlled int
	Basis                  string
	From, Until            int
}

// Rule is the ownership part of a policy rule. The zero value is not usable (Threshold is
// nil).
type Rule struct {
	// Threshold is the restricted share, in percent, at which an entity is restricted.
	Threshold *big.Rat
	// Inclusive selects >= (true) or > (false) for the comparison with Threshold.
	Inclusive bool
	// Aggregate adds up the holdings of all restricted parties (true) or counts each holder
	// (a root together with its joint groups) on its own (false).
	Aggregate bool
	// Method is "direct", "flow_through", "multiplicative" or "compare".
	Method string
	// ReviewAt, when not nil, gives review for a definite restricted share >= ReviewAt that
	// does not make the subject restricted.
	ReviewAt *big.Rat
	// IgnoreUnknown is unknown_owners: ignore: stakes are taken at their lower bound and
	// remainders are dropped; review-mapped controls still give review.
	IgnoreUnknown bool
	// Controls maps a control basis to "deny", "review" or "ignore"; a basis not named is
	// ignored.
	Controls map[string]string
}

// Verdicts of a [Result].
const (
	Restricted = "restricted" // the rule's effect applies
	Review     = "review"     // cannot be decided from the facts, or a review_at hit
	Clear      = "clear"      // not restricted under the rule
)

// Result is the answer of [Evaluate]. The zero value is not a valid answer.
type Result struct {
	// Verdict is [Restricted] (the rule's effect), [Review] or [Clear]. For compare: the
	// verdict of both methods when they agree, else [Review] with MethodDependent set.
	Verdict string
	// MethodDependent is true under compare when flow_through and multiplicative differ.
	MethodDependent bool
	// SubjectIsRoot is true when the subject is itself a restricted root.
	SubjectIsRoot bool
	// Lower and Upper bound the subject's restricted share in percent: the largest of the
	// measures considered; under aggregate=false the largest over the single holders; under
	// compare flow_through's. When SubjectIsRoot both are 100.
	Lower, Upper *big.Rat
	// Why is a short human account of the verdict.
	Why string
}
