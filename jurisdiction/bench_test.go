package jurisdiction

import "testing"

var (
	sinkCode Code
	sinkBool bool
)

func BenchmarkParse(b *testing.B) {
	for _, bm := range []struct{ name, in string }{
		{"alpha2", "CN"},
		{"alpha2-lower", "cn"},
		{"alpha3", "CHN"},
		{"numeric", "156"},
		{"subdivision", "CN-BJ"},
		{"dual-coded", "CN-HK"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkCode, _ = Parse(bm.in)
			}
		})
	}
}

func BenchmarkSetContains(b *testing.B) {
	s := NewSet(MustParse("CN"), MustParse("RU"), MustParse("UA-43"), MustParse("IR"))
	for _, bm := range []struct{ name, code string }{
		{"member", "CN"},
		{"subdivision", "CN-BJ"},
		{"absent", "HK"},
	} {
		c := MustParse(bm.code)
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkBool = s.Contains(c)
			}
		})
	}
}

func BenchmarkSetHas(b *testing.B) {
	s := NewSet(MustParse("CN"), MustParse("RU"))
	c := MustParse("CN-BJ")
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = s.Has(c)
	}
}

func BenchmarkNewSet(b *testing.B) {
	codes := []Code{MustParse("CN"), MustParse("RU"), MustParse("UA-43"), MustParse("IR"), MustParse("KP")}
	b.ReportAllocs()
	for b.Loop() {
		_ = NewSet(codes...)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(codes)), "ns/code")
}

func BenchmarkParseName(b *testing.B) {
	for _, bm := range []struct{ name, in string }{
		{"country", "People's Republic of China"},
		{"state", "Delaware"},
		{"multi-part", "Brockville, Ontario, Canada"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkCode, _ = ParseName(bm.in)
			}
		})
	}
}
