package eligibility_test

import (
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A designation rule that matches identifiers and names: the list names AVIC; customers
// sign up as other entities.
const matchingCase = `{
  "format": "eligo.case/v1",
  "entities": [
    {"id": "avic", "name": "Aviation Industry Corporation of China, Ltd.", "aliases": ["AVIC"],
     "jurisdictions": {"headquarters": "CN-BJ"}, "identifiers": [{"scheme": "lei", "value": "5493001KJTIIGC8Y1R12"}]},
    {"id": "signup-lei", "name": "Some Trading Name", "identifiers": [{"scheme": "lei", "value": "5493001KJTIIGC8Y1R12"}]},
    {"id": "signup-name", "name": "Aviation Industry Corp. of China"},
    {"id": "signup-other", "name": "China Mobile Communications Group Co., Ltd."},
    {"id": "unicom", "name": "China United Network Communications Group Co., Ltd."}
  ],
  "lists": [{"id": "cmc", "entries": [{"entity": "avic", "from": "2021-06-03"}, {"entity": "unicom"}]}],
  "policy": {"id": "p", "rules": [
    {"id": "listed", "kind": "designation", "lists": ["cmc"], "match_identifiers": true, "match_names": 0.9}
  ]},
  "questions": [{"subject": "signup-lei", "at": "2026-01-01"}]
}`

func TestDesignationMatching(t *testing.T) {
	cf, err := eligibility.DecodeCaseFile([]byte(matchingCase))
	require.NoError(t, err)
	require.True(t, cf.Policy.Rules[0].MatchIdentifiers)
	require.True(t, cf.Policy.Rules[0].MatchNames)
	w, err := eligibility.NewWorld(cf.WorldData())
	require.NoError(t, err)
	p, err := eligibility.Compile(cf.Policy, w)
	require.NoError(t, err)
	at := cf.Questions[0].At
	cases := []struct {
		subject, verdict string
		code             eligibility.Code
		via, reason      string
	}{
		{"signup-lei", "deny", eligibility.CodeDesignated, "identifier", "the same LEI is the designation itself"},
		{"signup-name", "review", eligibility.CodeNameMatch, "name", "a close name is a candidate, never a denial"},
		{"signup-other", "allow", eligibility.CodeNotDesignated, "", "China Mobile is not China Unicom"},
		{"avic", "deny", eligibility.CodeDesignated, "", "listed itself"},
	}
	for _, c := range cases {
		d, err := eligibility.Evaluate(w, p, c.subject, at)
		require.NoError(t, err)
		assert.Equal(t, c.verdict, d.Verdict.String(), "%s: %s\n%s", c.subject, c.reason, d.Explain())
		assert.Equal(t, c.code, d.Reasons[0].Code, c.reason)
		if c.via != "" {
			require.NotEmpty(t, d.Reasons[0].Evidence.Designations, c.reason)
			assert.Equal(t, c.via, d.Reasons[0].Evidence.Designations[0].Via, c.reason)
			assert.Equal(t, "avic", d.Reasons[0].Evidence.Designations[0].Entity, c.reason)
		}
	}
	// Before the listing date nothing matches.
	d, err := eligibility.Evaluate(w, p, "signup-lei", mustDay(t, "2020-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "allow", d.Verdict.String())

	// The fields round-trip through the encoder.
	out, err := cf.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(out), `"match_identifiers":true`)
	assert.Contains(t, string(out), `"match_names":0.9`)
}

func TestDesignationMatchingBadFields(t *testing.T) {
	for _, c := range []struct{ field, path string }{
		{`"match_names": 1.5`, "policy.rules[0].match_names"},
		{`"match_names": 0`, "policy.rules[0].match_names"},
		{`"match_names": 0.12345`, "policy.rules[0].match_names"},
		{`"match_identifiers": "yes"`, "policy.rules[0].match_identifiers"},
	} {
		_, err := eligibility.DecodeCaseFile([]byte(`{"format":"eligo.case/v1","lists":[{"id":"l"}],"policy":{"id":"p","rules":[{"id":"r","kind":"designation","lists":["l"],` + c.field + `}]}}`))
		require.Error(t, err, c.field)
		assert.Contains(t, err.Error(), c.path, c.field)
	}
	_, err := eligibility.DecodeCaseFile([]byte(`{"format":"eligo.case/v1","policy":{"id":"p","rules":[{"id":"r","kind":"ownership","match_names":0.9,"restricted":{"entities":["x"]},"threshold":50,"inclusive":true,"indirect":"direct"}]}}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "does not apply to an ownership rule")
}

func mustDay(t *testing.T, s string) eligibility.Date {
	var d eligibility.Date
	require.NoError(t, d.UnmarshalText([]byte(s)))
	return d
}
