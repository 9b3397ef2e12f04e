package eligibility_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/ownership"
	"github.com/stretchr/testify/require"
)

// sameWithoutReach requires that subject gets byte-identical decisions from p and from p
// without the Reach of its ownership rules, and reports whether the Reach left it out.
func sameWithoutReach(t *testing.T, w *eligibility.World, p, unscreened *eligibility.CompiledPolicy, subject string, at eligibility.Date) bool {
	t.Helper()
	want, err := eligibility.Evaluate(w, unscreened, subject, at)
	got, err2 := eligibility.Evaluate(w, p, subject, at)
	require.Equal(t, err, err2)
	if err != nil {
		return false
	}
	wb, _ := want.MarshalJSON()
	gb, _ := got.MarshalJSON()
	require.Equal(t, string(wb), string(gb), "%s at %s", subject, at)
	return eligibility.ScreenedOut(p, subject)
}

// TestReachChangesNothing checks that the Reach Compile computes for each ownership rule
// changes no decision: on every entity of every conformance case file, at each question's
// date, and on a generated world of 10,000 entities under the seed policy.
func TestReachChangesNothing(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out, asked := 0, 0
	for _, f := range files {
		cf, w, p := loadCase(t, f)
		unscreened := eligibility.Unscreened(p)
		for _, q := range cf.Questions {
			for _, e := range cf.Entities {
				asked++
				if sameWithoutReach(t, w, p, unscreened, e.ID, q.At) {
					out++
				}
			}
		}
	}
	t.Logf("case files: %d of %d answers screened out", out, asked)
	require.Positive(t, out)

	d, _ := synthWorld(t, 10_000)
	w, err := eligibility.NewWorld(d)
	require.NoError(t, err)
	p, err := eligibility.Compile(preset.Seed(nil, "synthetic-list"), w)
	require.NoError(t, err)
	unscreened := eligibility.Unscreened(p)
	rng := rand.New(rand.NewPCG(5, 6))
	out, asked = 0, 0
	for i := 0; i < 3000; i++ {
		at := ownership.MustParseDate("2020-01-01") + eligibility.Date(rng.IntN(3000))
		asked++
		if sameWithoutReach(t, w, p, unscreened, fmt.Sprintf("e%07d", rng.IntN(10_000)), at) {
			out++
		}
	}
	t.Logf("generated world: %d of %d answers screened out", out, asked)
	require.Greater(t, out, asked/5)
}
