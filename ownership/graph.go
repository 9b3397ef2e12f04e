package ownership

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// ID is an entity's dense integer id in a [Graph]: 0, 1, 2, … in the order the entities
// were added to the [Builder]. [NoID] is "none".
type ID int32

// NoID is the ID of no entity.
const NoID ID = -1

// Stake is a holding of Owner in Owned, as given to a [Builder].
// The zero value is an exact 0% share stake of measure shares, always valid, between
// entities with empty ids (invalid).
type Stake struct {
	Owner, Owned string
	Share        Range
	Measure      Measure
	// JointGroup, when not empty, names a joint arrangement: under a rule that does not
	// aggregate, a holder with a stake in the group holds every stake of the group.
	JointGroup string
	Valid      Interval
}

// Control is a control fact: Controller controls Controlled on Basis during Valid.
type Control struct {
	Controller, Controlled string
	Basis                  Basis
	Valid                  Interval
}

// EntityInfo is what the graph knows of an entity besides its stakes.
// The zero value is a fully disclosed entity that is not a branch.
type EntityInfo struct {
	Disclosure Disclosure
	// BranchOf names the entity this one is a branch of. A branch is the same legal person
	// as its ultimate parent: every stake, control or root naming it means the parent.
	BranchOf string
}

// Graph is an immutable graph of stakes and control facts between entities with dense ids.
// It is stored flat: stakes sorted by owned entity (compressed sparse rows), each naming
// where its owner's own stakes start, so that memory is a few dozen bytes per stake and no
// query rebuilds it. (The batch, which alone walks from owners down, indexes stakes by owner
// for the time of the call.) A Graph is safe for concurrent use. Build one with a [Builder].
type Graph struct {
	ids    []string // by ID
	byName []ID     // IDs sorted by id string
	parent []ID     // branch_of (direct), NoID if none; nil when no branches
	canon  []ID     // ultimate parent, or self; nil when no branches
	// flags holds per-entity bits, flagWords words for each 64 entities, so that all the
	// bits of an entity share a cache line: a query reads them for every ancestor, and
	// reads the stakes of an entity (a cache miss) only when it has some.
	flags []uint64

	// stakes, sorted by owned (canonical) then input order
	inStart []int32 // len n+1
	st      []stakeRec
	// anc holds, for each entity, where the in-stakes of up to ancSlots of its nearest
	// ancestors with in-stakes of their own start (breadth first, ignoring dates), as
	// offsets from where the entity's own in-stakes start; noAnc when there is none or the
	// offset does not fit. A query loads them together with the subject's own stakes
	// instead of one level after another (see buildSubject).
	anc []int16

	groups     []string
	groupStart []int32 // len groups+1
	groupPos   []int32 // stake positions of each group

	// controls, sorted by controlled then input order
	cFrom, cTo []ID
	cBasis     []Basis
	cValid     []Interval
	cIndex     []int32
	cOut       []int32 // control positions sorted by controller

	pool pools // reusable query memory
}

// stakeRec is one stake as stored: everything a query reads, in one 32-byte record so that
// an entity's in-stakes share a cache line or two, and no record straddles two lines. The
// record also says where the owner's own in-stakes start and whether the owner is
// partially disclosed or controlled, so that a query climbing from an entity to its owners
// reads only stake records: the per-entity arrays, a cache miss each in a big graph, are
// read for the subject alone. It keeps the caller's index of the stake too, which evidence
// names, so that a term or a path step costs no read of another array.
type stakeRec struct {
	owner       ID
	lo, hi      int32
	meta        uint32 // metaVotes, metaLast, metaOwnerPartial, metaOwnerControlled; joint group + 1 (0 = none) from metaGroupShift
	from, until Date
	ostart      int32 // the position of the owner's first in-stake, -1 when it has none
	index       int32 // the caller's index of the stake
}

// ancSlots is how many ancestors' stakes a query loads ahead (at 10⁶, 3 answered as fast
// as 4 or 8, and 2 slower); noAnc is an empty slot; ancScan bounds the stake records the
// builder reads to fill one entity's slots.
const (
	ancSlots = 3
	noAnc    = math.MinInt16
	ancScan  = 64
)

// The bits of stakeRec.meta.
const (
	metaVotes           = 1 << iota // the stake counts votes
	metaLast                        // the last in-stake of its owned entity
	metaOwnerPartial                // the owner's ownership is partially disclosed
	metaOwnerControlled             // a control fact names the owner as controlled
	metaGroupShift      = iota      // the joint group + 1 is stored from this bit up

	maxGroups = 1<<(32-metaGroupShift) - 1
)

func (r *stakeRec) group() int32 { return int32(r.meta>>metaGroupShift) - 1 }

// measure is the stake's measure as an index: 0 shares, 1 votes.
func (r *stakeRec) measure() uint32 { return r.meta & metaVotes }

// activeAt reports whether the stake is in effect at date at.
func (r *stakeRec) activeAt(at Date) bool {
	return (r.from == 0 || at >= r.from) && (r.until == 0 || at < r.until)
}

// nodeRef is what a query needs to reach an entity's own in-stakes and bits without the
// per-entity arrays: taken from the stake record that names it as owner, or, for the
// subject and controllers, from those arrays (refOf).
type nodeRef struct {
	start               int32 // position of the first in-stake, -1 when none
	partial, controlled bool
}

func (g *Graph) refOf(id ID) nodeRef {
	r := nodeRef{start: -1, partial: g.flag(id, flagPartial), controlled: g.flag(id, flagControlled)}
	if g.flag(id, flagStakesIn) {
		r.start = g.inStart[id]
	}
	return r
}

func (r *stakeRec) ownerRef() nodeRef {
	return nodeRef{start: r.ostart, partial: r.meta&metaOwnerPartial != 0, controlled: r.meta&metaOwnerControlled != 0}
}

// Len returns the number of entities.
func (g *Graph) Len() int { return len(g.ids) }

// NumStakes returns the number of stakes.
func (g *Graph) NumStakes() int { return len(g.st) }

// NumControls returns the number of control facts.
func (g *Graph) NumControls() int { return len(g.cFrom) }

// Name returns the id string of entity id. It panics if id is out of range.
func (g *Graph) Name(id ID) string { return g.ids[id] }

// Lookup returns the dense id of the entity named name, in O(log n).
func (g *Graph) Lookup(name string) (ID, bool) {
	i, ok := slices.BinarySearchFunc(g.byName, name, func(id ID, s string) int { return strings.Compare(g.ids[id], s) })
	if !ok {
		return NoID, false
	}
	return g.byName[i], true
}

// Canonical returns the legal person that id stands for: its ultimate parent when id is a
// branch, else id itself.
func (g *Graph) Canonical(id ID) ID {
	if g.canon == nil {
		return id
	}
	return g.canon[id]
}

// BranchOf returns the entity id is directly a branch of, or NoID.
func (g *Graph) BranchOf(id ID) ID {
	if g.parent == nil {
		return NoID
	}
	return g.parent[id]
}

// Disclosure returns whether the ownership of id is fully disclosed. For a branch, this
// is the disclosure of its ultimate parent.
func (g *Graph) Disclosure(id ID) Disclosure {
	id = g.Canonical(id)
	if g.flag(id, flagPartial) {
		return Partial
	}
	return Full
}

func (g *Graph) isPartial(id ID) bool { return g.flag(id, flagPartial) }

// The per-entity flags; flagWords is a power of two, so that 64 entities' flags fill half a
// cache line.
const (
	flagPartial    = iota // ownership partially disclosed
	flagControlled        // a control fact names it as controlled
	flagStakesIn          // some stake is held in it
	flagWords      = 4
)

func (g *Graph) flag(id ID, f int) bool {
	return g.flags[int(id>>6)*flagWords+f]>>(id&63)&1 != 0
}

func (g *Graph) setFlag(id ID, f int) {
	g.flags[int(id>>6)*flagWords+f] |= 1 << (id & 63)
}

// StakeInfo is one stake of a graph as stored: owner and owned after branch folding.
type StakeInfo struct {
	Index      int // the index the stake had in the Builder's input
	Owner      ID
	Owned      ID
	Share      Range
	Measure    Measure
	JointGroup string
	Valid      Interval
}

// stakeInfo returns the stake at storage position p.
func (g *Graph) stakeInfo(p int32, owned ID) StakeInfo {
	r := &g.st[p]
	s := StakeInfo{
		Index: int(r.index), Owner: r.owner, Owned: owned,
		Share:   Range{Percent(r.lo), Percent(r.hi)},
		Measure: Measure(r.measure()),
		Valid:   Interval{r.from, r.until},
	}
	if gi := r.group(); gi >= 0 {
		s.JointGroup = g.groups[gi]
	}
	return s
}

// StakesInto returns the stakes held in id (after branch folding), in input order.
func (g *Graph) StakesInto(id ID) []StakeInfo {
	id = g.Canonical(id)
	var out []StakeInfo
	for p := g.inStart[id]; p < g.inStart[id+1]; p++ {
		out = append(out, g.stakeInfo(p, id))
	}
	return out
}

// ControlInfo is one control fact as stored, after branch folding.
type ControlInfo struct {
	Index      int
	Controller ID
	Controlled ID
	Basis      Basis
	Valid      Interval
}

func (g *Graph) controlInfo(c int32) ControlInfo {
	return ControlInfo{Index: int(g.cIndex[c]), Controller: g.cFrom[c], Controlled: g.cTo[c], Basis: g.cBasis[c], Valid: g.cValid[c]}
}

// controlsOf returns the range of control positions whose controlled entity is id. The
// caller knows that some control names id (the entity's controlled bit).
func (g *Graph) controlsOf(id ID) (int32, int32) {
	lo, _ := slices.BinarySearch(g.cTo, id)
	hi := lo
	for hi < len(g.cTo) && g.cTo[hi] == id {
		hi++
	}
	return int32(lo), int32(hi)
}

// controlsFrom returns the positions in cOut of controls whose controller is id.
func (g *Graph) controlsFrom(id ID) []int32 {
	if len(g.cOut) == 0 {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(g.cOut, id, func(c int32, id ID) int { return cmp.Compare(g.cFrom[c], id) })
	hi := lo
	for hi < len(g.cOut) && g.cFrom[g.cOut[hi]] == id {
		hi++
	}
	return g.cOut[lo:hi]
}

// String summarises the graph's size.
func (g *Graph) String() string {
	return fmt.Sprintf("ownership.Graph{%d entities, %d stakes, %d controls}", g.Len(), g.NumStakes(), g.NumControls())
}

// ownedAt returns the entity that the stake at position p is held in, in O(log V).
func (g *Graph) ownedAt(p int32) ID {
	return ID(sort.Search(g.Len(), func(id int) bool { return g.inStart[id+1] > p }))
}
