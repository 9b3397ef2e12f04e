// Package textenc decodes the text encodings of the importers' inputs by hand: Windows-1252
// (the OFAC legacy files) and UTF-8 with an optional byte-order mark.
package textenc

import (
	"bytes"
	"io"
	"io/fs"
	"unicode/utf8"
)

// cp1252High maps bytes 0x80–0x9F of Windows-1252 to Unicode as the WHATWG Encoding
// Standard does: the five bytes Windows-1252 leaves undefined map to the C1 control of
// the same value, so that no byte is lost.
var cp1252High = [32]rune{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// Windows1252 decodes b from Windows-1252 to a UTF-8 string. Bytes below 0x80 are ASCII,
// 0xA0–0xFF are Latin-1, and 0x80–0x9F follow the WHATWG table. Plain ASCII input is
// returned without re-encoding. It costs O(len(b)).
func Windows1252(b []byte) string {
	high := 0
	for _, c := range b {
		if c >= 0x80 {
			high++
		}
	}
	if high == 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b)+2*high)
	for _, c := range b {
		switch {
		case c < 0x80:
			out = append(out, c)
		case c < 0xA0:
			out = utf8.AppendRune(out, cp1252High[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return string(out)
}

// Legacy decodes text that should be Windows-1252 but may be a UTF-8 copy: bytes that are
// valid UTF-8 and hold at least one multi-byte sequence are taken as UTF-8 (Windows-1252
// text almost never forms valid UTF-8 sequences), anything else as Windows-1252. A UTF-8
// byte-order mark is dropped. Plain ASCII is the same in both and is returned without a
// copy (the result may share b's memory).
func Legacy(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
		if utf8.Valid(b) {
			return b
		}
	}
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii || utf8.Valid(b) {
		return b
	}
	return []byte(Windows1252(b))
}

// ReadAll reads r to its end, sizing its buffer from r's length when r tells it (a
// bytes.Reader, strings.Reader or file).
func ReadAll(r io.Reader) ([]byte, error) {
	size := 0
	switch v := r.(type) {
	case interface{ Len() int }:
		size = v.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() && st.Size() < 1<<31 {
			size = int(st.Size())
		}
	}
	if size <= 0 {
		return io.ReadAll(r)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+1))
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// UTF8 returns b without a leading byte-order mark. Invalid sequences are kept as they
// are; callers report them where they matter.
func UTF8(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return b
}

// TrimEOF drops the trailing DOS end-of-file marker (0x1A, Ctrl-Z) that OFAC's legacy
// files end with, and any line break or space after it.
func TrimEOF(b []byte) []byte {
	n := len(b)
	for n > 0 && (b[n-1] == '\r' || b[n-1] == '\n' || b[n-1] == ' ') {
		n--
	}
	if n > 0 && b[n-1] == 0x1A {
		return b[:n-1]
	}
	return b
}
