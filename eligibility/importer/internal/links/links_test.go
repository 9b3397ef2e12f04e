package links

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/ownership"
)

func TestResolve(t *testing.T) {
	ents := []eligibility.Entity{
		{ID: "a", Name: "ALPHA LTD"},
		{ID: "b", Name: "BETA", Aliases: []string{"ALPHA LTD", "GAMMA"}},
		{ID: "c", Name: "GAMMA CO", Aliases: []string{"GAMMA"}},
		{ID: "p", Name: "DOE, John", Kind: eligibility.Person},
	}
	byID := func(id string) int {
		for i, e := range ents {
			if e.ID == id {
				return i
			}
		}
		return -1
	}
	ls := []importer.Link{
		{From: "b", Name: "alpha  ltd."}, // primary name wins over alias; case, spaces and full stop aside
		{From: "a", Name: "GAMMA"},       // the alias of two entries
		{From: "a", Name: "nobody"},      // nothing
		{From: "b", Name: "BETA"},        // itself
		{From: "p", Name: "ALPHA LTD"},   // a person's link resolves, but makes no control
	}
	var got []Outcome
	Resolve(ls, ents, byID, func(i int, o Outcome, cands []string) {
		got = append(got, o)
		if o == Several {
			assert.Equal(t, []string{"b", "c"}, cands)
		}
	})
	assert.Equal(t, []Outcome{Several, None, Self}, got)
	assert.Equal(t, "a", ls[0].To)
	assert.Equal(t, "", ls[1].To)
	assert.Equal(t, "a", ls[4].To)
	assert.Equal(t, []eligibility.Control{{Controller: "a", Controlled: "b", Basis: ownership.DeFacto}}, Controls(ls, ents, byID, ownership.DeFacto))
}

func TestKey(t *testing.T) {
	assert.Equal(t, "ALPHA LTD", Key("ALPHA LTD"), "an already clean key is returned as is")
	assert.Equal(t, "ALPHA LTD", Key(" alpha\tLtd "))
	assert.Equal(t, "", Key(""))
}
