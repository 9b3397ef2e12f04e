package ofac

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func loadFiles(tb testing.TB, dir string, names [4]string) [4][]byte {
	tb.Helper()
	var out [4][]byte
	for i, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", dir, n))
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = b
	}
	return out
}

var sdnNames = [4]string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}

// BenchmarkImportSDN2021 imports the full 2021 SDN export (8,976 entries); the target is
// at most 150 ms per import.
func BenchmarkImportSDN2021(b *testing.B) {
	f := loadFiles(b, "sdn-2021", sdnNames)
	b.SetBytes(int64(len(f[0]) + len(f[1]) + len(f[2]) + len(f[3])))
	b.ReportAllocs()
	for b.Loop() {
		_, _, err := Import(Files{Primary: bytes.NewReader(f[0]), Addresses: bytes.NewReader(f[1]), Aliases: bytes.NewReader(f[2]), Comments: bytes.NewReader(f[3])}, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
}
