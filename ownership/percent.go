package ownership

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// PercentScale is the number of [Percent] units in one percentage point: shares are
// stored exactly in millionths of a percent, so that 50 is 50 and sums of stakes are exact
// integer additions.
const PercentScale = 1_000_000

// Hundred is 100 percent.
const Hundred Percent = 100 * PercentScale

// ErrPercent is wrapped by every error from [ParsePercent].
var ErrPercent = errors.New("ownership: bad percent")

// Percent is a share in exact fixed point: millionths of a percentage point (see
// [PercentScale]). Thresholds are compared on these integers, never on floats.
// The zero value is 0%. A valid share lies in [0, [Hundred]].
type Percent int64

// ParsePercent parses a decimal number of percent such as "50", "37.49" or "1e1" with at
// most six decimal places (the resolution of [Percent]). Digits beyond the sixth are
// accepted only when they are the noise of a binary floating-point number printed in full,
// such as "27.409999999999997" (100 − 72.59 computed in float64): when the value lies less
// than 10⁻⁹ percent from a six-decimal value, it is that value. Any other extra precision, such as
// "50.0000001", is an error rather than a silent rounding: only a difference of under
// 10⁻⁹ percent, which no share written by hand has, is ever rounded away. ParsePercent accepts any value that fits, including negatives and
// values over 100: range checks belong to the builder, which names the record.
func ParsePercent(s string) (Percent, error) {
	orig := s
	if s == "" {
		return 0, fmt.Errorf("%w: empty", ErrPercent)
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 20 || e < -20 {
			return 0, fmt.Errorf("%w: %q", ErrPercent, orig)
		}
		exp = e
		s = s[:i]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	if intPart == "" && frac == "" {
		return 0, fmt.Errorf("%w: %q", ErrPercent, orig)
	}
	digits := intPart + frac
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, fmt.Errorf("%w: %q", ErrPercent, orig)
		}
	}
	// value = digits × 10^(exp − len(frac)); scale by 10^6.
	shift := exp - len(frac) + 6
	digits = strings.TrimLeft(digits, "0")
	roundUp := false
	if shift < 0 {
		// The last -shift digits are below a millionth of a percent: the tail.
		cut := -shift
		tail := digits // the tail's digits after its leading zeros
		if cut < len(digits) {
			tail = digits[len(digits)-cut:]
		}
		if tail = strings.TrimRight(tail, "0"); tail != "" {
			// Float noise: the tail, as a fraction f of a millionth, is under 0.001 or
			// over 0.999 (strictly): it starts with "000", counting the zeros cut from the
			// front of digits, or with "999" and goes on.
			zeros := max(cut-len(digits), 0)
			small := zeros >= 3 || strings.HasPrefix(tail, "000"[zeros:])
			large := zeros == 0 && len(tail) > 3 && strings.HasPrefix(tail, "999")
			if !small && !large {
				return 0, fmt.Errorf("%w: %q has more than 6 decimal places", ErrPercent, orig)
			}
			roundUp = large
		}
		digits = digits[:max(len(digits)-cut, 0)]
		shift = 0
	}
	if len(digits)+shift > 15 {
		return 0, fmt.Errorf("%w: %q is out of range", ErrPercent, orig)
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		v = v*10 + int64(digits[i]-'0')
	}
	for ; shift > 0; shift-- {
		v *= 10
	}
	if roundUp {
		if v++; v >= 1e15 {
			return 0, fmt.Errorf("%w: %q is out of range", ErrPercent, orig)
		}
	}
	if neg {
		v = -v
	}
	return Percent(v), nil
}

// MustParsePercent is [ParsePercent] for constants in programs and tests; it panics on error.
func MustParsePercent(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// PercentOf returns n whole percentage points.
func PercentOf(n int) Percent { return Percent(n) * PercentScale }

// String formats p as a decimal number of percent with no trailing zeros: "50", "37.49".
func (p Percent) String() string {
	var b [24]byte
	return string(p.AppendText(b[:0]))
}

// AppendText appends the form of [Percent.String] to dst.
func (p Percent) AppendText(dst []byte) []byte {
	v := int64(p)
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	}
	dst = strconv.AppendInt(dst, v/PercentScale, 10)
	frac := v % PercentScale
	if frac == 0 {
		return dst
	}
	var f [6]byte
	for i := 5; i >= 0; i-- {
		f[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 6
	for n > 0 && f[n-1] == '0' {
		n--
	}
	dst = append(dst, '.')
	return append(dst, f[:n]...)
}

// MarshalText implements [encoding.TextMarshaler] with the form of [Percent.String].
func (p Percent) MarshalText() ([]byte, error) { return p.AppendText(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePercent].
func (p *Percent) UnmarshalText(b []byte) error {
	v, err := ParsePercent(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Float returns p as a float64 number of percent, for display and for multiplicative
// arithmetic only.
func (p Percent) Float() float64 { return float64(p) / PercentScale }

// Range is a share known to lie in [Min, Max]; an exact share has Min == Max.
// The zero value is exactly 0%.
type Range struct {
	Min, Max Percent
}

// Exact returns the range holding exactly p.
func Exact(p Percent) Range { return Range{p, p} }

// IsExact reports whether the range holds one value.
func (r Range) IsExact() bool { return r.Min == r.Max }

// String formats r as "37.49" when exact, else "25–50".
func (r Range) String() string {
	if r.IsExact() {
		return r.Min.String()
	}
	return r.Min.String() + "–" + r.Max.String()
}

// MarshalJSON writes p as a JSON number, such as 37.49.
func (p Percent) MarshalJSON() ([]byte, error) { return p.AppendText(nil), nil }

// UnmarshalJSON reads a JSON number with [ParsePercent].
func (p *Percent) UnmarshalJSON(b []byte) error { return p.UnmarshalText(b) }

// MarshalJSON writes an exact range as a number and any other as {"min": …, "max": …}.
func (r Range) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }

// AppendJSON appends the form of [Range.MarshalJSON] to dst.
func (r Range) AppendJSON(dst []byte) []byte {
	if r.IsExact() {
		return r.Min.AppendText(dst)
	}
	dst = append(dst, `{"min":`...)
	dst = r.Min.AppendText(dst)
	dst = append(dst, `,"max":`...)
	dst = r.Max.AppendText(dst)
	return append(dst, '}')
}
