package dates

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestISO(t *testing.T) {
	cases := []struct {
		reason, in, want string
		prec             Precision
		bad              bool
	}{
		{"a day", "2017-11-01", "2017-11-01", Day, false},
		{"a GLEIF date-time is its UTC day", "2023-05-18T08:47:10.570Z", "2023-05-18", Day, false},
		{"a date-time with an offset moves to its UTC day", "2023-05-18T01:00:00+02:00", "2023-05-17", Day, false},
		{"a month rounds to its first day", "1965-11", "1965-11-01", Month, false},
		{"a year rounds to 1 January", "1965", "1965-01-01", Year, false},
		{"no such day", "2021-02-30", "", Day, true},
		{"not a date", "soon", "", Day, true},
	}
	for _, c := range cases {
		d, p, err := ISO(c.in)
		if c.bad {
			assert.Error(t, err, c.reason)
			continue
		}
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.want, d.String(), c.reason)
		assert.Equal(t, c.prec, p, c.reason)
	}
}

func TestDMY(t *testing.T) {
	d, err := DMY("03 Jun 2021")
	require.NoError(t, err)
	assert.Equal(t, "2021-06-03", d.String())
	_, err = DMY("June 2021")
	assert.Error(t, err)
}
