package resolve_test

import (
	"fmt"

	"github.com/eligo/eligo/eligibility/resolve"
)

func ExampleIndex_Match() {
	ix, err := resolve.Build([]resolve.Record{
		{Key: "us-dod-1260h/avic", Names: []string{"Aviation Industry Corporation of China", "AVIC"},
			IDs: []resolve.ID{{Scheme: resolve.SchemeUSCC, Value: "91110000710935732K"}}},
		{Key: "us-dod-1260h/comac", Names: []string{"Commercial Aircraft Corporation of China, Ltd."}},
		{Key: "sdn/gazprom-energo", Names: []string{"GAZPROM ENERGO, OOO"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := ix.Match(resolve.Query{
		Names: []string{"Aviation Industry Corporation of China, Ltd."},
		IDs:   []resolve.ID{{Scheme: "uscc", Value: "9111 0000 7109 3573 2K"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res.IDMatches {
		fmt.Println("identifier:", m.Key, m.ID)
	}
	for _, c := range res.Candidates {
		fmt.Println("name:", c.Key, c.Score)
		for _, p := range c.Explanation.Pairs {
			fmt.Println("  ", p.Query[0].Source, "~", p.Entry[0].Source, p.Kind, p.Similarity)
		}
		for _, t := range c.Explanation.QueryIgnored {
			fmt.Println("   ignored:", t.Source, t.Role)
		}
	}

	res, err = ix.Match(resolve.Query{Names: []string{"ООО «Газпром Енерго»"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Candidates {
		fmt.Println("name:", c.Key, c.Score)
		for _, p := range c.Explanation.Pairs {
			fmt.Println("  ", p.Query[0].Source, "~", p.Entry[0].Source, p.Kind, p.Similarity, p.Query[0].Folds)
		}
	}
	// Output:
	// identifier: us-dod-1260h/avic uscc:91110000710935732K
	// name: us-dod-1260h/avic 1.0000
	//    Aviation ~ Aviation exact 1.0000
	//    Industry ~ Industry exact 1.0000
	//    China ~ China exact 1.0000
	//    ignored: Corporation legal_form
	//    ignored: of noise
	//    ignored: Ltd legal_form
	// name: sdn/gazprom-energo 1.0000
	//    Газпром ~ GAZPROM exact 1.0000 case+transliterated
	//    Енерго ~ ENERGO exact 1.0000 case+transliterated
}

func ExampleNormalize() {
	for _, s := range []string{"Aviation Industry Corporation of China, Ltd.", "ООО «Газпром Энерго»", "ＡＢＣ　Ｃｏ．，Ｌｔｄ．", "中国航空工业集团有限公司"} {
		n, err := resolve.Normalize(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%q\n", n.Key())
	}
	// Output:
	// "aviation industry china"
	// "gazprom energo"
	// "abc"
	// "中国 国航 航空 空工 工业"
}

func ExampleCheckID() {
	for _, id := range []resolve.ID{
		{Scheme: "lei", Value: "5493001KJTIIGC8Y1R12"},
		{Scheme: "lei", Value: "5493001KJTIIGC8Y1R13"},
		{Scheme: "uscc", Value: "9111000071093019X7"},
		{Scheme: "ru-ogrn", Value: "1027739609391"},
	} {
		fmt.Println(id, resolve.CheckID(id))
	}
	// Output:
	// lei:5493001KJTIIGC8Y1R12 <nil>
	// lei:5493001KJTIIGC8Y1R13 resolve: malformed identifier: LEI "5493001KJTIIGC8Y1R13" fails its ISO 7064 mod 97-10 check
	// uscc:9111000071093019X7 <nil>
	// ru-ogrn:1027739609391 resolve: malformed identifier: ru-ogrn "1027739609391" has no jurisdiction, so it cannot match
}
