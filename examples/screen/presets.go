package main

import (
	"fmt"
	"slices"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer/ofac"
	"github.com/eligo/eligo/eligibility/preset"
)

// presets build a policy for a world from the library's presets, naming the lists the
// imports produced.
var presets = map[string]func(w *eligibility.World) (eligibility.Policy, error){
	"ofac": func(w *eligibility.World) (eligibility.Policy, error) {
		lists, err := need(w, "ofac", ofac.ListSDN)
		return preset.OFAC50(lists...), err
	},
	"bis": func(w *eligibility.World) (eligibility.Policy, error) {
		lists, err := need(w, "bis", "bis-entity-list", "bis-meu", ofac.ListSDN)
		return preset.BISAffiliates(lists...), err
	},
	"seed": func(w *eligibility.World) (eligibility.Policy, error) {
		// The 1260H list is not among the importable formats; the closest published list
		// of Chinese military companies is OFAC's NS-CMIC list.
		lists, _ := need(w, "seed", "ofac-ns-cmic")
		return preset.Seed(nil, lists...), nil
	},
}

func presetNames() []string {
	var out []string
	for k := range presets {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// need returns those of the wanted lists the world has, or an error if it has none.
func need(w *eligibility.World, name string, wanted ...string) ([]string, error) {
	var have []string
	for _, l := range w.Lists() {
		if slices.Contains(wanted, l.ID) {
			have = append(have, l.ID)
		}
	}
	if len(have) == 0 {
		return nil, fmt.Errorf("preset %s needs one of the lists %v: give -ofac or -csl", name, wanted)
	}
	return have, nil
}
