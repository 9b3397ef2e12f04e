package resolve

import "slices"

// Explanation says why a candidate got its score: which tokens were paired and how, which
// were left without a partner, and which were set aside as legal forms or noise. Together
// with the weights it lets a person recompute the score by hand (see [Index.Match]).
type Explanation struct {
	// Pairs are the paired tokens, in the order of the query name.
	Pairs []Pair `json:"pairs,omitempty"`
	// QueryOnly and EntryOnly are the significant tokens without a partner.
	QueryOnly []Term `json:"query_only,omitempty"`
	EntryOnly []Term `json:"entry_only,omitempty"`
	// QueryIgnored and EntryIgnored are the legal-form and noise tokens, which do not count.
	QueryIgnored []Token `json:"query_ignored,omitempty"`
	EntryIgnored []Token `json:"entry_ignored,omitempty"`
}

// Pair is query tokens paired with entry tokens: one with one, or several written as one
// ([MatchCompound]), or a word with the words whose initials it is ([MatchInitials]).
type Pair struct {
	Query      []Token   `json:"query"`
	Entry      []Token   `json:"entry"`
	Kind       MatchKind `json:"kind"`
	Similarity Score     `json:"similarity"`
	// Weight is the sum of the weights of the query tokens (of the significant ones, for
	// initials), in thousandths: each token's inverse document frequency in the index.
	Weight int `json:"weight"`
}

// Term is a token with its weight in thousandths (see [Pair]).
type Term struct {
	Token
	Weight int `json:"weight"`
}

// explain rebuilds the pairing of hit h for query name n, which sc holds prepared.
func (ix *Index) explain(sc *matchScratch, n *Name, h hit) Explanation {
	var ex Explanation
	entry, _ := Normalize(ix.nameSrc[h.name]) // indexed names are valid
	for _, t := range n.Tokens {
		if t.Role != Significant {
			ex.QueryIgnored = append(ex.QueryIgnored, t)
		}
	}
	for _, t := range entry.Tokens {
		if t.Role != Significant {
			ex.EntryIgnored = append(ex.EntryIgnored, t)
		}
	}
	ctoks := ix.nameTok[ix.nameOff[h.name]:ix.nameOff[h.name+1]]
	entryTok := func(id int32) Token {
		text := ix.tokText[id]
		for _, t := range entry.Tokens {
			if t.Role == Significant && t.Text == text {
				return t
			}
		}
		return Token{Text: text, Source: text}
	}
	if h.initials {
		ex.Pairs = []Pair{ix.initialsPair(sc, n, &entry, ctoks)}
		return ex
	}
	var chosen []pair
	var wq uint64
	for _, q := range sc.qt {
		wq += uint64(q.w)
	}
	ix.scoreName(sc, h.name, wq, &chosen)
	slices.SortFunc(chosen, func(a, b pair) int { return int(a.qi - b.qi) })
	usedQ := make([]bool, len(sc.qt))
	usedC := make([]bool, len(ctoks))
	for _, p := range chosen {
		qis, cjs := []int32{p.qi}, []int32{p.cj}
		if p.comp >= 0 {
			c := sc.comps[p.comp]
			qis, cjs = c.qis[:c.nq], p.cjs[:c.nt]
		}
		pr := Pair{Kind: p.kind, Similarity: Score(p.sim * 10)}
		for _, qi := range qis {
			usedQ[qi] = true
			pr.Query = append(pr.Query, n.Tokens[sc.qt[qi].pos])
			pr.Weight += int(sc.qt[qi].w)
		}
		for _, cj := range cjs {
			usedC[cj] = true
			pr.Entry = append(pr.Entry, entryTok(ctoks[cj]))
		}
		ex.Pairs = append(ex.Pairs, pr)
	}
	for i, q := range sc.qt {
		if !usedQ[i] {
			ex.QueryOnly = append(ex.QueryOnly, Term{Token: n.Tokens[q.pos], Weight: int(q.w)})
		}
	}
	for j, t := range ctoks {
		if !usedC[j] {
			ex.EntryOnly = append(ex.EntryOnly, Term{Token: entryTok(t), Weight: int(ix.tokW[t])})
		}
	}
	return ex
}

// initialsPair explains an initials match: the one-word query name against the entry's
// words, or the query's words against the one-word entry name.
func (ix *Index) initialsPair(sc *matchScratch, n, entry *Name, ctoks []int32) Pair {
	p := Pair{Kind: MatchInitials, Similarity: simInitials * 10}
	words := func(nm *Name, want string) []Token {
		in := initialsOf(*nm)
		var out []Token
		for _, t := range nm.Tokens {
			if t.Role == Significant || (t.Role == LegalForm && in[0] != want) {
				out = append(out, t)
			}
		}
		return out
	}
	if ein := initialsOf(*entry); len(sc.qt) == 1 && isInitialsWord(sc.qt[0].text) && slices.Contains(ein[:], sc.qt[0].text) {
		p.Query = []Token{n.Tokens[sc.qt[0].pos]}
		p.Entry = words(entry, sc.qt[0].text)
		p.Weight = int(sc.qt[0].w)
		return p
	}
	// The entry is one word: the initials of the query name.
	word := ix.tokText[ctoks[0]]
	p.Query = words(n, word)
	for _, t := range entry.Tokens {
		if t.Role == Significant {
			p.Entry = append(p.Entry, t)
		}
	}
	for _, q := range sc.qt {
		p.Weight += int(q.w)
	}
	return p
}
