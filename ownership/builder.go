package ownership

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ErrInvalid is wrapped by the [*BuildError] a [Builder] returns.
var ErrInvalid = errors.New("ownership: invalid graph")

// RecordKind names the kind of input record a [Problem] is about.
type RecordKind uint8

const (
	EntityRecord  RecordKind = iota // an entity, by its index of AddEntity
	StakeRecord                     // a stake, by its index of AddStake
	ControlRecord                   // a control fact, by its index of AddControl
)

var recordNames = [...]string{"entities", "stakes", "controls"}

// Problem is one thing wrong with a builder's input. It names the record (kind and index
// in the order added, plus the entity id where there is one) and the field.
type Problem struct {
	Record  RecordKind
	Index   int
	ID      string // the entity id, for entity records
	Field   string // e.g. "percent", "owner", "until"
	Message string
}

// Path returns a JSON-style path for the problem, such as "stakes[3].percent".
func (p Problem) Path() string {
	s := recordNames[p.Record] + "[" + strconv.Itoa(p.Index) + "]"
	if p.Field != "" {
		s += "." + p.Field
	}
	return s
}

// String formats the problem as "path (id): message".
func (p Problem) String() string {
	s := p.Path()
	if p.ID != "" {
		s += " (" + strconv.Quote(p.ID) + ")"
	}
	return s + ": " + p.Message
}

// BuildError lists every problem a [Builder] found. It wraps [ErrInvalid].
type BuildError struct {
	Problems []Problem
}

// Error lists the problems.
func (e *BuildError) Error() string {
	var b strings.Builder
	b.WriteString("ownership: invalid graph: ")
	for i, p := range e.Problems {
		if i == maxProblemsShown {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// maxProblemsShown bounds the problems an error message lists; all of them stay in
// the error's Problems.
const maxProblemsShown = 20

// Unwrap returns [ErrInvalid].
func (e *BuildError) Unwrap() error { return ErrInvalid }

// Builder collects entities, stakes and control facts, and builds an immutable [Graph].
// The zero value is ready to use. A Builder is not safe for concurrent use.
type Builder struct {
	names    []string
	infos    []EntityInfo
	stakes   []Stake
	controls []Control
}

// AddEntity adds an entity; its dense [ID] is the number of entities added before it.
func (b *Builder) AddEntity(id string, info EntityInfo) ID {
	b.names = append(b.names, id)
	b.infos = append(b.infos, info)
	return ID(len(b.names) - 1)
}

// AddStake adds a stake; its index is the number of stakes added before it.
func (b *Builder) AddStake(s Stake) { b.stakes = append(b.stakes, s) }

// AddControl adds a control fact; its index is the number added before it.
func (b *Builder) AddControl(c Control) { b.controls = append(b.controls, c) }

// Grow reserves room for more records.
func (b *Builder) Grow(entities, stakes, controls int) {
	b.names = slices.Grow(b.names, entities)
	b.infos = slices.Grow(b.infos, entities)
	b.stakes = slices.Grow(b.stakes, stakes)
	b.controls = slices.Grow(b.controls, controls)
}

// Build validates everything and returns the graph, or a [*BuildError] listing every
// problem: empty or duplicate entity ids, unknown ids, branch cycles, percents outside
// [0, 100], min > max, self-stakes (after branches are folded into their parents), empty
// validity intervals, self-controls, invalid bases, and stakes into one entity whose lower
// bounds sum over 100 on some day (per measure). Build takes O((V + E) log(V + E)) time.
// The Builder may be reused afterwards; the graph does not share its memory.
func (b *Builder) Build() (*Graph, error) {
	var probs []Problem
	add := func(kind RecordKind, i int, id, field, msg string) {
		probs = append(probs, Problem{kind, i, id, field, msg})
	}
	n := len(b.names)
	g := &Graph{ids: slices.Clone(b.names)}

	// Intern ids.
	g.byName = make([]ID, n)
	for i := range g.byName {
		g.byName[i] = ID(i)
	}
	slices.SortFunc(g.byName, func(x, y ID) int {
		if c := strings.Compare(g.ids[x], g.ids[y]); c != 0 {
			return c
		}
		return int(x) - int(y)
	})
	for i, id := range g.ids {
		if id == "" {
			add(EntityRecord, i, "", "id", "empty id")
		}
	}
	for k := 1; k < n; k++ {
		if x, y := g.byName[k-1], g.byName[k]; g.ids[x] == g.ids[y] && g.ids[x] != "" {
			add(EntityRecord, int(y), g.ids[y], "id", fmt.Sprintf("duplicate id (first at entities[%d])", x))
		}
	}
	index := make(map[string]ID, n)
	for i := n - 1; i >= 0; i-- { // the first of duplicates wins
		index[g.ids[i]] = ID(i)
	}
	lookup := func(s string) ID {
		id, ok := index[s]
		if !ok {
			return NoID
		}
		return id
	}

	// Branches: parent pointers, cycles, ultimate parents.
	hasBranch := false
	for _, info := range b.infos {
		if info.BranchOf != "" {
			hasBranch = true
			break
		}
	}
	if hasBranch {
		g.parent = make([]ID, n)
		for i, info := range b.infos {
			g.parent[i] = NoID
			if info.BranchOf == "" {
				continue
			}
			p := lookup(info.BranchOf)
			switch {
			case p == NoID:
				add(EntityRecord, i, b.names[i], "branch_of", fmt.Sprintf("unknown entity %q", info.BranchOf))
			case p == ID(i):
				add(EntityRecord, i, b.names[i], "branch_of", "an entity cannot be a branch of itself")
			default:
				g.parent[i] = p
			}
		}
		g.canon = make([]ID, n)
		const unset, visiting = -2, -3
		for i := range g.canon {
			g.canon[i] = unset
		}
		var stack []ID
		for i := 0; i < n; i++ {
			if g.canon[i] != unset {
				continue
			}
			stack = stack[:0]
			x := ID(i)
			for g.canon[x] == unset && g.parent[x] != NoID {
				g.canon[x] = visiting
				stack = append(stack, x)
				x = g.parent[x]
			}
			var root ID
			switch g.canon[x] {
			case visiting: // cycle through x
				add(EntityRecord, int(x), b.names[x], "branch_of", "branch cycle")
				root = x
			case unset:
				root = x
				g.canon[x] = x
			default:
				root = g.canon[x]
			}
			for _, y := range stack {
				g.canon[y] = root
			}
		}
	}
	canon := func(id ID) ID {
		if id == NoID || g.canon == nil {
			return id
		}
		return g.canon[id]
	}

	// Disclosure.
	g.flags = make([]uint64, flagWords*((n+63)/64))
	for i, info := range b.infos {
		switch info.Disclosure {
		case Full:
		case Partial:
			g.setFlag(canon(ID(i)), flagPartial)
		default:
			add(EntityRecord, i, b.names[i], "ownership_disclosed", fmt.Sprintf("invalid disclosure %d", info.Disclosure))
		}
	}

	// Stakes.
	type srec struct {
		owner, owned ID
		idx          int32
	}
	recs := make([]srec, 0, len(b.stakes))
	groupIdx := map[string]uint32{}
	for i, s := range b.stakes {
		ok := true
		o, d := lookup(s.Owner), lookup(s.Owned)
		if o == NoID {
			add(StakeRecord, i, "", "owner", fmt.Sprintf("unknown entity %q", s.Owner))
			ok = false
		}
		if d == NoID {
			add(StakeRecord, i, "", "owned", fmt.Sprintf("unknown entity %q", s.Owned))
			ok = false
		}
		if s.Share.Min < 0 || s.Share.Min > Hundred {
			add(StakeRecord, i, "", "percent", fmt.Sprintf("%s is outside [0, 100]", s.Share.Min))
			ok = false
		} else if s.Share.Max < 0 || s.Share.Max > Hundred {
			add(StakeRecord, i, "", "percent", fmt.Sprintf("%s is outside [0, 100]", s.Share.Max))
			ok = false
		} else if s.Share.Min > s.Share.Max {
			add(StakeRecord, i, "", "percent", fmt.Sprintf("min %s is greater than max %s", s.Share.Min, s.Share.Max))
			ok = false
		}
		if s.Measure >= numMeasures {
			add(StakeRecord, i, "", "kind", fmt.Sprintf("invalid measure %d", s.Measure))
			ok = false
		}
		if s.Valid.IsEmpty() {
			add(StakeRecord, i, "", "until", fmt.Sprintf("empty interval: from %s is not before until %s", s.Valid.From, s.Valid.Until))
			ok = false
		}
		if o != NoID && d != NoID && canon(o) == canon(d) {
			msg := "self-stake"
			if o != d {
				msg = fmt.Sprintf("self-stake: %q and %q are the same legal person", s.Owner, s.Owned)
			}
			add(StakeRecord, i, "", "owned", msg)
			ok = false
		}
		if s.JointGroup != "" {
			if _, seen := groupIdx[s.JointGroup]; !seen {
				if len(g.groups) == maxGroups {
					add(StakeRecord, i, "", "joint_group", fmt.Sprintf("too many joint groups: at most %d", maxGroups))
					ok = false
				} else {
					groupIdx[s.JointGroup] = uint32(len(g.groups))
					g.groups = append(g.groups, s.JointGroup)
				}
			}
		}
		if ok {
			recs = append(recs, srec{canon(o), canon(d), int32(i)})
		}
	}
	recs = countingSortByOwned(recs, n, func(r srec) ID { return r.owned })
	m := len(recs)
	g.inStart = make([]int32, n+1)
	g.st = make([]stakeRec, m)
	for p, r := range recs {
		s := &b.stakes[r.idx]
		g.inStart[r.owned+1]++
		g.st[p].owner = r.owner
		g.st[p].lo = int32(s.Share.Min)
		g.st[p].hi = int32(s.Share.Max)
		meta := uint32(s.Measure & 1)
		if s.JointGroup != "" {
			meta |= (groupIdx[s.JointGroup] + 1) << metaGroupShift
		}
		g.st[p].meta = meta
		g.st[p].from, g.st[p].until = s.Valid.From, s.Valid.Until
		g.st[p].index = r.idx
	}
	for i := 0; i < n; i++ {
		if g.inStart[i+1] > 0 {
			g.setFlag(ID(i), flagStakesIn)
		}
		g.inStart[i+1] += g.inStart[i]
	}
	if len(g.groups) > 0 {
		g.groupStart = make([]int32, len(g.groups)+1)
		for p := range recs {
			if gi := g.st[p].group(); gi >= 0 {
				g.groupStart[gi+1]++
			}
		}
		for i := range g.groups {
			g.groupStart[i+1] += g.groupStart[i]
		}
		fill := slices.Clone(g.groupStart)
		g.groupPos = make([]int32, g.groupStart[len(g.groups)])
		for p := range recs {
			if gi := g.st[p].group(); gi >= 0 {
				g.groupPos[fill[gi]] = int32(p)
				fill[gi]++
			}
		}
	}
	// Lower bounds into one entity must not sum over 100 on any day, per measure.
	for e := 0; e < n; e++ {
		if p := g.overfull(ID(e)); p != "" {
			add(EntityRecord, e, b.names[e], "", p)
		}
	}

	// Controls.
	type crec struct {
		from, to ID
		idx      int32
	}
	crecs := make([]crec, 0, len(b.controls))
	for i, c := range b.controls {
		ok := true
		x, y := lookup(c.Controller), lookup(c.Controlled)
		if x == NoID {
			add(ControlRecord, i, "", "controller", fmt.Sprintf("unknown entity %q", c.Controller))
			ok = false
		}
		if y == NoID {
			add(ControlRecord, i, "", "controlled", fmt.Sprintf("unknown entity %q", c.Controlled))
			ok = false
		}
		if !c.Basis.IsValid() {
			add(ControlRecord, i, "", "basis", fmt.Sprintf("invalid basis %d", c.Basis))
			ok = false
		}
		if c.Valid.IsEmpty() {
			add(ControlRecord, i, "", "until", fmt.Sprintf("empty interval: from %s is not before until %s", c.Valid.From, c.Valid.Until))
			ok = false
		}
		if x != NoID && y != NoID && canon(x) == canon(y) {
			add(ControlRecord, i, "", "controlled", "self-control")
			ok = false
		}
		if ok {
			crecs = append(crecs, crec{canon(x), canon(y), int32(i)})
		}
	}
	slices.SortStableFunc(crecs, func(x, y crec) int { return int(x.to) - int(y.to) })
	for _, r := range crecs {
		c := &b.controls[r.idx]
		g.cFrom = append(g.cFrom, r.from)
		g.cTo = append(g.cTo, r.to)
		g.cBasis = append(g.cBasis, c.Basis)
		g.cValid = append(g.cValid, c.Valid)
		g.cIndex = append(g.cIndex, r.idx)
	}
	for _, to := range g.cTo {
		g.setFlag(to, flagControlled)
	}
	// What a query climbing to an owner needs of it travels in the stake record, and the
	// last record of each entity says so.
	for p := range g.st {
		r := &g.st[p]
		ref := g.refOf(r.owner)
		r.ostart = ref.start
		if ref.partial {
			r.meta |= metaOwnerPartial
		}
		if ref.controlled {
			r.meta |= metaOwnerControlled
		}
	}
	for e := 0; e < n; e++ {
		if g.inStart[e] < g.inStart[e+1] {
			g.st[g.inStart[e+1]-1].meta |= metaLast
		}
	}
	g.fillAncestorSlots()
	if len(crecs) > 0 {
		g.cOut = make([]int32, len(crecs))
		for i := range g.cOut {
			g.cOut[i] = int32(i)
		}
		slices.SortStableFunc(g.cOut, func(a, b int32) int { return int(g.cFrom[a]) - int(g.cFrom[b]) })
	}

	if len(probs) > 0 {
		slices.SortStableFunc(probs, func(x, y Problem) int {
			if x.Record != y.Record {
				return int(x.Record) - int(y.Record)
			}
			return x.Index - y.Index
		})
		return nil, &BuildError{Problems: probs}
	}
	return g, nil
}

// overfull reports, for entity e, a message if the lower bounds of the stakes into e of one
// measure sum over 100 on some day; "" otherwise.
func (g *Graph) overfull(e ID) string {
	lo, hi := g.inStart[e], g.inStart[e+1]
	for m := uint32(0); m < 2; m++ {
		var sum int64
		dated := false
		for p := lo; p < hi; p++ {
			if g.st[p].measure() != m {
				continue
			}
			sum += int64(g.st[p].lo)
			if g.st[p].from != 0 || g.st[p].until != 0 {
				dated = true
			}
		}
		if sum <= int64(Hundred) {
			continue
		}
		if !dated {
			return fmt.Sprintf("lower bounds of the %s stakes into this entity sum to %s, over 100", Measure(m), Percent(sum))
		}
		// Sweep the days on which the set of stakes in effect changes.
		type ev struct {
			at    Date
			delta int64
		}
		var evs []ev
		for p := lo; p < hi; p++ {
			if g.st[p].measure() != m {
				continue
			}
			from := g.st[p].from
			if from == 0 {
				from = -1 << 31
			}
			evs = append(evs, ev{from, int64(g.st[p].lo)})
			if g.st[p].until != 0 {
				evs = append(evs, ev{g.st[p].until, -int64(g.st[p].lo)})
			}
		}
		slices.SortFunc(evs, func(a, b ev) int {
			if a.at != b.at {
				return int(a.at) - int(b.at)
			}
			return int(a.delta - b.delta) // ends before starts on the same day
		})
		var run int64
		for _, x := range evs {
			run += x.delta
			if run > int64(Hundred) {
				day := x.at.String()
				if x.at < 0 {
					day = "every day before the first change"
				}
				return fmt.Sprintf("lower bounds of the %s stakes into this entity sum to %s, over 100, on %s", Measure(m), Percent(run), day)
			}
		}
	}
	return ""
}

// countingSortByOwned sorts records by a dense key in O(len + n), keeping input order
// among equal keys.
func countingSortByOwned[T any](recs []T, n int, key func(T) ID) []T {
	count := make([]int32, n+1)
	for _, r := range recs {
		count[key(r)+1]++
	}
	for i := 0; i < n; i++ {
		count[i+1] += count[i]
	}
	out := make([]T, len(recs))
	for _, r := range recs {
		k := key(r)
		out[count[k]] = r
		count[k]++
	}
	return out
}

// fillAncestorSlots says, for each entity with in-stakes, where the in-stakes of its nearest
// ancestors with in-stakes of their own start (see Graph.anc), breadth first over the
// stake records, which already say where each owner's stakes start.
func (g *Graph) fillAncestorSlots() {
	n := g.Len()
	g.anc = make([]int16, n*ancSlots)
	var queue []int32
	for e := 0; e < n; e++ {
		slots := g.anc[e*ancSlots : (e+1)*ancSlots]
		for i := range slots {
			slots[i] = noAnc
		}
		own := g.inStart[e]
		if own == g.inStart[e+1] {
			continue
		}
		// At most ancScan stake records are read per entity, and the search stops once
		// the slots are full, so that an entity with many owners, or many entities under
		// one such, cost no more than the others.
		found, scanned := 0, 0
		queue = append(queue[:0], own)
		for qi := 0; qi < len(queue) && found < ancSlots && scanned < ancScan; qi++ {
			for p := queue[qi]; found < ancSlots && scanned < ancScan; p++ {
				scanned++
				r := &g.st[p]
				if o := r.ostart; o >= 0 && !slices.Contains(queue, o) {
					queue = append(queue, o)
					if d := int64(o) - int64(own); d > noAnc && d <= math.MaxInt16 {
						slots[found] = int16(d)
						found++
					}
				}
				if r.meta&metaLast != 0 {
					break
				}
			}
		}
	}
}
