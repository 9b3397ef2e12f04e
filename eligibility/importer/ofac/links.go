package ofac

import (
	"strings"

	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/internal/links"
)

// resolveLinks resolves each link's name to an entry (see [links.Resolve]) and turns
// resolved links into controls when the options ask for it.
func (s *state) resolveLinks() {
	byID := func(id string) int { return s.byNum[strings.TrimPrefix(id, "ofac:")] }
	links.Resolve(s.res.Links, s.res.Entities, byID, func(i int, o links.Outcome, cands []string) {
		l := s.res.Links[i]
		from := byID(l.From)
		num := strings.TrimPrefix(l.From, "ofac:")
		field := "remarks"
		if l.Kind == importer.VesselOwner {
			field = "vess_owner"
		}
		switch o {
		case links.Self:
			s.issue(s.lines[from], num, field, l.Name, importer.Adjusted, l.Kind.String()+": names the entry itself: left unresolved")
		case links.None:
			s.issue(s.lines[from], num, field, l.Name, importer.Unresolved, l.Kind.String()+": names no entry of this file")
		case links.Several:
			s.issue(s.lines[from], num, field, l.Name, importer.Ambiguous, l.Kind.String()+": names several entries: "+strings.Join(cands, ", "))
		}
	})
	if s.opt.LinkBasis.IsValid() {
		s.res.Controls = append(s.res.Controls, links.Controls(s.res.Links, s.res.Entities, byID, s.opt.LinkBasis)...)
	}
}
