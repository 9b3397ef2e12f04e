package bods

import "encoding/json"

// refStatement is a statement in the flat shape encoding/json decodes, the reference the
// hand-written reader is checked against.
type refStatement struct {
	StatementID   string     `json:"statementId"`
	StatementDate string     `json:"statementDate"`
	RecordID      string     `json:"recordId"`
	RecordType    string     `json:"recordType"`
	RecordStatus  string     `json:"recordStatus"`
	Details       refDetails `json:"recordDetails"`
}

type refDetails struct {
	EntityType        *entityType     `json:"entityType"`
	Name              string          `json:"name"`
	AlternateNames    []string        `json:"alternateNames"`
	Jurisdiction      *country        `json:"jurisdiction"`
	Identifiers       []identifier    `json:"identifiers"`
	FoundingDate      string          `json:"foundingDate"`
	DissolutionDate   string          `json:"dissolutionDate"`
	PublicListing     *publicListing  `json:"publicListing"`
	Addresses         []address       `json:"addresses"`
	Unspecified       json.RawMessage `json:"unspecifiedEntityDetails"`
	PersonType        string          `json:"personType"`
	Names             []personName    `json:"names"`
	Nationalities     []country       `json:"nationalities"`
	TaxResidencies    []country       `json:"taxResidencies"`
	BirthDate         string          `json:"birthDate"`
	PlaceOfBirth      json.RawMessage `json:"placeOfBirth"`
	PoliticalExposure json.RawMessage `json:"politicalExposure"`
	UnspecifiedPerson json.RawMessage `json:"unspecifiedPersonDetails"`
	Subject           partyRef        `json:"subject"`
	InterestedParty   partyRef        `json:"interestedParty"`
	Interests         []interest      `json:"interests"`
	ComponentRecords  []string        `json:"componentRecords"`
	ComponentIDs      []string        `json:"componentStatementIDs"`
}

// statement returns r in the reader's shape, every part allocated.
func (r *refStatement) statement() statement {
	d := &r.Details
	return statement{
		StatementID: r.StatementID, StatementDate: r.StatementDate, RecordID: r.RecordID,
		RecordType: r.RecordType, RecordStatus: r.RecordStatus,
		Details: details{
			entityPart: &entityPart{EntityType: d.EntityType, Name: d.Name, AlternateNames: d.AlternateNames,
				Jurisdiction: d.Jurisdiction, FoundingDate: d.FoundingDate, DissolutionDate: d.DissolutionDate,
				PublicListing: d.PublicListing, Unspecified: d.Unspecified},
			personPart: &personPart{PersonType: d.PersonType, Names: d.Names, Nationalities: d.Nationalities,
				TaxResidencies: d.TaxResidencies, BirthDate: d.BirthDate, PlaceOfBirth: d.PlaceOfBirth,
				PoliticalExposure: d.PoliticalExposure, UnspecifiedPerson: d.UnspecifiedPerson},
			relPart: &relPart{Subject: d.Subject, InterestedParty: d.InterestedParty, Interests: d.Interests,
				ComponentRecords: d.ComponentRecords, ComponentIDs: d.ComponentIDs},
			Identifiers: d.Identifiers,
			Addresses:   d.Addresses,
		},
	}
}
