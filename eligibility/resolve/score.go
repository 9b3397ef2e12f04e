package resolve

import (
	"fmt"
	"strconv"
	"strings"
)

// Score is a similarity in [0, 1], held exactly as an integer number of ten-thousandths
// (basis points): 8500 is 0.85. Scores are computed in integer arithmetic, so the same
// inputs give the same score on every platform, and comparing a score with a threshold is
// exact. The zero value is 0.
type Score uint16

// MaxScore is a perfect match, 1.0000.
const MaxScore Score = 10000

// DefaultMinScore is the least score [Index.Match] returns when a [Query] does not say.
const DefaultMinScore Score = 5000

// ReviewThreshold is the threshold chosen on the real lists in the package tests
// (BENCHMARKS.md): each alias of the 2021 SDN list and of the 2023 Consolidated Screening
// List, asked of the index of all their names, finds its own entry at or above it every
// time, and another entry for 0.6% of the pairs returned (precision 0.994). A name
// candidate at or above it is worth a person's review; lower scores trade precision for
// recall (the curve is in BENCHMARKS.md). It is a recommendation, not a default of any
// function.
const ReviewThreshold Score = 9000

// ParseScore parses a decimal between 0 and 1 with at most four decimals ("0.85", "1",
// "1.0", ".5"), exactly: no float is involved.
func ParseScore(s string) (Score, error) {
	intPart, frac, dot := strings.Cut(s, ".")
	if (intPart == "" && frac == "") || (dot && frac == "") || len(frac) > 4 ||
		(intPart != "" && intPart != "0" && intPart != "1") {
		return 0, fmt.Errorf("%w: %q", ErrScore, s)
	}
	v := 0
	for i := 0; i < 4; i++ {
		d := 0
		if i < len(frac) {
			c := frac[i]
			if c < '0' || c > '9' {
				return 0, fmt.Errorf("%w: %q", ErrScore, s)
			}
			d = int(c - '0')
		}
		v = v*10 + d
	}
	if intPart == "1" {
		if v != 0 {
			return 0, fmt.Errorf("%w: %q is above 1", ErrScore, s)
		}
		return MaxScore, nil
	}
	return Score(v), nil
}

// Float returns s as a float64 (for display; compare Scores, not floats).
func (s Score) Float() float64 { return float64(s) / 10000 }

// String formats s with four decimals, such as "0.8500".
func (s Score) String() string {
	return strconv.Itoa(int(s)/10000) + "." + fmt.Sprintf("%04d", int(s)%10000)
}

// MarshalText implements [encoding.TextMarshaler]: the [Score.String] form.
func (s Score) MarshalText() ([]byte, error) {
	if s > MaxScore {
		return nil, fmt.Errorf("%w: %d ten-thousandths", ErrScore, uint16(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseScore].
func (s *Score) UnmarshalText(b []byte) error {
	v, err := ParseScore(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
