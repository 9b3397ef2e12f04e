package eligibility_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
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
