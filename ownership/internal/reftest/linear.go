package reftest

import (
	"fmt"
	"math/big"
)

// leastSolution returns the least nonnegative x with x = A·x + b, exactly.
//
// A is n×n (nil entries are 0), nonnegative, and every row satisfies
// Σ_j A[i][j] + b[i]/100 <= 1 (the stakes into an entity sum to at most 100%); b >= 0.
// Then the least solution is the sum of the series Σ_k A^k b, and:
//
//   - an entity that cannot reach (along A[i][j] > 0) any entity with b > 0 gets 0: the
//     series never brings it anything (a closed cycle with no inflow makes itself nothing);
//   - on the others, T, every row reaches a row with b > 0, whose A-row sum is < 1, so
//     I − A_TT is nonsingular (its spectral radius is < 1) and its unique solution is the
//     sum of the series.
//
// So: find T by a reverse search, then solve (I − A_TT)·x_T = b_T by Gauss–Jordan
// elimination on big.Rat.
func leastSolution(A [][]*big.Rat, b []*big.Rat) []*big.Rat {
	n := len(b)
	x := make([]*big.Rat, n)
	for i := range x {
		x[i] = new(big.Rat)
	}
	// T: entities from which some b > 0 is reachable.
	inT := make([]bool, n)
	for i := range n {
		if b[i].Sign() > 0 {
			inT[i] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range n {
			if inT[i] {
				continue
			}
			for j := range n {
				if A[i][j] != nil && A[i][j].Sign() > 0 && inT[j] {
					inT[i] = true
					changed = true
					break
				}
			}
		}
	}
	var idx []int
	for i := range n {
		if inT[i] {
			idx = append(idx, i)
		}
	}
	m := len(idx)
	if m == 0 {
		return x
	}
	// Augmented matrix M = [I − A_TT | b_T].
	M := make([][]*big.Rat, m)
	for r, i := range idx {
		M[r] = make([]*big.Rat, m+1)
		for c, j := range idx {
			v := new(big.Rat)
			if A[i][j] != nil {
				v.Neg(A[i][j])
			}
			if r == c {
				v.Add(v, big.NewRat(1, 1))
			}
			M[r][c] = v
		}
		M[r][m] = new(big.Rat).Set(b[i])
	}
	for col := range m {
		piv := -1
		for r := col; r < m; r++ {
			if M[r][col].Sign() != 0 {
				piv = r
				break
			}
		}
		if piv < 0 {
			// Cannot happen for inputs that meet the precondition (see above).
			panic(fmt.Sprintf("reftest: singular system at column %d", col))
		}
		M[col], M[piv] = M[piv], M[col]
		inv := new(big.Rat).Inv(M[col][col])
		for c := col; c <= m; c++ {
			M[col][c].Mul(M[col][c], inv)
		}
		for r := range m {
			if r == col || M[r][col].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(M[r][col])
			for c := col; c <= m; c++ {
				M[r][c].Sub(M[r][c], new(big.Rat).Mul(f, M[col][c]))
			}
		}
	}
	for r, i := range idx {
		x[i].Set(M[r][m])
	}
	return x
}
