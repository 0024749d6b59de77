//go:build race

package tui

// raceEnabled: the tests run under the race detector, which slows a
// training loop five- to tenfold; a test that trains thousands of epochs
// only to compare one frame leaves that to the runs without it.
const raceEnabled = true
