// Package importer holds what the data importers share: the [Report] each returns beside
// its result, the [Link]s that lists state between their entries, and [Merge], which joins
// the data of several imports into one world.
//
// # The importers
//
// Each format has its own subpackage, and each reads from readers the caller opened (no
// file or network access) and produces [eligibility.WorldData], the same types a case file
// produces:
//
//   - [github.com/eligo/eligo/eligibility/importer/ofac]: OFAC's legacy CSV files (the SDN
//     list and the Consolidated non-SDN list);
//   - [github.com/eligo/eligo/eligibility/importer/csl]: the Consolidated Screening List
//     CSV of trade.gov;
//   - [github.com/eligo/eligo/eligibility/importer/bods]: Beneficial Ownership Data
//     Standard 0.4 JSON;
//   - [github.com/eligo/eligo/eligibility/importer/gleif]: GLEIF Level 2 relationship
//     records, LEI records and reporting exceptions.
//
// An importer returns an error only when its input cannot be read at all; everything else
// goes into the [Report]: every record it skipped and every field it could not map, with
// the record, the field, the value and the reason. Nothing is dropped silently.
//
// # Ids
//
// Imported entities have stable ids made from the source's own keys: "ofac:<ent_num>"
// (OFAC numbers its SDN and non-SDN entries in one sequence, and the Consolidated
// Screening List gives the same number for Treasury rows), "csl:<_id>" for the other CSL
// rows, "bods:<recordId>", "lei:<LEI>". Importing the same file twice gives the same ids
// in the same order.
//
// # Matching parties across sources
//
// An ownership file and a list name the same party with different ids. [Merge] joins
// them when they have the same id, when they share an identifier under one of the
// [MergeOptions.MatchSchemes] (by default LEI, USCC and IMO numbers, which each name one
// party), or when the user says so ([MergeOptions.Same], for parties that share no
// identifier). Names are never matched: two companies may share a name, and a screening
// decision must not rest on a guess. Pass the lists first: each merged party keeps the id
// it has in the first import that holds it, so list entries keep their ids.
//
// The core packages (eligibility, ownership, jurisdiction) never import the importers.
package importer
