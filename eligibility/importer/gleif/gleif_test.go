package gleif

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/ownership"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestSample2023(t *testing.T) {
	res, rep, err := Import(Files{
		Relationships: open(t, "sample-2023/rr-data.xml"),
		Entities:      open(t, "sample-2023/lei-data.xml"),
		Exceptions:    open(t, "sample-2023/repex-data.xml"),
	}, Options{})
	require.NoError(t, err)
	assert.Equal(t, 33, rep.Records, "13 LEI records, 10 relationships, 10 exceptions")
	assert.Equal(t, rep.Records, rep.Imported+rep.Skipped())
	assert.Equal(t, 8, rep.Skipped(), "the fund-management and sub-fund relationships")
	assert.Len(t, res.Exceptions, 10)

	var ctrl []string
	for _, c := range res.Controls {
		ctrl = append(ctrl, fmt.Sprintf("%s>%s %s %s", c.Controller, c.Controlled, c.Basis, c.Valid))
	}
	assert.ElementsMatch(t, []string{
		"lei:ZZG38T0MDR3QY1ETUA76>lei:010CMKZ3VON21WF2ZD45 de_facto [2018-02-06, …)",
		"lei:3C7474T6CDKPR9K6YT90>lei:010CMKZ3VON21WF2ZD45 de_facto [2018-02-06, …)",
	}, ctrl, "both consolidation parents, from the relationship period (not the accounting period)")

	w, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)
	e, ok := w.Entity("lei:001GPB6A9XPE8XJICC14")
	require.True(t, ok)
	assert.Equal(t, eligibility.Fund, e.Kind)
	assert.Equal(t, ownership.Partial, e.Disclosure, "a reporting exception marks partial disclosure")
	assert.Contains(t, e.Jurisdictions, eligibility.RoleCode{Role: eligibility.Incorporation, Code: mustCode("US-MA")})
	assert.Contains(t, e.Identifiers, eligibility.Identifier{Scheme: "lei", Value: "001GPB6A9XPE8XJICC14"})
}

func TestFixture(t *testing.T) {
	res, rep, err := Import(Files{Relationships: open(t, "fixture/rr.xml"), Exceptions: open(t, "fixture/repex.xml")}, Options{})
	require.NoError(t, err)
	assert.Equal(t, 8, rep.Records)
	assert.Equal(t, 2, rep.Skipped(), "the feeder relationship and the node that is not an LEI")
	assert.Equal(t, rep.Records, rep.Imported+rep.Skipped())

	var stakes, ctrl []string
	for _, s := range res.Stakes {
		stakes = append(stakes, fmt.Sprintf("%s>%s %s %s", short(s.Owner), short(s.Owned), s.Share, s.Valid))
	}
	for _, c := range res.Controls {
		ctrl = append(ctrl, fmt.Sprintf("%s>%s %s %s", short(c.Controller), short(c.Controlled), c.Basis, c.Valid))
	}
	assert.Equal(t, []string{"PARENTB>CHILDA 75.5 [2015-01-01, …)"}, stakes, "the direct parent's quantifier is a stake; the ultimate one's is not")
	assert.ElementsMatch(t, []string{
		"PARENTB>CHILDA de_facto [2015-01-01, …)",
		"ULTIMATEC>CHILDA de_facto [2015-01-01, …)",
		"PARENTB>INACTIVED de_facto [2010-01-01, 2021-01-01)",
		"PARENTB>INACTIVEE de_facto [2012-03-01, 2022-06-04)",
	}, ctrl, "inactive relationships are kept with their dates; one without an end ends at its last update")

	w, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)
	f, ok := w.Entity("lei:ELIGOTESTBRANCHF0019")
	require.True(t, ok)
	assert.Equal(t, eligibility.Branch, f.Kind)
	assert.Equal(t, "lei:ELIGOTESTPARENTB0016", f.BranchOf)
	b, _ := w.Entity("lei:ELIGOTESTPARENTB0016")
	assert.Equal(t, ownership.Partial, b.Disclosure)
	require.Len(t, res.Exceptions, 1)
	assert.Equal(t, []string{"NATURAL_PERSONS"}, res.Exceptions[0].Reasons)

	// The options choose the basis.
	res, _, err = Import(Files{Relationships: open(t, "fixture/rr.xml")}, Options{ConsolidationBasis: ownership.BoardMajority})
	require.NoError(t, err)
	assert.Equal(t, ownership.BoardMajority, res.Controls[0].Basis)
}

func TestMalformed(t *testing.T) {
	cases := []struct {
		reason            string
		rr                string
		records, imported int
	}{
		{"empty input", "", 0, 0},
		{"a syntax error ends the file, reported", `<a><rr:RelationshipRecord><rr:Relationship>`, 1, 0},
		{"a record of the wrong shape", `<RelationshipRecord><Relationship><StartNode><NodeID>A</NodeID></StartNode></Relationship></RelationshipRecord>`, 1, 0},
	}
	for _, c := range cases {
		res, rep, err := Import(Files{Relationships: strings.NewReader(c.rr)}, Options{})
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.records, rep.Records, c.reason)
		assert.Equal(t, c.imported, rep.Imported, c.reason)
		assert.Equal(t, rep.Records, rep.Imported+rep.Skipped(), c.reason)
		_, err = eligibility.NewWorld(res.WorldData)
		assert.NoError(t, err, c.reason)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, assert.AnError }

func TestReadError(t *testing.T) {
	_, _, err := Import(Files{Entities: failReader{}}, Options{})
	assert.ErrorIs(t, err, assert.AnError)
}

func short(id string) string {
	s := strings.TrimPrefix(id, "lei:ELIGOTEST")
	return strings.TrimRight(s[:len(s)-2], "0")
}
