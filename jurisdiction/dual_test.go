package jurisdiction

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eligo/eligo/jurisdiction/internal/fold"
	"github.com/stretchr/testify/assert"
)

// wantDual lists every territory ISO codes twice, as "subdivision -> code it
// parses to". Source: the remarks of ISO 3166-1 ("Included also as
// subdivision of ..."), checked against iso_3166-2.json.
var wantDual = []string{
	"CN-HK -> HK",
	"CN-MO -> MO",
	"CN-TW -> TW",
	"FI-01 -> AX",
	"FR-971 -> GP",
	"FR-972 -> MQ",
	"FR-973 -> GF",
	"FR-974 -> RE",
	"FR-976 -> YT",
	"FR-BL -> BL",
	"FR-GF -> GF",
	"FR-GP -> GP",
	"FR-MF -> MF",
	"FR-MQ -> MQ",
	"FR-NC -> NC",
	"FR-PF -> PF",
	"FR-PM -> PM",
	"FR-RE -> RE",
	"FR-TF -> TF",
	"FR-WF -> WF",
	"FR-YT -> YT",
	"NL-AW -> AW",
	"NL-BQ1 -> BQ-BO",
	"NL-BQ2 -> BQ-SA",
	"NL-BQ3 -> BQ-SE",
	"NL-CW -> CW",
	"NL-SX -> SX",
	"NO-21 -> NO-21", // Svalbard: a code of its own, inside SJ
	"NO-22 -> NO-22", // Jan Mayen: a code of its own, inside SJ
	"US-AS -> AS",
	"US-GU -> GU",
	"US-MP -> MP",
	"US-PR -> PR",
	"US-UM -> UM",
	"US-VI -> VI",
}

func TestDualCoded(t *testing.T) {
	var got []string
	for _, d := range DualCoded() {
		got = append(got, d.Subdivision+" -> "+d.Territory.String())
		assert.Equal(t, d.Subdivision[:2], d.Parent.String())
		assert.Equal(t, d.Territory, MustParse(d.Subdivision), "Parse(Subdivision) == Territory")
		assert.NotEqual(t, d.Parent, d.Territory.Country(), "%s is not inside %s", d.Territory, d.Parent)
		assert.False(t, NewSet(d.Parent).Contains(d.Territory), "a country never contains its dual-coded territories")
		assert.Contains(t, TerritoriesOf(d.Parent), d.Territory)
	}
	assert.Equal(t, wantDual, got)
}

func TestTerritoriesOf(t *testing.T) {
	tests := []struct {
		country string
		want    []string
		reason  string
	}{
		{"CN", []string{"HK", "MO", "TW"}, "the SARs and Taiwan"},
		{"US", []string{"AS", "GU", "MP", "PR", "UM", "VI"}, "US outlying areas"},
		{"FR", []string{"BL", "GF", "GP", "MF", "MQ", "NC", "PF", "PM", "RE", "TF", "WF", "YT"}, "French overseas; GP and others appear twice in ISO 3166-2 but once here"},
		{"NL", []string{"AW", "BQ-BO", "BQ-SA", "BQ-SE", "CW", "SX"}, "Kingdom of the Netherlands"},
		{"NO", []string{"NO-21", "NO-22"}, "Svalbard and Jan Mayen"},
		{"FI", []string{"AX"}, "Åland"},
		{"DE", nil, "no dual-coded territory"},
		{"CN-BJ", nil, "a subdivision"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range TerritoriesOf(MustParse(tt.country)) {
			got = append(got, c.String())
		}
		assert.Equal(t, tt.want, got, tt.reason)
	}
	assert.Nil(t, TerritoriesOf(Code{}))

	cn := MustParse("CN")
	withSARs := NewSet(append(TerritoriesOf(cn), cn)...)
	assert.True(t, withSARs.Contains(MustParse("HK")))
	assert.True(t, withSARs.Contains(MustParse("TW-TPE")))
}

// notDual lists the subdivisions that the scan in TestDualCodedIsComplete
// flags but that are not dual-coded, each with the reason.
var notDual = map[string]string{
	"BE-WLX": "Belgian province named Luxembourg",
	"FR-CP":  "Clipperton: a French dependency with no ISO 3166-1 code",
	"GN-ML":  "Guinean prefecture named Mali",
	"NG-NI":  "Nigerian state named Niger",
	"US-GA":  "US state named Georgia",
	"MU-AG":  "Mauritian dependency with no ISO 3166-1 code",
	"MU-CC":  "Mauritian dependency with no ISO 3166-1 code",
	"MU-RO":  "Mauritian dependency with no ISO 3166-1 code",
	"SH-AC":  "part of SH, not coded separately",
	"SH-HL":  "part of SH, not coded separately",
	"SH-TA":  "part of SH, not coded separately",
	"TL-OE":  "Timorese special administrative region, no ISO 3166-1 code",
	"ES-CE":  "Ceuta: EA is only exceptionally reserved, not an ISO 3166-1 code",
	"ES-ML":  "Melilla: EA is only exceptionally reserved",
	"ES-CN":  "Canary Islands: IC is only exceptionally reserved",
	"AG-10":  "Barbuda: a dependency of Antigua and Barbuda",
	"AG-11":  "Redonda: a dependency of Antigua and Barbuda",
	"GD-10":  "Southern Grenadine Islands: a dependency of Grenada",
	"FJ-R":   "Rotuma: a dependency of Fiji",
	"ID-PA":  "Indonesian province of Papua, not Papua New Guinea",
	"ID-PP":  "Indonesian province of Papua Pegunungan, not Papua New Guinea",
	"GB-NFK": "English county of Norfolk, not Norfolk Island",
	"GW-L":   "Guinea-Bissau's Leste province, not Timor-Leste",
	"BQ-BO":  "the ISO 3166-1 side of NL-BQ1",
	"BQ-SA":  "the ISO 3166-1 side of NL-BQ2",
	"BQ-SE":  "the ISO 3166-1 side of NL-BQ3",
}

// TestDualCodedIsComplete scans the ISO 3166-2 data for subdivisions that
// look like territories with their own ISO 3166-1 code, by type, by name and
// by code, and checks that each is dual-coded or explained in notDual.
func TestDualCodedIsComplete(t *testing.T) {
	d := loadISO(t)
	parens := regexp.MustCompile(`\(.*?\)|\[.*?\]`)
	key := func(s string) string { return fold.Key(parens.ReplaceAllString(s, "")) }
	type cty struct{ alpha2, key string }
	var names []cty
	for _, c := range d.countries {
		for _, n := range []string{c.Name, c.OfficialName, c.CommonName} {
			if n != "" {
				names = append(names, cty{c.Alpha2, key(n)})
			}
		}
	}
	territorial := []string{"Outlying area", "Overseas", "Special administrative region", "Arctic region", "Dependency", "Geographical entity", "Autonomous city in north africa", "Autonomous community"}
	generic := map[string]bool{"central": true, "eastern": true, "western": true, "northern": true, "southern": true, "north": true, "south": true, "new": true, "saint": true, "san": true}
	dual := map[string]bool{}
	for _, dc := range DualCoded() {
		dual[dc.Subdivision] = true
	}
	flagged := map[string]string{}
	for _, s := range d.subdivisions {
		cc, suffix, _ := strings.Cut(s.Code, "-")
		k := key(s.Name)
		var why []string
		for _, p := range territorial {
			if strings.HasPrefix(s.Type, p) && (p != "Autonomous community" || s.Code == "ES-CN") {
				why = append(why, "type "+s.Type)
			}
		}
		if cc == "NL" && (s.Type == "Country" || s.Type == "Special municipality") {
			why = append(why, "constituent country or special municipality of NL")
		}
		for _, c := range names {
			if c.alpha2 == cc {
				continue
			}
			words := strings.Fields(k)
			if k == c.key {
				why = append(why, "name of "+c.alpha2)
			} else if len(words) > 0 && !generic[words[0]] && (strings.HasPrefix(c.key, k+" ") || strings.Contains(" "+c.key+" ", " "+k+" ")) {
				why = append(why, "part of the name of "+c.alpha2)
			}
			if suffix == c.alpha2 && len(words) > 0 && !generic[words[0]] && strings.Fields(c.key)[0] == words[0] {
				why = append(why, "code and name of "+c.alpha2)
			}
		}
		if len(why) > 0 {
			flagged[s.Code] = strings.Join(slices.Compact(why), "; ")
		}
	}
	for code, why := range flagged {
		if !dual[code] {
			_, ok := notDual[code]
			assert.True(t, ok, "%s (%s) looks dual-coded but is neither in DualCoded nor explained in notDual", code, why)
		}
	}
	for code := range dual {
		assert.Contains(t, flagged, code, "the scan should find dual-coded %s", code)
	}
	for code := range notDual {
		_, ok := flagged[code]
		assert.True(t, ok || strings.HasPrefix(code, "BQ-"), "notDual entry %s is not flagged: remove it", code)
	}
}
