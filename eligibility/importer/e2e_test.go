package importer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/bods"
	"github.com/eligo/eligo/eligibility/importer/ofac"
	"github.com/eligo/eligo/ownership"
)

// ofacPolicy is the OFAC 50 Percent Rule as data: deny anyone on the SDN list, and anyone
// owned 50% or more, in the aggregate and through restricted intermediates, by SDNs.
func ofacPolicy() eligibility.Policy {
	return eligibility.Policy{ID: "ofac-inline", Rules: []eligibility.Rule{
		{ID: "sdn", Kind: eligibility.DesignationRule, Effect: eligibility.Deny, Lists: []string{ofac.ListSDN}},
		{
			ID: "sdn-50", Kind: eligibility.OwnershipRule, Effect: eligibility.Deny,
			Restricted: eligibility.Restricted{Lists: []string{ofac.ListSDN}},
			Threshold:  ownership.PercentOf(50), HasThreshold: true,
			Inclusive: true, HasInclusive: true,
			Aggregate: true, Method: ownership.FlowThrough,
		},
	}}
}

func open(t *testing.T, path ...string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(path...))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// TestSDNOwnedThroughAChain imports the real 2021 SDN list and a BODS file in which
// Target Logistics is 60% owned by Balkan Freight Holding, itself wholly owned by INTRUST
// PLC EAD. The BODS file knows INTRUST by its LEI; so does its SDN entry (ent_num 32064):
// Merge joins them by that identifier. The OFAC rule then denies Target Logistics, and
// the decision's evidence carries the path SDN → holding → target.
func TestSDNOwnedThroughAChain(t *testing.T) {
	dir := filepath.Join("ofac", "testdata", "sdn-2021")
	list, lrep, err := ofac.Import(ofac.Files{
		Primary:   open(t, dir, "sdn.csv"),
		Addresses: open(t, dir, "add.csv"),
		Aliases:   open(t, dir, "alt.csv"),
		Comments:  open(t, dir, "sdn_comments.csv"),
	}, ofac.Options{})
	require.NoError(t, err)
	require.Equal(t, lrep.Records, lrep.Imported+lrep.Skipped())

	own, orep, err := bods.Import(open(t, "bods", "testdata", "sdn-chain.json"), bods.Options{})
	require.NoError(t, err)
	require.Equal(t, orep.Records, orep.Imported+orep.Skipped())
	require.Zero(t, orep.Skipped())

	merged, mrep := importer.Merge(importer.MergeOptions{}, list.WorldData, own.WorldData)
	require.Equal(t, "ofac:32064", merged.Canonical("bods:intrust"), "matched by LEI, keeping the list's id")
	require.Equal(t, 1, mrep.Count(importer.Adjusted), "the one merge is reported")

	w, err := eligibility.NewWorld(merged.Data)
	require.NoError(t, err)
	p, err := eligibility.Compile(ofacPolicy(), w)
	require.NoError(t, err)

	at := ownership.MustParseDate("2024-01-01")
	cases := []struct {
		reason  string
		subject string
		at      eligibility.Date
		want    eligibility.Verdict
	}{
		{"the SDN entry itself is designated", "ofac:32064", at, eligibility.VerdictDeny},
		{"the holding is 100% owned by an SDN", merged.Canonical("bods:holding"), at, eligibility.VerdictDeny},
		{"the target is 60% owned by a blocked holding: flow-through passes the whole 60%", merged.Canonical("bods:target"), at, eligibility.VerdictDeny},
		{"before the holding bought its 60%, the target was clear", merged.Canonical("bods:target"), ownership.MustParseDate("2019-01-01"), eligibility.VerdictAllow},
		{"a sister company owned by an unlisted person is clear", merged.Canonical("bods:clean"), at, eligibility.VerdictAllow},
	}
	for _, c := range cases {
		d, err := eligibility.Evaluate(w, p, c.subject, c.at)
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.want, d.Verdict, "%s: %s", c.reason, d.Explain())
	}

	d, err := eligibility.Evaluate(w, p, "bods:target", at)
	require.NoError(t, err)
	var ev *eligibility.OwnershipEvidence
	for _, r := range d.Reasons {
		if r.Rule == "sdn-50" {
			ev = r.Evidence.Ownership
		}
	}
	require.NotNil(t, ev, "the ownership rule gives the reason")
	require.NotEmpty(t, ev.Paths, "the evidence carries the path")
	var hops [][2]string
	for _, s := range ev.Paths[0].Steps {
		require.NotNil(t, s.Stake)
		hops = append(hops, [2]string{s.Stake.Owner, s.Stake.Owned})
	}
	assert.Equal(t, [][2]string{{"ofac:32064", "bods:holding"}, {"bods:holding", "bods:target"}}, hops, "SDN → holding → target")
	assert.Equal(t, "ofac:32064", ev.Paths[0].Root)
	assert.Equal(t, []string{"ofac:32064"}, ev.Roots)
	assert.Equal(t, ownership.PercentOf(60), ev.Share.Lower)
}
