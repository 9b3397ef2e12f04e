package resolve

import "strings"

// Similarities of related tokens, in thousandths. Matching compares tokens, never whole
// strings; each relation below is symmetric.
const (
	simExact        = 1000 // the same token
	simPlural       = 950  // one is the other's English plural: system/systems, industry/industries
	simAbbreviation = 900  // a pair of the abbreviations table: intl/international
	simCompound     = 950  // words written together or apart: aero caribbean/aerocaribbean
	simInitials     = 700  // a one-word name that is the initials of the other name (whole-name score)
	simPrefix       = 600  // one is a prefix (4+ letters) of the other and few words share it: tech/technika
	minNearLen      = 4    // near spellings are considered for ASCII tokens of 4 letters or more
	minSkeletonLen  = 5    // the skeleton relation needs tokens of 5 letters or more
	minPrefixLen    = 4    // the shorter token of a prefix pair has 4 letters or more
	maxPrefixFan    = 32   // a prefix shared by more index words than this is not specific
)

// simNear is the similarity of two ASCII tokens at optimal-string-alignment distance d:
// 1 − d / (length of the longer), in thousandths.
func simNear(a, b string, d int) int {
	return 1000 - 1000*d/max(len(a), len(b))
}

// nearSim returns the similarity of two different ASCII tokens that are near spellings of
// each other, or 0. They are near when both have at least 4 letters and
//   - they are at distance 1 (one substitution, insertion, deletion or transposition of
//     adjacent letters) and either both have 5 letters or more (zawahiri/zawahri,
//     ahmad/ahmed) or they have the same consonant skeleton (omar/umar, nora/nhora, but
//     not cccc/cccg or bank/band: short words differ in consonants too often to be
//     variants); or
//   - they have the same consonant skeleton (see skeleton), both have at least 5 letters,
//     the longer at least 6, and they are at distance 2: mohammed/muhammad, yusuf/yousef.
//
// Only tokens made of ASCII letters take part: numbers and other scripts match exactly.
func nearSim(a, b string) int {
	if len(a) < minNearLen || len(b) < minNearLen || a == b || !isAlphaWord(a) || !isAlphaWord(b) {
		return 0
	}
	la, lb := len(a), len(b)
	if la-lb > 2 || lb-la > 2 {
		return 0
	}
	var s1, s2 [64]byte
	sameSkeleton := func() bool { return string(skeleton(s1[:0], a)) == string(skeleton(s2[:0], b)) }
	if la-lb <= 1 && lb-la <= 1 {
		if d := osa(a, b, 1); d == 1 && (min(la, lb) >= 5 || sameSkeleton()) {
			return simNear(a, b, 1)
		}
	}
	if la >= minSkeletonLen && lb >= minSkeletonLen && max(la, lb) >= 6 && sameSkeleton() {
		if d := osa(a, b, 2); d <= 2 {
			return simNear(a, b, d)
		}
	}
	return 0
}

// isAlphaWord reports whether s is made of ASCII letters only: only such tokens have
// near spellings, plurals and prefixes. A token with a digit (a number, "10th", "A320")
// matches exactly or not at all: 1220 and 1222 are different yards.
func isAlphaWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// skeleton appends the consonant skeleton of an ASCII token: a vowel first letter reads
// as "*"; then the consonants, with the vowels (a e i o u y) and h dropped, the consonants
// that transliterations swap read as one (c, k and q as k; s and z as s; v and w as w;
// g and j as g; b and p as p; d and t as t), and runs of one letter collapsed.
// "mohammed", "muhammad" and "mohamad" → "mmt"; "yusuf" and "yousef" → "ysf"; "omar" and
// "umar" → "*mr"; "qasim" and "kasim" → "ksm"; but "bank" → "pnk" and "band" → "pnt".
func skeleton(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			if i == 0 {
				dst = append(dst, '*')
			}
			continue
		case 'h':
			if i > 0 {
				continue
			}
		case 'c', 'q':
			c = 'k'
		case 'z':
			c = 's'
		case 'v':
			c = 'w'
		case 'j':
			c = 'g'
		case 'b':
			c = 'p'
		case 'd':
			c = 't'
		}
		if len(dst) > 0 && dst[len(dst)-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// osa returns the optimal string alignment distance of two ASCII strings (Levenshtein with
// transpositions of adjacent letters), or limit+1 if it is over limit. Strings of more than
// 63 bytes are never near.
func osa(a, b string, limit int) int {
	if len(a) > 63 || len(b) > 63 {
		return limit + 1
	}
	var rows [3][64]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(b)]; d <= limit {
		return d
	}
	return limit + 1
}

// pluralOf reports whether one of a, b is the English plural of the other: b = a+"s",
// b = a+"es", or a ends in "y" and b = a without it + "ies" (or the same with a and b
// swapped), the singular having at least 3 letters.
func pluralOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 3 || !isAlphaWord(a) {
		return false
	}
	switch len(b) - len(a) {
	case 1:
		return b[len(a)] == 's' && strings.HasPrefix(b, a)
	case 2:
		if strings.HasPrefix(b, a) && b[len(a):] == "es" {
			return true
		}
		return a[len(a)-1] == 'y' && strings.HasPrefix(b, a[:len(a)-1]) && b[len(a)-1:] == "ies"
	}
	return false
}

// abbreviationOf reports whether a and b are a pair of the abbreviations table.
func abbreviationOf(a, b string) bool {
	for _, x := range abbrevIndex[a] {
		if x == b {
			return true
		}
	}
	return false
}

// fnv64 hashes s with one byte (at skip, or none if skip < 0) left out: FNV-1a, 64 bits.
func fnv64(s string, skip int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		if i == skip {
			continue
		}
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func fnv64b(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
