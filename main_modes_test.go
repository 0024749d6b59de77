package main

import (
	"strings"
	"testing"
)

// TestOverlappingModesCollapsedReadsOneCovered: mixture(0,1;2,1)'s modes
// are 2σ apart, their 3σ windows overlapping; blog-original's G, two
// epochs in, sits at 0 ± 0.13, on the mode at 0 alone. Each sample counts
// toward its nearest mode only, so the final line reads one mode of two,
// where counted by window the samples near 0 covered both, modes=2/2
// mode_share=1.000,1.000.
func TestOverlappingModesCollapsedReadsOneCovered(t *testing.T) {
	code, stdout, stderr := runCLI(t, "--headless", "--set", "target=mixture(0,1;2,1)", "--epochs", "2")
	final := stdout[strings.LastIndex("\n"+stdout, "\nfinal "):]
	if code != 0 || !strings.Contains(final, " modes=1/2 mode_share=1.000,0.000 ") {
		t.Errorf("exit %d, stderr %q, final line %q: want modes=1/2 mode_share=1.000,0.000", code, stderr, final)
	}
}
