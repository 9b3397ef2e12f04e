package eligibility

import (
	"fmt"
	"math/bits"
	"slices"

	"github.com/eligo/eligo/eligibility/resolve"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// CompiledPolicy is a [Policy] validated and prepared against one [World]. It is
// immutable and safe for concurrent use. Build it with [Compile].
type CompiledPolicy struct {
	id    string
	world *World
	rules []compiledRule
	// oneBlock: a decision fits one decisionMem (see oneBlockFits).
	oneBlock bool
}

type compiledRule struct {
	Rule
	index int

	// jurisdiction rules
	set   jurisdiction.Set
	roles uint8 // bit per Role

	// jurisdiction rules: the entities with a matching jurisdiction (jmatch); for the
	// k-th of them in id order, its matches (jmatches[jmatchStart[k]:jmatchStart[k+1]])
	// and its message (jmatchTexts[jmatchText[k]]), found through the count of entities
	// in jmatch before each word of it (jmatchRank). Evaluate reads these instead of the
	// entity's record, which is a cache miss or two in a big world, and writes no message.
	jmatch      idBits
	jmatchRank  []int32
	jmatchStart []int32
	jmatches    []JurisdictionMatch
	jmatchText  []int32
	jmatchTexts []string

	// designation rules and ownership roots by list
	lists []int32
	// the canonical entities with an entry on one of lists at some date
	listed idBits
	// designation rules that match identifiers or names: the listed entities' index
	listIdx *resolve.Index

	// ownership rules
	own        ownership.Rule
	rootStatic *ownership.RootSet // named entities and jurisdiction roots, canonical ids
	graph      *ownership.Graph
	// the entities that a root of some date (rootStatic or listed) or an undisclosed
	// remainder can reach: the query answers the others without reading their ancestors
	reach *ownership.Reach
	// zeroClear is the message of a clear answer with a definite share of 0 under every
	// method, the most common answer: Evaluate uses it instead of writing it again.
	zeroClear string

	// designation rules: the message of a date at which the rule did not list a subject
	// (see notListedCache)
	notListed *notListedCache
}

// ID returns the policy's id.
func (p *CompiledPolicy) ID() string { return p.id }

// World returns the world the policy was compiled against.
func (p *CompiledPolicy) World() *World { return p.world }

// Compile validates p against w and prepares it for [Evaluate], or returns a
// [*ValidationError] listing every problem with its path (policy.rules[2].threshold, …):
// missing or duplicate rule ids, unknown kinds and effects, empty rules, unknown list or
// entity ids, invalid codes, thresholds and review_at outside [0, 100], review_at above
// the threshold, missing threshold, inclusive or indirect, and empty in_effect intervals.
// Compile costs O(V) per jurisdiction rule (it finds the matching entities), O(V + E) per
// ownership rule (it finds the roots, and the entities that a root of any date or an
// undisclosed remainder can reach: see [ownership.Reach]), and O(V + entries) per rule
// with lists (it marks the entities ever listed on them). It keeps one bit per entity for
// each, so that Evaluate reads a subject's entity record and designations only when they
// can match, and its ancestors only when something above it can restrict it.
func Compile(p Policy, w *World) (*CompiledPolicy, error) {
	var probs problems
	if w == nil {
		return nil, fmt.Errorf("%w: nil world", ErrInvalid)
	}
	if p.ID == "" {
		probs.add("policy.id", "required")
	}
	cp := &CompiledPolicy{id: p.ID, world: w}
	seen := map[string]int{}
	for i, r := range p.Rules {
		path := fmt.Sprintf("policy.rules[%d]", i)
		c := compiledRule{Rule: r, index: i, graph: w.graph}
		// The rule keeps its own copy of the slices it reads when evaluating, so that
		// the caller changing its Policy later changes nothing here; the other slices and
		// the map are read now, into the compiled fields.
		c.InEffect, c.Lists = slices.Clone(r.InEffect), slices.Clone(r.Lists)
		if r.ID == "" {
			probs.add(path+".id", "required")
		} else if j, dup := seen[r.ID]; dup {
			probs.add(path+".id", fmt.Sprintf("duplicate rule id %q (first at policy.rules[%d])", r.ID, j))
		} else {
			seen[r.ID] = i
		}
		if r.Effect > Review {
			probs.add(path+".effect", fmt.Sprintf("invalid effect %d", r.Effect))
		}
		for j, iv := range r.InEffect {
			if iv.IsEmpty() {
				probs.add(fmt.Sprintf("%s.in_effect[%d]", path, j), fmt.Sprintf("empty interval: from %s is not before until %s", iv.From, iv.Until))
			}
		}
		checkRoles := func(field string, roles []Role) uint8 {
			var mask uint8
			if len(roles) == 0 {
				probs.add(path+"."+field, "at least one role is required")
			}
			for j, role := range roles {
				if role < Incorporation || role >= numRoles {
					probs.add(fmt.Sprintf("%s.%s[%d]", path, field, j), fmt.Sprintf("invalid role %d", role))
					continue
				}
				mask |= 1 << role
			}
			return mask
		}
		checkCodes := func(field string, codes []jurisdiction.Code) jurisdiction.Set {
			if len(codes) == 0 {
				probs.add(path+"."+field, "at least one jurisdiction is required")
			}
			for j, code := range codes {
				if !code.IsValid() {
					probs.add(fmt.Sprintf("%s.%s[%d]", path, field, j), "invalid jurisdiction code")
				}
			}
			return jurisdiction.NewSet(codes...)
		}
		checkLists := func(field string, ids []string) []int32 {
			var out []int32
			for j, id := range ids {
				k, ok := w.listByID[id]
				if !ok {
					probs.add(fmt.Sprintf("%s.%s[%d]", path, field, j), fmt.Sprintf("unknown list %q", id))
					continue
				}
				out = append(out, int32(k))
			}
			return out
		}
		switch r.Kind {
		case JurisdictionRule:
			c.roles = checkRoles("roles", r.Roles)
			c.set = checkCodes("jurisdictions", r.Jurisdictions)
		case DesignationRule:
			if len(r.Lists) == 0 {
				probs.add(path+".lists", "at least one list is required")
			}
			c.lists = checkLists("lists", r.Lists)
			if r.MatchNames && (r.NameMinScore == 0 || r.NameMinScore > resolve.MaxScore) {
				probs.add(path+".match_names", fmt.Sprintf("score %d/10000 is outside (0, 1]", r.NameMinScore))
			}
			if r.MatchIdentifiers || r.MatchNames {
				ix, err := w.listIndex(c.lists)
				if err != nil {
					probs.add(path+".lists", "cannot index the listed entities: "+err.Error())
				}
				c.listIdx = ix
			}
		case OwnershipRule:
			rs := r.Restricted
			if len(rs.Lists) == 0 && !rs.HasJurisdictions && len(rs.Entities) == 0 {
				probs.add(path+".restricted", "names no restricted owners: give lists, jurisdictions or entities")
			}
			c.lists = checkLists("restricted.lists", rs.Lists)
			c.rootStatic = ownership.NewRootSet()
			for j, id := range rs.Entities {
				e, ok := w.graph.Lookup(id)
				if !ok {
					probs.add(fmt.Sprintf("%s.restricted.entities[%d]", path, j), fmt.Sprintf("unknown entity %q", id))
					continue
				}
				c.rootStatic.Add(w.graph.Canonical(e))
			}
			if rs.HasJurisdictions {
				mask := checkRoles("restricted.jurisdictions.roles", rs.Roles)
				set := checkCodes("restricted.jurisdictions.in", rs.In)
				for i, e := range w.entities {
					id := ownership.ID(i)
					if w.graph.Canonical(id) != id {
						continue // a branch: roots by jurisdiction use the parent's jurisdictions
					}
					for _, rc := range e.Jurisdictions {
						if mask&(1<<rc.Role) != 0 && set.Contains(rc.Code) {
							c.rootStatic.Add(id)
							break
						}
					}
				}
			}
			if !r.HasThreshold {
				probs.add(path+".threshold", "required")
			} else if r.Threshold < 0 || r.Threshold > ownership.Hundred {
				probs.add(path+".threshold", fmt.Sprintf("%s is outside [0, 100]", r.Threshold))
			}
			if !r.HasInclusive {
				probs.add(path+".inclusive", "required")
			}
			if !r.Method.IsValid() {
				probs.add(path+".indirect", "required: direct, flow_through, multiplicative or compare")
			}
			if r.HasReviewAt {
				if r.ReviewAt < 0 || r.ReviewAt > ownership.Hundred {
					probs.add(path+".review_at", fmt.Sprintf("%s is outside [0, 100]", r.ReviewAt))
				} else if r.HasThreshold && r.ReviewAt > r.Threshold {
					probs.add(path+".review_at", fmt.Sprintf("%s is above the threshold %s", r.ReviewAt, r.Threshold))
				}
			}
			if r.UnknownOwners > ownership.UnknownIgnore {
				probs.add(path+".unknown_owners", fmt.Sprintf("invalid setting %d", r.UnknownOwners))
			}
			c.own = ownership.Rule{
				Threshold: r.Threshold, Inclusive: r.Inclusive, PerHolder: !r.Aggregate, Method: r.Method,
				ReviewAt: r.ReviewAt, HasReviewAt: r.HasReviewAt, Unknown: r.UnknownOwners,
			}
			for basis, eff := range r.Controls {
				if !basis.IsValid() {
					probs.add(path+".controls", fmt.Sprintf("invalid basis %d", basis))
					continue
				}
				if eff > ownership.ControlDeny {
					probs.add(path+".controls."+basis.String(), fmt.Sprintf("invalid effect %d", eff))
					continue
				}
				c.own.Controls[basis] = eff
			}
		default:
			probs.add(path+".kind", "required: jurisdiction, designation or ownership")
		}
		cp.rules = append(cp.rules, c)
	}
	if err := probs.err("policy"); err != nil {
		return nil, err
	}
	for i := range cp.rules {
		cp.rules[i].prepare(w)
	}
	cp.oneBlock = oneBlockFits(cp.rules)
	return cp, nil
}

// idBits is a set of dense entity ids, one bit each.
type idBits []uint64

func newIDBits(n int) idBits { return make(idBits, (n+63)/64) }

func (b idBits) add(id ownership.ID) { b[id>>6] |= 1 << (id & 63) }

func (b idBits) has(id ownership.ID) bool {
	return id >= 0 && int(id>>6) < len(b) && b[id>>6]&(1<<(id&63)) != 0
}

// prepare builds, in O(V + designations), the sets that let Evaluate answer most subjects
// of a rule without reading their entity record or designations, which a cold subject
// pays a cache miss each for: the entities whose own jurisdictions match a jurisdiction
// rule, with their matches and message (about 14 bytes for each such entity and 4 for
// every 64 entities), and the canonical entities with an entry, at any date, on a list of
// a designation rule or of an ownership rule's roots. For an ownership rule it also
// computes, in O(V + E), the Reach of its roots of every date, refined for the rule,
// outside which the query reads no ancestors (see [ownership.Graph.ReachFor]).
func (c *compiledRule) prepare(w *World) {
	switch c.Kind {
	case JurisdictionRule:
		c.jmatch = newIDBits(len(w.entities))
		c.jmatchStart = []int32{0}
		texts := map[string]int32{}
		var buf []JurisdictionMatch
		var text []byte
		for i := range w.entities {
			if buf = c.jurisdictionMatch(&w.entities[i], buf[:0]); len(buf) > 0 {
				c.jmatch.add(ownership.ID(i))
				c.jmatches = append(c.jmatches, buf...)
				c.jmatchStart = append(c.jmatchStart, int32(len(c.jmatches)))
				text = appendJurisdictionMessage(text[:0], buf)
				k, ok := texts[string(text)]
				if !ok {
					k = int32(len(c.jmatchTexts))
					texts[string(text)] = k
					c.jmatchTexts = append(c.jmatchTexts, string(text))
				}
				c.jmatchText = append(c.jmatchText, k)
			}
		}
		c.jmatchRank = make([]int32, len(c.jmatch)+1)
		for i, word := range c.jmatch {
			c.jmatchRank[i+1] = c.jmatchRank[i] + int32(bits.OnesCount64(word))
		}
	case DesignationRule, OwnershipRule:
		if len(c.lists) > 0 {
			c.listed = newIDBits(len(w.entities))
			for id := 0; id+1 < len(w.desStart); id++ {
				for _, d := range w.des[w.desStart[id]:w.desStart[id+1]] {
					if containsList(c.lists, d.list) {
						c.listed.add(ownership.ID(id))
						break
					}
				}
			}
		}
		if c.Kind == DesignationRule {
			c.notListed = new(notListedCache)
		}
		if c.Kind == OwnershipRule {
			c.zeroClear = string(appendOwnershipMessage(nil, c, zeroClearAnswer(&c.own)))
			// Every root of every date is a static root or ever listed (see roots.IsRoot).
			c.reach = w.graph.ReachFor(ownership.RootFunc(func(id ownership.ID) bool {
				return c.rootStatic.IsRoot(id) || c.listed.has(id)
			}), &c.own)
		}
	}
}

// inEffect reports whether the rule applies at day d.
func (c *compiledRule) inEffect(d Date) bool {
	if c.InEffect == nil {
		return true
	}
	for _, iv := range c.InEffect {
		if iv.Contains(d) {
			return true
		}
	}
	return false
}

// roots is the restricted-root predicate of an ownership rule at one date.
type roots struct {
	w  *World
	c  *compiledRule
	at Date
}

// ReachOf implements [ownership.Screener]: the rule's roots at every date are among the
// candidates its Reach was computed from.
func (r *roots) ReachOf() *ownership.Reach { return r.c.reach }

// IsRoot implements [ownership.Roots].
func (r *roots) IsRoot(id ownership.ID) bool {
	if r.c.rootStatic.IsRoot(id) {
		return true
	}
	if !r.c.listed.has(id) {
		return false
	}
	for _, d := range r.w.designations(id) {
		if d.valid.Contains(r.at) && containsList(r.c.lists, d.list) {
			return true
		}
	}
	return false
}

func containsList(lists []int32, l int32) bool {
	for _, x := range lists {
		if x == l {
			return true
		}
	}
	return false
}

// listIndex builds the resolver index of the entities with an entry on any of lists (by
// their names, aliases and identifiers; a national identifier is scoped by the entity's
// jurisdiction of incorporation, else its headquarters). The record key is the entity id.
func (w *World) listIndex(lists []int32) (*resolve.Index, error) {
	seen := map[string]bool{}
	var recs []resolve.Record
	for _, l := range lists {
		for _, en := range w.lists[l].Entries {
			if seen[en.Entity] {
				continue
			}
			seen[en.Entity] = true
			e, ok := w.Entity(en.Entity)
			if !ok {
				continue
			}
			rec := resolve.Record{Key: e.ID}
			if e.Name != "" {
				rec.Names = append(rec.Names, e.Name)
			}
			rec.Names = append(rec.Names, e.Aliases...)
			rec.IDs = resolveIDs(e)
			if len(rec.Names) == 0 && len(rec.IDs) == 0 {
				continue
			}
			recs = append(recs, rec)
		}
	}
	return resolve.Build(recs)
}

// resolveIDs is an entity's identifiers for the resolver.
func resolveIDs(e Entity) []resolve.ID {
	if len(e.Identifiers) == 0 {
		return nil
	}
	home := ""
	for _, role := range []Role{Incorporation, Headquarters} {
		for _, rc := range e.Jurisdictions {
			if rc.Role == role && home == "" {
				home = rc.Code.Country().String()
			}
		}
	}
	out := make([]resolve.ID, 0, len(e.Identifiers))
	for _, id := range e.Identifiers {
		out = append(out, resolve.ID{Scheme: id.Scheme, Value: id.Value, Jurisdiction: home})
	}
	return out
}
