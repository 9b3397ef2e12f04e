package idtable

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func tableOf(keys []string) *Table {
	return New(len(keys), func(i int32) string { return keys[i] })
}

// collidingTableOf gives every key the same tag, so that lookups rest on comparing keys.
func collidingTableOf(keys []string) *Table {
	return build(len(keys), func(i int32) string { return keys[i] }, true)
}

func TestTableByHand(t *testing.T) {
	keys := []string{"", "a", "acme", strings.Repeat("x", Inline), strings.Repeat("x", Inline+1), "ACME", "acme-ltd"}
	long2 := strings.Repeat("x", Inline) + "y"
	for _, tb := range []*Table{tableOf(keys), collidingTableOf(keys)} {
		for i, k := range keys {
			got, ok := tb.Lookup(k)
			require.True(t, ok, "%q", k)
			require.Equal(t, int32(i), got, "%q", k)
		}
		for _, k := range []string{"b", "acm", "acme ", "Acme", strings.Repeat("x", Inline-1), strings.Repeat("x", Inline+2), long2, "acme\x00"} {
			_, ok := tb.Lookup(k)
			require.False(t, ok, "%q", k)
		}
	}
}

func TestTableEmpty(t *testing.T) {
	for _, tb := range []*Table{nil, {}, tableOf(nil)} {
		_, ok := tb.Lookup("")
		require.False(t, ok)
		_, ok = tb.Lookup("a")
		require.False(t, ok)
	}
}

// TestTableAgainstMap builds tables of random keys, short, inline-sized and long, many
// sharing prefixes, and checks every key and as many non-keys against a Go map.
func TestTableAgainstMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	key := func() string {
		var b strings.Builder
		b.WriteString([]string{"", "e", "entity-", strings.Repeat("p", Inline-2)}[rng.IntN(4)])
		for range rng.IntN(Inline + 4) {
			b.WriteByte("ab\x00\xff"[rng.IntN(4)])
		}
		return b.String()
	}
	for round := range 200 {
		n := rng.IntN(2000)
		if round%50 == 0 {
			n = 0
		}
		index := map[string]int32{}
		var keys []string
		for len(keys) < n {
			k := key()
			if _, dup := index[k]; !dup {
				index[k] = int32(len(keys))
				keys = append(keys, k)
			}
		}
		tb := tableOf(keys)
		if round%2 == 1 {
			tb = collidingTableOf(keys)
		}
		for k, i := range index {
			got, ok := tb.Lookup(k)
			require.True(t, ok, "round %d: %q", round, k)
			require.Equal(t, i, got, "round %d: %q", round, k)
		}
		for range 2 * n {
			k := key()
			want, in := index[k]
			got, ok := tb.Lookup(k)
			require.Equal(t, in, ok, "round %d: %q", round, k)
			if in {
				require.Equal(t, want, got)
			}
		}
	}
}

// TestTableFull fills every kind of table size around the growth steps, where the probe
// wraps around the end of the slots.
func TestTableFull(t *testing.T) {
	for n := range 70 {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprint(i)
		}
		tb := tableOf(keys)
		if n%2 == 1 {
			tb = collidingTableOf(keys)
		}
		for i, k := range keys {
			got, ok := tb.Lookup(k)
			require.True(t, ok)
			require.Equal(t, int32(i), got)
		}
		_, ok := tb.Lookup("x")
		require.False(t, ok)
	}
}

func FuzzTable(f *testing.F) {
	f.Add("a\x00b\x00" + strings.Repeat("y", 30))
	f.Fuzz(func(t *testing.T, joined string) {
		index := map[string]int32{}
		var keys []string
		for _, k := range strings.Split(joined, "\x00") {
			if _, dup := index[k]; !dup {
				index[k] = int32(len(keys))
				keys = append(keys, k)
			}
		}
		tb := tableOf(keys)
		if len(joined)%2 == 1 {
			tb = collidingTableOf(keys)
		}
		for k, i := range index {
			got, ok := tb.Lookup(k)
			if !ok || got != i {
				t.Fatalf("%q: got %d %v, want %d", k, got, ok, i)
			}
		}
		for _, k := range []string{joined, joined + "!", "\x01"} {
			want, in := index[k]
			got, ok := tb.Lookup(k)
			if ok != in || (in && got != want) {
				t.Fatalf("%q: got %d %v, want %d %v", k, got, ok, want, in)
			}
		}
	})
}
