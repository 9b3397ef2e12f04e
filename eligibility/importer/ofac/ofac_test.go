package ofac

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/ownership"
)

func importDir(t *testing.T, dir string, names [4]string, opt Options) (Result, importer.Report) {
	t.Helper()
	f := loadFiles(t, dir, names)
	res, rep, err := Import(Files{Primary: bytes.NewReader(f[0]), Addresses: bytes.NewReader(f[1]), Aliases: bytes.NewReader(f[2]), Comments: bytes.NewReader(f[3])}, opt)
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

func TestSDN2021(t *testing.T) {
	res, rep := importDir(t, "sdn-2021", sdnNames, Options{})

	// Every entry is accounted for.
	assert.Equal(t, 8976, rep.Records, "the 2021 export has 8,976 entries")
	assert.Equal(t, rep.Records, rep.Imported+rep.Skipped(), "imported + reported = total")
	assert.Equal(t, 8976, rep.Imported, "every entry of the real file is importable")
	assert.Len(t, res.Entities, rep.Imported)
	require.Len(t, res.Lists, 1)
	assert.Equal(t, ListSDN, res.Lists[0].ID)
	assert.Greater(t, len(res.Lists[0].Entries), 8976, "multi-program entries give one entry per program")

	// The world accepts the data as imported.
	_, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)

	e := entity(t, res, "ofac:306")
	assert.Equal(t, "BANCO NACIONAL DE CUBA", e.Name)
	assert.Contains(t, e.Aliases, "NATIONAL BANK OF CUBA", "alt.csv alias")
	assert.Contains(t, e.Aliases, "BNC", "weak alias from the remarks")
	assert.Contains(t, e.Jurisdictions, eligibility.RoleCode{Role: eligibility.Operations, Code: mustCode("CH")}, "address country → operations")

	e = entity(t, res, "ofac:32064")
	assert.Contains(t, e.Identifiers, eligibility.Identifier{Scheme: "lei", Value: "485100GBI2SE0KIX8T70"}, "a checked LEI from the remarks")
	assert.Contains(t, e.Identifiers, eligibility.Identifier{Scheme: "registration-number:BG", Value: "204589733"}, "a national identifier with its country")

	// Programs: 28263 is listed under two.
	var progs []string
	for _, en := range res.Lists[0].Entries {
		if en.Entity == "ofac:28263" {
			progs = append(progs, en.Program)
		}
	}
	assert.Equal(t, []string{"DPRK3", "CYBER2"}, progs, `"DPRK3] [CYBER2" is two programs`)

	// sdn_comments.csv continues cut remarks: 12300's remark ends "PROMO RAI" + "Z S.A.S.".
	var names []string
	for _, l := range res.Links {
		if l.From == "ofac:12300" {
			names = append(names, l.Name)
		}
	}
	assert.Contains(t, names, "PROMO RAIZ S.A.S.", "the remark and its continuation are joined as is")
	assert.Contains(t, names, "R D I S.A.", "links from the continuation")

	// Person, vessel, nationality.
	assert.Equal(t, eligibility.Person, entity(t, res, "ofac:12300").Kind)
	assert.Equal(t, eligibility.OtherKind, entity(t, res, "ofac:4238").Kind, "a vessel")

	// Links: most resolve; none turn into controls without LinkBasis.
	resolved := 0
	for _, l := range res.Links {
		if l.To != "" {
			resolved++
		}
	}
	assert.Greater(t, resolved, 3000)
	assert.Empty(t, res.Controls, "links are not controls unless asked")

	// Unmapped remarks are reported with their entry and line.
	found := false
	for _, is := range rep.Issues {
		if is.Record == "2674" && is.Field == "remarks" && is.Value == "DOB 10 Dec 1948" {
			found = true
			assert.Equal(t, importer.Unmapped, is.Kind)
			assert.Equal(t, 56, is.Line)
		}
	}
	assert.True(t, found, "a date of birth is reported, not dropped")
}

func TestSDN2021LinkBasis(t *testing.T) {
	res, _ := importDir(t, "sdn-2021", sdnNames, Options{LinkBasis: ownership.DeFacto})
	require.NotEmpty(t, res.Controls)
	for _, c := range res.Controls {
		assert.Equal(t, ownership.DeFacto, c.Basis)
		assert.NotEqual(t, eligibility.Person, entity(t, res, c.Controlled).Kind, "a person is never the controlled party")
	}
	_, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)
}

func TestConsolidated2025(t *testing.T) {
	res, rep := importDir(t, "nonsdn-2025", [4]string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}, Options{Consolidated: true})
	assert.Equal(t, 442, rep.Records)
	assert.Equal(t, rep.Records, rep.Imported+rep.Skipped())
	byID := map[string]eligibility.List{}
	for _, l := range res.Lists {
		byID[l.ID] = l
	}
	require.Contains(t, byID, ListNSCMIC)
	assert.Len(t, byID[ListNSCMIC].Entries, 68, "68 rows carry CMIC-EO13959")
	for _, en := range byID[ListNSCMIC].Entries {
		assert.True(t, en.Valid.From.IsValid(), "NS-CMIC entries start at their listing date: %s", en.Entity)
	}
	assert.Contains(t, byID, ListSSI)
	assert.Contains(t, byID, ListNSPLC)
	_, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)
	for _, is := range rep.Issues {
		assert.True(t, strings.HasPrefix(is.Source, "cons_"), "the report names the cons_*.csv files: %s", is.Source)
	}
}

func TestImportCases(t *testing.T) {
	const eof = "\x1a"
	cases := []struct {
		reason   string
		sdn, add string
		alt, cmt string
		opt      Options
		check    func(t *testing.T, res Result, rep importer.Report)
	}{
		{
			reason: "-0- is empty, the 0x1A marker is no record, Windows-1252 is decoded",
			sdn:    "1,\"N\xda\xd1EZ, Jos\xe9\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" + eof,
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 1, rep.Records)
				require.Len(t, res.Entities, 1)
				assert.Equal(t, "NÚÑEZ, José", res.Entities[0].Name)
				assert.Empty(t, rep.Issues)
			},
		},
		{
			reason: "short rows, bad numbers, repeated numbers and empty names are skipped, each reported",
			sdn: "1,\"A\",-0- ,\"SDGT\"\n" +
				"x,\"B\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n" +
				"2,\"C\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n" +
				"2,\"D\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n" +
				"3,-0- ,-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 5, rep.Records)
				assert.Equal(t, 1, rep.Imported)
				assert.Equal(t, 4, rep.Skipped())
				assert.Equal(t, rep.Records, rep.Imported+rep.Skipped())
			},
		},
		{
			reason: "address and alias rows for unknown entries are unresolved; a country ambiguous with a US state is the country",
			sdn:    "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
			add:    "1,10,-0- ,\"Tbilisi\",\"Georgia\",-0- \n9,11,-0- ,-0- ,\"Iran\",-0- \n1,12,-0- ,-0- ,\"undetermined\",-0- \n",
			alt:    "9,5,\"aka\",\"X\",-0- \n",
			check: func(t *testing.T, res Result, rep importer.Report) {
				require.Len(t, res.Entities, 1)
				assert.Equal(t, []eligibility.RoleCode{{Role: eligibility.Operations, Code: mustCode("GE")}}, res.Entities[0].Jurisdictions)
				assert.Equal(t, 2, rep.Count(importer.Unresolved))
				assert.Equal(t, 1, countField(rep, "country", importer.Unmapped), "undetermined is reported")
			},
		},
		{
			reason: "links resolve by primary name before alias; LinkBasis turns them into controls, never over a person",
			sdn: "1,\"HOLDING CO\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n" +
				"2,\"SUB CO\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Linked To: HOLDING CO.\"\n" +
				"3,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Linked To: HOLDING CO; Linked To: NOBODY.\"\n" +
				"4,\"OTHER\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
			alt: "4,1,\"aka\",\"HOLDING CO\",-0- \n",
			opt: Options{LinkBasis: ownership.Contract},
			check: func(t *testing.T, res Result, rep importer.Report) {
				require.Len(t, res.Links, 3)
				assert.Equal(t, "ofac:1", res.Links[0].To, "the primary name wins over an alias")
				assert.Equal(t, "ofac:1", res.Links[1].To)
				assert.Equal(t, "", res.Links[2].To)
				assert.Equal(t, []eligibility.Control{{Controller: "ofac:1", Controlled: "ofac:2", Basis: ownership.Contract}}, res.Controls)
				assert.Equal(t, 1, rep.Count(importer.Unresolved))
			},
		},
		{
			reason: "identifier remarks: countries, issue dates, bad LEIs, and other remarks reported",
			sdn:    "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Passport A123 (Iran) issued 01 Jan 2000; Legal Entity Number 123; nationality Iran; Website x.com.\"\n",
			check: func(t *testing.T, res Result, rep importer.Report) {
				e := res.Entities[0]
				assert.Equal(t, []eligibility.Identifier{{Scheme: "passport:IR", Value: "A123"}}, e.Identifiers)
				assert.Equal(t, []eligibility.RoleCode{{Role: eligibility.Nationality, Code: mustCode("IR")}}, e.Jurisdictions)
				assert.Equal(t, 1, rep.Count(importer.Ambiguous), "a short number under the LEI label")
				assert.Equal(t, 2, rep.Count(importer.Unmapped), "the issue date and the website")
			},
		},
		{
			reason: "consolidated entries go to lists by program; ProgramLists overrides",
			sdn:    "1,\"A\",-0- ,\"CMIC-EO13959] [NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Listing Date (CMIC) 03 Jun 2021\"\n2,\"B\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
			opt:    Options{Consolidated: true, ProgramLists: map[string]string{"RUSSIA-EO14024": "ofac-ns-mbs"}},
			check: func(t *testing.T, res Result, rep importer.Report) {
				ids := map[string]int{}
				for _, l := range res.Lists {
					ids[l.ID] = len(l.Entries)
				}
				assert.Equal(t, map[string]int{ListNSCMIC: 1, ListNSPLC: 1, "ofac-ns-mbs": 1}, ids)
				assert.Equal(t, "2021-06-03", res.Lists[0].Entries[0].Valid.From.String())
			},
		},
		{
			reason: "a broken quote costs its record only",
			sdn:    "1,\"A\"x,-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2,\"B\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 2, rep.Records)
				assert.Equal(t, 1, rep.Imported)
				assert.Equal(t, 1, rep.Skipped())
			},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			f := Files{Primary: strings.NewReader(c.sdn)}
			if c.add != "" {
				f.Addresses = strings.NewReader(c.add)
			}
			if c.alt != "" {
				f.Aliases = strings.NewReader(c.alt)
			}
			if c.cmt != "" {
				f.Comments = strings.NewReader(c.cmt)
			}
			res, rep, err := Import(f, c.opt)
			require.NoError(t, err)
			c.check(t, res, rep)
			_, err = eligibility.NewWorld(res.WorldData)
			assert.NoError(t, err, "the result builds a world")
		})
	}
}

func TestImportNoPrimary(t *testing.T) {
	_, _, err := Import(Files{}, Options{})
	assert.ErrorIs(t, err, ErrNoPrimary)
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, assert.AnError }

func TestImportReadError(t *testing.T) {
	_, _, err := Import(Files{Primary: failReader{}}, Options{})
	assert.ErrorIs(t, err, assert.AnError, "a failing reader is the one fatal error")
}

func countField(rep importer.Report, field string, k importer.Kind) int {
	n := 0
	for _, is := range rep.Issues {
		if is.Field == field && is.Kind == k {
			n++
		}
	}
	return n
}
