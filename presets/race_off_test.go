//go:build !race

package presets

// raceEnabled: see race_on_test.go.
const raceEnabled = false
