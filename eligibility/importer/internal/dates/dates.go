// Package dates reads the date forms of the importers' inputs into [ownership.Date] days.
package dates

import (
	"errors"
	"strings"
	"time"

	"github.com/eligo/eligo/ownership"
)

// Precision says how much of a date the text gave.
type Precision uint8

const (
	Day   Precision = iota // a full YYYY-MM-DD day
	Month                  // YYYY-MM: the first day of the month is used
	Year                   // YYYY: 1 January is used
)

// ErrDate is returned for text that is no date.
var ErrDate = errors.New("not a date")

// ISO reads "YYYY-MM-DD", an RFC 3339 date-time (its UTC day: "2012-11-29T00:00:00.000Z"),
// "YYYY-MM" or "YYYY". For the last two it returns the first day of the period and says so
// in the precision, so that the caller can report the rounding.
func ISO(s string) (ownership.Date, Precision, error) {
	s = strings.TrimSpace(s)
	switch {
	case len(s) == 10:
		d, err := ownership.ParseDate(s)
		return d, Day, err
	case len(s) > 10 && s[10] == 'T':
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			// A date-time without a zone is read as UTC.
			t, err = time.Parse("2006-01-02T15:04:05.999999999", s)
			if err != nil {
				return 0, Day, ErrDate
			}
		}
		if y := t.UTC().Year(); y < 1 || y > 9999 {
			return 0, Day, ErrDate
		}
		return ownership.DateOf(t), Day, nil
	case len(s) == 7 && s[4] == '-':
		d, err := ownership.ParseDate(s + "-01")
		return d, Month, err
	case len(s) == 4:
		d, err := ownership.ParseDate(s + "-01-01")
		return d, Year, err
	}
	return 0, Day, ErrDate
}

// DMY reads OFAC's "03 Jun 2021" form.
func DMY(s string) (ownership.Date, error) {
	t, err := time.Parse("02 Jan 2006", strings.TrimSpace(s))
	if err != nil || t.Year() < 1 {
		return 0, ErrDate
	}
	return ownership.DateOf(t), nil
}
