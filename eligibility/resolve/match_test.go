package resolve

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smallIndex is a hand-made index for the tests of this file.
func smallIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := Build([]Record{
		{Key: "avic", Names: []string{"Aviation Industry Corporation of China", "AVIC", "中国航空工业集团有限公司"},
			IDs: []ID{{Scheme: "uscc", Value: "91110000710935732K"}}},
		{Key: "casc", Names: []string{"China Aerospace Science and Technology Corporation", "CASC"}},
		{Key: "casic", Names: []string{"China Aerospace Science and Industry Corporation", "CASIC"}},
		{Key: "cmcc", Names: []string{"China Mobile Communications Group Co., Ltd."}, IDs: []ID{{Scheme: "lei", Value: "5493001KJTIIGC8Y1R12"}}},
		{Key: "unicom", Names: []string{"China Unicom (Hong Kong) Limited"}},
		{Key: "gazprom-energo", Names: []string{"GAZPROM ENERGO, OOO", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU 'GAZPROM ENERGO'"},
			IDs: []ID{{Scheme: "ru-ogrn", Value: "1027739841370", Jurisdiction: "RU"}}},
		{Key: "gazprom-svyaz", Names: []string{"GAZPROM SVYAZ, OOO"}},
		{Key: "zawahiri", Names: []string{"AL-ZAWAHIRI, Ayman", "AL-ZAWAHIRI, Aiman Muhammad Rabi"}},
		{Key: "bnc", Names: []string{"BANCO NACIONAL DE CUBA"}},
		{Key: "aerocaribbean", Names: []string{"AEROCARIBBEAN AIRLINES"}},
		{Key: "binalshibh", Names: []string{"BIN AL SHIBH, Ramzi"}},
		{Key: "huawei", Names: []string{"Huawei Technologies Co., Ltd."}},
		{Key: "yard-1220", Names: []string{"YARD NO. 1220 SHANGHAI WAIGAOQIAO"}},
		{Key: "yard-1222", Names: []string{"YARD NO. 1222 SHANGHAI WAIGAOQIAO"}},
	})
	require.NoError(t, err)
	return ix
}

func TestMatchNames(t *testing.T) {
	ix := smallIndex(t)
	cases := []struct {
		query  string
		key    string // the expected best candidate, or "" for none at or above 0.5
		min    Score  // its least score
		reason string
	}{
		{"Aviation Industry Corporation of China, Ltd.", "avic", MaxScore, "legal forms and case do not count"},
		{"中国航空工业集团公司", "avic", MaxScore, "CJK with another legal suffix"},
		{"ООО «Газпром Энерго»", "gazprom-energo", MaxScore, "Cyrillic against the transliterated listing"},
		{"Ayman al Zawahiri", "zawahiri", MaxScore, "order and the article do not count"},
		{"Aiman Zawahri", "zawahiri", 8000, "near spellings"},
		{"Aero Caribbean", "aerocaribbean", 7000, "two words written as one on the list"},
		{"Ramzi Binalshibh", "binalshibh", 9500, "one word written as three on the list"},
		{"Huawei Technology", "huawei", 9000, "a singular against a plural"},
		{"Huawei Tech", "huawei", 8000, "an abbreviation"},
		{"ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ", "huawei", MaxScore, "full-width"},
		{"Yard No. 1221 Shanghai Waigaoqiao", "yard-1220", 6000, "numbers only match exactly: a near miss scores lower"},
		{"Zzyzx Quux", "", 0, "nothing alike"},
	}
	for _, c := range cases {
		res, err := ix.Match(Query{Names: []string{c.query}})
		require.NoError(t, err, c.reason)
		if c.key == "" {
			assert.Empty(t, res.Candidates, c.reason)
			continue
		}
		require.NotEmpty(t, res.Candidates, c.reason)
		best := res.Candidates[0]
		assert.Equal(t, c.key, best.Key, "%s: %+v", c.reason, best)
		assert.GreaterOrEqual(t, best.Score, c.min, "%s: %+v", c.reason, best.Explanation)
	}
}

func TestMatchHardNegativesSmall(t *testing.T) {
	ix := smallIndex(t)
	for _, c := range []struct{ query, other string }{
		{"China Mobile", "unicom"},
		{"China Aerospace Science and Technology Corporation", "casic"},
		{"GAZPROM SVYAZ", "gazprom-energo"},
		{"YARD NO. 1220 SHANGHAI WAIGAOQIAO", "yard-1222"},
	} {
		res, err := ix.Match(Query{Names: []string{c.query}, MinScore: 1, Limit: 100})
		require.NoError(t, err)
		for _, cand := range res.Candidates {
			if cand.Key == c.other {
				assert.Less(t, cand.Score, ReviewThreshold, "%q against %s", c.query, c.other)
			}
		}
	}
}

func TestMatchExplanation(t *testing.T) {
	ix := smallIndex(t)
	res, err := ix.Match(Query{Names: []string{"OOO Gazprom Energy Holdings"}, MinScore: 1})
	require.NoError(t, err)
	require.NotEmpty(t, res.Candidates)
	c := res.Candidates[0]
	assert.Equal(t, "gazprom-energo", c.Key)
	ex := c.Explanation
	require.Len(t, ex.Pairs, 2)
	assert.Equal(t, MatchExact, ex.Pairs[0].Kind)
	assert.Equal(t, "gazprom", ex.Pairs[0].Query[0].Text)
	assert.Equal(t, MatchNear, ex.Pairs[1].Kind, "energy and energo are one letter apart")
	assert.Equal(t, "Energy", ex.Pairs[1].Query[0].Source)
	assert.Equal(t, "ENERGO", ex.Pairs[1].Entry[0].Source)
	assert.Equal(t, Score(8340), ex.Pairs[1].Similarity, "1 − 1/6, in whole thousandths")
	var ignored []string
	for _, tok := range ex.QueryIgnored {
		ignored = append(ignored, tok.Text+"/"+tok.Role.String())
	}
	assert.Equal(t, []string{"ooo/legal_form", "holdings/noise"}, ignored)
	assert.NotEmpty(t, ex.EntryIgnored)
	assert.Equal(t, c.Score, explainedScore(ex), "the explanation accounts for the score")

	// Transliteration shows in the folds.
	res, err = ix.Match(Query{Names: []string{"Газпром Связь"}})
	require.NoError(t, err)
	require.NotEmpty(t, res.Candidates)
	assert.Equal(t, "gazprom-svyaz", res.Candidates[0].Key)
	assert.NotZero(t, res.Candidates[0].Explanation.Pairs[0].Query[0].Folds&FoldTransliterated)

	// A compound pairs two query words with one entry word.
	res, err = ix.Match(Query{Names: []string{"Aero Caribbean"}})
	require.NoError(t, err)
	require.NotEmpty(t, res.Candidates)
	p := res.Candidates[0].Explanation.Pairs[0]
	assert.Equal(t, MatchCompound, p.Kind)
	assert.Len(t, p.Query, 2)
	assert.Len(t, p.Entry, 1)
}

func TestMatchInitials(t *testing.T) {
	ix := smallIndex(t)
	res, err := ix.Match(Query{Names: []string{"BNC"}, MinScore: 1})
	require.NoError(t, err)
	require.NotEmpty(t, res.Candidates)
	c := res.Candidates[0]
	assert.Equal(t, "bnc", c.Key)
	assert.Equal(t, Score(simInitials*10), c.Score, "initials are weak evidence, below the review threshold")
	require.Len(t, c.Explanation.Pairs, 1)
	assert.Equal(t, MatchInitials, c.Explanation.Pairs[0].Kind)
	assert.Len(t, c.Explanation.Pairs[0].Entry, 3, "banco nacional cuba")

	res, err = ix.Match(Query{Names: []string{"Banco Nacional de Cuba"}, MinScore: 1})
	require.NoError(t, err)
	assert.Equal(t, "bnc", res.Candidates[0].Key)
	assert.Equal(t, MaxScore, res.Candidates[0].Score)

	res, err = ix.Match(Query{Names: []string{"BNC"}})
	require.NoError(t, err)
	assert.Equal(t, "bnc", res.Candidates[0].Key, "0.7 is above the default minimum 0.5")
	res, err = ix.Match(Query{Names: []string{"BNC"}, MinScore: 7001})
	require.NoError(t, err)
	assert.Empty(t, res.Candidates)
}

func TestMatchIDs(t *testing.T) {
	ix := smallIndex(t)
	cases := []struct {
		ids    []ID
		keys   []string
		probs  int
		reason string
	}{
		{[]ID{{Scheme: "LEI", Value: "5493 001K JTII GC8Y 1R12"}}, []string{"cmcc"}, 0, "a global identifier, canonicalised"},
		{[]ID{{Scheme: "lei", Value: "5493001KJTIIGC8Y1R12", Jurisdiction: "CN"}}, []string{"cmcc"}, 0, "jurisdiction does not scope global schemes"},
		{[]ID{{Scheme: "uscc", Value: "91110000710935732K"}}, []string{"avic"}, 0, "USCC"},
		{[]ID{{Scheme: "ru-ogrn", Value: "1027739841370", Jurisdiction: "ru"}}, []string{"gazprom-energo"}, 0, "a national number in its jurisdiction"},
		{[]ID{{Scheme: "ru-ogrn", Value: "1027739841370", Jurisdiction: "BY"}}, nil, 0, "the same number in another jurisdiction"},
		{[]ID{{Scheme: "ru-ogrn", Value: "1027739841370"}}, nil, 1, "a national number without jurisdiction matches nothing and is reported"},
		{[]ID{{Scheme: "lei", Value: "5493001KJTIIGC8Y1R13"}}, nil, 1, "a malformed LEI is reported"},
	}
	for _, c := range cases {
		res, err := ix.Match(Query{IDs: c.ids})
		require.NoError(t, err, c.reason)
		var keys []string
		for _, m := range res.IDMatches {
			keys = append(keys, m.Key)
		}
		assert.Equal(t, c.keys, keys, c.reason)
		assert.Len(t, res.Problems, c.probs, c.reason)
		assert.Empty(t, res.Candidates, c.reason)
	}
}

func TestMatchErrors(t *testing.T) {
	ix := smallIndex(t)
	cases := []struct {
		q      Query
		err    error
		reason string
	}{
		{Query{}, ErrQuery, "nothing to match"},
		{Query{Names: []string{"x"}, Limit: -1}, ErrQuery, "negative limit"},
		{Query{Names: []string{"x"}, MinScore: MaxScore + 1}, ErrQuery, "score above 1"},
		{Query{Names: []string{""}}, ErrNoTokens, "an empty name"},
		{Query{Names: []string{"Acme", "--"}}, ErrNoTokens, "a name of punctuation"},
		{Query{Names: []string{strings.Repeat("Acme ", 2048)}}, ErrNameTooLong, "a 10 KB name"},
	}
	for _, c := range cases {
		_, err := ix.Match(c.q)
		assert.ErrorIs(t, err, c.err, c.reason)
	}
	// Names of only legal-form words are names like any other.
	res, err := ix.Match(Query{Names: []string{"Co., Ltd."}})
	require.NoError(t, err)
	assert.Empty(t, res.Candidates)
	// Invalid UTF-8 reads as separators.
	res, err = ix.Match(Query{Names: []string{"Huawei\xffTechnologies"}})
	require.NoError(t, err)
	assert.Equal(t, "huawei", res.Candidates[0].Key)
	// The zero Index matches nothing.
	var zero Index
	res, err = zero.Match(Query{Names: []string{"Huawei"}, IDs: []ID{{Scheme: "lei", Value: "5493001KJTIIGC8Y1R12"}}})
	require.NoError(t, err)
	assert.Empty(t, res.Candidates)
	assert.Empty(t, res.IDMatches)
}

func TestMatchLimitAndOrder(t *testing.T) {
	twins, err := Build([]Record{{Key: "b", Names: []string{"Acme Trading"}}, {Key: "c", Names: []string{"Acme Trading"}},
		{Key: "a", Names: []string{"ACME TRADING LLC"}}, {Key: "d", Names: []string{"Acme"}}})
	require.NoError(t, err)
	res, err := twins.Match(Query{Names: []string{"Acme Trading"}, MinScore: 1, Limit: 3})
	require.NoError(t, err)
	var keys []string
	for _, c := range res.Candidates {
		keys = append(keys, c.Key)
	}
	assert.Equal(t, []string{"a", "b", "c"}, keys, "equal scores are ordered by key; the limit cuts d")
	ix := smallIndex(t)
	// Several query names: a record's best.
	res, err = ix.Match(Query{Names: []string{"Zzyzx", "CASIC"}, MinScore: 9000})
	require.NoError(t, err)
	require.Len(t, res.Candidates, 1)
	assert.Equal(t, "CASIC", res.Candidates[0].Query)
	assert.Equal(t, "CASIC", res.Candidates[0].Name)
}

func TestBuildProblems(t *testing.T) {
	_, err := Build([]Record{
		{Key: "", Names: []string{"A"}},
		{Key: "a", Names: []string{"A"}},
		{Key: "a", Names: []string{"B"}},
		{Key: "b"},
		{Key: "c", Names: []string{strings.Repeat("x", MaxNameBytes+1)}},
		{Key: "d", IDs: []ID{{Scheme: "lei"}}},
	})
	var be *BuildError
	require.ErrorAs(t, err, &be)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, ErrNameTooLong)
	assert.ErrorIs(t, err, ErrIdentifier)
	var paths []string
	for _, p := range be.Problems {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"records[0].key", "records[2].key", "records[3]", "records[4].names[0]", "records[5].ids[0]"}, paths)
	assert.Contains(t, err.Error(), `records[2].key (key "a"): resolve: invalid record: duplicate key, first at records[1]`)

	ix, err := Build([]Record{
		{Key: "a", Names: []string{"--", "Acme"}, IDs: []ID{{Scheme: "lei", Value: "5493001KJTIIGC8Y1R13"}, {Scheme: "tax", Value: "1"}}},
	})
	require.NoError(t, err)
	var warned []string
	for _, w := range ix.Warnings() {
		warned = append(warned, w.Path+" "+fmt.Sprint(errors.Is(w.Err, ErrNoTokens) || errors.Is(w.Err, ErrIdentifier)))
	}
	assert.Equal(t, []string{"records[0].names[0] true", "records[0].ids[0] true", "records[0].ids[1] true"}, warned)
	assert.Equal(t, Stats{Records: 1, Names: 1, Tokens: 1, IDs: 1}, ix.Stats(), "the malformed LEI is indexed, the unscoped tax number is not")
	assert.Equal(t, 1, ix.Len())
}

func TestMatchConcurrent(t *testing.T) {
	ix, err := Build(realIndexRecords(t))
	require.NoError(t, err)
	qs := realQueries(t)[:400]
	want := make([]Result, len(qs))
	for i, q := range qs {
		want[i], err = ix.Match(Query{Names: []string{q}})
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := len(qs) - 1 - g; i >= 0; i-- {
				got, err := ix.Match(Query{Names: []string{qs[i]}})
				assert.NoError(t, err)
				assert.Equal(t, want[i], got, qs[i])
			}
		})
	}
	wg.Wait()
}

// explainedScore recomputes a score from its explanation, as a person would by hand: the
// weighted Dice coefficient of Index.Match, or the initials score.
func explainedScore(ex Explanation) Score {
	if len(ex.Pairs) == 1 && ex.Pairs[0].Kind == MatchInitials {
		return ex.Pairs[0].Similarity
	}
	var num, wq, wp, we uint64
	for _, p := range ex.Pairs {
		num += 2 * uint64(p.Similarity/10) * uint64(p.Weight)
		wq += uint64(p.Weight)
		wp += uint64(p.Weight)
	}
	for _, t := range ex.QueryOnly {
		wq += uint64(t.Weight)
	}
	for _, t := range ex.EntryOnly {
		we += uint64(t.Weight)
	}
	return ratio(num, 1000*(wq+wp+we))
}

func TestExplanationArithmetic(t *testing.T) {
	ix, err := Build(realIndexRecords(t))
	require.NoError(t, err)
	n := 0
	for i, q := range realQueries(t) {
		if i%7 != 0 {
			continue
		}
		res, err := ix.Match(Query{Names: []string{q}, MinScore: 3000, Limit: 5})
		require.NoError(t, err)
		for _, c := range res.Candidates {
			require.Equal(t, c.Score, explainedScore(c.Explanation), "%q vs %q: %+v", q, c.Name, c.Explanation)
			n++
		}
	}
	assert.Greater(t, n, 10000)
}

// refMatch is the slow, obviously complete reference for Index.Match's names: it scores
// every name of the index (no candidate generation, no pruning) with the same prepared
// query, and finds initials by their definition.
func refMatch(ix *Index, q Query) []Candidate {
	type best struct {
		score Score
		query int
		name  int32
	}
	byRec := map[int32]best{}
	sc := &matchScratch{stamp: make([]uint32, len(ix.nameRec)), acc: make([]uint64, len(ix.nameRec)),
		pstamp: make([]uint32, len(ix.tokText)), pfirst: make([]int32, len(ix.tokText))}
	for qn, s := range q.Names {
		n, _ := Normalize(s)
		ix.prepare(sc, &n)
		var wq uint64
		for _, t := range sc.qt {
			wq += uint64(t.w)
		}
		qInit := initialsOf(n)
		for nm := range int32(len(ix.nameRec)) {
			if len(sc.qt) == 0 {
				break
			}
			s := ix.scoreName(sc, nm, wq, nil)
			en, _ := Normalize(ix.nameSrc[nm])
			eInit := initialsOf(en)
			ctoks := ix.nameTok[ix.nameOff[nm]:ix.nameOff[nm+1]]
			initials := len(sc.qt) == 1 && isInitialsWord(sc.qt[0].text) && slices.Contains(eInit[:], sc.qt[0].text) ||
				len(ctoks) == 1 && slices.Contains(qInit[:], ix.tokText[ctoks[0]])
			if initials && q.MinScore <= simInitials*10 {
				s = max(s, simInitials*10)
			}
			if s < q.MinScore {
				continue
			}
			r := ix.nameRec[nm]
			if b, ok := byRec[r]; !ok || s > b.score || s == b.score && (qn < b.query || qn == b.query && nm < b.name) {
				byRec[r] = best{s, qn, nm}
			}
		}
	}
	var out []Candidate
	for r, b := range byRec {
		out = append(out, Candidate{Key: ix.keys[r], Score: b.score, Query: q.Names[b.query], Name: ix.nameSrc[b.name]})
	}
	slices.SortFunc(out, func(a, b Candidate) int { return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Key, b.Key)) })
	if len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out
}

// mutate returns a variant of name s: a typo, a dropped or added word, words joined or
// split, a legal form, or the words in another order.
func mutate(r *rand.Rand, s string) string {
	w := strings.Fields(s)
	switch r.IntN(7) {
	case 0:
		return typo(s)
	case 1:
		if len(w) > 1 {
			i := r.IntN(len(w))
			w = append(w[:i], w[i+1:]...)
		}
	case 2:
		w = append(w, "Trading")
	case 3:
		if len(w) > 1 {
			i := r.IntN(len(w) - 1)
			w = append(append(w[:i:i], w[i]+w[i+1]), w[i+2:]...)
		}
	case 4:
		if i := r.IntN(len(w)); len(w[i]) > 5 {
			m := len(w[i]) / 2
			w = append(append(w[:i:i], w[i][:m], w[i][m:]), w[i+1:]...)
		}
	case 5:
		w = append([]string{"OOO"}, w...)
	case 6:
		r.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
	}
	return strings.Join(w, " ")
}

// TestMatchAgainstReference compares Index.Match with the exhaustive reference on
// generated worlds and mutated queries, at several minimum scores.
func TestMatchAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for world := range 3 {
		recs := genRecords(uint64(100+world), 1500)
		recs = append(recs, Record{Key: "bnc", Names: []string{"Banco Nacional de Cuba", "BNC"}},
			Record{Key: "short", Names: []string{"BNDC"}})
		ix, err := Build(recs)
		require.NoError(t, err)
		for i := range 150 {
			var names []string
			for range 1 + r.IntN(2) {
				rec := recs[r.IntN(len(recs))]
				names = append(names, mutate(r, rec.Names[r.IntN(len(rec.Names))]))
			}
			if i%10 == 0 {
				names = []string{"BNC"}
			}
			if i%10 == 1 {
				names = []string{"Banco Nacional de Cuba"}
			}
			q := Query{Names: names, MinScore: []Score{1, 3000, 5000, 7000, 8000, 9000}[r.IntN(6)], Limit: 10000}
			got, err := ix.Match(q)
			require.NoError(t, err)
			want := refMatch(ix, q)
			require.Equal(t, len(want), len(got.Candidates), "%q at %s", names, q.MinScore)
			for k := range want {
				g := got.Candidates[k]
				require.Equal(t, want[k].Key, g.Key, "%q at %s", names, q.MinScore)
				require.Equal(t, want[k].Score, g.Score, "%q at %s: %s", names, q.MinScore, g.Key)
				require.Equal(t, want[k].Name, g.Name, "%q at %s: %s", names, q.MinScore, g.Key)
			}
		}
	}
}

// TestProbesComplete checks that the fast lookups of probesFor find exactly the index
// words that relate defines as related to a query token.
func TestProbesComplete(t *testing.T) {
	ix, err := Build(genRecords(5, 3000))
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"technology", "tech", "intl", "international", "industries", "industry", "trading", "systems"}
	for range 300 {
		w := ix.tokText[r.IntN(len(ix.tokText))]
		if strings.HasPrefix(w, initialsMark) {
			continue
		}
		words = append(words, w, typo(w+w[:1]), strings.ToLower(typo(strings.ToUpper(w))))
		if len(w) > 3 {
			words = append(words, w[:len(w)-1]+"z", w[1:], w+"s")
		}
	}
	for _, q := range words {
		n, _ := Normalize(q)
		if len(n.Tokens) != 1 {
			continue
		}
		q = n.Tokens[0].Text
		got := map[int32]int32{}
		for _, p := range ix.probesFor(nil, q, 0) {
			got[p.tok] = p.sim
		}
		want := map[int32]int32{}
		for tok, text := range ix.tokText {
			if strings.HasPrefix(text, initialsMark) {
				continue
			}
			if sim, _ := ix.relate(q, text); sim > 0 {
				want[int32(tok)] = sim
			}
		}
		require.Equal(t, want, got, "probes of %q", q)
	}
}

func TestMatchAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector drops sync.Pool items at random; allocation counts mean nothing under it")
	}
	ix, err := Build(realIndexRecords(t))
	require.NoError(t, err)
	q := Query{Names: []string{"Aviation Industry Corporation of China"}, Limit: 1}
	_, err = ix.Match(q)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(100, func() { _, _ = ix.Match(q) })
	assert.LessOrEqual(t, allocs, 40.0, "a query allocates its result and explanation, not per candidate")
}

func FuzzQuery(f *testing.F) {
	ix, err := Build(append(records(loadCSL(f))[:600], realIndexRecords(f)[:400]...))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "China Telecom", "ООО", "Co., Ltd.", "\xff", "a b c d e f g h", "AVIC",
		strings.Repeat("Acme ", 300), "中国电信", "binalshibh", "al al al al", "Ｃｈｉｎａ"} {
		f.Add(s, uint16(5000))
	}
	f.Fuzz(func(t *testing.T, s string, min uint16) {
		q := Query{Names: []string{s}, MinScore: Score(min % 10001), Limit: 20}
		res, err := ix.Match(q)
		if err != nil {
			if !errors.Is(err, ErrNoTokens) && !errors.Is(err, ErrNameTooLong) {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		least := q.MinScore
		if least == 0 {
			least = DefaultMinScore
		}
		for i, c := range res.Candidates {
			if c.Score > MaxScore || c.Score < least {
				t.Fatalf("%q: score %s out of range", s, c.Score)
			}
			if i > 0 && (c.Score > res.Candidates[i-1].Score ||
				c.Score == res.Candidates[i-1].Score && c.Key <= res.Candidates[i-1].Key) {
				t.Fatalf("%q: candidates out of order", s)
			}
			if got := explainedScore(c.Explanation); got != c.Score {
				t.Fatalf("%q vs %q: explanation gives %s, score %s", s, c.Name, got, c.Score)
			}
		}
	})
}

// TestNoFullScan checks that a query looks at a small part of the index: candidate
// generation takes the rarest tokens and stops when the others cannot reach the minimum.
func TestNoFullScan(t *testing.T) {
	ix, err := Build(realIndexRecords(t))
	require.NoError(t, err)
	sc := ix.getScratch()
	most, total, n := 0, 0, 0
	for i, q := range realQueries(t) {
		if i%5 != 0 {
			continue
		}
		nm, err := Normalize(q)
		require.NoError(t, err)
		sc.hits = sc.hits[:0]
		ix.matchName(sc, &nm, 0, DefaultMinScore)
		most = max(most, len(sc.cands))
		total += len(sc.cands)
		n++
	}
	names := len(ix.nameRec)
	t.Logf("%d queries, %d names: %.0f candidates scored on average, %d at most", n, names, float64(total)/float64(n), most)
	assert.Less(t, float64(total)/float64(n), 0.01*float64(names), "on average under 1%% of the names")
	assert.Less(t, most, names/6, "never more than a sixth of the names")
}
