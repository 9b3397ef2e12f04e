package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const cases = "../../eligibility/testdata/cases"

// TestCLIVerdicts runs the CLI on every public case set and compares each line's verdict
// with the expected one, as the acceptance checks do.
func TestCLIVerdicts(t *testing.T) {
	for _, set := range []string{"regulators", "seed-policy", "random"} {
		var out, errb bytes.Buffer
		code := run([]string{filepath.Join(cases, set)}, &out, &errb)
		require.Equal(t, 0, code, errb.String())
		raw, err := os.ReadFile(filepath.Join(cases, set+".expected.json"))
		require.NoError(t, err)
		var expected map[string]struct{ Verdict string }
		require.NoError(t, json.Unmarshal(raw, &expected))
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		perFile := map[string]int{}
		var rows []map[string]any
		for _, l := range lines {
			var row map[string]any
			require.NoError(t, json.Unmarshal([]byte(l), &row), l)
			perFile[row["file"].(string)]++
			rows = append(rows, row)
		}
		for _, row := range rows {
			file := row["file"].(string)
			name := strings.TrimSuffix(filepath.Base(file), ".json")
			key := name
			if perFile[file] > 1 {
				key = name + "|" + row["subject"].(string) + "|" + row["at"].(string)
			}
			assert.Equal(t, expected[key].Verdict, row["verdict"], key)
		}
		assert.Len(t, rows, len(expected), set)
	}
}

func TestCLIExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	bad := write("bad.json", `{"format":"eligo.case/v1","policy":{"id":"p","rules":[]},"stakes":[{"owner":"a","owned":"b","percent":120}]}`)
	typo := write("typo.json", `{"format":"eligo.case/v1","policy":{"id":"p","rules":[],"rulez":1}}`)
	unknown := write("unknown.json", `{"format":"eligo.case/v1","entities":[{"id":"a"}],"policy":{"id":"p","rules":[]},"questions":[{"subject":"zz","at":"2026-01-01"}]}`)
	good := write("good.json", `{"format":"eligo.case/v1","entities":[{"id":"a"}],"policy":{"id":"p","rules":[]},"questions":[{"subject":"a","at":"2026-01-01"}]}`)
	cases := []struct {
		args   []string
		code   int
		stderr string
		reason string
	}{
		{[]string{good}, 0, "", "a valid file"},
		{[]string{bad}, 2, "stakes[0].percent", "an invalid file names the JSON path"},
		{[]string{typo}, 2, "policy.rulez", "a typo in a policy is never ignored"},
		{[]string{unknown}, 2, "questions[0].subject", "an unknown subject"},
		{[]string{filepath.Join(dir, "missing.json")}, 2, "missing.json", "an unreadable file"},
		{[]string{good, bad}, 2, "bad.json", "one bad file among good ones"},
		{nil, 1, "usage", "no arguments is a usage error, neither unreadable nor invalid: exit 1"},
		{[]string{write("garbage.json", "\x00\xff{{{")}, 2, "garbage.json", "garbage never panics"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := run(c.args, &out, &errb)
		assert.Equal(t, c.code, code, c.reason)
		assert.Contains(t, errb.String(), c.stderr, c.reason)
		assert.NotContains(t, errb.String(), "goroutine", c.reason)
	}
}
