package resolve

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// This file reads the two real lists under testdata (see testdata/PROVENANCE.md) with
// just enough of their formats for the tests: names, aliases, identifiers. The project's
// importers live elsewhere; these readers must not depend on them.

// listEntry is one entry of a real list: names[0] is its primary name, the rest its aliases.
type listEntry struct {
	key   string
	kind  string // individual, entity, vessel, aircraft (SDN), or the CSL's type column
	names []string
	ids   []ID
}

func (e listEntry) record() Record { return Record{Key: e.key, Names: e.names, IDs: e.ids} }

func records(es []listEntry) []Record {
	out := make([]Record, len(es))
	for i, e := range es {
		out[i] = e.record()
	}
	return out
}

// cp1252 maps the bytes 0x80..0x9F of Windows-1252 to Unicode; the other bytes are
// Latin-1. Undefined bytes map to U+FFFD.
var cp1252 = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
}

func decodeCP1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// readLegacyOFAC reads an OFAC legacy CSV: no header, Windows-1252, "-0-" for empty, a
// trailing 0x1A.
func readLegacyOFAC(tb testing.TB, path string) [][]string {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	raw = bytes.TrimRight(raw, "\x1a\r\n")
	r := csv.NewReader(strings.NewReader(decodeCP1252(raw)))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	var rows [][]string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		for i, f := range row {
			if f = strings.TrimSpace(f); f == "-0-" {
				f = ""
			}
			row[i] = f
		}
		rows = append(rows, row)
	}
	return rows
}

var (
	sdnOnce sync.Once
	sdnData []listEntry
	cslOnce sync.Once
	cslData []listEntry
	cslBad  int // truncated CSL rows skipped
)

// loadSDN returns the 2021 SDN list: sdn.csv joined with the aliases of alt.csv.
func loadSDN(tb testing.TB) []listEntry {
	tb.Helper()
	sdnOnce.Do(func() {
		dir := filepath.Join("..", "importer", "ofac", "testdata", "sdn-2021")
		at := map[string]int{}
		for _, row := range readLegacyOFAC(tb, filepath.Join(dir, "sdn.csv")) {
			if len(row) < 3 || row[0] == "" || row[1] == "" {
				tb.Fatalf("sdn.csv: bad row %q", row)
			}
			kind := row[2]
			if kind == "" {
				kind = "entity"
			}
			at[row[0]] = len(sdnData)
			sdnData = append(sdnData, listEntry{key: "sdn:" + row[0], kind: kind, names: []string{row[1]}})
		}
		for _, row := range readLegacyOFAC(tb, filepath.Join(dir, "alt.csv")) {
			if len(row) < 4 {
				tb.Fatalf("alt.csv: bad row %q", row)
			}
			i, ok := at[row[0]]
			if !ok {
				tb.Fatalf("alt.csv: alias of unknown entry %s", row[0])
			}
			if row[3] != "" {
				sdnData[i].names = append(sdnData[i].names, row[3])
			}
		}
	})
	return sdnData
}

// cslSchemes maps the CSL's identifier types to schemes; other types are not identifiers
// of the entity (dates, websites, tickers, passports of persons are left out).
var cslSchemes = map[string]string{
	"Legal Entity Number":               SchemeLEI,
	"Unified Social Credit Code (USCC)": SchemeUSCC,
	"ISIN":                              SchemeISIN,
	"SWIFT/BIC":                         SchemeBIC,
	"Registration ID":                   "registration",
	"Registration Number":               "registration",
	"Tax ID No.":                        "tax",
}

// loadCSL returns the 2023 Consolidated Screening List sample: 29 columns with a header,
// the header repeated on line 2, the last record cut off (skipped, counted in cslBad).
func loadCSL(tb testing.TB) []listEntry {
	tb.Helper()
	cslOnce.Do(func() {
		f, err := os.Open(filepath.Join("..", "importer", "csl", "testdata", "csl-2023", "csl.csv"))
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		header, err := r.Read()
		if err != nil {
			tb.Fatal(err)
		}
		col := map[string]int{}
		cslAt := map[string]int{}
		for i, h := range header {
			col[h] = i
		}
		for {
			row, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				tb.Fatal(err)
			}
			if len(row) != len(header) {
				cslBad++
				continue
			}
			if row[0] == "_id" {
				continue
			}
			for i := range row {
				if !utf8.ValidString(row[i]) {
					tb.Fatalf("csl.csv: invalid UTF-8 in %q", row[i])
				}
			}
			e := listEntry{key: "csl:" + row[col["_id"]], kind: strings.ToLower(row[col["type"]]),
				names: []string{strings.TrimSpace(row[col["name"]])}}
			for _, a := range strings.Split(row[col["alt_names"]], ";") {
				if a = strings.TrimSpace(a); a != "" {
					e.names = append(e.names, a)
				}
			}
			for _, part := range strings.Split(row[col["ids"]], ";") {
				fields := strings.Split(strings.TrimSpace(part), ", ")
				scheme, ok := cslSchemes[fields[0]]
				if !ok || len(fields) < 2 {
					continue
				}
				id := ID{Scheme: scheme, Value: fields[1]}
				if len(fields) >= 3 && len(fields[2]) == 2 {
					id.Jurisdiction = fields[2]
				}
				e.ids = append(e.ids, id)
			}
			// The same OFAC entity number on two lists (SSI and NS-MBS, SDN and PLC) is one
			// entity: merge the rows.
			if i, ok := cslAt[e.key]; ok {
				cslData[i].names = append(cslData[i].names, e.names...)
				cslData[i].ids = append(cslData[i].ids, e.ids...)
				continue
			}
			cslAt[e.key] = len(cslData)
			cslData = append(cslData, e)
		}
	})
	return cslData
}
