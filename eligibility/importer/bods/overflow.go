package bods

import (
	"fmt"
	"slices"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/ownership"
)

// repairOverflows finds days on which the lower bounds of the stakes into one entity (of
// one measure) sum over 100, which a world rejects. Registers produce them when a newer
// statement starts an interest before the statement that ends an older one is filed. The
// stakes declared by older statements that began before the overflow are taken to have
// ended on its first day, and the change is reported; an overflow that no such stake
// explains is reported as invalid and left for the world to reject.
func (s *state) repairOverflows() {
	// Group the stakes by owned entity and measure: a map to each group's first stake and
	// a chain through the rest, in input order.
	type key struct {
		owned   string
		measure ownership.Measure
	}
	n := len(s.res.Stakes)
	first := make(map[key]int32, n/2)
	next := make([]int32, n)
	last := make([]int32, n) // for group heads: the group's last stake
	var heads []int32
	for i := range s.res.Stakes {
		st := &s.res.Stakes[i]
		k := key{st.Owned, st.Measure}
		next[i] = -1
		h, ok := first[k]
		if !ok {
			first[k] = int32(i)
			last[i] = int32(i)
			heads = append(heads, int32(i))
			continue
		}
		next[last[h]] = int32(i)
		last[h] = int32(i)
	}
	var idx []int
	for _, h := range heads {
		if next[h] < 0 {
			continue // one stake cannot overflow (the builder checks each is within 0–100)
		}
		idx = idx[:0]
		var total ownership.Percent
		for i := h; i >= 0; i = next[i] {
			idx = append(idx, int(i))
			total += s.res.Stakes[i].Share.Min
		}
		if total <= ownership.Hundred {
			continue // never over 100, whatever the dates
		}
		k := key{s.res.Stakes[h].Owned, s.res.Stakes[h].Measure}
		for range len(idx) + 1 {
			day, cover, sum := s.firstOverflow(idx)
			if day < 0 {
				break
			}
			newest := eligibility.Date(0)
			for _, i := range cover {
				newest = max(newest, s.meta[i].declared)
			}
			// Older declarations end first, one at a time, until the sum fits.
			slices.SortStableFunc(cover, func(a, b int) int { return int(s.meta[a].declared) - int(s.meta[b].declared) })
			fixed := false
			for _, i := range cover {
				st := &s.res.Stakes[i]
				if sum <= ownership.Hundred {
					break
				}
				if day == 0 || s.meta[i].declared >= newest || (st.Valid.From != 0 && st.Valid.From >= day) {
					continue
				}
				s.rep.Add(importer.Issue{Source: s.src, Record: s.meta[i].record, Field: "interests",
					Value: fmt.Sprintf("%s → %s %s %s", st.Owner, st.Owned, st.Share, st.Measure), Kind: importer.Adjusted,
					Reason: fmt.Sprintf("stakes into %s sum to %s from %s: this one, declared earlier, is taken to have ended that day", st.Owned, sum, day)})
				st.Valid.Until = day
				sum -= st.Share.Min
				fixed = true
			}
			if !fixed {
				s.rep.Add(importer.Issue{Source: s.src, Record: s.meta[cover[0]].record, Field: "interests", Value: k.owned, Kind: importer.Invalid,
					Reason: fmt.Sprintf("stakes (%s) into %s sum to %s from %s and no later statement explains it", k.measure, k.owned, sum, day)})
				break
			}
		}
	}
}

// firstOverflow returns the first day on which the lower bounds of stakes idx sum over
// 100, the stakes in effect then and the sum; day is -1 when there is none.
func (s *state) firstOverflow(idx []int) (eligibility.Date, []int, ownership.Percent) {
	var points []eligibility.Date
	for _, i := range idx {
		v := s.res.Stakes[i].Valid
		points = append(points, v.From)
	}
	slices.Sort(points)
	points = slices.Compact(points)
	for _, p := range points {
		var sum ownership.Percent
		var cover []int
		for _, i := range idx {
			st := &s.res.Stakes[i]
			if st.Valid.IsEmpty() {
				continue
			}
			if (st.Valid.From == 0 || st.Valid.From <= p) && (st.Valid.Until == 0 || p < st.Valid.Until) {
				sum += st.Share.Min
				cover = append(cover, i)
			}
		}
		if sum > ownership.Hundred {
			return p, cover, sum
		}
	}
	return -1, nil, 0
}
