package ownership

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDateText(t *testing.T) {
	for _, s := range []string{"0001-01-01", "0004-02-29", "0100-03-01", "1900-02-28", "1900-03-01",
		"1970-01-01", "1999-12-31", "2000-02-29", "2000-03-01", "2024-02-29", "2026-03-01",
		"2100-02-28", "9999-12-31"} {
		d := MustParseDate(s)
		require.Equal(t, s, d.String())
		require.Equal(t, "x"+s, string(d.AppendText([]byte("x"))))
	}
	require.Equal(t, "", Date(0).String())
}

// TestDateTextMatchesTime holds every day's text to the time package's, and to ParseDate.
func TestDateTextMatchesTime(t *testing.T) {
	first, last := MustParseDate("0001-01-01"), MustParseDate("9999-12-31")
	for d := first; d <= last; d += 7 {
		s := d.String()
		require.Equal(t, d.Time().Format(time.DateOnly), s)
		back, err := ParseDate(s)
		require.NoError(t, err)
		require.Equal(t, d, back)
	}
}

func BenchmarkDateAppendText(b *testing.B) {
	d := MustParseDate("2026-03-01")
	var buf [16]byte
	for b.Loop() {
		_ = d.AppendText(buf[:0])
	}
}
