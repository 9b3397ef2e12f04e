// Package ofac imports OFAC's legacy CSV files: the Specially Designated Nationals list
// (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and the Consolidated non-SDN list, which
// has the same layout (cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv).
//
// [Import] reads from readers the caller opened (the package does no I/O of its own) and
// returns the same types a case file produces, [eligibility.Entity] and
// [eligibility.List], with an [importer.Report] of every record or field it could not map.
//
// # The files
//
// The files have no header; "-0-" (often with a trailing space) means empty; the text is
// Windows-1252 (decoded by hand; a UTF-8 copy is recognised and read as such) and ends with
// a 0x1A byte, which is dropped. Rows are: sdn.csv ent_num, name, type, programs, title,
// call sign, vessel type, tonnage, GRT, vessel flag, vessel owner, remarks; add.csv
// ent_num, add_num, street, city/state/postal code, country, remarks; alt.csv ent_num,
// alt_num, type (aka, fka, nka), name, remarks; sdn_comments.csv ent_num, the rest of a
// remark that sdn.csv cut at 1,000 characters (it is appended to the remark, as is).
//
// # What becomes what
//
//   - Each primary row is one entity with the id "ofac:<ent_num>". OFAC numbers the SDN
//     and the Consolidated lists in one sequence, so the same party on both lists (or in
//     the Consolidated Screening List, see package csl) has the same id and merges by it.
//   - Type: individual → [eligibility.Person]; vessel and aircraft →
//     [eligibility.OtherKind]; empty (an organisation) → [eligibility.Company].
//   - Programs ("SDGT] [IRGC", the outer brackets are OFAC's own quirk) become one list
//     [eligibility.Entry] per program, so that a rule can tell programs apart. SDN entries
//     go to the list "ofac-sdn". Consolidated entries go to a list per non-SDN list, chosen
//     by program: CMIC-EO13959 → "ofac-ns-cmic", NS-PLC → "ofac-ns-plc", UKRAINE-EO13662 →
//     "ofac-ssi", FSE-IR and FSE-SY → "ofac-fse", 561-Related → "ofac-capta", any other →
//     "ofac-cons". [Options.ProgramLists] overrides the choice.
//   - Entries have no dates: the legacy files carry none, so an entry is valid at every
//     date (the file is a snapshot; evaluate at dates it speaks for). The one exception is
//     the NS-CMIC "Listing Date (CMIC)" remark, which becomes the entry's start.
//   - Names: the primary name, then alt.csv names and the "a.k.a.", "f.k.a." and "n.k.a."
//     names of remarks (OFAC's weak aliases), as aliases.
//   - Countries: an address country gives [eligibility.Residence] for an individual and
//     [eligibility.Operations] for anyone else; "nationality X" and "citizen X" give
//     [eligibility.Nationality]; "Nationality of Registration X" and a vessel's flag give
//     [eligibility.Incorporation]. Country text is parsed by [jurisdiction.ParseName]; a
//     name ambiguous between one country and subdivisions elsewhere ("Georgia") is the
//     country, since the field names a country. Anything else that does not parse
//     ("undetermined", "West Bank", "Region: Crimea", "Kosovo", which ISO does not code) is
//     reported, never guessed.
//   - Identifiers: remarks such as "Tax ID No. 7744001497 (Russia)" or "Legal Entity Number
//     485100GBI2SE0KIX8T70" become [eligibility.Identifier]s through a table of OFAC's
//     identifier labels (see the importer package's schemes): global schemes (lei, uscc,
//     isin, swift-bic, imo, mmsi, duns) carry no country; the others are the label's slug
//     and the issuing country, "tax-id-no:RU". An LEI or USCC is kept only if its check
//     characters are right; a "Legal Entity Number" that is not an LEI (a Dutch RSIN, say)
//     is reported as ambiguous. Issue and expiry dates of documents are dropped with the
//     identifier's remark reported.
//   - "Linked To: X" remarks and the vessel owner column become [Link]s, resolved to an
//     entry when X is the primary name or alias of exactly one entry (compared without
//     case; a trailing period is tried both ways). They are facts about why OFAC listed
//     the party, not ownership: they become [eligibility.Control]s only when
//     [Options.LinkBasis] names a basis, reading "A linked to B" as B controlling A, and
//     never for an individual (a person is not controlled). Unresolved and ambiguous
//     links are reported.
//
// Every other remark (dates and places of birth, gender, titles, phone numbers, websites,
// digital currency addresses, directive determinations, …) is reported as unmapped, with
// the entry and the remark's text; so are titles, call signs, vessel types and tonnages
// and alias remarks. Street and city are left out (the model has no addresses) and
// reported once per file.
//
// # Accounting
//
// [importer.Report.Records] counts the rows of the primary file; each is imported or
// reported as skipped (a row without 12 fields, a bad or repeated ent_num, no name).
// Rows of the other files that name an unknown ent_num are reported as unresolved.
//
// # Speed
//
// The 2021 SDN files (8,976 entries, 3.5 MB) import in about 55 ms on two cores; see
// BENCHMARKS.md in the importer directory.
package ofac
