// Package locale stops Fyne logging "Error parsing user locale C" on every
// run where the environment's locale is C or POSIX (the default in many
// Debian installs and containers), which would clutter the command line's
// one-sentence errors. Fyne reads the locale while its packages start, so
// this must run first: main imports it, and Go starts a package whose
// imports are ready before later-sorted ones such as text/template, which
// Fyne's lang package waits for.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if isPlain(v) {
			// British English is the product's language; only the
			// messages' locale is touched.
			_ = os.Unsetenv("LC_ALL")
			_ = os.Setenv("LC_MESSAGES", "en_GB.UTF-8")
		}
		return
	}
}

// isPlain reports whether v names the C or POSIX locale.
func isPlain(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}
