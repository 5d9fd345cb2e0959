package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// Where the database is, and whether it may be opened for changes there:
// never in a network or synced folder (see package place).

// placeFacts gives the system's facts for place.Check; tests give their own.
var placeFacts = place.System

// readOnlyCommands only read the database, so they may read a file in a
// network or synced folder, through a copy taken when they start.
var readOnlyCommands = map[string]bool{
	"list": true, "show": true, "export": true, "export-json": true, "export-csv": true, "compare": true, "privacy": true,
}

func init() {
	commands = append(commands, command{
		name: "copy-local", args: "[FILE]",
		summary: "Copy a sessions file, for example one on a network drive or in OneDrive, to this computer's local folder, check the copy, and print where it is.\n" +
			"FILE defaults to the file --db or $" + EnvDB + " names. The original is left as it is; use the copy with --db.",
		nargs: [2]int{0, 1},
		flags: func(fs *flag.FlagSet) {
			fs.String("to", "", "the `folder` to copy into (default: the local folder the app keeps its sessions in)")
		},
		run: runCopyLocal,
	})
}

// databaseFor is the file a run uses: the one named, or the default, after
// moving the old default's file to the local folder when there is one.
// notice says what the move did, or why it failed (the old file is then
// intact and used where it is); it is also said on Stderr.
func databaseFor(ctx context.Context, env Env, named string) (path, notice string, err error) {
	if named != "" {
		return named, "", nil
	}
	loc, err := sqlite.DefaultLocation(ctx)
	if err != nil {
		return "", "", err
	}
	switch {
	case loc.Moved != nil:
		notice = loc.Moved.Message()
	case loc.MoveErr != nil:
		notice = fmt.Sprintf("The sessions file could not be moved to this computer's local folder, so it is used where it is, at %s (%s).",
			loc.Path, strings.TrimRight(sentence(loc.MoveErr), "."))
	}
	if notice != "" {
		fmt.Fprintf(env.Stderr, "iceberg: %s\n", notice)
	}
	return loc.Path, notice, nil
}

func checkPlace(path string) error { return sqlite.CheckPlace(path, placeFacts()) }

// openFor opens the database for command cmd. In a network or synced
// folder, a command that only reads is given a read-only copy (and told
// so on Stderr); any other is refused with what to do instead.
func openFor(ctx context.Context, env Env, cmd *command, named string) (*sqlite.Store, error) {
	path, _, err := databaseFor(ctx, env, named)
	if err != nil {
		return nil, err
	}
	if err := checkPlace(path); err != nil {
		prob, _ := place.IsProblem(err)
		if !readOnlyCommands[cmd.name] {
			return nil, data.Errorf(data.EBadFile, "The sessions file %s is %s, and %s, so it was not opened for changes: run “iceberg --db %s copy-local” to copy it to this computer and use the copy, or read it with list, show or export",
				prob.Path, prob.Where, prob.Why(), quoteArg(path))
		}
		fmt.Fprintf(env.Stderr, "iceberg: %s is %s, so it is read from a copy taken now and nothing in it can be changed.\n", prob.Path, prob.Where)
		return sqlite.OpenReadOnly(ctx, path)
	}
	return sqlite.Open(ctx, path)
}

// quoteArg quotes a path for the command line when it needs it.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"&()[]{};$`!*?<>|") {
		return s
	}
	return `"` + s + `"`
}

func runCopyLocal(c *call) error {
	src := c.dbPath
	if len(c.args) == 1 {
		src = c.args[0]
	}
	if src == "" {
		return usagef("copy-local needs the file to copy: iceberg copy-local FILE, or --db FILE")
	}
	dir := str(c.fs, "to")
	if dir == "" {
		def, err := place.DefaultPath(placeFacts())
		if err != nil {
			return fmt.Errorf("find the local folder: %w", err)
		}
		dir = filepath.Dir(def)
	}
	if err := checkPlace(filepath.Join(dir, "iceberg.db")); err != nil {
		prob, _ := place.IsProblem(err)
		return data.Errorf(data.EBadFile, "The folder %s is %s too, so a copy there would be no safer: choose a folder on this computer's own disk with --to", dir, prob.Where)
	}
	dst, err := sqlite.CopyTo(c.ctx, src, dir)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out(), dst)
	fmt.Fprintf(c.env.Stderr, "iceberg: Copied %s to %s and checked the copy; the original is left as it is. Use the copy with: iceberg --db %s\n", src, dst, quoteArg(dst))
	return nil
}
