package idlabel

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPrefix(t *testing.T) {
	cases := []struct {
		reason, in, label, rest string
		ok                      bool
	}{
		{"a national label", "Tax ID No. 7744001497 (Russia)", "Tax ID No.", "7744001497 (Russia)", true},
		{"the longest label wins", "Unified Social Credit Code (USCC) 9111000071093019X7 (China)", "Unified Social Credit Code (USCC)", "9111000071093019X7 (China)", true},
		{"C.U.R.P. # is its own label", "C.U.R.P. # HESU430525HBCRMR13 (Mexico)", "C.U.R.P. #", "HESU430525HBCRMR13 (Mexico)", true},
		{"not an identifier label", "DOB 13 May 1965", "", "", false},
		{"a label alone has no value", "Passport", "", "", false},
	}
	for _, c := range cases {
		label, _, rest, ok := Prefix(c.in)
		assert.Equal(t, c.ok, ok, c.reason)
		assert.Equal(t, c.label, label, c.reason)
		assert.Equal(t, c.rest, rest, c.reason)
	}
}

func TestMake(t *testing.T) {
	cases := []struct {
		reason, label, value, country string
		vessel                        bool
		scheme, want                  string
		ambiguous, invalid            bool
	}{
		{"a national identifier carries its country", "Tax ID No.", "7744001497", "RU", false, "tax-id-no:RU", "7744001497", false, false},
		{"a national identifier without a country", "Registration ID", "14063277", "", false, "registration-id", "14063277", false, false},
		{"a valid LEI", "Legal Entity Number", "485100GBI2SE0KIX8T70", "", false, "lei", "485100GBI2SE0KIX8T70", false, false},
		{"a Dutch number under the LEI label is ambiguous", "Legal Entity Number", "851683897", "NL", false, "", "", true, false},
		{"an LEI with a bad check digit is invalid", "Legal Entity Number", "485100GBI2SE0KIX8T71", "", false, "", "", false, true},
		{"a USCC is checked", "Unified Social Credit Code (USCC)", "9111000071093019X7", "CN", false, "uscc", "9111000071093019X7", false, false},
		{"a vessel IMO number", "Vessel Registration Identification", "IMO 9187629", "", true, "imo", "9187629", false, false},
		{"an IMO company number under another label", "Company Number", "IMO 5055293", "", false, "imo-company", "5055293", false, false},
		{"a vessel registration that is not an IMO number", "Vessel Registration Identification", "8606173", "", true, "", "", true, false},
		{"a SWIFT code is upper-cased without spaces", "SWIFT/BIC", "havi gb2l", "", false, "swift-bic", "HAVIGB2L", false, false},
	}
	for _, c := range cases {
		spec, ok := Lookup(c.label)
		require.True(t, ok, c.reason)
		id, p := Make(spec, c.value, c.country, c.vessel)
		if c.ambiguous || c.invalid {
			require.NotNil(t, p, c.reason)
			assert.Equal(t, c.ambiguous, p.Ambiguous, c.reason)
			continue
		}
		require.Nil(t, p, c.reason)
		assert.Equal(t, c.scheme, id.Scheme, c.reason)
		assert.Equal(t, c.want, id.Value, c.reason)
	}
}

func TestSlug(t *testing.T) {
	assert.Equal(t, "tax-id-no", Slug("Tax ID No."))
	assert.Equal(t, "c-u-r-p", Slug("C.U.R.P. #"))
	assert.Equal(t, "driver-s-license-no", Slug("Driver's License No."))
}
