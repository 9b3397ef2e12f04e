// Package csl imports the Consolidated Screening List, the CSV file that trade.gov
// publishes of the export screening lists of the US Departments of Commerce, State and the
// Treasury (29 columns: _id, source, entity_number, type, programs, name, title,
// addresses, …, alt_names, citizenships, dates_of_birth, nationalities, places_of_birth,
// source_information_url, ids).
//
// [Import] reads from a reader the caller opened and returns the same types a case file
// produces, with an [importer.Report] of every record or field it could not map.
//
// # The file
//
// The first line is the header; columns are found by name, so their order does not
// matter, and _id, source and name are required. The real file has quirks the importer
// copes with: a header line repeated as a data row (reported and skipped), a last record
// cut off in the middle of a quoted field (reported and skipped: the rest is kept), a
// UTF-8 byte-order mark (dropped).
//
// # What becomes what
//
//   - One designation list per source, named by the abbreviation in the source's name:
//     SDN → "ofac-sdn", SSI → "ofac-ssi", PLC → "ofac-ns-plc", CMIC → "ofac-ns-cmic",
//     NS-MBS List → "ofac-ns-mbs", FSE → "ofac-fse", CAP → "ofac-capta" (the Treasury
//     lists keep the ids package ofac gives them), EL → "bis-entity-list", DPL →
//     "bis-denied-persons", UVL → "bis-unverified", MEU → "bis-meu", ISN → "state-isn",
//     DTC → "state-dtc". Another source gets "csl:" and its abbreviation's slug, reported
//     once. [Options.SourceLists] overrides the choice.
//   - Each row is one entry of its source's list, one per program ("UKRAINE-EO13662;
//     RUSSIA-EO14024" gives two), valid from start_date and through end_date: end_date is
//     read as the last day the listing is in effect, so the entry's half-open interval
//     ends the day after. An NS-CMIC row without a start date starts at its "Listing Date
//     (CMIC)" id. An end before the start is reported and the end dropped.
//   - Entities: a Treasury row's entity_number is OFAC's entry number, so the entity id
//     is "ofac:<entity_number>", the id package ofac gives the same party; any other row
//     is "csl:<_id>". Rows with the same entity id (one party on several lists, such as SDN
//     and PLC) are one entity with several entries; a differing name becomes an alias.
//   - type: Individual → person, Entity → company, Vessel → other; an empty type (the
//     BIS and State lists give none) → [eligibility.OtherKind], since it is unknown.
//   - name and alt_names → name and aliases. addresses: the country that ends each
//     address ("…, Moscow, 119121, RU") gives [eligibility.Residence] for an individual
//     and [eligibility.Operations] for anyone else; citizenships and nationalities give
//     [eligibility.Nationality]; vessel_flag gives [eligibility.Incorporation]. Country
//     text that is no ISO code or name (a postal code, "undetermined") is reported.
//   - ids ("Type, value[, country]; …") become identifiers through the same label table as
//     package ofac (lei, uscc, isin, swift-bic, …; "tax-id-no:RU"); other ids (websites,
//     e-mail addresses, equity tickers, directive determinations) are reported as
//     unmapped.
//   - "Linked To: X" in remarks, and vessel_owner, become links, resolved by name within
//     the file as in package ofac, and controls only with [Options.LinkBasis].
//
// title, call_sign, vessel_type, the tonnages, dates_of_birth, places_of_birth and any
// other remark are reported as unmapped when set. Left out without a report, as metadata
// about the listing rather than facts about the party: federal_register_notice,
// standard_order, license_requirement, license_policy, source_list_url and
// source_information_url.
//
// # Accounting
//
// [importer.Report.Records] counts the rows after the header; each is imported (as an
// entity, or as more entries of an entity already seen) or reported as skipped.
//
// # Speed
//
// The 2023 sample (4,228 rows, 2.7 MB) imports in about 35 ms on two cores; see
// BENCHMARKS.md in the importer directory.
package csl
