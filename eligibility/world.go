package eligibility

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/eligo/eligo/ownership"
)

// WorldData is the raw material of a [World]: what a case file or an importer produces.
type WorldData struct {
	Entities []Entity
	Stakes   []Stake
	Controls []Control
	Lists    []List
}

// World is an immutable, validated set of facts: entities, the stake graph and the
// designation lists. Build it once with [NewWorld]; it is safe for concurrent use.
type World struct {
	entities []Entity
	graph    *ownership.Graph
	lists    []List
	listByID map[string]int
	// byID finds an entity with one hash and a short linear probe: Evaluate is called by
	// id string, and a binary search over a million ids costs twenty cache misses. An id of
	// up to ownership.NameInline bytes is kept in its slot, so that finding it reads one
	// place in memory, not the two in a row of a Go map, and the slot of a short one also
	// says where a query at it starts (see ownership.NameIndex).
	byID *ownership.NameIndex

	// designations by canonical entity (CSR over graph ids)
	desStart []int32
	des      []designation

	// answers keeps *ownershipAnswer values for ownership rules to answer into: the
	// evidence copies what it shows, so the answer's own memory is reused, not garbage.
	answers sync.Pool
}

// ownershipAnswer is the memory of one ownership rule's answer: the result, and the roots
// predicate of a rule with lists.
type ownershipAnswer struct {
	res   ownership.Result
	roots roots
}

type designation struct {
	list, entry int32
	valid       Interval
}

// NewWorld validates d and builds a World, or returns a [*ValidationError] listing every
// problem with its path (entities[3].branch_of, stakes[2].percent, lists[0].entries[4].entity,
// …): empty or duplicate ids, unknown ids, kind branch without branch_of, bad identifiers
// (LEI and USCC check characters), percents outside [0, 100], min > max, self-stakes after
// branches are folded, lower bounds into one entity summing over 100 on any day, empty
// validity intervals, self-controls, branch cycles, duplicate list ids. The World keeps its
// own copy of d's entities and lists.
func NewWorld(d WorldData) (*World, error) {
	var probs problems
	var b ownership.Builder
	b.Grow(len(d.Entities), len(d.Stakes), len(d.Controls))
	for i, e := range d.Entities {
		path := fmt.Sprintf("entities[%d]", i)
		if e.Kind > OtherKind {
			probs.add(path+".kind", fmt.Sprintf("invalid kind %d", e.Kind))
		}
		if e.Kind == Branch && e.BranchOf == "" {
			probs.add(path+".branch_of", "required for kind branch")
		}
		if e.BranchOf != "" && e.Kind != Branch {
			probs.add(path+".kind", fmt.Sprintf("an entity with branch_of must have kind branch, not %s", e.Kind))
		}
		for j, rc := range e.Jurisdictions {
			if rc.Role < Incorporation || rc.Role >= numRoles {
				probs.add(fmt.Sprintf("%s.jurisdictions[%d]", path, j), fmt.Sprintf("invalid role %d", rc.Role))
			}
			if !rc.Code.IsValid() {
				probs.add(fmt.Sprintf("%s.jurisdictions.%s", path, rc.Role), "invalid jurisdiction code")
			}
		}
		for j, id := range e.Identifiers {
			if err := CheckIdentifier(id); err != nil {
				probs.add(fmt.Sprintf("%s.identifiers[%d]", path, j), strings.TrimPrefix(err.Error(), "eligibility: "))
			}
		}
		b.AddEntity(e.ID, ownership.EntityInfo{Disclosure: e.Disclosure, BranchOf: e.BranchOf})
	}
	for _, s := range d.Stakes {
		b.AddStake(ownership.Stake{Owner: s.Owner, Owned: s.Owned, Share: s.Share, Measure: s.Measure, JointGroup: s.JointGroup, Valid: s.Valid})
	}
	for _, c := range d.Controls {
		b.AddControl(ownership.Control{Controller: c.Controller, Controlled: c.Controlled, Basis: c.Basis, Valid: c.Valid})
	}
	g, err := b.Build()
	if err != nil {
		be, ok := err.(*ownership.BuildError)
		if !ok {
			return nil, err
		}
		for _, p := range be.Problems {
			path := p.Path()
			if p.Record == ownership.EntityRecord && p.Field == "" {
				path = fmt.Sprintf("entities[%d]", p.Index)
			}
			probs.add(path, p.Message)
		}
	}
	w := &World{entities: slices.Clone(d.Entities), graph: g, lists: slices.Clone(d.Lists), listByID: map[string]int{}}
	if g != nil {
		w.byID = ownership.NewNameIndex(g)
	}
	type ref struct {
		ent ownership.ID
		d   designation
	}
	var refs []ref
	for i, l := range d.Lists {
		path := fmt.Sprintf("lists[%d]", i)
		if l.ID == "" {
			probs.add(path+".id", "required")
		} else if j, dup := w.listByID[l.ID]; dup {
			probs.add(path+".id", fmt.Sprintf("duplicate list id %q (first at lists[%d])", l.ID, j))
		} else {
			w.listByID[l.ID] = i
		}
		for j, en := range l.Entries {
			epath := fmt.Sprintf("%s.entries[%d]", path, j)
			if en.Valid.IsEmpty() {
				probs.add(epath+".until", fmt.Sprintf("empty interval: from %s is not before until %s", en.Valid.From, en.Valid.Until))
			}
			if g == nil {
				continue
			}
			id, ok := g.Lookup(en.Entity)
			if !ok {
				probs.add(epath+".entity", fmt.Sprintf("unknown entity %q", en.Entity))
				continue
			}
			refs = append(refs, ref{g.Canonical(id), designation{int32(i), int32(j), en.Valid}})
		}
	}
	if err := probs.err("world"); err != nil {
		return nil, err
	}
	slices.SortStableFunc(refs, func(a, b ref) int { return int(a.ent) - int(b.ent) })
	w.desStart = make([]int32, g.Len()+1)
	w.des = make([]designation, len(refs))
	for i, r := range refs {
		w.desStart[r.ent+1]++
		w.des[i] = r.d
	}
	for i := 0; i < g.Len(); i++ {
		w.desStart[i+1] += w.desStart[i]
	}
	return w, nil
}

// Graph returns the world's stake graph.
func (w *World) Graph() *ownership.Graph { return w.graph }

// Len returns the number of entities.
func (w *World) Len() int { return len(w.entities) }

// Entity returns the entity with the given id: a copy, which the caller may modify.
func (w *World) Entity(id string) (Entity, bool) {
	i, ok := w.lookup(id)
	if !ok {
		return Entity{}, false
	}
	e := w.entities[i]
	e.Aliases = slices.Clone(e.Aliases)
	e.Jurisdictions = slices.Clone(e.Jurisdictions)
	e.Identifiers = slices.Clone(e.Identifiers)
	return e, true
}

// Lists returns the designation lists, in input order. The caller must not modify them.
func (w *World) Lists() []List { return w.lists }

// designations returns the designations of canonical entity id (entries naming it or one of
// its branches).
func (w *World) designations(id ownership.ID) []designation {
	return w.des[w.desStart[id]:w.desStart[id+1]]
}

// lookup returns the dense id of the entity with the given id string.
func (w *World) lookup(id string) (ownership.ID, bool) {
	q, ok := w.byID.Find(id)
	return q.ID(), ok
}
