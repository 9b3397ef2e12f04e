package ownership

import "fmt"

// Classification is the status of every entity of a graph under one rule, roots and date,
// as computed by [Graph.Classify]. It is immutable and safe for concurrent use.
type Classification struct {
	g      *Graph
	status []Status // by canonical entity
	lower  []Percent
}

// Status returns the status of entity id (a branch has its ultimate parent's).
func (c *Classification) Status(id ID) Status { return c.status[c.g.Canonical(id)] }

// Lower returns the definite restricted share of entity id (the largest over measures; for a
// per-holder rule, over single holders), rounded to the nearest millionth of a percent.
func (c *Classification) Lower(id ID) Percent { return c.lower[c.g.Canonical(id)] }

// Count returns how many entities (branches included) have each status.
func (c *Classification) Count() map[Status]int {
	out := map[Status]int{}
	for i := range c.g.Len() {
		out[c.Status(ID(i))]++
	}
	return out
}

// Classify computes the status of every entity under rule at date at in one pass over the
// graph: O(V + E) for direct and flow-through (work lists from the roots down the
// out-edges), and for multiplicative a view of the whole graph in topological order of its
// strongly connected components, each cycle of cross-holdings solved as a linear system;
// compare runs both. A per-holder rule
// (PerHolder), or a threshold of 0 inclusive, is answered subject by subject with
// [Graph.Query], O(Σ ancestors).
// The statuses equal those of Query for every subject.
func (g *Graph) Classify(rule *Rule, roots Roots, at Date) (*Classification, error) {
	if err := rule.Validate(); err != nil {
		return nil, err
	}
	c := &Classification{g: g, status: make([]Status, g.Len()), lower: make([]Percent, g.Len())}
	if rule.PerHolder || rule.meetsZero() {
		// The work lists start at the roots; with a threshold that a share of 0 meets,
		// restriction starts everywhere, so that degenerate rule goes subject by subject.
		for i := range g.Len() {
			id := ID(i)
			if g.Canonical(id) != id {
				continue
			}
			r, err := g.Query(rule, roots, id, at)
			if err != nil {
				return nil, fmt.Errorf("ownership: classify %s: %w", g.Name(id), err)
			}
			c.status[i] = r.Status
			c.lower[i] = r.Share.Lower
			if r.Method == Compare && len(r.Parts) == 2 {
				c.lower[i] = r.Parts[0].Share.Lower
			}
		}
		return c, nil
	}
	switch rule.Method {
	case Direct, FlowThrough:
		g.classifyFlow(rule, roots, at, c.status, c.lower)
	case Multiplicative:
		g.classifyMultiplicative(rule, roots, at, c.status, c.lower)
	case Compare:
		flowRule := *rule
		flowRule.Method = FlowThrough
		g.classifyFlow(&flowRule, roots, at, c.status, c.lower)
		mult := make([]Status, g.Len())
		g.classifyMultiplicative(rule, roots, at, mult, nil)
		for i, s := range c.status {
			if s.outcome() != mult[i].outcome() {
				c.status[i] = MethodDependent
			}
		}
	}
	return c, nil
}

// classifyMultiplicative answers every entity under the multiplicative method: a view of
// the whole graph, its strongly connected components in topological order, each cycle
// solved as a linear system.
func (g *Graph) classifyMultiplicative(rule *Rule, roots Roots, at Date, out []Status, lower []Percent) {
	var v view
	v.buildAll(g, at, rule, roots)
	e := &engine{v: &v, method: Multiplicative}
	e.setAggregate()
	e.run()
	for i := range g.Len() {
		k := int32(i)
		lo := maxShare(&e.lo, k)
		switch {
		case e.lo.st[k].restr:
			out[i] = Restricted
		case e.up.st[k].restr:
			out[i] = Indeterminate
		case rule.HasReviewAt && lo >= float64(rule.ReviewAt)-e.tol():
			out[i] = Significant
		default:
			out[i] = Clear
		}
		if lower != nil {
			lower[i] = toPercent(lo)
		}
	}

}
