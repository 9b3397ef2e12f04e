package bods

import (
	"bytes"
	"fmt"
	"testing"
)

// syntheticBODS writes a BODS 0.4 package of n companies in chains, each owned by the
// previous one (60%) and by a person (40%, with an indirect interest carried by the chain
// every tenth company), in the layout of the Open Ownership examples.
func syntheticBODS(n int) []byte {
	var b bytes.Buffer
	b.WriteString("[\n")
	pub := `"publicationDetails":{"publicationDate":"2024-01-31","bodsVersion":"0.4","publisher":{"name":"Synthetic Register","url":"https://register.example"}},"source":{"type":["officialRegister"],"assertedBy":[{"name":"Synthetic Register"}]}`
	sep := ""
	for i := range n {
		fmt.Fprintf(&b, `%s{"statementId":"st-e-%d","declarationSubject":"e%d","statementDate":"2024-01-15",%s,"recordId":"e%d","recordStatus":"new","recordType":"entity","recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Company %d Limited","jurisdiction":{"name":"United Kingdom","code":"GB"},"identifiers":[{"scheme":"GB-COH","id":"%08d"}],"addresses":[{"type":"registered","address":"%d High Street, London","postCode":"EC1A 1BB","country":{"name":"United Kingdom","code":"GB"}}],"foundingDate":"2001-05-04"}}`, sep, i, i, pub, i, i, i, i)
		sep = ",\n"
		fmt.Fprintf(&b, `%s{"statementId":"st-p-%d","declarationSubject":"e%d","statementDate":"2024-01-15",%s,"recordId":"p%d","recordStatus":"new","recordType":"person","recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"type":"legal","fullName":"Person %d","givenName":"Person","familyName":"%d"}],"nationalities":[{"name":"United Kingdom","code":"GB"}],"birthDate":"1970-01"}}`, sep, i, i, pub, i, i, i)
		fmt.Fprintf(&b, `%s{"statementId":"st-r-%d","declarationSubject":"e%d","statementDate":"2024-01-15",%s,"recordId":"r%d","recordStatus":"new","recordType":"relationship","recordDetails":{"isComponent":false,"subject":"e%d","interestedParty":"p%d","interests":[{"type":"shareholding","directOrIndirect":"direct","beneficialOwnershipOrControl":true,"share":{"exact":40},"startDate":"2019-03-01"},{"type":"votingRights","directOrIndirect":"direct","beneficialOwnershipOrControl":true,"share":{"minimum":25,"exclusiveMaximum":50},"startDate":"2019-03-01"}]}}`, sep, i, i, pub, i, i, i)
		if i > 0 {
			fmt.Fprintf(&b, `%s{"statementId":"st-c-%d","declarationSubject":"e%d","statementDate":"2024-01-15",%s,"recordId":"c%d","recordStatus":"new","recordType":"relationship","recordDetails":{"isComponent":false,"subject":"e%d","interestedParty":"e%d","interests":[{"type":"shareholding","directOrIndirect":"direct","beneficialOwnershipOrControl":false,"share":{"exact":60},"startDate":"2019-03-01"}]}}`, sep, i, i, pub, i, i, i-1)
		}
		if i > 1 && i%10 == 0 {
			fmt.Fprintf(&b, `%s{"statementId":"st-i-%d","declarationSubject":"e%d","statementDate":"2024-01-15",%s,"recordId":"i%d","recordStatus":"new","recordType":"relationship","recordDetails":{"isComponent":false,"subject":"e%d","interestedParty":"p%d","interests":[{"type":"shareholding","directOrIndirect":"indirect","beneficialOwnershipOrControl":true,"share":{"exact":24}}],"componentRecords":["e%d","c%d","r%d"]}}`, sep, i, i, pub, i, i, i-1, i-1, i, i-1)
		}
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

// BenchmarkImport measures BODS import throughput on a synthetic 0.4 package; the target
// is at least 50 MB/s of JSON.
func BenchmarkImport(b *testing.B) {
	data := syntheticBODS(20_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Import(bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
