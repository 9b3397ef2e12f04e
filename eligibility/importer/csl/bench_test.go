package csl

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkImportCSL2023 imports the 2023 sample (4,228 rows); the target is at most
// 200 ms per import.
func BenchmarkImportCSL2023(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "csl-2023", "csl.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Import(bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
