package eligibility_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eligo/eligo/eligibility"
)

// FuzzEvaluateCaseFile drives arbitrary case files through the whole pipeline — decode,
// world building, policy compilation, evaluation and JSON — which must never panic, and
// whose errors must name their place; the Reach of its ownership rules changes no answer.
func FuzzEvaluateCaseFile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "cases", "*", "*.json"))
	for i, p := range files {
		if i%8 != 0 {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cf, err := eligibility.DecodeCaseFile(data)
		if err != nil {
			return
		}
		w, err := eligibility.NewWorld(cf.WorldData())
		if err != nil {
			checkPaths(t, err)
			return
		}
		p, err := eligibility.Compile(cf.Policy, w)
		if err != nil {
			checkPaths(t, err)
			return
		}
		// Each question is answered twice, the second time in reverse order, so that the
		// memory Evaluate reuses between calls has held other answers: the bytes must agree.
		first := make([]string, len(cf.Questions))
		for i, q := range cf.Questions {
			d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
			if err != nil {
				continue
			}
			b, err := d.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			first[i] = string(b)
			_ = d.Explain()
		}
		for i := len(cf.Questions) - 1; i >= 0; i-- {
			q := cf.Questions[i]
			d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
			if err != nil {
				continue
			}
			if b, _ := d.MarshalJSON(); string(b) != first[i] {
				t.Fatalf("question %d answered twice differently:\n%s\n%s", i, first[i], b)
			}
		}
		// Without the Reach of the ownership rules, every answer must be the same.
		unscreened := eligibility.Unscreened(p)
		for i, q := range cf.Questions {
			d, err := eligibility.Evaluate(w, unscreened, q.Subject, q.At)
			if (err != nil) != (first[i] == "") {
				t.Fatalf("question %d: error %v without the Reach, answer %q with it", i, err, first[i])
			}
			if err != nil {
				continue
			}
			if b, _ := d.MarshalJSON(); string(b) != first[i] {
				t.Fatalf("question %d answered differently without the Reach:\n%s\n%s", i, first[i], b)
			}
		}
	})
}

func checkPaths(t *testing.T, err error) {
	ve, ok := err.(*eligibility.ValidationError)
	if !ok {
		t.Fatalf("not a ValidationError: %v", err)
	}
	for _, p := range ve.Problems {
		if p.Path == "" {
			t.Fatalf("a problem without a path: %v", p)
		}
	}
}
