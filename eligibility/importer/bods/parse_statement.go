package bods

// parseStatement fills st from one JSON statement object.
func parseStatement(b []byte, st *statement) error {
	p := parser{b: b}
	if p.peek() != '{' {
		p.typeErr("statement", "an object")
		return p.err
	}
	p.object(func(key []byte) {
		switch p.canon(key, statementKeys) {
		case "statementId":
			p.str(&st.StatementID, "statementId")
		case "statementDate":
			p.str(&st.StatementDate, "statementDate")
		case "recordId":
			p.str(&st.RecordID, "recordId")
		case "recordType":
			p.str(&st.RecordType, "recordType")
		case "recordStatus":
			p.str(&st.RecordStatus, "recordStatus")
		case "recordDetails":
			p.details(&st.Details)
		default:
			p.skip()
		}
	})
	p.ws()
	if p.err == nil && p.i != len(p.b) {
		p.fail("text after the statement")
	}
	st.Details.fillParts()
	return p.err
}

// isObject reports whether an object (or null) comes next, recording a type error if not.
func (p *parser) isObject(field string) bool {
	switch p.peek() {
	case '{':
		return true
	case 'n':
		p.literal("null")
		return false
	}
	p.typeErr(field, "an object")
	p.skip()
	return false
}

// isArray reports whether an array comes next; null is skipped, anything else is a type
// error.
func (p *parser) isArray(field string) bool {
	switch p.peek() {
	case '[':
		return true
	case 'n':
		p.literal("null")
		return false
	}
	p.typeErr(field, "an array")
	p.skip()
	return false
}

func (p *parser) details(d *details) {
	if !p.isObject("recordDetails") {
		return
	}
	p.object(func(key []byte) {
		switch p.canon(key, detailsKeys) {
		case "entityType":
			if p.isObject("entityType") {
				e := d.ent()
				t := &entityType{}
				if e.EntityType != nil {
					t = e.EntityType
				}
				p.object(func(k []byte) {
					switch p.canon(k, entityTypeKeys) {
					case "type":
						p.str(&t.Type, "entityType.type")
					case "subtype":
						p.str(&t.Subtype, "entityType.subtype")
					default:
						p.skip()
					}
				})
				e.EntityType = t
			}
		case "name":
			p.str(&d.ent().Name, "name")
		case "alternateNames":
			p.strings(&d.ent().AlternateNames, "alternateNames")
		case "jurisdiction":
			if p.isObject("jurisdiction") {
				e := d.ent()
				c := &country{}
				if e.Jurisdiction != nil {
					c = e.Jurisdiction
				}
				p.country(c)
				e.Jurisdiction = c
			}
		case "identifiers":
			if p.isArray("identifiers") {
				out := []identifier{}
				p.array(func() {
					var id identifier
					if p.isObject("identifiers[]") {
						p.object(func(k []byte) {
							switch p.canon(k, identifierKeys) {
							case "id":
								p.str(&id.ID, "identifiers.id")
							case "scheme":
								p.str(&id.Scheme, "identifiers.scheme")
							case "schemeName":
								p.str(&id.SchemeName, "identifiers.schemeName")
							default:
								p.skip()
							}
						})
					}
					out = append(out, id)
				})
				d.Identifiers = out
			}
		case "foundingDate":
			p.str(&d.ent().FoundingDate, "foundingDate")
		case "dissolutionDate":
			p.str(&d.ent().DissolutionDate, "dissolutionDate")
		case "publicListing":
			if p.isObject("publicListing") {
				e := d.ent()
				pl := &publicListing{}
				if e.PublicListing != nil {
					pl = e.PublicListing
				}
				p.publicListing(pl)
				e.PublicListing = pl
			}
		case "addresses":
			if p.isArray("addresses") {
				out := []address{}
				p.array(func() {
					var a address
					if p.isObject("addresses[]") {
						p.object(func(k []byte) {
							switch p.canon(k, addressKeys) {
							case "type":
								p.str(&a.Type, "addresses.type")
							case "country":
								if p.isObject("addresses.country") {
									c := &country{}
									if a.Country != nil {
										c = a.Country
									}
									p.country(c)
									a.Country = c
								}
							default:
								p.skip()
							}
						})
					}
					out = append(out, a)
				})
				d.Addresses = out
			}
		case "unspecifiedEntityDetails":
			p.raw(&d.ent().Unspecified)
		case "personType":
			p.str(&d.per().PersonType, "personType")
		case "names":
			if p.isArray("names") {
				out := []personName{}
				p.array(func() {
					var n personName
					if p.isObject("names[]") {
						p.object(func(k []byte) {
							switch p.canon(k, nameKeys) {
							case "type":
								p.str(&n.Type, "names.type")
							case "fullName":
								p.str(&n.FullName, "names.fullName")
							case "givenName":
								p.str(&n.GivenName, "names.givenName")
							case "familyName":
								p.str(&n.FamilyName, "names.familyName")
							default:
								p.skip()
							}
						})
					}
					out = append(out, n)
				})
				d.per().Names = out
			}
		case "nationalities":
			p.countries(&d.per().Nationalities, "nationalities")
		case "taxResidencies":
			p.countries(&d.per().TaxResidencies, "taxResidencies")
		case "birthDate":
			p.str(&d.per().BirthDate, "birthDate")
		case "placeOfBirth":
			p.raw(&d.per().PlaceOfBirth)
		case "politicalExposure":
			p.raw(&d.per().PoliticalExposure)
		case "unspecifiedPersonDetails":
			p.raw(&d.per().UnspecifiedPerson)
		case "subject":
			p.partyRef(&d.rel().Subject, "subject")
		case "interestedParty":
			p.partyRef(&d.rel().InterestedParty, "interestedParty")
		case "interests":
			if p.isArray("interests") {
				out := []interest{}
				p.array(func() {
					var in interest
					if p.isObject("interests[]") {
						p.interest(&in)
					}
					out = append(out, in)
				})
				d.rel().Interests = out
			}
		case "componentRecords":
			p.strings(&d.rel().ComponentRecords, "componentRecords")
		case "componentStatementIDs":
			p.strings(&d.rel().ComponentIDs, "componentStatementIDs")
		default:
			p.skip()
		}
	})
}

func (p *parser) country(c *country) {
	p.object(func(k []byte) {
		switch p.canon(k, countryKeys) {
		case "name":
			p.str(&c.Name, "country.name")
		case "code":
			p.str(&c.Code, "country.code")
		default:
			p.skip()
		}
	})
}

func (p *parser) countries(dst *[]country, field string) {
	if !p.isArray(field) {
		return
	}
	out := []country{}
	p.array(func() {
		var c country
		if p.isObject(field + "[]") {
			p.country(&c)
		}
		out = append(out, c)
	})
	*dst = out
}

func (p *parser) publicListing(pl *publicListing) {
	p.object(func(k []byte) {
		if p.canon(k, listingKeys) == "" || !p.isArray("securitiesListings") {
			if p.canon(k, listingKeys) == "" {
				p.skip()
			}
			return
		}
		out := []securityListing{}
		p.array(func() {
			out = append(out, securityListing{})
			l := &out[len(out)-1]
			if !p.isObject("securitiesListings[]") {
				return
			}
			p.object(func(k []byte) {
				if p.canon(k, securityKeys) == "" {
					p.skip()
					return
				}
				if !p.isObject("security") {
					return
				}
				p.object(func(k []byte) {
					switch p.canon(k, securityIDKeys) {
					case "idScheme":
						p.str(&l.Security.IDScheme, "security.idScheme")
					case "id":
						p.str(&l.Security.ID, "security.id")
					default:
						p.skip()
					}
				})
			})
		})
		pl.SecuritiesListings = out
	})
}

func (p *parser) partyRef(r *partyRef, field string) {
	switch p.peek() {
	case 'n':
		p.literal("null")
	case '"':
		*r = partyRef{Set: true}
		p.str(&r.ID, field)
	case '{':
		var reason, desc string
		p.object(func(k []byte) {
			switch p.canon(k, unspecifiedKeys) {
			case "reason":
				p.str(&reason, field+".reason")
			case "description":
				p.str(&desc, field+".description")
			default:
				p.skip()
			}
		})
		*r = partyRef{Set: true, Unspecified: true, Reason: reason}
		if desc != "" {
			r.Reason += ": " + desc
		}
	default:
		p.typeErr(field, "a string or an object")
		p.skip()
	}
}

func (p *parser) interest(in *interest) {
	p.object(func(k []byte) {
		switch p.canon(k, interestKeys) {
		case "type":
			p.str(&in.Type, "interests.type")
		case "directOrIndirect":
			p.str(&in.DirectOrIndirect, "interests.directOrIndirect")
		case "startDate":
			p.str(&in.StartDate, "interests.startDate")
		case "endDate":
			p.str(&in.EndDate, "interests.endDate")
		case "share":
			if p.isObject("interests.share") {
				sh := &share{}
				if in.Share != nil {
					sh = in.Share
				}
				p.object(func(k []byte) {
					switch p.canon(k, shareKeys) {
					case "exact":
						p.number(&sh.Exact, "share.exact")
					case "minimum":
						p.number(&sh.Minimum, "share.minimum")
					case "maximum":
						p.number(&sh.Maximum, "share.maximum")
					case "exclusiveMinimum":
						p.number(&sh.ExclusiveMinimum, "share.exclusiveMinimum")
					case "exclusiveMaximum":
						p.number(&sh.ExclusiveMaximum, "share.exclusiveMaximum")
					default:
						p.skip()
					}
				})
				in.Share = sh
			}
		default:
			p.skip()
		}
	})
}

// Known keys of each object, for matching keys as encoding/json does: exactly first, then
// without regard to case.
var (
	statementKeys   = keySet("statementId", "statementDate", "recordId", "recordType", "recordStatus", "recordDetails")
	detailsKeys     = keySet("entityType", "name", "alternateNames", "jurisdiction", "identifiers", "foundingDate", "dissolutionDate", "publicListing", "addresses", "unspecifiedEntityDetails", "personType", "names", "nationalities", "taxResidencies", "birthDate", "placeOfBirth", "politicalExposure", "unspecifiedPersonDetails", "subject", "interestedParty", "interests", "componentRecords", "componentStatementIDs")
	entityTypeKeys  = keySet("type", "subtype")
	identifierKeys  = keySet("id", "scheme", "schemeName")
	addressKeys     = keySet("type", "country")
	nameKeys        = keySet("type", "fullName", "givenName", "familyName")
	countryKeys     = keySet("name", "code")
	listingKeys     = keySet("securitiesListings")
	securityKeys    = keySet("security")
	securityIDKeys  = keySet("idScheme", "id")
	unspecifiedKeys = keySet("reason", "description")
	interestKeys    = keySet("type", "directOrIndirect", "startDate", "endDate", "share")
	shareKeys       = keySet("exact", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
)

// keySet lists an object's known keys.
type keySetT struct {
	exact map[string]string
	list  []string
}

func keySet(keys ...string) *keySetT {
	ks := &keySetT{exact: map[string]string{}, list: keys}
	for _, k := range keys {
		ks.exact[k] = k
	}
	return ks
}

// canon returns the known key that key names: itself if known, else the first known key
// equal to it without regard to case, else "".
func (p *parser) canon(key []byte, ks *keySetT) string {
	if k, ok := ks.exact[string(key)]; ok {
		return k
	}
	for _, k := range ks.list {
		if foldEqual(key, k) {
			return k
		}
	}
	return ""
}
