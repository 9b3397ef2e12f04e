package ownership_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/eligo/eligo/ownership"
	"github.com/eligo/eligo/ownership/synth"
)

var sizes = []int{1_000, 10_000, 100_000, 1_000_000}

type benchWorld struct {
	w     *synth.World
	g     *ownership.Graph
	roots *ownership.RootSet
	// screened carries the Reach of roots refined for each method's benchmark rule, for
	// the screened query benchmarks; set by the first of them
	screened map[ownership.Method]ownership.Screened
}

var (
	worldsMu sync.Mutex
	worlds   = map[int]*benchWorld{}
)

func worldOf(b testing.TB, n int) *benchWorld {
	worldsMu.Lock()
	defer worldsMu.Unlock()
	if w, ok := worlds[n]; ok {
		return w
	}
	sw := synth.Generate(n, 42)
	g, err := sw.Build()
	if err != nil {
		b.Fatal(err)
	}
	w := &benchWorld{w: sw, g: g, roots: sw.RootSet()}
	worlds[n] = w
	return w
}

var benchDate = ownership.MustParseDate("2026-01-01")

func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			sw := worldOf(b, n).w
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sw.Build(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(sw.Stakes)), "stakes")
		})
	}
}

// BenchmarkQuery measures one-subject queries with full evidence on random subjects and
// reports the latency distribution (p50, p99) besides the mean.
func BenchmarkQuery(b *testing.B) {
	for _, method := range []ownership.Method{ownership.FlowThrough, ownership.Multiplicative, ownership.Compare} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/n=%d", method, n), func(b *testing.B) { benchQuery(b, n, method, false, false) })
		}
	}
}

// BenchmarkQueryScreened is BenchmarkQuery with a Reach of the roots refined for the rule
// ([ownership.Graph.ReachFor]), as a caller asking many questions with the same roots (a
// compiled policy) has it: subjects that no root and no undisclosed remainder can reach
// are answered without reading their ancestors, and a query does not climb above the
// ancestors that give nothing.
func BenchmarkQueryScreened(b *testing.B) {
	for _, method := range []ownership.Method{ownership.FlowThrough, ownership.Compare} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/n=%d", method, n), func(b *testing.B) { benchQuery(b, n, method, false, true) })
		}
	}
}

// BenchmarkReach measures computing the Reach of the roots, plain and refined for a
// flow-through rule (ReachFor).
func BenchmarkReach(b *testing.B) {
	flow := ownership.Rule{Threshold: ownership.PercentOf(50), Method: ownership.FlowThrough}
	for _, refined := range []bool{false, true} {
		for _, n := range sizes {
			name := fmt.Sprintf("plain/n=%d", n)
			if refined {
				name = fmt.Sprintf("flow_through/n=%d", n)
			}
			b.Run(name, func(b *testing.B) {
				bw := worldOf(b, n)
				b.ReportAllocs()
				var r *ownership.Reach
				for b.Loop() {
					if refined {
						r = bw.g.ReachFor(bw.roots, &flow)
					} else {
						r = bw.g.Reach(bw.roots)
					}
				}
				b.ReportMetric(float64(r.Len())/float64(n), "fraction-in")
			})
		}
	}
}

// BenchmarkQueryWarm asks each random subject twice and times only the second answer, when
// the subject's ancestors are in cache and the branch predictor has just seen the same
// query: a lower bound. The difference from BenchmarkQuery is mostly waiting for memory;
// the rest is branches mispredicted when the subject changes (see BENCHMARKS.md).
func BenchmarkQueryWarm(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("flow_through/n=%d", n), func(b *testing.B) { benchQuery(b, n, ownership.FlowThrough, true, false) })
	}
}

func benchQuery(b *testing.B, n int, method ownership.Method, warm, screened bool) {
	bw := worldOf(b, n)
	rule := ownership.Rule{Threshold: ownership.PercentOf(50), Method: method,
		Controls: [ownership.NumBases]ownership.ControlEffect{ownership.BoardMajority: ownership.ControlDeny}}
	var roots ownership.Roots = bw.roots
	if screened {
		if bw.screened == nil {
			bw.screened = map[ownership.Method]ownership.Screened{}
		}
		if _, ok := bw.screened[method]; !ok {
			bw.screened[method] = ownership.Screened{Roots: bw.roots, Reach: bw.g.ReachFor(bw.roots, &rule)}
		}
		roots = bw.screened[method]
	}
	rng := rand.New(rand.NewPCG(1, 2))
	lat := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	for b.Loop() {
		id := ownership.ID(rng.IntN(n))
		if warm {
			if _, err := bw.g.Query(&rule, roots, id, benchDate); err != nil {
				b.Fatal(err)
			}
		}
		t0 := time.Now()
		if _, err := bw.g.Query(&rule, roots, id, benchDate); err != nil {
			b.Fatal(err)
		}
		if len(lat) < cap(lat) {
			lat = append(lat, time.Since(t0))
		}
	}
	reportLatency(b, lat)
}

func reportLatency(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkClassify measures the batch over every entity.
func BenchmarkClassify(b *testing.B) {
	for _, method := range []ownership.Method{ownership.FlowThrough, ownership.Multiplicative} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/n=%d", method, n), func(b *testing.B) {
				bw := worldOf(b, n)
				rule := ownership.Rule{Threshold: ownership.PercentOf(50), Method: method}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := bw.g.Classify(&rule, bw.roots, benchDate); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkMemory reports the resident heap of a built graph per stake.
func BenchmarkMemory(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			sw := worldOf(b, n).w
			var g *ownership.Graph
			var before, after runtime.MemStats
			for b.Loop() {
				g = nil
				runtime.GC()
				runtime.ReadMemStats(&before)
				var err error
				g, err = sw.Build()
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(g.NumStakes()), "bytes/stake")
			runtime.KeepAlive(g)
		})
	}
}

// BenchmarkQueryByName answers random subjects given by id string, under a screened
// compare rule, into one reused Result: found with Graph.Lookup (a binary search) and
// answered with QueryInto, or found in a NameIndex and answered with QueryFrom.
func BenchmarkQueryByName(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		for _, byIndex := range []bool{false, true} {
			name := fmt.Sprintf("lookup/n=%d", n)
			if byIndex {
				name = fmt.Sprintf("index/n=%d", n)
			}
			b.Run(name, func(b *testing.B) {
				bw := worldOf(b, n)
				rule := ownership.Rule{Threshold: ownership.PercentOf(50), Method: ownership.Compare,
					Controls: [ownership.NumBases]ownership.ControlEffect{ownership.BoardMajority: ownership.ControlDeny}}
				var roots ownership.Roots = ownership.Screened{Roots: bw.roots, Reach: bw.g.ReachFor(bw.roots, &rule)}
				var index *ownership.NameIndex
				if byIndex {
					index = ownership.NewNameIndex(bw.g)
				}
				rng := rand.New(rand.NewPCG(1, 2))
				names := make([]string, 1<<16)
				for i := range names {
					names[i] = bw.g.Name(ownership.ID(rng.IntN(n)))
				}
				var res ownership.Result
				lat := make([]time.Duration, 0, 1<<16)
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					name := names[i%len(names)]
					i++
					t0 := time.Now()
					var err error
					if byIndex {
						q, _ := index.Find(name)
						err = bw.g.QueryFrom(&res, &rule, roots, q, benchDate)
					} else {
						id, _ := bw.g.Lookup(name)
						err = bw.g.QueryInto(&res, &rule, roots, id, benchDate)
					}
					if err != nil {
						b.Fatal(err)
					}
					if len(lat) < cap(lat) {
						lat = append(lat, time.Since(t0))
					}
				}
				reportLatency(b, lat)
			})
		}
	}
}
