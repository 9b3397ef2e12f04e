package eligibility

import "slices"

// Unscreened returns a copy of p whose ownership rules have no Reach, so that tests can
// compare what Evaluate answers with and without it.
func Unscreened(p *CompiledPolicy) *CompiledPolicy {
	q := *p
	q.rules = slices.Clone(p.rules)
	for i := range q.rules {
		q.rules[i].reach = nil
	}
	return &q
}

// ScreenedOut reports whether subject is left out of the Reach of every ownership rule of
// p (false when p has none).
func ScreenedOut(p *CompiledPolicy, subject string) bool {
	id, ok := p.world.lookup(subject)
	if !ok {
		return false
	}
	id = p.world.graph.Canonical(id)
	found := false
	for i := range p.rules {
		if r := p.rules[i].reach; r != nil {
			if r.Has(id) {
				return false
			}
			found = true
		}
	}
	return found
}
