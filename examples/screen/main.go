// Command screen evaluates every entity of an ownership file against designation lists
// under a chosen policy preset, and prints the decisions as JSON lines and a summary
// table.
//
//	go run ./examples/screen -preset ofac -ofac DIR -bods owners.json [-at 2024-01-01]
//
// Lists:
//
//	-ofac PATH   an OFAC legacy export: a directory with sdn.csv (or cons_prim.csv) and
//	             its add, alt and comments files, or the primary file itself
//	-csl PATH    a Consolidated Screening List CSV file
//
// Ownership (every entity of these files is evaluated):
//
//	-bods PATH   a BODS 0.4 file (JSON array or JSON Lines)
//	-gleif-rr PATH, -gleif-lei PATH, -gleif-repex PATH   GLEIF Level 2 files
//
// An ownership file's party is the same as a list entry when they share an LEI, USCC or
// IMO number (-match changes the schemes) or when -same A=B says so; names are never
// matched. Each repeatable flag may be given several times.
//
// Output: one JSON object per evaluated entity on stdout (or -jsonl FILE):
//
//	{"entity":"bods:target","name":"Target Logistics Ltd","decision":{"subject":…,"verdict":"deny","reasons":[…]}}
//
// then a summary table of imports and verdicts, on stderr when the decisions go to stdout
// and on stdout otherwise. -report FILE writes every import issue as a JSON line. A
// progress line is shown on stderr (when it is a terminal) while decisions are computed.
//
// Exit status: 0 when every input was read and every entity evaluated, whatever the
// verdicts; 2 for bad flags, unreadable files or data the world rejects; 1 otherwise.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/importer"
	"github.com/eligo/eligo/eligibility/importer/bods"
	"github.com/eligo/eligo/eligibility/importer/csl"
	"github.com/eligo/eligo/eligibility/importer/gleif"
	"github.com/eligo/eligo/eligibility/importer/ofac"
	"github.com/eligo/eligo/ownership"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now().UTC()))
}

// usageError is a bad command line or unreadable input: exit status 2.
type usageError struct{ err error }

// Error returns the message of the wrapped error.
func (e *usageError) Error() string { return e.err.Error() }

func bad(format string, args ...any) error { return &usageError{fmt.Errorf(format, args...)} }

// multi is a repeatable string flag.
type multi []string

// String joins the values with commas.
func (m *multi) String() string { return strings.Join(*m, ",") }

// Set appends a value.
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

type config struct {
	preset                 string
	at                     eligibility.Date
	ofacPaths, cslPaths    multi
	bodsPaths              multi
	gleifRR, gleifLEI      string
	gleifRepex             string
	same                   multi
	match                  string
	jsonl, report          string
	workers                int
	quiet                  bool
	progressOut            io.Writer
	progressIsTerminal     bool
	summaryOut, decisionsW io.Writer
}

func run(args []string, stdout, stderr io.Writer, now time.Time) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "screen: internal error: %v\n", r)
			code = 1
		}
	}()
	err := screen(args, stdout, stderr, now)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "screen: %v\n", err)
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func screen(args []string, stdout, stderr io.Writer, now time.Time) error {
	var c config
	fs := flag.NewFlagSet("screen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	at := fs.String("at", now.Format("2006-01-02"), "evaluation date, YYYY-MM-DD")
	fs.StringVar(&c.preset, "preset", "ofac", "policy preset: "+strings.Join(presetNames(), ", "))
	fs.Var(&c.ofacPaths, "ofac", "OFAC legacy export: a directory or its sdn.csv / cons_prim.csv (repeatable)")
	fs.Var(&c.cslPaths, "csl", "Consolidated Screening List CSV (repeatable)")
	fs.Var(&c.bodsPaths, "bods", "BODS 0.4 ownership file (repeatable)")
	fs.StringVar(&c.gleifRR, "gleif-rr", "", "GLEIF relationship records (RR-CDF XML)")
	fs.StringVar(&c.gleifLEI, "gleif-lei", "", "GLEIF LEI records (LEI-CDF XML)")
	fs.StringVar(&c.gleifRepex, "gleif-repex", "", "GLEIF reporting exceptions (XML)")
	fs.Var(&c.same, "same", "ID1=ID2: two ids of one party (repeatable)")
	fs.StringVar(&c.match, "match", strings.Join(importer.DefaultMatchSchemes(), ","), "identifier schemes that merge parties across files")
	fs.StringVar(&c.jsonl, "jsonl", "-", "where to write the decisions, one JSON object per line (- for stdout)")
	fs.StringVar(&c.report, "report", "", "write every import issue here, one JSON object per line")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "evaluations run in parallel")
	fs.BoolVar(&c.quiet, "quiet", false, "no progress line")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err}
	}
	if fs.NArg() > 0 {
		return bad("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	d, err := ownership.ParseDate(*at)
	if err != nil {
		return bad("-at: %v", err)
	}
	c.at = d
	if _, ok := presets[c.preset]; !ok {
		return bad("-preset: unknown preset %q (known: %s)", c.preset, strings.Join(presetNames(), ", "))
	}
	if len(c.ofacPaths)+len(c.cslPaths) == 0 {
		return bad("no list: give -ofac or -csl")
	}
	if len(c.bodsPaths) == 0 && c.gleifRR == "" && c.gleifLEI == "" && c.gleifRepex == "" {
		return bad("no ownership file: give -bods or -gleif-*")
	}
	c.workers = max(1, c.workers)

	// Decisions go to stdout or a file; the summary goes where the decisions do not.
	c.decisionsW, c.summaryOut = stdout, stderr
	if c.jsonl != "-" {
		f, err := os.Create(c.jsonl)
		if err != nil {
			return bad("-jsonl: %v", err)
		}
		defer f.Close()
		c.decisionsW, c.summaryOut = f, stdout
	}
	c.progressOut = stderr
	if f, ok := stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			c.progressIsTerminal = true
		}
	}
	return c.screen()
}

// source is one import: its name, data, report and the ids it holds.
type source struct {
	format, name string
	data         eligibility.WorldData
	rep          importer.Report
	ownership    bool
}

func (c *config) screen() error {
	var lists, owners []source
	for _, p := range c.ofacPaths {
		s, err := importOFAC(p)
		if err != nil {
			return err
		}
		lists = append(lists, s)
	}
	for _, p := range c.cslPaths {
		f, err := os.Open(p)
		if err != nil {
			return bad("-csl: %v", err)
		}
		res, rep, err := csl.Import(f, csl.Options{})
		f.Close()
		if err != nil {
			return bad("%s: %v", p, err)
		}
		lists = append(lists, source{format: "csl", name: filepath.Base(p), data: res.WorldData, rep: rep})
	}
	for _, p := range c.bodsPaths {
		f, err := os.Open(p)
		if err != nil {
			return bad("-bods: %v", err)
		}
		res, rep, err := bods.Import(bufio.NewReaderSize(f, 1<<20), bods.Options{Source: filepath.Base(p)})
		f.Close()
		if err != nil {
			return bad("%s: %v", p, err)
		}
		owners = append(owners, source{format: "bods", name: filepath.Base(p), data: res.WorldData, rep: rep, ownership: true})
	}
	if c.gleifRR != "" || c.gleifLEI != "" || c.gleifRepex != "" {
		s, err := c.importGLEIF()
		if err != nil {
			return err
		}
		owners = append(owners, s)
	}

	// Lists first, so that merged parties keep their list ids.
	all := append(lists, owners...)
	parts := make([]eligibility.WorldData, len(all))
	for i, s := range all {
		parts[i] = s.data
	}
	opt := importer.MergeOptions{MatchSchemes: []string{}}
	for _, sc := range strings.Split(c.match, ",") {
		if sc = strings.TrimSpace(sc); sc != "" {
			opt.MatchSchemes = append(opt.MatchSchemes, sc)
		}
	}
	for _, s := range c.same {
		a, b, ok := strings.Cut(s, "=")
		if !ok || a == "" || b == "" {
			return bad("-same %q: want ID1=ID2", s)
		}
		opt.Same = append(opt.Same, [2]string{a, b})
	}
	merged, mrep := importer.Merge(opt, parts...)
	if c.report != "" {
		if err := writeReport(c.report, all, mrep); err != nil {
			return err
		}
	}

	w, err := eligibility.NewWorld(merged.Data)
	if err != nil {
		return &usageError{err}
	}
	policy, err := presets[c.preset](w)
	if err != nil {
		return &usageError{err}
	}
	cp, err := eligibility.Compile(policy, w)
	if err != nil {
		return &usageError{err}
	}

	// Every entity of the ownership files, by its merged id, once.
	var subjects []string
	seen := map[string]bool{}
	for _, s := range owners {
		for _, e := range s.data.Entities {
			id := merged.Canonical(e.ID)
			if !seen[id] {
				seen[id] = true
				subjects = append(subjects, id)
			}
		}
	}
	decisions, failures := c.evaluate(w, cp, subjects)

	out := bufio.NewWriter(c.decisionsW)
	for i, d := range decisions {
		if d == nil {
			continue
		}
		e, _ := w.Entity(subjects[i])
		line, err := d.MarshalJSON()
		if err != nil {
			return err
		}
		id, _ := json.Marshal(subjects[i])
		name, _ := json.Marshal(e.Name)
		fmt.Fprintf(out, "{\"entity\":%s,\"name\":%s,\"decision\":%s}\n", id, name, line)
	}
	if err := out.Flush(); err != nil {
		return err
	}
	c.summary(all, mrep, decisions, cp.ID())
	if failures > 0 {
		return fmt.Errorf("%d entities could not be evaluated", failures)
	}
	return nil
}

// evaluate decides every subject on c.workers goroutines, keeping input order, with a
// progress line on a terminal.
func (c *config) evaluate(w *eligibility.World, p *eligibility.CompiledPolicy, subjects []string) ([]*eligibility.Decision, int) {
	out := make([]*eligibility.Decision, len(subjects))
	var mu sync.Mutex
	done, failures := 0, 0
	next := make(chan int)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	progress := !c.quiet && c.progressIsTerminal
	if progress {
		go func() {
			t := time.NewTicker(250 * time.Millisecond)
			defer t.Stop()
			start := time.Now()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					if time.Since(start) < time.Second {
						continue // only long runs get a progress line
					}
					mu.Lock()
					n := done
					mu.Unlock()
					fmt.Fprintf(c.progressOut, "\rscreen: %d/%d entities evaluated (%.0f%%)", n, len(subjects), 100*float64(n)/float64(max(1, len(subjects))))
				}
			}
		}()
	}
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d, err := eligibility.Evaluate(w, p, subjects[i], c.at)
				mu.Lock()
				if err != nil {
					failures++
					fmt.Fprintf(c.progressOut, "screen: %s: %v\n", subjects[i], err)
				} else {
					out[i] = &d
				}
				done++
				mu.Unlock()
			}
		}()
	}
	for i := range subjects {
		next <- i
	}
	close(next)
	wg.Wait()
	close(stop)
	if progress {
		fmt.Fprintf(c.progressOut, "\r\033[K")
	}
	return out, failures
}

func importOFAC(path string) (source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return source{}, bad("-ofac: %v", err)
	}
	dir, primary := path, ""
	if !st.IsDir() {
		dir, primary = filepath.Dir(path), filepath.Base(path)
	}
	names := [4]string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}
	cons := primary == "cons_prim.csv"
	if primary == "" {
		if _, err := os.Stat(filepath.Join(dir, "sdn.csv")); err != nil {
			if _, err2 := os.Stat(filepath.Join(dir, "cons_prim.csv")); err2 != nil {
				return source{}, bad("-ofac %s: no sdn.csv or cons_prim.csv", path)
			}
			cons = true
		}
	}
	if cons {
		names = [4]string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}
	}
	if primary != "" && primary != names[0] {
		names[0] = primary
	}
	var files [4]io.Reader
	for i, n := range names {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			if i == 0 {
				return source{}, bad("-ofac: %v", err)
			}
			continue // the other files are optional
		}
		defer f.Close()
		files[i] = f
	}
	res, rep, err := ofac.Import(ofac.Files{Primary: files[0], Addresses: files[1], Aliases: files[2], Comments: files[3]}, ofac.Options{Consolidated: cons})
	if err != nil {
		return source{}, bad("%s: %v", path, err)
	}
	return source{format: "ofac", name: names[0], data: res.WorldData, rep: rep}, nil
}

func (c *config) importGLEIF() (source, error) {
	var files gleif.Files
	var names []string
	for _, x := range []struct {
		path string
		dst  *io.Reader
	}{{c.gleifRR, &files.Relationships}, {c.gleifLEI, &files.Entities}, {c.gleifRepex, &files.Exceptions}} {
		if x.path == "" {
			continue
		}
		f, err := os.Open(x.path)
		if err != nil {
			return source{}, bad("-gleif: %v", err)
		}
		defer f.Close()
		*x.dst = bufio.NewReaderSize(f, 1<<20)
		names = append(names, filepath.Base(x.path))
	}
	res, rep, err := gleif.Import(files, gleif.Options{})
	if err != nil {
		return source{}, bad("gleif: %v", err)
	}
	return source{format: "gleif", name: strings.Join(names, "+"), data: res.WorldData, rep: rep, ownership: true}, nil
}

func writeReport(path string, all []source, mrep importer.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return bad("-report: %v", err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, s := range all {
		for _, is := range s.rep.Issues {
			if err := enc.Encode(struct {
				Format string `json:"format"`
				importer.Issue
			}{s.format, is}); err != nil {
				return err
			}
		}
	}
	for _, is := range mrep.Issues {
		if err := enc.Encode(struct {
			Format string `json:"format"`
			importer.Issue
		}{"merge", is}); err != nil {
			return err
		}
	}
	return w.Flush()
}

func (c *config) summary(all []source, mrep importer.Report, ds []*eligibility.Decision, policy string) {
	tw := tabwriter.NewWriter(c.summaryOut, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "import\tfile\trecords\timported\tskipped\tissues\t")
	for _, s := range all {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t\n", s.format, s.name, s.rep.Records, s.rep.Imported, s.rep.Skipped(), len(s.rep.Issues))
	}
	fmt.Fprintf(tw, "merge\t\t%d\t\t\t%d\t\n", mrep.Records, len(mrep.Issues))
	tw.Flush()

	verdicts := map[eligibility.Verdict]int{}
	type rk struct {
		rule string
		v    eligibility.Verdict
	}
	byRule := map[rk]int{}
	var rules []string
	n := 0
	for _, d := range ds {
		if d == nil {
			continue
		}
		n++
		verdicts[d.Verdict]++
		for _, r := range d.Reasons {
			if !slices.Contains(rules, r.Rule) {
				rules = append(rules, r.Rule)
			}
			byRule[rk{r.Rule, r.Effect}]++
		}
	}
	fmt.Fprintf(c.summaryOut, "\n%d entities evaluated at %s under %s\n", n, c.at, policy)
	tw = tabwriter.NewWriter(c.summaryOut, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "rule\tdeny\treview\tallow\t")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", r, byRule[rk{r, eligibility.VerdictDeny}], byRule[rk{r, eligibility.VerdictReview}], byRule[rk{r, eligibility.VerdictAllow}])
	}
	fmt.Fprintf(tw, "verdict\t%d\t%d\t%d\t\n", verdicts[eligibility.VerdictDeny], verdicts[eligibility.VerdictReview], verdicts[eligibility.VerdictAllow])
	tw.Flush()
}
