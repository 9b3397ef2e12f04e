package eligibility_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/stretchr/testify/require"
)

// TestEvaluateConcurrently runs Evaluate from many goroutines on one world and policy (run
// it under -race): every decision must be byte-identical to the sequential one.
func TestEvaluateConcurrently(t *testing.T) {
	d, _ := synthWorld(t, 5_000)
	w, err := eligibility.NewWorld(d)
	require.NoError(t, err)
	p, err := eligibility.Compile(preset.Seed(nil, "synthetic-list"), w)
	require.NoError(t, err)
	const subjects = 300
	want := make([]string, subjects)
	for i := range want {
		dec, err := eligibility.Evaluate(w, p, fmt.Sprintf("e%07d", i*13), evalDate)
		require.NoError(t, err)
		b, err := dec.MarshalJSON()
		require.NoError(t, err)
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < subjects; k++ {
				i := (k + g*37) % subjects
				dec, err := eligibility.Evaluate(w, p, fmt.Sprintf("e%07d", i*13), evalDate)
				if err != nil {
					errs <- err
					return
				}
				b, _ := dec.MarshalJSON()
				if string(b) != want[i] {
					errs <- fmt.Errorf("goroutine %d, subject %d: decision differs", g, i)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestCompiledPolicyIsItsOwn: a compiled policy does not change when the caller later
// edits the Policy it was compiled from, or a decision's evidence.
func TestCompiledPolicyIsItsOwn(t *testing.T) {
	w, err := eligibility.NewWorld(eligibility.WorldData{
		Entities: []eligibility.Entity{{ID: "a"}},
		Lists:    []eligibility.List{{ID: "l1", Entries: []eligibility.Entry{{Entity: "a"}}}, {ID: "l2"}},
	})
	require.NoError(t, err)
	pol := eligibility.Policy{ID: "p", Rules: []eligibility.Rule{{
		ID: "listed", Kind: eligibility.DesignationRule, Lists: []string{"l1"},
		InEffect: []eligibility.Interval{{From: evalDate}},
	}}}
	p, err := eligibility.Compile(pol, w)
	require.NoError(t, err)
	decide := func() string {
		d, err := eligibility.Evaluate(w, p, "a", evalDate)
		require.NoError(t, err)
		b, err := d.MarshalJSON()
		require.NoError(t, err)
		return string(b)
	}
	want := decide()
	require.Contains(t, want, `"verdict":"deny"`)
	pol.Rules[0].Lists[0] = "l2"
	pol.Rules[0].InEffect[0].From = evalDate + 1
	d, err := eligibility.Evaluate(w, p, "a", evalDate)
	require.NoError(t, err)
	d.Reasons[0].Evidence.Lists[0] = "changed"
	require.Equal(t, want, decide())
}

// TestWorldEntityIsACopy: changing an entity that World.Entity returned changes nothing in
// the world.
func TestWorldEntityIsACopy(t *testing.T) {
	w, err := eligibility.NewWorld(eligibility.WorldData{Entities: []eligibility.Entity{{
		ID: "a", Aliases: []string{"A Ltd"},
		Jurisdictions: []eligibility.RoleCode{{Role: eligibility.Headquarters, Code: jurisdiction.MustParse("CN")}},
		Identifiers:   []eligibility.Identifier{{Scheme: "x", Value: "1"}},
	}}})
	require.NoError(t, err)
	e, ok := w.Entity("a")
	require.True(t, ok)
	e.Aliases[0], e.Identifiers[0].Value = "changed", "2"
	e.Jurisdictions[0].Code = jurisdiction.MustParse("US")
	again, _ := w.Entity("a")
	require.Equal(t, "A Ltd", again.Aliases[0])
	require.Equal(t, "1", again.Identifiers[0].Value)
	require.Equal(t, "CN", again.Jurisdictions[0].Code.String())
}
