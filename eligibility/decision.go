package eligibility

import (
	"fmt"
	"strings"

	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// Verdict is the answer to "may we serve this entity?". The zero value is invalid; the
// valid verdicts are ordered by strictness: [VerdictAllow] < [VerdictReview] < [VerdictDeny].
type Verdict uint8

const (
	_             Verdict = iota
	VerdictAllow          // no rule in effect objects
	VerdictReview         // a person must decide
	VerdictDeny           // the entity must not be served
)

var verdictNames = [...]string{"", "allow", "review", "deny"}

// String returns "allow", "review" or "deny".
func (v Verdict) String() string { return enumString(int(v), verdictNames[:], "Verdict") }

// MarshalText implements [encoding.TextMarshaler].
func (v Verdict) MarshalText() ([]byte, error) {
	return enumMarshal(int(v), verdictNames[:], "Verdict")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (v *Verdict) UnmarshalText(b []byte) error {
	return enumUnmarshal((*uint8)(v), b, verdictNames[:], 1, "verdict")
}

// Code says, as a typed value, why a rule gave its verdict.
type Code uint8

const (
	_ Code = iota
	// CodeJurisdiction: a jurisdiction of the subject in the rule's roles is in its set.
	CodeJurisdiction
	// CodeNoJurisdiction: none is.
	CodeNoJurisdiction
	// CodeDesignated: the subject is designated on one of the rule's lists at the date.
	CodeDesignated
	// CodeNotDesignated: it is not.
	CodeNotDesignated
	// CodeSubjectIsRoot: the subject is itself a restricted root of an ownership rule.
	CodeSubjectIsRoot
	// CodeOwned: the subject is definitely owned or controlled by restricted roots.
	CodeOwned
	// CodeIndeterminate: it possibly is; the evidence names what would settle it.
	CodeIndeterminate
	// CodeSignificantMinority: the definite restricted share reaches review_at.
	CodeSignificantMinority
	// CodeMethodDependent: under compare, flow-through and multiplicative disagree.
	CodeMethodDependent
	// CodeNotOwned: not owned or controlled on any reading of the facts.
	CodeNotOwned
	// CodeNameMatch: the subject's name matches a listed entity's name at or above the
	// rule's score; a person must decide whether they are the same.
	CodeNameMatch
)

var codeNames = [...]string{"", "jurisdiction", "no_jurisdiction", "designated", "not_designated",
	"subject_is_root", "owned", "indeterminate", "significant_minority", "method_dependent", "not_owned", "name_match"}

// String returns the code's name, such as "owned".
func (c Code) String() string { return enumString(int(c), codeNames[:], "Code") }

// MarshalText implements [encoding.TextMarshaler].
func (c Code) MarshalText() ([]byte, error) { return enumMarshal(int(c), codeNames[:], "Code") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Code) UnmarshalText(b []byte) error {
	return enumUnmarshal((*uint8)(c), b, codeNames[:], 1, "code")
}

// Decision is the answer of [Evaluate]: the verdict and one reason per rule in effect,
// sorted by verdict (deny, review, allow) and then by the rule's place in the policy.
// It marshals to JSON with a fixed field order, and [Decision.Explain] renders it as text.
type Decision struct {
	Subject string   `json:"subject"`
	At      Date     `json:"at"`
	Verdict Verdict  `json:"verdict"`
	Reasons []Reason `json:"reasons"`
}

// Reason is what one rule in effect said.
type Reason struct {
	Rule     string   `json:"rule"`
	Kind     RuleKind `json:"kind"`
	Effect   Verdict  `json:"effect"` // what this rule gives: allow, review or deny
	Code     Code     `json:"code"`
	Message  string   `json:"message"`
	Evidence Evidence `json:"evidence"`
}

// Evidence is the typed material behind a reason. Only the part for the rule's kind is set.
type Evidence struct {
	// BranchOf is set when the subject is a branch and was evaluated as this ultimate parent.
	BranchOf      string              `json:"branch_of,omitempty"`
	Jurisdictions []JurisdictionMatch `json:"jurisdictions,omitempty"`
	Designations  []DesignationMatch  `json:"designations,omitempty"`
	Lists         []string            `json:"lists,omitempty"` // the lists a designation rule looked at
	Ownership     *OwnershipEvidence  `json:"ownership,omitempty"`
}

// JurisdictionMatch is one jurisdiction of the subject that is in the rule's set: its role,
// its code, and the member of the set that contains it (the code itself, or its country).
type JurisdictionMatch struct {
	Role   Role              `json:"role"`
	Code   jurisdiction.Code `json:"code"`
	Member jurisdiction.Code `json:"member"`
}

// DesignationMatch is one list entry that designates the subject at the date, or, when
// Via is set, an entry of another entity that the resolver links to the subject: by an
// identifier they share ("identifier": the designation itself) or by a name match at or
// above the rule's score ("name": a candidate for review).
type DesignationMatch struct {
	List    string `json:"list"`
	Entity  string `json:"entity"` // the entry's entity: the subject, its parent, a branch of it, or the matched entity
	Program string `json:"program,omitempty"`
	From    Date   `json:"from,omitempty"`
	Until   Date   `json:"until,omitempty"`
	// Via is "identifier" or "name" for a match found by the resolver, "" for an entry
	// that names the subject.
	Via        string `json:"via,omitempty"`
	Identifier string `json:"identifier,omitempty"` // the shared identifier, canonical
	// Score is the name score in [0, 1], QueryName the subject's name and MatchedName the
	// listed entity's name that scored it.
	Score       float64 `json:"score,omitempty"`
	QueryName   string  `json:"query_name,omitempty"`
	MatchedName string  `json:"matched_name,omitempty"`
}

// OwnershipEvidence is the arithmetic behind an ownership reason, with entity ids as
// strings and stakes and controls by their index in the world's input.
type OwnershipEvidence struct {
	Method        ownership.Method    `json:"method"`
	Status        ownership.Status    `json:"status"`
	Threshold     Percent             `json:"threshold"`
	Inclusive     bool                `json:"inclusive"`
	Aggregate     bool                `json:"aggregate"`
	SubjectIsRoot bool                `json:"subject_is_root,omitempty"`
	Entity        string              `json:"entity"`
	Holder        string              `json:"holder,omitempty"`
	Measure       ownership.Measure   `json:"measure"`
	Share         ShareBounds         `json:"share"`
	Control       *ControlRef         `json:"control,omitempty"`
	Terms         []TermEvidence      `json:"terms,omitempty"`
	Remainder     Percent             `json:"remainder,omitempty"`
	Paths         []PathEvidence      `json:"paths,omitempty"`
	Unsettled     []UnsettledFact     `json:"unsettled,omitempty"`
	Roots         []string            `json:"roots,omitempty"`
	Methods       []OwnershipEvidence `json:"methods,omitempty"`
}

// ShareBounds bounds a restricted share, in percent.
type ShareBounds struct {
	Lower Percent `json:"lower"`
	Upper Percent `json:"upper"`
}

// ControlRef names a control fact.
type ControlRef struct {
	Index      int             `json:"index"`
	Controller string          `json:"controller"`
	Controlled string          `json:"controlled"`
	Basis      ownership.Basis `json:"basis"`
}

// StakeRef names a stake.
type StakeRef struct {
	Index   int               `json:"index"`
	Owner   string            `json:"owner"`
	Owned   string            `json:"owned"`
	Percent ownership.Range   `json:"percent"`
	Measure ownership.Measure `json:"kind"`
}

// TermEvidence is one term of the sum: a stake, the weight of its owner (100 for a
// restricted owner, the owner's own share under multiplicative), and their product.
type TermEvidence struct {
	Stake        StakeRef    `json:"stake"`
	Weight       ShareBounds `json:"weight"`
	Contribution ShareBounds `json:"contribution"`
	Definite     bool        `json:"definite"`
}

// PathEvidence is a chain from a root to the evaluated entity.
type PathEvidence struct {
	Root  string         `json:"root,omitempty"`
	Steps []StepEvidence `json:"steps"`
	Share Percent        `json:"share"`
}

// StepEvidence is one link of a path: a stake or a control. HeldGroup names the joint
// group of a stake that counts because the single holder holds that group through the
// stake of the previous step (see [ownership.Path]).
type StepEvidence struct {
	Stake     *StakeRef   `json:"stake,omitempty"`
	Control   *ControlRef `json:"control,omitempty"`
	HeldGroup string      `json:"held_group,omitempty"`
}

// UnsettledFact is a fact that would settle an indeterminate answer.
type UnsettledFact struct {
	Kind      ownership.UnsettledKind `json:"kind"`
	Entity    string                  `json:"entity,omitempty"`
	Stake     *StakeRef               `json:"stake,omitempty"`
	Remainder Percent                 `json:"remainder,omitempty"`
	Control   *ControlRef             `json:"control,omitempty"`
}

// MarshalJSON encodes the decision with a fixed field order; the same decision always
// gives the same bytes. See [Decision.AppendJSON].
func (d Decision) MarshalJSON() ([]byte, error) {
	return d.AppendJSON(make([]byte, 0, 1024)), nil
}

// Explain renders the decision as plain text that a person can check by hand.
func (d Decision) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s at %s: %s\n", d.Subject, d.At, strings.ToUpper(d.Verdict.String()))
	if len(d.Reasons) == 0 {
		b.WriteString("  no rule is in effect\n")
	}
	for _, r := range d.Reasons {
		fmt.Fprintf(&b, "  [%s] %s (%s rule): %s\n", r.Effect, r.Rule, r.Kind, r.Message)
		if o := r.Evidence.Ownership; o != nil {
			explainOwnership(&b, o, "    ")
		}
		for _, m := range r.Evidence.Designations {
			switch m.Via {
			case "identifier":
				fmt.Fprintf(&b, "    shares %s with %s:\n", m.Identifier, m.Entity)
			case "name":
				fmt.Fprintf(&b, "    name %q scores %.4g against %q of %s:\n", m.QueryName, m.Score, m.MatchedName, m.Entity)
			}
			fmt.Fprintf(&b, "    entry: %s on %s", m.Entity, m.List)
			if m.Program != "" {
				fmt.Fprintf(&b, ", program %s", m.Program)
			}
			fmt.Fprintf(&b, ", %s\n", Interval{From: m.From, Until: m.Until})
		}
	}
	return b.String()
}

func explainOwnership(b *strings.Builder, o *OwnershipEvidence, indent string) {
	if len(o.Methods) > 0 {
		for i := range o.Methods {
			fmt.Fprintf(b, "%s%s: %s\n", indent, o.Methods[i].Method, o.Methods[i].Status)
			explainOwnership(b, &o.Methods[i], indent+"  ")
		}
		return
	}
	if o.SubjectIsRoot {
		fmt.Fprintf(b, "%s%s is itself a restricted root\n", indent, o.Entity)
		return
	}
	holder := ""
	if o.Holder != "" {
		holder = " held by " + o.Holder
	}
	fmt.Fprintf(b, "%srestricted %s of %s%s: %s (threshold %s %s)\n", indent, o.Measure, o.Entity, holder, rangeText(o.Share), cmpText(o.Inclusive), o.Threshold)
	for _, t := range o.Terms {
		fmt.Fprintf(b, "%s  + %s%% of %s held by %s × weight %s = %s\n", indent, pct(t.Stake.Percent), t.Stake.Owned, t.Stake.Owner, rangeText(t.Weight), rangeText(t.Contribution))
	}
	if o.Remainder > 0 {
		fmt.Fprintf(b, "%s  + undisclosed remainder %s%% (unknown holders)\n", indent, o.Remainder)
	}
	if o.Control != nil {
		fmt.Fprintf(b, "%s  control: %s controls %s (%s)\n", indent, o.Control.Controller, o.Control.Controlled, o.Control.Basis)
	}
	for _, p := range o.Paths {
		var parts []string
		for _, s := range p.Steps {
			switch {
			case s.Stake != nil:
				part := fmt.Sprintf("%s -%s%%-> %s", s.Stake.Owner, pct(s.Stake.Percent), s.Stake.Owned)
				if s.HeldGroup != "" {
					part = "(joint group " + s.HeldGroup + " held) " + part
				}
				parts = append(parts, part)
			case s.Control != nil:
				parts = append(parts, fmt.Sprintf("%s =%s=> %s", s.Control.Controller, s.Control.Basis, s.Control.Controlled))
			}
		}
		fmt.Fprintf(b, "%s  path (%s%%): %s\n", indent, p.Share, strings.Join(parts, ", "))
	}
	for _, u := range o.Unsettled {
		switch u.Kind {
		case ownership.RangeStake:
			fmt.Fprintf(b, "%s  open: the exact stake of %s in %s (%s%%)\n", indent, u.Stake.Owner, u.Stake.Owned, pct(u.Stake.Percent))
		case ownership.UndisclosedRemainder:
			fmt.Fprintf(b, "%s  open: who holds the undisclosed %s%% of %s\n", indent, u.Remainder, u.Entity)
		case ownership.PossibleOwner:
			fmt.Fprintf(b, "%s  open: whether %s is restricted\n", indent, u.Entity)
		case ownership.ReviewControl:
			fmt.Fprintf(b, "%s  open: the %s control of %s over %s\n", indent, u.Control.Basis, u.Control.Controller, u.Control.Controlled)
		}
	}
}

func pct(r ownership.Range) string { return r.String() }

func rangeText(s ShareBounds) string {
	if s.Lower == s.Upper {
		return s.Lower.String() + "%"
	}
	return s.Lower.String() + "–" + s.Upper.String() + "%"
}

func cmpText(inclusive bool) string {
	if inclusive {
		return ">="
	}
	return ">"
}
