package resolve

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckID(t *testing.T) {
	cases := []struct {
		id     ID
		ok     bool
		reason string
	}{
		{ID{"lei", "5493001KJTIIGC8Y1R12", ""}, true, "the LEI of the case-file spec"},
		{ID{"LEI", "5493 001k jtii gc8y 1r12", ""}, true, "scheme and value are canonicalised first"},
		{ID{"lei", "5493001KJTIIGC8Y1R13", ""}, false, "wrong check digits"},
		{ID{"lei", "5493001KJTIIGC8Y1R1", ""}, false, "19 characters"},
		{ID{"lei", "5493001KJTIIGC8Y1RAB", ""}, false, "letters in the check digits"},
		{ID{"uscc", "9111000071093019X7", "CN"}, true, "China Telecom's USCC, from the CSL"},
		{ID{"uscc", "9111000071093019X8", ""}, false, "wrong check character"},
		{ID{"uscc", "9111000071093019I7", ""}, false, "I is not in the USCC alphabet"},
		{ID{"isin", "US0378331005", ""}, true, "a valid ISIN"},
		{ID{"isin", "CND10002K094", ""}, false, "a CSL ISIN with a wrong check digit"},
		{ID{"isin", "BRC1EODR004", ""}, false, "a CSL ISIN one character short"},
		{ID{"bic", "DEUTDEFF", ""}, true, "8-character BIC"},
		{ID{"bic", "DEUTDEFF500", ""}, true, "11-character BIC"},
		{ID{"bic", "DEU1DEFF", ""}, false, "a digit in the bank code"},
		{ID{"imo", "IMO 9074729", ""}, true, "an IMO number with its prefix"},
		{ID{"imo", "9074728", ""}, false, "wrong IMO check digit"},
		{ID{"ru-ogrn", "1027739609391", "RU"}, true, "a national scheme with its jurisdiction"},
		{ID{"ru-ogrn", "1027739609391", ""}, false, "a national scheme needs a jurisdiction"},
		{ID{"", "x", ""}, false, "empty scheme"},
		{ID{"lei", " - ", ""}, false, "empty value after canonicalisation"},
	}
	for _, c := range cases {
		err := CheckID(c.id)
		if c.ok {
			assert.NoError(t, err, c.reason)
		} else {
			assert.ErrorIs(t, err, ErrIdentifier, c.reason)
		}
	}
}

func TestCanonicalID(t *testing.T) {
	assert.Equal(t, ID{"lei", "5493001KJTIIGC8Y1R12", ""}, ID{" LEI ", "５４９３-001kjtiigc8y1r12", "US"}.Canonical(),
		"global scheme: jurisdiction dropped, full-width digits narrowed, punctuation removed")
	assert.Equal(t, ID{"tax", "CHE309842573", "CH"}, ID{"Tax", "CHE-309.842.573", "ch"}.Canonical())
	assert.Equal(t, "tax:CH:1", ID{"tax", "1", "CH"}.String())
	assert.True(t, ID{Scheme: "ISIN"}.Global())
	assert.False(t, ID{Scheme: "registration"}.Global())
}

// TestCSLIdentifiers checks every LEI, USCC and ISIN of the CSL sample: each validates or
// is reported as malformed, and the counts are these.
func TestCSLIdentifiers(t *testing.T) {
	type count struct{ valid, malformed int }
	got := map[string]count{}
	var bad []string
	for _, e := range loadCSL(t) {
		for _, id := range e.ids {
			c := got[id.Scheme]
			if err := CheckID(id); err != nil {
				require.ErrorIs(t, err, ErrIdentifier)
				c.malformed++
				if id.Global() {
					bad = append(bad, id.String())
				}
			} else {
				c.valid++
			}
			got[id.Scheme] = c
		}
	}
	assert.Equal(t, count{9, 0}, got[SchemeLEI], "LEIs")
	assert.Equal(t, count{58, 0}, got[SchemeUSCC], "USCCs")
	assert.Equal(t, count{162, 3}, got[SchemeISIN], "ISINs")
	assert.Equal(t, count{37, 0}, got[SchemeBIC], "BICs")
	slices.Sort(bad)
	assert.Equal(t, []string{"isin:BRC1EODR004", "isin:CND10002G601", "isin:CND10002K094"}, bad)

	// Build reports the same ones as warnings, and still indexes them as written.
	ix, err := Build(records(loadCSL(t)))
	require.NoError(t, err)
	var warned []string
	for _, w := range ix.Warnings() {
		if w.Err != nil && slices.Contains(bad, w.Value) {
			warned = append(warned, w.Value)
		}
	}
	slices.Sort(warned)
	assert.Equal(t, bad, warned)
	res, err := ix.Match(Query{IDs: []ID{{Scheme: "isin", Value: "CND10002K094"}}})
	require.NoError(t, err)
	assert.Len(t, res.IDMatches, 1, "a malformed identifier still matches the same value")
	assert.Len(t, res.Problems, 1, "and the query is told it is malformed")
}
