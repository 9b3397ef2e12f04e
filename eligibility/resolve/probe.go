package resolve

import (
	"fmt"
	"slices"
	"strings"
)

// MatchKind says how a query token and an entry token are related. The zero value is
// [MatchExact].
type MatchKind uint8

const (
	MatchExact        MatchKind = iota // the same token
	MatchPlural                        // one is the English plural of the other
	MatchAbbreviation                  // the abbreviations table relates them (intl, international)
	MatchNear                          // near spellings (a typo or a transliteration variant)
	MatchPrefix                        // one is a prefix of the other (tech, technika)
	MatchInitials                      // a one-word name is the initials of the other name
	MatchCompound                      // words written together or apart (aero caribbean, aerocaribbean)
)

var matchKindNames = [...]string{"exact", "plural", "abbreviation", "near", "prefix", "initials", "compound"}

// String returns the kind's name, such as "near".
func (k MatchKind) String() string {
	if int(k) < len(matchKindNames) {
		return matchKindNames[k]
	}
	return fmt.Sprintf("MatchKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k MatchKind) MarshalText() ([]byte, error) {
	if int(k) >= len(matchKindNames) {
		return nil, fmt.Errorf("resolve: invalid MatchKind(%d)", uint8(k))
	}
	return []byte(matchKindNames[k]), nil
}

// relate returns the similarity (thousandths) and kind of the relation between query token
// q and index word t, or 0 if they are unrelated. It is the definition the probes of
// probesFor implement quickly; when several relations hold, the most similar wins.
func (ix *Index) relate(q, t string) (int32, MatchKind) {
	if q == t {
		return simExact, MatchExact
	}
	sim, kind := int32(0), MatchExact
	if pluralOf(q, t) {
		sim, kind = simPlural, MatchPlural
	}
	if sim < simAbbreviation && abbreviationOf(q, t) {
		sim, kind = simAbbreviation, MatchAbbreviation
	}
	if s := int32(nearSim(q, t)); s > sim {
		sim, kind = s, MatchNear
	}
	if sim < simPrefix && ix.prefixOf(q, t) {
		sim, kind = simPrefix, MatchPrefix
	}
	return sim, kind
}

// prefixOf reports whether the shorter of a and b (ASCII, at least 4 letters) is a prefix
// of the longer, which is at least 2 letters longer, and at most maxPrefixFan index words
// start with the shorter.
func (ix *Index) prefixOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < minPrefixLen || len(b) < len(a)+2 || !strings.HasPrefix(b, a) || !isAlphaWord(b) {
		return false
	}
	lo, hi := ix.prefixRange(a)
	return hi-lo <= maxPrefixFan
}

// prefixRange returns the range of ix.byText holding the words that start with p.
func (ix *Index) prefixRange(p string) (int, int) {
	lo, _ := slices.BinarySearchFunc(ix.byText, p, func(t int32, p string) int {
		return strings.Compare(ix.tokText[t], p)
	})
	hi := lo
	for hi < len(ix.byText) && strings.HasPrefix(ix.tokText[ix.byText[hi]], p) {
		hi++
		if hi-lo > maxPrefixFan {
			break
		}
	}
	return lo, hi
}

// probesFor appends to dst the index words related to query token q (see relate), each
// once. It looks up q itself, its plural and singular forms, the abbreviations table, the
// words at distance 1 (through the table of one-letter deletions), the words with the same
// consonant skeleton, and the words q is a prefix of or that are a prefix of q.
func (ix *Index) probesFor(dst []probe, q string, qi int32) []probe {
	start := len(dst)
	add := func(t int32) {
		for _, p := range dst[start:] {
			if p.tok == t {
				return
			}
		}
		if sim, kind := ix.relate(q, ix.tokText[t]); sim > 0 {
			dst = append(dst, probe{tok: t, qi: qi, sim: sim, kind: kind, comp: -1})
		}
	}
	look := func(s string) {
		if t, ok := ix.vocab[s]; ok && !strings.HasPrefix(s, initialsMark) {
			add(t)
		}
	}
	look(q)
	if !isAlphaWord(q) {
		return dst
	}
	// Plurals and singulars.
	if len(q) >= 3 {
		look(q + "s")
		look(q + "es")
		if strings.HasSuffix(q, "y") {
			look(q[:len(q)-1] + "ies")
		}
	}
	if strings.HasSuffix(q, "s") {
		look(q[:len(q)-1])
		if strings.HasSuffix(q, "es") {
			look(q[:len(q)-2])
		}
		if strings.HasSuffix(q, "ies") {
			look(q[:len(q)-3] + "y")
		}
	}
	for _, x := range abbrevIndex[q] {
		look(x)
	}
	// Distance 1: q or q minus one letter equals t or t minus one letter.
	if len(q) >= minNearLen && len(q) <= 63 {
		for i := -1; i < len(q); i++ {
			h := fnv64(q, i)
			for _, r := range lookupRefs(ix.dels, h) {
				add(int32(uint32(r)))
			}
		}
	}
	// Same skeleton.
	if len(q) >= minSkeletonLen && len(q) <= 63 {
		var buf [64]byte
		h := fnv64b(skeleton(buf[:0], q))
		for _, r := range lookupRefs(ix.skels, h) {
			add(int32(uint32(r)))
		}
	}
	// Prefixes, both ways.
	if len(q) >= minPrefixLen {
		if lo, hi := ix.prefixRange(q); hi-lo <= maxPrefixFan {
			for _, t := range ix.byText[lo:hi] {
				add(t)
			}
		}
		for l := minPrefixLen; l <= len(q)-2; l++ {
			look(q[:l])
		}
	}
	return dst
}
