// Package fold turns free text into lookup keys for jurisdiction names.
//
// It is shared by the jurisdiction package and its table generator (gen.go), so
// that keys computed when the tables are generated and keys computed from user
// input at run time are identical by construction.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key returns the lookup key of s: lower-case ASCII words separated by single
// spaces. It
//
//   - folds Latin letters with diacritics to their base letters ("Åland" ->
//     "aland", "Türkiye" -> "turkiye") and ligatures to letter pairs ("ß" -> "ss");
//   - drops combining marks and apostrophes ("People's" -> "peoples");
//   - treats every other non-letter, non-digit as a word break;
//   - joins dotted initials ("U.S.A." -> "usa", "S.A.R." -> "sar");
//   - expands "St"/"St." to "saint", "Ste" to "sainte", "Mt" to "mount" and
//     the dotted "So." to "south";
//   - spells "&" as "and" and drops the word "the".
//
// Letters outside the folding tables are kept, lower-cased. Key allocates; it
// is safe for concurrent use.
func Key(s string) string {
	var words []word
	var cur []byte
	flush := func(dot bool) {
		if len(cur) > 0 {
			words = append(words, word{text: string(cur), dot: dot})
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				cur = append(cur, c)
			case 'A' <= c && c <= 'Z':
				cur = append(cur, c+'a'-'A')
			case c == '\'' || c == '`':
				// apostrophes join: "People's" -> "peoples"
			case c == '.':
				flush(true)
			case c == '&':
				flush(false)
				words = append(words, word{text: "and"})
			default:
				flush(false)
			}
		case isApostrophe(r):
		case r >= 0x300 && r <= 0x36f: // combining diacritical marks
		default:
			lr := unicode.ToLower(r)
			if f, ok := foldRune(r); ok {
				cur = append(cur, f...)
			} else if f, ok := foldRune(lr); ok {
				cur = append(cur, f...)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				cur = utf8.AppendRune(cur, lr)
			} else {
				flush(false)
			}
		}
	}
	flush(false)
	return join(words)
}

type word struct {
	text string
	dot  bool // followed by a full stop
}

func join(words []word) string {
	var b strings.Builder
	for i := 0; i < len(words); i++ {
		w := words[i]
		text := w.text
		// Dotted initials: two or more one-letter words, each followed by a dot.
		if len(text) == 1 && w.dot && i+1 < len(words) && len(words[i+1].text) == 1 && words[i+1].dot {
			j := i
			var ini []byte
			for j < len(words) && len(words[j].text) == 1 && words[j].dot {
				ini = append(ini, words[j].text[0])
				j++
			}
			text = string(ini)
			i = j - 1
		} else if text == "so" && w.dot {
			text = "south"
		}
		// Word expansions apply to joined initials too, so that Key is idempotent
		// ("M.T." -> "mt" would otherwise fold again to "mount").
		switch text {
		case "the":
			continue
		case "st":
			text = "saint"
		case "ste":
			text = "sainte"
		case "mt":
			text = "mount"
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text)
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u02bb', '\u02bc', '\u00b4', '\u2032':
		return true
	}
	return false
}

// foldRune returns the ASCII base letters of a Latin letter with diacritics.
func foldRune(r rune) (string, bool) {
	var t string
	var i int
	switch {
	case r >= 0xc0 && r < 0x250:
		t, i = latinA, int(r-0xc0)*2
	case r >= 0x1e00 && r < 0x1f00:
		t, i = latinAdditional, int(r-0x1e00)*2
	default:
		return "", false
	}
	f := t[i : i+2]
	if f[0] == '_' {
		return "", false
	}
	if f[1] == '_' {
		f = f[:1]
	}
	return f, true
}

// The folding tables hold two bytes per rune: its lower-case ASCII base
// letters, padded with '_', or "__" when the rune has none. They were derived
// from the Unicode canonical and compatibility decompositions (NFKD, combining
// marks removed), with letters that have no decomposition (stroke, hook and
// ligature letters such as ø, ł, đ, ħ, ı, æ, œ, þ, ə) mapped by hand.

// latinA covers U+00C0..U+024F (Latin-1 Supplement letters, Latin Extended-A
// and Latin Extended-B).
const latinA = "" +
	"a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o___o_u_u_u_u_y_thss" +
	"a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o___o_u_u_u_u_y_thy_" +
	"a_a_a_a_a_a_c_c_c_c_c_c_c_c_d_d_d_d_e_e_e_e_e_e_e_e_e_e_g_g_g_g_" +
	"g_g_g_g_h_h_h_h_i_i_i_i_i_i_i_i_i_i_ijijj_j_k_k_k_l_l_l_l_l_l_l_" +
	"l_l_l_n_n_n_n_n_n_n_n_n_o_o_o_o_o_o_oeoer_r_r_r_r_r_s_s_s_s_s_s_" +
	"s_s_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_u_u_w_w_y_y_y_z_z_z_z_z_z_s_" +
	"b_b_b_b_____o_c_c_d_d_d_d___e_e_e_f_f_g_______i_k_k_l_____n_n_o_" +
	"o_o_____p_p___________t_t_t_t_u_u___v_y_y_z_z___________________" +
	"________dzdzdzljljljnjnjnja_a_i_i_o_o_u_u_u_u_u_u_u_u_u_u_e_a_a_" +
	"a_a_aeaeg_g_g_g_k_k_o_o_o_o_____j_dzdzdzg_g_____n_n_a_a_aeaeo_o_" +
	"a_a_a_a_e_e_e_e_i_i_i_i_o_o_o_o_r_r_r_r_u_u_u_u_s_s_t_t_____h_h_" +
	"n_d_____z_z_a_a_e_e_o_o_o_o_o_o_o_o_y_y_l_n_t_j_______c_c_l_____" +
	"____________e_e_j_j_____r_r_____"

// latinAdditional covers U+1E00..U+1EFF (Latin Extended Additional).
const latinAdditional = "" +
	"a_a_b_b_b_b_b_b_c_c_d_d_d_d_d_d_d_d_d_d_e_e_e_e_e_e_e_e_e_e_f_f_" +
	"g_g_h_h_h_h_h_h_h_h_h_h_i_i_i_i_k_k_k_k_k_k_l_l_l_l_l_l_l_l_m_m_" +
	"m_m_m_m_n_n_n_n_n_n_n_n_o_o_o_o_o_o_o_o_p_p_p_p_r_r_r_r_r_r_r_r_" +
	"s_s_s_s_s_s_s_s_s_s_t_t_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_v_v_v_v_" +
	"w_w_w_w_w_w_w_w_w_w_x_x_x_x_y_y_z_z_z_z_z_z_h_t_w_y___s_____ss__" +
	"a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_e_e_e_e_e_e_e_e_" +
	"e_e_e_e_e_e_e_e_i_i_i_i_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_" +
	"o_o_o_o_u_u_u_u_u_u_u_u_u_u_u_u_u_u_y_y_y_y_y_y_y_y_____________"
