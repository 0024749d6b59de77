//go:build !race

package main

import "time"

// raceEnabled: see race_on_test.go.
const raceEnabled = false

// hangGuard: see race_on_test.go.
const hangGuard = 3 * time.Minute
