// Command experiment is a policy experiment: the same generated population of companies
// under two policies, and the table of verdicts that flip between them, with one
// explanation per kind of flip.
//
//	go run ./examples/experiment [-n 100000] [-seed 42] [-compare method|threshold]
//
// -compare method (the default) evaluates the seed policy with the ownership rule in
// flow-through and in multiplicative mode; -compare threshold evaluates it at 50% and at
// 25%. This is the experiment a team runs before changing a policy, and the test beside this
// file asserts its flip counts on a fixed population, so a change of semantics shows up as a
// failing unit test.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
	"github.com/eligo/eligo/ownership/synth"
)

var asOf = ownership.MustParseDate("2026-03-01")

func main() {
	n := flag.Int("n", 100_000, "entities in the generated population")
	seed := flag.Uint64("seed", 42, "generator seed")
	compare := flag.String("compare", "method", "what differs between the policies: method or threshold")
	flag.Parse()
	if err := run(os.Stdout, *n, *seed, *compare); err != nil {
		fmt.Fprintln(os.Stderr, "experiment:", err)
		os.Exit(1)
	}
}

// Flip is one kind of change between the two policies' verdicts.
type Flip struct {
	From, To eligibility.Verdict
}

// Result is the outcome of an experiment.
type Result struct {
	A, B    string // the policies' names
	Counts  map[Flip]int
	Example map[Flip]string // one subject per flip class
	Total   int
}

// population builds an eligibility world from a generated one.
func population(n int, seed uint64) (*eligibility.World, []string, error) {
	sw := synth.Generate(n, seed)
	d := eligibility.WorldData{Entities: make([]eligibility.Entity, n)}
	list := eligibility.List{ID: "synthetic-cmc", Name: "Synthetic military companies list"}
	for i, name := range sw.Names {
		d.Entities[i] = eligibility.Entity{ID: name, Jurisdictions: []eligibility.RoleCode{
			{Role: eligibility.Headquarters, Code: jurisdiction.MustParse(sw.Country[i])}}}
		if sw.Partial[i] {
			d.Entities[i].Disclosure = ownership.Partial
		}
		if sw.Listed[i] {
			list.Entries = append(list.Entries, eligibility.Entry{Entity: name})
		}
	}
	for _, s := range sw.Stakes {
		d.Stakes = append(d.Stakes, eligibility.Stake{Owner: s.Owner, Owned: s.Owned, Share: s.Share, Measure: s.Measure})
	}
	for _, c := range sw.Controls {
		d.Controls = append(d.Controls, eligibility.Control{Controller: c.Controller, Controlled: c.Controlled, Basis: c.Basis})
	}
	d.Lists = []eligibility.List{list}
	w, err := eligibility.NewWorld(d)
	return w, sw.Names, err
}

// policies returns the two policies of the experiment.
func policies(compare string) (a, b eligibility.Policy, err error) {
	a = preset.Seed(nil, "synthetic-cmc")
	b = preset.Seed(nil, "synthetic-cmc")
	own := func(p *eligibility.Policy) *eligibility.Rule {
		for i := range p.Rules {
			if p.Rules[i].Kind == eligibility.OwnershipRule {
				return &p.Rules[i]
			}
		}
		return nil
	}
	b.Rules = slices.Clone(b.Rules)
	switch compare {
	case "method":
		own(&a).Method, own(&b).Method = ownership.FlowThrough, ownership.Multiplicative
		a.ID, b.ID = "seed/flow_through", "seed/multiplicative"
	case "threshold":
		own(&b).Threshold = ownership.PercentOf(25)
		a.ID, b.ID = "seed/>50%", "seed/>25%"
	default:
		return a, b, fmt.Errorf("unknown -compare %q: method or threshold", compare)
	}
	return a, b, nil
}

// Experiment evaluates every entity under both policies and counts the flips.
func Experiment(n int, seed uint64, compare string) (*Result, *eligibility.World, [2]*eligibility.CompiledPolicy, error) {
	var cps [2]*eligibility.CompiledPolicy
	w, names, err := population(n, seed)
	if err != nil {
		return nil, nil, cps, err
	}
	pa, pb, err := policies(compare)
	if err != nil {
		return nil, nil, cps, err
	}
	for i, p := range []eligibility.Policy{pa, pb} {
		if cps[i], err = eligibility.Compile(p, w); err != nil {
			return nil, nil, cps, err
		}
	}
	res := &Result{A: pa.ID, B: pb.ID, Counts: map[Flip]int{}, Example: map[Flip]string{}, Total: len(names)}
	for _, name := range names {
		da, err := eligibility.Evaluate(w, cps[0], name, asOf)
		if err != nil {
			return nil, nil, cps, err
		}
		db, err := eligibility.Evaluate(w, cps[1], name, asOf)
		if err != nil {
			return nil, nil, cps, err
		}
		f := Flip{da.Verdict, db.Verdict}
		res.Counts[f]++
		if _, ok := res.Example[f]; !ok && f.From != f.To {
			res.Example[f] = name
		}
	}
	return res, w, cps, nil
}

func run(out io.Writer, n int, seed uint64, compare string) error {
	res, w, cps, err := Experiment(n, seed, compare)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d generated entities (seed %d) at %s: %s versus %s\n\n", res.Total, seed, asOf, res.A, res.B)
	verdicts := []eligibility.Verdict{eligibility.VerdictAllow, eligibility.VerdictReview, eligibility.VerdictDeny}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s \\ %s\t", res.A, res.B)
	for _, v := range verdicts {
		fmt.Fprintf(tw, "%s\t", v)
	}
	fmt.Fprintln(tw)
	for _, a := range verdicts {
		fmt.Fprintf(tw, "%s\t", a)
		for _, b := range verdicts {
			fmt.Fprintf(tw, "%d\t", res.Counts[Flip{a, b}])
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, a := range verdicts {
		for _, b := range verdicts {
			f := Flip{a, b}
			name, ok := res.Example[f]
			if !ok {
				continue
			}
			fmt.Fprintf(out, "\n%s → %s: %d entities, for example %s\n", a, b, res.Counts[f], name)
			for i, cp := range cps {
				d, err := eligibility.Evaluate(w, cp, name, asOf)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "under %s:\n%s", []string{res.A, res.B}[i], indent(d.Explain()))
			}
		}
	}
	return nil
}

func indent(s string) string {
	out := make([]byte, 0, len(s)+64)
	start := true
	for i := 0; i < len(s); i++ {
		if start {
			out = append(out, "  "...)
		}
		out = append(out, s[i])
		start = s[i] == '\n'
	}
	return string(out)
}
