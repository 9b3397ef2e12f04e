// Latin fold tables, derived from the Unicode Character Database (see below).

package resolve

// The Latin fold tables map each Latin letter of the Unicode blocks Latin-1 Supplement,
// Latin Extended-A, Latin Extended-B (U+00C0..U+024F) and Latin Extended Additional
// (U+1E00..U+1EFF) to lower-case ASCII: the letter's canonical decomposition (Unicode
// Standard Annex #15, NFKD) with the combining marks removed, or, for letters that do not
// decompose, the conventional ASCII spelling (ß → ss, æ → ae, œ → oe, ø → o, đ ð → d,
// þ → th, ł → l, ı → i, ŋ → n, ə → e, ĳ → ij, ǆ → dz, ǉ → lj, ǌ → nj). An empty string
// marks a code point that is not a letter (× ÷) or has no Latin reading (tone letters,
// clicks, glottal stops); such runes are handled like any other rune.
//
// The tables were produced with Python's unicodedata (Unicode 15.0) once; they are data,
// checked by TestLatinFold.

// latinFold covers U+00C0..U+024F.
var latinFold = [...]string{
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00C0
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", // U+00D0
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00E0
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", // U+00F0
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", // U+0100
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", // U+0110
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", // U+0120
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", // U+0130
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", // U+0140
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", // U+0150
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", // U+0160
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", // U+0170
	"b", "b", "b", "b", "", "", "o", "c", "c", "d", "d", "d", "d", "d", "e", "e", // U+0180
	"e", "f", "f", "g", "g", "hv", "i", "i", "k", "k", "l", "l", "m", "n", "n", "o", // U+0190
	"o", "o", "oi", "oi", "p", "p", "r", "", "", "", "", "t", "t", "t", "t", "u", // U+01A0
	"u", "u", "v", "y", "y", "z", "z", "z", "z", "z", "z", "", "", "", "", "w", // U+01B0
	"", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i", // U+01C0
	"i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "e", "a", "a", // U+01D0
	"a", "a", "ae", "ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "z", "z", // U+01E0
	"j", "dz", "dz", "dz", "g", "g", "hv", "w", "n", "n", "a", "a", "ae", "ae", "o", "o", // U+01F0
	"a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", // U+0200
	"r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "y", "y", "h", "h", // U+0210
	"n", "d", "ou", "ou", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o", // U+0220
	"o", "o", "y", "y", "l", "n", "t", "j", "db", "qp", "a", "c", "c", "l", "t", "s", // U+0230
	"z", "", "", "b", "u", "v", "e", "e", "j", "j", "q", "q", "r", "r", "y", "y", // U+0240
}

// latinExtAddFold covers U+1E00..U+1EFF.
var latinExtAddFold = [...]string{
	"a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", // U+1E00
	"d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", // U+1E10
	"g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i", // U+1E20
	"k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m", // U+1E30
	"m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", // U+1E40
	"o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r", // U+1E50
	"s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", // U+1E60
	"t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", // U+1E70
	"w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", // U+1E80
	"z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "a", "s", "s", "s", "ss", "d", // U+1E90
	"a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", // U+1EA0
	"a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e", // U+1EB0
	"e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", // U+1EC0
	"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", // U+1ED0
	"o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", // U+1EE0
	"u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "ll", "ll", "v", "v", "y", "y", // U+1EF0
}
