// Package reftest is a slow, obviously correct reference implementation of eligo's
// ownership semantics (DESIGN.md, "Ownership semantics" and "Precise readings"). It exists
// only so that tests of the fast implementation in package ownership, and of eligibility,
// can compare answers with it; it depends on the standard library alone and does every
// computation exactly with [math/big.Rat].
//
// # Model
//
// A [World] is a flat list of entities (numbered 0..n-1, branches already folded into their
// ultimate parents by the caller), stakes and control facts, each with an optional validity
// interval in day numbers. The caller decides which entities are restricted roots at the
// evaluation date and passes them as a []bool. [Evaluate] applies one [Rule] to one subject at
// one date and returns a [Result].
//
// # Method
//
// Everything is computed on the whole graph, by brute force:
//
//   - flow_through and direct: iterate from the roots (plus the holder's joint-group stakes)
//     upwards until nothing changes: the least fixed point;
//   - multiplicative: the effective shares are the least nonnegative solution of a linear
//     system, found by exact Gaussian elimination after removing the entities that cannot
//     reach any restricted source (closed cycles with no inflow get 0); the upper bound, whose
//     greedy allocation of spare capacity depends on the solution, is found by policy
//     iteration (fix the allocation, solve, re-allocate greedily, switch only on a strict
//     improvement, repeat until stable), which yields the greatest share consistent with the
//     facts;
//   - each run is done twice: on lower bounds (definitely restricted) and on upper bounds
//     (possibly restricted), and under aggregate=false once per holder.
//
// The doc comment of [Evaluate] lists every reading chosen where DESIGN.md could be read two
// ways. Complexity is irrelevant here (worlds have at most a few dozen entities); the code
// favours being checkable by hand over speed.
package reftest
