package jurisdiction

import "strings"

// EARCountryGroupsAsOf is the date of the text of Supplement No. 1 to part
// 740 of the Export Administration Regulations (15 CFR) that the EAR groups
// of this package follow: the Cambodia conforming change (RIN 0694-AK41),
// effective 2026-02-03. Later amendments are not reflected.
const EARCountryGroupsAsOf = "2026-02-03"

const earSource = "15 CFR part 740, Supplement No. 1 (Country Groups)"

// EARCountryGroupD5 returns Country Group D:5, "U.S. Arms Embargoed
// Countries", as of [EARCountryGroupsAsOf]:
//
//	AF Afghanistan, BY Belarus, MM Burma, CF Central African Republic,
//	CN China, HK Hong Kong, CD Congo (Democratic Republic of the), CU Cuba,
//	CY Cyprus, ER Eritrea, ET Ethiopia, HT Haiti, IR Iran, IQ Iraq,
//	KP Korea (North), LB Lebanon, LY Libya, NI Nicaragua, RU Russia,
//	SO Somalia, SS South Sudan, SD Sudan, SY Syria, VE Venezuela,
//	ZW Zimbabwe.
//
// Hong Kong is listed because the EAR no longer treat it as a destination
// separate from China (85 FR 83765, 2020-12-23); Macau is not. Cambodia was
// removed effective 2026-02-03 and Nicaragua added effective 2024-03-15.
// Under the note to D:5, the State Department's list of arms-embargoed
// countries (22 CFR 126.1) controls when the two differ, so check 126.1
// for later changes; Ethiopia is there (126.1(n), since 2021-11-01) and the
// policy of denial for Cyprus is suspended through 2026-09-30.
func EARCountryGroupD5() Group {
	return earGroup("EAR Country Group D:5",
		"AF BY CD CF CN CU CY ER ET HK HT IQ IR KP LB LY MM NI RU SD SO SS SY VE ZW",
		"Hong Kong is treated as China under the EAR (85 FR 83765, 2020-12-23); Macau is a separate destination",
		"the State Department's list of arms-embargoed countries (22 CFR 126.1) controls where it differs from this group",
		"Cyprus: the ITAR policy of denial is suspended through 2026-09-30",
		"Ethiopia: listed in 22 CFR 126.1(n) since 2021-11-01 (policy of denial for its armed forces, police and intelligence services)",
	)
}

// EARCountryGroupE1 returns Country Group E:1, "Terrorist Supporting
// Countries", as of [EARCountryGroupsAsOf]: IR Iran, KP Korea (North),
// SY Syria. Syria remained in E:1 after the rule relaxing controls on Syria
// (90 FR 42315, 2025-09-02); its state-sponsor-of-terrorism designation was
// under review at that date.
func EARCountryGroupE1() Group {
	return earGroup("EAR Country Group E:1", "IR KP SY",
		"Syria: remained in E:1 after 90 FR 42315 (2025-09-02); its state-sponsor-of-terrorism designation was under review")
}

// EARCountryGroupE2 returns Country Group E:2, "Unilateral Embargo", as of
// [EARCountryGroupsAsOf]: CU Cuba.
func EARCountryGroupE2() Group {
	return earGroup("EAR Country Group E:2", "CU")
}

func earGroup(name, codes string, notes ...string) Group {
	var cs []Code
	for _, f := range strings.Fields(codes) {
		cs = append(cs, MustParse(f))
	}
	return Group{Name: name, Source: earSource, AsOf: EARCountryGroupsAsOf, Members: NewSet(cs...), Notes: notes}
}
