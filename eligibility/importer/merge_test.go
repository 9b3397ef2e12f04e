package importer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/ownership"
)

func TestMerge(t *testing.T) {
	lei := eligibility.Identifier{Scheme: "lei", Value: "485100GBI2SE0KIX8T70"}
	list := eligibility.WorldData{
		Entities: []eligibility.Entity{{ID: "ofac:1", Name: "INTRUST PLC EAD", Identifiers: []eligibility.Identifier{lei}}, {ID: "ofac:2", Name: "OTHER"}},
		Lists:    []eligibility.List{{ID: "ofac-sdn", Entries: []eligibility.Entry{{Entity: "ofac:1", Program: "GLOMAG"}, {Entity: "ofac:2"}}}},
	}
	half := ownership.Exact(ownership.PercentOf(50))
	owners := eligibility.WorldData{
		Entities: []eligibility.Entity{
			{ID: "bods:a", Name: "Intrust", Identifiers: []eligibility.Identifier{{Scheme: "LEI", Value: " 485100gbi2se0kix8t70"}}},
			{ID: "bods:b", Name: "B", Disclosure: ownership.Partial},
			{ID: "bods:c", Name: "C"},
			{ID: "bods:d", Name: "D"},
		},
		Stakes: []eligibility.Stake{
			{Owner: "bods:a", Owned: "bods:b", Share: half},
			{Owner: "bods:a", Owned: "bods:b", Share: half},
			{Owner: "bods:c", Owned: "bods:d", Share: half},
		},
		Controls: []eligibility.Control{{Controller: "bods:d", Controlled: "bods:b", Basis: ownership.DeFacto}},
	}
	more := eligibility.WorldData{
		Entities: []eligibility.Entity{{ID: "ofac:2", Name: "Other Ltd", Aliases: []string{"OTHER"}}},
		Lists:    []eligibility.List{{ID: "ofac-sdn", Entries: []eligibility.Entry{{Entity: "ofac:2"}}}},
	}

	m, rep := Merge(MergeOptions{Same: [][2]string{{"bods:c", "bods:d"}, {"bods:x", "bods:c"}}}, list, owners, more)
	assert.Equal(t, "ofac:1", m.Canonical("bods:a"), "a shared LEI merges, case and spaces aside; the list's id is kept")
	assert.Equal(t, "bods:c", m.Canonical("bods:d"), "the user's pairs merge")
	assert.Equal(t, "bods:b", m.Canonical("bods:b"))
	assert.Equal(t, "nope", m.Canonical("nope"), "unknown ids are themselves")

	ids := []string{}
	for _, e := range m.Data.Entities {
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"ofac:1", "ofac:2", "bods:b", "bods:c"}, ids, "first appearance order, one entity per party")
	assert.Contains(t, m.Data.Entities[0].Aliases, "Intrust", "the other names become aliases")
	assert.Equal(t, []string{"Other Ltd"}, m.Data.Entities[1].Aliases, "the same id in another import merges; known names are not repeated")

	assert.Equal(t, []eligibility.Stake{{Owner: "ofac:1", Owned: "bods:b", Share: half}}, m.Data.Stakes,
		"stakes are rewritten; the duplicate is kept once; the stake made a self-stake by merging is dropped")
	assert.Equal(t, []eligibility.Control{{Controller: "bods:c", Controlled: "bods:b", Basis: ownership.DeFacto}}, m.Data.Controls)
	require.Len(t, m.Data.Lists, 1, "lists with one id are joined")
	assert.Len(t, m.Data.Lists[0].Entries, 2, "the same entry from two imports is kept once")

	assert.Equal(t, 1, rep.Count(Unresolved), "a pair naming an unknown id")
	assert.Equal(t, 7, rep.Records)
	_, err := eligibility.NewWorld(m.Data)
	require.NoError(t, err)
}

func TestMergeSchemes(t *testing.T) {
	a := eligibility.WorldData{Entities: []eligibility.Entity{{ID: "a", Identifiers: []eligibility.Identifier{{Scheme: "swift-bic", Value: "X"}}}}}
	b := eligibility.WorldData{Entities: []eligibility.Entity{{ID: "b", Identifiers: []eligibility.Identifier{{Scheme: "swift-bic", Value: "X"}}}}}
	m, _ := Merge(MergeOptions{}, a, b)
	assert.Len(t, m.Data.Entities, 2, "SWIFT codes do not match by default")
	m, _ = Merge(MergeOptions{MatchSchemes: []string{"swift-bic"}}, a, b)
	assert.Len(t, m.Data.Entities, 1, "unless asked")
	m, _ = Merge(MergeOptions{MatchSchemes: []string{}}, a, b)
	assert.Len(t, m.Data.Entities, 2, "an empty list turns matching off")
}

func TestMergeBranchOfItself(t *testing.T) {
	d := eligibility.WorldData{Entities: []eligibility.Entity{
		{ID: "lei:A", Identifiers: []eligibility.Identifier{{Scheme: "lei", Value: "485100GBI2SE0KIX8T70"}}},
		{ID: "lei:B", Kind: eligibility.Branch, BranchOf: "lei:A", Identifiers: []eligibility.Identifier{{Scheme: "lei", Value: "485100GBI2SE0KIX8T70"}}},
	}}
	m, rep := Merge(MergeOptions{}, d)
	require.Len(t, m.Data.Entities, 1)
	assert.Equal(t, "", m.Data.Entities[0].BranchOf, "a branch merged with its head office is no branch")
	assert.Equal(t, eligibility.Company, m.Data.Entities[0].Kind)
	assert.NotEmpty(t, rep.Issues)
	_, err := eligibility.NewWorld(m.Data)
	require.NoError(t, err)
}
