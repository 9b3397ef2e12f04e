package jurisdiction

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// isoDir is where Debian's iso-codes package installs its JSON files. The
// files are LGPL-licensed and so are not copied into the repository; the
// tests that need them are skipped when the package is not installed.
const isoDir = "/usr/share/iso-codes/json"

type isoData struct {
	countries []struct {
		Alpha2, Alpha3, Numeric, Name, OfficialName, CommonName string
	}
	subdivisions []struct{ Code, Name, Type, Parent string }
	withdrawn    []struct{ Alpha2, Alpha3, Alpha4, Numeric, Name, WithdrawalDate, Comment string }
}

// loadISO reads the iso-codes JSON files, skipping the test if they are not
// installed or are not the release the tables were generated from.
func loadISO(t *testing.T) isoData {
	t.Helper()
	if _, err := os.Stat(filepath.Join(isoDir, "iso_3166-1.json")); err != nil {
		t.Skipf("iso-codes JSON not installed at %s (apt-get install iso-codes): %v", isoDir, err)
	}
	if v, ok := installedISOCodesVersion(); ok && "iso-codes "+v != DataVersion {
		t.Skipf("installed iso-codes %s differs from DataVersion %q: regenerate the tables with go generate", v, DataVersion)
	}
	var d isoData
	read := func(name, key string, v any) {
		b, err := os.ReadFile(filepath.Join(isoDir, name))
		require.NoError(t, err)
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &m))
		// The files use snake_case keys; map them onto the field names.
		raw := strings.NewReplacer(`"alpha_2"`, `"Alpha2"`, `"alpha_3"`, `"Alpha3"`, `"alpha_4"`, `"Alpha4"`,
			`"official_name"`, `"OfficialName"`, `"common_name"`, `"CommonName"`,
			`"withdrawal_date"`, `"WithdrawalDate"`).Replace(string(m[key]))
		require.NoError(t, json.Unmarshal([]byte(raw), v))
	}
	read("iso_3166-1.json", "3166-1", &d.countries)
	read("iso_3166-2.json", "3166-2", &d.subdivisions)
	read("iso_3166-3.json", "3166-3", &d.withdrawn)
	return d
}

// installedISOCodesVersion returns the upstream version of the installed
// Debian iso-codes package, if dpkg knows it.
func installedISOCodesVersion() (string, bool) {
	f, err := os.Open("/var/lib/dpkg/status")
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	in := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "Package: iso-codes":
			in = true
		case line == "":
			in = false
		case in && strings.HasPrefix(line, "Version: "):
			v := strings.TrimPrefix(line, "Version: ")
			v, _, _ = strings.Cut(v, "-")
			return v, true
		}
	}
	return "", false
}

// TestTablesMatchSource checks every entry of the ISO JSON against the
// package's API, independently of gen.go.
func TestTablesMatchSource(t *testing.T) {
	d := loadISO(t)
	require.Len(t, d.countries, 249)
	require.Len(t, d.subdivisions, 5127)
	require.Len(t, d.withdrawn, 31)

	for _, e := range d.countries {
		c, err := Parse(e.Alpha2)
		require.NoError(t, err, e.Alpha2)
		assert.Equal(t, e.Alpha2, c.String())
		assert.Equal(t, e.Name, c.Name(), e.Alpha2)
		assert.Equal(t, e.OfficialName, c.OfficialName(), e.Alpha2)
		assert.Equal(t, e.CommonName, c.CommonName(), e.Alpha2)
		assert.Equal(t, e.Alpha3, c.Alpha3(), e.Alpha2)
		assert.Equal(t, e.Numeric, c.Numeric(), e.Alpha2)
		assert.False(t, c.IsSubdivision(), e.Alpha2)
		for _, alt := range []string{e.Alpha3, e.Numeric} {
			a, err := Parse(alt)
			require.NoError(t, err, alt)
			assert.Equal(t, c, a, alt)
		}
	}

	dual := map[string]DualCode{}
	for _, dc := range DualCoded() {
		dual[dc.Subdivision] = dc
	}
	for _, e := range d.subdivisions {
		c, err := Parse(e.Code)
		require.NoError(t, err, e.Code)
		if dc, ok := dual[e.Code]; ok && dc.Territory.String() != e.Code {
			assert.Equal(t, dc.Territory, c, "%s is dual-coded", e.Code)
			continue
		}
		assert.Equal(t, e.Code, c.String())
		assert.Equal(t, e.Name, c.Name(), e.Code)
		assert.Equal(t, e.Type, c.SubdivisionType(), e.Code)
		want := e.Code[:2]
		switch {
		case e.Parent != "" && strings.Contains(e.Parent, "-"):
			want = e.Parent
		case e.Parent != "":
			want = e.Code[:2] + "-" + e.Parent
		}
		if _, ok := dual[e.Code]; ok {
			want = c.Country().String() // Svalbard, Jan Mayen
		}
		assert.Equal(t, want, c.Parent().String(), "parent of %s", e.Code)
	}

	ws := WithdrawnCodes()
	require.Len(t, ws, len(d.withdrawn))
	byAlpha4 := map[string]Withdrawn{}
	for _, w := range ws {
		byAlpha4[w.Alpha4] = w
	}
	for _, e := range d.withdrawn {
		w, ok := byAlpha4[e.Alpha4]
		require.True(t, ok, e.Alpha4)
		assert.Equal(t, e.Alpha2, w.Alpha2)
		assert.Equal(t, e.Alpha3, w.Alpha3)
		assert.Equal(t, e.Numeric, w.Numeric)
		assert.Equal(t, e.Name, w.Name)
		assert.Equal(t, e.WithdrawalDate, w.Date)
		assert.Equal(t, e.Comment, w.Comment)
		assert.NotEmpty(t, w.ReplacedBy, e.Alpha4)
		_, err := Parse(e.Alpha4)
		assert.ErrorIs(t, err, ErrWithdrawn, e.Alpha4)
		for _, code := range []string{e.Alpha2, e.Alpha3, e.Numeric} {
			if code == "" {
				continue
			}
			c, err := Parse(code)
			var we *WithdrawnError
			if err == nil {
				// Reassigned since: the current code wins.
				assert.True(t, c.IsValid(), code)
				continue
			}
			require.ErrorAs(t, err, &we, "%s (%s) must be reported as withdrawn, not unknown", code, e.Name)
			assert.True(t, containsAlpha4(we.Withdrawn, e.Alpha4), code)
		}
	}
}

func containsAlpha4(ws []Withdrawn, a4 string) bool {
	for _, w := range ws {
		if w.Alpha4 == a4 {
			return true
		}
	}
	return false
}

// TestTablesAreGenerated regenerates tables.go from the installed JSON and
// compares it byte for byte with the committed file.
func TestTablesAreGenerated(t *testing.T) {
	loadISO(t)
	if testing.Short() {
		t.Skip("runs the generator; skipped in short mode")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go command not found: %v", err)
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goTool, "run", "gen.go", "-src", isoDir, "-o", out, "-version", strings.TrimPrefix(DataVersion, "iso-codes "))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), "go run gen.go: %s", stderr.String())
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("tables.go")
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatal(errors.New("tables.go is out of date: run go generate in the jurisdiction directory"))
	}
}
