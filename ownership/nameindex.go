package ownership

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math/bits"
)

// A NameIndex finds a graph's entities by id string, reading one place in memory for a
// short id, and gives with each what a query needs to begin at it ([QueryStart]).
//
// A backend is asked about an entity by its id string. In a Go map of a million strings a
// hit reads the slot's group (its control word and the string header), then the key's
// bytes elsewhere: two dependent cache and TLB misses when the graph is large. A
// NameIndex keeps each id of up to [NameInline] bytes in its slot, beside the dense id and
// a tag of the hash, so that a hit reads its slot (32 bytes, half a cache line) and the
// slots after it in the same run of the linear probe: about three slots on average at the
// index's load. Longer ids are compared through the graph's names, which costs the misses
// a map would.
//
// For an id of up to [NameHinted] bytes that is not a branch, the slot also holds where
// the entity's in-stakes start, its disclosure and control bits, and where the stakes of
// its nearest ancestors start: what a query otherwise reads from three per-entity arrays
// of the graph, a cache miss that the query's first stakes wait for. It holds, too, the
// owner of the entity's largest in-stake, whose id string the evidence of an answer most
// often shows. Through [Graph.QueryFrom], a query at such an entity loads its stakes one
// miss sooner, and that owner's id string header (where [Graph.Name] finds it) with them
// instead of after them. For other ids QueryFrom costs what [Graph.QueryInto] does.
//
// The index costs 40 bytes per entity, apart from the graph (which it does not change).
// It is immutable and safe for concurrent use. The zero NameIndex, like a nil one, finds
// nothing.
type NameIndex struct {
	g     *Graph
	seed  maphash.Seed
	slots []nameSlot
	// collide, set by tests only, gives every id the same tag, so that every probe
	// compares ids.
	collide bool
}

// NameInline is the longest id a [NameIndex] keeps in its slot; NameHinted is the longest
// whose slot also holds the start of a query (see [NameIndex]).
const (
	NameInline = 26
	NameHinted = 12
)

// nameSlot is one entry of the open-addressed index: 32 bytes, two to a cache line. body
// holds the id's bytes, after the query's start when the slot is hinted:
//
//	hinted:     start int32 | anc [ancSlots]int16 | owner ID | id [NameHinted]byte
//	not hinted: id [NameInline]byte
//
// The tag has 8 bits: a false match costs a comparison of lengths in the same slot, except
// for an id longer than NameInline.
type nameSlot struct {
	tag  uint8 // hash bits | 1; 0 marks an empty slot
	meta uint8 // the id's length (metaLen bits; metaLong: not inline), and slot* bits
	body [NameInline]byte
	id   ID
}

const (
	metaLen    = 0x1f
	metaLong   = metaLen
	slotHinted = 1 << 5
	slotPart   = 1 << 6 // the entity is partially disclosed
	slotCtl    = 1 << 7 // a control fact names the entity as controlled
	hintOwner  = 4 + 2*ancSlots
	hintKey    = hintOwner + 4
)

// NewNameIndex indexes the ids of g's entities, in O(entities) time.
func NewNameIndex(g *Graph) *NameIndex {
	return newNameIndex(g, false)
}

func newNameIndex(g *Graph, collide bool) *NameIndex {
	n := g.Len()
	x := &NameIndex{g: g, seed: maphash.MakeSeed(), slots: make([]nameSlot, n+n/4+1), collide: collide}
	for id := range ID(n) {
		x.insert(id)
	}
	return x
}

func (x *NameIndex) home(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(x.slots)))
	return int(hi)
}

func (x *NameIndex) tagOf(h uint64) uint8 {
	if x.collide {
		return 1
	}
	return uint8(h) | 1
}

func (x *NameIndex) insert(id ID) {
	g := x.g
	k := g.ids[id]
	s, tag, found := x.find(k)
	if found {
		return // ids are unique in a graph; kept for safety
	}
	s.tag, s.id = tag, id
	switch {
	case len(k) <= NameHinted && g.Canonical(id) == id:
		r := g.refOf(id)
		s.meta = uint8(len(k)) | slotHinted
		if r.partial {
			s.meta |= slotPart
		}
		if r.controlled {
			s.meta |= slotCtl
		}
		binary.LittleEndian.PutUint32(s.body[0:], uint32(r.start))
		for i, d := range g.anc[int(id)*ancSlots : (int(id)+1)*ancSlots] {
			binary.LittleEndian.PutUint16(s.body[4+2*i:], uint16(d))
		}
		binary.LittleEndian.PutUint32(s.body[hintOwner:], uint32(g.largestOwner(r.start)))
		copy(s.body[hintKey:], k)
	case len(k) <= NameInline:
		s.meta = uint8(len(k))
		copy(s.body[:], k)
	default:
		s.meta = metaLong
	}
}

// find returns the slot that holds k, or, when k is not an id, the empty slot that ends its
// probe (the index always has one: it has more slots than ids), and k's tag. It writes
// nothing, so that lookups may run concurrently.
func (x *NameIndex) find(k string) (*nameSlot, uint8, bool) {
	h := maphash.String(x.seed, k)
	tag := x.tagOf(h)
	for p := x.home(h); ; p++ {
		if p == len(x.slots) {
			p = 0
		}
		s := &x.slots[p]
		if s.tag == 0 {
			return s, tag, false
		}
		if s.tag == tag && x.equal(s, k) {
			return s, tag, true
		}
	}
}

func (x *NameIndex) equal(s *nameSlot, k string) bool {
	n := int(s.meta & metaLen)
	switch {
	case n == metaLong:
		return len(k) > NameInline && x.g.ids[s.id] == k
	case n != len(k):
		return false
	case s.meta&slotHinted != 0:
		return string(s.body[hintKey:hintKey+n]) == k
	}
	return string(s.body[:n]) == k
}

// Find returns the entity whose id string is name, with the start of a query at it, or
// false when there is none (or x is nil). It takes O(1) time: one hash, and a probe of
// about three slots on average.
func (x *NameIndex) Find(name string) (QueryStart, bool) {
	if x == nil || len(x.slots) == 0 {
		return QueryStart{}, false
	}
	s, _, found := x.find(name)
	if !found {
		return QueryStart{}, false
	}
	q := QueryStart{g: x.g, id: s.id}
	if s.meta&slotHinted != 0 {
		q.hinted = true
		q.ref = nodeRef{start: int32(binary.LittleEndian.Uint32(s.body[0:])), partial: s.meta&slotPart != 0, controlled: s.meta&slotCtl != 0}
		for i := range q.anc {
			q.anc[i] = int16(binary.LittleEndian.Uint16(s.body[4+2*i:]))
		}
		q.owner = ID(binary.LittleEndian.Uint32(s.body[hintOwner:]))
	}
	return q, true
}

// QueryStart is an entity of a graph as a [NameIndex] found it, with, when the index
// could keep it, what a query needs to begin at it without reading the graph's
// per-entity arrays (see [Graph.QueryFrom]). The zero value is no entity.
type QueryStart struct {
	g      *Graph
	id     ID
	hinted bool // ref, anc and owner hold the entity's own (it is canonical)
	ref    nodeRef
	anc    [ancSlots]int16
	owner  ID // the owner of the largest in-stake, NoID for none
}

// largestOwner returns the owner of the largest in-stake (by upper share, the first of
// equals) of the entity whose in-stakes start at position start, NoID for none (start -1).
func (g *Graph) largestOwner(start int32) ID {
	if start < 0 {
		return NoID
	}
	best := start
	for p := start; ; p++ {
		if g.st[p].hi > g.st[best].hi {
			best = p
		}
		if g.st[p].meta&metaLast != 0 {
			return g.st[best].owner
		}
	}
}

// ID returns the entity's id, or NoID for the zero QueryStart.
func (q QueryStart) ID() ID {
	if q.g == nil {
		return NoID
	}
	return q.id
}

// ErrQueryStart is returned by [Graph.QueryFrom] for a QueryStart of another graph, or
// the zero QueryStart.
var ErrQueryStart = errors.New("ownership: query start of another graph")

// QueryFrom is [Graph.QueryInto] for the entity q names: the same answer, into res, at the
// same cost in time (that of the subject's ancestors). When the [NameIndex] that found q
// kept the start of a query in its slot, the query reads the entity's stakes, and its
// nearest ancestors', without reading the graph's per-entity arrays first: one cache miss
// fewer, one after another, in a large graph. It returns [ErrQueryStart] when q does not
// come from an index of g.
func (g *Graph) QueryFrom(res *Result, rule *Rule, roots Roots, q QueryStart, at Date) error {
	if q.g != g {
		res.start(rule.Method, NoID, NoID, rule.PerHolder)
		return ErrQueryStart
	}
	if !q.hinted {
		return g.query(res, rule, roots, q.id, at, nil)
	}
	return g.query(res, rule, roots, q.id, at, &q)
}
