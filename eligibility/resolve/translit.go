package resolve

// cyrillicLatin transliterates Cyrillic letters (U+0400..U+045F, lower and upper case) to
// lower-case ASCII.
//
// The standard is the BGN/PCGN 1947 romanization of Russian (the system behind the Latin
// spellings on the US and UK sanctions lists: Rosoboronexport, Promsvyazbank, Vnesheconombank),
// simplified to plain ASCII: no diacritics and no apostrophes, so ё is "e" (not "ë"), е is
// always "e" (the positional "ye" is dropped), ъ and ь are omitted. Letters of the other
// languages written in Cyrillic follow their BGN/PCGN tables in the same simplified form:
// Ukrainian (є ye, і i, ї yi, ґ g), Belarusian (ў w), Serbian and Macedonian (ђ dj, ј j,
// љ lj, њ nj, ћ c, џ dz, ѓ gj, ќ kj, ѕ dz). Letters outside the table are kept, lower-cased.
//
// The index is the rune minus 0x400; upper-case letters (U+0400..U+042F) map like their
// lower-case forms (U+0430..U+045F).
var cyrillicLatin = [0x60]string{
	// U+0400..U+040F: Ѐ Ё Ђ Ѓ Є Ѕ І Ї Ј Љ Њ Ћ Ќ Ѝ Ў Џ
	"e", "e", "dj", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "w", "dz",
	// U+0410..U+042F: А Б В Г Д Е Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	// U+0430..U+044F: а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	// U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
	"e", "e", "dj", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "w", "dz",
}

// cyrillicExtra covers the letters of Cyrillic Supplement-era alphabets that sanctions
// lists meet in Kazakh, Kyrgyz, Tajik and Uzbek names (BGN/PCGN, simplified as above).
var cyrillicExtra = map[rune]string{
	'Ґ': "g", 'ґ': "g", 'Ғ': "g", 'ғ': "g", 'Қ': "k", 'қ': "k", 'Ң': "n", 'ң': "n",
	'Ү': "u", 'ү': "u", 'Ұ': "u", 'ұ': "u", 'Һ': "h", 'һ': "h", 'Ә': "a", 'ә': "a",
	'Ө': "o", 'ө': "o", 'Ҳ': "h", 'ҳ': "h", 'Ҷ': "j", 'ҷ': "j", 'Ӣ': "i", 'ӣ': "i",
	'Ӯ': "u", 'ӯ': "u",
}

// transliterateCyrillic returns the ASCII reading of a Cyrillic rune and whether the table
// knows it. A hard or soft sign reads as "" and is known.
func transliterateCyrillic(r rune) (string, bool) {
	if r >= 0x400 && r < 0x460 {
		return cyrillicLatin[r-0x400], true
	}
	s, ok := cyrillicExtra[r]
	return s, ok
}
