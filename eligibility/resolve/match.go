package resolve

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// DefaultLimit is the number of name candidates [Index.Match] returns when a [Query] does
// not say.
const DefaultLimit = 10

// Query asks which records may be the same entity as a subject. The zero value is not a
// valid query: it needs a name or an identifier.
type Query struct {
	// Names are the subject's names (its name and aliases). Each is matched on its own; a
	// record's score is the best over the query's names and the record's names.
	Names []string
	// IDs are the subject's identifiers.
	IDs []ID
	// MinScore is the least score of a returned candidate. Zero means [DefaultMinScore].
	MinScore Score
	// Limit is the most candidates returned. Zero means [DefaultLimit].
	Limit int
}

// Result is the answer of [Index.Match]. The zero value is an answer with no matches.
type Result struct {
	// IDMatches are the records that share an identifier with the subject, sorted by key
	// and identifier. An identifier match is exact and counts as the designation itself.
	IDMatches []IDMatch `json:"id_matches,omitempty"`
	// Candidates are the records whose names are like one of the subject's, at or above the
	// query's MinScore, sorted by score (highest first) and then key; at most Limit.
	Candidates []Candidate `json:"candidates,omitempty"`
	// Problems are query identifiers that fail their check ([ErrIdentifier]). A malformed
	// global identifier is still looked up as written; a national identifier without a
	// jurisdiction is not.
	Problems []Problem `json:"problems,omitempty"`
}

// IDMatch is a record that holds an identifier of the subject.
type IDMatch struct {
	Key string `json:"key"`
	ID  ID     `json:"id"` // canonical form (see [ID.Canonical])
}

// Candidate is a record whose name is like a name of the subject.
type Candidate struct {
	Key         string      `json:"key"`
	Score       Score       `json:"score"`
	Query       string      `json:"query"` // the subject's name, as given
	Name        string      `json:"name"`  // the record's best-matching name, as given to Build
	Explanation Explanation `json:"explanation"`
}

// Match finds the records that may be the same entity as the subject described by q: the
// records sharing a canonical identifier (exactly), and the records with a name whose score
// against one of q.Names is at least q.MinScore.
//
// # Score
//
// Two names are compared as sets of significant tokens (see [Normalize]; order does not
// matter, legal forms and noise do not count). Each query token q has a weight w(q), its
// inverse document frequency in the index, ln(1 + names/names with q), in thousandths (a
// query token the index lacks takes the weight of the index word it is most like, or else
// that of a word found once). Tokens of the two names are paired greedily by similarity:
//
//   - exact: 1
//   - plural, one the English plural of the other (system, systems; industry, industries): 0.95
//   - compound, words written together or apart (aero caribbean, aerocaribbean;
//     binalshibh, bin al shibh), several tokens paired at once: 0.95
//   - abbreviation, a pair of the package's table (intl, international): 0.9
//   - near spelling, at edit distance 1, or 2 with the same consonant skeleton
//     (zawahri, zawahiri; mohammed, muhammad): 1 − distance / length of the longer
//   - prefix of 4 letters or more, shared by at most 32 index words (tech, technika): 0.6
//
// Only tokens of ASCII letters have relatives; a token with a digit, or in another script,
// pairs only exactly. The score is the weighted Dice coefficient
//
//	Σ 2·sim·w(q) over paired query tokens
//	─────────────────────────────────────────────────────────────────────────────────────
//	Σ w(q) over query tokens + Σ w(q) over paired query tokens + Σ w(e) over unpaired entry tokens
//
// in integers, rounded half up to a [Score]; the [Explanation] of each candidate carries
// every term. A one-word name that is the initials of the other name (BNC, Banco Nacional
// de Cuba, in either direction) scores at least 0.7.
//
// # Cost
//
// Match never scans every name. The related index words of the query's tokens are taken by
// what they can add to a score, sim × w(q), highest first, and only while those not yet
// taken could still lift a name to MinScore: a name reached by none of the taken words
// cannot reach MinScore, so it is never looked at. A candidate costs O(its tokens) plus its
// pairs. Match allocates its result and the explanations of the returned candidates; it is
// read-only and safe for concurrent use.
//
// Errors: [ErrNameTooLong] and [ErrNoTokens] for a bad name, [ErrQuery] for a query
// without names and identifiers, a negative Limit or a MinScore above 1.
func (ix *Index) Match(q Query) (Result, error) {
	if len(q.Names) == 0 && len(q.IDs) == 0 {
		return Result{}, fmt.Errorf("%w: no names and no identifiers", ErrQuery)
	}
	if q.Limit < 0 {
		return Result{}, fmt.Errorf("%w: negative limit %d", ErrQuery, q.Limit)
	}
	if q.MinScore > MaxScore {
		return Result{}, fmt.Errorf("%w: min score %d ten-thousandths is above 1", ErrQuery, uint16(q.MinScore))
	}
	minScore, limit := q.MinScore, q.Limit
	if minScore == 0 {
		minScore = DefaultMinScore
	}
	if limit == 0 {
		limit = DefaultLimit
	}
	names := make([]Name, len(q.Names))
	for i, s := range q.Names {
		n, err := Normalize(s)
		if err != nil {
			return Result{}, fmt.Errorf("names[%d]: %w", i, err)
		}
		if len(n.Tokens) == 0 {
			return Result{}, fmt.Errorf("names[%d] %q: %w", i, clip(s), ErrNoTokens)
		}
		names[i] = n
	}
	var res Result
	res.IDMatches, res.Problems = ix.matchIDs(q.IDs)
	if len(names) == 0 || len(ix.nameRec) == 0 {
		return res, nil
	}
	sc := ix.getScratch()
	defer ix.scratch.Put(sc)
	sc.hits = sc.hits[:0]
	for qn := range names {
		ix.matchName(sc, &names[qn], qn, minScore)
	}
	// Best hit per record, then by score and key.
	hits := sc.hits
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(ix.nameRec[a.name], ix.nameRec[b.name]); c != 0 {
			return c
		}
		return compareHits(a, b)
	})
	best := hits[:0]
	for i, h := range hits {
		if i == 0 || ix.nameRec[h.name] != ix.nameRec[hits[i-1].name] {
			best = append(best, h)
		}
	}
	slices.SortFunc(best, func(a, b hit) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(ix.keys[ix.nameRec[a.name]], ix.keys[ix.nameRec[b.name]])
	})
	if len(best) > limit {
		best = best[:limit]
	}
	if len(best) > 0 {
		res.Candidates = make([]Candidate, len(best))
	}
	for i, h := range best {
		res.Candidates[i] = Candidate{Key: ix.keys[ix.nameRec[h.name]], Score: h.score,
			Query: q.Names[h.query], Name: ix.nameSrc[h.name]}
	}
	// Explanations, preparing each query name once.
	for qn := range names {
		prepared := false
		for i, h := range best {
			if h.query != qn {
				continue
			}
			if !prepared {
				ix.prepare(sc, &names[qn])
				prepared = true
			}
			res.Candidates[i].Explanation = ix.explain(sc, &names[qn], h)
		}
	}
	return res, nil
}

// compareHits orders hits of one record: higher score, then the lower query name, then the
// lower name id.
func compareHits(a, b hit) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	if a.query != b.query {
		return cmp.Compare(a.query, b.query)
	}
	return cmp.Compare(a.name, b.name)
}

func (ix *Index) matchIDs(ids []ID) ([]IDMatch, []Problem) {
	var out []IDMatch
	var problems []Problem
	for i, id := range ids {
		c := id.Canonical()
		if err := CheckID(id); err != nil {
			problems = append(problems, Problem{Path: fmt.Sprintf("ids[%d]", i), Value: id.String(), Err: err})
			if c.Scheme == "" || c.Value == "" || (!isGlobalScheme(c.Scheme) && c.Jurisdiction == "") {
				continue
			}
		}
		for _, r := range ix.ids[c.key()] {
			out = append(out, IDMatch{Key: ix.keys[r], ID: c})
		}
	}
	slices.SortFunc(out, func(a, b IDMatch) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.ID.key(), b.ID.key()))
	})
	return slices.CompactFunc(out, func(a, b IDMatch) bool { return a == b }), problems
}

// hit is a name of the index that scored at least the minimum against a query name.
type hit struct {
	name     int32
	query    int
	score    Score
	initials bool // the score is the initials score
}

// qtoken is a significant token of a query name.
type qtoken struct {
	text string
	pos  int    // index in Name.Tokens
	w    uint32 // weight
	p0   int    // its probes are matchScratch.probes[p0:p1]
	p1   int
}

// probe is an index token related to a query token.
type probe struct {
	tok  int32
	qi   int32 // index in matchScratch.qt
	sim  int32 // thousandths
	kind MatchKind
	comp int32 // index in matchScratch.comps, or -1 for a one-to-one relation
}

// compound pairs several tokens at once: adjacent query words written as one index word
// (a join: "aero caribbean" / "aerocaribbean"), or one query word written as several index
// words (a split: "binalshibh" / "bin al shibh"), each with similarity simCompound. Noise
// words may be parts of either, and are not index words.
type compound struct {
	qis  [3]int32 // the query tokens, qis[:nq]
	toks [3]int32 // the index words, toks[:nt], all required
	nq   int8
	nt   int8
}

// pair is a candidate pairing of query and name tokens: one to one, or a compound.
type pair struct {
	qi, cj int32 // query token index, position in the name's token list (the first, for a compound)
	sim    int32
	kind   MatchKind
	comp   int32    // index in matchScratch.comps, or -1
	cjs    [3]int32 // a split's positions in the name, cjs[:comps[comp].nt]
}

// compHit is a name token reached by a probe of a compound.
type compHit struct {
	comp, cj, tok int32
}

type matchScratch struct {
	stamp  []uint32 // name n is a candidate iff stamp[n] == gen ...
	acc    []uint64 // ... and then acc[n] is the sum of sim × w(q) over the probes that hit it
	gen    uint32
	cands  []int32
	qt     []qtoken
	units  []int32 // probes, in the order candidate generation takes them
	probes []probe
	sorted []probe  // probes sorted by token
	pgen   uint32   // generation of probeAt
	pstamp []uint32 // token t has probes iff pstamp[t] == pgen ...
	pfirst []int32  // ... starting at sorted[pfirst[t]]
	pairs  []pair
	comps  []compound
	cprobe []probe   // probes of compounds, before they join their query token's probes
	chits  []compHit // compound probes that reached the name being scored
	posQ   []int32   // query token of each position of the query name, or -1
	cbuf   []byte
	usedQ  []bool
	usedC  []bool
	hits   []hit
	inits  []int32 // names that are initials candidates
}

func (ix *Index) getScratch() *matchScratch {
	if sc, ok := ix.scratch.Get().(*matchScratch); ok {
		return sc
	}
	return &matchScratch{stamp: make([]uint32, len(ix.nameRec)), acc: make([]uint64, len(ix.nameRec)),
		pstamp: make([]uint32, len(ix.tokText)), pfirst: make([]int32, len(ix.tokText))}
}

// mark reports whether name n was not yet marked in this generation, and marks it.
func (sc *matchScratch) mark(n int32) bool {
	if sc.stamp[n] == sc.gen {
		return false
	}
	sc.stamp[n] = sc.gen
	return true
}

func (sc *matchScratch) nextGen() {
	sc.gen++
	if sc.gen == 0 {
		clear(sc.stamp)
		sc.gen = 1
	}
}

// prepare fills sc.qt, sc.probes and sc.comps for query name n.
func (ix *Index) prepare(sc *matchScratch, n *Name) {
	sc.qt, sc.probes, sc.comps, sc.cprobe = sc.qt[:0], sc.probes[:0], sc.comps[:0], sc.cprobe[:0]
	sc.posQ = slices.Grow(sc.posQ[:0], len(n.Tokens))[:len(n.Tokens)]
	for pos, t := range n.Tokens {
		sc.posQ[pos] = -1
		if t.Role != Significant {
			continue
		}
		qi := int32(len(sc.qt))
		for i, q := range sc.qt {
			if q.text == t.Text {
				qi = int32(i)
				break
			}
		}
		sc.posQ[pos] = qi
		if int(qi) == len(sc.qt) {
			sc.qt = append(sc.qt, qtoken{text: t.Text, pos: pos})
		}
	}
	ix.compounds(sc, n)
	for qi := range sc.qt {
		q := &sc.qt[qi]
		q.p0 = len(sc.probes)
		sc.probes = ix.probesFor(sc.probes, q.text, int32(qi))
		for _, p := range sc.cprobe {
			if p.qi == int32(qi) {
				sc.probes = append(sc.probes, p)
			}
		}
		q.p1 = len(sc.probes)
		seg := sc.probes[q.p0:q.p1]
		slices.SortFunc(seg, func(a, b probe) int {
			return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.tok, b.tok), cmp.Compare(a.comp, b.comp))
		})
		q.w = ix.queryWeight(q.text, seg)
	}
	sc.sorted = append(sc.sorted[:0], sc.probes...)
	slices.SortFunc(sc.sorted, func(a, b probe) int {
		return cmp.Or(cmp.Compare(a.tok, b.tok), cmp.Compare(a.qi, b.qi), cmp.Compare(a.comp, b.comp))
	})
	sc.pgen++
	if sc.pgen == 0 {
		clear(sc.pstamp)
		sc.pgen = 1
	}
	for i, p := range sc.sorted {
		if sc.pstamp[p.tok] != sc.pgen {
			sc.pstamp[p.tok], sc.pfirst[p.tok] = sc.pgen, int32(i)
		}
	}
}

// compounds finds the joins and splits of query name n (see compound) and their probes.
//
// A join is 2 or 3 adjacent words of n, made of ASCII letters, at least one significant,
// whose concatenation is an index word. A split is a significant word of n, of ASCII
// letters, that is the concatenation of 2 or 3 parts of 2 letters or more, each an index
// word or a noise word, at least one an index word.
func (ix *Index) compounds(sc *matchScratch, n *Name) {
	word := func(b []byte) (int32, bool) {
		t, ok := ix.vocab[string(b)]
		return t, ok && (len(b) == 0 || b[0] != initialsMark[0])
	}
	// Joins.
	for p := range n.Tokens {
		sc.cbuf = sc.cbuf[:0]
		var c compound
		for k := 0; k < 3 && p+k < len(n.Tokens); k++ {
			t := n.Tokens[p+k]
			if !isAlphaWord(t.Text) {
				break
			}
			sc.cbuf = append(sc.cbuf, t.Text...)
			if qi := sc.posQ[p+k]; qi >= 0 && !slices.Contains(c.qis[:c.nq], qi) {
				c.qis[c.nq] = qi
				c.nq++
			}
			if k == 0 || c.nq == 0 {
				continue
			}
			if tok, ok := word(sc.cbuf); ok {
				c.toks[0], c.nt = tok, 1
				ix.addCompound(sc, c)
			}
		}
	}
	// Splits.
	for qi, q := range sc.qt {
		s := q.text
		if len(s) < 4 || !isAlphaWord(s) {
			continue
		}
		for i := 2; i <= len(s)-2; i++ {
			for j := i; j <= len(s); j++ {
				if j != len(s) && (j-i < 2 || len(s)-j < 2) {
					continue
				}
				parts := [3]string{s[:i], s[i:j], s[j:]}
				np := 3
				if j == len(s) {
					np = 2
				}
				c := compound{nq: 1}
				c.qis[0] = int32(qi)
				ok := true
				for _, part := range parts[:np] {
					if tok, found := ix.vocab[part]; found {
						if !slices.Contains(c.toks[:c.nt], tok) {
							c.toks[c.nt] = tok
							c.nt++
						}
					} else if !noiseWords[part] {
						ok = false
						break
					}
				}
				if ok && c.nt > 0 {
					ix.addCompound(sc, c)
				}
			}
		}
	}
}

// addCompound records compound c and its probes: one per query token for a join, one per
// index word for a split.
func (ix *Index) addCompound(sc *matchScratch, c compound) {
	g := int32(len(sc.comps))
	sc.comps = append(sc.comps, c)
	for _, qi := range c.qis[:c.nq] {
		for _, tok := range c.toks[:c.nt] {
			sc.cprobe = append(sc.cprobe, probe{tok: tok, qi: qi, sim: simCompound, kind: MatchCompound, comp: g})
		}
	}
}

// queryWeight is the weight of a query token: its own if the index has it, else that of
// the most similar related index token (the lowest id among equals), else that of a token
// found in one name.
func (ix *Index) queryWeight(text string, probes []probe) uint32 {
	if t, ok := ix.vocab[text]; ok {
		return ix.tokW[t]
	}
	best := -1
	for i, p := range probes {
		if best < 0 || p.sim > probes[best].sim || (p.sim == probes[best].sim && p.tok < probes[best].tok) {
			best = i
		}
	}
	if best >= 0 {
		return ix.tokW[probes[best].tok]
	}
	return ix.maxW
}

func (ix *Index) matchName(sc *matchScratch, n *Name, qn int, minScore Score) {
	ix.prepare(sc, n)
	if len(sc.qt) == 0 {
		return
	}
	sc.nextGen()
	sc.cands = sc.cands[:0]
	// Probes are taken by what they can add to a score, sim × w(q), highest first, while
	// the probes not yet taken could still lift a name to minScore: x is the sum over query
	// tokens of w(q) × the best similarity among q's probes not yet taken, and a name that
	// only such probes reach scores at most 2x / (wq + x).
	var wq, x uint64
	sc.units = sc.units[:0]
	for i := range sc.qt {
		q := &sc.qt[i]
		wq += uint64(q.w)
		if q.p1 > q.p0 {
			x += uint64(q.w) * uint64(sc.probes[q.p0].sim)
		}
		for k := q.p0; k < q.p1; k++ {
			sc.units = append(sc.units, int32(k))
		}
	}
	slices.SortFunc(sc.units, func(a, b int32) int {
		pa, pb := &sc.probes[a], &sc.probes[b]
		va, vb := uint64(sc.qt[pa.qi].w)*uint64(pa.sim), uint64(sc.qt[pb.qi].w)*uint64(pb.sim)
		return cmp.Or(cmp.Compare(vb, va), cmp.Compare(pa.qi, pb.qi), cmp.Compare(pb.sim, pa.sim), cmp.Compare(pa.tok, pb.tok))
	})
	for _, u := range sc.units {
		if ratio(2*x, 1000*wq+x) < minScore {
			break // no name reached only by the remaining probes can reach minScore
		}
		p := &sc.probes[u]
		q := &sc.qt[p.qi]
		v := uint64(q.w) * uint64(p.sim)
		for _, nm := range ix.post[ix.postOff[p.tok]:ix.postOff[p.tok+1]] {
			if sc.mark(nm) {
				sc.cands = append(sc.cands, nm)
				sc.acc[nm] = v
			} else {
				sc.acc[nm] += v
			}
		}
		x -= uint64(q.w) * uint64(p.sim)
		if int(u)+1 < q.p1 {
			x += uint64(q.w) * uint64(sc.probes[u+1].sim)
		}
	}
	// Initials.
	sc.inits = sc.inits[:0]
	if minScore <= simInitials*10 {
		ix.initialsCandidates(sc, n)
	}
	for _, nm := range sc.cands {
		// sc.acc[nm] + x bounds Σ sim × w(q) over the name's pairs (a query token pairs once
		// but may have hit it through several probes), so the name scores at most:
		if y := sc.acc[nm] + x; ratio(2*y, 1000*wq+y) < minScore {
			continue
		}
		s := ix.scoreName(sc, nm, wq, nil)
		if s >= minScore {
			sc.hits = append(sc.hits, hit{name: nm, query: qn, score: s})
		}
	}
	for _, nm := range sc.inits {
		found := false
		for i := len(sc.hits) - 1; i >= 0 && sc.hits[i].query == qn; i-- {
			if sc.hits[i].name == nm {
				found = true
				if sc.hits[i].score < simInitials*10 {
					sc.hits[i].score, sc.hits[i].initials = simInitials*10, true
				}
				break
			}
		}
		if !found {
			if s := ix.scoreName(sc, nm, wq, nil); s >= simInitials*10 {
				sc.hits = append(sc.hits, hit{name: nm, query: qn, score: s})
			} else {
				sc.hits = append(sc.hits, hit{name: nm, query: qn, score: simInitials * 10, initials: true})
			}
		}
	}
}

// initialsCandidates appends to sc.inits the names related to query name n by initials: n
// is one ASCII word that is the initials of the name, or the name is one word that is the
// initials of n.
func (ix *Index) initialsCandidates(sc *matchScratch, n *Name) {
	add := func(nm int32) {
		if !slices.Contains(sc.inits, nm) {
			sc.inits = append(sc.inits, nm)
		}
	}
	if len(sc.qt) == 1 && isInitialsWord(sc.qt[0].text) {
		if t, ok := ix.vocab[initialsMark+sc.qt[0].text]; ok {
			for _, nm := range ix.post[ix.postOff[t]:ix.postOff[t+1]] {
				add(nm)
			}
		}
	}
	for _, in := range initialsOf(*n) {
		if in == "" {
			continue
		}
		if t, ok := ix.vocab[in]; ok {
			for _, nm := range ix.post[ix.postOff[t]:ix.postOff[t+1]] {
				if ix.nameOff[nm+1]-ix.nameOff[nm] == 1 {
					add(nm)
				}
			}
		}
	}
}

// isInitialsWord reports whether a token can be initials: 2 to 12 ASCII letters or digits.
func isInitialsWord(s string) bool { return len(s) >= 2 && len(s) <= 12 && isASCIIWord(s) }

// ratio returns num/den as a Score, rounded half up.
func ratio(num, den uint64) Score {
	if den == 0 {
		return 0
	}
	return Score((num*10000 + den/2) / den)
}

// scoreName scores index name nm against the prepared query (total weight wq). If rec is
// not nil, it receives the pairs chosen.
func (ix *Index) scoreName(sc *matchScratch, nm int32, wq uint64, rec *[]pair) Score {
	ctoks := ix.nameTok[ix.nameOff[nm]:ix.nameOff[nm+1]]
	sc.pairs, sc.chits = sc.pairs[:0], sc.chits[:0]
	for i, t := range ctoks {
		if sc.pstamp[t] != sc.pgen {
			continue
		}
		for k := int(sc.pfirst[t]); k < len(sc.sorted) && sc.sorted[k].tok == t; k++ {
			p := &sc.sorted[k]
			if p.comp < 0 {
				sc.pairs = append(sc.pairs, pair{qi: p.qi, cj: int32(i), sim: p.sim, kind: p.kind, comp: -1})
			} else {
				sc.chits = append(sc.chits, compHit{comp: p.comp, cj: int32(i), tok: t})
			}
		}
	}
	if len(sc.chits) > 0 {
		ix.compoundPairs(sc)
	}
	return ix.align(sc, nm, ctoks, wq, rec)
}

// compoundPairs turns the compound hits of a name into pairs: a compound pairs when the
// name has all its index words.
func (ix *Index) compoundPairs(sc *matchScratch) {
	h := sc.chits
	slices.SortFunc(h, func(a, b compHit) int { return cmp.Or(cmp.Compare(a.comp, b.comp), cmp.Compare(a.cj, b.cj)) })
	for i := 0; i < len(h); {
		j := i
		for j < len(h) && h[j].comp == h[i].comp {
			j++
		}
		c := &sc.comps[h[i].comp]
		p := pair{qi: c.qis[0], cj: h[i].cj, sim: simCompound, kind: MatchCompound, comp: h[i].comp}
		found := int8(0)
		for _, tok := range c.toks[:c.nt] {
			for k := i; k < j; k++ {
				if h[k].tok == tok {
					p.cjs[found] = h[k].cj
					found++
					break
				}
			}
		}
		if found == c.nt {
			sc.pairs = append(sc.pairs, p)
		}
		i = j
	}
}

// pairLess orders pairs by similarity (highest first), then query token, then position.
func pairLess(a, b pair) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	if a.qi != b.qi {
		return a.qi < b.qi
	}
	if a.cj != b.cj {
		return a.cj < b.cj
	}
	return a.comp < b.comp
}

// align pairs query and name tokens one to one, greedily by similarity (then by query
// token, then by name position), and returns the weighted Dice score.
func (ix *Index) align(sc *matchScratch, nm int32, ctoks []int32, wq uint64, rec *[]pair) Score {
	ps := sc.pairs
	// Insertion sort: a name has few pairs.
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && pairLess(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	if len(sc.usedQ) < len(sc.qt) {
		sc.usedQ = make([]bool, len(sc.qt))
	}
	if len(sc.usedC) < len(ctoks) {
		sc.usedC = make([]bool, len(ctoks))
	}
	var num, matchedW, matchedC uint64
	for _, p := range ps {
		if p.comp < 0 {
			if sc.usedQ[p.qi] || sc.usedC[p.cj] {
				continue
			}
			sc.usedQ[p.qi], sc.usedC[p.cj] = true, true
			w := uint64(sc.qt[p.qi].w)
			num += 2 * uint64(p.sim) * w
			matchedW += w
			matchedC += uint64(ix.tokW[ctoks[p.cj]])
		} else {
			c := &sc.comps[p.comp]
			qis, cjs := c.qis[:c.nq], p.cjs[:c.nt]
			free := true
			for _, qi := range qis {
				free = free && !sc.usedQ[qi]
			}
			for _, cj := range cjs {
				free = free && !sc.usedC[cj]
			}
			if !free {
				continue
			}
			for _, qi := range qis {
				sc.usedQ[qi] = true
				w := uint64(sc.qt[qi].w)
				num += 2 * uint64(p.sim) * w
				matchedW += w
			}
			for _, cj := range cjs {
				sc.usedC[cj] = true
				matchedC += uint64(ix.tokW[ctoks[cj]])
			}
		}
		if rec != nil {
			*rec = append(*rec, p)
		}
	}
	clear(sc.usedQ[:len(sc.qt)])
	clear(sc.usedC[:len(ctoks)])
	restC := uint64(ix.nameW[nm]) - matchedC
	return ratio(num, 1000*(wq+matchedW+restC))
}
