package eligibility_test

import (
	"fmt"

	"github.com/eligo/eligo/eligibility"
)

// A case file's world and policy, evaluated: a subsidiary 60% owned by a company
// headquartered in Beijing, under a rule that denies more than 50% ownership from CN.
func ExampleEvaluate() {
	cf, err := eligibility.DecodeCaseFile([]byte(`{
	  "format": "eligo.case/v1",
	  "entities": [
	    {"id": "parent", "jurisdictions": {"headquarters": "CN-BJ"}},
	    {"id": "sub", "jurisdictions": {"headquarters": "SG"}}
	  ],
	  "stakes": [{"owner": "parent", "owned": "sub", "percent": 60}],
	  "policy": {"id": "demo", "rules": [{
	    "id": "owned-from-cn", "kind": "ownership",
	    "restricted": {"jurisdictions": {"roles": ["headquarters"], "in": ["CN"]}},
	    "threshold": 50, "inclusive": false, "indirect": "flow_through"
	  }]},
	  "questions": [{"subject": "sub", "at": "2026-03-01"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := eligibility.NewWorld(cf.WorldData())
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := eligibility.Compile(cf.Policy, w)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := eligibility.Evaluate(w, p, "sub", cf.Questions[0].At)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(d.Explain())
	// Output:
	// sub at 2026-03-01: DENY
	//   [deny] owned-from-cn (ownership rule): flow_through: definitely restricted (lower share 60 > 50)
	//     restricted shares of sub: 60% (threshold > 50)
	//       + 60% of sub held by parent × weight 100% = 60%
	//       path (60%): parent -60%-> sub
}

// Bad input is reported with the JSON path of every problem.
func ExampleDecodeCaseFile_errors() {
	_, err := eligibility.DecodeCaseFile([]byte(`{"format": "eligo.case/v1",
	  "stakes": [{"owner": "a", "owned": "b", "percent": 120}],
	  "policy": {"id": "p", "rules": [], "rulez": []}}`))
	fmt.Println(err)
	// Output:
	// eligibility: invalid case file:
	//	stakes[0].percent: percent 120 is outside [0, 100]
	//	policy.rulez: unknown field
}
