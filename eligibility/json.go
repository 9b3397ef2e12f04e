package eligibility

import (
	"strconv"
	"unicode/utf8"
)

// The decision's JSON is written by hand, field by field in the order of the structs'
// declarations, with the same bytes encoding/json would produce (HTML characters not
// escaped); the golden decision files hold the two together. It is several times faster
// and allocates once.

// AppendJSON appends the decision's JSON (as [Decision.MarshalJSON]) to dst.
func (d Decision) AppendJSON(dst []byte) []byte {
	b := append(dst, `{"subject":`...)
	b = appendString(b, d.Subject)
	b = append(b, `,"at":"`...)
	b = d.At.AppendText(b)
	b = append(b, `","verdict":"`...)
	b = append(b, d.Verdict.String()...)
	b = append(b, `","reasons":[`...)
	for i := range d.Reasons {
		if i > 0 {
			b = append(b, ',')
		}
		b = d.Reasons[i].appendJSON(b)
	}
	return append(b, "]}"...)
}

func (r *Reason) appendJSON(b []byte) []byte {
	b = append(b, `{"rule":`...)
	b = appendString(b, r.Rule)
	b = append(b, `,"kind":"`...)
	b = append(b, r.Kind.String()...)
	b = append(b, `","effect":"`...)
	b = append(b, r.Effect.String()...)
	b = append(b, `","code":"`...)
	b = append(b, r.Code.String()...)
	b = append(b, `","message":`...)
	b = appendString(b, r.Message)
	b = append(b, `,"evidence":`...)
	b = r.Evidence.appendJSON(b)
	return append(b, '}')
}

func (e *Evidence) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	field := func(name string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `":`...)
	}
	if e.BranchOf != "" {
		field("branch_of")
		b = appendString(b, e.BranchOf)
	}
	if len(e.Jurisdictions) > 0 {
		field("jurisdictions")
		b = append(b, '[')
		for i, m := range e.Jurisdictions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"role":"`...)
			b = append(b, m.Role.String()...)
			b = append(b, `","code":"`...)
			b = append(b, m.Code.String()...)
			b = append(b, `","member":"`...)
			b = append(b, m.Member.String()...)
			b = append(b, `"}`...)
		}
		b = append(b, ']')
	}
	if len(e.Designations) > 0 {
		field("designations")
		b = append(b, '[')
		for i, m := range e.Designations {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"list":`...)
			b = appendString(b, m.List)
			b = append(b, `,"entity":`...)
			b = appendString(b, m.Entity)
			if m.Program != "" {
				b = append(b, `,"program":`...)
				b = appendString(b, m.Program)
			}
			if m.From != 0 {
				b = append(b, `,"from":"`...)
				b = m.From.AppendText(b)
				b = append(b, '"')
			}
			if m.Until != 0 {
				b = append(b, `,"until":"`...)
				b = m.Until.AppendText(b)
				b = append(b, '"')
			}
			if m.Via != "" {
				b = append(b, `,"via":`...)
				b = appendString(b, m.Via)
			}
			if m.Identifier != "" {
				b = append(b, `,"identifier":`...)
				b = appendString(b, m.Identifier)
			}
			if m.Score != 0 {
				b = append(b, `,"score":`...)
				b = strconv.AppendFloat(b, m.Score, 'f', -1, 64)
			}
			if m.QueryName != "" {
				b = append(b, `,"query_name":`...)
				b = appendString(b, m.QueryName)
			}
			if m.MatchedName != "" {
				b = append(b, `,"matched_name":`...)
				b = appendString(b, m.MatchedName)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(e.Lists) > 0 {
		field("lists")
		b = appendStrings(b, e.Lists)
	}
	if e.Ownership != nil {
		field("ownership")
		b = e.Ownership.appendJSON(b)
	}
	return append(b, '}')
}

func (o *OwnershipEvidence) appendJSON(b []byte) []byte {
	b = append(b, `{"method":"`...)
	b = append(b, o.Method.String()...)
	b = append(b, `","status":"`...)
	b = append(b, o.Status.String()...)
	b = append(b, `","threshold":`...)
	b = o.Threshold.AppendText(b)
	b = append(b, `,"inclusive":`...)
	b = strconv.AppendBool(b, o.Inclusive)
	b = append(b, `,"aggregate":`...)
	b = strconv.AppendBool(b, o.Aggregate)
	if o.SubjectIsRoot {
		b = append(b, `,"subject_is_root":true`...)
	}
	b = append(b, `,"entity":`...)
	b = appendString(b, o.Entity)
	if o.Holder != "" {
		b = append(b, `,"holder":`...)
		b = appendString(b, o.Holder)
	}
	b = append(b, `,"measure":"`...)
	b = append(b, o.Measure.String()...)
	b = append(b, `","share":`...)
	b = o.Share.appendJSON(b)
	if o.Control != nil {
		b = append(b, `,"control":`...)
		b = o.Control.appendJSON(b)
	}
	if len(o.Terms) > 0 {
		b = append(b, `,"terms":[`...)
		for i := range o.Terms {
			if i > 0 {
				b = append(b, ',')
			}
			t := &o.Terms[i]
			b = append(b, `{"stake":`...)
			b = t.Stake.appendJSON(b)
			b = append(b, `,"weight":`...)
			b = t.Weight.appendJSON(b)
			b = append(b, `,"contribution":`...)
			b = t.Contribution.appendJSON(b)
			b = append(b, `,"definite":`...)
			b = strconv.AppendBool(b, t.Definite)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if o.Remainder != 0 {
		b = append(b, `,"remainder":`...)
		b = o.Remainder.AppendText(b)
	}
	if len(o.Paths) > 0 {
		b = append(b, `,"paths":[`...)
		for i := range o.Paths {
			if i > 0 {
				b = append(b, ',')
			}
			p := &o.Paths[i]
			b = append(b, '{')
			if p.Root != "" {
				b = append(b, `"root":`...)
				b = appendString(b, p.Root)
				b = append(b, ',')
			}
			b = append(b, `"steps":`...)
			if p.Steps == nil {
				b = append(b, "null"...)
			} else {
				b = append(b, '[')
				for j := range p.Steps {
					if j > 0 {
						b = append(b, ',')
					}
					s := &p.Steps[j]
					b = append(b, '{')
					if s.Stake != nil {
						b = append(b, `"stake":`...)
						b = s.Stake.appendJSON(b)
					}
					if s.Control != nil {
						if s.Stake != nil {
							b = append(b, ',')
						}
						b = append(b, `"control":`...)
						b = s.Control.appendJSON(b)
					}
					if s.HeldGroup != "" {
						b = append(b, `,"held_group":`...)
						b = appendString(b, s.HeldGroup)
					}
					b = append(b, '}')
				}
				b = append(b, ']')
			}
			b = append(b, `,"share":`...)
			b = p.Share.AppendText(b)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(o.Unsettled) > 0 {
		b = append(b, `,"unsettled":[`...)
		for i := range o.Unsettled {
			if i > 0 {
				b = append(b, ',')
			}
			u := &o.Unsettled[i]
			b = append(b, `{"kind":"`...)
			b = append(b, u.Kind.String()...)
			b = append(b, '"')
			if u.Entity != "" {
				b = append(b, `,"entity":`...)
				b = appendString(b, u.Entity)
			}
			if u.Stake != nil {
				b = append(b, `,"stake":`...)
				b = u.Stake.appendJSON(b)
			}
			if u.Remainder != 0 {
				b = append(b, `,"remainder":`...)
				b = u.Remainder.AppendText(b)
			}
			if u.Control != nil {
				b = append(b, `,"control":`...)
				b = u.Control.appendJSON(b)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(o.Roots) > 0 {
		b = append(b, `,"roots":`...)
		b = appendStrings(b, o.Roots)
	}
	if len(o.Methods) > 0 {
		b = append(b, `,"methods":[`...)
		for i := range o.Methods {
			if i > 0 {
				b = append(b, ',')
			}
			b = o.Methods[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func (s ShareBounds) appendJSON(b []byte) []byte {
	b = append(b, `{"lower":`...)
	b = s.Lower.AppendText(b)
	b = append(b, `,"upper":`...)
	b = s.Upper.AppendText(b)
	return append(b, '}')
}

func (c *ControlRef) appendJSON(b []byte) []byte {
	b = append(b, `{"index":`...)
	b = strconv.AppendInt(b, int64(c.Index), 10)
	b = append(b, `,"controller":`...)
	b = appendString(b, c.Controller)
	b = append(b, `,"controlled":`...)
	b = appendString(b, c.Controlled)
	b = append(b, `,"basis":"`...)
	b = append(b, c.Basis.String()...)
	return append(b, `"}`...)
}

func (s *StakeRef) appendJSON(b []byte) []byte {
	b = append(b, `{"index":`...)
	b = strconv.AppendInt(b, int64(s.Index), 10)
	b = append(b, `,"owner":`...)
	b = appendString(b, s.Owner)
	b = append(b, `,"owned":`...)
	b = appendString(b, s.Owned)
	b = append(b, `,"percent":`...)
	b = s.Percent.AppendJSON(b)
	b = append(b, `,"kind":"`...)
	b = append(b, s.Measure.String()...)
	return append(b, `"}`...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does with HTML escaping
// off: quotes, backslashes and control characters escaped, invalid UTF-8 replaced by
// U+FFFD, and U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
