package jurisdiction

// Group is a named list of jurisdictions taken from a dated source, such as
// a country group of the US Export Administration Regulations. Its Members
// may name dual-coded territories explicitly (see [DualCoded]); nothing is
// added implicitly.
//
// The zero Group has no name and no members. A Group is a value and safe for
// concurrent use; its Notes slice belongs to the caller.
type Group struct {
	Name    string // e.g. "EAR Country Group D:5"
	Source  string // the text the members were taken from
	AsOf    string // the date (YYYY-MM-DD) of the source text
	Members Set
	Notes   []string // qualifications of the membership, in the source's words where possible
}
