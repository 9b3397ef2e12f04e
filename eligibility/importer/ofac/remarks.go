package ofac

import (
	"strings"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/dates"
	"github.com/eligo/eligo/eligibility/importer/internal/idlabel"
)

// parseRemarks maps the "; "-separated remarks of entity idx.
func (s *state) parseRemarks(idx, line int, num, remarks string) {
	remarks = strings.TrimSpace(remarks)
	for len(remarks) > 0 {
		seg := remarks
		if i := strings.Index(remarks, "; "); i >= 0 {
			seg, remarks = remarks[:i], remarks[i+2:]
		} else {
			remarks = ""
		}
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		s.remark(idx, line, num, seg, remarks == "")
	}
}

// remark maps one remark; last says whether it ends the remarks (and so may carry the
// closing full stop of the sentence).
func (s *state) remark(idx, line int, num, seg string, last bool) {
	e := &s.res.Entities[idx]
	body := seg
	if last {
		body = strings.TrimSuffix(body, ".")
	}
	body, _ = cutPrefixFold(body, "alt. ")
	switch {
	case hasAnyPrefix(body, "a.k.a. ", "f.k.a. ", "n.k.a. "):
		name := strings.TrimSpace(body[7:])
		name = strings.TrimSuffix(strings.TrimPrefix(name, "'"), "'")
		name = strings.TrimSpace(name)
		if name == "" {
			s.issue(line, num, "remarks", seg, importer.Invalid, "empty alias")
			return
		}
		addAlias(e, name)
	case strings.HasPrefix(body, "Linked To: "):
		name := strings.TrimSpace(strings.TrimPrefix(seg, "Linked To: "))
		if name == "" {
			s.issue(line, num, "remarks", seg, importer.Invalid, "empty link")
			return
		}
		s.res.Links = append(s.res.Links, importer.Link{Kind: importer.LinkedTo, From: e.ID, Name: name})
	case strings.HasPrefix(body, "Nationality of Registration "):
		s.remarkCountry(e, line, num, seg, eligibility.Incorporation, body[len("Nationality of Registration "):])
	case strings.HasPrefix(body, "nationality "):
		s.remarkCountry(e, line, num, seg, eligibility.Nationality, body[len("nationality "):])
	case strings.HasPrefix(body, "citizen "):
		s.remarkCountry(e, line, num, seg, eligibility.Nationality, body[len("citizen "):])
	case strings.HasPrefix(body, "Listing Date (CMIC) "):
		d, err := dates.DMY(body[len("Listing Date (CMIC) "):])
		if err != nil {
			s.issue(line, num, "remarks", seg, importer.Invalid, "listing date is not a date")
			return
		}
		found := false
		for i := range s.entries[idx] {
			if s.entries[idx][i].program == "CMIC-EO13959" {
				s.entries[idx][i].from = d
				found = true
			}
		}
		if !found {
			s.issue(line, num, "remarks", seg, importer.Unmapped, "a CMIC listing date on an entry without the CMIC-EO13959 program")
		}
	default:
		label, spec, rest, ok := idlabel.Prefix(body)
		if !ok {
			s.issue(line, num, "remarks", seg, importer.Unmapped, "no place in the model")
			return
		}
		s.remarkIdentifier(e, line, num, seg, label, spec, rest, s.kinds[idx] == "vessel")
	}
}

func (s *state) remarkCountry(e *eligibility.Entity, line int, num, seg string, role eligibility.Role, text string) {
	code, err := s.places.Country(text)
	if err != nil {
		s.issue(line, num, "remarks", seg, countryKind(err), "country not mapped: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
		return
	}
	addJurisdiction(e, role, code)
}

// remarkIdentifier maps "Label value [issued …] [expires …] [(Country)]".
func (s *state) remarkIdentifier(e *eligibility.Entity, line int, num, seg, label string, spec idlabel.Spec, rest string, vessel bool) {
	value, country, dropped := splitIDValue(rest)
	cc := ""
	if country != "" {
		code, err := s.places.Country(country)
		switch {
		case err == nil:
			cc = code.String()
		case spec.Global:
		default:
			s.issue(line, num, "remarks", seg, countryKind(err), "issuing country not mapped, identifier kept without it: "+strings.TrimPrefix(err.Error(), "jurisdiction: "))
		}
	}
	id, p := idlabel.Make(spec, value, cc, vessel)
	if p != nil {
		kind := importer.Invalid
		if p.Ambiguous {
			kind = importer.Ambiguous
		}
		s.issue(line, num, "remarks", seg, kind, label+": "+p.Reason)
		return
	}
	for _, x := range e.Identifiers {
		if x == id {
			return
		}
	}
	e.Identifiers = append(e.Identifiers, id)
	if dropped != "" {
		s.issue(line, num, "remarks", seg, importer.Unmapped, "identifier kept; its issue or expiry dates have no place in the model")
	}
}

// splitIDValue splits "AIMM67125HCHRRG06 (Mexico) issued 1968" into the value, the
// country in parentheses, and the dates dropped.
func splitIDValue(rest string) (value, country, dropped string) {
	value = rest
	for _, kw := range [...]string{" issued ", " expires "} {
		if i := strings.Index(value, kw); i >= 0 {
			dropped = value[i:] + dropped
			value = value[:i]
		}
	}
	value = strings.TrimSpace(value)
	if strings.HasSuffix(value, ")") {
		if i := strings.LastIndexByte(value, '('); i > 0 {
			country = value[i+1 : len(value)-1]
			value = strings.TrimSpace(value[:i])
		}
	}
	return value, country, strings.TrimSpace(dropped)
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
