package importer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindText(t *testing.T) {
	for k := Skipped; k < numKinds; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back, "kinds round-trip as text")
	}
	_, err := Kind(0).MarshalText()
	assert.Error(t, err, "the zero kind is invalid")
	assert.Error(t, new(Kind).UnmarshalText([]byte("nope")))
	assert.Equal(t, "Kind(9)", Kind(9).String())
}

func TestReport(t *testing.T) {
	var r Report
	r.Records = 3
	r.Imported = 2
	r.Skip("sdn.csv", 4, "36", "", "", "bad row")
	r.Add(Issue{Source: "sdn.csv", Line: 5, Record: "37", Field: "interests[0].share", Kind: Adjusted, Reason: "x"})
	r.Add(Issue{Source: "sdn.csv", Line: 6, Record: "38", Field: "interests[12].share", Kind: Adjusted, Reason: "y", Value: strings.Repeat("é", 200)})
	assert.Equal(t, 1, r.Skipped())
	assert.Equal(t, r.Records, r.Imported+r.Skipped())
	assert.Equal(t, 2, r.Count(Adjusted))
	assert.LessOrEqual(t, len(r.Issues[2].Value), MaxValue, "values are cut")
	assert.True(t, strings.HasSuffix(r.Issues[2].Value, "…"))
	assert.Equal(t, []Tally{
		{Source: "sdn.csv", Field: "interests[].share", Kind: Adjusted, Count: 2},
		{Source: "sdn.csv", Field: "", Kind: Skipped, Count: 1},
	}, r.Summary(), "indexes are dropped when counting, most frequent first")
	assert.Equal(t, `sdn.csv:4 [36]: skipped: bad row`, r.Issues[0].String())

	var all Report
	all.Merge(r)
	all.Merge(r)
	assert.Equal(t, 6, all.Records)
	assert.Len(t, all.Issues, 6)
}

func TestLinkKindText(t *testing.T) {
	for _, k := range []LinkKind{LinkedTo, VesselOwner} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back LinkKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	_, err := LinkKind(0).MarshalText()
	assert.Error(t, err)
}
