// Package synth generates synthetic but realistic corporate-group worlds for benchmarks,
// policy experiments and tests: heavy-tailed group sizes, mostly shallow holdings with a
// tail of deep chains, a few cross-holding cycles, minority co-investors, undisclosed
// remainders and ranged stakes. The same size and seed give the same world.
//
// # Shape
//
// Entities come in groups whose sizes follow a Pareto law (many singletons and small
// groups, a few groups of thousands). Within a group, each subsidiary has a majority
// parent: usually the group's top company or one of its direct subsidiaries (so that about
// three quarters of all entities have at most one intermediary above them), sometimes a
// deeper one, and a few groups hang a long chain of up to about 25 layers. About 2 stakes
// per entity: the parent's, and usually a minority stake from another company, a fund or a
// person. About 0.5% of entities hold a small stake back in an ancestor (cycles). About 1%
// of entities are roots (listed, or headquartered in a restricted country); tops of groups
// are favoured, since that is where restrictions bite.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/eligo/eligo/ownership"
)

// World is a generated world, ready for an [ownership.Builder] or an eligibility world.
type World struct {
	Names   []string
	Partial []bool
	// Country is each entity's headquarters, an ISO 3166-1 alpha-2 code.
	Country []string
	// Listed marks entities designated on the synthetic list.
	Listed []bool
	// Roots marks the roots of the benchmark rule: listed entities and entities
	// headquartered in a restricted country (see [Restricted]).
	Roots    []bool
	Stakes   []ownership.Stake
	Controls []ownership.Control
}

// Restricted lists the countries whose companies count as roots.
var Restricted = []string{"CN", "RU", "IR", "KP"}

var otherCountries = []string{"US", "GB", "DE", "FR", "NL", "SG", "JP", "KR", "HK", "TW", "IE", "LU", "CH", "AE", "IN", "BR", "CA", "AU", "SE", "IT"}

// Generate returns a world of n entities generated from seed.
func Generate(n int, seed uint64) *World {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	w := &World{
		Names:   make([]string, n),
		Partial: make([]bool, n),
		Country: make([]string, n),
		Listed:  make([]bool, n),
		Roots:   make([]bool, n),
		Stakes:  make([]ownership.Stake, 0, 2*n+n/50),
	}
	for i := range w.Names {
		w.Names[i] = fmt.Sprintf("e%07d", i)
	}
	used := make([]ownership.Percent, n)        // lower bounds already held in each entity
	pct := func(lo, hi int) ownership.Percent { // uniform in [lo, hi] percent, 2 decimals
		return ownership.Percent(lo*100+rng.IntN((hi-lo)*100+1)) * (ownership.PercentScale / 100)
	}
	addStake := func(owner, owned int, p ownership.Percent, ranged bool) {
		if p <= 0 || used[owned]+p > ownership.Hundred {
			return
		}
		s := ownership.Stake{Owner: w.Names[owner], Owned: w.Names[owned], Share: ownership.Exact(p)}
		if ranged {
			s.Share.Max = min(ownership.Hundred-used[owned], p+pct(5, 25))
		}
		used[owned] += p
		w.Stakes = append(w.Stakes, s)
	}
	depth := make([]int, n)
	parentOf := make([]int, n)
	groupOf := make([]int, n) // first entity of the entity's group
	var investors []int       // persons and funds: singletons that hold minority stakes
	for start := 0; start < n; {
		size := int(math.Min(float64(n-start), math.Floor(math.Pow(1-rng.Float64(), -1/1.0))))
		size = max(size, 1)
		if size > 5000 {
			size = 5000
		}
		top := start
		parentOf[top] = -1
		for k := 0; k < size; k++ {
			groupOf[start+k] = start
		}
		if size == 1 {
			investors = append(investors, top)
		}
		country := otherCountries[rng.IntN(len(otherCountries))]
		if rng.IntN(25) == 0 {
			country = Restricted[rng.IntN(len(Restricted))]
		}
		w.Country[top] = country
		if rng.IntN(150) == 0 {
			w.Listed[top] = true
		}
		byDepth := [][]int{{top}}
		for k := 1; k < size; k++ {
			e := start + k
			// target depth: 1 for about half, 2 for a quarter, then a tail to ~25 layers
			var d int
			switch r := rng.Float64(); {
			case r < 0.50:
				d = 1
			case r < 0.70:
				d = 2
			case r < 0.92:
				d = 3 + rng.IntN(3)
			default:
				d = 6 + rng.IntN(20)
			}
			d = min(d, len(byDepth))
			level := byDepth[d-1]
			parent := level[rng.IntN(len(level))]
			if d == len(byDepth) {
				byDepth = append(byDepth, nil)
			}
			byDepth[d] = append(byDepth[d], e)
			parentOf[e] = parent
			depth[e] = depth[parent] + 1
			w.Country[e] = otherCountries[rng.IntN(len(otherCountries))]
			if rng.IntN(5) == 0 {
				w.Country[e] = w.Country[top]
			}
			if rng.IntN(1000) == 0 {
				w.Listed[e] = true
			}
			addStake(parent, e, pct(51, 100), rng.IntN(40) == 0)
		}
		start += size
	}
	// Minority co-investors, cycles, remainders.
	for e := 0; e < n; e++ {
		for extra := 1 + rng.IntN(4)/3; extra > 0 && used[e] < ownership.Hundred && len(investors) > 0; extra-- {
			if parentOf[e] < 0 && groupOf[e] == e && e+1 < n && groupOf[e+1] != e {
				break // a singleton: a person or fund, owned by nobody known
			}
			var o int
			switch r := rng.IntN(100); {
			case r < 94:
				o = investors[rng.IntN(len(investors))]
			case r < 99: // an earlier company of the same group (never a descendant)
				o = groupOf[e] + rng.IntN(e-groupOf[e]+1)
			default: // a company anywhere
				o = rng.IntN(n)
			}
			if o != e {
				free := min(49, int((ownership.Hundred-used[e])/ownership.PercentScale))
				if free >= 1 {
					addStake(o, e, pct(0, free), rng.IntN(20) == 0)
				}
			}
		}
		if parentOf[e] >= 0 && rng.IntN(200) == 0 {
			// a small stake back into an ancestor
			a := parentOf[e]
			for a >= 0 && rng.IntN(2) == 0 && parentOf[a] >= 0 {
				a = parentOf[a]
			}
			if a >= 0 && a != e {
				addStake(e, a, pct(1, 10), false)
			}
		}
		if rng.IntN(20) == 0 {
			w.Partial[e] = true
		}
		if rng.IntN(500) == 0 && parentOf[e] >= 0 {
			w.Controls = append(w.Controls, ownership.Control{Controller: w.Names[parentOf[e]], Controlled: w.Names[e], Basis: ownership.BoardMajority})
		}
	}
	for e := 0; e < n; e++ {
		w.Roots[e] = w.Listed[e]
		for _, c := range Restricted {
			if w.Country[e] == c {
				w.Roots[e] = true
			}
		}
	}
	return w
}

// Build builds the world's graph.
func (w *World) Build() (*ownership.Graph, error) {
	var b ownership.Builder
	b.Grow(len(w.Names), len(w.Stakes), len(w.Controls))
	for i, name := range w.Names {
		info := ownership.EntityInfo{}
		if w.Partial[i] {
			info.Disclosure = ownership.Partial
		}
		b.AddEntity(name, info)
	}
	for _, s := range w.Stakes {
		b.AddStake(s)
	}
	for _, c := range w.Controls {
		b.AddControl(c)
	}
	return b.Build()
}

// RootSet returns the roots as a set over the ids of [World.Build]'s graph.
func (w *World) RootSet() *ownership.RootSet {
	rs := &ownership.RootSet{}
	for i, r := range w.Roots {
		if r {
			rs.Add(ownership.ID(i))
		}
	}
	return rs
}
