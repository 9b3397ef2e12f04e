package importer_test

import (
	"fmt"
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/bods"
	"github.com/eligo/eligo/eligibility/importer/ofac"
	"github.com/eligo/eligo/ownership"
)

// An SDN entry and a BODS ownership file that knows the same company by its LEI: Merge
// joins them, and the OFAC rule reaches the company's subsidiary.
func ExampleMerge() {
	sdn := "32064,\"INTRUST PLC EAD\",-0- ,\"GLOMAG\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Legal Entity Number 485100GBI2SE0KIX8T70.\"\r\n\x1a"
	list, _, err := ofac.Import(ofac.Files{Primary: strings.NewReader(sdn)}, ofac.Options{})
	if err != nil {
		panic(err)
	}
	owners := `[
	{"statementId":"1","statementDate":"2024-01-01","recordId":"parent","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"Intrust","identifiers":[{"scheme":"XI-LEI","id":"485100GBI2SE0KIX8T70"}]}},
	{"statementId":"2","statementDate":"2024-01-01","recordId":"sub","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"Subsidiary"}},
	{"statementId":"3","statementDate":"2024-01-01","recordId":"r","recordType":"relationship","recordDetails":{"subject":"sub","interestedParty":"parent","interests":[{"type":"shareholding","directOrIndirect":"direct","share":{"exact":75}}]}}
	]`
	own, _, err := bods.Import(strings.NewReader(owners), bods.Options{})
	if err != nil {
		panic(err)
	}
	m, _ := importer.Merge(importer.MergeOptions{}, list.WorldData, own.WorldData)
	fmt.Println("bods:parent is", m.Canonical("bods:parent"))

	w, err := eligibility.NewWorld(m.Data)
	if err != nil {
		panic(err)
	}
	p, err := eligibility.Compile(eligibility.Policy{ID: "ofac", Rules: []eligibility.Rule{{
		ID: "sdn-50", Kind: eligibility.OwnershipRule,
		Restricted: eligibility.Restricted{Lists: []string{ofac.ListSDN}},
		Threshold:  ownership.PercentOf(50), HasThreshold: true, Inclusive: true, HasInclusive: true,
		Aggregate: true, Method: ownership.FlowThrough,
	}}}, w)
	if err != nil {
		panic(err)
	}
	d, err := eligibility.Evaluate(w, p, "bods:sub", ownership.MustParseDate("2024-06-01"))
	if err != nil {
		panic(err)
	}
	fmt.Println("bods:sub:", d.Verdict)
	// Output:
	// bods:parent is ofac:32064
	// bods:sub: deny
}
