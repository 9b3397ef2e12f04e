package resolve

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

// realIndexRecords is every entry of the 2021 SDN list and of the 2023 CSL sample, names
// and aliases: about 30,000 names.
func realIndexRecords(tb testing.TB) []Record {
	return append(records(loadSDN(tb)), records(loadCSL(tb))...)
}

// realQueries are the names and aliases of both lists, each as asked by a customer: as
// listed, lower-cased, and with a letter dropped from the longest word (a typo), in a
// fixed order.
func realQueries(tb testing.TB) []string {
	var qs []string
	for _, l := range [][]listEntry{loadSDN(tb), loadCSL(tb)} {
		for _, e := range l {
			qs = append(qs, e.names...)
		}
	}
	out := make([]string, 0, 3*len(qs))
	for _, q := range qs {
		out = append(out, q, typo(q))
	}
	return out
}

// typo drops the middle letter of the longest word of s.
func typo(s string) string {
	best, bi, start := 0, -1, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i-start > best {
				best, bi = i-start, start
			}
			start = i + 1
		}
	}
	if best < 5 {
		return s
	}
	m := bi + best/2
	return s[:m] + s[m+1:]
}

// latencies runs each query once (cycling) until b.N queries ran, and reports p50 and p99
// of their durations.
func latencies(b *testing.B, ix *Index, qs []string, minScore Score) {
	b.Helper()
	durs := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		t0 := time.Now()
		if _, err := ix.Match(Query{Names: []string{q}, MinScore: minScore}); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(durs)
	pct := func(p float64) float64 {
		return float64(durs[min(len(durs)-1, int(p*float64(len(durs))))].Nanoseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
}

// BenchmarkMatchReal: queries against the full 2021 SDN and 2023 CSL names.
func BenchmarkMatchReal(b *testing.B) {
	ix, err := Build(realIndexRecords(b))
	if err != nil {
		b.Fatal(err)
	}
	qs := realQueries(b)
	b.Run("min=0.80", func(b *testing.B) { latencies(b, ix, qs, 8000) })
	b.Run("min=0.50", func(b *testing.B) { latencies(b, ix, qs, 5000) })
}

// BenchmarkBuildReal builds the index of the real lists.
func BenchmarkBuildReal(b *testing.B) {
	recs := realIndexRecords(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(recs); err != nil {
			b.Fatal(err)
		}
	}
}

// genQueries returns queries for a generated index: names taken from it (every 97th), half
// of them with a typo, and fresh generated names that are not in it.
func genQueries(recs []Record, seed uint64, n int) []string {
	var qs []string
	for i := 0; len(qs) < n/2 && i < len(recs); i += 97 {
		q := recs[i].Names[0]
		if i%2 == 1 {
			q = typo(q)
		}
		qs = append(qs, q)
	}
	g := newNameGen(seed)
	for len(qs) < n {
		qs = append(qs, g.name())
	}
	return qs
}

// BenchmarkMatchGenerated: queries against 10^6 generated names.
func BenchmarkMatchGenerated(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		recs := genRecords(1, n)
		ix, err := Build(recs)
		if err != nil {
			b.Fatal(err)
		}
		qs := genQueries(recs, 2, 5000)
		b.Run("names="+strconv.Itoa(n), func(b *testing.B) { latencies(b, ix, qs, 8000) })
	}
}

// BenchmarkBuildGenerated builds the index of 10^5 generated names.
func BenchmarkBuildGenerated(b *testing.B) {
	recs := genRecords(1, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(recs); err != nil {
			b.Fatal(err)
		}
	}
}
