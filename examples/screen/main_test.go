package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	sdnDir   = filepath.Join("..", "..", "eligibility", "importer", "ofac", "testdata", "sdn-2021")
	consDir  = filepath.Join("..", "..", "eligibility", "importer", "ofac", "testdata", "nonsdn-2025")
	cslFile  = filepath.Join("..", "..", "eligibility", "importer", "csl", "testdata", "csl-2025", "consolidated.csv")
	bodsFile = filepath.Join("..", "..", "eligibility", "importer", "bods", "testdata", "sdn-chain.json")
	gleifDir = filepath.Join("..", "..", "eligibility", "importer", "gleif", "testdata", "sample-2023")
	now      = time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
)

type line struct {
	Entity   string `json:"entity"`
	Name     string `json:"name"`
	Decision struct {
		Verdict string `json:"verdict"`
	} `json:"decision"`
}

func decode(t *testing.T, out string) map[string]string {
	t.Helper()
	got := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l line
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), sc.Text())
		got[l.Entity] = l.Decision.Verdict
	}
	return got
}

func TestScreen(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-preset", "ofac", "-ofac", sdnDir, "-bods", bodsFile, "-quiet"}, &stdout, &stderr, now)
	require.Equal(t, 0, code, stderr.String())
	assert.Equal(t, map[string]string{
		"ofac:32064":   "deny",
		"bods:holding": "deny",
		"bods:target":  "deny",
		"bods:clean":   "allow",
		"bods:roe":     "allow",
	}, decode(t, stdout.String()), "the BODS party with the SDN's LEI is the SDN; its chain is denied")
	assert.Contains(t, stderr.String(), "5 entities evaluated at 2024-01-01 under ofac")
	assert.Contains(t, stderr.String(), "sdn.csv")
}

func TestScreenFilesAndFlags(t *testing.T) {
	dir := t.TempDir()
	jsonl, report := filepath.Join(dir, "d.jsonl"), filepath.Join(dir, "r.jsonl")
	var stdout, stderr bytes.Buffer
	code := run([]string{
		"-ofac", filepath.Join(sdnDir, "sdn.csv"), "-ofac", consDir, "-csl", cslFile,
		"-bods", bodsFile, "-gleif-rr", filepath.Join(gleifDir, "rr-data.xml"), "-gleif-lei", filepath.Join(gleifDir, "lei-data.xml"),
		"-gleif-repex", filepath.Join(gleifDir, "repex-data.xml"),
		"-same", "bods:clean=lei:213800FERQ5LE3H7WJ58", "-at", "2024-01-01", "-jsonl", jsonl, "-report", report, "-workers", "3",
	}, &stdout, &stderr, now)
	require.Equal(t, 0, code, stderr.String())
	b, err := os.ReadFile(jsonl)
	require.NoError(t, err)
	got := decode(t, string(b))
	assert.Equal(t, "deny", got["bods:target"])
	assert.Contains(t, got, "bods:clean", "the declared pair keeps the first import's id")
	assert.NotContains(t, got, "lei:213800FERQ5LE3H7WJ58")
	assert.Equal(t, "review", got["lei:001GPB6A9XPE8XJICC14"], "a reporting exception leaves the owners undisclosed: review")
	assert.Contains(t, stdout.String(), "entities evaluated", "the summary goes to stdout when decisions go to a file")
	r, err := os.ReadFile(report)
	require.NoError(t, err)
	assert.Contains(t, string(r), `"format":"ofac"`)
	assert.Contains(t, string(r), `"format":"merge"`)
}

func TestScreenErrors(t *testing.T) {
	cases := []struct {
		reason string
		args   []string
		code   int
	}{
		{"no list", []string{"-bods", bodsFile}, 2},
		{"no ownership file", []string{"-ofac", sdnDir}, 2},
		{"an unknown preset", []string{"-preset", "nope", "-ofac", sdnDir, "-bods", bodsFile}, 2},
		{"a bad date", []string{"-at", "2024-02-30", "-ofac", sdnDir, "-bods", bodsFile}, 2},
		{"a missing file", []string{"-ofac", sdnDir, "-bods", "nowhere.json"}, 2},
		{"a bad pair", []string{"-ofac", sdnDir, "-bods", bodsFile, "-same", "x"}, 2},
		{"a bad flag", []string{"-nope"}, 2},
		{"the OFAC preset without the SDN list", []string{"-ofac", consDir, "-bods", bodsFile}, 2},
		{"help", []string{"-h"}, 0},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, c.code, run(c.args, &stdout, &stderr, now), "%s: %s", c.reason, stderr.String())
	}
}
