// Package shellword writes a word of a command line that ganui prints for
// a user to run (a run's command again, a flag an error says was meant)
// so that a POSIX shell reads it back as that one word.
package shellword

import "strings"

// Quote quotes w in single quotes, each single quote in it written '\”,
// unless it needs none: a word of letters, digits and _.,:+=/- alone is
// written as it is, as a shell reads it (ring, run.json, g_lr=1e-3), and
// any other, a file's name with a space or a *, is quoted ('my run.json').
func Quote(w string) string {
	if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,:+=/-") == "" {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}
