package eligibility_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden decision files")

type expectation struct {
	Verdict string `json:"verdict"`
	Why     string `json:"why"`
	Source  string `json:"source"`
}

// loadCase decodes the case file at path and builds its world and policy.
func loadCase(t *testing.T, path string) (*eligibility.CaseFile, *eligibility.World, *eligibility.CompiledPolicy) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	cf, err := eligibility.DecodeCaseFile(data)
	require.NoError(t, err, path)
	w, err := eligibility.NewWorld(cf.WorldData())
	require.NoError(t, err, path)
	p, err := eligibility.Compile(cf.Policy, w)
	require.NoError(t, err, path)
	return cf, w, p
}

// TestConformance runs every public conformance case (copied from the project's shared
// cases into testdata/cases) through the library and compares verdicts.
func TestConformance(t *testing.T) {
	for _, set := range []string{"regulators", "seed-policy", "random"} {
		t.Run(set, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "cases", set+".expected.json"))
			require.NoError(t, err)
			var expected map[string]expectation
			require.NoError(t, json.Unmarshal(raw, &expected))
			files, err := filepath.Glob(filepath.Join("testdata", "cases", set, "*.json"))
			require.NoError(t, err)
			require.NotEmpty(t, files)
			seen := 0
			for _, f := range files {
				name := strings.TrimSuffix(filepath.Base(f), ".json")
				cf, w, p := loadCase(t, f)
				for _, q := range cf.Questions {
					d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
					require.NoError(t, err)
					key := name
					if len(cf.Questions) > 1 {
						key = name + "|" + q.Subject + "|" + q.At.String()
					}
					exp, ok := expected[key]
					require.True(t, ok, "no expectation for %s", key)
					seen++
					assert.Equal(t, exp.Verdict, d.Verdict.String(), "%s: %s\n%s", key, exp.Why, d.Explain())
				}
			}
			assert.Equal(t, len(expected), seen, "every expectation is checked")
		})
	}
}

// TestGoldenDecisions pins the JSON of the regulators' and the seed policy's decisions, so
// that a change of the output format or of the evidence is seen in review. Run with
// -update to rewrite.
func TestGoldenDecisions(t *testing.T) {
	for _, set := range []string{"regulators", "seed-policy"} {
		files, err := filepath.Glob(filepath.Join("testdata", "cases", set, "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			cf, w, p := loadCase(t, f)
			var out strings.Builder
			for _, q := range cf.Questions {
				d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
				require.NoError(t, err)
				b := indentJSON(t, d)
				out.Write(b)
				out.WriteString("\n")
				out.WriteString(d.Explain())
				// determinism: the same question twice gives the same bytes
				d2, err := eligibility.Evaluate(w, p, q.Subject, q.At)
				require.NoError(t, err)
				require.Equal(t, string(b), string(indentJSON(t, d2)))
			}
			golden := filepath.Join("testdata", "golden", set, filepath.Base(f)+".golden")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(out.String()), 0o644))
				continue
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -run TestGoldenDecisions -update")
			assert.Equal(t, string(want), out.String(), golden)
		}
	}
}

func indentJSON(t *testing.T, d eligibility.Decision) []byte {
	raw, err := d.MarshalJSON()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, json.Indent(&buf, raw, "", "  "))
	return buf.Bytes()
}
