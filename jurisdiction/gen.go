//go:build ignore

// Gen generates tables.go from the ISO 3166 JSON files of Debian's iso-codes
// package (iso_3166-1.json, iso_3166-2.json, iso_3166-3.json):
//
//	go run gen.go -src /usr/share/iso-codes/json
//
// Besides the ISO data it holds the package's three hand-curated tables, each
// checked against the data before anything is written:
//
//   - dualCoded: the ISO 3166-2 subdivision codes of territories that also
//     have an ISO 3166-1 code (the "Included also as subdivision" remarks of
//     ISO 3166-1);
//   - replacements: the codes that replaced each withdrawn ISO 3166-3 entry
//     (the "new codes" column of ISO 3166-3, which iso-codes does not carry);
//   - aliases: common names that are in neither ISO table.
//
// The output is deterministic: the same input always gives the same bytes, and
// the package's tests regenerate it and compare.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/eligo/eligo/jurisdiction/internal/fold"
)

// dualCoded maps ISO 3166-2 codes of territories that ISO codes twice to the
// code they stand for. A target of the form "XX" or "XX-YY" means the
// subdivision code is an alias of that code; a target "^XX" means the
// subdivision keeps its own code but belongs to country XX rather than to the
// country of its prefix (Svalbard and Jan Mayen are two NO subdivisions that
// together make up SJ, which ISO does not subdivide).
//
// Source: the remarks of the ISO 3166-1 entries ("Included also as
// subdivision of ..."), checked by hand against iso_3166-2.json; the
// package's tests list every pair and scan the data for candidates missing
// here.
var dualCoded = map[string]string{
	"CN-HK":  "HK",
	"CN-MO":  "MO",
	"CN-TW":  "TW",
	"FI-01":  "AX",
	"FR-971": "GP",
	"FR-972": "MQ",
	"FR-973": "GF",
	"FR-974": "RE",
	"FR-976": "YT",
	"FR-BL":  "BL",
	"FR-GF":  "GF",
	"FR-GP":  "GP",
	"FR-MF":  "MF",
	"FR-MQ":  "MQ",
	"FR-NC":  "NC",
	"FR-PF":  "PF",
	"FR-PM":  "PM",
	"FR-RE":  "RE",
	"FR-TF":  "TF",
	"FR-WF":  "WF",
	"FR-YT":  "YT",
	"NL-AW":  "AW",
	"NL-BQ1": "BQ-BO",
	"NL-BQ2": "BQ-SA",
	"NL-BQ3": "BQ-SE",
	"NL-CW":  "CW",
	"NL-SX":  "SX",
	"NO-21":  "^SJ",
	"NO-22":  "^SJ",
	"US-AS":  "AS",
	"US-GU":  "GU",
	"US-MP":  "MP",
	"US-PR":  "PR",
	"US-UM":  "UM",
	"US-VI":  "VI",
}

// replacements maps each ISO 3166-3 alpha-4 code to the current ISO 3166-1
// codes that cover its former territory, and an optional note.
//
// Source: ISO 3166-3, "new codes" of each entry. Yugoslavia (YUCS) was renamed
// Serbia and Montenegro (CS, itself withdrawn); its current successors are
// listed.
var replacements = map[string][2]string{
	"AIDJ": {"DJ", ""},
	"ANHH": {"BQ CW SX", ""},
	"BQAQ": {"AQ", ""},
	"BUMM": {"MM", ""},
	"BYAA": {"BY", ""},
	"CSHH": {"CZ SK", ""},
	"CSXX": {"ME RS", ""},
	"CTKI": {"KI", ""},
	"DDDE": {"DE", ""},
	"DYBJ": {"BJ", ""},
	"FQHH": {"AQ TF", ""},
	"FXFR": {"FR", ""},
	"GEHH": {"KI TV", ""},
	"HVBF": {"BF", ""},
	"JTUM": {"UM", ""},
	"MIUM": {"UM", ""},
	"NHVU": {"VU", ""},
	"NQAQ": {"AQ", ""},
	"NTHH": {"IQ SA", ""},
	"PCHH": {"FM MH MP PW", ""},
	"PUUM": {"UM", ""},
	"PZPA": {"PA", ""},
	"RHZW": {"ZW", ""},
	"SKIN": {"IN", ""},
	"SUHH": {"AM AZ EE GE KG KZ LT LV MD RU TJ TM UZ", "Belarus (BY) and Ukraine (UA) had their own codes before the USSR was withdrawn"},
	"TPTL": {"TL", ""},
	"VDVN": {"VN", ""},
	"WKUM": {"UM", ""},
	"YDYE": {"YE", ""},
	"YUCS": {"ME RS", "renamed Serbia and Montenegro (CS) in 2003, itself withdrawn in 2006"},
	"ZRCD": {"CD", ""},
}

// aliases are names in neither ISO table that ParseName accepts. Each must be
// unambiguous: common English short forms, abbreviations and endonyms.
var aliases = []struct{ name, code string }{
	{"USA", "US"},
	{"U.S.", "US"},
	{"Washington, D.C.", "US-DC"},
	{"UK", "GB"},
	{"Great Britain", "GB"},
	{"Britain", "GB"},
	{"PRC", "CN"},
	{"Mainland China", "CN"},
	{"China, People's Republic of", "CN"},
	{"Macau", "MO"},
	{"UAE", "AE"},
	{"Russia", "RU"},
	{"Korea, South", "KR"},
	{"ROK", "KR"},
	{"Korea, North", "KP"},
	{"DPRK", "KP"},
	{"Holland", "NL"},
	{"Turkey", "TR"},
	{"Burma", "MM"},
	{"Ivory Coast", "CI"},
	{"Cape Verde", "CV"},
	{"Swaziland", "SZ"},
	{"East Timor", "TL"},
	{"Macedonia", "MK"},
	{"Vatican", "VA"},
	{"Vatican City", "VA"},
	{"Brunei", "BN"},
	{"DRC", "CD"},
	{"DR Congo", "CD"},
	{"Congo-Kinshasa", "CD"},
	{"Congo-Brazzaville", "CG"},
	{"Falklands", "FK"},
	{"Bosnia", "BA"},
	{"Bosnia-Herzegovina", "BA"},
	{"Brasil", "BR"},
	{"Deutschland", "DE"},
	{"España", "ES"},
	{"Italia", "IT"},
	{"Nederland", "NL"},
	{"Belgique", "BE"},
	{"België", "BE"},
	{"Schweiz", "CH"},
	{"Suisse", "CH"},
	{"Svizzera", "CH"},
	{"Österreich", "AT"},
	{"Sverige", "SE"},
	{"Norge", "NO"},
	{"Danmark", "DK"},
	{"Suomi", "FI"},
	{"Polska", "PL"},
	{"Česko", "CZ"},
	{"Hrvatska", "HR"},
	{"Magyarország", "HU"},
	{"Nippon", "JP"},
	{"Nihon", "JP"},
}

// cnDesignations are the generic parts of Chinese subdivision names, removed
// to give the common short name ("Beijing Shi" -> "Beijing").
var cnDesignations = []string{
	" Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Huizi Zizhiqu", " Uygur Zizhiqu",
	" Zizhiqu", " Sheng", " Shi", " SAR",
}

// Name-index tiers; lower wins. Must match names.go.
const (
	tierAlias       = 0
	tierPrimary     = 1 // ISO 3166-1 names and codes; US subdivision names and codes
	tierVariant     = 2 // derived forms of ISO 3166-1 names
	tierSubdivision = 3 // other ISO 3166-2 names and their derived forms
	tierWithdrawn   = 4 // ISO 3166-3 names and codes
)

type country struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Numeric      string `json:"numeric"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

type subdivision struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

type withdrawn struct {
	Alpha2         string `json:"alpha_2"`
	Alpha3         string `json:"alpha_3"`
	Alpha4         string `json:"alpha_4"`
	Numeric        string `json:"numeric"`
	Name           string `json:"name"`
	WithdrawalDate string `json:"withdrawal_date"`
	Comment        string `json:"comment"`
}

type code struct {
	str     string
	name    string
	typ     string
	country string // alpha-2 of the country it belongs to
	parent  string // code of the parent (country or subdivision)
	c       *country
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	src := flag.String("src", "/usr/share/iso-codes/json", "directory holding iso_3166-{1,2,3}.json")
	out := flag.String("o", "tables.go", "output file")
	version := flag.String("version", "4.15.0", "iso-codes release of the source files")
	flag.Parse()

	var in1 struct {
		Entries []country `json:"3166-1"`
	}
	var in2 struct {
		Entries []subdivision `json:"3166-2"`
	}
	var in3 struct {
		Entries []withdrawn `json:"3166-3"`
	}
	load(filepath.Join(*src, "iso_3166-1.json"), &in1)
	load(filepath.Join(*src, "iso_3166-2.json"), &in2)
	load(filepath.Join(*src, "iso_3166-3.json"), &in3)

	b, err := generate(*version, in1.Entries, in2.Entries, in3.Entries)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

func load(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

func generate(version string, countries []country, subs []subdivision, wds []withdrawn) ([]byte, error) {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	byAlpha2 := map[string]*country{}
	for i := range countries {
		c := &countries[i]
		if len(c.Alpha2) != 2 || len(c.Alpha3) != 3 || len(c.Numeric) != 3 {
			fail("3166-1 %q: malformed codes", c.Alpha2)
		}
		if byAlpha2[c.Alpha2] != nil {
			fail("3166-1 %q: duplicate", c.Alpha2)
		}
		byAlpha2[c.Alpha2] = c
	}
	subByCode := map[string]*subdivision{}
	for i := range subs {
		s := &subs[i]
		if subByCode[s.Code] != nil {
			fail("3166-2 %q: duplicate", s.Code)
		}
		subByCode[s.Code] = s
	}

	// Check the dual-coding table against the data.
	for sub, target := range dualCoded {
		if subByCode[sub] == nil {
			fail("dualCoded: %s is not an ISO 3166-2 code", sub)
		}
		t := strings.TrimPrefix(target, "^")
		if byAlpha2[t] == nil && subByCode[t] == nil {
			fail("dualCoded: %s: target %s is not a code", sub, target)
		}
	}

	// Assemble the codes: countries and every subdivision that is not an
	// alias of another code.
	codes := map[string]*code{}
	for _, c := range countries {
		codes[c.Alpha2] = &code{str: c.Alpha2, name: c.Name, country: c.Alpha2, c: byAlpha2[c.Alpha2]}
	}
	parentOf := func(s *subdivision) string {
		cc := s.Code[:2]
		switch {
		case s.Parent == "":
			return cc
		case strings.Contains(s.Parent, "-"):
			return s.Parent
		default:
			return cc + "-" + s.Parent
		}
	}
	for _, s := range subs {
		cc := s.Code[:2]
		if byAlpha2[cc] == nil {
			fail("3166-2 %s: no country %s", s.Code, cc)
			continue
		}
		if len(s.Code) < 4 || len(s.Code) > 6 || s.Code[2] != '-' {
			fail("3166-2 %s: malformed code", s.Code)
		}
		target, dual := dualCoded[s.Code]
		if dual && !strings.HasPrefix(target, "^") {
			continue
		}
		p := parentOf(&s)
		if subByCode[p] == nil && byAlpha2[p] == nil {
			fail("3166-2 %s: parent %s does not exist", s.Code, p)
		}
		if t, ok := dualCoded[p]; ok {
			fail("3166-2 %s: parent %s is dual-coded (%s)", s.Code, p, t)
		}
		c := &code{str: s.Code, name: s.Name, typ: s.Type, country: cc, parent: p}
		if dual {
			c.country = target[1:]
			c.parent = target[1:]
		}
		codes[s.Code] = c
	}
	var order []string
	for k := range codes {
		order = append(order, k)
	}
	sort.Strings(order)
	if len(order) >= 1<<13 {
		fail("%d codes do not fit the 13-bit name-index entries", len(order))
	}
	index := map[string]int{}
	for i, k := range order {
		index[k] = i + 1
	}
	// Resolve the code a subdivision code stands for: itself, or for a
	// dual-coded subdivision the code it is an alias of.
	resolve := func(s string) int {
		if t, ok := dualCoded[s]; ok && !strings.HasPrefix(t, "^") {
			return index[t]
		}
		return index[s]
	}

	// Withdrawn entries, sorted by alpha-4.
	slices.SortFunc(wds, func(a, b withdrawn) int { return strings.Compare(a.Alpha4, b.Alpha4) })
	for _, w := range wds {
		r, ok := replacements[w.Alpha4]
		if !ok {
			fail("3166-3 %s: no replacements listed", w.Alpha4)
			continue
		}
		for _, c := range strings.Fields(r[0]) {
			if byAlpha2[c] == nil {
				fail("replacements %s: %s is not a current code", w.Alpha4, c)
			}
		}
	}
	for a4 := range replacements {
		if !slices.ContainsFunc(wds, func(w withdrawn) bool { return w.Alpha4 == a4 }) {
			fail("replacements: %s is not in ISO 3166-3", a4)
		}
	}

	// Types.
	typeSet := map[string]bool{}
	for _, k := range order {
		if t := codes[k].typ; t != "" {
			typeSet[t] = true
		}
	}
	types := []string{""}
	for t := range typeSet {
		types = append(types, t)
	}
	sort.Strings(types[1:])
	typeIndex := map[string]int{}
	for i, t := range types {
		typeIndex[t] = i
	}
	if len(types) > 255 {
		fail("%d subdivision types do not fit a byte", len(types))
	}

	// Name index.
	type entry struct {
		key  string
		val  int // code index, or withdrawn ordinal for tierWithdrawn
		tier int
	}
	var entries []entry
	add := func(name string, val, tier int) {
		if k := fold.Key(name); k != "" {
			entries = append(entries, entry{k, val, tier})
		}
	}
	for i, k := range order {
		c := codes[k]
		idx := i + 1
		if c.c != nil {
			add(c.c.Alpha2, idx, tierPrimary)
			add(c.c.Alpha3, idx, tierPrimary)
			for _, n := range []string{c.c.Name, c.c.OfficialName, c.c.CommonName} {
				if n == "" {
					continue
				}
				add(n, idx, tierPrimary)
				for _, v := range variants(n) {
					add(v, idx, tierVariant)
				}
			}
			continue
		}
		tier := tierSubdivision
		if c.str[:2] == "US" {
			tier = tierPrimary
			add(c.str[3:], idx, tier)
		}
		for _, n := range subdivisionNames(c.str, c.name) {
			add(n, idx, tier)
		}
	}
	// Dual-coded subdivisions lend their names to the code they stand for, at
	// the subdivision tier so that they never shadow a country's own names.
	for _, sub := range sortedKeys(dualCoded) {
		if strings.HasPrefix(dualCoded[sub], "^") {
			continue // kept as a code of its own, indexed above
		}
		idx := resolve(sub)
		if sub[:2] == "US" {
			add(sub[3:], idx, tierPrimary)
		}
		for _, n := range subdivisionNames(sub, subByCode[sub].Name) {
			add(n, idx, tierSubdivision)
		}
	}
	for wi, w := range wds {
		for _, n := range []string{w.Alpha4, w.Name} {
			add(n, wi, tierWithdrawn)
		}
		if byAlpha2[w.Alpha2] == nil {
			add(w.Alpha2, wi, tierWithdrawn)
		}
		if !slices.ContainsFunc(countries, func(c country) bool { return c.Alpha3 == w.Alpha3 }) {
			add(w.Alpha3, wi, tierWithdrawn)
		}
		for _, v := range variants(w.Name) {
			add(v, wi, tierWithdrawn)
		}
		if before, _, ok := strings.Cut(w.Name, ","); ok {
			add(before, wi, tierWithdrawn)
		}
	}
	// An alias must not hide another reading of the same words at the
	// country or US-state level.
	primary := map[string]map[int]bool{}
	for _, e := range entries {
		if e.tier <= tierVariant {
			if primary[e.key] == nil {
				primary[e.key] = map[int]bool{}
			}
			primary[e.key][e.val] = true
		}
	}
	for _, a := range aliases {
		if a.code == "" {
			continue
		}
		idx, ok := index[a.code]
		if !ok {
			fail("alias %q: %s is not a code", a.name, a.code)
			continue
		}
		k := fold.Key(a.name)
		if p := primary[k]; len(p) > 0 && !(len(p) == 1 && p[idx]) {
			fail("alias %q: key %q already names other codes", a.name, k)
		}
		entries = append(entries, entry{k, idx, tierAlias})
	}
	// Keep one entry per (key, value): the lowest tier.
	type kv struct {
		key       string
		val       int
		withdrawn bool
	}
	best := map[kv]int{}
	for _, e := range entries {
		k := kv{e.key, e.val, e.tier == tierWithdrawn}
		if t, ok := best[k]; !ok || e.tier < t {
			best[k] = e.tier
		}
	}
	entries = entries[:0]
	for k, t := range best {
		entries = append(entries, entry{k.key, k.val, t})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		if a.tier != b.tier {
			return a.tier - b.tier
		}
		return a.val - b.val
	})

	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// Emit.
	var w bytes.Buffer
	fmt.Fprintf(&w, "// Code generated by gen.go; DO NOT EDIT.\n\n")
	fmt.Fprintf(&w, "package jurisdiction\n\n")
	fmt.Fprintf(&w, "// DataVersion names the release of Debian's iso-codes package whose ISO 3166\n")
	fmt.Fprintf(&w, "// tables the package was generated from.\n")
	fmt.Fprintf(&w, "const DataVersion = %q\n\n", "iso-codes "+version)
	fmt.Fprintf(&w, "const (\n\tnumCodes = %d\n\tnumCountries = %d\n\tnumSubdivisions = %d\n)\n\n",
		len(order), len(countries), len(order)-len(countries))

	// Codes and names.
	var codeStr strings.Builder
	codeOff := []int{0}
	var nameStr strings.Builder
	nameOff := []int{0}
	countryOf := []int{0}
	parentIdx := []int{0}
	typeOf := []int{0}
	for _, k := range order {
		c := codes[k]
		codeStr.WriteString(c.str)
		codeOff = append(codeOff, codeStr.Len())
		nameStr.WriteString(c.name)
		nameOff = append(nameOff, nameStr.Len())
		countryOf = append(countryOf, index[c.country])
		if c.parent == "" {
			parentIdx = append(parentIdx, 0)
		} else {
			parentIdx = append(parentIdx, index[c.parent])
		}
		typeOf = append(typeOf, typeIndex[c.typ])
	}
	writeString(&w, "codeStr holds every code in index order: code i is codeStr[codeOff[i-1]:codeOff[i]].", "codeStr", codeStr.String())
	writeInts(&w, "", "codeOff", "[numCodes + 1]uint16", codeOff)
	writeInts(&w, "countryOf is the index of the country of each code (itself for a country).", "countryOf", "[numCodes + 1]uint16", countryOf)
	writeInts(&w, "parentOf is the index of the parent of each subdivision: its country or a larger subdivision (0 for a country).", "parentOf", "[numCodes + 1]uint16", parentIdx)
	writeInts(&w, "typeOf indexes typeStr for each subdivision (0 for a country).", "typeOf", "[numCodes + 1]uint8", typeOf)

	// Country attributes, by ordinal (alpha-2 order).
	slots := make([]int, 26*26)
	blockEnd := make([]int, 26*26)
	var alpha3 strings.Builder
	numeric := make([]int, 1000)
	var ctyIdx []int
	var ctyNum strings.Builder
	var extraOff []int // official, common name ends, appended to nameStr
	type a3 struct {
		s   string
		idx int
	}
	var a3s []a3
	sortedCountries := slices.Clone(countries)
	slices.SortFunc(sortedCountries, func(a, b country) int { return strings.Compare(a.Alpha2, b.Alpha2) })
	for ord, c := range sortedCountries {
		slot := int(c.Alpha2[0]-'A')*26 + int(c.Alpha2[1]-'A')
		idx := index[c.Alpha2]
		slots[slot] = ord + 1
		end := idx + 1
		for end <= len(order) && strings.HasPrefix(order[end-1], c.Alpha2+"-") {
			end++
		}
		blockEnd[slot] = end
		alpha3.WriteString(c.Alpha3)
		n, err := strconv.Atoi(c.Numeric)
		if err != nil || numeric[n] != 0 {
			return nil, fmt.Errorf("3166-1 %s: bad or duplicate numeric %q", c.Alpha2, c.Numeric)
		}
		numeric[n] = idx
		ctyNum.WriteString(c.Numeric)
		ctyIdx = append(ctyIdx, idx)
		nameStr.WriteString(c.OfficialName)
		extraOff = append(extraOff, nameStr.Len())
		nameStr.WriteString(c.CommonName)
		extraOff = append(extraOff, nameStr.Len())
		a3s = append(a3s, a3{c.Alpha3, idx})
	}
	writeString(&w, "nameStr holds the ISO name of every code in index order (code i is nameStr[nameOff[i-1]:nameOff[i]]),\n// followed by the official and common names of the countries (see ctyNameOff).", "nameStr", nameStr.String())
	writeInts(&w, "", "nameOff", "[numCodes + 1]uint32", nameOff)
	writeInts(&w, "ctyNameOff holds, for country ordinal k, the ends of its official name (2k) and common name (2k+1) in nameStr;\n// each starts where the previous one ends, the first at nameOff[numCodes].", "ctyNameOff", "[2 * numCountries]uint32", extraOff)
	writeInts(&w, "alpha2Ord maps an alpha-2 code (26*(c0-'A')+(c1-'A')) to its country ordinal + 1 (0: none).", "alpha2Ord", "[26 * 26]uint8", slots)
	writeInts(&w, "alpha2End maps an alpha-2 code to one past the index of the last code it prefixes.", "alpha2End", "[26 * 26]uint16", blockEnd)
	writeInts(&w, "ctyIdx is the code index of each country ordinal.", "ctyIdx", "[numCountries]uint16", ctyIdx)
	writeString(&w, "ctyNumeric holds the ISO 3166-1 numeric code of each country ordinal, 3 digits each.", "ctyNumeric", ctyNum.String())
	writeString(&w, "ctyAlpha3 holds the alpha-3 code of each country ordinal, 3 bytes each.", "ctyAlpha3", alpha3.String())
	writeInts(&w, "numericIdx maps an ISO 3166-1 numeric code to a code index (0: none).", "numericIdx", "[1000]uint16", numeric)
	slices.SortFunc(a3s, func(a, b a3) int { return strings.Compare(a.s, b.s) })
	var a3sorted strings.Builder
	var a3idx []int
	for _, a := range a3s {
		a3sorted.WriteString(a.s)
		a3idx = append(a3idx, a.idx)
	}
	writeString(&w, "alpha3Sorted holds the alpha-3 codes in sorted order, 3 bytes each; alpha3Idx holds their code indices.", "alpha3Sorted", a3sorted.String())
	writeInts(&w, "", "alpha3Idx", "[numCountries]uint16", a3idx)

	var typeStr strings.Builder
	typeOff := []int{0}
	for _, t := range types[1:] {
		typeStr.WriteString(t)
		typeOff = append(typeOff, typeStr.Len())
	}
	writeString(&w, "typeStr holds the subdivision types: type t (1-based) is typeStr[typeOff[t-1]:typeOff[t]].", "typeStr", typeStr.String())
	writeInts(&w, "", "typeOff", fmt.Sprintf("[%d]uint16", len(typeOff)), typeOff)

	// Withdrawn codes.
	fmt.Fprintf(&w, "// withdrawnTab holds the ISO 3166-3 entries, sorted by alpha-4 code.\nvar withdrawnTab = [...]withdrawnEntry{\n")
	for _, wd := range wds {
		r := replacements[wd.Alpha4]
		fmt.Fprintf(&w, "\t{alpha2: %q, alpha3: %q, alpha4: %q, numeric: %q, name: %q, date: %q, comment: %q, replacedBy: %q, note: %q},\n",
			wd.Alpha2, wd.Alpha3, wd.Alpha4, wd.Numeric, wd.Name, wd.WithdrawalDate, wd.Comment, r[0], r[1])
	}
	fmt.Fprintf(&w, "}\n\n")

	// Dual-coded territories.
	fmt.Fprintf(&w, "// dualTab holds the ISO 3166-2 codes of territories that also have an ISO 3166-1 code,\n// sorted by subdivision code.\nvar dualTab = [...]dualEntry{\n")
	for _, sub := range sortedKeys(dualCoded) {
		t := resolve(sub)
		fmt.Fprintf(&w, "\t{sub: %q, parent: %d, territory: %d}, // %s -> %s (%s)\n",
			sub, index[sub[:2]], t, subByCode[sub].Name, order[t-1], codes[order[t-1]].country)
	}
	fmt.Fprintf(&w, "}\n\n")

	// Name index.
	var keyStr strings.Builder
	keyOff := []int{0}
	keyEnt := []int{0}
	var ents []int
	for i, e := range entries {
		if i == 0 || entries[i-1].key != e.key {
			if i > 0 {
				keyOff = append(keyOff, keyStr.Len())
				keyEnt = append(keyEnt, len(ents))
			}
			keyStr.WriteString(e.key)
		}
		ents = append(ents, e.tier<<13|e.val)
	}
	keyOff = append(keyOff, keyStr.Len())
	keyEnt = append(keyEnt, len(ents))
	fmt.Fprintf(&w, "const numNameKeys = %d\n\n", len(keyOff)-1)
	writeString(&w, "nameKeyStr holds the sorted name keys (see internal/fold): key k is nameKeyStr[nameKeyOff[k]:nameKeyOff[k+1]].", "nameKeyStr", keyStr.String())
	writeInts(&w, "", "nameKeyOff", "[numNameKeys + 1]uint32", keyOff)
	writeInts(&w, "nameKeyEnt maps key k to its entries nameEnt[nameKeyEnt[k]:nameKeyEnt[k+1]].", "nameKeyEnt", "[numNameKeys + 1]uint16", keyEnt)
	writeInts(&w, "nameEnt holds name-index entries: tier<<13 | code index (withdrawnTab index for the withdrawn tier),\n// sorted by tier within a key.", "nameEnt", fmt.Sprintf("[%d]uint16", len(ents)), ents)

	src, err := format.Source(w.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting output: %v", err)
	}
	return src, nil
}

// variants returns derived forms of an ISO 3166-1 or 3166-3 name: without a
// parenthesised remark, and for names of the form "X, Y of" (or "X, Y" with Y
// one word, such as "Virgin Islands, British") both "X" and "Y X".
func variants(name string) []string {
	var out []string
	n := stripParens(name)
	if n != name && n != "" {
		out = append(out, n)
	}
	if x, y, ok := strings.Cut(n, ", "); ok && !strings.Contains(y, ",") {
		yk := fold.Key(y)
		if strings.HasSuffix(yk, " of") || !strings.Contains(yk, " ") {
			out = append(out, x, y+" "+x)
		}
	}
	return out
}

// subdivisionNames returns the names under which a subdivision is indexed:
// its ISO name, the alternative names given in square brackets (without the
// alternative code that may follow them), the name without a parenthesised
// remark, the forms "X" and "Y X" of a name "X, Y" whose Y has no
// conjunction, and for China the name without its generic designation.
func subdivisionNames(code, name string) []string {
	var out []string
	main, alt, hasAlt := strings.Cut(name, "[")
	main = strings.TrimSpace(main)
	out = append(out, main)
	if hasAlt {
		alt = strings.TrimSuffix(strings.TrimSpace(alt), "]")
		if f := strings.Fields(alt); len(f) > 0 && isCode(f[len(f)-1]) {
			alt = strings.Join(f[:len(f)-1], " ")
		}
		if alt != "" {
			out = append(out, alt)
		}
	}
	for _, n := range slices.Clone(out) {
		if p := stripParens(n); p != n && p != "" {
			out = append(out, p)
		}
	}
	for _, n := range slices.Clone(out) {
		if x, y, ok := strings.Cut(n, ", "); ok && !strings.Contains(y, ",") {
			yk := " " + fold.Key(y) + " "
			if !strings.Contains(yk, " and ") && !strings.Contains(yk, " y ") && !strings.Contains(yk, " et ") {
				out = append(out, x, y+" "+x)
			}
		}
	}
	if strings.HasPrefix(code, "CN-") {
		for _, d := range cnDesignations {
			if s, ok := strings.CutSuffix(main, d); ok {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func isCode(s string) bool {
	return len(s) >= 4 && len(s) <= 6 && s[2] == '-' && strings.ToUpper(s) == s
}

func stripParens(s string) string {
	for {
		i := strings.Index(s, "(")
		if i < 0 {
			return strings.TrimSpace(s)
		}
		j := strings.Index(s[i:], ")")
		if j < 0 {
			return strings.TrimSpace(s)
		}
		s = strings.TrimSpace(s[:i]) + " " + strings.TrimSpace(s[i+j+1:])
	}
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func writeString(w *bytes.Buffer, doc, name, s string) {
	if doc != "" {
		fmt.Fprintf(w, "// %s\n", doc)
	}
	fmt.Fprintf(w, "const %s = \"\" +\n", name)
	const width = 96
	for len(s) > 0 {
		n := min(width, len(s))
		// Do not split a UTF-8 sequence.
		for n < len(s) && s[n]&0xc0 == 0x80 {
			n++
		}
		sep := " +"
		if n == len(s) {
			sep = ""
		}
		fmt.Fprintf(w, "\t%q%s\n", s[:n], sep)
		s = s[n:]
	}
	if !strings.HasSuffix(w.String(), "\"\n") {
		fmt.Fprintf(w, "\t\"\"\n")
	}
	fmt.Fprintf(w, "\n")
}

func writeInts(w *bytes.Buffer, doc, name, typ string, vs []int) {
	if doc != "" {
		fmt.Fprintf(w, "// %s\n", doc)
	}
	fmt.Fprintf(w, "var %s = %s{", name, typ)
	for i, v := range vs {
		if i%16 == 0 {
			fmt.Fprintf(w, "\n\t")
		} else {
			fmt.Fprintf(w, " ")
		}
		fmt.Fprintf(w, "%d,", v)
	}
	fmt.Fprintf(w, "\n}\n\n")
}
