//go:build race

package ownership

// raceEnabled scales down slow property tests under the race detector.
const raceEnabled = true
