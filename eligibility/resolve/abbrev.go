package resolve

// abbreviations pairs a common abbreviation in company names with the word it stands for.
// A query token and an index token related by this table match with similarity
// [simAbbreviation], in either direction. Words are in folded form (lower-case ASCII,
// apostrophes dropped, so "Int'l" is "intl").
var abbreviations = [...][2]string{
	{"intl", "international"}, {"int", "international"}, {"natl", "national"},
	{"tech", "technology"}, {"tech", "technologies"}, {"tech", "technical"},
	{"mfg", "manufacturing"}, {"mfr", "manufacturer"}, {"mfrs", "manufacturers"},
	{"ind", "industry"}, {"ind", "industries"}, {"ind", "industrial"}, {"inds", "industries"},
	{"indus", "industries"}, {"elec", "electric"}, {"elec", "electronic"},
	{"elec", "electronics"}, {"elect", "electronic"}, {"eng", "engineering"},
	{"engg", "engineering"}, {"equip", "equipment"}, {"inst", "institute"},
	{"univ", "university"}, {"assn", "association"}, {"assoc", "association"},
	{"bros", "brothers"}, {"dept", "department"}, {"govt", "government"},
	{"svc", "service"}, {"svcs", "services"}, {"serv", "services"}, {"sci", "science"},
	{"acad", "academy"}, {"res", "research"}, {"dev", "development"},
	{"mgmt", "management"}, {"mgt", "management"}, {"inv", "investment"},
	{"invest", "investment"}, {"trdg", "trading"}, {"trd", "trading"}, {"imp", "import"},
	{"exp", "export"}, {"gen", "general"}, {"ctr", "center"}, {"cntr", "center"},
	{"centre", "center"}, {"sys", "systems"}, {"comm", "communications"},
	{"commun", "communications"}, {"telecom", "telecommunications"},
	{"chem", "chemical"}, {"chem", "chemicals"}, {"pharm", "pharmaceutical"},
	{"pharma", "pharmaceutical"}, {"pharma", "pharmaceuticals"}, {"petro", "petroleum"},
	{"aero", "aeronautical"}, {"aero", "aerospace"}, {"mach", "machinery"},
	{"transp", "transport"}, {"mktg", "marketing"}, {"fin", "financial"},
	{"ent", "enterprise"}, {"ent", "enterprises"},
	{"mohd", "mohammed"}, {"mohd", "muhammad"}, {"mohd", "mohammad"}, {"muhd", "muhammad"},
	{"abd", "abdul"}, {"abd", "abdel"},
}

// abbrevIndex maps each word of the table to the words it abbreviates or expands to. It is
// built from the static table above and never changes.
var abbrevIndex = func() map[string][]string {
	m := make(map[string][]string, 2*len(abbreviations))
	for _, p := range abbreviations {
		m[p[0]] = append(m[p[0]], p[1])
		m[p[1]] = append(m[p[1]], p[0])
	}
	return m
}()
