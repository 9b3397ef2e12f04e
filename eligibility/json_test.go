package eligibility

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/eligo/eligo/ownership"
	"github.com/stretchr/testify/require"
)

// TestAppendJSONMatchesEncodingJSON holds the hand-written encoder to encoding/json's
// output for every decision of the conformance cases, and for awkward strings.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "*.json"))
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		cf, err := DecodeCaseFile(data)
		require.NoError(t, err)
		w, err := NewWorld(cf.WorldData())
		require.NoError(t, err)
		p, err := Compile(cf.Policy, w)
		require.NoError(t, err)
		for _, q := range cf.Questions {
			d, err := Evaluate(w, p, q.Subject, q.At)
			require.NoError(t, err)
			want, err := d.marshalReflect()
			require.NoError(t, err)
			got, err := d.MarshalJSON()
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), f)
			n++
		}
	}
	require.Greater(t, n, 300)
	for _, s := range []string{"", "plain", `quo"te\back`, "tab\tnl\nnul\x00\x1f", "<&>", "bad\xffutf8", "line\u2028sep\u2029", "日本語", "\u00e9"} {
		d := Decision{Subject: s, At: ownership.MustParseDate("2026-01-01"), Verdict: VerdictAllow,
			Reasons: []Reason{{Rule: s, Kind: DesignationRule, Effect: VerdictAllow, Code: CodeNotDesignated, Message: s, Evidence: Evidence{Lists: []string{s}}}}}
		want, err := d.marshalReflect()
		require.NoError(t, err)
		got, _ := d.MarshalJSON()
		require.Equal(t, string(want), string(got), "%q", s)
	}
}

// marshalReflect is the encoding/json form of the decision, which AppendJSON must
// reproduce byte for byte.
func (d Decision) marshalReflect() ([]byte, error) {
	type plain Decision
	if d.Reasons == nil {
		d.Reasons = []Reason{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(plain(d)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
