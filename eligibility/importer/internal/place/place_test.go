package place

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/jurisdiction"
)

func TestCountry(t *testing.T) {
	cases := []struct {
		reason string
		in     string
		want   string
		err    error
	}{
		{"an alpha-2 code", "RU", "RU", nil},
		{"an OFAC country name with an inverted form", "Korea, North", "KP", nil},
		{"a name ambiguous with a US state is the country in a country field", "Georgia", "GE", nil},
		{"a name that names nothing is an error, not a guess", "undetermined", "", jurisdiction.ErrUnknown},
		{"a withdrawn country is an error", "Netherlands Antilles", "", jurisdiction.ErrWithdrawn},
		{"surrounding spaces are ignored", " Iran ", "IR", nil},
	}
	var r Resolver
	for _, c := range cases {
		for range 2 { // the second time from the cache
			got, err := r.Country(c.in)
			if c.err != nil {
				require.Error(t, err, c.reason)
				assert.True(t, errors.Is(err, c.err), c.reason)
				continue
			}
			require.NoError(t, err, c.reason)
			assert.Equal(t, c.want, got.String(), c.reason)
		}
	}
}

func TestCode(t *testing.T) {
	var r Resolver
	c, err := r.Code("US-DE")
	require.NoError(t, err)
	assert.Equal(t, "US-DE", c.String(), "an ISO 3166-2 code is taken as is")
	c, err = r.Code("Finland")
	require.NoError(t, err)
	assert.Equal(t, "FI", c.String(), "a name falls back to name parsing")
}
