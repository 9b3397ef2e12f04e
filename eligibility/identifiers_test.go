package eligibility

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckIdentifier(t *testing.T) {
	cases := []struct {
		id     Identifier
		ok     bool
		reason string
	}{
		{Identifier{"lei", "5493001KJTIIGC8Y1R12"}, true, "the LEI of the case-file spec's example (Bloomberg's)"},
		{Identifier{"lei", "529900T8BM49AURSDO55"}, true, "a published LEI (GLEIF example)"},
		{Identifier{"lei", "5493001KJTIIGC8Y1R13"}, false, "last check digit changed"},
		{Identifier{"lei", "5493001KJTIIGC8Y1R1"}, false, "19 characters"},
		{Identifier{"lei", "5493001kjtiigc8y1r12"}, false, "lower case is not an LEI"},
		{Identifier{"uscc", "91350100M000100Y43"}, true, "a valid USCC (GB 32100-2015 example)"},
		{Identifier{"uscc", "91350100M000100Y44"}, false, "wrong check character"},
		{Identifier{"uscc", "91350100M000100I43"}, false, "I is not in the alphabet"},
		{Identifier{"isin", "US0378331005"}, true, "other schemes are opaque"},
		{Identifier{"isin", ""}, false, "empty value"},
	}
	for _, c := range cases {
		err := CheckIdentifier(c.id)
		if c.ok {
			assert.NoError(t, err, c.reason)
		} else {
			assert.ErrorIs(t, err, ErrIdentifier, c.reason)
		}
	}
}
