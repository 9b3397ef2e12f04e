package eligibility

import (
	"slices"

	"github.com/eligo/eligo/ownership"
)

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

// ZeroClearMessages answers subject under each ownership rule of p and returns, for each
// answer for which Evaluate uses the rule's stored message, that message and the one
// written from the answer.
func ZeroClearMessages(p *CompiledPolicy, subject string, at Date) (stored, written []string) {
	w := p.world
	id, ok := w.lookup(subject)
	if !ok {
		return nil, nil
	}
	for i := range p.rules {
		c := &p.rules[i]
		if c.Kind != OwnershipRule {
			continue
		}
		var res ownership.Result
		if err := w.graph.QueryInto(&res, &c.own, &roots{w: w, c: c, at: at}, id, at); err != nil {
			panic(err)
		}
		if isZeroClear(&res) {
			stored = append(stored, c.zeroClear)
			written = append(written, string(appendOwnershipMessage(nil, c, &res)))
		}
	}
	return stored, written
}

// OneBlock reports whether Evaluate puts a decision under p in one allocation, and
// WithoutOneBlock returns a copy of p for which it does not.
func OneBlock(p *CompiledPolicy) bool { return p.oneBlock }

func WithoutOneBlock(p *CompiledPolicy) *CompiledPolicy {
	q := *p
	q.oneBlock = false
	return &q
}
