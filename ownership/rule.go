package ownership

import "fmt"

// Rule states one ownership test as data (see the package doc for the semantics).
// The zero value is not usable: Method must be set. Its other zero fields mean: threshold
// 0, strict comparison (>), aggregated holders, no control counts, no review_at, and
// undisclosed remainders and ranges reviewed.
type Rule struct {
	// Threshold is compared with the restricted share: >= when Inclusive, else >. A
	// threshold of 0 inclusive is met by every share, including none: read literally, as
	// DESIGN.md's formulas give it, it restricts every entity.
	Threshold Percent
	Inclusive bool
	// PerHolder applies the method per root (a joint group's stakes counting for each of its
	// members) instead of adding up all restricted holdings: the case file's aggregate=false.
	PerHolder bool
	Method    Method
	// Controls maps each control basis to what it does; the zero value ignores it.
	Controls [NumBases]ControlEffect
	// ReviewAt, when HasReviewAt, gives review for a definite restricted share at or above
	// it but not restricted.
	ReviewAt    Percent
	HasReviewAt bool
	// Unknown says how remainders and ranges are treated.
	Unknown Unknown
}

// Validate reports what is wrong with r, or nil.
func (r *Rule) Validate() error {
	switch {
	case !r.Method.IsValid():
		return fmt.Errorf("ownership: rule: invalid method %d", r.Method)
	case r.Threshold < 0 || r.Threshold > Hundred:
		return fmt.Errorf("ownership: rule: threshold %s is outside [0, 100]", r.Threshold)
	case r.HasReviewAt && (r.ReviewAt < 0 || r.ReviewAt > r.Threshold):
		return fmt.Errorf("ownership: rule: review_at %s is outside [0, threshold %s]", r.ReviewAt, r.Threshold)
	case r.Unknown > UnknownIgnore:
		return fmt.Errorf("ownership: rule: invalid unknown-owners setting %d", r.Unknown)
	}
	for b, e := range r.Controls {
		if e > ControlDeny || (b == 0 && e != ControlIgnore) {
			return fmt.Errorf("ownership: rule: invalid control effect %d for basis %s", e, Basis(b))
		}
	}
	return nil
}

// meetsZero reports whether a share of 0 reaches the threshold: 0 inclusive.
func (r *Rule) meetsZero() bool { return r.Inclusive && r.Threshold <= 0 }

// weighsRestrictedOnly reports whether only restricted owners give their stakes weight:
// a rule that aggregates, by the direct or flow-through method (see [Graph.ReachFor]).
func (r *Rule) weighsRestrictedOnly() bool {
	return !r.PerHolder && (r.Method == Direct || r.Method == FlowThrough)
}

// cmpString is "≥" or ">", as the rule compares.
func (r *Rule) cmpString() string {
	if r.Inclusive {
		return ">="
	}
	return ">"
}

// Roots says which entities are restricted roots: designated, in a restricted
// jurisdiction, or named. The engine asks only about ultimate parents (never a branch).
// Implementations must be safe for concurrent use if the graph is queried concurrently.
type Roots interface {
	IsRoot(id ID) bool
}

// RootFunc adapts a function to [Roots].
type RootFunc func(ID) bool

// IsRoot calls f.
func (f RootFunc) IsRoot(id ID) bool { return f(id) }

// RootSet is a set of dense ids as a bitset; it implements [Roots]. The zero value is
// empty. Build it with [NewRootSet] or Add; after that it is read-only and safe for
// concurrent use.
type RootSet struct {
	bits []uint64
}

// NewRootSet returns a set holding ids.
func NewRootSet(ids ...ID) *RootSet {
	s := &RootSet{}
	for _, id := range ids {
		s.Add(id)
	}
	return s
}

// Add inserts id.
func (s *RootSet) Add(id ID) {
	if id < 0 {
		return
	}
	w := int(id >> 6)
	for len(s.bits) <= w {
		s.bits = append(s.bits, 0)
	}
	s.bits[w] |= 1 << (id & 63)
}

// IsRoot reports whether id is in the set, in O(1).
func (s *RootSet) IsRoot(id ID) bool {
	w := int(id >> 6)
	return id >= 0 && w < len(s.bits) && s.bits[w]&(1<<(id&63)) != 0
}
