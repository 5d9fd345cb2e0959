package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ppei-iceberg/iceberg/export"
)

// usageError is a mistake in how a command was typed: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// command is one subcommand of iceberg.
type command struct {
	name    string
	args    string // positional arguments, for help; a first argument ID is a session id, read into call.sid before run
	summary string
	flags   func(fs *flag.FlagSet) // declares the command's flags
	nargs   [2]int                 // fewest and most positional arguments; -1 for any
	needsDB bool
	run     func(c *call) error
}

// takesSession reports whether the command's first argument is a session id.
func (c *command) takesSession() bool { return c.args == "ID" || strings.HasPrefix(c.args, "ID ") }

// parse reads flags wherever they stand among the positional arguments,
// so "show 3 --json" and "show --json 3" both work.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || isNumber(a) {
			pos = append(pos, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, value, hasValue = name[:k], name[k+1:], true
		}
		f := fs.Lookup(name)
		if f == nil {
			if name == "h" || name == "help" {
				return nil, flag.ErrHelp
			}
			return nil, usagef("%s does not know the option --%s", fs.Name(), name)
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return nil, usagef("the option --%s needs a value", name)
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			return nil, usagef("the option --%s cannot be %q: %v", name, value, err)
		}
	}
	return pos, nil
}

func isNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// printHelp writes a command's help.
func printHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: iceberg [--db PATH] %s", c.name)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	if c.flags != nil {
		c.flags(fs)
	}
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, " [options]")
	}
	if c.args != "" {
		fmt.Fprintf(w, " %s", c.args)
	}
	fmt.Fprintf(w, "\n\n%s\n", c.summary)
	if hasFlags {
		fmt.Fprintln(w, "\nOptions:")
		fs.VisitAll(func(f *flag.Flag) {
			arg, usage := flag.UnquoteUsage(f)
			if arg != "" {
				arg = " " + arg
			}
			fmt.Fprintf(w, "  --%s%s\n      %s\n", f.Name, arg, usage)
		})
	}
}

// paperOption reads --paper: one of the paper sizes the PDFs are made in.
func paperOption(fs *flag.FlagSet) (string, error) {
	paper := strings.ToLower(strings.TrimSpace(str(fs, "paper")))
	if !slices.Contains(export.Papers, paper) {
		return "", usagef("the paper must be %s, not %q", strings.Join(export.Papers, " or "), paper)
	}
	return paper, nil
}
