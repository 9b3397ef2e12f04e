package gleif

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/eligo/eligo/eligibility"
)

// FuzzImport feeds arbitrary bytes to each of the three readers: no panic, and every
// record read is accounted for.
//
// The fuzzer minimizes every input that reaches new code, by default for up to a minute
// each, which can leave no time for fuzzing in a short run; bound it:
//
//	go test -run XXX -fuzz FuzzImport -fuzztime 10s -fuzzminimizetime 200x
func FuzzImport(f *testing.F) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	// Small seeds: the fuzzer minimizes every input that finds new code, at a run per byte
	// tried, so large seeds leave it no time to fuzz. One record of each file.
	upTo := func(b []byte, end string) []byte {
		if j := bytes.Index(b, []byte(end)); j >= 0 {
			return b[:j+len(end)]
		}
		return b
	}
	f.Add(upTo(read("fixture/rr.xml"), "</rr:RelationshipRecord>"), upTo(read("sample-2023/lei-data.xml"), "</lei:LEIRecord>"), upTo(read("fixture/repex.xml"), "</repex:Exception>"))
	f.Add([]byte(`<RelationshipRecord><Relationship><StartNode><NodeID>ELIGOTESTCHILDA00034</NodeID></StartNode><EndNode><NodeID>ELIGOTESTPARENTB0016</NodeID></EndNode><RelationshipType>IS_INTERNATIONAL_BRANCH_OF</RelationshipType><RelationshipStatus>INACTIVE</RelationshipStatus></Relationship></RelationshipRecord>`),
		[]byte(`<LEIRecord><LEI>ELIGOTESTCHILDA00034</LEI><Entity><LegalName>A</LegalName><LegalJurisdiction>US-DE</LegalJurisdiction><EntityCategory>BRANCH</EntityCategory><HeadquartersAddress><Country>US</Country><Region>US-NY</Region></HeadquartersAddress></Entity></LEIRecord>`),
		[]byte(`<Exception><LEI>ELIGOTESTCHILDA00034</LEI><ExceptionCategory>DIRECT_ACCOUNTING_CONSOLIDATION_PARENT</ExceptionCategory><ExceptionReason>NATURAL_PERSONS</ExceptionReason></Exception>`))
	f.Fuzz(func(t *testing.T, rr, lei, repex []byte) {
		res, rep, err := Import(Files{Relationships: bytes.NewReader(rr), Entities: bytes.NewReader(lei), Exceptions: bytes.NewReader(repex)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Records != rep.Imported+rep.Skipped() {
			t.Fatalf("records %d != imported %d + skipped %d", rep.Records, rep.Imported, rep.Skipped())
		}
		_, _ = eligibility.NewWorld(res.WorldData)
	})
}
