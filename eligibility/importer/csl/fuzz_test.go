package csl

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/eligo/eligo/eligibility"
)

// FuzzImport feeds arbitrary bytes to the importer: it must not panic, and it must
// account for every row after the header.
//
// The fuzzer minimizes every input that reaches new code, by default for up to a minute
// each, which can leave no time for fuzzing in a short run; bound it:
//
//	go test -run XXX -fuzz FuzzImport -fuzztime 10s -fuzzminimizetime 200x
func FuzzImport(f *testing.F) {
	for _, name := range []string{"csl-2023/csl.csv", "csl-2025/consolidated.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > 6000 {
			b = b[:6000]
		}
		f.Add(b)
	}
	f.Add([]byte(header + `"a","Entity List (EL) - Bureau of Industry and Security","","","","A","","x, RU","","2020-01-01","2019-01-01","","","","","","","","Georgia","","(Linked To: A (B)","","","RU","","IR","","","Passport, 1, XX; Legal Entity Number, 2"` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, rep, err := Import(bytes.NewReader(data), Options{})
		if err != nil {
			return // no header: the one fatal error
		}
		if rep.Records != rep.Imported+rep.Skipped() {
			t.Fatalf("records %d != imported %d + skipped %d", rep.Records, rep.Imported, rep.Skipped())
		}
		_, _ = eligibility.NewWorld(res.WorldData)
	})
}
