//go:build race

package main

// raceEnabled: the tests run under the race detector, which slows a
// training loop five- to tenfold; a test that trains thousands of epochs
// only to compare their printed lines leaves that to the runs without it
// (.ci/run runs it there).
const raceEnabled = true
