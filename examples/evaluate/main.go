// Command evaluate answers the questions of eligo case files (format eligo.case/v1).
//
//	go run ./examples/evaluate FILE|DIR...
//
// It prints one JSON object per question, one per line, in input order (files in the order
// given, a directory's *.json files sorted by name):
//
//	{"file":"cases/x.json","subject":"acme-sg","at":"2026-02-27","verdict":"deny","reasons":[…]}
//
// Exit status: 0 when every file was read and every question answered, whatever the
// verdicts; 2 when a file is unreadable or invalid (the message names the file and the JSON
// path); 1 for anything else.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/eligo/eligo/eligibility"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// exitError carries an exit status.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "evaluate: internal error: %v\n", r)
			code = 1
		}
	}()
	if len(args) == 0 {
		// A usage error is neither an unreadable nor an invalid file: "anything else".
		fmt.Fprintln(stderr, "usage: evaluate FILE|DIR...")
		return 1
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	status := 0
	for _, arg := range args {
		files, err := expand(arg)
		if err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			status = max(status, 2)
			continue
		}
		for _, f := range files {
			if err := evaluateFile(f, out); err != nil {
				fmt.Fprintf(stderr, "evaluate: %s: %v\n", f, err)
				var ee *exitError
				if errors.As(err, &ee) {
					status = worse(status, ee.code)
				} else {
					status = worse(status, 1)
				}
			}
		}
	}
	return status
}

// worse keeps 2 (bad input) over 1 (anything else) over 0.
func worse(a, b int) int {
	if a == 2 || b == 2 {
		return 2
	}
	return max(a, b)
}

// expand turns a directory into its *.json files sorted by name.
func expand(arg string) ([]string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	entries, err := os.ReadDir(arg)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") && !strings.HasSuffix(e.Name(), ".expected.json") {
			// DIR/NAME exactly as given, not cleaned: "./cases" gives "./cases/x.json"
			files = append(files, strings.TrimSuffix(arg, "/")+"/"+e.Name())
		}
	}
	sort.Strings(files)
	return files, nil
}

func evaluateFile(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return &exitError{2, err}
	}
	defer f.Close()
	cf, err := eligibility.ReadCaseFile(f)
	if err != nil {
		return &exitError{2, err}
	}
	w, err := eligibility.NewWorld(cf.WorldData())
	if err != nil {
		return &exitError{2, err}
	}
	p, err := eligibility.Compile(cf.Policy, w)
	if err != nil {
		return &exitError{2, err}
	}
	for i, q := range cf.Questions {
		d, err := eligibility.Evaluate(w, p, q.Subject, q.At)
		if err != nil {
			if errors.Is(err, eligibility.ErrUnknownSubject) {
				return &exitError{2, fmt.Errorf("questions[%d].subject: %w", i, err)}
			}
			return err
		}
		line, err := d.MarshalJSON()
		if err != nil {
			return err
		}
		file, _ := json.Marshal(path)
		fmt.Fprintf(out, "{\"file\":%s,%s\n", file, line[1:])
	}
	return nil
}
