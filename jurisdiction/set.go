package jurisdiction

import (
	"errors"
	"iter"
	"math/bits"
)

// Set is an immutable set of jurisdictions, such as the countries a rule
// applies to.
//
// A set contains the codes it was built from and everything inside them:
// a set holding CN contains CN-BJ, and a set holding UA contains UA-43
// (Crimea). [Set.Contains] answers that question; [Set.Has] asks only about
// the codes the set was built from. Territories that ISO codes twice are not
// inside the country whose prefix they bear: a set holding CN does not
// contain HK, MO or TW, and a set holding US does not contain PR (see
// [DualCoded]).
//
// The zero Set is the empty set. Sets are values: copying one is cheap and
// safe, and a Set is safe for concurrent use. Compare sets with [Set.Equal],
// not ==.
type Set struct {
	b *setBits // nil for the empty set
}

const setWords = (numCodes + 1 + 63) / 64

type setBits struct {
	exact   [setWords]uint64 // the codes the set was built from
	closure [setWords]uint64 // exact plus everything inside them
}

// NewSet returns the set of the given codes. Duplicates are ignored. It
// panics if a code is the zero Code, which is a programming error.
//
// NewSet runs in time linear in the number of codes and the number of
// subdivisions of their countries, and allocates one block of about 1.4 KB,
// whatever the number of codes.
func NewSet(codes ...Code) Set {
	if len(codes) == 0 {
		return Set{}
	}
	b := new(setBits)
	for _, c := range codes {
		if !c.IsValid() {
			panic("jurisdiction: NewSet: invalid Code")
		}
		b.exact[c.i>>6] |= 1 << (c.i & 63)
	}
	b.close()
	return Set{b}
}

// close computes the closure from the exact members: each member and every
// code inside it. The codes inside a member lie in the block of codes that
// share its country's prefix, except Svalbard and Jan Mayen (NO-21, NO-22),
// whose country is SJ; both are scanned.
func (b *setBits) close() {
	b.closure = [setWords]uint64{}
	for w, word := range b.exact {
		for word != 0 {
			m := uint16(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
			cty := Code{countryOf[m]}
			s := cty.String()
			for i := cty.i; i < alpha2End[alpha2Slot(s[0], s[1])]; i++ {
				if isWithin(i, m) {
					b.closure[i>>6] |= 1 << (i & 63)
				}
			}
			for _, d := range dualTab {
				if i := d.territory; codeStr[codeOff[i-1]:codeOff[i]] == d.sub && isWithin(i, m) {
					b.closure[i>>6] |= 1 << (i & 63)
				}
			}
		}
	}
}

// Contains reports whether c is in s or inside a member of s: a set holding
// CN contains CN and CN-BJ, but not HK. The zero Code is in no set.
//
// Contains runs in constant time and does not allocate.
func (s Set) Contains(c Code) bool {
	b := s.b
	if b == nil {
		return false
	}
	return b.closure[c.i>>6]&(1<<(c.i&63)) != 0
}

// Has reports whether c is one of the codes s was built from, without
// looking inside them: a set holding CN has CN but not CN-BJ.
//
// Has runs in constant time and does not allocate.
func (s Set) Has(c Code) bool {
	b := s.b
	if b == nil {
		return false
	}
	return b.exact[c.i>>6]&(1<<(c.i&63)) != 0
}

// Len returns the number of codes s was built from (not counting what lies
// inside them).
func (s Set) Len() int {
	if s.b == nil {
		return 0
	}
	n := 0
	for _, w := range s.b.exact {
		n += bits.OnesCount64(w)
	}
	return n
}

// IsEmpty reports whether s has no codes.
func (s Set) IsEmpty() bool { return s.b == nil }

// All returns an iterator over the codes s was built from, in the order of
// [Code.Less].
func (s Set) All() iter.Seq[Code] {
	return func(yield func(Code) bool) {
		if s.b == nil {
			return
		}
		for w, word := range s.b.exact {
			for word != 0 {
				t := bits.TrailingZeros64(word)
				word &= word - 1
				if !yield(Code{uint16(w*64 + t)}) {
					return
				}
			}
		}
	}
}

// Codes returns the codes s was built from, sorted. Each call returns a new
// slice.
func (s Set) Codes() []Code {
	out := make([]Code, 0, s.Len())
	for c := range s.All() {
		out = append(out, c)
	}
	return out
}

// Equal reports whether s and t hold the same codes.
func (s Set) Equal(t Set) bool {
	switch {
	case s.b == t.b:
		return true
	case s.b == nil || t.b == nil:
		return false
	}
	return s.b.exact == t.b.exact
}

// Union returns the set of the codes in s or t. A code is contained in the
// union if it is contained in s or in t.
func (s Set) Union(t Set) Set {
	switch {
	case s.b == nil:
		return t
	case t.b == nil:
		return s
	}
	b := new(setBits)
	for i := range b.exact {
		b.exact[i] = s.b.exact[i] | t.b.exact[i]
		b.closure[i] = s.b.closure[i] | t.b.closure[i]
	}
	return Set{b}
}

// Intersect returns the territory common to s and t: the codes of each set
// that the other contains. The intersection of {CN} and {CN-BJ, JP} is
// {CN-BJ}; a code is contained in the result exactly when both s and t
// contain it.
func (s Set) Intersect(t Set) Set {
	if s.b == nil || t.b == nil {
		return Set{}
	}
	b := new(setBits)
	empty := true
	for i := range b.exact {
		b.exact[i] = s.b.exact[i]&t.b.closure[i] | t.b.exact[i]&s.b.closure[i]
		b.closure[i] = s.b.closure[i] & t.b.closure[i]
		empty = empty && b.exact[i] == 0
	}
	if empty {
		return Set{}
	}
	return Set{b}
}

// String returns the codes of s, sorted and separated by single spaces, such
// as "CN RU UA-43"; "" for the empty set.
func (s Set) String() string {
	b, _ := s.AppendText(nil)
	return string(b)
}

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Set.String].
func (s Set) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// AppendText implements [encoding.TextAppender].
func (s Set) AppendText(b []byte) ([]byte, error) {
	first := true
	for c := range s.All() {
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = append(b, c.String()...)
	}
	return b, nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: text is a list of
// codes, as [Parse] reads them, separated by white space. On error, s is
// unchanged and the error joins one error per bad code.
func (s *Set) UnmarshalText(text []byte) error {
	v, err := parseSet(text)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSet parses a list of codes separated by white space, as
// [Set.UnmarshalText] does. Every bad code is reported, joined with
// [errors.Join].
func ParseSet(s string) (Set, error) { return parseSet(s) }

func parseSet[T string | []byte](text T) (Set, error) {
	var b *setBits
	var errs []error
	for i := 0; i < len(text); {
		if isSpace(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && !isSpace(text[j]) {
			j++
		}
		c, err := parse(text[i:j])
		if err != nil {
			errs = append(errs, err)
		} else {
			if b == nil {
				b = new(setBits)
			}
			b.exact[c.i>>6] |= 1 << (c.i & 63)
		}
		i = j
	}
	if len(errs) > 0 {
		return Set{}, errors.Join(errs...)
	}
	if b == nil {
		return Set{}, nil
	}
	b.close()
	return Set{b}, nil
}

func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	return false
}
