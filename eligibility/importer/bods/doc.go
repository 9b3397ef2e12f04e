// Package bods imports Beneficial Ownership Data Standard 0.4 data (Open Ownership):
// entity, person and relationship records become [eligibility.Entity] values, stakes and
// controls, with an [importer.Report] of every statement or field it could not map.
//
// [Import] reads from a reader the caller opened: a JSON array of statements (a BODS
// package), one statement, or one statement per line (JSON Lines). Statements are read one
// at a time with a hand-written JSON reader (several times faster than encoding/json; its
// results are checked against encoding/json in tests), so a statement of the wrong shape
// costs only itself; broken JSON (an unbalanced bracket, an unterminated string) ends the
// reading, reported.
//
// # Records and statements
//
// A record (recordId) is described by one or more statements over time (recordStatus
// new, updated, closed). Statements are ordered by statementDate (input order among equal
// dates). Entity ids are "bods:" and the recordId.
//
//   - Entities and persons take their details from their latest statement; names from
//     earlier statements become aliases. entityType registeredEntity and legalEntity →
//     company, state and stateBody → state body, arrangement → other; a person → person.
//     The jurisdiction and registered addresses give [eligibility.Incorporation], business
//     addresses [eligibility.Operations]; nationalities give [eligibility.Nationality],
//     tax residencies and residence addresses [eligibility.Residence]. Identifiers keep
//     their scheme, except "XI-LEI", which becomes "lei" (checked) so that [importer.Merge]
//     can match it with other sources; ISINs of public listings become "isin".
//   - Anonymous and unknown persons and entities are not entities: the model has no
//     unknown party. Each entity they hold an interest in is marked partially disclosed
//     ([ownership.Partial]): its undisclosed remainder, 100 − Σ lower bounds, may be held
//     by restricted parties, which is exactly what an unknown holder is. So is an entity
//     whose interested party is unspecified (an object with a reason) or names no record
//     of the file.
//
// # Relationships over time
//
// A relationship record's statements each speak for the record from their boundary until
// the next statement's boundary. The first statement speaks from the start; a later one
// from the latest start date among its interests that is after the previous boundary and
// not after its statement date, or else from its statement date; a closing statement
// ends the record at the earliest end date among its interests, or else at its statement
// date. Each interest is valid from its startDate (but not before its statement's
// boundary) until its endDate (exclusive: BODS defines it as the date from which the
// interest ceased) or the next boundary. So an updated share replaces the old one on the
// day it changed, and nothing is counted twice.
//
// Registers file late: a newer statement may start an interest before the statement
// closing an older one. When the lower bounds of the stakes into one entity then sum over
// 100 on some day (which a world rejects), the stakes declared by older statements that
// began before that day are taken to have ended on it, oldest first, until the sum fits;
// each change is reported as adjusted. An overflow no older statement explains is
// reported as invalid.
//
// # Interests
//
// shareholding and votingRights become stakes, of [ownership.Shares] and
// [ownership.Votes]. Shares: exact → exact (more than six decimals: the two nearest
// millionths around it); minimum and maximum → a range, inclusive as BODS defines them;
// exclusiveMinimum x → x plus one millionth of a point and exclusiveMaximum x → x minus
// one millionth, the nearest shares the model's fixed point holds (so "more than 50"
// stays more than 50 under a > 50 rule); an absent bound is 0 or 100; no share at all is
// 0–100. Interests of unknown kind (unknownInterest, unpublishedInterest, no type) become
// shares stakes of their share, 0–100 without one: the holding exists, its size does not
// show. Control bases: appointmentOfBoard → board_majority; otherInfluenceOrControl and
// controlByLegalFramework → de_facto; controlViaCompanyRulesOrArticles,
// rightsGrantedByContract, trustee and protector → contract;
// conditionalRightsGrantedByContract → option. Management roles (seniorManagingOfficial,
// boardMember, boardChair), settlors and economic interests (beneficiaryOfLegalArrangement,
// rights to surplus assets, profit or income, enjoyment of assets) are neither stakes nor
// controls and are reported as unmapped.
//
// # Direct and indirect interests
//
// An indirect interest is never a stake: the engine computes indirect ownership from the
// chain of direct stakes (flow-through or multiplicative, as the rule says), so a stake
// for the indirect interest would count the same shares twice, once along the chain and
// once as a shortcut. When the file holds the chain (the interest's componentRecords all
// present, or a path of direct interests from the interested party to the subject
// through other records), the indirect interest is reported as carried and nothing more.
// When it does not, the chain's intermediates are undisclosed holders: the subject is
// marked partially disclosed and the interest reported. An interest whose directness is
// unknown is treated as carried if such a path exists and as direct otherwise.
//
// # What is reported, and what is not
//
// Fields the model has no place for are reported: per statement when the value matters
// (an unmapped interest, an address type), and once per file with a count when every
// record is read alike (birthDate, foundingDate, dissolutionDate, placeOfBirth,
// politicalExposure, the reading of exclusive bounds). A closed entity or person is kept
// (its relationships carry their own dates) and the closure reported. Left out without a
// report, as metadata about the statement rather than facts: statementId (it names
// statements in the report), declaration, declarationSubject, publicationDetails, source,
// annotations, isComponent, beneficialOwnershipOrControl.
//
// # Accounting
//
// [importer.Report.Records] counts statements. A statement is imported when it gives an
// entity, a stake, a control, a partial disclosure or a closing date, or is carried by a
// chain; otherwise it is reported as skipped, with the reason.
//
// # Speed
//
// About 150 MB/s of JSON on a synthetic 0.4 package on two cores (100 MB/s under load);
// see BENCHMARKS.md in the importer directory. Memory grows with the input: statements are
// kept until every statement of their record is seen.
package bods
