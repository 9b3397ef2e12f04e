package eligibility_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/eligibility/preset"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

// TestReasonMessages pins the messages Evaluate builds from several parts (two matching
// jurisdictions, two entries, a branch), their order (deny, review, allow, then the
// policy's order) and what happens past the first 512 bytes of messages and 8 rules, where
// the memory they are built in grows.
func TestReasonMessages(t *testing.T) {
	cn, gd, ru := jurisdiction.MustParse("CN"), jurisdiction.MustParse("CN-GD"), jurisdiction.MustParse("RU")
	long := strings.Repeat("x", 300)
	w, err := eligibility.NewWorld(eligibility.WorldData{
		Entities: []eligibility.Entity{
			{ID: "p", Jurisdictions: []eligibility.RoleCode{{Role: eligibility.Headquarters, Code: gd}, {Role: eligibility.Incorporation, Code: ru}}},
			{ID: "b", Kind: eligibility.Branch, BranchOf: "p"},
			{ID: "o"},
			{ID: "q"},
			{ID: "qb", Kind: eligibility.Branch, BranchOf: "q"},
		},
		Stakes: []eligibility.Stake{{Owner: "o", Owned: "p", Share: ownership.Exact(ownership.MustParsePercent("60"))}},
		Lists: []eligibility.List{
			{ID: "l1", Entries: []eligibility.Entry{
				{Entity: "p", Program: "P1", Valid: eligibility.Interval{From: ownership.MustParseDate("2020-01-01")}},
				{Entity: "p", Valid: eligibility.Interval{Until: ownership.MustParseDate("2030-01-01")}},
			}},
			{ID: long},
		},
	})
	require.NoError(t, err)
	rules := []eligibility.Rule{
		{ID: "clear", Kind: eligibility.DesignationRule, Effect: eligibility.Review, Lists: []string{long}},
		{ID: "juris", Kind: eligibility.JurisdictionRule, Effect: eligibility.Review,
			Roles: []eligibility.Role{eligibility.Headquarters, eligibility.Incorporation}, Jurisdictions: []jurisdiction.Code{cn, ru}},
		{ID: "listed", Kind: eligibility.DesignationRule, Lists: []string{"l1", long}},
		{ID: "owned", Kind: eligibility.OwnershipRule, Restricted: eligibility.Restricted{Entities: []string{"o"}},
			Threshold: ownership.MustParsePercent("50"), HasThreshold: true, HasInclusive: true, Aggregate: true, Method: ownership.FlowThrough},
	}
	for i := range 9 {
		rules = append(rules, eligibility.Rule{ID: fmt.Sprintf("more%d", i), Kind: eligibility.DesignationRule, Effect: eligibility.Review, Lists: []string{long}})
	}
	p, err := eligibility.Compile(eligibility.Policy{ID: "messages", Rules: rules}, w)
	require.NoError(t, err)
	at := ownership.MustParseDate("2026-03-01")

	for _, subject := range []string{"p", "b"} {
		d, err := eligibility.Evaluate(w, p, subject, at)
		require.NoError(t, err)
		require.Equal(t, eligibility.VerdictDeny, d.Verdict)
		var got []string
		for _, r := range d.Reasons {
			got = append(got, r.Rule+": "+r.Message)
		}
		branch := ""
		if subject == "b" {
			branch = " (branch of p)"
		}
		want := []string{
			"listed: listed on l1 (entry for p, program P1, [2020-01-01, …)); listed on l1 (entry for p, […, 2030-01-01))",
			"owned: flow_through: definitely restricted (lower share 60 > 50)" + branch,
		}
		if subject == "p" {
			want = append(want, "juris: headquarters CN-GD (within CN), incorporation RU is in the rule's set")
		}
		if subject == "b" {
			// A branch is judged on its own jurisdictions, and it has none.
			want = append(want, "clear: not listed on "+long+" at 2026-03-01", "juris: no jurisdiction of the subject in the rule's roles is in its set")
		} else {
			want = append(want, "clear: not listed on "+long+" at 2026-03-01")
		}
		for i := range 9 {
			want = append(want, fmt.Sprintf("more%d: not listed on %s at 2026-03-01", i, long))
		}
		require.Equal(t, want, got, subject)
	}

	// A clear answer with no share, whose message Evaluate does not write, on a branch.
	d, err := eligibility.Evaluate(w, p, "qb", at)
	require.NoError(t, err)
	require.Equal(t, eligibility.VerdictAllow, d.Verdict)
	for _, r := range d.Reasons {
		if r.Rule == "owned" {
			require.Equal(t, "flow_through: not restricted (definite share 0, not > 50) (branch of q)", r.Message)
		}
	}
}

// TestNotListedAtDates: a designation rule remembers its "not listed" message for a date
// asked again and again; the message is still that of the date asked, whether the dates
// alternate, repeat or come from many goroutines at once, and dates that alternate or move
// on at every call cost no more allocations than writing the message.
func TestNotListedAtDates(t *testing.T) {
	w, err := eligibility.NewWorld(eligibility.WorldData{
		Entities: []eligibility.Entity{{ID: "s"}, {ID: "t"}},
		Lists: []eligibility.List{
			{ID: "l1", Entries: []eligibility.Entry{{Entity: "t", Valid: eligibility.Interval{From: ownership.MustParseDate("2025-01-01")}}}},
			{ID: "l2"},
		},
	})
	require.NoError(t, err)
	p, err := eligibility.Compile(eligibility.Policy{ID: "dates", Rules: []eligibility.Rule{
		{ID: "one", Kind: eligibility.DesignationRule, Lists: []string{"l1"}},
		{ID: "two", Kind: eligibility.DesignationRule, Lists: []string{"l2", "l1"}},
	}}, w)
	require.NoError(t, err)
	dates := []string{"2024-06-30", "2026-03-01", "2026-03-02", "2024-06-30", "2024-06-30", "2026-03-01"}
	check := func(subject, date string) error {
		d, err := eligibility.Evaluate(w, p, subject, ownership.MustParseDate(date))
		if err != nil {
			return err
		}
		var got []string
		for _, r := range d.Reasons {
			got = append(got, r.Rule+": "+r.Message)
		}
		want := []string{"one: not listed on l1 at " + date, "two: not listed on l2, l1 at " + date}
		if subject == "t" && date >= "2025" {
			want = []string{"one: listed on l1 (entry for t, [2025-01-01, …))", "two: listed on l1 (entry for t, [2025-01-01, …))"}
		}
		if !slices.Equal(want, got) {
			return fmt.Errorf("%s at %s: got %q, want %q", subject, date, got, want)
		}
		return nil
	}
	for _, date := range dates {
		require.NoError(t, check("s", date))
		require.NoError(t, check("t", date))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				if err := check([]string{"s", "t"}[i%2], dates[(g+i)%len(dates)]); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	// Dates that alternate, or that move on at every call, cost no more than writing the
	// messages each time: one string for all the decision's messages. (AllocsPerRun
	// rounds down its mean.)
	allocs := func(next func(i int) eligibility.Date) float64 {
		i := 0
		return testing.AllocsPerRun(200, func() {
			_, err := eligibility.Evaluate(w, p, "s", next(i))
			require.NoError(t, err)
			i++
		})
	}
	day := ownership.MustParseDate("2026-03-01")
	fixed := allocs(func(int) eligibility.Date { return day })
	alternating := allocs(func(i int) eligibility.Date { return day + eligibility.Date(i%2) })
	later := allocs(func(i int) eligibility.Date { return day + 10 + eligibility.Date(i) })
	require.LessOrEqual(t, alternating, fixed+1)
	require.LessOrEqual(t, later, fixed+1)
	require.Less(t, fixed, later) // the date asked again and again is remembered
}

// TestJurisdictionFromCompile: the reason a jurisdiction rule gives each entity, from what
// Compile found for it (the k-th matching entity found through a count per 64 entities),
// is the one written from the entity's record, for every entity of a world in which
// entities have several roles, several codes and subdivisions, under rules that match
// subdivisions or not.
func TestJurisdictionFromCompile(t *testing.T) {
	codes := []string{"CN", "CN-GD", "RU", "US", "US-CA", "IR", "DE", "KP", "HK"}
	roles := []eligibility.Role{eligibility.Incorporation, eligibility.Headquarters, eligibility.Operations}
	rng := rand.New(rand.NewPCG(11, 12))
	d := eligibility.WorldData{}
	for i := range 2000 {
		e := eligibility.Entity{ID: fmt.Sprintf("e%d", i)}
		for range rng.IntN(4) {
			e.Jurisdictions = append(e.Jurisdictions, eligibility.RoleCode{Role: roles[rng.IntN(len(roles))], Code: jurisdiction.MustParse(codes[rng.IntN(len(codes))])})
		}
		d.Entities = append(d.Entities, e)
	}
	w, err := eligibility.NewWorld(d)
	require.NoError(t, err)
	matched := 0
	for _, exclude := range []bool{false, true} {
		p, err := eligibility.Compile(eligibility.Policy{ID: "jur", Rules: []eligibility.Rule{
			{ID: "hq", Kind: eligibility.JurisdictionRule, Roles: []eligibility.Role{eligibility.Headquarters},
				Jurisdictions: []jurisdiction.Code{jurisdiction.MustParse("CN"), jurisdiction.MustParse("RU")}, ExcludeSubdivisions: exclude},
			{ID: "any", Kind: eligibility.JurisdictionRule, Effect: eligibility.Review, Roles: roles,
				Jurisdictions: []jurisdiction.Code{jurisdiction.MustParse("CN"), jurisdiction.MustParse("IR"), jurisdiction.MustParse("US-CA")}, ExcludeSubdivisions: exclude},
		}}, w)
		require.NoError(t, err)
		for id := range d.Entities {
			got, want := eligibility.JurisdictionReasons(p, id)
			require.Equal(t, want, got, "entity %d", id)
			for _, r := range got {
				if len(r.Evidence.Jurisdictions) > 0 {
					matched++
				}
			}
		}
	}
	require.Greater(t, matched, 1000)
}

// TestZeroClearMessage: where Evaluate uses an ownership rule's stored message for a clear
// answer with a definite share of 0, writing the message from the answer gives the same
// text, under every method, aggregated and per holder, inclusive or not, on a generated
// world; and the memory of every answer's evidence is allocated at the size it fills.
func TestZeroClearMessage(t *testing.T) {
	d, _ := synthWorld(t, 5000)
	w, err := eligibility.NewWorld(d)
	require.NoError(t, err)
	used := 0
	for _, method := range []ownership.Method{ownership.Direct, ownership.FlowThrough, ownership.Multiplicative, ownership.Compare} {
		for _, aggregate := range []bool{true, false} {
			for _, inclusive := range []bool{true, false} {
				pol := preset.Seed(nil, "synthetic-list")
				r := &pol.Rules[1]
				r.Method, r.Aggregate, r.Inclusive = method, aggregate, inclusive
				r.Threshold = ownership.MustParsePercent("25")
				p, err := eligibility.Compile(pol, w)
				require.NoError(t, err)
				for i := 0; i < 5000; i += 7 {
					stored, written := eligibility.ZeroClearMessages(p, fmt.Sprintf("e%07d", i), evalDate)
					require.Equal(t, written, stored)
					used += len(stored)
					// The evidence's memory is allocated at the size it fills.
					require.Zero(t, eligibility.EvidenceSlack(p, fmt.Sprintf("e%07d", i), evalDate))
				}
			}
		}
	}
	require.Greater(t, used, 1000)
}

// TestOneBlock: under a policy of the seed's shape, a decision's reasons, compare evidence
// and lists share one allocation; the decisions are those made without it, byte for byte,
// and each decision's lists are its own.
func TestOneBlock(t *testing.T) {
	d, _ := synthWorld(t, 3000)
	d.Lists = append(d.Lists, eligibility.List{ID: "l2"}, eligibility.List{ID: "l3"}, eligibility.List{ID: "l4"}, eligibility.List{ID: "l5"})
	w, err := eligibility.NewWorld(d)
	require.NoError(t, err)
	seed := preset.Seed(nil, "synthetic-list")
	twoRules := func(more ...string) eligibility.Policy {
		p := preset.Seed(nil, "synthetic-list", "l2")
		p.Rules = append(p.Rules[1:], eligibility.Rule{ID: "more", Kind: eligibility.DesignationRule, Lists: more})
		return p
	}
	notCompare := preset.Seed(nil, "synthetic-list")
	notCompare.Rules[1].Method = ownership.FlowThrough
	for _, tc := range []struct {
		name string
		pol  eligibility.Policy
		one  bool
	}{{"seed", seed, true}, {"four lists", twoRules("l3", "l4"), true}, {"five lists", twoRules("l3", "l4", "l5"), false},
		{"not compare", notCompare, false}} {
		p, err := eligibility.Compile(tc.pol, w)
		require.NoError(t, err)
		require.Equal(t, tc.one, eligibility.OneBlock(p), tc.name)
		apart := eligibility.WithoutOneBlock(p)
		for i := 0; i < 3000; i += 3 {
			s := fmt.Sprintf("e%07d", i)
			got, err := eligibility.Evaluate(w, p, s, evalDate)
			require.NoError(t, err)
			want, err := eligibility.Evaluate(w, apart, s, evalDate)
			require.NoError(t, err)
			gj, _ := got.MarshalJSON()
			wj, _ := want.MarshalJSON()
			require.Equal(t, string(wj), string(gj), "%s %s", tc.name, s)
		}
		// Each decision's lists are its own: changing them changes neither the policy nor
		// another decision.
		first, err := eligibility.Evaluate(w, p, "e0000001", evalDate)
		require.NoError(t, err)
		before, _ := first.MarshalJSON()
		second, err := eligibility.Evaluate(w, p, "e0000001", evalDate)
		require.NoError(t, err)
		for _, r := range second.Reasons {
			for j := range r.Evidence.Lists {
				r.Evidence.Lists[j] = "changed"
			}
		}
		after, _ := first.MarshalJSON()
		require.Equal(t, string(before), string(after), tc.name)
		third, err := eligibility.Evaluate(w, p, "e0000001", evalDate)
		require.NoError(t, err)
		again, _ := third.MarshalJSON()
		require.Equal(t, string(before), string(again), tc.name)
		// So are its jurisdiction matches, which come from the compiled policy.
		matched := 0
		for i := 0; i < 3000 && matched < 3; i++ {
			s := fmt.Sprintf("e%07d", i)
			d, err := eligibility.Evaluate(w, p, s, evalDate)
			require.NoError(t, err)
			before, _ := d.MarshalJSON()
			for _, r := range d.Reasons {
				for j := range r.Evidence.Jurisdictions {
					r.Evidence.Jurisdictions[j].Member = jurisdiction.MustParse("FR")
					matched++
				}
			}
			d, err = eligibility.Evaluate(w, p, s, evalDate)
			require.NoError(t, err)
			after, _ := d.MarshalJSON()
			require.Equal(t, string(before), string(after), "%s %s", tc.name, s)
		}
		if tc.pol.Rules[0].Kind == eligibility.JurisdictionRule {
			require.GreaterOrEqual(t, matched, 3, tc.name)
		}
	}
}

// TestDecisionMemSize: the decision block fills no more than the allocator's 1,152-byte
// size class (with the 8-byte header of an object with pointers). If a change to the block,
// or to Go's allocator, moves it to a bigger class, every decision under a policy of the
// seed's shape pays for the difference (about 0.12 ns a byte at 10⁶, in process).
func TestDecisionMemSize(t *testing.T) {
	size, perAlloc := eligibility.DecisionMemBytes()
	require.LessOrEqual(t, size+8, uintptr(1152))
	// Another goroutine's allocations may add to the count a little; the next class up
	// is 1,280 bytes.
	require.GreaterOrEqual(t, perAlloc, uint64(1152))
	require.Less(t, perAlloc, uint64(1280))
}
