package csl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/ownership"
)

func importFile(t testing.TB, name string, opt Options) (Result, importer.Report) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	res, rep, err := Import(f, opt)
	require.NoError(t, err)
	return res, rep
}

func entity(t *testing.T, res Result, id string) eligibility.Entity {
	t.Helper()
	for _, e := range res.Entities {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entity %s", id)
	return eligibility.Entity{}
}

func TestCSL2023(t *testing.T) {
	res, rep := importFile(t, "csl-2023/csl.csv", Options{})

	assert.Equal(t, 4228, rep.Records, "4,228 rows after the header")
	assert.Equal(t, rep.Records, rep.Imported+rep.Skipped(), "imported + reported = total")
	assert.Equal(t, 4226, rep.Imported)
	require.Equal(t, 2, rep.Skipped(), "the repeated header and the cut-off last record")
	var skipped []importer.Issue
	for _, is := range rep.Issues {
		if is.Kind == importer.Skipped {
			skipped = append(skipped, is)
		}
	}
	assert.Equal(t, 2, skipped[0].Line)
	assert.Contains(t, skipped[0].Reason, "header repeated")
	assert.Equal(t, "11476", skipped[1].Record)
	assert.Contains(t, skipped[1].Reason, "cut off")

	_, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)

	lists := map[string]eligibility.List{}
	for _, l := range res.Lists {
		lists[l.ID] = l
	}
	for _, id := range []string{"ofac-sdn", "ofac-ssi", "ofac-ns-cmic", "ofac-ns-mbs", "ofac-ns-plc", "bis-entity-list", "bis-denied-persons", "bis-meu", "bis-unverified", "state-isn", "state-dtc", "ofac-fse", "ofac-capta"} {
		assert.Contains(t, lists, id, "one list per source")
	}
	assert.Len(t, lists["ofac-ns-cmic"].Entries, 68)
	assert.Equal(t, "Treasury Department", lists["ofac-sdn"].Authority)

	// A CMIC row: USCC and ISINs from the ids column, the listing date as the start.
	e := entity(t, res, "ofac:30882")
	assert.Contains(t, e.Identifiers, eligibility.Identifier{Scheme: "uscc", Value: "9111000071093019X7"})
	assert.Contains(t, e.Identifiers, eligibility.Identifier{Scheme: "isin", Value: "US1694261033"})
	assert.Contains(t, e.Aliases, "CHINA TELECOM")
	assert.Contains(t, e.Jurisdictions, eligibility.RoleCode{Role: eligibility.Operations, Code: mustCode("CN")})
	for _, en := range lists["ofac-ns-cmic"].Entries {
		if en.Entity == "ofac:30882" {
			assert.Equal(t, "2021-06-03", en.Valid.From.String(), "Listing Date (CMIC)")
		}
	}

	// One party on two lists: SSI and NS-MBS rows of 17014 make one entity, two lists.
	e = entity(t, res, "ofac:17014")
	assert.Equal(t, "Joint Stock Company Russian Agricultural Bank", e.Name, "the first row's name")
	assert.NotContains(t, e.Aliases, "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK", "a name differing only in case is no alias")
	n := 0
	for _, id := range []string{"ofac-ssi", "ofac-ns-mbs"} {
		for _, en := range lists[id].Entries {
			if en.Entity == "ofac:17014" {
				n++
			}
		}
	}
	assert.Equal(t, 4, n, "two programs on each of two lists")

	// A DPL row with an end date: the interval ends the day after.
	found := false
	for _, en := range lists["bis-denied-persons"].Entries {
		if en.Valid.Until.IsValid() {
			found = true
			assert.True(t, en.Valid.From < en.Valid.Until)
		}
	}
	assert.True(t, found)
}

func TestCSL2025Sample(t *testing.T) {
	res, rep := importFile(t, "csl-2025/consolidated.csv", Options{})
	assert.Equal(t, 13, rep.Records)
	assert.Equal(t, 13, rep.Imported)
	assert.Len(t, res.Lists, 10, "10 source lists")
	_, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)
}

const header = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n"

// row builds a CSV row from the named columns.
func row(cols map[string]string) string {
	names := strings.Split(strings.TrimSpace(header), ",")
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = `"` + strings.ReplaceAll(cols[n], `"`, `""`) + `"`
	}
	return strings.Join(out, ",") + "\n"
}

func TestImportCases(t *testing.T) {
	el := "Entity List (EL) - Bureau of Industry and Security"
	cases := []struct {
		reason string
		text   string
		opt    Options
		check  func(t *testing.T, res Result, rep importer.Report)
	}{
		{
			reason: "columns are found by name, in any order",
			text:   "name,source,_id\nACME,\"" + el + "\",x1\n",
			check: func(t *testing.T, res Result, rep importer.Report) {
				require.Len(t, res.Entities, 1)
				assert.Equal(t, "csl:x1", res.Entities[0].ID)
				assert.Equal(t, "bis-entity-list", res.Lists[0].ID)
			},
		},
		{
			reason: "the end date is the last day in effect; an end before the start is dropped",
			text: header + row(map[string]string{"_id": "a", "source": el, "name": "A", "start_date": "2020-01-01", "end_date": "2020-12-31"}) +
				row(map[string]string{"_id": "b", "source": el, "name": "B", "start_date": "2020-01-01", "end_date": "2019-01-01"}),
			check: func(t *testing.T, res Result, rep importer.Report) {
				en := res.Lists[0].Entries
				assert.Equal(t, "[2020-01-01, 2021-01-01)", en[0].Valid.String())
				assert.Equal(t, "[2020-01-01, …)", en[1].Valid.String())
				assert.Equal(t, 1, rep.Count(importer.Invalid))
			},
		},
		{
			reason: "ids: known labels become identifiers, a bad LEI and unknown labels are reported",
			text: header + row(map[string]string{"_id": "a", "source": el, "name": "A",
				"ids": "Tax ID No., 7744001497, RU; Legal Entity Number, 253400WSS48YWMBUA688; Legal Entity Number, 12345; Website, x.com"}),
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, []eligibility.Identifier{{Scheme: "tax-id-no:RU", Value: "7744001497"}, {Scheme: "lei", Value: "253400WSS48YWMBUA688"}}, res.Entities[0].Identifiers)
				assert.Equal(t, 1, rep.Count(importer.Ambiguous))
				assert.Equal(t, 1, rep.Count(importer.Unmapped))
			},
		},
		{
			reason: "an unknown source gets its own list, reported; SourceLists overrides",
			text: header + row(map[string]string{"_id": "a", "source": "New List (NL) - Somewhere", "name": "A"}) +
				row(map[string]string{"_id": "b", "source": el, "name": "B"}),
			opt: Options{SourceLists: map[string]string{"EL": "my-el"}},
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, "csl:nl", res.Lists[0].ID)
				assert.Equal(t, "my-el", res.Lists[1].ID)
				assert.Equal(t, 1, rep.Count(importer.Adjusted))
			},
		},
		{
			reason: "Linked To in remarks resolves, with parentheses inside the name; LinkBasis makes controls",
			text: header + row(map[string]string{"_id": "1", "entity_number": "1", "type": "Entity", "source": el, "name": "CORPS (IRGC)"}) +
				row(map[string]string{"_id": "2", "entity_number": "2", "type": "Entity", "source": el, "name": "B", "remarks": "Note (Linked To: CORPS (IRGC))"}),
			opt: Options{LinkBasis: ownership.DeFacto},
			check: func(t *testing.T, res Result, rep importer.Report) {
				require.Len(t, res.Links, 1)
				assert.Equal(t, "ofac:1", res.Links[0].To)
				assert.Equal(t, []eligibility.Control{{Controller: "ofac:1", Controlled: "ofac:2", Basis: ownership.DeFacto}}, res.Controls)
			},
		},
		{
			reason: "rows without _id, name or source are skipped and counted",
			text: header + row(map[string]string{"source": el, "name": "A"}) + row(map[string]string{"_id": "b", "source": el}) +
				row(map[string]string{"_id": "c", "name": "C"}) + "\"d\",\"short\"\n",
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 4, rep.Records)
				assert.Equal(t, 4, rep.Skipped())
				assert.Empty(t, res.Entities)
			},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			res, rep, err := Import(strings.NewReader(c.text), c.opt)
			require.NoError(t, err)
			assert.Equal(t, rep.Records, rep.Imported+rep.Skipped())
			c.check(t, res, rep)
			_, err = eligibility.NewWorld(res.WorldData)
			assert.NoError(t, err)
		})
	}
}

func TestImportNoHeader(t *testing.T) {
	_, _, err := Import(strings.NewReader("1,2,3\n"), Options{})
	assert.ErrorIs(t, err, ErrHeader)
	_, _, err = Import(strings.NewReader(""), Options{})
	assert.ErrorIs(t, err, ErrHeader)
}
