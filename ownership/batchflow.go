package ownership

// classifyFlow answers every entity under an aggregated direct or flow-through rule with
// two work lists that start at the roots and push restriction down the out-edges: each
// entity changes state at most once per pass and each stake is read a bounded number of
// times, so the batch is O(V + E) with no view of the graph and no topological order. The
// fixed points reached are the least ones (nothing is restricted that no root reaches), so
// the statuses equal those of Query, as the tests check.
func (g *Graph) classifyFlow(rule *Rule, roots Roots, at Date, out []Status, lower []Percent) {
	n := g.Len()
	flow := rule.Method == FlowThrough
	ignore := rule.Unknown == UnknownIgnore
	t := float64(rule.Threshold)
	meets := func(x int64) bool {
		if rule.Inclusive {
			return float64(x) >= t
		}
		return float64(x) > t
	}
	active := func(p int32) bool { return g.st[p].activeAt(at) }
	// Per entity and measure: the lower pass's restricted share, and the upper pass's
	// a (Σ lower bounds of owners not possibly restricted) and b (Σ upper bounds of possible
	// owners plus the remainder).
	var accLo, a, b [2][]int64
	for m := 0; m < 2; m++ {
		accLo[m] = make([]int64, n)
		a[m] = make([]int64, n)
		b[m] = make([]int64, n)
	}
	hasVotes := make([]bool, n)
	outStart, outPos, owned := g.ownerIndex()
	for e := 0; e < n; e++ {
		for p := g.inStart[e]; p < g.inStart[e+1]; p++ {
			if !active(p) {
				continue
			}
			m := g.st[p].measure()
			if m == 1 {
				hasVotes[e] = true
			}
			a[m][e] += int64(g.st[p].lo)
		}
		if g.isPartial(ID(e)) && !ignore {
			for m := 0; m < 2; m++ {
				if m == 1 && !hasVotes[e] {
					break
				}
				if rem := int64(Hundred) - a[m][e]; rem > 0 {
					b[m][e] = rem
				}
			}
		}
	}
	upShare := func(m int, e ID) int64 {
		if ignore {
			return b[m][e]
		}
		return min(int64(Hundred)-a[m][e], b[m][e])
	}
	reaches := func(acc func(m int) int64, e ID) bool {
		return meets(acc(0)) || (hasVotes[e] && meets(acc(1)))
	}

	for upper := 0; upper < 2; upper++ {
		restr := make([]bool, n) // restricted (lower) or possibly restricted (upper)
		pass := make([]bool, n)  // passes its stakes on
		queue := make([]ID, 0, 1024)
		mark := func(e ID, viaControl bool) {
			if !restr[e] {
				restr[e] = true
				queue = append(queue, e)
			}
			if (flow || viaControl) && !pass[e] {
				pass[e] = true
				queue = append(queue, e)
			}
		}
		for e := 0; e < n; e++ {
			id := ID(e)
			if g.Canonical(id) != id {
				continue
			}
			switch {
			case roots.IsRoot(id):
				mark(id, true)
			case upper == 0 && reaches(func(m int) int64 { return accLo[m][id] }, id):
				mark(id, false) // a threshold of 0 reached by nothing (inclusive)
			case upper == 1 && reaches(func(m int) int64 { return upShare(m, id) }, id):
				mark(id, false) // an undisclosed remainder alone reaches the threshold
			}
		}
		passed := make([]bool, n) // stakes already pushed
		for len(queue) > 0 {
			e := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			for _, c := range g.controlsFrom(e) {
				eff := rule.Controls[g.cBasis[c]]
				if (eff == ControlDeny || (upper == 1 && eff == ControlReview)) && g.cValid[c].Contains(at) {
					mark(g.cTo[c], true)
				}
			}
			if !pass[e] || passed[e] {
				continue
			}
			passed[e] = true
			for q := outStart[e]; q < outStart[e+1]; q++ {
				p := outPos[q]
				if !active(p) {
					continue
				}
				s := &g.st[p]
				d := owned[p]
				m := s.measure()
				if upper == 0 {
					accLo[m][d] += int64(s.lo)
					if !restr[d] && reaches(func(m int) int64 { return accLo[m][d] }, d) {
						mark(d, false)
					}
				} else {
					if ignore {
						b[m][d] += int64(s.lo)
					} else {
						a[m][d] -= int64(s.lo)
						b[m][d] += int64(s.hi)
					}
					if !restr[d] && reaches(func(m int) int64 { return upShare(m, d) }, d) {
						mark(d, false)
					}
				}
			}
		}
		for e := 0; e < n; e++ {
			switch {
			case upper == 0 && restr[e]:
				out[e] = Restricted
			case upper == 1 && restr[e] && out[e] != Restricted:
				out[e] = Indeterminate
			}
		}
	}
	for e := 0; e < n; e++ {
		lo := max(accLo[0][e], accLo[1][e])
		if rule.HasReviewAt && out[e] == Clear && float64(lo) >= float64(rule.ReviewAt) {
			out[e] = Significant
		}
		if lower != nil {
			lower[e] = Percent(lo)
		}
	}
}
