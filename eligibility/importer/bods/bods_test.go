package bods

import (
	"bytes"
	"encoding/json"
	"fmt"
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

func importBytes(t *testing.T, b []byte) (Result, importer.Report) {
	t.Helper()
	res, rep, err := Import(bytes.NewReader(b), Options{})
	require.NoError(t, err)
	require.Equal(t, rep.Records, rep.Imported+rep.Skipped(), "every statement is accounted for")
	return res, rep
}

func readExample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "examples", name))
	require.NoError(t, err)
	return b
}

// stakeText renders stakes compactly for comparison.
func stakeText(ss []eligibility.Stake) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s>%s %s %s %s", strings.TrimPrefix(s.Owner, "bods:"), strings.TrimPrefix(s.Owned, "bods:"), s.Share, s.Measure, s.Valid))
	}
	return out
}

func controlText(cs []eligibility.Control) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s>%s %s %s", strings.TrimPrefix(c.Controller, "bods:"), strings.TrimPrefix(c.Controlled, "bods:"), c.Basis, c.Valid))
	}
	return out
}

func partialOnes(es []eligibility.Entity) []string {
	var out []string
	for _, e := range es {
		if e.Disclosure == ownership.Partial {
			out = append(out, strings.TrimPrefix(e.ID, "bods:"))
		}
	}
	return out
}

func TestExamples(t *testing.T) {
	cases := []struct {
		reason   string
		file     string
		entities int
		stakes   []string
		controls []string
	}{
		{"a range with an exclusive maximum: 75 to just under 100", "bods-package-entity-owning-entity.json", 2,
			[]string{"e83cce729ada>12b7dd0770ce 75–99.999999 shares […, …)"}, nil},
		{"the Gasgrid chain: 76.5% + 23.5%, the state's indirect 100% carried by it, its control of the ministry de facto", "bods-package-fi-soe.json", 4,
			[]string{"0199c515a699>19f1c5afe9d7 76.5 shares [2020-01-01, …)", "7ff95ba3682c>0199c515a699 100 shares [2020-01-01, …)", "7ff95ba3682c>19f1c5afe9d7 23.5 shares [2020-01-01, …)"},
			[]string{"05ce06ec97b1>7ff95ba3682c de_facto […, …)"}},
		{"the indirect 30% is carried by the chain; the person's interest in B has no type or share", "indirect-ownership.json", 3,
			[]string{"d4ab89ea169a>ad3f6c2fcc9e 60 shares [2017-11-01, …)", "c25d4d612c2c>d4ab89ea169a 0–100 shares […, …)"}, nil},
		{"a joint arrangement is an entity that holds the shares", "joint-ownership.json", 4,
			[]string{"91b4236a7d89>31c55e425764 100 shares [2018-01-01, …)", "1accb8b18b99>91b4236a7d89 50 shares [2018-01-01, …)", "f040df24d9ec>91b4236a7d89 50 shares [2018-01-01, …)"}, nil},
		{"a direct 50% from 2019 is kept, the indirect 50% through B is not counted again", "mixed-direct-and-indirect-ownership.json", 3,
			[]string{"ec61aeda7141>9bfe59b6a869 50 shares [2017-11-01, …)", "53508b65253f>ec61aeda7141 0–100 shares […, …)", "53508b65253f>9bfe59b6a869 50 shares [2019-05-01, …)"}, nil},
		{"two chains carry one indirect interest", "multiple-indirect-ownership.json", 4,
			[]string{"d177864a8b39>63e3a8a8946f 50 shares [2017-11-01, …)", "05fbbfb94b79>63e3a8a8946f 50 shares [2017-11-01, …)", "92ebf964a1f6>d177864a8b39 0–100 shares […, …)", "92ebf964a1f6>05fbbfb94b79 0–100 shares […, …)"}, nil},
		{"updates over time replace shares on the day they changed; a late closure is clipped to fit 100", "tecido.json", 3,
			[]string{
				"018AF6B3EB>01B68D7633 100 shares [2002-03-09, 2021-09-24)", "018AF6B3EB>01B68D7633 100 votes [2002-03-09, 2021-09-24)",
				"018AF6B3EB>01B68D7633 40 shares [2021-09-24, 2022-09-21)", "018AF6B3EB>01B68D7633 40 votes [2021-09-24, 2022-09-21)",
				"018AF6B3EB>01B68D7633 30 shares [2022-09-21, 2023-03-01)", "018AF6B3EB>01B68D7633 30 votes [2022-09-21, 2023-03-01)",
				"033E84672B>01B68D7633 60 shares [2021-09-24, 2022-09-21)", "033E84672B>01B68D7633 60 votes [2021-09-24, 2022-09-21)",
				"033E84672B>01B68D7633 70 shares [2022-09-21, 2023-03-01)", "033E84672B>01B68D7633 70 votes [2022-09-21, 2023-03-01)",
				"033E84672B>01B68D7633 80 shares [2023-03-01, …)", "033E84672B>01B68D7633 80 votes [2023-03-01, …)",
			}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			res, rep := importBytes(t, readExample(t, c.file))
			assert.Len(t, res.Entities, c.entities, c.reason)
			assert.ElementsMatch(t, c.stakes, stakeText(res.Stakes), c.reason)
			assert.ElementsMatch(t, c.controls, controlText(res.Controls), c.reason)
			assert.Zero(t, rep.Skipped(), c.reason)
			_, err := eligibility.NewWorld(res.WorldData)
			require.NoError(t, err, c.reason)
		})
	}
}

func TestTecidoReportsTheClip(t *testing.T) {
	_, rep := importBytes(t, readExample(t, "tecido.json"))
	n := 0
	for _, is := range rep.Issues {
		if is.Kind == importer.Adjusted && strings.Contains(is.Reason, "sum to 110 from 2023-03-01") {
			n++
			assert.Equal(t, "022EBEB66B", is.Record)
		}
	}
	assert.Equal(t, 2, n, "shares and votes are each clipped and reported")
}

// statement builds one BODS 0.4 statement.
func statement_(id, typ, rec, date, status, details string) string {
	if status == "" {
		status = "new"
	}
	return fmt.Sprintf(`{"statementId":%q,"statementDate":%q,"recordId":%q,"recordType":%q,"recordStatus":%q,"publicationDetails":{"publicationDate":"2024-01-01","bodsVersion":"0.4","publisher":{"name":"test"}},"recordDetails":%s}`, id, date, rec, typ, status, details)
}

func ent(rec, name string, extra string) string {
	return statement_("s-"+rec, "entity", rec, "2024-01-01", "", fmt.Sprintf(`{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":%q%s}`, name, extra))
}

func rel(id, subject, party, interests string, extra string) string {
	return statement_("s-"+id, "relationship", id, "2024-01-01", "", fmt.Sprintf(`{"isComponent":false,"subject":%s,"interestedParty":%s,"interests":[%s]%s}`, subject, party, interests, extra))
}

func pkg(stmts ...string) []byte { return []byte("[" + strings.Join(stmts, ",\n") + "]") }

func TestCases(t *testing.T) {
	cases := []struct {
		reason   string
		data     []byte
		stakes   []string
		controls []string
		partial  []string
		check    func(t *testing.T, res Result, rep importer.Report)
	}{
		{
			reason: "an indirect interest whose chain is not in the file marks the subject partial instead of becoming a stake",
			data: pkg(ent("A", "A", ""), ent("P", "P", ""),
				rel("r1", `"A"`, `"P"`, `{"type":"shareholding","directOrIndirect":"indirect","share":{"exact":60}}`, "")),
			partial: []string{"A"},
		},
		{
			reason: "an indirect interest without componentRecords is carried when a direct path exists",
			data: pkg(ent("A", "A", ""), ent("B", "B", ""), ent("P", "P", ""),
				rel("r1", `"A"`, `"B"`, `{"type":"shareholding","directOrIndirect":"direct","share":{"exact":60}}`, ""),
				rel("r2", `"B"`, `"P"`, `{"type":"shareholding","directOrIndirect":"direct","share":{"exact":100}}`, ""),
				rel("r3", `"A"`, `"P"`, `{"type":"shareholding","directOrIndirect":"indirect","share":{"exact":60}}`, "")),
			stakes: []string{"B>A 60 shares […, …)", "P>B 100 shares […, …)"},
		},
		{
			reason: "an interest of unknown directness is carried when another path exists, else direct",
			data: pkg(ent("A", "A", ""), ent("B", "B", ""), ent("P", "P", ""),
				rel("r1", `"A"`, `"B"`, `{"type":"shareholding","directOrIndirect":"unknown","share":{"exact":60}}`, ""),
				rel("r2", `"B"`, `"P"`, `{"type":"shareholding","directOrIndirect":"direct","share":{"exact":100}}`, ""),
				rel("r3", `"A"`, `"P"`, `{"type":"shareholding","directOrIndirect":"unknown","share":{"exact":60}}`, "")),
			stakes: []string{"B>A 60 shares […, …)", "P>B 100 shares […, …)"},
		},
		{
			reason: "unknown and anonymous parties, unspecified and missing interested parties mark the subject partial",
			data: pkg(ent("A", "A", ""), ent("B", "B", ""), ent("C", "C", ""),
				statement_("s-U", "person", "U", "2024-01-01", "", `{"personType":"unknownPerson"}`),
				rel("r1", `"A"`, `"U"`, `{"type":"shareholding","directOrIndirect":"direct","share":{"exact":30}}`, ""),
				rel("r2", `"B"`, `{"reason":"interestedPartyExemptFromDisclosure"}`, `{"type":"shareholding","directOrIndirect":"direct"}`, ""),
				rel("r3", `"C"`, `"nowhere"`, `{"type":"shareholding","directOrIndirect":"direct","share":{"exact":30}}`, "")),
			partial: []string{"A", "B", "C"},
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 1, rep.Skipped(), "the unknown person's statement is not an entity")
				assert.Len(t, res.Entities, 3)
			},
		},
		{
			reason: "interest types map to stake measures and control bases; management roles are unmapped",
			data: pkg(ent("A", "A", ""), ent("P", "P", ""),
				rel("r1", `"A"`, `"P"`, `{"type":"votingRights","directOrIndirect":"direct","share":{"minimum":25,"maximum":50}},{"type":"appointmentOfBoard","directOrIndirect":"direct"},{"type":"conditionalRightsGrantedByContract","directOrIndirect":"direct"},{"type":"boardChair","directOrIndirect":"direct"}`, "")),
			stakes:   []string{"P>A 25–50 votes […, …)"},
			controls: []string{"P>A board_majority […, …)", "P>A option […, …)"},
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 1, rep.Count(importer.Unmapped), "boardChair")
			},
		},
		{
			reason: "a relationship whose subject is a person, or names nothing, is skipped",
			data: pkg(statement_("s-P", "person", "P", "2024-01-01", "", `{"personType":"knownPerson","names":[{"fullName":"P"}]}`), ent("A", "A", ""),
				rel("r1", `"P"`, `"A"`, `{"type":"shareholding","directOrIndirect":"direct"}`, ""),
				rel("r2", `"X"`, `"A"`, `{"type":"shareholding","directOrIndirect":"direct"}`, "")),
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, 2, rep.Skipped())
				assert.Empty(t, res.Stakes)
			},
		},
		{
			reason: "XI-LEI identifiers become checked lei identifiers; a bad one is reported",
			data:   pkg(ent("A", "A", `,"identifiers":[{"scheme":"XI-LEI","id":"485100gbi2se0kix8t70"},{"scheme":"XI-LEI","id":"485100GBI2SE0KIX8T71"},{"scheme":"GB-COH","id":"123"}]`)),
			check: func(t *testing.T, res Result, rep importer.Report) {
				assert.Equal(t, []eligibility.Identifier{{Scheme: "lei", Value: "485100GBI2SE0KIX8T70"}, {Scheme: "GB-COH", Value: "123"}}, res.Entities[0].Identifiers)
				assert.Equal(t, 1, rep.Count(importer.Invalid))
			},
		},
		{
			reason: "an endDate ends the interest on that day; a start after the end leaves nothing",
			data: pkg(ent("A", "A", ""), ent("P", "P", ""),
				rel("r1", `"A"`, `"P"`, `{"type":"shareholding","directOrIndirect":"direct","share":{"exact":10},"startDate":"2020-01-01","endDate":"2021-01-01"},{"type":"shareholding","directOrIndirect":"direct","share":{"exact":10},"startDate":"2022-01-01","endDate":"2021-01-01"}`, "")),
			stakes: []string{"P>A 10 shares [2020-01-01, 2021-01-01)"},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			res, rep := importBytes(t, c.data)
			assert.ElementsMatch(t, c.stakes, stakeText(res.Stakes))
			assert.ElementsMatch(t, c.controls, controlText(res.Controls))
			assert.ElementsMatch(t, c.partial, partialOnes(res.Entities))
			if c.check != nil {
				c.check(t, res, rep)
			}
			_, err := eligibility.NewWorld(res.WorldData)
			require.NoError(t, err)
		})
	}
}

func TestInputForms(t *testing.T) {
	a, b := ent("A", "A", ""), ent("B", "B", "")
	cases := []struct {
		reason            string
		data              string
		records, imported int
	}{
		{"a JSON array", "[" + a + "," + b + "]", 2, 2},
		{"JSON Lines", a + "\n" + b + "\n", 2, 2},
		{"a single statement", "  " + a, 1, 1},
		{"empty input", "", 0, 0},
		{"an empty array", "[ ]", 0, 0},
		{"a statement of the wrong shape costs only itself", "[" + a + `,{"recordId":5},` + b + "]", 3, 2},
		{"broken JSON ends the reading, reported", "[" + a + `,{"recordId":"x` + "]", 2, 1},
		{"a missing comma ends the reading", "[" + a + " " + b + "]", 2, 1},
		{"an unclosed array is reported", "[" + a, 2, 1},
		{"a statement that is not BODS 0.4", `[{"statementID":"x","statementType":"entityStatement"}]`, 1, 0},
		{"values that are no statements, the last a number at the very end (a fuzz find)", `"0"0`, 2, 0},
	}
	for _, c := range cases {
		res, rep, err := Import(strings.NewReader(c.data), Options{})
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.records, rep.Records, c.reason)
		assert.Equal(t, c.imported, rep.Imported, c.reason)
		assert.Equal(t, rep.Records, rep.Imported+rep.Skipped(), c.reason)
		assert.Len(t, res.Entities, c.imported, c.reason)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, assert.AnError }

func TestReadError(t *testing.T) {
	_, _, err := Import(failReader{}, Options{})
	assert.ErrorIs(t, err, assert.AnError)
}

// TestParserMatchesEncodingJSON checks the hand-written reader against encoding/json on
// every statement of the examples and of a synthetic package.
func TestParserMatchesEncodingJSON(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "examples", "*.json"))
	require.NoError(t, err)
	var all []json.RawMessage
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var stmts []json.RawMessage
		require.NoError(t, json.Unmarshal(b, &stmts))
		all = append(all, stmts...)
	}
	var synth []json.RawMessage
	require.NoError(t, json.Unmarshal(syntheticBODS(30), &synth))
	all = append(all, synth...)
	all = append(all, json.RawMessage(`{"recordId":"e\u00e9\ud83d\ude00\n","recordType":"entity","recordDetails":{"name":"x\"y","alternateNames":null,"identifiers":[{"id":"1"}],"publicListing":{"securitiesListings":[{"security":{"idScheme":"ISIN","id":"US0000000000"}}]},"interests":[{"share":{"exact":"12.5","exclusiveMaximum":1e2}}],"subject":{"reason":"r","description":"d"},"placeOfBirth":{"a":[1,true,null]}}}`))
	for i, raw := range all {
		var ref refStatement
		require.NoError(t, json.Unmarshal(raw, &ref), "statement %d", i)
		var got statement
		require.NoError(t, parseStatement(raw, &got), "statement %d", i)
		assert.Equal(t, ref.statement(), got, "statement %d: %s", i, raw)
	}
}

func TestSynthetic(t *testing.T) {
	res, rep := importBytes(t, syntheticBODS(200))
	assert.Equal(t, rep.Records, rep.Imported)
	assert.Len(t, res.Entities, 400)
	_, err := eligibility.NewWorld(res.WorldData)
	require.NoError(t, err)
	// exclusive maxima are noted once for the file, not per statement
	n := 0
	for _, is := range rep.Issues {
		if strings.Contains(is.Reason, "exclusive maximum") {
			n++
			assert.Contains(t, is.Reason, "200 statements")
		}
	}
	assert.Equal(t, 1, n)
}
