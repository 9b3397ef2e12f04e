package ownership

import (
	"errors"
	"fmt"
	"time"
)

// ErrDate is wrapped by every error from [ParseDate].
var ErrDate = errors.New("ownership: bad date")

// Date is a UTC calendar day. It is stored as a day number so that it compares with < and
// ==. The zero value is "no date": as an interval bound it means the bound is open.
type Date int32

// dateBias makes 1970-01-01 day dateBias, so that every real day from year 1 on is positive.
const dateBias = 719_163 + 1

// DateOf returns the UTC day of t.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return dateFromYMD(y, m, d)
}

// MakeDate returns the day y-m-d; it panics if the date does not exist (programmer misuse).
func MakeDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if ty, tm, td := t.Date(); ty != y || tm != m || td != d || y < 1 || y > 9999 {
		panic(fmt.Sprintf("ownership: MakeDate(%d, %d, %d): no such day", y, m, d))
	}
	return dateFromYMD(y, m, d)
}

func dateFromYMD(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(t.Unix()/86400 + dateBias)
}

// ParseDate parses a YYYY-MM-DD day. It rejects days that do not exist (2025-02-30).
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrDate, s)
	}
	var n [3]int
	for i, part := range [3]string{s[0:4], s[5:7], s[8:10]} {
		for j := 0; j < len(part); j++ {
			c := part[j]
			if c < '0' || c > '9' {
				return 0, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrDate, s)
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	y, m, d := n[0], time.Month(n[1]), n[2]
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if ty, tm, td := t.Date(); ty != y || tm != m || td != d || y < 1 {
		return 0, fmt.Errorf("%w: %q does not exist", ErrDate, s)
	}
	return dateFromYMD(y, m, d), nil
}

// MustParseDate is [ParseDate] for constants; it panics on error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d is a day rather than the zero "no date".
func (d Date) IsValid() bool { return d != 0 }

// Time returns midnight UTC of d; the zero Date gives the zero time.Time.
func (d Date) Time() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Unix(int64(d-dateBias)*86400, 0).UTC()
}

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	var b [10]byte
	return string(d.AppendText(b[:0]))
}

// AppendText appends the form of [Date.String] to dst, without allocating.
func (d Date) AppendText(dst []byte) []byte {
	if d == 0 {
		return dst
	}
	y, m, day := d.Time().Date()
	dst = append(dst, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+day/10), byte('0'+day%10))
	return dst
}

// MarshalText implements [encoding.TextMarshaler].
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Interval is a half-open validity period [From, Until): From inclusive, Until exclusive.
// A zero bound is open, so the zero Interval means "always".
type Interval struct {
	From, Until Date
}

// Contains reports whether day d lies in the interval.
func (iv Interval) Contains(d Date) bool {
	return (iv.From == 0 || d >= iv.From) && (iv.Until == 0 || d < iv.Until)
}

// IsEmpty reports whether no day lies in the interval (From ≥ Until, both set).
func (iv Interval) IsEmpty() bool {
	return iv.From != 0 && iv.Until != 0 && iv.From >= iv.Until
}

// String formats the interval as "[2020-01-01, 2030-01-01)", with "…" for an open bound.
func (iv Interval) String() string {
	f, u := iv.From.String(), iv.Until.String()
	if f == "" {
		f = "…"
	}
	if u == "" {
		u = "…"
	}
	return "[" + f + ", " + u + ")"
}
