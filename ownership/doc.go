// Package ownership decides whether an entity is owned or controlled by a set of restricted
// parties, on a graph of stakes and control facts, and shows the arithmetic.
//
// # The graph
//
// A [Builder] collects entities (string ids, interned to dense [ID]s), [Stake]s (owner,
// owned, a share exact or as a [Range], a [Measure], an optional joint group, a validity
// [Interval]) and [Control] facts (controller, controlled, a [Basis], validity). Build
// validates everything at once and returns an immutable [Graph]: stakes sorted by owned
// entity in flat arrays (compressed sparse rows, each stake naming where its owner's own
// stakes start), safe for concurrent use. Shares are exact fixed point ([Percent],
// millionths of a percent): 50 is 50. A branch (EntityInfo.BranchOf) is the same legal
// person as its ultimate parent: every stake or control naming it means the parent.
//
// # Rules
//
// A [Rule] is a threshold (inclusive or not), a [Method], aggregation or per holder, what
// each control [Basis] does, an optional review_at, and how to treat what the facts leave
// open ([Unknown]). The roots (restricted parties) are given by the caller as [Roots].
// Only stakes and controls in effect at the question's date exist. ⋈ below is >= when the
// rule is inclusive, else >.
//
//   - [Direct]: e is restricted iff e is a root or the roots' own stakes in e sum ⋈ the
//     threshold.
//   - [FlowThrough] (OFAC, BIS): the stakes of restricted owners sum ⋈ the threshold. A
//     restricted intermediate passes its whole stake on; an unrestricted one passes nothing.
//   - [Multiplicative] (effective ownership): eff(e) = Σ share(o, e) × (1 if o is a root
//     else eff(o)); cycles of cross-holdings make this a linear system, which is solved.
//   - [Compare]: both of the above; where they disagree the answer is [MethodDependent].
//
// Every method takes the least fixed point, so a cycle never restricts itself: restriction
// must trace back to a root. With PerHolder (the case file's aggregate: false) the method
// runs for each root on its own and the answer is the strongest single holder's. A holder
// holds its own stakes and those of every entity that passes its stakes whole for it
// (under flow-through one it restricts, since it then holds that entity's shares; under
// every method one it controls, such as a rights_of_another party); holding any stake of a
// joint group, it holds every stake of the group. So a root that controls or holds a member
// of a joint arrangement holds the whole arrangement. Under multiplicative, a subsidiary's
// stakes reach the holder only weighted by its effective share, so they do not make it hold
// the subsidiary's groups. A control whose basis the rule maps to
// [ControlDeny] makes the controlled entity restricted when its controller is (and, under
// direct and multiplicative, treats it like a root from then on); [ControlReview] makes it
// possibly restricted.
//
// # Bounds and evidence
//
// Ranges and undisclosed remainders ([Partial] disclosure: the shares nobody is listed for
// may be held by restricted parties) give each answer a lower bound (the least restricted
// share consistent with the facts) and an upper bound (the greatest, never letting an
// entity's holdings exceed 100). Definitely restricted is [Restricted]; not even possibly
// restricted is [Clear]; otherwise [Indeterminate], and the [Result] names the ranges,
// remainders, owners and controls that would settle it. A definite share at or above
// review_at gives [Significant]. Every [Result] carries the terms of the sum, the paths from
// the roots (largest first, at most [MaxPaths]) and the roots involved.
//
// # Cost
//
// [Graph.Query] builds a view of the subject's ancestors only (the owners of its owners…),
// orders its strongly connected components without recursion and runs two fixed points
// (the upper one is a copy of the lower when nothing in the view can separate them),
// so its cost depends on the ancestors, not on the graph; chains a million deep work.
// [Graph.QueryInto] answers into a caller's [Result] and reuses its memory, for callers
// that copy out what they need and ask many questions. A caller whose roots stay the same
// computes their [Reach] once ([Graph.Reach] or, refined for a rule, [Graph.ReachFor];
// O(V + E)) and passes it with them ([Screened]). A subject that no root and no
// undisclosed remainder can reach is then answered clear from one bit, without reading
// its ancestors (unless a share of 0 meets the rule). For the others, the query does not
// climb above ancestors outside the Reach, nor, under a direct or flow-through rule that
// aggregates, given a Reach from [Graph.ReachFor], above owners that can never be
// restricted. A caller that is asked by id string finds the entity in a [NameIndex]
// (O(1), 40 bytes per entity) and answers with [Graph.QueryFrom], which, for an id of up
// to [NameHinted] bytes that is not a branch, begins from what the index found and reads
// the subject's stakes one cache miss sooner.
// [Graph.Classify] answers every entity in one pass over the graph. Direct and flow-through
// shares are integer sums compared exactly; multiplicative shares are floating point,
// compared with the threshold to within 10⁻⁹ percentage points.
package ownership
