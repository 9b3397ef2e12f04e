package importer

import "github.com/eligo/eligo/eligibility"

// Identifier schemes the importers write. Schemes that identify a legal person the world
// over carry no country; schemes issued per country are written "kind:CC", such as
// "registration:RU" or "tax-id:CN" (see each importer's documentation).
const (
	SchemeLEI   = eligibility.SchemeLEI  // ISO 17442 Legal Entity Identifier, checked
	SchemeUSCC  = eligibility.SchemeUSCC // China's Unified Social Credit Code, checked
	SchemeISIN  = "isin"                 // ISO 6166 securities identifier of a security the entity issued
	SchemeSWIFT = "swift-bic"            // ISO 9362 business identifier code
	SchemeIMO   = "imo"                  // IMO ship or company number
	SchemeMMSI  = "mmsi"                 // Maritime Mobile Service Identity
	SchemeDUNS  = "duns"                 // Dun & Bradstreet D-U-N-S number
)

// DefaultMatchSchemes returns the schemes [Merge] matches on when [MergeOptions] names
// none: LEI, USCC and IMO numbers, each of which names exactly one legal person or vessel.
// SWIFT codes (a bank and its branches share a prefix) and ISINs (they name securities)
// are left out; add them to MergeOptions.MatchSchemes to use them.
func DefaultMatchSchemes() []string { return []string{SchemeLEI, SchemeUSCC, SchemeIMO} }
