package ownership

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func grp(s Stake, group string) Stake { s.JointGroup = group; return s }

// TestPerHolderJointGroups checks, by hand, how a single holder comes to hold a joint
// arrangement: by a stake of its own in it, or through an entity that passes its stakes
// whole for it (DESIGN.md "aggregate = false", readings 6 and 10).
func TestPerHolderJointGroups(t *testing.T) {
	ukRule := Rule{Threshold: PercentOf(50), PerHolder: true, Method: FlowThrough,
		Controls: [NumBases]ControlEffect{RightsOfAnother: ControlDeny}}
	arrangement := []Stake{grp(st("M", "A", "30"), "g"), grp(st("Z", "A", "25"), "g")}
	cases := []struct {
		name   string
		reason string
		stakes []Stake
		ctl    []Control
		rule   Rule
		status Status
		lower  Percent
	}{
		{"own stake in the group", "X holds 20 in g, so all of g: 20 + 30 + 25 = 75",
			append([]Stake{grp(st("X", "A", "20"), "g")}, arrangement...), nil, ukRule, Restricted, PercentOf(75)},
		{"through a majority-held member", "X holds 60% of M, so M's shares, so a stake of g, so all of g: 30 + 25 = 55 > 50",
			append([]Stake{st("X", "M", "60")}, arrangement...), nil, ukRule, Restricted, PercentOf(55)},
		{"through a minority-held member", "X's 40% of M is not a majority: M's stake is not X's, and nothing reaches A",
			append([]Stake{st("X", "M", "40")}, arrangement...), nil, ukRule, Clear, 0},
		{"through rights of another", "X controls M's rights: M's stakes are in X's hands, so all of g: 55",
			arrangement, []Control{{Controller: "X", Controlled: "M", Basis: RightsOfAnother}}, ukRule, Restricted, PercentOf(55)},
		{"review-mapped control", "a review control makes g possibly held: the upper bound is 55, the lower 0",
			arrangement, []Control{{Controller: "X", Controlled: "M", Basis: RightsOfAnother}},
			Rule{Threshold: PercentOf(50), PerHolder: true, Method: FlowThrough, Controls: [NumBases]ControlEffect{RightsOfAnother: ControlReview}},
			Indeterminate, 0},
		{"aggregated", "with aggregate true groups do not matter: only the restricted M's 30 counts",
			append([]Stake{st("X", "M", "60")}, arrangement...), nil, Rule{Threshold: PercentOf(50), Method: FlowThrough}, Clear, PercentOf(30)},
		{"multiplicative", "X's 100% of M reaches A only as 100% × 30 = 30: M is not root-like, so X does not hold g",
			append([]Stake{st("X", "M", "100")}, arrangement...), nil, Rule{Threshold: PercentOf(50), PerHolder: true, Method: Multiplicative}, Clear, PercentOf(30)},
		{"multiplicative, controlled member", "a deny control makes M root-like for X: M's stake, and so all of g, count at weight 1: 55",
			arrangement, []Control{{Controller: "X", Controlled: "M", Basis: RightsOfAnother}},
			Rule{Threshold: PercentOf(50), PerHolder: true, Method: Multiplicative, Controls: [NumBases]ControlEffect{RightsOfAnother: ControlDeny}},
			Restricted, PercentOf(55)},
		{"group held outside the subject's ancestors", "M's g stake is in Q, not in A's chain; holding it still makes X hold Z's 55 in A",
			[]Stake{st("X", "M", "60"), grp(st("M", "Q", "10"), "g"), grp(st("Z", "A", "55"), "g")}, nil, ukRule, Restricted, PercentOf(55)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := world{entities: []string{"X", "M", "Z", "A", "Q"}, stakes: c.stakes, controls: c.ctl}.build(t)
			r := query(t, g, c.rule, rootsOf(t, g, "X"), "A")
			assert.Equal(t, c.status, r.Status, c.reason)
			assert.Equal(t, c.lower, r.Share.Lower, c.reason)
			if c.status == Restricted {
				x, _ := g.Lookup("X")
				assert.Equal(t, []ID{x}, r.Roots, "the holder is the root named")
			}
		})
	}
}

// TestThresholdZeroInclusive: a share of 0 meets a threshold of 0 inclusive, so read as
// DESIGN.md's formulas give it, such a rule restricts every entity, roots or none.
func TestThresholdZeroInclusive(t *testing.T) {
	g := world{entities: []string{"X", "A", "B"}, stakes: []Stake{st("X", "A", "10")}}.build(t)
	for _, m := range []Method{Direct, FlowThrough, Multiplicative, Compare} {
		for _, per := range []bool{false, true} {
			rule := Rule{Threshold: 0, Inclusive: true, Method: m, PerHolder: per}
			for _, subject := range []string{"A", "B"} {
				r := query(t, g, rule, NewRootSet(), subject)
				assert.Equal(t, Restricted, r.Status, "%s per-holder=%v %s", m, per, subject)
			}
			rule.Inclusive = false
			assert.Equal(t, Clear, query(t, g, rule, NewRootSet(), "B").Status, "0 exclusive needs a positive share")
		}
		c, err := g.Classify(&Rule{Threshold: 0, Inclusive: true, Method: m}, NewRootSet(), MustParseDate("2026-01-01"))
		require.NoError(t, err)
		assert.Equal(t, map[Status]int{Restricted: 3}, c.Count(), "the batch agrees: %s", m)
	}
}

// TestPerHolderGroupChain: each group is held through the entity the previous one makes
// restricted, in an order of discovery that reads every group's stakes before it is held,
// so the pass has to carry late marks forward. X holds g0; Z0's 60% of M1 (in g0) makes
// M1 restricted; M1's stake in S puts g1 in X's hands; and so on. The subject's share is
// every Mi's stake: n × 0.01% plus the last one's 50%.
func TestPerHolderGroupChain(t *testing.T) {
	for _, n := range []int{1, 3, 1000} {
		w := world{entities: []string{"S", "X"}}
		m := func(i int) string {
			if i == 0 {
				return "X"
			}
			return fmt.Sprintf("M%d", i)
		}
		for i := 0; i < n; i++ {
			w.entities = append(w.entities, fmt.Sprintf("M%d", i+1), fmt.Sprintf("Z%d", i))
			g := fmt.Sprintf("g%d", i)
			w.stakes = append(w.stakes, grp(st(m(i), "S", "0.01"), g), grp(st(fmt.Sprintf("Z%d", i), m(i+1), "60"), g))
		}
		w.stakes = append(w.stakes, st(m(n), "S", "50"))
		g := w.build(t)
		for _, method := range []Method{Direct, FlowThrough} {
			rule := Rule{Threshold: PercentOf(50), PerHolder: true, Method: method}
			r := query(t, g, rule, rootsOf(t, g, "X"), "S")
			if method == Direct {
				// Under direct, only X's own stakes and its groups' count: g0 is X's, and
				// M1 is restricted by its share but passes nothing.
				assert.Equal(t, Clear, r.Status, "direct, n=%d", n)
				assert.Equal(t, MustParsePercent("0.01"), r.Share.Lower, "direct, n=%d", n)
				continue
			}
			assert.Equal(t, Restricted, r.Status, "flow-through, n=%d", n)
			assert.Equal(t, PercentOf(50)+Percent(n)*MustParsePercent("0.01"), r.Share.Lower, "flow-through, n=%d", n)
		}
	}
}

// TestPerHolderGroupPaths checks, by hand, that a path through a joint group the single
// holder holds shows how it holds it: the stake of the group that the holder, or an entity
// passing for it, owns, and that entity's chain to the holder, before the held stake.
func TestPerHolderGroupPaths(t *testing.T) {
	flow := Rule{Threshold: PercentOf(50), PerHolder: true, Method: FlowThrough,
		Controls: [NumBases]ControlEffect{RightsOfAnother: ControlDeny}}
	mult := flow
	mult.Method = Multiplicative
	xm := []Control{{Controller: "X", Controlled: "M", Basis: RightsOfAnother}}
	arrangement := []Stake{grp(st("M", "A", "30"), "g"), grp(st("Z", "A", "25"), "g")}
	cases := []struct {
		name   string
		stakes []Stake
		ctl    []Control
		rule   Rule
		lower  Percent
		paths  []string // "share: steps", largest first
	}{
		{"through a majority-held member", append([]Stake{st("X", "M", "60")}, arrangement...), nil, flow, PercentOf(55),
			[]string{"30: X-60->M M-30->A", "25: X-60->M M-30->A Z-25->A[held g]"}},
		{"own stake in the group", append([]Stake{grp(st("X", "A", "20"), "g")}, arrangement...), nil, flow, PercentOf(75),
			[]string{"30: X-20->A M-30->A[held g]", "25: X-20->A Z-25->A[held g]", "20: X-20->A"}},
		{"through rights of another", arrangement, xm, flow, PercentOf(55),
			[]string{"30: X=>M M-30->A", "25: X=>M M-30->A Z-25->A[held g]"}},
		{"linking stake outside the subject's ancestors",
			[]Stake{st("X", "M", "60"), grp(st("M", "Q", "10"), "g"), grp(st("Z", "A", "55"), "g")}, nil, flow, PercentOf(55),
			[]string{"55: X-60->M M-10->Q Z-55->A[held g]"}},
		{"held stake above the subject: B has 80 through g, so passes its 70",
			[]Stake{st("X", "M", "60"), grp(st("M", "Q", "10"), "g"), grp(st("Z", "B", "80"), "g"), st("B", "A", "70")}, nil, flow, PercentOf(70),
			[]string{"70: X-60->M M-10->Q Z-80->B[held g] B-70->A"}},
		{"the subject holds the group for the holder: the path comes back to it once",
			[]Stake{st("X", "A", "60"), grp(st("A", "Q", "10"), "g"), grp(st("Z", "A", "20"), "g")}, nil, flow, PercentOf(80),
			[]string{"60: X-60->A", "20: X-60->A A-10->Q Z-20->A[held g]"}},
		{"multiplicative: the share is counted from the held stake on, 80% × 70% = 56",
			[]Stake{grp(st("M", "Q", "10"), "g"), grp(st("Z", "B", "80"), "g"), st("B", "A", "70")}, xm, mult, PercentOf(56),
			[]string{"56: X=>M M-10->Q Z-80->B[held g] B-70->A"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := world{entities: []string{"X", "M", "Z", "A", "Q", "B"}, stakes: c.stakes, controls: c.ctl}.build(t)
			r := query(t, g, c.rule, rootsOf(t, g, "X"), "A")
			require.Equal(t, Restricted, r.Status)
			assert.Equal(t, c.lower, r.Share.Lower)
			var got []string
			for _, p := range r.Paths {
				x, _ := g.Lookup("X")
				assert.Equal(t, x, p.Root)
				s := p.Share.String() + ":"
				for _, st := range p.Steps {
					if st.IsControl {
						s += " " + g.Name(st.Control.Controller) + "=>" + g.Name(st.Control.Controlled)
						continue
					}
					s += " " + g.Name(st.Stake.Owner) + "-" + st.Stake.Share.Min.String() + "->" + g.Name(st.Stake.Owned)
					if st.HeldGroup {
						s += "[held " + st.Stake.JointGroup + "]"
					}
				}
				got = append(got, s)
			}
			assert.Equal(t, c.paths, got)
		})
	}
}

// TestControlOnlyRoots: a subject restricted only through a chain of deny controls names
// the root at the top of the chain (R controls M, which controls S; R's 10% of M is no
// path of shares).
func TestControlOnlyRoots(t *testing.T) {
	g := world{entities: []string{"R", "M", "S"}, stakes: []Stake{st("R", "M", "10")},
		controls: []Control{{Controller: "M", Controlled: "S", Basis: BoardMajority}, {Controller: "R", Controlled: "M", Basis: BoardMajority}}}.build(t)
	rule := Rule{Threshold: PercentOf(50), Method: FlowThrough, Controls: [NumBases]ControlEffect{BoardMajority: ControlDeny}}
	r := query(t, g, rule, rootsOf(t, g, "R"), "S")
	require.Equal(t, Restricted, r.Status)
	require.True(t, r.ThroughControl)
	rid, _ := g.Lookup("R")
	assert.Equal(t, []ID{rid}, r.Roots)
}
