package eligibility

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDecodeCaseFile checks that DecodeCaseFile never panics, that a rejection is always a
// *ValidationError naming at least one problem, and that whatever it accepts encodes to a
// document that decodes to an equal CaseFile. The seed corpus is every case file under
// testdata plus a few hostile fragments.
func FuzzDecodeCaseFile(f *testing.F) {
	paths := append(caseFilePaths(f), filepath.Join("testdata", "casefile", "full.json"),
		filepath.Join("testdata", "casefile", "many-problems.json"))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		``,
		`{}`,
		cfDoc(`"policy":{"id":"p"}`),
		cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":{"min":1e1,"max":1E+1}}]`),
		cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":-0x1}]`),
		cfWorld(`"entities":[{"id":"\ud83d\ude00\u0000","jurisdictions":{"operations":["CN-HK","US-PR"]}}]`),
		cfRules(`{"id":"r",` + cfOwnRule + `,"in_effect":[],"controls":{"option":"ignore"}}`),
		cfWorld(`"entities":` + strings.Repeat("[", 70)),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cf, err := DecodeCaseFile(data)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || len(ve.Problems) == 0 {
				t.Fatalf("DecodeCaseFile: unexpected error %T %v", err, err)
			}
			return
		}
		if cf == nil {
			t.Fatal("DecodeCaseFile: nil case file and nil error")
		}
		assertCaseFileRoundTrip(t, cf)
	})
}
