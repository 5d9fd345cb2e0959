package cli

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParseArgs feeds the command line parser arbitrary arguments: it must
// never panic, and every refusal must be a usage error (exit code 2) whose
// message is one line.
func FuzzParseArgs(f *testing.F) {
	for _, seed := range []string{
		"", "--help", "--version", "--db\x00x.db\x00list", "list\x00--json", "show\x003\x00--json",
		"shade\x001\x00Reporting\x00shaded", "note\x001\x00P\x00text", "new\x00--title=T\x00--cop\x00C",
		"export\x001\x00--out\x00m.pdf\x00--names\x00--paper\x00letter", "cover\x001\x00--purpose",
		"--db", "-", "--", "show\x00--\x00-3", "help\x00shade", "agree\x001\x00M\x00--off=false",
		"list\x00--limit\x00-1", "participants\x001\x00lay_rep\x002\x00Siân", "--db=\x00framework",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		var args []string
		if joined != "" {
			args = strings.Split(joined, "\x00")
		}
		inv, err := parseArgs(args, func(string) string { return "" })
		if err != nil {
			var ue *usageError
			if !errors.As(err, &ue) {
				t.Fatalf("parseArgs(%q) returned a non-usage error %T: %v", args, err, err)
			}
			if strings.Contains(err.Error(), "\n") && !strings.ContainsAny(joined, "\n") {
				t.Fatalf("message is more than one line: %q", err.Error())
			}
			return
		}
		if inv.cmd != nil && !inv.help {
			if len(inv.pos) < inv.cmd.nargs[0] {
				t.Fatalf("%s accepted %d arguments, fewer than %d", inv.cmd.name, len(inv.pos), inv.cmd.nargs[0])
			}
		}
	})
}
