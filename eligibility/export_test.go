package eligibility

import (
	"runtime"
	"slices"
	"unsafe"

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

// ownershipAnswers answers subject under each ownership rule of p and calls f with each
// answer.
func ownershipAnswers(p *CompiledPolicy, subject string, at Date, f func(c *compiledRule, id ownership.ID, res *ownership.Result)) {
	w := p.world
	id, ok := w.lookup(subject)
	if !ok {
		return
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
		f(c, id, &res)
	}
}

// JurisdictionReasons returns, for each jurisdiction rule of p, the reason Evaluate gives
// entity id from what Compile found, and the one written from the entity's record.
func JurisdictionReasons(p *CompiledPolicy, id int) (got, want []Reason) {
	for i := range p.rules {
		c := &p.rules[i]
		if c.Kind != JurisdictionRule {
			continue
		}
		var g Reason
		c.jurisdictionReason(&g, ownership.ID(id), nil)
		w := Reason{Effect: VerdictAllow, Code: CodeNoJurisdiction, Message: "no jurisdiction of the subject in the rule's roles is in its set"}
		if m := c.jurisdictionMatch(&p.world.entities[id], nil); len(m) > 0 {
			w = Reason{Effect: effectVerdict(c.Effect), Code: CodeJurisdiction, Message: string(appendJurisdictionMessage(nil, m)),
				Evidence: Evidence{Jurisdictions: m}}
		}
		got, want = append(got, g), append(want, w)
	}
	return got, want
}

// ZeroClearMessages answers subject under each ownership rule of p and returns, for each
// answer for which Evaluate uses the rule's stored message, that message and the one
// written from the answer.
func ZeroClearMessages(p *CompiledPolicy, subject string, at Date) (stored, written []string) {
	ownershipAnswers(p, subject, at, func(c *compiledRule, _ ownership.ID, res *ownership.Result) {
		if isZeroClear(res) {
			stored = append(stored, c.zeroClear)
			written = append(written, string(appendOwnershipMessage(nil, c, res)))
		}
	})
	return stored, written
}

// OneBlock reports whether Evaluate puts a decision under p in one allocation, and
// WithoutOneBlock returns a copy of p for which it does not.
func OneBlock(p *CompiledPolicy) bool { return p.oneBlock }

// DecisionMemBytes returns the size of a decision block and the heap bytes that one
// allocation of it takes, measured over 1,000 of them.
func DecisionMemBytes() (size uintptr, perAlloc uint64) {
	const n = 1000
	keep := make([]*decisionMem, n)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range keep {
		keep[i] = new(decisionMem)
	}
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(keep)
	return unsafe.Sizeof(decisionMem{}), (after.TotalAlloc - before.TotalAlloc) / n
}

func WithoutOneBlock(p *CompiledPolicy) *CompiledPolicy {
	q := *p
	q.oneBlock = false
	return &q
}

// EvidenceSlack answers subject under each ownership rule of p, converts each answer into
// evidence, and returns how many elements of the evidence's memory were left unused (0
// when every array was allocated at the size the evidence fills).
func EvidenceSlack(p *CompiledPolicy, subject string, at Date) int {
	slack := 0
	ownershipAnswers(p, subject, at, func(c *compiledRule, id ownership.ID, res *ownership.Result) {
		var m evidenceMem
		m.alloc(res)
		g := p.world.graph
		n := namer{g: g, known: g.Canonical(id), knownName: subject}
		evs := new([3]OwnershipEvidence)
		fillOwnershipEvidence(&evs[0], c, res, n, &m, evs[1:3:3])
		slack += cap(m.terms) - len(m.terms) + cap(m.stakes) - len(m.stakes) + cap(m.controls) - len(m.controls) +
			cap(m.paths) - len(m.paths) + cap(m.steps) - len(m.steps) + cap(m.unsettled) - len(m.unsettled) +
			cap(m.names) - len(m.names)
	})
	return slack
}
