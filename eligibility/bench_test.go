package eligibility_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
	"github.com/eligo/eligo/ownership/synth"
)

// synthWorld turns a generated ownership world into an eligibility world: headquarters
// codes, a designation list for the listed entities, and an LEI on every tenth entity.
func synthWorld(tb testing.TB, n int) (eligibility.WorldData, *synth.World) {
	sw := synth.Generate(n, 42)
	d := eligibility.WorldData{Entities: make([]eligibility.Entity, n)}
	codes := map[string]jurisdiction.Code{}
	list := eligibility.List{ID: "synthetic-list", Name: "Synthetic designations"}
	for i, name := range sw.Names {
		c, ok := codes[sw.Country[i]]
		if !ok {
			c = jurisdiction.MustParse(sw.Country[i])
			codes[sw.Country[i]] = c
		}
		e := eligibility.Entity{ID: name, Jurisdictions: []eligibility.RoleCode{{Role: eligibility.Headquarters, Code: c}}}
		if sw.Partial[i] {
			e.Disclosure = ownership.Partial
		}
		if i%10 == 0 {
			e.Identifiers = []eligibility.Identifier{{Scheme: "lei", Value: lei(i)}}
		}
		d.Entities[i] = e
		if sw.Listed[i] {
			list.Entries = append(list.Entries, eligibility.Entry{Entity: name, Program: "SYNTH", Valid: eligibility.Interval{From: ownership.MustParseDate("2021-06-03")}})
		}
	}
	for _, s := range sw.Stakes {
		d.Stakes = append(d.Stakes, eligibility.Stake{Owner: s.Owner, Owned: s.Owned, Share: s.Share, Measure: s.Measure, Valid: s.Valid})
	}
	for _, c := range sw.Controls {
		d.Controls = append(d.Controls, eligibility.Control{Controller: c.Controller, Controlled: c.Controlled, Basis: c.Basis, Valid: c.Valid})
	}
	d.Lists = []eligibility.List{list}
	return d, sw
}

// lei makes a valid LEI (ISO 17442 check digits) from a number.
func lei(i int) string {
	body := fmt.Sprintf("5299%014d", i)
	rem := 0
	for _, c := range body + "00" {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return fmt.Sprintf("%s%02d", body, 98-rem)
}

type evalWorld struct {
	w *eligibility.World
	p *eligibility.CompiledPolicy
}

var (
	evalMu     sync.Mutex
	evalWorlds = map[int]evalWorld{}
)

func evalWorldOf(b testing.TB, n int) evalWorld {
	evalMu.Lock()
	defer evalMu.Unlock()
	if ew, ok := evalWorlds[n]; ok {
		return ew
	}
	d, _ := synthWorld(b, n)
	w, err := eligibility.NewWorld(d)
	if err != nil {
		b.Fatal(err)
	}
	p, err := eligibility.Compile(preset.Seed(nil, "synthetic-list"), w)
	if err != nil {
		b.Fatal(err)
	}
	evalWorlds[n] = evalWorld{w, p}
	// Building a big world leaves gigabytes of garbage, whose collection (seconds of
	// marking at 10⁶, with a mark worker on the other core) would otherwise overlap the
	// first measurement in a process. A server builds its world once, long before; the
	// cycles of its steady state mark only the world (tens of milliseconds at 10⁶).
	runtime.GC()
	return evalWorlds[n]
}

var evalDate = ownership.MustParseDate("2026-03-01")

// BenchmarkEvaluate measures Evaluate under the seed policy (a jurisdiction rule, an
// ownership rule in compare mode and a designation rule) with full evidence, on random
// subjects, with the latency distribution. Up to 2^18 calls, each asks about a new random
// subject, as the ownership query benchmarks do, so that the data of a subject asked
// before is not still in cache.
func BenchmarkEvaluate(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ew := evalWorldOf(b, n)
			rng := rand.New(rand.NewPCG(3, 4))
			ids := make([]string, 1<<18)
			for i := range ids {
				ids[i] = fmt.Sprintf("e%07d", rng.IntN(n))
			}
			lat := make([]time.Duration, 0, 1<<16)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				t0 := time.Now()
				if _, err := eligibility.Evaluate(ew.w, ew.p, ids[i%len(ids)], evalDate); err != nil {
					b.Fatal(err)
				}
				if len(lat) < cap(lat) {
					lat = append(lat, time.Since(t0))
				}
				i++
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
		})
	}
}

// BenchmarkDecisionJSON measures encoding one decision with full evidence.
func BenchmarkDecisionJSON(b *testing.B) {
	ew := evalWorldOf(b, 100_000)
	// a subject with ownership evidence
	var d eligibility.Decision
	for i := 0; i < 100_000; i++ {
		x, err := eligibility.Evaluate(ew.w, ew.p, fmt.Sprintf("e%07d", i), evalDate)
		if err != nil {
			b.Fatal(err)
		}
		if x.Verdict != eligibility.VerdictAllow && len(x.Reasons) > 1 {
			d = x
			break
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAndBuild measures decoding a 10^5-entity case file and building its world
// and policy.
func BenchmarkDecodeAndBuild(b *testing.B) {
	d, _ := synthWorld(b, 100_000)
	cf := &eligibility.CaseFile{Format: eligibility.CaseFileFormat, Entities: d.Entities, Stakes: d.Stakes,
		Controls: d.Controls, Lists: d.Lists, Policy: preset.Seed(nil, "synthetic-list")}
	var buf bytes.Buffer
	if err := eligibility.EncodeCaseFile(&buf, cf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		cf, err := eligibility.DecodeCaseFile(data)
		if err != nil {
			b.Fatal(err)
		}
		w, err := eligibility.NewWorld(cf.WorldData())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := eligibility.Compile(cf.Policy, w); err != nil {
			b.Fatal(err)
		}
	}
}
