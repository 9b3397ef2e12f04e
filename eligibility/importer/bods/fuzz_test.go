package bods

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eligo/eligo/eligibility"
)

// FuzzImport feeds arbitrary bytes to the importer: it must not panic, and it must
// account for every statement it reads.
//
// The fuzzer minimizes every input that reaches new code, by default for up to a minute
// each, which can leave no time for fuzzing in a short run; bound it:
//
//	go test -run XXX -fuzz FuzzImport -fuzztime 10s -fuzzminimizetime 200x
func FuzzImport(f *testing.F) {
	// Small seeds: the fuzzer minimizes every new input, which costs a run per byte tried.
	for _, name := range []string{"bods-package-entity-owning-entity.json", "indirect-ownership.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "examples", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(syntheticBODS(1))
	f.Add([]byte(`{"recordId":"a","recordType":"entity","recordDetails":{"name":"\ud800"}}` + "\n" + `{"recordId":"r","recordType":"relationship","recordDetails":{"subject":"a","interestedParty":{"reason":"x"},"interests":[{"share":{"exact":1e400}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, rep, err := Import(bytes.NewReader(data), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Records != rep.Imported+rep.Skipped() {
			t.Fatalf("records %d != imported %d + skipped %d", rep.Records, rep.Imported, rep.Skipped())
		}
		_, _ = eligibility.NewWorld(res.WorldData)
	})
}

// FuzzParseStatement checks the hand-written reader against encoding/json: whenever
// encoding/json reads a statement, the reader reads the same statement.
func FuzzParseStatement(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "examples", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		var stmts []json.RawMessage
		if err := json.Unmarshal(b, &stmts); err != nil {
			f.Fatal(err)
		}
		for _, s := range stmts {
			f.Add([]byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var ref refStatement
		if err := json.Unmarshal(data, &ref); err != nil || hasRepeatedKeys(data) {
			return // encoding/json merges repeated keys into earlier values; BODS has none
		}
		want := ref.statement()
		var got statement
		if err := parseStatement(data, &got); err != nil {
			t.Fatalf("encoding/json reads %q, the reader fails: %v", data, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%q:\nencoding/json %+v\nreader        %+v", data, want, got)
		}
	})
}

// hasRepeatedKeys reports whether some object of data repeats a key (without regard to
// case, as encoding/json matches them).
func hasRepeatedKeys(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		obj  bool
		keys map[string]bool
		key  bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				if top != nil && top.obj {
					top.key = true
				}
				stack = append(stack, &frame{obj: true, keys: map[string]bool{}, key: true})
			case '[':
				if top != nil && top.obj {
					top.key = true
				}
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if top != nil && top.obj && top.key {
				k := strings.ToLower(v)
				if top.keys[k] {
					return true
				}
				top.keys[k] = true
				top.key = false
				continue
			}
			if top != nil && top.obj {
				top.key = true
			}
		default:
			if top != nil && top.obj {
				top.key = true
			}
		}
	}
}
