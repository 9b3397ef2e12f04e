package ofac

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/eligo/eligo/eligibility"
)

// FuzzImport feeds arbitrary bytes to every file of an import: it must not panic, and
// whatever it returns must account for every primary record.
//
// The fuzzer minimizes every input that reaches new code, by default for up to a minute
// each, which can leave no time for fuzzing in a short run; bound it:
//
//	go test -run XXX -fuzz FuzzImport -fuzztime 10s -fuzzminimizetime 200x
func FuzzImport(f *testing.F) {
	head := func(name string, n int) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > n {
			b = b[:n]
		}
		return b
	}
	f.Add(head("sdn-2021/sdn.csv", 4000), head("sdn-2021/add.csv", 1000), head("sdn-2021/alt.csv", 1000), head("sdn-2021/sdn_comments.csv", 3000))
	f.Add(head("nonsdn-2025/cons_prim.csv", 4000), head("nonsdn-2025/cons_add.csv", 1000), head("nonsdn-2025/cons_alt.csv", 1000), head("nonsdn-2025/cons_comments.csv", 1000))
	f.Add([]byte("1,\"A\",-0- ,\"SDGT] [IRGC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Linked To: A.; a.k.a. 'B'; nationality Georgia\"\r\n\x1a"), []byte("1,2,-0- ,-0- ,\"Georgia\",-0- "), []byte("1,2,\"aka\",\"A\",-0- "), []byte("1,\"x\""))
	f.Fuzz(func(t *testing.T, prim, add, alt, cmt []byte) {
		for _, cons := range []bool{false, true} {
			res, rep, err := Import(Files{Primary: bytes.NewReader(prim), Addresses: bytes.NewReader(add), Aliases: bytes.NewReader(alt), Comments: bytes.NewReader(cmt)}, Options{Consolidated: cons})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Records != rep.Imported+rep.Skipped() {
				t.Fatalf("records %d != imported %d + skipped %d", rep.Records, rep.Imported, rep.Skipped())
			}
			_, _ = eligibility.NewWorld(res.WorldData)
		}
	})
}
