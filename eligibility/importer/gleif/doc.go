// Package gleif imports GLEIF data: Level 2 relationship records (RR-CDF), Level 1 LEI
// records (LEI-CDF) and reporting exceptions, as published in the GLEIF Golden Copy. It
// returns [eligibility.WorldData] and an [importer.Report].
//
// [Import] reads from readers the caller opened; any of the three may be left out. Each
// entity's id is "lei:" and its LEI, with the LEI as an identifier (when its check digits
// are right), so that [importer.Merge] joins it with the same party in a list or a BODS
// file.
//
// # Relationships
//
//   - IS_DIRECTLY_CONSOLIDATED_BY and IS_ULTIMATELY_CONSOLIDATED_BY (accounting
//     consolidation parents) become controls of the parent over the child. Consolidation
//     shows control but not its legal ground (majority of votes, board appointment,
//     contract…), so the basis is [ownership.DeFacto], the basis that claims least; set
//     [Options.ConsolidationBasis] to choose another. Ultimate parents are imported too:
//     controls do not add up, so the shortcut never counts twice, and it keeps the link
//     when the intermediate parents are not in the file.
//   - RelationshipQuantifiers in percent become [ownership.Shares] stakes of the direct
//     parent in the child, exact, over the same periods. An ultimate parent's percentage
//     is indirect (the direct parents' chain carries it) and is reported, not a stake.
//   - IS_INTERNATIONAL_BRANCH_OF makes the start node a branch ([eligibility.Branch]) of
//     the end node: the same legal person, as the model treats branches.
//   - IS_FUND-MANAGED_BY, IS_SUBFUND_OF and IS_FEEDER_TO are neither ownership nor
//     control in the model's sense; their records are reported as skipped.
//
// # Dates
//
// Each RELATIONSHIP_PERIOD gives a validity interval: from its StartDate (the UTC day of
// the date-time) through its EndDate, read as the last day the relationship held (the
// interval ends the day after). Accounting and filing periods date the evidence, not the
// relationship, and are left out. Inactive relationships are kept with their dates, never
// dropped; one that gives no end date is taken to end at its record's LastUpdateDate (the
// latest day it could have ended), reported. A relationship without a period holds at
// every date, reported.
//
// # Reporting exceptions
//
// A reporting exception (an entity that reports no direct or ultimate parent, with a
// reason such as NATURAL_PERSONS, NON_CONSOLIDATING, NO_KNOWN_PERSON or NON_PUBLIC) marks
// the entity partially disclosed ([ownership.Partial]): its owners are not in the data
// and may be restricted. The exceptions, with their reasons, are returned in
// [Result.Exceptions].
//
// # LEI records
//
// LegalName becomes the name and other and transliterated names aliases;
// LegalJurisdiction gives [eligibility.Incorporation]; the headquarters address gives
// [eligibility.Headquarters] (its ISO 3166-2 region when it has one, else its country).
// EntityCategory FUND → fund, SOLE_PROPRIETOR → person, RESIDENT_GOVERNMENT_ENTITY and
// INTERNATIONAL_ORGANIZATION → state body, anything else → company. The registration
// authority's entity id becomes an identifier of scheme "gleif-ra:<RA code>". An entity
// status other than ACTIVE is reported (the model has none). Left out without a report,
// as metadata of the record: the legal address (the registered office, usually in the
// legal jurisdiction), legal form, creation date, events, registration and validation
// details, relationship qualifiers (the accounting standard).
//
// # Accounting
//
// [importer.Report.Records] counts LEI records, relationship records and exceptions; each
// is imported or reported as skipped.
package gleif
