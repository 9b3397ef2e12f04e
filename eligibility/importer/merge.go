package importer

import (
	"fmt"
	"strings"

	"github.com/eligo/eligo/eligibility"
)

// MergeOptions says which entities of different imports are the same party. The zero value
// matches on [DefaultMatchSchemes] and on equal ids only.
type MergeOptions struct {
	// MatchSchemes lists the identifier schemes that name one party across sources: two
	// entities holding the same value under one of them are merged. Values compare after
	// trimming spaces and upper-casing. Nil means [DefaultMatchSchemes]; an empty non-nil
	// slice turns identifier matching off.
	MatchSchemes []string
	// Same lists pairs of entity ids that the user declares to be the same party, for
	// entities that share no identifier (a BODS company and an SDN entry known only by
	// name). Names are never matched automatically.
	Same [][2]string
}

// Merged is the union of several imports, with every entity id of the inputs mapped to
// the id it has in the union. It is immutable once returned and safe for concurrent use.
type Merged struct {
	// Data is the merged world data, ready for [eligibility.NewWorld].
	Data  eligibility.WorldData
	canon map[string]string
}

// Canonical returns the id that id has in the merged data: id itself when it was not
// merged into another entity, or when it is unknown.
func (m *Merged) Canonical(id string) string {
	if c, ok := m.canon[id]; ok {
		return c
	}
	return id
}

// Merge combines the data of several imports into one, such as a designation list from
// [ofac] and an ownership file from [bods]. Entities are the same party when they have
// the same id, when the user says so in opt.Same, or when they share an identifier under
// one of opt.MatchSchemes (transitively: a union-find over all three). Each group keeps
// the id, name and kind of its first member in parts order (pass the lists first so that
// list entries keep their ids); the other members' names become aliases, and aliases,
// identifiers and jurisdictions are united. A group is partially disclosed if any member
// is. Stakes, controls, list entries and branch links are rewritten to the kept ids.
// Lists with the same id are joined. Exact duplicates (the same stake, control or entry
// from two sources) are kept once, and a stake or control that would link an entity to
// itself after merging is dropped; both are reported, as is every merge.
//
// The report's Records and Imported both count the input entities. Merge costs
// O(n α(n)) in the number of entities, identifiers and facts.
func Merge(opt MergeOptions, parts ...eligibility.WorldData) (*Merged, Report) {
	var rep Report
	schemes := opt.MatchSchemes
	if schemes == nil {
		schemes = DefaultMatchSchemes()
	}
	match := map[string]bool{}
	for _, s := range schemes {
		match[strings.ToLower(s)] = true
	}

	type ref struct{ part, idx int }
	var ents []ref
	byID := map[string]int{}
	uf := unionFind{}
	// reasonOf explains why element i joined its group (for the report).
	reason := map[int]string{}
	for p, d := range parts {
		for i := range d.Entities {
			n := len(ents)
			ents = append(ents, ref{p, i})
			uf.add()
			id := d.Entities[i].ID
			if first, ok := byID[id]; ok {
				uf.union(first, n)
				reason[n] = "the same id in another import"
			} else {
				byID[id] = n
			}
		}
	}
	rep.Records, rep.Imported = len(ents), len(ents)
	ent := func(n int) *eligibility.Entity { return &parts[ents[n].part].Entities[ents[n].idx] }

	for _, pair := range opt.Same {
		a, okA := byID[pair[0]]
		b, okB := byID[pair[1]]
		if !okA || !okB {
			missing := pair[0]
			if okA {
				missing = pair[1]
			}
			rep.Add(Issue{Source: "merge", Record: missing, Field: "same", Value: pair[0] + " = " + pair[1], Kind: Unresolved, Reason: "no entity has this id"})
			continue
		}
		if uf.find(a) != uf.find(b) {
			uf.union(a, b)
			reason[b] = fmt.Sprintf("declared the same as %s", pair[0])
		}
	}
	if len(match) > 0 {
		seen := map[string]int{}
		for n := range ents {
			for _, id := range ent(n).Identifiers {
				scheme := strings.ToLower(id.Scheme)
				if !match[scheme] {
					continue
				}
				key := scheme + "\x00" + strings.ToUpper(strings.TrimSpace(id.Value))
				if first, ok := seen[key]; ok {
					if uf.find(first) != uf.find(n) {
						uf.union(first, n)
						reason[n] = fmt.Sprintf("%s %s, as %s", scheme, id.Value, ent(first).ID)
					}
				} else {
					seen[key] = n
				}
			}
		}
	}

	// The representative of each group is its smallest member.
	rep0 := make([]int, len(ents))
	for n := range ents {
		rep0[n] = -1
	}
	for n := range ents {
		r := uf.find(n)
		if rep0[r] < 0 || n < rep0[r] {
			rep0[r] = n
		}
	}
	m := &Merged{canon: map[string]string{}}
	out := map[int]int{} // representative element -> index in m.Data.Entities
	for n := range ents {
		head := rep0[uf.find(n)]
		e := ent(n)
		if head == n {
			out[n] = len(m.Data.Entities)
			c := *e
			c.Aliases = append([]string(nil), e.Aliases...)
			c.Identifiers = append([]eligibility.Identifier(nil), e.Identifiers...)
			c.Jurisdictions = append([]eligibility.RoleCode(nil), e.Jurisdictions...)
			m.Data.Entities = append(m.Data.Entities, c)
			continue
		}
		dst := &m.Data.Entities[out[head]]
		if e.ID != dst.ID {
			m.canon[e.ID] = dst.ID
		}
		if e.ID != dst.ID || reason[n] != "the same id in another import" {
			rep.Add(Issue{Source: "merge", Record: e.ID, Field: "id", Value: dst.ID, Kind: Adjusted,
				Reason: fmt.Sprintf("merged into %s (%s)", dst.ID, reason[n])})
		}
		absorb(dst, e, &rep)
	}
	canon := m.Canonical
	for i := range m.Data.Entities {
		e := &m.Data.Entities[i]
		if e.BranchOf == "" {
			continue
		}
		e.BranchOf = canon(e.BranchOf)
		if e.BranchOf == e.ID {
			rep.Add(Issue{Source: "merge", Record: e.ID, Field: "branch_of", Kind: Adjusted, Reason: "a branch of itself after merging: branch link dropped"})
			e.BranchOf = ""
			e.Kind = eligibility.Company
		}
	}

	seenStake := map[eligibility.Stake]bool{}
	seenControl := map[eligibility.Control]bool{}
	lists := map[string]int{}
	type entryKey struct {
		list string
		e    eligibility.Entry
	}
	seenEntry := map[entryKey]bool{}
	for p, d := range parts {
		for i, s := range d.Stakes {
			s.Owner, s.Owned = canon(s.Owner), canon(s.Owned)
			rec := fmt.Sprintf("parts[%d].stakes[%d]", p, i)
			if s.Owner == s.Owned {
				rep.Add(Issue{Source: "merge", Record: rec, Field: "owner", Value: s.Owner, Kind: Adjusted, Reason: "owner and owned are one entity after merging: stake dropped"})
				continue
			}
			if seenStake[s] {
				rep.Add(Issue{Source: "merge", Record: rec, Value: s.Owner + " → " + s.Owned, Kind: Adjusted, Reason: "the same stake from another import: kept once"})
				continue
			}
			seenStake[s] = true
			m.Data.Stakes = append(m.Data.Stakes, s)
		}
		for i, c := range d.Controls {
			c.Controller, c.Controlled = canon(c.Controller), canon(c.Controlled)
			rec := fmt.Sprintf("parts[%d].controls[%d]", p, i)
			if c.Controller == c.Controlled {
				rep.Add(Issue{Source: "merge", Record: rec, Field: "controller", Value: c.Controller, Kind: Adjusted, Reason: "controller and controlled are one entity after merging: control dropped"})
				continue
			}
			if seenControl[c] {
				rep.Add(Issue{Source: "merge", Record: rec, Value: c.Controller + " → " + c.Controlled, Kind: Adjusted, Reason: "the same control from another import: kept once"})
				continue
			}
			seenControl[c] = true
			m.Data.Controls = append(m.Data.Controls, c)
		}
		for _, l := range d.Lists {
			j, ok := lists[l.ID]
			if !ok {
				j = len(m.Data.Lists)
				lists[l.ID] = j
				m.Data.Lists = append(m.Data.Lists, eligibility.List{ID: l.ID, Name: l.Name, Authority: l.Authority})
			}
			dst := &m.Data.Lists[j]
			for _, en := range l.Entries {
				en.Entity = canon(en.Entity)
				k := entryKey{l.ID, en}
				if seenEntry[k] {
					continue
				}
				seenEntry[k] = true
				dst.Entries = append(dst.Entries, en)
			}
		}
	}
	return m, rep
}

// absorb merges e into dst: names, aliases, identifiers, jurisdictions, disclosure.
func absorb(dst, e *eligibility.Entity, rep *Report) {
	hasAlias := func(n string) bool {
		if strings.EqualFold(n, dst.Name) {
			return true
		}
		for _, a := range dst.Aliases {
			if strings.EqualFold(a, n) {
				return true
			}
		}
		return false
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if n != "" && !hasAlias(n) {
			dst.Aliases = append(dst.Aliases, n)
		}
	}
	for _, id := range e.Identifiers {
		found := false
		for _, x := range dst.Identifiers {
			if strings.EqualFold(x.Scheme, id.Scheme) && strings.EqualFold(strings.TrimSpace(x.Value), strings.TrimSpace(id.Value)) {
				found = true
				break
			}
		}
		if !found {
			dst.Identifiers = append(dst.Identifiers, id)
		}
	}
	for _, rc := range e.Jurisdictions {
		found := false
		for _, x := range dst.Jurisdictions {
			if x == rc {
				found = true
				break
			}
		}
		if !found {
			dst.Jurisdictions = append(dst.Jurisdictions, rc)
		}
	}
	if e.Disclosure > dst.Disclosure {
		dst.Disclosure = e.Disclosure
	}
	if dst.BranchOf == "" && e.BranchOf != "" {
		dst.BranchOf, dst.Kind = e.BranchOf, eligibility.Branch
	}
	if e.Kind != dst.Kind && e.Kind != eligibility.Branch && dst.Kind != eligibility.Branch {
		rep.Add(Issue{Source: "merge", Record: e.ID, Field: "kind", Value: e.Kind.String(), Kind: Ambiguous,
			Reason: fmt.Sprintf("merged with %s, whose kind %s is kept", dst.ID, dst.Kind)})
	}
}

// unionFind is a disjoint-set forest with path halving and union by size.
type unionFind struct {
	parent, size []int
}

func (u *unionFind) add() {
	u.parent = append(u.parent, len(u.parent))
	u.size = append(u.size, 1)
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a == b {
		return
	}
	if u.size[a] < u.size[b] {
		a, b = b, a
	}
	u.parent[b] = a
	u.size[a] += u.size[b]
}
