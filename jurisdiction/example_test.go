package jurisdiction_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/eligo/eligo/jurisdiction"
)

func ExampleParse() {
	for _, s := range []string{"cn", "CHN", "156", "CN-BJ", "CN-HK"} {
		c, err := jurisdiction.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s -> %s (%s)\n", s, c, c.Name())
	}
	// Output:
	// cn -> CN (China)
	// CHN -> CN (China)
	// 156 -> CN (China)
	// CN-BJ -> CN-BJ (Beijing Shi)
	// CN-HK -> HK (Hong Kong)
}

func ExampleParse_withdrawn() {
	_, err := jurisdiction.Parse("SU")
	var we *jurisdiction.WithdrawnError
	if errors.As(err, &we) {
		w := we.Withdrawn[0]
		fmt.Println(w.Name, "withdrawn", w.Date)
		fmt.Println("replaced by", jurisdiction.NewSet(w.ReplacedBy...))
	}
	fmt.Println(errors.Is(err, jurisdiction.ErrWithdrawn))
	// Output:
	// USSR, Union of Soviet Socialist Republics withdrawn 1992-08-30
	// replaced by AM AZ EE GE KG KZ LT LV MD RU TJ TM UZ
	// true
}

func ExampleSet_Contains() {
	rule := jurisdiction.NewSet(jurisdiction.MustParse("CN"), jurisdiction.MustParse("UA-43"))
	for _, s := range []string{"CN", "CN-BJ", "HK", "UA-43", "UA"} {
		fmt.Println(s, rule.Contains(jurisdiction.MustParse(s)))
	}
	// Output:
	// CN true
	// CN-BJ true
	// HK false
	// UA-43 true
	// UA false
}

func ExampleTerritoriesOf() {
	cn := jurisdiction.MustParse("CN")
	withSARs := jurisdiction.NewSet(append(jurisdiction.TerritoriesOf(cn), cn)...)
	fmt.Println(withSARs)
	fmt.Println(withSARs.Contains(jurisdiction.MustParse("HK")))
	// Output:
	// CN HK MO TW
	// true
}

func ExampleDualCoded() {
	for _, d := range jurisdiction.DualCoded() {
		if d.Parent == jurisdiction.MustParse("US") {
			fmt.Println(d.Subdivision, "->", d.Territory)
		}
	}
	// Output:
	// US-AS -> AS
	// US-GU -> GU
	// US-MP -> MP
	// US-PR -> PR
	// US-UM -> UM
	// US-VI -> VI
}

func ExampleParseName() {
	for _, s := range []string{"People's Republic of China", "Hong Kong SAR", "Delaware", "The Netherlands", "Alberta, Canada", "Georgia", "Nordic"} {
		c, err := jurisdiction.ParseName(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s -> %s\n", s, c)
	}
	// Output:
	// People's Republic of China -> CN
	// Hong Kong SAR -> HK
	// Delaware -> US-DE
	// The Netherlands -> NL
	// Alberta, Canada -> CA-AB
	// jurisdiction: ambiguous name "Georgia": GE (Georgia) or US-GA (Georgia)
	// jurisdiction: unknown name "Nordic"
}

func ExampleEUMembers() {
	before := jurisdiction.EUMembers(time.Date(2020, 1, 31, 12, 0, 0, 0, time.UTC))
	after := jurisdiction.EUMembers(time.Date(2020, 2, 1, 12, 0, 0, 0, time.UTC))
	gb := jurisdiction.MustParse("GB")
	fmt.Println(before.Len(), before.Contains(gb))
	fmt.Println(after.Len(), after.Contains(gb))
	// Output:
	// 28 true
	// 27 false
}

func ExampleEARCountryGroupE1() {
	g := jurisdiction.EARCountryGroupE1()
	fmt.Println(g.Name, "as of", g.AsOf+":", g.Members)
	// Output:
	// EAR Country Group E:1 as of 2026-02-03: IR KP SY
}

func ExampleParseSet() {
	s, err := jurisdiction.ParseSet("RU CN ua-43")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s, s.Len())
	_, err = jurisdiction.ParseSet("CN XX YU")
	fmt.Println(err)
	// Output:
	// CN RU UA-43 3
	// jurisdiction: unknown code "XX"
	// jurisdiction: "YU" was withdrawn from ISO 3166: Yugoslavia, (Socialist) Federal Republic of (YUCS), withdrawn 2003-07-23, replaced by ME, RS (renamed Serbia and Montenegro (CS) in 2003, itself withdrawn in 2006)
}
