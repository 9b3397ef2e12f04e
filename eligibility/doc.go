// Package eligibility answers one question for a backend: may we serve this entity?
//
// # The model
//
// A [World] holds [Entity]s (ids, names, aliases, a kind, jurisdictions by [Role],
// identifiers checked where a standard defines a check, branch_of, ownership disclosure),
// [Stake]s and [Control]s (the stake graph of package ownership) and designation [List]s
// with dated [Entry]s. A [Policy] is rules as data: jurisdiction rules (the subject's own
// jurisdictions in some roles within a set of codes), designation rules (the subject on
// some lists at the date) and ownership rules (owned or controlled by restricted parties,
// see package ownership), each with an [Effect] and optional in_effect periods. [NewWorld]
// and [Compile] validate everything and report every problem at once with its JSON path
// (a [*ValidationError]); the results are immutable and safe for concurrent use.
//
// # Evaluate
//
// [Evaluate] takes a world, a compiled policy, a subject and a date and returns a
// [Decision]: deny if any rule in effect denies, else review if any reviews, else allow,
// with one [Reason] per rule in effect, sorted (deny, review, allow, then policy order).
// Each reason has a typed [Code], a message a person can read, and typed [Evidence]: the
// jurisdiction, role and set member that matched; the list entries with their dates; for
// ownership the restricted share bounds, the terms of the sum, the paths from the roots,
// the roots, and for review the facts that would settle it. A Decision marshals to JSON
// with a fixed field order, and [Decision.Explain] renders it as text that can be checked
// by hand. The same inputs give the same bytes.
//
// A branch is judged on its own jurisdictions by jurisdiction rules, and as its ultimate
// parent by designation and ownership rules (a list entry or a stake naming a branch means
// the parent).
//
// # Case files
//
// [DecodeCaseFile] and [ReadCaseFile] read the JSON case-file format eligo.case/v1 (a
// world, a policy and questions) strictly: unknown fields, duplicate keys, wrong types and
// bad values are errors naming their JSON path. [EncodeCaseFile] writes it back.
//
// Presets for real regimes are in package preset; importers for OFAC, CSL, BODS and GLEIF
// data are under importer/.
package eligibility
