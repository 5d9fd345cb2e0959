// Package cli is PPEI Iceberg's command line: the same iceberg binary run
// with a subcommand, for scripts, tests and machines with no display.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	_ "github.com/ppei-iceberg/iceberg/app/fonts" // the PDF's fonts: Fyne's own copy
	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
	"github.com/ppei-iceberg/iceberg/export"
)

// Env is what the command line needs from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Version is printed by --version.
	Version string
	// OpenWindow opens the app's window on a store; nil where there is no UI.
	// When the database file cannot be used (a *data.Error with code
	// EBadFile), store is nil and openErr says why: the window then offers
	// the ways on (open another file, restore a backup, start afresh).
	// notice, when not empty, is to be said once in the window (the move
	// from the old default folder).
	OpenWindow func(store data.Store, dbPath string, openErr error, notice string) error
}

// EnvDB is the environment variable that names the database file.
const EnvDB = "ICEBERG_DB"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// call is one run of a command.
type call struct {
	ctx    context.Context
	env    Env
	fs     *flag.FlagSet
	args   []string
	dbPath string // as --db or $ICEBERG_DB named it; "" for the default
	store  *sqlite.Store
	fw     *data.Framework
	sid    int64 // the session named first, for a command whose arguments begin with ID
}

func (c *call) out() io.Writer { return c.env.Stdout }

// Main runs iceberg with args (without the program name) and returns the
// exit code. Errors go to Stderr as one plain sentence.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	// Unfinished files of an export that was killed (they may hold names).
	if n := export.CleanPending(); n > 0 {
		fmt.Fprintf(env.Stderr, "iceberg: removed %d unfinished export file(s) left by an earlier run that was stopped.\n", n)
	}
	code, err := run(context.Background(), args, env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "iceberg: %s\n", sentence(err))
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(env.Stderr, "Run “iceberg --help” for the commands, or “iceberg COMMAND --help” for one.")
			return exitUsage
		}
		if code == exitOK {
			code = exitError
		}
	}
	return code
}

// sentence is what the user is told about err.
func sentence(err error) string {
	var de *data.Error
	if errors.As(err, &de) {
		msg := strings.TrimRight(de.Message, ".")
		if de.Code == data.EInternal && de.Err != nil {
			msg += " (" + de.Err.Error() + ")"
		}
		return msg + "."
	}
	msg := err.Error()
	first, _, _ := strings.Cut(msg, " ")
	// A sentence starts with a capital, but a file name keeps its own case.
	if r, n := utf8.DecodeRuneInString(msg); n > 0 && !strings.ContainsAny(first, `./\:`) {
		msg = string(unicode.ToUpper(r)) + msg[n:]
	}
	if msg != "" && !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// invocation is a parsed command line.
type invocation struct {
	dbPath  string
	version bool
	help    bool     // print help: for helpFor, or the main help
	helpFor *command // nil for the main help
	cmd     *command // nil to open the window
	fs      *flag.FlagSet
	pos     []string
}

// parseArgs reads a command line without acting on it. Every error is a
// *usageError: a mistake in what was typed.
func parseArgs(args []string, getenv func(string) string) (*invocation, error) {
	inv := &invocation{}
	// Global options come before the command.
	var i int
	for i = 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		name, value, hasValue := strings.TrimLeft(a, "-"), "", false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, value, hasValue = name[:k], name[k+1:], true
		}
		switch name {
		case "db":
			if !hasValue {
				if i+1 >= len(args) {
					return nil, usagef("the option --db needs a file")
				}
				i++
				value = args[i]
			}
			if strings.TrimSpace(value) == "" {
				return nil, usagef("the option --db was given an empty file name: name the database file, or leave --db out to use the default")
			}
			inv.dbPath = value
		case "version":
			inv.version = true
		case "help", "h":
			inv.help = true
		default:
			return nil, usagef("unknown option %s", a)
		}
	}
	rest := args[i:]
	if inv.version {
		return inv, nil
	}
	if len(rest) > 0 && rest[0] == "help" {
		inv.help, rest = true, rest[1:]
		if len(rest) > 0 {
			inv.helpFor = findCommand(rest[0])
		}
	}
	if inv.help {
		return inv, nil
	}
	if inv.dbPath == "" && getenv != nil {
		inv.dbPath = getenv(EnvDB)
	}
	if len(rest) == 0 {
		return inv, nil
	}
	inv.cmd = findCommand(rest[0])
	if inv.cmd == nil {
		return nil, usagef("there is no command %q", rest[0])
	}
	inv.fs = flag.NewFlagSet(inv.cmd.name, flag.ContinueOnError)
	inv.fs.SetOutput(io.Discard)
	if inv.cmd.flags != nil {
		inv.cmd.flags(inv.fs)
	}
	inv.fs.StringVar(&inv.dbPath, "db", inv.dbPath, "the database `file`")
	pos, err := parse(inv.fs, rest[1:])
	inv.fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" && strings.TrimSpace(f.Value.String()) == "" && err == nil {
			err = usagef("the option --db was given an empty file name: name the database file, or leave --db out to use the default")
		}
	})
	if errors.Is(err, flag.ErrHelp) {
		inv.help, inv.helpFor = true, inv.cmd
		return inv, nil
	}
	if err != nil {
		return nil, err
	}
	if len(pos) < inv.cmd.nargs[0] || (inv.cmd.nargs[1] >= 0 && len(pos) > inv.cmd.nargs[1]) {
		if inv.cmd.args == "" {
			return nil, usagef("the command %s takes no arguments, but was given %q", inv.cmd.name, strings.Join(pos, " "))
		}
		return nil, usagef("the command %s expects %s", inv.cmd.name, strings.TrimSpace(inv.cmd.args+" "))
	}
	inv.pos = pos
	return inv, nil
}

func run(ctx context.Context, args []string, env Env) (int, error) {
	inv, err := parseArgs(args, env.Getenv)
	if err != nil {
		return exitUsage, err
	}
	switch {
	case inv.version:
		fmt.Fprintln(env.Stdout, env.Version)
		return exitOK, nil
	case inv.help && inv.helpFor != nil:
		printHelp(env.Stdout, inv.helpFor)
		return exitOK, nil
	case inv.help:
		mainHelp(env.Stdout)
		return exitOK, nil
	case inv.cmd == nil:
		if env.OpenWindow == nil {
			mainHelp(env.Stdout)
			return exitOK, nil
		}
		path, notice, err := databaseFor(ctx, env, inv.dbPath)
		if err != nil {
			return exitError, err
		}
		if err := checkPlace(path); err != nil {
			return exitOK, env.OpenWindow(nil, path, err, notice)
		}
		store, err := sqlite.Open(ctx, path)
		if err != nil {
			if data.ErrorCode(err) != data.EBadFile {
				return exitError, err
			}
			return exitOK, env.OpenWindow(nil, path, err, notice)
		}
		defer store.Close()
		tellNotices(env, store)
		return exitOK, env.OpenWindow(store, store.Path(), nil, notice)
	}
	c := &call{ctx: ctx, env: env, fs: inv.fs, args: inv.pos, dbPath: inv.dbPath, fw: data.DefaultFramework()}
	if inv.cmd.needsDB {
		c.store, err = openFor(ctx, env, inv.cmd, inv.dbPath)
		if err != nil {
			return exitError, err
		}
		defer c.store.Close()
		tellNotices(env, c.store)
		c.fw = c.store.Framework()
		c.reportSplit()
	}
	if inv.cmd.takesSession() {
		if c.sid, err = c.id(0); err != nil {
			return exitUsage, err
		}
	}
	if err := inv.cmd.run(c); err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			return exitUsage, err
		}
		return exitError, err
	}
	return exitOK, nil
}

// tellNotices says once what opening the database changed (its
// permissions were narrowed, say), on standard error.
func tellNotices(env Env, store *sqlite.Store) {
	for _, n := range store.Notices {
		fmt.Fprintf(env.Stderr, "iceberg: %s\n", n)
	}
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func mainHelp(w io.Writer) {
	fmt.Fprint(w, `PPEI Iceberg: map a group's practice of patient and public engagement and
involvement (PPEI), and print the iceberg map for a board paper. Shaded means
found in this group's practice, partly means found in part, and not shaded
means not found in this group's practice.

Usage:
  iceberg                      open the window
  iceberg [--db FILE] COMMAND [options] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, firstLine(c.summary))
	}
	fmt.Fprintf(w, `
Global options:
  --db FILE     the database file (also $%s; default iceberg.db in this computer's
                local app data folder)
  --version     print the version
  --help        print this help; "iceberg COMMAND --help" explains one command

A database on a network drive or in a folder OneDrive or SharePoint keeps in sync is
not opened for changes: "iceberg copy-local" copies it to this computer, and list,
show and the exports read it through a copy.
`, EnvDB)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// sessionID reads a session id argument.
func sessionID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a session id: ids are whole numbers, as “iceberg list” shows", s)
	}
	return id, nil
}

func (c *call) id(n int) (int64, error) { return sessionID(c.args[n]) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// frameworkJSON is the shape scripts rely on for "framework --json".
func frameworkJSON(fw *data.Framework) any {
	type word struct {
		ID    string `json:"id"`
		Label string `json:"label"`
	}
	type quote struct {
		Text     string `json:"text"`
		Speaker  string `json:"speaker"`
		Role     string `json:"role"`
		Citation string `json:"citation"`
	}
	type element struct {
		Code       string        `json:"code"`
		Name       string        `json:"name"`
		Definition string        `json:"definition"`
		Plain      string        `json:"plain"`
		Words      []word        `json:"words"`
		Prompts    []data.Prompt `json:"prompts"`
		Quotes     []quote       `json:"quotes"`
	}
	out := struct {
		ID       string         `json:"id"`
		Version  string         `json:"version"`
		Title    string         `json:"title"`
		Source   data.Source    `json:"source"`
		Elements []element      `json:"elements"`
		Bundles  []data.Bundle  `json:"bundles"`
		General  []data.Finding `json:"general_findings"`
	}{ID: fw.ID, Version: fw.Version, Title: fw.Title, Source: fw.Source, Bundles: fw.Bundles, General: fw.GeneralFindings}
	for _, e := range fw.Elements {
		el := element{Code: e.Code, Name: e.Name, Definition: e.Definition, Plain: e.Plain, Prompts: e.Prompts, Words: []word{}, Quotes: []quote{}}
		for _, w := range e.Words {
			el.Words = append(el.Words, word{w.ID, w.Label})
		}
		for _, q := range fw.QuotesFor(e.Code) {
			el.Quotes = append(el.Quotes, quote{q.Text, q.Speaker, q.Role, q.Citation})
		}
		out.Elements = append(out.Elements, el)
	}
	return out
}

// sessionJSON is the shape scripts rely on for "show --json".
func sessionJSON(r *data.Record) any {
	type word struct {
		ID    string `json:"id"`
		Level string `json:"level"`
		Note  string `json:"note"`
		Tally *int   `json:"tally,omitempty"`
	}
	type element struct {
		Code     string `json:"code"`
		Notes    string `json:"notes"`
		Minutes  int    `json:"minutes"`
		Seconds  int    `json:"seconds"`
		Agreed   bool   `json:"agreed"`
		AgreedAt string `json:"agreed_at,omitempty"`
	}
	out := struct {
		data.Session
		Words    []word        `json:"words"`
		Elements []element     `json:"elements"`
		Actions  []data.Action `json:"actions"`
	}{Session: r.Session, Actions: r.Actions}
	if out.Actions == nil {
		out.Actions = []data.Action{}
	}
	if out.Participants == nil {
		out.Participants = []data.Participants{}
	}
	for _, w := range r.Words {
		out.Words = append(out.Words, word{w.WordID, w.Level.String(), w.Note, w.Tally})
	}
	for _, e := range r.Elements {
		el := element{Code: e.Code, Notes: e.Notes, Minutes: e.Minutes(), Seconds: e.Seconds, Agreed: e.Agreed()}
		if e.AgreedAt != nil {
			el.AgreedAt = e.AgreedAt.UTC().Format("2006-01-02T15:04:05Z07:00")
		}
		out.Elements = append(out.Elements, el)
	}
	return out
}

// sortedRoles lists the role ids alphabetically, for help text.
func sortedRoles() []string {
	var out []string
	for _, r := range data.Roles {
		out = append(out, string(r))
	}
	sort.Strings(out)
	return out
}
