// Package idlabel maps the identifier labels of OFAC's lists ("Passport", "Tax ID No.",
// "Unified Social Credit Code (USCC)", …), which the Consolidated Screening List reuses,
// to identifier schemes.
//
// A label OFAC uses for a globally unique identifier maps to a fixed scheme ("lei",
// "uscc", "isin", "swift-bic", "imo", "mmsi", "duns"). Any other identifier label maps to
// its own slug ("passport", "tax-id-no", "registration-id") followed by ":" and the
// issuing country's code when the source names it ("tax-id-no:RU"). Labels are never
// merged with each other ("Registration ID" and "Registration Number" stay apart): the
// scheme says exactly what the source said. Labels that are not identifiers (dates of
// birth, phone numbers, websites, digital currency addresses) are not in the table.
package idlabel

import (
	"fmt"
	"strings"

	"github.com/eligo/eligo/eligibility"
)

// Spec says how one label maps to a scheme.
type Spec struct {
	// Scheme is the fixed scheme of a global identifier, or the slug of a national one.
	Scheme string
	// Global is true for identifiers that carry no issuing country.
	Global bool
}

// global labels: the scheme is fixed and the country, if given, is dropped.
var global = map[string]string{
	"Legal Entity Number":                           eligibility.SchemeLEI,
	"Unified Social Credit Code (USCC)":             eligibility.SchemeUSCC,
	"United Social Credit Code Certificate (USCCC)": eligibility.SchemeUSCC,
	"ISIN":                               "isin",
	"SWIFT/BIC":                          "swift-bic",
	"MMSI":                               "mmsi",
	"D-U-N-S Number":                     "duns",
	"Vessel Registration Identification": "imo",
	"Aircraft Manufacturer's Serial Number (MSN)": "aircraft-msn",
	"Aircraft Tail Number":                        "aircraft-tail-number",
}

// national labels: identifiers issued per country.
var national = []string{
	"Passport", "Diplomatic Passport", "British National Overseas Passport", "Passport Booklet",
	"Stateless Person Passport", "Stateless Person ID Card", "Refugee ID Card", "Travel Document Number",
	"National ID No.", "National Foreign ID Number", "Personal ID Card", "Identification Number",
	"Cedula No.", "D.N.I.", "C.U.R.P.", "C.U.R.P. #", "C.U.I.P.", "C.U.I.", "C.U.I.T.", "I.F.E.",
	"Credencial electoral", "Electoral Registry No.", "Cartilla de Servicio Militar Nacional",
	"Numero de Identidad", "Citizen's Card Number", "Turkish Identification Number",
	"Kenyan ID No.", "Moroccan Personal ID No.", "Bosnian Personal ID No.", "Tazkira National ID Card",
	"CNP (Personal Numerical Code)", "Romanian Permanent Resident CAN", "UAE Identification",
	"Residency Number", "Birth Certificate Number", "Driver's License No.", "Immigration No.",
	"Public Security and Immigration No.", "VisaNumberID", "SRE Permit No.", "Pilot License Number",
	"Seafarer's Identification Document", "SSN", "N.I.E.",
	"Tax ID No.", "NIT #", "RUC #", "RIF #", "R.F.C.", "R.F.C. #", "RFC", "RTN", "US FEIN",
	"V.A.T. Number", "Italian Fiscal Code", "Fiscal Code", "Romanian Tax Registration", "C.I.F.",
	"Paraguayan tax identification number", "Numero Unico de Identificacao Tributaria (NUIT)", "RSIN",
	"Registration ID", "Registration Number", "Business Registration Number",
	"Business Registration Document #", "Public Registration Number", "Company Number",
	"UK Company Number", "Commercial Registry Number", "Certificate of Incorporation Number",
	"C.R. No.", "Romanian C.R.", "Chamber of Commerce Number", "Istanbul Chamber of Comm. No.",
	"Dubai Chamber of Commerce Membership No.", "Government Gazette Number", "Folio Mercantil No.",
	"Matricula Mercantil No", "Trade License No.", "Tourism License No.", "Enterprise Number",
	"Branch Unit Number", "Business Number", "Central Registration System Number",
	"Economic Register Number (CBLS)", "Registered Charity No.", "LE Number", "BIK (RU)",
	"MSB Registration Number", "Afghan Money Service Provider License Number",
}

var table = func() map[string]Spec {
	m := make(map[string]Spec, len(global)+len(national))
	for l, s := range global {
		m[l] = Spec{Scheme: s, Global: true}
	}
	for _, l := range national {
		m[l] = Spec{Scheme: Slug(l)}
	}
	return m
}()

// Lookup returns the spec of an exact label.
func Lookup(label string) (Spec, bool) {
	s, ok := table[label]
	return s, ok
}

// Prefix finds the longest label that s starts with, followed by a space, and returns it
// with the rest of s.
func Prefix(s string) (label string, spec Spec, rest string, ok bool) {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != ' ' {
			continue
		}
		if sp, found := table[s[:i]]; found {
			return s[:i], sp, strings.TrimSpace(s[i+1:]), true
		}
	}
	return "", Spec{}, "", false
}

// Slug turns a label into a scheme slug: lower case, runs of other characters as one "-",
// and common abbreviations spelled as in the label ("Tax ID No." → "tax-id-no",
// "C.U.R.P." → "c-u-r-p").
func Slug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range label {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r + 'a' - 'A')
		default:
			dash = true
		}
	}
	return b.String()
}

// Problem says why a labelled value did not become an identifier. Kind is "invalid" for a
// value that fails its scheme's check, "ambiguous" for a value whose scheme is unclear.
type Problem struct {
	Ambiguous bool
	Reason    string
}

// Make builds the identifier for a value under spec. country is the ISO code of the
// issuing country ("" when the source gives none or it did not parse). entityIsVessel
// says whether the entry is a vessel: OFAC writes IMO numbers under several labels, and
// under any label but "Vessel Registration Identification" an "IMO nnnnnnn" value on a
// non-vessel is an IMO company number (scheme "imo-company").
func Make(spec Spec, value, country string, entityIsVessel bool) (eligibility.Identifier, *Problem) {
	value = strings.TrimSpace(value)
	if value == "" {
		return eligibility.Identifier{}, &Problem{Reason: "empty value"}
	}
	if imo, ok := strings.CutPrefix(value, "IMO "); ok && allDigits(imo) {
		scheme := "imo"
		if spec.Scheme != "imo" && !entityIsVessel {
			scheme = "imo-company"
		}
		return eligibility.Identifier{Scheme: scheme, Value: imo}, nil
	}
	if !spec.Global {
		scheme := spec.Scheme
		if country != "" {
			scheme += ":" + country
		}
		return eligibility.Identifier{Scheme: scheme, Value: value}, nil
	}
	v := strings.ToUpper(strings.ReplaceAll(value, " ", ""))
	switch spec.Scheme {
	case "imo":
		return eligibility.Identifier{}, &Problem{Ambiguous: true, Reason: "a vessel registration that is not written as an IMO number"}
	case eligibility.SchemeLEI, eligibility.SchemeUSCC:
		id := eligibility.Identifier{Scheme: spec.Scheme, Value: v}
		if err := eligibility.CheckIdentifier(id); err != nil {
			msg := strings.TrimPrefix(err.Error(), "eligibility: bad identifier: ")
			if spec.Scheme == eligibility.SchemeLEI && len(v) != 20 {
				return eligibility.Identifier{}, &Problem{Ambiguous: true, Reason: fmt.Sprintf("labelled a legal entity number but not an ISO 17442 LEI (%s)", msg)}
			}
			return eligibility.Identifier{}, &Problem{Reason: msg}
		}
		return id, nil
	case "mmsi", "duns":
		if !allDigits(strings.ReplaceAll(v, "-", "")) {
			return eligibility.Identifier{}, &Problem{Reason: spec.Scheme + " is not a number"}
		}
		v = strings.ReplaceAll(v, "-", "")
	}
	return eligibility.Identifier{Scheme: spec.Scheme, Value: v}, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
