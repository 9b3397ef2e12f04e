package gleif

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

type leiRecord struct {
	LEI    string `xml:"LEI"`
	Entity struct {
		LegalName    string   `xml:"LegalName"`
		OtherNames   []string `xml:"OtherEntityNames>OtherEntityName"`
		Translit     []string `xml:"TransliteratedOtherEntityNames>TransliteratedOtherEntityName"`
		Headquarters address  `xml:"HeadquartersAddress"`
		Authority    struct {
			ID       string `xml:"RegistrationAuthorityID"`
			Other    string `xml:"OtherRegistrationAuthorityID"`
			EntityID string `xml:"RegistrationAuthorityEntityID"`
		} `xml:"RegistrationAuthority"`
		LegalJurisdiction string `xml:"LegalJurisdiction"`
		Category          string `xml:"EntityCategory"`
		Status            string `xml:"EntityStatus"`
	} `xml:"Entity"`
}

type address struct {
	Country string `xml:"Country"`
	Region  string `xml:"Region"`
}

type rrRecord struct {
	Relationship struct {
		Start       node         `xml:"StartNode"`
		End         node         `xml:"EndNode"`
		Type        string       `xml:"RelationshipType"`
		Periods     []period     `xml:"RelationshipPeriods>RelationshipPeriod"`
		Status      string       `xml:"RelationshipStatus"`
		Quantifiers []quantifier `xml:"RelationshipQuantifiers>RelationshipQuantifier"`
	} `xml:"Relationship"`
	Registration struct {
		LastUpdate string `xml:"LastUpdateDate"`
	} `xml:"Registration"`
}

type node struct {
	ID   string `xml:"NodeID"`
	Type string `xml:"NodeIDType"`
}

type period struct {
	Start string `xml:"StartDate"`
	End   string `xml:"EndDate"`
	Type  string `xml:"PeriodType"`
}

type quantifier struct {
	Method string `xml:"MeasurementMethod"`
	Amount string `xml:"QuantifierAmount"`
	Units  string `xml:"QuantifierUnits"`
}

type exceptionRecord struct {
	LEI        string   `xml:"LEI"`
	Category   string   `xml:"ExceptionCategory"`
	Reasons    []string `xml:"ExceptionReason"`
	References []string `xml:"ExceptionReference"`
}

// errReader remembers the first error of its reader other than io.EOF, so that a failing
// reader is told apart from bad XML.
type errReader struct {
	r   io.Reader
	err error
}

// Read implements [io.Reader], noting the first error.
func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// scan decodes every element named local (in any namespace) into a fresh T and calls fn
// with it and its ordinal; an element that fails to decode is passed to fail. A syntax
// error ends the scan (fail gets fatal == true). The error returned is the reader's.
func scan[T any](r io.Reader, local string, fn func(i int, v *T), fail func(i int, offset int64, err error, fatal bool)) error {
	er := &errReader{r: r}
	dec := xml.NewDecoder(er)
	dec.Strict = true
	i := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return er.err
		}
		if err != nil {
			if er.err != nil {
				return er.err
			}
			fail(i, off, err, true)
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != local {
			continue
		}
		var v T
		if err := dec.DecodeElement(&v, &se); err != nil {
			if er.err != nil {
				return er.err
			}
			var syn *xml.SyntaxError
			fatal := errors.As(err, &syn) || errors.Is(err, io.ErrUnexpectedEOF)
			fail(i, off, fmt.Errorf("%s: %w", local, err), fatal)
			i++
			if fatal {
				return nil
			}
			continue
		}
		fn(i, &v)
		i++
	}
}
