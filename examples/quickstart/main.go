// Command quickstart shows eligo's main job on a small world embedded in the program:
// may we serve these companies, under the seed policy (an AI provider's unsupported-regions
// terms) and under the OFAC 50 Percent Rule?
//
//	go run ./examples/quickstart
//
// The parent companies are real: Aviation Industry Corporation of China (AVIC), Contemporary
// Amperex Technology (CATL) and Tencent Holdings are on the US Department of Defense's
// Section 1260H list of Chinese Military Companies (AVIC since the edition of 3 June 2021;
// CATL and Tencent since the edition of 7 January 2025, "Entities Identified as Chinese
// Military Companies Operating in the United States"), and Bank Rossiya has been on OFAC's
// SDN list since 20 March 2014 (program UKRAINE-EO13661). Their headquarters are public
// facts. EVERY SUBSIDIARY, STAKE AND PERCENTAGE BELOW IS INVENTED for the example.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// The date every question is asked at.
var asOf = ownership.MustParseDate("2026-03-01")

func company(id, name, hq string) eligibility.Entity {
	return eligibility.Entity{ID: id, Name: name, Jurisdictions: []eligibility.RoleCode{
		{Role: eligibility.Headquarters, Code: jurisdiction.MustParse(hq)},
	}}
}

func stake(owner, owned, pct string) eligibility.Stake {
	return eligibility.Stake{Owner: owner, Owned: owned, Share: ownership.Exact(ownership.MustParsePercent(pct))}
}

func world() (*eligibility.World, error) {
	partial := company("harbour-jp", "Harbour Logistics K.K. (invented)", "JP")
	partial.Disclosure = ownership.Partial
	return eligibility.NewWorld(eligibility.WorldData{
		Entities: []eligibility.Entity{
			// real listed parents
			company("avic", "Aviation Industry Corporation of China, Ltd.", "CN-BJ"),
			company("catl", "Contemporary Amperex Technology Co., Limited", "CN-FJ"),
			company("tencent", "Tencent Holdings Limited", "CN-GD"),
			company("bank-rossiya", "Bank Rossiya", "RU-SPE"),
			// invented structures
			company("avi-parts-sg", "AviParts Singapore Pte. Ltd. (invented)", "SG"),
			company("nordic-cells-nl", "Nordic Cells Holding B.V. (invented)", "NL"),
			company("nordic-cells-hu", "Nordic Cells Hungary Kft. (invented)", "HU"),
			company("skyfleet-de", "SkyFleet Services GmbH (invented)", "DE"),
			company("rhein-invest", "Rhein Invest AG (invented)", "DE"),
			company("pearl-river-hk", "Pearl River Holdings Limited (invented)", "HK"),
			partial,
			company("formosa-tw", "Formosa Precision Co., Ltd. (invented)", "TW"),
			{ID: "lin", Name: "Lin Mei-hua (invented)", Kind: eligibility.Person},
			company("baltic-leasing-ee", "Baltic Leasing Partners OÜ (invented)", "EE"),
		},
		Stakes: []eligibility.Stake{
			stake("avic", "avi-parts-sg", "60"),               // a Singapore subsidiary, 60%
			stake("catl", "nordic-cells-nl", "60"),            // a chain: 60% ...
			stake("nordic-cells-nl", "nordic-cells-hu", "60"), // ... of 60%
			stake("tencent", "skyfleet-de", "30"),             // a joint venture 30/30/40
			stake("avic", "skyfleet-de", "30"),
			stake("rhein-invest", "skyfleet-de", "40"),
			stake("tencent", "pearl-river-hk", "100"),   // a Hong Kong holding company
			stake("pearl-river-hk", "harbour-jp", "45"), // 45%, the rest undisclosed
			stake("lin", "formosa-tw", "100"),           // a Taiwan company, Taiwanese owner
			stake("bank-rossiya", "baltic-leasing-ee", "50"),
		},
		Lists: []eligibility.List{
			{ID: "us-dod-1260h", Name: "Section 1260H Chinese Military Companies", Authority: "US Department of Defense (War)",
				Entries: []eligibility.Entry{
					{Entity: "avic", Valid: eligibility.Interval{From: ownership.MustParseDate("2021-06-03")}, Program: "1260H"},
					{Entity: "catl", Valid: eligibility.Interval{From: ownership.MustParseDate("2025-01-07")}, Program: "1260H"},
					{Entity: "tencent", Valid: eligibility.Interval{From: ownership.MustParseDate("2025-01-07")}, Program: "1260H"},
				}},
			{ID: "ofac-sdn", Name: "Specially Designated Nationals and Blocked Persons", Authority: "US Treasury OFAC",
				Entries: []eligibility.Entry{
					{Entity: "bank-rossiya", Valid: eligibility.Interval{From: ownership.MustParseDate("2014-03-20")}, Program: "UKRAINE-EO13661"},
				}},
		},
	})
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run() error {
	w, err := world()
	if err != nil {
		return err
	}
	seed, err := eligibility.Compile(preset.Seed(nil, "us-dod-1260h"), w)
	if err != nil {
		return err
	}
	ofac, err := eligibility.Compile(preset.OFAC50("ofac-sdn"), w)
	if err != nil {
		return err
	}
	subjects := []string{"avi-parts-sg", "nordic-cells-nl", "nordic-cells-hu", "skyfleet-de", "pearl-river-hk",
		"harbour-jp", "formosa-tw", "baltic-leasing-ee", "tencent"}

	fmt.Printf("May we serve them? Decisions as of %s.\n\n", asOf)
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tSEED POLICY\tOFAC 50%\tWHY (seed policy)")
	decisions := map[string]eligibility.Decision{}
	for _, s := range subjects {
		d, err := eligibility.Evaluate(w, seed, s, asOf)
		if err != nil {
			return err
		}
		o, err := eligibility.Evaluate(w, ofac, s, asOf)
		if err != nil {
			return err
		}
		decisions[s] = d
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s, d.Verdict, o.Verdict, oneLine(d))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range []string{"nordic-cells-hu", "skyfleet-de", "harbour-jp"} {
		fmt.Printf("\n%s", decisions[s].Explain())
	}
	return nil
}

// oneLine is the first reason that decided the verdict, shortened.
func oneLine(d eligibility.Decision) string {
	if len(d.Reasons) == 0 {
		return "no rule in effect"
	}
	r := d.Reasons[0]
	if d.Verdict == eligibility.VerdictAllow {
		for _, x := range d.Reasons {
			if x.Kind == eligibility.OwnershipRule {
				r = x
			}
		}
	}
	msg := r.Message
	if i := strings.Index(msg, " | "); i > 0 && r.Code != eligibility.CodeMethodDependent {
		msg = msg[:i]
	}
	if len(msg) > 90 {
		msg = msg[:87] + "..."
	}
	return r.Rule + ": " + msg
}
