package ownership

import "fmt"

// Status is the answer of an ownership rule for one subject. The zero value is [Clear].
type Status uint8

const (
	// Clear: not restricted on any reading of the facts.
	Clear Status = iota
	// Restricted: restricted on every reading of the facts (the rule's effect applies).
	Restricted
	// Indeterminate: possibly restricted; the facts that would settle it are in the evidence.
	Indeterminate
	// Significant: not restricted, but the definite restricted share reaches the rule's
	// review_at (a significant minority).
	Significant
	// MethodDependent: under the compare method, flow-through and multiplicative disagree.
	MethodDependent
)

var statusNames = [...]string{"clear", "restricted", "indeterminate", "significant", "method_dependent"}

// String returns the status's name, such as "indeterminate".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return marshalEnum(int(s), statusNames[:], "Status") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error {
	return unmarshalEnum((*uint8)(s), b, statusNames[:], "status")
}

// IsReview reports whether the status asks a person to decide (indeterminate, significant
// or method-dependent).
func (s Status) IsReview() bool {
	return s == Indeterminate || s == Significant || s == MethodDependent
}

// Outcome is what a status means for a decision: clear, review, or the rule's effect.
func (s Status) outcome() int {
	switch s {
	case Restricted:
		return 2
	case Clear:
		return 0
	}
	return 1
}

// Bounds is a restricted share known to lie in [Lower, Upper].
type Bounds struct {
	Lower, Upper Percent
}

// Result is the answer of one ownership rule for one subject at one date, with the
// arithmetic behind it. The zero value is a clear answer with no evidence.
type Result struct {
	Status Status
	// Method is the method these figures were computed with; under [Compare], Parts holds
	// the flow-through and the multiplicative results.
	Method Method
	// Subject is the entity asked about, and Entity the legal person evaluated (its ultimate
	// parent when the subject is a branch).
	Subject, Entity ID
	// SubjectIsRoot: the subject is itself a restricted root.
	SubjectIsRoot bool
	// PerHolder: the rule does not aggregate; Holder is the holder whose share is reported
	// (NoID: the unknown holders of undisclosed remainders).
	PerHolder bool
	Holder    ID
	// Measure is the measure (shares or votes) the figures are for: the one that decided.
	Measure Measure
	// Share bounds the restricted share of Entity.
	Share Bounds
	// ThroughControl: Entity is (possibly) restricted because of a control fact, Control.
	ThroughControl bool
	Control        ControlInfo
	// Terms are the stakes into Entity that carry restricted share, largest first.
	Terms []Term
	// Remainder is the undisclosed part of Entity's ownership (partial disclosure).
	Remainder Percent
	// Paths are chains of stakes from a root to Entity that carry the share, largest first
	// (at most [MaxPaths]).
	Paths []Path
	// Unsettled lists the facts that would settle an indeterminate answer.
	Unsettled []Unsettled
	// Roots are the restricted roots the answer rests on (at most [MaxRoots]), in id order.
	Roots []ID
	// Parts holds the flow-through and the multiplicative results under [Compare].
	Parts []Result

	steps []Step // the memory the steps of Paths share, kept for QueryInto
}

// MaxPaths bounds [Result.Paths]; MaxRoots bounds [Result.Roots]; MaxTerms bounds
// [Result.Terms].
const (
	MaxPaths = 5
	MaxRoots = 16
	MaxTerms = 16
)

// Term is one stake into the evaluated entity and what it contributes to the restricted
// share: Contribution = Share × Weight, where Weight is 1 for a restricted owner under
// direct and flow-through (0 otherwise) and the owner's own restricted share under
// multiplicative. Definite says the owner is definitely restricted (else possibly).
type Term struct {
	Stake        StakeInfo
	Weight       Bounds // in percent of the owner: 100 for a restricted owner
	Contribution Bounds
	Definite     bool
}

// Path is a chain of stakes from a root to the evaluated entity: Steps[0] is held by the
// root. Share is the product of the steps' shares (multiplicative) or the last step's share
// (flow-through, where restricted intermediates pass whole stakes). A step may be a control
// fact instead of a stake.
//
// Root is NoID when the chain ends without reaching a root: at an entity that may be held
// by unknown parties (an undisclosed remainder or the spare width of ranges, in an upper
// bound), or where it would come back on itself.
//
// Under a per-holder rule a chain may pass through a joint group that the single holder
// holds: the step of a stake that counts only because its group is held has HeldGroup
// set, and the step before it is the stake of the same group through which the holder
// holds it (its owner is the holder, or an entity that passes for it, which the steps
// before lead to; that may be the evaluated entity itself, which the path then meets
// twice). When no such stake can be shown, because the entity that holds the group for
// the holder is already on the path, the path starts at the held stake and its Root is
// the holder. The owner of a HeldGroup step is linked to the holder by the group alone,
// so a multiplicative Share is the product from the last HeldGroup step on, which counts
// at weight 1.
type Path struct {
	Root  ID
	Steps []Step
	Share Percent
}

// Step is one link of a [Path]: a stake, or a control fact when IsControl.
type Step struct {
	IsControl bool
	// HeldGroup marks a stake that counts because the holder holds its joint group
	// (Stake.JointGroup) through the stake of the previous step; see [Path].
	HeldGroup bool
	Stake     StakeInfo
	Control   ControlInfo
}

// UnsettledKind says what kind of fact leaves an answer open.
type UnsettledKind uint8

const (
	// RangeStake: a stake known only as a range.
	RangeStake UnsettledKind = iota
	// UndisclosedRemainder: shares held by unknown parties.
	UndisclosedRemainder
	// PossibleOwner: an owner that is possibly, not definitely, restricted.
	PossibleOwner
	// ReviewControl: a control fact the rule maps to review.
	ReviewControl
)

var unsettledNames = [...]string{"range", "remainder", "possible_owner", "review_control"}

// String returns the kind's name.
func (k UnsettledKind) String() string {
	if int(k) < len(unsettledNames) {
		return unsettledNames[k]
	}
	return fmt.Sprintf("UnsettledKind(%d)", k)
}

// MarshalText implements [encoding.TextMarshaler].
func (k UnsettledKind) MarshalText() ([]byte, error) {
	return marshalEnum(int(k), unsettledNames[:], "UnsettledKind")
}

// Unsettled is one fact that would settle an indeterminate answer: which range, which
// remainder, which owner or which control.
type Unsettled struct {
	Kind      UnsettledKind
	Stake     StakeInfo   // RangeStake, PossibleOwner (the owner's stake)
	Entity    ID          // UndisclosedRemainder: whose remainder; PossibleOwner: the owner
	Remainder Percent     // UndisclosedRemainder
	Control   ControlInfo // ReviewControl
}
