package textenc

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWindows1252(t *testing.T) {
	cases := []struct {
		reason string
		in     []byte
		want   string
	}{
		{"ASCII is returned as is", []byte("ABC, d"), "ABC, d"},
		{"Latin-1 range maps to the same code points", []byte{'C', 'a', 'f', 0xE9}, "Café"},
		{"0x80–0x9F follow the Windows table: euro, curly quotes, dashes", []byte{0x80, 0x93, 'x', 0x94, 0x96}, "€“x”–"},
		{"undefined bytes map to C1 controls, not lost", []byte{0x81, 0x8D}, "\u0081\u008D"},
		{"Š and ž from the 0x8A/0x9E slots", []byte{0x8A, 0x9E}, "Šž"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Windows1252(c.in), c.reason)
	}
}

func TestLegacy(t *testing.T) {
	cases := []struct {
		reason string
		in     []byte
		want   string
	}{
		{"Windows-1252 text that is not valid UTF-8", []byte{'N', 0xFA, 'n', 'e', 'z'}, "Núnez"},
		{"a UTF-8 copy is kept as UTF-8", []byte("Núnez"), "Núnez"},
		{"a BOM is dropped", append([]byte{0xEF, 0xBB, 0xBF}, "x"...), "x"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, string(Legacy(c.in)), c.reason)
	}
}

func TestTrimEOF(t *testing.T) {
	assert.Equal(t, "a\r\n", string(TrimEOF([]byte("a\r\n\x1a"))), "the 0x1A marker goes")
	assert.Equal(t, "a\r\n", string(TrimEOF([]byte("a\r\n\x1a\r\n"))), "a line break after the marker goes too")
	assert.Equal(t, "a\n", string(TrimEOF([]byte("a\n"))), "no marker: nothing changes")
	assert.Equal(t, "", string(TrimEOF(nil)), "empty input")
}

func TestReadAll(t *testing.T) {
	b, err := ReadAll(strings.NewReader("abc"))
	assert.NoError(t, err)
	assert.Equal(t, "abc", string(b), "a reader that tells its length")
	b, err = ReadAll(io.MultiReader(strings.NewReader("a"), strings.NewReader("bc")))
	assert.NoError(t, err)
	assert.Equal(t, "abc", string(b), "one that does not")
}
