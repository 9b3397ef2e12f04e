package importer

import (
	"fmt"
	"strconv"
)

// LinkKind says where a [Link] comes from. The zero value is invalid.
type LinkKind uint8

const (
	_           LinkKind = iota
	LinkedTo             // a "Linked To:" remark of an OFAC or CSL entry
	VesselOwner          // the vessel owner column of an OFAC or CSL entry
	numLinkKinds
)

var linkKindNames = [...]string{"", "linked_to", "vessel_owner"}

// String returns "linked_to" or "vessel_owner".
func (k LinkKind) String() string {
	if k > 0 && k < numLinkKinds {
		return linkKindNames[k]
	}
	return "LinkKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements [encoding.TextMarshaler].
func (k LinkKind) MarshalText() ([]byte, error) {
	if k == 0 || k >= numLinkKinds {
		return nil, fmt.Errorf("importer: invalid LinkKind(%d)", k)
	}
	return []byte(linkKindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *LinkKind) UnmarshalText(b []byte) error {
	for i := 1; i < len(linkKindNames); i++ {
		if string(b) == linkKindNames[i] {
			*k = LinkKind(i)
			return nil
		}
	}
	return fmt.Errorf("importer: unknown link kind %q", b)
}

// Link is a named relation that a list states between one of its entries and another
// party: the reason given for a listing ("Linked To: X") or a vessel's owner. It is not an
// ownership or control fact; an importer turns links into controls only when asked to.
//
// The zero value is not a link.
type Link struct {
	Kind LinkKind `json:"kind"`
	// From is the id of the entry that states the link.
	From string `json:"from"`
	// Name is the linked party as the list wrote it.
	Name string `json:"name"`
	// To is the id of the entry Name resolves to, or "" when it names no entry or several.
	To string `json:"to,omitempty"`
}
