package eligibility

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

var updateCaseFileGolden = flag.Bool("update-casefile", false, "rewrite the golden files under testdata/casefile")

// caseFileSets are the conformance sets copied from the shared cases.
var caseFileSets = []string{"regulators", "seed-policy", "random"}

// caseFilePaths lists every conformance case file under testdata/cases.
func caseFilePaths(t testing.TB) []string {
	t.Helper()
	var paths []string
	for _, set := range caseFileSets {
		m, err := filepath.Glob(filepath.Join("testdata", "cases", set, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, m, "no case files in set %s", set)
		paths = append(paths, m...)
	}
	return paths
}

func decodeCaseFileAt(t *testing.T, path string) *CaseFile {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	cf, err := ReadCaseFile(f)
	require.NoError(t, err, path)
	return cf
}

func TestDecodeCaseFileConformanceCases(t *testing.T) {
	for _, set := range caseFileSets {
		t.Run(set, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "cases", set+".expected.json"))
			require.NoError(t, err)
			var expected map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(raw, &expected))

			// Every question of every file is a key of the expected verdicts, and back.
			got := map[string]bool{}
			files, err := filepath.Glob(filepath.Join("testdata", "cases", set, "*.json"))
			require.NoError(t, err)
			for _, path := range files {
				cf := decodeCaseFileAt(t, path)
				assert.Equal(t, CaseFileFormat, cf.Format)
				require.NotEmpty(t, cf.Questions, path)
				name := strings.TrimSuffix(filepath.Base(path), ".json")
				for _, q := range cf.Questions {
					key := name
					if len(cf.Questions) > 1 {
						key = name + "|" + q.Subject + "|" + q.At.String()
					}
					got[key] = true
				}
			}
			var want, have []string
			for k := range expected {
				want = append(want, k)
			}
			for k := range got {
				have = append(have, k)
			}
			sort.Strings(want)
			sort.Strings(have)
			assert.Equal(t, want, have)
		})
	}
}

func TestCaseFileRoundTrip(t *testing.T) {
	paths := append(caseFilePaths(t), filepath.Join("testdata", "casefile", "full.json"))
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			cf := decodeCaseFileAt(t, path)
			assertCaseFileRoundTrip(t, cf)
		})
	}
}

// assertCaseFileRoundTrip checks that both encodings of cf decode to cf and that encoding is
// stable.
func assertCaseFileRoundTrip(t testing.TB, cf *CaseFile) {
	t.Helper()
	compact, err := cf.MarshalJSON()
	require.NoError(t, err)
	require.True(t, json.Valid(compact), "MarshalJSON gave invalid JSON: %s", compact)
	back, err := DecodeCaseFile(compact)
	require.NoError(t, err, "%s", compact)
	require.Equal(t, cf, back)

	var indented bytes.Buffer
	require.NoError(t, EncodeCaseFile(&indented, cf))
	back, err = DecodeCaseFile(indented.Bytes())
	require.NoError(t, err)
	require.Equal(t, cf, back)

	again, err := back.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(compact), string(again))
}

func caseFileCode(t *testing.T, s string) jurisdiction.Code {
	t.Helper()
	c, err := jurisdiction.Parse(s)
	require.NoError(t, err)
	return c
}

// TestDecodeCaseFileFull checks each field of a file that uses every field, and the defaults.
func TestDecodeCaseFileFull(t *testing.T) {
	code := func(s string) jurisdiction.Code { return caseFileCode(t, s) }
	date := ownership.MustParseDate
	pct := ownership.MustParsePercent
	want := &CaseFile{
		Format: CaseFileFormat,
		Entities: []Entity{
			{ID: "acme-cn", Name: "Acme Holdings (China)", Jurisdictions: []RoleCode{
				{Incorporation, code("CN")}, {Headquarters, code("CN-BJ")}}},
			{
				ID: "acme-sg", Name: "Acme Trading Pte. Ltd.", Aliases: []string{"Acme SG", `Acme "Singapore" é`},
				Jurisdictions: []RoleCode{
					{Operations, code("SG")}, {Operations, code("MY")}, {Incorporation, code("SG")}, {Headquarters, code("SG")}},
				Identifiers: []Identifier{{"lei", "5493001KJTIIGC8Y1R12"}},
				Disclosure:  ownership.Partial,
			},
			{ID: "acme-my", Kind: Branch, BranchOf: "acme-sg", Jurisdictions: []RoleCode{{Operations, code("MY")}}},
			{ID: "acme-hk", Kind: Branch, BranchOf: "acme-cn"},
			{ID: "wang", Kind: Person, Jurisdictions: []RoleCode{{Nationality, code("CN")}, {Residence, code("HK")}}},
			{ID: "mof", Kind: StateBody},
			{ID: "fund", Kind: Fund},
			{ID: "trust", Kind: OtherKind},
		},
		Stakes: []Stake{
			{Owner: "acme-cn", Owned: "acme-sg", Share: ownership.Exact(ownership.PercentOf(60)),
				Valid: Interval{From: date("2020-01-01"), Until: date("2030-01-01")}},
			{Owner: "wang", Owned: "acme-sg", Share: ownership.Range{Min: pct("25"), Max: pct("37.125")},
				Measure: ownership.Votes, JointGroup: "j1"},
			{Owner: "fund", Owned: "acme-sg", Share: ownership.Exact(pct("5"))},
			{Owner: "mof", Owned: "acme-cn", Share: ownership.Exact(1)},
		},
		Controls: []Control{
			{Controller: "acme-cn", Controlled: "acme-sg", Basis: ownership.BoardMajority, Valid: Interval{From: date("2020-01-01")}},
			{Controller: "mof", Controlled: "acme-cn", Basis: ownership.RightsOfAnother, Valid: Interval{Until: date("2040-12-31")}},
		},
		Lists: []List{
			{ID: "us-dod-1260h", Name: "Section 1260H Chinese Military Companies", Authority: "US Department of War",
				Entries: []Entry{{Entity: "acme-cn", Valid: Interval{From: date("2025-01-07")}, Program: "1260H"}}},
			{ID: "empty-list"},
		},
		Policy: Policy{ID: "unsupported-regions", Rules: []Rule{
			{ID: "hq", Kind: JurisdictionRule, Roles: []Role{Headquarters, Incorporation},
				Jurisdictions:       []jurisdiction.Code{code("CN"), code("RU"), code("IR"), code("KP")},
				ExcludeSubdivisions: true},
			{ID: "listed", Kind: DesignationRule, Effect: Review, Lists: []string{"us-dod-1260h"}, InEffect: []Interval{}},
			{
				ID: "owned", Kind: OwnershipRule,
				Restricted: Restricted{Lists: []string{"us-dod-1260h"}, Roles: []Role{Headquarters},
					In: []jurisdiction.Code{code("CN"), code("RU")}, HasJurisdictions: true, Entities: []string{"trust"}},
				Threshold: ownership.PercentOf(50), HasThreshold: true, HasInclusive: true,
				Method: ownership.Compare, ReviewAt: ownership.PercentOf(25), HasReviewAt: true,
				UnknownOwners: ownership.UnknownIgnore,
				Controls: map[ownership.Basis]ownership.ControlEffect{
					ownership.DeFacto: ownership.ControlReview, ownership.BoardMajority: ownership.ControlDeny,
					ownership.Option: ownership.ControlIgnore},
				InEffect: []Interval{{From: date("2025-09-29"), Until: date("2025-11-10")}, {From: date("2026-11-10")}, {}},
			},
			{
				ID: "owned-defaults", Kind: OwnershipRule, Restricted: Restricted{Entities: []string{"trust"}},
				Threshold: ownership.PercentOf(10), HasThreshold: true, Inclusive: true, HasInclusive: true,
				Aggregate: true, Method: ownership.FlowThrough,
			},
		}},
		Questions: []Question{{"acme-sg", date("2026-02-27")}, {"acme-my", date("2024-02-29")}},
	}
	got := decodeCaseFileAt(t, filepath.Join("testdata", "casefile", "full.json"))
	assert.Equal(t, want, got)
}

// TestEncodeCaseFileGolden pins the canonical encoding; -update-casefile rewrites it.
func TestEncodeCaseFileGolden(t *testing.T) {
	for _, name := range []string{"full", "seed-policy-regions"} {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join("testdata", "casefile", name+".json")
			if name == "seed-policy-regions" {
				src = filepath.Join("testdata", "cases", "seed-policy", name+".json")
			}
			cf := decodeCaseFileAt(t, src)
			var buf bytes.Buffer
			require.NoError(t, EncodeCaseFile(&buf, cf))
			golden := filepath.Join("testdata", "casefile", name+".golden.json")
			if *updateCaseFileGolden {
				require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// cfDoc wraps members in a case-file object with the format.
func cfDoc(members string) string { return `{"format":"eligo.case/v1",` + members + `}` }

// cfWorld is a case file with a minimal policy and the given top-level members.
func cfWorld(members string) string { return cfDoc(`"policy":{"id":"p"},` + members) }

// cfRules is a case file whose policy holds rules.
func cfRules(rules string) string { return cfDoc(`"policy":{"id":"p","rules":[` + rules + `]}`) }

const cfOwnRule = `"kind":"ownership","restricted":{"entities":["a"]},"threshold":50,"inclusive":true,"indirect":"flow_through"`

func TestDecodeCaseFileBad(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		input  string
		paths  []string // the paths reported, in order
		msg    string   // a part of the first problem's message
	}{
		// Syntax.
		{"empty input", "nothing is not a case file", ``, []string{""}, "syntax error at byte 0 (line 1, column 1): unexpected end of input"},
		{"whitespace only", "nothing is not a case file", " \n", []string{""}, "unexpected end of input"},
		{"top-level array", "a case file is an object", `[]`, []string{""}, "want object, got array"},
		{"trailing garbage", "nothing may follow the object", cfWorld(`"questions":[]`) + ` x`, []string{""}, "syntax error at byte 62 (line 1, column 63): invalid character 'x' after top-level value"},
		{"two objects", "one document per file", cfWorld(`"questions":[]`) + `{}`, []string{""}, "after top-level value"},
		{"truncated", "a cut file is a syntax error at the path reached", `{"format":"eligo.case/v1","policy":{"id":"p"},"entities":[{"id":"a","name":"x`, []string{"entities[0].name"}, "unexpected end of input in string"},
		{"truncated after comma", "a cut file is a syntax error at the path reached", `{"format":"eligo.case/v1","policy":{"id":"p"},"entities":[{"id":"a"},`, []string{"entities[1]"}, "unexpected end of input"},
		{"NaN", "NaN is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":NaN}]`), []string{"stakes[0].percent"}, "invalid character 'N' looking for beginning of value"},
		{"Infinity", "Infinity is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":Infinity}]`), []string{"stakes[0].percent"}, "invalid character 'I'"},
		{"negative infinity", "-Infinity is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":-Infinity}]`), []string{"stakes[0].percent"}, "invalid character 'I' in number"},
		{"hex", "-0x1 is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":-0x1}]`), []string{"stakes[0].percent"}, "invalid character 'x' after object value"},
		{"plus sign", "+1 is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":+1}]`), []string{"stakes[0].percent"}, "invalid character '+'"},
		{"leading zero", "01 is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":01}]`), []string{"stakes[0].percent"}, "invalid character '1' after object value"},
		{"bare point", ".5 is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":.5}]`), []string{"stakes[0].percent"}, "invalid character '.'"},
		{"trailing point", "1. is not JSON", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1.}]`), []string{"stakes[0].percent"}, "after decimal point"},
		{"trailing comma", "JSON has no trailing commas", cfWorld(`"questions":[{"subject":"a","at":"2020-01-01"},]`), []string{"questions[1]"}, "invalid character ']' looking for beginning of value"},
		{"single quotes", "JSON strings use double quotes", cfWorld(`"questions":[{'subject':"a"}]`), []string{"questions[0]"}, "looking for object key"},
		{"control character", "raw control characters are not allowed in strings", cfWorld("\"entities\":[{\"id\":\"a\tb\"}]"), []string{"entities[0].id"}, "invalid character byte 0x09 in string"},
		{"bad escape", `\x is not a JSON escape`, cfWorld(`"entities":[{"id":"a\x"}]`), []string{"entities[0].id"}, "in string escape"},
		{"bad literal", "tru is not true", cfRules(`{"id":"r","kind":"jurisdiction","roles":["headquarters"],"jurisdictions":["CN"],"include_subdivisions":tru}`), []string{"policy.rules[0].include_subdivisions"}, "in literal true"},
		{"depth bomb", "nesting is capped", cfWorld(`"entities":` + strings.Repeat("[", 100000)), []string{"entities[0]"}, "nesting deeper than 64 levels"},
		{"depth bomb in unknown field", "skipped values are capped too", cfWorld(`"x":` + strings.Repeat(`{"a":`, 100)), []string{"x", "x"}, "unknown field"},

		// Keys.
		{"unknown top-level field", "a typo must never be ignored", cfWorld(`"questons":[]`), []string{"questons"}, "unknown field"},
		{"unknown entity field", "a typo must never be ignored", cfWorld(`"entities":[{"id":"a","nmae":"x"}]`), []string{"entities[0].nmae"}, "unknown field"},
		{"unknown field with odd name", "paths quote keys that are not plain names", cfWorld(`"a b":1`), []string{`["a b"]`}, "unknown field"},
		{"duplicate key", "a repeated key is ambiguous", cfWorld(`"entities":[{"id":"a","id":"b"}]`), []string{"entities[0]"}, `duplicate key "id"`},
		{"duplicate top-level key", "a repeated key is ambiguous", cfWorld(`"format":"eligo.case/v1"`), []string{""}, `duplicate key "format"`},
		{"invalid UTF-8 in key", "keys must be text", cfWorld("\"entities\":[{\"id\":\"a\",\"n\xffme\":\"x\"}]"), []string{"entities[0]"}, "invalid UTF-8 in key"},

		// Top level.
		{"missing format", "format is required", `{"policy":{"id":"p"}}`, []string{"format"}, "required"},
		{"wrong format", "only v1 is read", `{"format":"eligo.case/v2","policy":{"id":"p"}}`, []string{"format"}, `unsupported format "eligo.case/v2"`},
		{"missing policy", "policy is required", `{"format":"eligo.case/v1"}`, []string{"policy"}, "required"},
		{"null entities", "null is not an array", cfWorld(`"entities":null`), []string{"entities"}, "want array, got null"},

		// Entities.
		{"missing id", "ids are required", cfWorld(`"entities":[{"name":"x"}]`), []string{"entities[0].id"}, "required"},
		{"empty id", "ids are non-empty", cfWorld(`"entities":[{"id":""}]`), []string{"entities[0].id"}, "must not be empty"},
		{"numeric id", "ids are strings", cfWorld(`"entities":[{"id":7}]`), []string{"entities[0].id"}, "want string, got number"},
		{"null name", "null is only an open date bound", cfWorld(`"entities":[{"id":"a","name":null}]`), []string{"entities[0].name"}, "want string, got null"},
		{"invalid UTF-8", "strings must be text", cfWorld("\"entities\":[{\"id\":\"a\",\"name\":\"Acme \xff\"}]"), []string{"entities[0].name"}, "invalid UTF-8 in string"},
		{"lone surrogate", "escapes must be text too", cfWorld(`"entities":[{"id":"a","aliases":["x\ud800y"]}]`), []string{"entities[0].aliases[0]"}, "lone UTF-16 surrogate"},
		{"bad kind", "kinds are an enum", cfWorld(`"entities":[{"id":"a","kind":"corporation"}]`), []string{"entities[0].kind"}, `unknown kind "corporation"`},
		{"duplicate entity id", "ids are unique; the later one is named", cfWorld(`"entities":[{"id":"a"},{"id":"b"},{"id":"a"}]`), []string{"entities[2].id"}, `duplicate entity id "a" (first at entities[0].id)`},
		{"branch without branch_of", "kind branch needs its parent", cfWorld(`"entities":[{"id":"a","kind":"branch"}]`), []string{"entities[0].branch_of"}, "required for kind branch"},
		{"bad role", "five roles only", cfWorld(`"entities":[{"id":"a","jurisdictions":{"hq":"CN"}}]`), []string{"entities[0].jurisdictions.hq"}, "unknown role"},
		{"alpha-3 code", "codes are alpha-2 or ISO 3166-2", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"CHN"}}]`), []string{"entities[0].jurisdictions.headquarters"}, `"CHN" is not an ISO 3166-1 alpha-2 or ISO 3166-2 code`},
		{"numeric code", "codes are alpha-2 or ISO 3166-2", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"156"}}]`), []string{"entities[0].jurisdictions.headquarters"}, "is not an ISO"},
		{"lower-case code", "codes are exact", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"cn"}}]`), []string{"entities[0].jurisdictions.headquarters"}, "is not an ISO"},
		{"country name", "names are not codes in a case file", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"China"}}]`), []string{"entities[0].jurisdictions.headquarters"}, "is not an ISO"},
		{"unknown code", "well-formed codes must exist", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"QQ"}}]`), []string{"entities[0].jurisdictions.headquarters"}, `unknown jurisdiction code "QQ"`},
		{"withdrawn code", "withdrawn codes are not current", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"SU"}}]`), []string{"entities[0].jurisdictions.headquarters"}, `unknown jurisdiction code "SU"`},
		{"bad code in a list", "each code is checked, by index", cfWorld(`"entities":[{"id":"a","jurisdictions":{"operations":["SG","MYS"]}}]`), []string{"entities[0].jurisdictions.operations[1]"}, "is not an ISO"},
		{"empty code list", "a role holds at least one code", cfWorld(`"entities":[{"id":"a","jurisdictions":{"operations":[]}}]`), []string{"entities[0].jurisdictions.operations"}, "must not be empty"},
		{"code as number", "codes are strings", cfWorld(`"entities":[{"id":"a","jurisdictions":{"operations":1}}]`), []string{"entities[0].jurisdictions.operations"}, "want string or array, got number"},
		{"identifier without value", "scheme and value are required", cfWorld(`"entities":[{"id":"a","identifiers":[{"scheme":"lei"}]}]`), []string{"entities[0].identifiers[0].value"}, "required"},
		{"bad disclosure", "full or partial", cfWorld(`"entities":[{"id":"a","ownership_disclosed":"some"}]`), []string{"entities[0].ownership_disclosed"}, `unknown disclosure "some" (want full or partial)`},

		// Stakes.
		{"percent over 100", "shares lie in [0, 100]", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":100.5}]`), []string{"stakes[0].percent"}, "percent 100.5 is outside [0, 100]"},
		{"negative percent", "shares lie in [0, 100]", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":-1}]`), []string{"stakes[0].percent"}, "percent -1 is outside [0, 100]"},
		{"huge percent", "no overflow", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1e400}]`), []string{"stakes[0].percent"}, "percent 1e400 is outside [0, 100]"},
		{"seven decimals", "percent is exact to six decimals", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":50.1234567}]`), []string{"stakes[0].percent"}, "percent 50.1234567 has more than 6 decimal places"},
		{"tiny exponent", "1e-7 is below the resolution", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1e-7}]`), []string{"stakes[0].percent"}, "more than 6 decimal places"},
		{"percent as string", "percent is a number", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":"50"}]`), []string{"stakes[0].percent"}, "want number or object, got string"},
		{"min over max", "a range is ordered", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":{"min":60,"max":50}}]`), []string{"stakes[0].percent"}, "min 60 is greater than max 50"},
		{"range without max", "both bounds are required", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":{"min":60}}]`), []string{"stakes[0].percent.max"}, "required"},
		{"range bound out of range", "bounds lie in [0, 100]", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":{"min":-5,"max":50}}]`), []string{"stakes[0].percent.min"}, "outside [0, 100]"},
		{"range with extra", "unknown fields everywhere", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":{"min":1,"max":2,"mid":1.5}}]`), []string{"stakes[0].percent.mid"}, "unknown field"},
		{"missing percent", "percent is required", cfWorld(`"stakes":[{"owner":"a","owned":"b"}]`), []string{"stakes[0].percent"}, "required"},
		{"missing owner and owned", "both parties are required", cfWorld(`"stakes":[{"percent":1}]`), []string{"stakes[0].owner", "stakes[0].owned"}, "required"},
		{"bad measure", "shares or votes", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"kind":"debt"}]`), []string{"stakes[0].kind"}, `unknown kind "debt"`},
		{"empty joint group", "a joint group is named", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"joint_group":""}]`), []string{"stakes[0].joint_group"}, "must not be empty"},
		{"bad date", "days must exist", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"from":"2025-02-30"}]`), []string{"stakes[0].from"}, `date "2025-02-30" does not exist`},
		{"date shape", "dates are YYYY-MM-DD", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"from":"2025-1-1"}]`), []string{"stakes[0].from"}, `date "2025-1-1" is not YYYY-MM-DD`},
		{"date time", "dates are days", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"until":"2025-01-01T00:00:00Z"}]`), []string{"stakes[0].until"}, "is not YYYY-MM-DD"},
		{"date as number", "dates are strings", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"until":20250101}]`), []string{"stakes[0].until"}, "want date string or null, got number"},
		{"empty interval", "from must be before until", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1,"from":"2025-01-01","until":"2025-01-01"}]`), []string{"stakes[0].until"}, "empty interval: until 2025-01-01 is not after from 2025-01-01"},

		// Controls.
		{"self-control", "nobody controls itself", cfWorld(`"controls":[{"controller":"a","controlled":"a","basis":"contract"}]`), []string{"controls[0].controlled"}, "self-control"},
		{"unknown basis", "bases are an enum", cfWorld(`"controls":[{"controller":"a","controlled":"b","basis":"de_jure"}]`), []string{"controls[0].basis"}, `unknown basis "de_jure"`},
		{"missing basis", "basis is required", cfWorld(`"controls":[{"controller":"a","controlled":"b"}]`), []string{"controls[0].basis"}, "required"},
		{"control interval", "control facts are dated like stakes", cfWorld(`"controls":[{"controller":"a","controlled":"b","basis":"option","from":"2026-01-01","until":"2025-01-01"}]`), []string{"controls[0].until"}, "empty interval"},

		// Lists.
		{"duplicate list id", "list ids are unique", cfWorld(`"lists":[{"id":"l"},{"id":"l"}]`), []string{"lists[1].id"}, `duplicate list id "l" (first at lists[0].id)`},
		{"entry without entity", "an entry names its entity", cfWorld(`"lists":[{"id":"l","entries":[{"program":"x"}]}]`), []string{"lists[0].entries[0].entity"}, "required"},
		{"entry interval", "entries are dated", cfWorld(`"lists":[{"id":"l","entries":[{"entity":"a","from":"2025-01-02","until":"2025-01-01"}]}]`), []string{"lists[0].entries[0].until"}, "empty interval"},

		// Policy and rules.
		{"policy without id", "policies are named", cfDoc(`"policy":{}`), []string{"policy.id"}, "required"},
		{"rule without id and kind", "rule ids and kinds are required", cfRules(`{"roles":["headquarters"]}`), []string{"policy.rules[0].id", "policy.rules[0].kind"}, "required"},
		{"duplicate rule id", "rule ids are unique", cfRules(`{"id":"r","kind":"designation","lists":["l"]},{"id":"r","kind":"designation","lists":["l"]}`), []string{"policy.rules[1].id"}, `duplicate rule id "r" (first at policy.rules[0].id)`},
		{"bad effect", "deny or review", cfRules(`{"id":"r","kind":"designation","lists":["l"],"effect":"allow"}`), []string{"policy.rules[0].effect"}, `unknown effect "allow" (want deny or review)`},
		{"bad rule kind", "three kinds of rule", cfRules(`{"id":"r","kind":"sanctions","lists":["l"]}`), []string{"policy.rules[0].kind"}, `unknown rule kind "sanctions"`},
		{"role in rule", "rules use the five roles", cfRules(`{"id":"r","kind":"jurisdiction","roles":["headquarters","hq"],"jurisdictions":["CN"]}`), []string{"policy.rules[0].roles[1]"}, `unknown role "hq"`},
		{"jurisdiction rule without codes", "a jurisdiction rule names codes", cfRules(`{"id":"r","kind":"jurisdiction","roles":["headquarters"],"jurisdictions":[]}`), []string{"policy.rules[0].jurisdictions"}, "must not be empty"},
		{"jurisdiction rule without roles", "a jurisdiction rule names roles", cfRules(`{"id":"r","kind":"jurisdiction","jurisdictions":["CN"]}`), []string{"policy.rules[0].roles"}, "required"},
		{"alpha-3 in rule", "rules use exact codes", cfRules(`{"id":"r","kind":"jurisdiction","roles":["headquarters"],"jurisdictions":["CN","RUS"]}`), []string{"policy.rules[0].jurisdictions[1]"}, "is not an ISO"},
		{"designation without lists", "a designation rule names lists", cfRules(`{"id":"r","kind":"designation"}`), []string{"policy.rules[0].lists"}, "required"},
		{"missing threshold", "a compliance rule never rests on a default", cfRules(`{"id":"r","kind":"ownership","restricted":{"entities":["a"]},"inclusive":true,"indirect":"direct"}`), []string{"policy.rules[0].threshold"}, "required"},
		{"missing inclusive and indirect", "a compliance rule never rests on a default", cfRules(`{"id":"r","kind":"ownership","restricted":{"entities":["a"]},"threshold":50}`), []string{"policy.rules[0].inclusive", "policy.rules[0].indirect"}, "required"},
		{"missing restricted", "an ownership rule names its roots", cfRules(`{"id":"r","kind":"ownership","threshold":50,"inclusive":true,"indirect":"direct"}`), []string{"policy.rules[0].restricted"}, "required"},
		{"empty restricted", "an ownership rule names its roots", cfRules(`{"id":"r","kind":"ownership","restricted":{"lists":[]},"threshold":50,"inclusive":true,"indirect":"direct"}`), []string{"policy.rules[0].restricted"}, "names no restricted owners"},
		{"restricted jurisdictions without in", "roles and codes go together", cfRules(`{"id":"r","kind":"ownership","restricted":{"jurisdictions":{"roles":["headquarters"]}},"threshold":50,"inclusive":true,"indirect":"direct"}`), []string{"policy.rules[0].restricted.jurisdictions.in"}, "required"},
		{"threshold over 100", "thresholds lie in [0, 100]", cfRules(`{"id":"r",` + strings.Replace(cfOwnRule, `"threshold":50`, `"threshold":101`, 1) + `}`), []string{"policy.rules[0].threshold"}, "percent 101 is outside [0, 100]"},
		{"inclusive as string", "inclusive is a boolean", cfRules(`{"id":"r",` + strings.Replace(cfOwnRule, `"inclusive":true`, `"inclusive":"true"`, 1) + `}`), []string{"policy.rules[0].inclusive"}, "want boolean, got string"},
		{"bad method", "four methods", cfRules(`{"id":"r",` + strings.Replace(cfOwnRule, "flow_through", "look_through", 1) + `}`), []string{"policy.rules[0].indirect"}, `unknown method "look_through"`},
		{"review_at above threshold", "review_at is under the threshold", cfRules(`{"id":"r",` + cfOwnRule + `,"review_at":60}`), []string{"policy.rules[0].review_at"}, "review_at 60 is above threshold 50"},
		{"bad unknown_owners", "review or ignore", cfRules(`{"id":"r",` + cfOwnRule + `,"unknown_owners":"deny"}`), []string{"policy.rules[0].unknown_owners"}, `unknown value "deny" (want review or ignore)`},
		{"unknown basis in controls", "control bases are an enum", cfRules(`{"id":"r",` + cfOwnRule + `,"controls":{"de_facto":"review","de_jure":"deny"}}`), []string{"policy.rules[0].controls.de_jure"}, "unknown basis"},
		{"bad control effect", "deny, review or ignore", cfRules(`{"id":"r",` + cfOwnRule + `,"controls":{"de_facto":"allow"}}`), []string{"policy.rules[0].controls.de_facto"}, `unknown control effect "allow"`},
		{"threshold on a jurisdiction rule", "a field of another kind of rule is a mistake", cfRules(`{"id":"r","kind":"jurisdiction","roles":["headquarters"],"jurisdictions":["CN"],"threshold":50}`), []string{"policy.rules[0].threshold"}, "does not apply to a jurisdiction rule"},
		{"roles on an ownership rule", "a field of another kind of rule is a mistake", cfRules(`{"id":"r",` + cfOwnRule + `,"roles":["headquarters"]}`), []string{"policy.rules[0].roles"}, "does not apply to an ownership rule"},
		{"lists before kind", "applicability does not depend on key order", cfRules(`{"lists":["l"],"id":"r","kind":"jurisdiction","roles":["headquarters"],"jurisdictions":["CN"]}`), []string{"policy.rules[0].lists"}, "does not apply to a jurisdiction rule"},
		{"empty in_effect interval", "periods are non-empty", cfRules(`{"id":"r","kind":"designation","lists":["l"],"in_effect":[{"from":"2025-01-01"},{"from":"2025-03-01","until":"2025-02-01"}]}`), []string{"policy.rules[0].in_effect[1].until"}, "empty interval"},
		{"in_effect extra field", "unknown fields everywhere", cfRules(`{"id":"r","kind":"designation","lists":["l"],"in_effect":[{"since":"2025-01-01"}]}`), []string{"policy.rules[0].in_effect[0].since"}, "unknown field"},

		// Questions.
		{"question without at", "a question has a date", cfWorld(`"questions":[{"subject":"a"}]`), []string{"questions[0].at"}, "required"},
		{"question at null", "a question's date is not open", cfWorld(`"questions":[{"subject":"a","at":null}]`), []string{"questions[0].at"}, "want date string, got null"},
		{"question bad date", "days must exist", cfWorld(`"questions":[{"subject":"a","at":"2025-13-01"}]`), []string{"questions[0].at"}, "does not exist"},
	}
	members, paths := cfManyKeys(40)
	tests = append(tests, struct {
		name   string
		reason string
		input  string
		paths  []string
		msg    string
	}{"duplicate key in a large object", "duplicates are found past the small-object fast path",
		cfWorld(`"entities":[{"id":"a",` + members + `,"k07":1}]`), append(paths, "entities[0]"), "unknown field"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cf, err := DecodeCaseFile([]byte(tt.input))
			require.Error(t, err, tt.reason)
			assert.Nil(t, cf)
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "case file", ve.What)
			t.Log(err)
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tt.paths, paths, "%s\n%v", tt.reason, err)
			require.NotEmpty(t, ve.Problems)
			assert.Contains(t, ve.Problems[0].Message, tt.msg, tt.reason)
			assert.True(t, strings.HasPrefix(err.Error(), "eligibility: invalid case file:"), err.Error())
		})
	}
}

// manyKeys returns n distinct unknown members "k00":0, … of entities[0], and their paths.
func cfManyKeys(n int) (string, []string) {
	var members, paths []string
	for i := 0; i < n; i++ {
		members = append(members, fmt.Sprintf(`"k%02d":0`, i))
		paths = append(paths, fmt.Sprintf("entities[0].k%02d", i))
	}
	return strings.Join(members, ","), paths
}

// TestDecodeCaseFileManyProblems checks that every problem of a file is reported at once,
// in document order, and pins the error text.
func TestDecodeCaseFileManyProblems(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "casefile", "many-problems.json"))
	require.NoError(t, err)
	_, err = DecodeCaseFile(data)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{
		"format",
		"entities[0].kind",
		"entities[0].jurisdictions.headquarters",
		"entities[1].id",
		"entities[1].nmae",
		"stakes[0].percent",
		"stakes[0].from",
		"stakes[1].percent",
		"stakes[1].until",
		"controls[0].basis",
		"controls[0].controlled",
		"policy.rules[0].roles[0]",
		"policy.rules[0].threshold",
		"policy.rules[1].id",
		"policy.rules[1].threshold",
		"questions[0].at",
	}, paths)

	golden := filepath.Join("testdata", "casefile", "many-problems.golden.txt")
	if *updateCaseFileGolden {
		require.NoError(t, os.WriteFile(golden, []byte(err.Error()+"\n"), 0o644))
	}
	want, rerr := os.ReadFile(golden)
	require.NoError(t, rerr)
	assert.Equal(t, string(want), err.Error()+"\n")
}

// TestDecodeCaseFileLimits feeds inputs built to exhaust memory, stack or time.
func TestDecodeCaseFileLimits(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		input  string
		check  func(t *testing.T, ve *ValidationError)
	}{
		{"problem cap", "a flood of problems stops at 100", cfWorld(`"entities":[` + strings.Repeat(`1,`, 100000) + `1]`), func(t *testing.T, ve *ValidationError) {
			require.Len(t, ve.Problems, caseFileMaxProblems+1)
			assert.Equal(t, "entities[0]", ve.Problems[0].Path)
			assert.Equal(t, "too many problems: stopped after 100", ve.Problems[caseFileMaxProblems].Message)
		}},
		{"long number", "a million digits is out of range, not a hang", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1` + strings.Repeat("0", 1_000_000) + `}]`), func(t *testing.T, ve *ValidationError) {
			require.Len(t, ve.Problems, 1)
			assert.Equal(t, "stakes[0].percent", ve.Problems[0].Path)
			assert.Contains(t, ve.Problems[0].Message, "is outside [0, 100]")
			assert.Less(t, len(ve.Problems[0].Message), 200, "long literals are cut in messages")
		}},
		{"long fraction", "a million decimals that are not float noise are too precise", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":0.` + strings.Repeat("5", 1_000_000) + `}]`), func(t *testing.T, ve *ValidationError) {
			require.Len(t, ve.Problems, 1)
			assert.Contains(t, ve.Problems[0].Message, "more than 6 decimal places")
		}},
		{"huge exponent", "an exponent past int range", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":1e99999999999999999999}]`), func(t *testing.T, ve *ValidationError) {
			require.Len(t, ve.Problems, 1)
			assert.Contains(t, ve.Problems[0].Message, "is outside [0, 100]")
		}},
		{"long unknown key", "long keys are cut in paths", cfWorld(`"` + strings.Repeat("k", 100000) + `":1`), func(t *testing.T, ve *ValidationError) {
			require.Len(t, ve.Problems, 1)
			assert.Less(t, len(ve.Problems[0].Path), 200)
		}},
		{"deep skipped value", "deep nesting inside a skipped value stops", cfWorld(`"x":` + strings.Repeat(`[`, 1_000_000) + strings.Repeat(`]`, 1_000_000)), func(t *testing.T, ve *ValidationError) {
			require.Len(t, ve.Problems, 2)
			assert.Contains(t, ve.Problems[1].Message, "nesting deeper than 64 levels")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeCaseFile([]byte(tt.input))
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, tt.reason)
			tt.check(t, ve)
		})
	}
}

// TestDecodeCaseFileAccepts covers valid inputs beyond the conformance sets.
func TestDecodeCaseFileAccepts(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		input  string
		check  func(t *testing.T, cf *CaseFile)
	}{
		{"minimal", "format and policy are all that is required", cfDoc(`"policy":{"id":"p"}`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, &CaseFile{Format: CaseFileFormat, Policy: Policy{ID: "p"}}, cf)
		}},
		{"empty arrays", "empty arrays decode to nil", cfWorld(`"entities":[],"stakes":[],"controls":[],"lists":[],"questions":[]`), func(t *testing.T, cf *CaseFile) {
			assert.Nil(t, cf.Entities)
			assert.Nil(t, cf.Questions)
		}},
		{"escapes", "JSON escapes and surrogate pairs decode", cfWorld(`"entities":[{"id":"a\u00e9\ud83d\ude00\n\/\"\\"}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, "aé😀\n/\"\\", cf.Entities[0].ID)
		}},
		{"exact percents", "percent text is read exactly", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":50},{"owner":"a","owned":"c","percent":0.5e2},{"owner":"a","owned":"d","percent":33.333333},{"owner":"a","owned":"e","percent":-0}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, ownership.PercentOf(50), cf.Stakes[0].Share.Min)
			assert.Equal(t, ownership.PercentOf(50), cf.Stakes[1].Share.Min)
			assert.Equal(t, ownership.Percent(33_333_333), cf.Stakes[2].Share.Max)
			assert.Equal(t, ownership.Percent(0), cf.Stakes[3].Share.Max)
		}},
		{"float noise", "a float printed in full (100 - 72.59) is the two-decimal value it stands for", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":27.409999999999997},{"owner":"a","owned":"c","percent":{"min":72.59000000000001,"max":99.99999999999999}}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, ownership.MustParsePercent("27.41"), cf.Stakes[0].Share.Min)
			assert.Equal(t, ownership.MustParsePercent("72.59"), cf.Stakes[1].Share.Min)
			assert.Equal(t, ownership.Hundred, cf.Stakes[1].Share.Max)
		}},
		{"bounds", "0 and 100 are in range; a leap day exists", cfWorld(`"stakes":[{"owner":"a","owned":"b","percent":{"min":0,"max":100},"from":"2024-02-29","until":null}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, ownership.Range{Min: 0, Max: ownership.Hundred}, cf.Stakes[0].Share)
			assert.Equal(t, Interval{From: ownership.MustParseDate("2024-02-29")}, cf.Stakes[0].Valid)
		}},
		{"branch_of alone", "branch_of without kind makes a branch", cfWorld(`"entities":[{"id":"a"},{"id":"b","branch_of":"a"}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, Branch, cf.Entities[1].Kind)
		}},
		{"branch_of with a kind", "branch_of makes a branch whatever the kind says, as in the spec's example", cfWorld(`"entities":[{"id":"a"},{"id":"b","kind":"company","branch_of":"a"}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, Branch, cf.Entities[1].Kind)
			assert.Equal(t, "a", cf.Entities[1].BranchOf)
		}},
		{"in_effect", "absent is always, [] is never", cfRules(`{"id":"a","kind":"designation","lists":["l"]},{"id":"b","kind":"designation","lists":["l"],"in_effect":[]}`), func(t *testing.T, cf *CaseFile) {
			assert.Nil(t, cf.Policy.Rules[0].InEffect)
			assert.NotNil(t, cf.Policy.Rules[1].InEffect)
			assert.Empty(t, cf.Policy.Rules[1].InEffect)
		}},
		{"ownership defaults", "aggregate defaults to true, unknown_owners to review, effect to deny", cfRules(`{"id":"r",` + cfOwnRule + `}`), func(t *testing.T, cf *CaseFile) {
			r := cf.Policy.Rules[0]
			assert.True(t, r.Aggregate)
			assert.Equal(t, ownership.UnknownReview, r.UnknownOwners)
			assert.Equal(t, Deny, r.Effect)
			assert.True(t, r.HasThreshold)
			assert.True(t, r.HasInclusive)
			assert.False(t, r.HasReviewAt)
			assert.False(t, r.Restricted.HasJurisdictions)
		}},
		{"review_at equal to threshold", "review_at may equal the threshold", cfRules(`{"id":"r",` + cfOwnRule + `,"review_at":50}`), func(t *testing.T, cf *CaseFile) {
			assert.True(t, cf.Policy.Rules[0].HasReviewAt)
		}},
		{"dual-coded territory", "CN-HK is parsed like HK", cfWorld(`"entities":[{"id":"a","jurisdictions":{"headquarters":"CN-HK"}}]`), func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, caseFileCode(t, "HK"), cf.Entities[0].Jurisdictions[0].Code)
		}},
		{"keys in any order", "format may come last; whitespace anywhere", " \t\r\n{ \"policy\" : { \"id\" : \"p\" } , \"format\" : \"eligo.case/v1\" } \n", func(t *testing.T, cf *CaseFile) {
			assert.Equal(t, "p", cf.Policy.ID)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cf, err := DecodeCaseFile([]byte(tt.input))
			require.NoError(t, err, tt.reason)
			tt.check(t, cf)
			assertCaseFileRoundTrip(t, cf)
		})
	}
}

type caseFileErrReader struct{}

func (caseFileErrReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadCaseFile(t *testing.T) {
	_, err := ReadCaseFile(caseFileErrReader{})
	require.Error(t, err)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "a read error is wrapped")
	assert.False(t, errors.Is(err, ErrInvalid), "a read error is not invalid input")

	cf, err := ReadCaseFile(strings.NewReader(cfDoc(`"policy":{"id":"p"}`)))
	require.NoError(t, err)
	assert.Equal(t, "p", cf.Policy.ID)
}

// TestCaseFileMarshalJSON covers encoding of values built in Go rather than decoded.
func TestCaseFileMarshalJSON(t *testing.T) {
	t.Run("defaults", func(t *testing.T) {
		b, err := (&CaseFile{}).MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, `{"format":"eligo.case/v1","policy":{}}`, string(b))
	})
	t.Run("nil", func(t *testing.T) {
		b, err := (*CaseFile)(nil).MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, "null", string(b))
	})
	t.Run("json.Marshal", func(t *testing.T) {
		b, err := json.Marshal(&CaseFile{Policy: Policy{ID: "p<&>"}})
		require.NoError(t, err)
		var back map[string]any
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, "p<&>", back["policy"].(map[string]any)["id"])
	})
	t.Run("strings", func(t *testing.T) {
		cf := &CaseFile{Format: CaseFileFormat, Policy: Policy{ID: "\x00\x1f\t\"\\é\u2028"}}
		assertCaseFileRoundTrip(t, cf)
	})
	t.Run("bad enum", func(t *testing.T) {
		_, err := (&CaseFile{Entities: []Entity{{ID: "a"}, {ID: "b", Kind: EntityKind(42)}}}).MarshalJSON()
		require.Error(t, err)
		assert.Contains(t, err.Error(), "entities[1].kind")
		_, err = (&CaseFile{Policy: Policy{Rules: []Rule{{ID: "r", Kind: OwnershipRule,
			Controls: map[ownership.Basis]ownership.ControlEffect{ownership.Basis(99): ownership.ControlDeny}}}}}).MarshalJSON()
		require.Error(t, err)
		assert.Contains(t, err.Error(), "policy.rules[0].controls")
	})
	t.Run("roles grouped", func(t *testing.T) {
		cn, sg := caseFileCode(t, "CN"), caseFileCode(t, "SG")
		cf := &CaseFile{Entities: []Entity{{ID: "a", Jurisdictions: []RoleCode{
			{Operations, cn}, {Headquarters, sg}, {Operations, sg}}}}}
		b, err := cf.MarshalJSON()
		require.NoError(t, err)
		assert.Contains(t, string(b), `"jurisdictions":{"operations":["CN","SG"],"headquarters":"SG"}`)
	})
}

// caseFileWorld generates a case file with n entities in a chain of 60% stakes.
func caseFileWorld(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"format":"eligo.case/v1","entities":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"e%d","name":"Entity %d","jurisdictions":{"headquarters":"SG","operations":["SG","MY"]}}`, i, i)
	}
	b.WriteString(`],"stakes":[`)
	for i := 1; i < n; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"owner":"e%d","owned":"e%d","percent":60.5,"from":"2020-01-01"}`, i-1, i)
	}
	b.WriteString(`],"policy":{"id":"p","rules":[{"id":"r",` + cfOwnRule + `}]},"questions":[{"subject":"e1","at":"2026-01-01"}]}`)
	return []byte(b.String())
}

func BenchmarkDecodeCaseFile(b *testing.B) {
	data := caseFileWorld(10_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeCaseFile(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10_000, "ns/entity")
}

func BenchmarkEncodeCaseFile(b *testing.B) {
	cf, err := DecodeCaseFile(caseFileWorld(10_000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cf.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10_000, "ns/entity")
}

// ExampleDecodeCaseFile decodes a small case file and shows how a bad one is reported.
func ExampleDecodeCaseFile() {
	cf, err := DecodeCaseFile([]byte(`{
	  "format": "eligo.case/v1",
	  "entities": [{"id": "acme-cn", "jurisdictions": {"headquarters": "CN"}}, {"id": "acme-sg"}],
	  "stakes": [{"owner": "acme-cn", "owned": "acme-sg", "percent": 60}],
	  "policy": {"id": "p", "rules": [{"id": "hq", "kind": "jurisdiction", "roles": ["headquarters"], "jurisdictions": ["CN"]}]},
	  "questions": [{"subject": "acme-sg", "at": "2026-02-27"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(cf.Entities), cf.Stakes[0].Share, cf.Questions[0].At)

	_, err = DecodeCaseFile([]byte(`{"format": "eligo.case/v1", "policy": {"id": "p"},
	  "stakes": [{"owner": "a", "owned": "b", "percent": 100.5, "form": "2025-01-01"}]}`))
	fmt.Println(err)
	// Output:
	// 2 60 2026-02-27
	// eligibility: invalid case file:
	//	stakes[0].percent: percent 100.5 is outside [0, 100]
	//	stakes[0].form: unknown field
}
