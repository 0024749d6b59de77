//go:build race

package engine

// raceEnabled: the tests run under the race detector, which makes every
// atomic read of the helper's spin some hundred times slower.
const raceEnabled = true
