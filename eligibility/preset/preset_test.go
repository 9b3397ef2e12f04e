package preset_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/ownership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// casesDir holds the public conformance cases, shared with the eligibility tests.
const casesDir = "../testdata/cases"

func load(t *testing.T, path string) (*eligibility.CaseFile, *eligibility.World) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	cf, err := eligibility.DecodeCaseFile(data)
	require.NoError(t, err)
	w, err := eligibility.NewWorld(cf.WorldData())
	require.NoError(t, err)
	return cf, w
}

// TestPresetsOnRegulatorsExamples replaces each regulator's worked example's own policy
// with the preset for that regime and checks the regulator's answer still comes out.
func TestPresetsOnRegulatorsExamples(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(casesDir, "regulators.expected.json"))
	require.NoError(t, err)
	var expected map[string]struct{ Verdict, Why string }
	require.NoError(t, json.Unmarshal(raw, &expected))
	cases := []struct {
		prefix string
		policy func(lists ...string) eligibility.Policy
		reason string
	}{
		{"ofac-faq401", preset.OFAC50, "OFAC FAQ 401's examples are the 50 Percent Rule"},
		{"ofac-faq398", preset.OFAC50, "FAQ 398: control alone does not block"},
		{"ofac-2014", preset.OFAC50, "the 2014 guidance's aggregation example"},
		{"derived-ofac", preset.OFAC50, "cycles and remainders under the OFAC rule"},
		{"bis-", preset.BISAffiliates, "the Affiliates Rule's branch FAQ and its suspension"},
		{"eu-", preset.EUOwnershipControl, "Commission FAQ 8's aggregation"},
		{"uk-", preset.UKOFSI, "OFSI 4.14 and the joint-arrangement paragraph"},
	}
	n := 0
	for name, exp := range expected {
		for _, c := range cases {
			if !strings.HasPrefix(name, c.prefix) {
				continue
			}
			cf, w := load(t, filepath.Join(casesDir, "regulators", name+".json"))
			var lists []string
			for _, l := range cf.Lists {
				lists = append(lists, l.ID)
			}
			p, err := eligibility.Compile(c.policy(lists...), w)
			require.NoError(t, err)
			for _, q := range cf.Questions {
				d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
				require.NoError(t, err)
				assert.Equal(t, exp.Verdict, d.Verdict.String(), "%s (%s): %s\n%s", name, c.reason, exp.Why, d.Explain())
				n++
			}
		}
	}
	assert.GreaterOrEqual(t, n, 12)
}

// TestSeedOnSeedCases checks the seed preset against the public seed-policy cases.
func TestSeedOnSeedCases(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(casesDir, "seed-policy.expected.json"))
	require.NoError(t, err)
	var expected map[string]struct{ Verdict string }
	require.NoError(t, json.Unmarshal(raw, &expected))
	cf, w := load(t, filepath.Join(casesDir, "seed-policy", "seed-policy-regions.json"))
	p, err := eligibility.Compile(preset.Seed(nil, "us-dod-1260h"), w)
	require.NoError(t, err)
	for _, q := range cf.Questions {
		d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
		require.NoError(t, err)
		key := "seed-policy-regions|" + q.Subject + "|" + q.At.String()
		assert.Equal(t, expected[key].Verdict, d.Verdict.String(), "%s\n%s", key, d.Explain())
	}
}

// TestBISSuspension checks the Affiliates Rule's dates: in force, suspended, back.
func TestBISSuspension(t *testing.T) {
	cf, w := load(t, filepath.Join(casesDir, "regulators", "bis-suspended-affiliate.json"))
	p, err := eligibility.Compile(preset.BISAffiliates("bis-entity-list"), w)
	require.NoError(t, err)
	subject := cf.Questions[0].Subject
	for _, c := range []struct{ at, want, reason string }{
		{"2025-09-28", "allow", "the day before the rule"},
		{"2025-10-15", "deny", "in force"},
		{"2025-11-10", "allow", "first day of the suspension"},
		{"2026-11-09", "allow", "last day of the suspension"},
		{"2026-11-10", "deny", "back in force"},
	} {
		d, err := eligibility.Evaluate(w, p, subject, mustDate(t, c.at))
		require.NoError(t, err)
		assert.Equal(t, c.want, d.Verdict.String(), c.reason)
	}
}

func mustDate(t *testing.T, s string) eligibility.Date {
	var d eligibility.Date
	require.NoError(t, d.UnmarshalText([]byte(s)))
	return d
}

// TestEUThresholdSwitch checks that exactly 50% is owned from 2024-07-03 and not before.
func TestEUThresholdSwitch(t *testing.T) {
	w, err := eligibility.NewWorld(eligibility.WorldData{
		Entities: []eligibility.Entity{{ID: "L"}, {ID: "E"}},
		Stakes:   []eligibility.Stake{{Owner: "L", Owned: "E", Share: exact(50)}},
		Lists:    []eligibility.List{{ID: "eu", Entries: []eligibility.Entry{{Entity: "L"}}}},
	})
	require.NoError(t, err)
	p, err := eligibility.Compile(preset.EUOwnershipControl("eu"), w)
	require.NoError(t, err)
	for _, c := range []struct{ at, want string }{{"2024-07-02", "allow"}, {"2024-07-03", "deny"}} {
		d, err := eligibility.Evaluate(w, p, "E", mustDate(t, c.at))
		require.NoError(t, err)
		assert.Equal(t, c.want, d.Verdict.String(), c.at)
	}
}

func exact(n int) ownership.Range {
	p := eligibility.Percent(n) * 1_000_000
	return ownership.Exact(p)
}
