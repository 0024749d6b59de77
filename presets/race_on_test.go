//go:build race

package presets

// raceEnabled: the tests run under the race detector, which slows
// training some tenfold, so the long training tests train less.
const raceEnabled = true
