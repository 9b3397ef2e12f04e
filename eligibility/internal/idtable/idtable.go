// Package idtable maps entity id strings to dense ids, reading one place in memory for a
// hit on a short id.
//
// A World is asked about a subject by its id string, once per Evaluate. In a Go map of a
// million strings a hit reads the slot's group (its control word and the string header),
// then the key's bytes elsewhere: two dependent cache and TLB misses when the world is
// large. A Table keeps each key of up to [Inline] bytes in its slot, beside the dense id
// and a tag of the hash, so that a hit reads its slot (32 bytes, half a cache line) and
// the slots after it in the same run of the linear probe: about three slots on average
// at the table's load, two thirds of hits within one cache line. Keys longer than Inline
// are compared through the caller's callback, which costs the misses a map would.
package idtable

import (
	"hash/maphash"
	"math/bits"
)

// Inline is the longest key kept in its slot.
const Inline = 23

// slot is one entry of the open-addressed table: 32 bytes, two to a cache line.
type slot struct {
	tag  uint32 // hash bits | 1; 0 marks an empty slot
	id   int32
	klen uint8 // the key's length when inline, long when not
	key  [Inline]byte
}

const long = 0xff

// Table maps each key to its index i, as [New] was given it (key(i)). It is immutable and
// safe for concurrent use. The zero Table holds no key.
type Table struct {
	seed  maphash.Seed
	slots []slot
	key   func(i int32) string // the keys longer than Inline
	// collide, set by tests only, gives every key the same tag, so that every probe
	// compares keys.
	collide bool
}

// New builds a table of the n keys key(0), …, key(n-1), mapping key(i) to i. Keys must
// not repeat (a repeated key finds its first index), and key must go on returning the same
// keys while the table is used: the table calls it for keys longer than Inline. The table
// has room for a load of at most 4/5, so that a hit probes about three slots on average
// and a miss about thirteen, all consecutive: 40 bytes a key.
func New(n int, key func(i int32) string) *Table {
	return build(n, key, false)
}

func build(n int, key func(i int32) string, collide bool) *Table {
	t := &Table{seed: maphash.MakeSeed(), key: key, slots: make([]slot, n+n/4+1), collide: collide}
	for i := range int32(n) {
		t.insert(key(i), i)
	}
	return t
}

func (t *Table) home(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(t.slots)))
	return int(hi)
}

func (t *Table) tagOf(h uint64) uint32 {
	if t.collide {
		return 1
	}
	return uint32(h) | 1
}

func (t *Table) insert(k string, id int32) {
	s, tag, found := t.find(k)
	if found {
		return
	}
	s.tag, s.id = tag, id
	if len(k) <= Inline {
		s.klen = uint8(len(k))
		copy(s.key[:], k)
	} else {
		s.klen = long
	}
}

// find returns the slot that holds k, or, when k is not a key, the empty slot that ends
// its probe (the table always has one: it has more slots than keys), and k's tag. It
// writes nothing, so that lookups may run concurrently.
func (t *Table) find(k string) (*slot, uint32, bool) {
	h := maphash.String(t.seed, k)
	tag := t.tagOf(h)
	for p := t.home(h); ; p++ {
		if p == len(t.slots) {
			p = 0
		}
		s := &t.slots[p]
		if s.tag == 0 {
			return s, tag, false
		}
		if s.tag == tag && t.equal(s, k) {
			return s, tag, true
		}
	}
}

func (t *Table) equal(s *slot, k string) bool {
	if s.klen == long {
		return len(k) > Inline && t.key(s.id) == k
	}
	return int(s.klen) == len(k) && string(s.key[:s.klen]) == k
}

// Lookup returns the index of k, or false when k is not a key (or t is nil).
func (t *Table) Lookup(k string) (int32, bool) {
	if t == nil || len(t.slots) == 0 {
		return 0, false
	}
	if s, _, found := t.find(k); found {
		return s.id, true
	}
	return 0, false
}
