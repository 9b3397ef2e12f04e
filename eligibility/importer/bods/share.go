package bods

import (
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/eligo/eligo/ownership"
)

// one is the smallest step of [ownership.Percent]: a millionth of a percentage point.
const one ownership.Percent = 1

var million = big.NewRat(ownership.PercentScale, 1)

// bound reads a JSON number of percent, rounding down (up == false) or up to the
// resolution of [ownership.Percent]. rounded says whether the number had more decimals
// than that resolution.
func bound(n json.Number, up bool) (p ownership.Percent, rounded bool, err error) {
	if p, err := ownership.ParsePercent(n.String()); err == nil {
		return p, false, nil
	}
	r, ok := new(big.Rat).SetString(n.String())
	if !ok {
		return 0, false, fmt.Errorf("%q is not a number", n)
	}
	r.Mul(r, million)
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if m.Sign() != 0 {
		rounded = true
		if up && r.Sign() > 0 {
			q.Add(q, big.NewInt(1))
		}
		if !up && r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() || q.Int64() > 1000*int64(ownership.Hundred) || q.Int64() < -1000*int64(ownership.Hundred) {
		return 0, false, fmt.Errorf("%s is out of range", n)
	}
	return ownership.Percent(q.Int64()), rounded, nil
}

// shareRange turns a BODS share into a range. notes says what was read other than as
// written (rounding to the model's resolution, absent bounds); uniform says the same of
// readings that apply alike to every share (exclusive bounds).
//
//   - exact x: [x, x]; with more than six decimals, the two nearest millionths around x.
//   - minimum / maximum: inclusive bounds as given; an absent bound is 0 or 100.
//   - exclusiveMinimum x: x plus one millionth of a point (the least share above x that
//     the model can hold); exclusiveMaximum x: x minus one millionth.
//   - no share: [0, 100], a holding of unknown size.
func shareRange(sh *share) (r ownership.Range, notes []string, uniform []string, err error) {
	if sh == nil || (sh.Exact == "" && sh.Minimum == "" && sh.Maximum == "" && sh.ExclusiveMinimum == "" && sh.ExclusiveMaximum == "") {
		return ownership.Range{Min: 0, Max: ownership.Hundred}, []string{"no share given: taken as a holding of unknown size, 0–100"}, nil, nil
	}
	if sh.Exact != "" {
		lo, rl, err := bound(sh.Exact, false)
		if err != nil {
			return r, nil, nil, err
		}
		hi, _, _ := bound(sh.Exact, true)
		if rl {
			notes = append(notes, fmt.Sprintf("exact share %s has more than six decimals: taken as the range %s–%s", sh.Exact, lo, hi))
		}
		r = ownership.Range{Min: lo, Max: hi}
	} else {
		r = ownership.Range{Min: 0, Max: ownership.Hundred}
		switch {
		case sh.Minimum != "":
			lo, rounded, err := bound(sh.Minimum, false)
			if err != nil {
				return r, nil, nil, err
			}
			if rounded {
				notes = append(notes, fmt.Sprintf("minimum %s rounded down to %s", sh.Minimum, lo))
			}
			r.Min = lo
		case sh.ExclusiveMinimum != "":
			lo, _, err := bound(sh.ExclusiveMinimum, false)
			if err != nil {
				return r, nil, nil, err
			}
			r.Min = lo + one
			uniform = append(uniform, fmt.Sprintf("exclusive minimum %s taken as %s, the least share above it that the model holds", sh.ExclusiveMinimum, r.Min))
		}
		switch {
		case sh.Maximum != "":
			hi, rounded, err := bound(sh.Maximum, true)
			if err != nil {
				return r, nil, nil, err
			}
			if rounded {
				notes = append(notes, fmt.Sprintf("maximum %s rounded up to %s", sh.Maximum, hi))
			}
			r.Max = hi
		case sh.ExclusiveMaximum != "":
			hi, _, err := bound(sh.ExclusiveMaximum, true)
			if err != nil {
				return r, nil, nil, err
			}
			r.Max = hi - one
			uniform = append(uniform, fmt.Sprintf("exclusive maximum %s taken as %s, the greatest share below it that the model holds", sh.ExclusiveMaximum, r.Max))
		}
	}
	if r.Min < 0 || r.Max > ownership.Hundred || r.Min > r.Max {
		return r, nil, nil, fmt.Errorf("share %s is not a range within 0–100", r)
	}
	return r, notes, uniform, nil
}
