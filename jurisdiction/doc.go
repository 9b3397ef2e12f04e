// Package jurisdiction identifies countries, territories and their
// subdivisions by their ISO 3166 codes, and answers whether a jurisdiction
// lies within a set of others.
//
// # Codes
//
// A [Code] is an ISO 3166-1 alpha-2 country code ("CN") or an ISO 3166-2
// subdivision code ("CN-BJ", "UA-43"). [Parse] reads codes in any case and
// also accepts alpha-3 ("CHN") and numeric ("156") country codes; [Code.String]
// gives the canonical form. Codes are small comparable values: the zero Code
// is invalid, and equal codes are ==.
//
// The tables cover every country (249) and subdivision (5,127) of the ISO
// 3166 data of Debian's iso-codes package (see [DataVersion]), generated into
// Go source by gen.go. Codes withdrawn from ISO 3166 (ISO 3166-3: SU, YU,
// CS, AN, ...) are recognised and rejected with a [*WithdrawnError] saying
// what replaced them; see [WithdrawnCodes].
//
// # Sets and containment
//
// A [Set] of codes contains the codes it was built from and everything
// inside them: a set holding CN contains CN-BJ, and a set holding UA
// contains UA-43 (Crimea), which sanctions programmes also name alone.
// [Set.Contains] runs in constant time without allocating.
//
// # Territories coded twice
//
// ISO gives some territories both a country code and a subdivision code of
// another country: HK and CN-HK, MO and CN-MO, TW and CN-TW, PR and US-PR,
// AW and NL-AW, GP and FR-GP, and others ([DualCoded] lists them all). Such a
// subdivision code parses to the country code ([Parse]("CN-HK") == [Parse]("HK")),
// and a country never implicitly contains these territories: a rule on CN
// does not reach Hong Kong, Macao or Taiwan unless it names them. The
// relation is data ([DualCoded], [TerritoriesOf]) from which users build
// "China with its SARs" themselves; it is never applied silently.
//
// # Names
//
// [ParseName] reads free text ("People's Republic of China", "PRC", "Hong
// Kong SAR", "Delaware", "The Netherlands", "Alberta, Canada") through ISO
// names, official names, common names and a small alias table. What does not
// name exactly one jurisdiction is an error ([ErrUnknown], [ErrAmbiguous],
// [ErrWithdrawn]), never a guess.
//
// # Groups
//
// Named, dated groups are data with their sources: [EUMembers] gives the
// member states of the European Union at a given time, and
// [EARCountryGroupD5], [EARCountryGroupE1] and [EARCountryGroupE2] give
// country groups of the US Export Administration Regulations as of
// [EARCountryGroupsAsOf].
//
// # Errors
//
// Errors wrap one of [ErrSyntax], [ErrUnknown], [ErrWithdrawn] or
// [ErrAmbiguous]; the typed errors [*ParseError], [*WithdrawnError] and
// [*AmbiguousError] carry the input and the details.
//
// # Concurrency
//
// Everything in the package is immutable after construction and safe for
// concurrent use. The package has no global mutable state and does no work
// at initialisation beyond its static tables.
package jurisdiction

//go:generate go run gen.go -src /usr/share/iso-codes/json
