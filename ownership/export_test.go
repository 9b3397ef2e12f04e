package ownership

// ViewShape exposes, for external tests and benchmarks, the size of the view a query builds
// and its largest strongly connected component.
func ViewShape(g *Graph, rule *Rule, roots Roots, subject ID, at Date) (nodes, edges, maxSCC int) {
	s := g.getScratch()
	defer g.putScratch(s)
	v := &s.v
	v.buildSubject(g, g.Canonical(subject), at, rule, roots, nil, nil)
	v.order()
	for c := 0; c+1 < len(v.sccStart); c++ {
		maxSCC = max(maxSCC, int(v.sccStart[c+1]-v.sccStart[c]))
	}
	return v.n(), len(v.edges), maxSCC
}
