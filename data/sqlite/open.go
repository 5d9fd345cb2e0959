// Package sqlite keeps PPEI Iceberg sessions in one SQLite file, through
// mattn/go-sqlite3. Every change is committed before a method returns, with
// synchronous=FULL so a change the room saw survives a power cut.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
)

// ApplicationID marks a database as PPEI Iceberg's ("PPEI").
const ApplicationID = 0x50504549

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps in order; migrations[i] moves the file
// from user_version i to i+1.
var migrations = loadMigrations()

// migrationSteps are the parts of a migration written in Go, run after its
// SQL in the same transaction.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	4: splitPeople,
}

// SchemaVersion is the user_version this build writes.
var SchemaVersion = len(migrations)

func loadMigrations() []string {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err) // embedded at build time
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	out := make([]string, 0, len(names))
	for i, n := range names {
		if !strings.HasPrefix(n, fmt.Sprintf("%03d_", i+1)) {
			panic("migration files must be numbered 001_, 002_, …: " + n)
		}
		b, _ := migrationFiles.ReadFile("migrations/" + n)
		out = append(out, string(b))
	}
	return out
}

// Store is a data.Store on one SQLite file.
type Store struct {
	db   *sql.DB
	fw   *data.Framework
	path string

	// Now gives the time stamped on changes; tests replace it.
	Now func() time.Time

	// BackupPath is the copy taken before the last migration, if any.
	BackupPath string

	ro *readOnlyCopy // set by OpenReadOnly

	// Notices are what opening the file changed that the user should be
	// told once, in a sentence each (its permissions were narrowed, say).
	Notices []string
}

var _ data.Store = (*Store)(nil)

// DefaultPath is the database's default file, on the computer's own disk
// (place.DefaultPath); its folder is made (0700) when missing.
func DefaultPath() (string, error) {
	path, err := place.DefaultPath(place.System())
	if err != nil {
		return "", fmt.Errorf("default database: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot make the folder %s for the database", dir), Err: err}
	}
	return path, nil
}

// dsn builds a connection string that carries every setting, so each
// pooled connection has them (a PRAGMA run once applies to one only).
func dsn(path string, readOnly, immutable bool) string {
	// file:///C:/Users/… on Windows, file:///home/… elsewhere; spaces and
	// non-ASCII letters are percent-encoded, as SQLite's URI form expects.
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p}
	q := "_foreign_keys=on&_busy_timeout=10000"
	switch {
	case readOnly && immutable:
		// Reads the file alone, creating no journal or shared-memory file
		// beside it: for checking a file that may be refused.
		q += "&mode=ro&immutable=1"
	case readOnly:
		q += "&mode=ro"
	default:
		// secure_delete: what is deleted is overwritten, so a purged
		// session's names and notes cannot be read back from the file.
		q += "&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate&_secure_delete=on"
	}
	return u.String() + "?" + q
}

// Open opens the database at path, creating it when the file does not
// exist. A file that is not this app's database, is damaged, or comes from
// a newer version is refused with a *data.Error (code EBadFile) and left
// exactly as it was, with nothing written beside it. A new database is
// built whole beside its final name and then put in place, so a crash
// while it is made leaves either no file or a good one.
func Open(ctx context.Context, path string) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, data.Errorf(data.EInvalid, "No database file was named.")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path = abs
	fresh, err := checkFile(ctx, path)
	if err != nil {
		return nil, err
	}
	s := &Store{fw: data.DefaultFramework(), path: path, Now: time.Now}
	if fresh {
		if err := s.create(ctx); err != nil {
			return nil, err
		}
		if _, err := checkFile(ctx, path); err != nil {
			return nil, err
		}
	} else {
		// A copy killed after linking its new database into place, before
		// removing the half it built from, leaves that half behind.
		dir, name := filepath.Split(path)
		removeStaleBuilds(dir, name)
	}
	s.tighten()
	db, err := sql.Open("sqlite3", dsn(path, false, false))
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	s.db = db
	if err := s.migrate(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	data.AddDatabaseFile(path)
	return s, nil
}

// create builds a new, empty database at s.path: made in a file of its
// own beside it (.NAME.new-PID-…), set up whole, and then linked into
// place, never over a file another copy of the app made meanwhile.
func (s *Store) create(ctx context.Context) error {
	dir, name := filepath.Split(s.path)
	removeStaleBuilds(dir, name)
	tmp, err := os.CreateTemp(dir, "."+name+".new-"+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return fileError(s.path, "create the database", err)
	}
	tmpPath := tmp.Name()
	_ = tmp.Close() // 0600 from its first byte
	defer removeDatabase(tmpPath)
	db, err := sql.Open("sqlite3", dsn(tmpPath, false, false))
	if err != nil {
		return fmt.Errorf("create store: %w", err)
	}
	build := &Store{db: db, fw: s.fw, path: tmpPath, Now: s.Now}
	err = build.migrate(ctx)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = build.writeError("create the database", cerr)
	}
	if err != nil {
		return err
	}
	if f, err := os.Open(tmpPath); err == nil {
		_ = f.Sync()
		_ = f.Close()
	}
	if err := os.Link(tmpPath, s.path); err != nil {
		switch {
		case errors.Is(err, fs.ErrExist):
			return nil // another copy made it first: open theirs
		case linkUnsupported(err):
			if _, serr := os.Stat(s.path); serr == nil {
				return nil
			}
			if rerr := os.Rename(tmpPath, s.path); rerr != nil {
				return fileError(s.path, "create the database", rerr)
			}
		default:
			return fileError(s.path, "create the database", err)
		}
	}
	data.SyncDir(dir)
	return nil
}

// removeStaleBuilds removes half-built databases (.NAME.new-PID-…) that a
// process killed while creating one left in dir.
func removeStaleBuilds(dir, name string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(name)+".new-*"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), "."+name+".new-")
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || (pid != os.Getpid() && data.ProcessRunning(pid)) {
			continue
		}
		if strings.HasSuffix(m, "-wal") || strings.HasSuffix(m, "-shm") || strings.HasSuffix(m, "-journal") {
			_ = os.Remove(m)
			continue
		}
		removeDatabase(m)
	}
}

func globEscape(s string) string {
	return strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`).Replace(s)
}

// removeDatabase removes a database this package built and its sidecars.
func removeDatabase(path string) {
	for _, p := range append([]string{path}, sidecars(path)...) {
		_ = os.Remove(p)
	}
}

func sidecars(path string) []string {
	out := make([]string, 0, len(data.DatabaseSidecars))
	for _, s := range data.DatabaseSidecars {
		out = append(out, path+s)
	}
	return out
}

// tighten makes the database and its sidecars readable by their owner
// alone, saying so once when they were not; and the app's own folder for
// it (never a folder the user chose, which others may share on purpose)
// the owner's alone too.
func (s *Store) tighten() {
	dir := filepath.Dir(s.path)
	if def, err := place.DefaultPath(place.System()); err == nil && filepath.Dir(def) == dir {
		if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o077 != 0 && ownedByMe(st) {
			if os.Chmod(dir, 0o700) == nil {
				s.Notices = append(s.Notices, fmt.Sprintf("The folder %s could be opened by other people on this computer (permissions %04o); it is now yours alone (0700).", dir, st.Mode().Perm()))
			}
		}
	}
	st, err := os.Stat(s.path)
	if err != nil || st.Mode().Perm()&0o077 == 0 || !ownedByMe(st) {
		return
	}
	if err := os.Chmod(s.path, 0o600); err != nil {
		return
	}
	for _, p := range sidecars(s.path) {
		_ = os.Chmod(p, 0o600)
	}
	s.Notices = append(s.Notices, fmt.Sprintf("%s could be read by other people on this computer (permissions %04o); it is now readable by you alone (0600).", s.path, st.Mode().Perm()))
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// Framework is the framework sessions are checked against.
func (s *Store) Framework() *data.Framework { return s.fw }

// Close closes the database.
func (s *Store) Close() error {
	defer s.ro.remove()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

var sqliteMagic = []byte("SQLite format 3\x00")

// checkFile decides whether path can be opened, reading it only. It
// reports fresh when there is no file yet.
func checkFile(ctx context.Context, path string) (fresh bool, err error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dst, derr := os.Stat(dir)
		if derr != nil || !dst.IsDir() {
			return false, &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("The folder %s does not exist. Choose a database file in a folder that exists", dir)}
		}
		return true, nil
	case err != nil:
		return false, fileError(path, "read the database", err)
	case st.IsDir():
		return false, data.Errorf(data.EBadFile, "%s is a folder, not a database file. Choose a file.", path)
	case st.Size() == 0:
		return false, data.Errorf(data.EBadFile, "%s is empty (0 bytes), so it is not a PPEI Iceberg database. It has been left as it is: open another file, or move it aside and start a new one.", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return false, fileError(path, "read the database", err)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	_ = f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false, fileError(path, "read the database", err)
	}
	if n < len(sqliteMagic) || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic) {
		return false, data.Errorf(data.EBadFile, "%s is not a PPEI Iceberg database (it is not an SQLite file). It has been left as it is: open another file, or start a new one.", path)
	}
	if n < 100 {
		return false, data.Errorf(data.EBadFile, "%s is damaged: it is cut short. It has been left as it is: restore the backup, or start a new file.", path)
	}
	// The header names the application and the schema version: refuse
	// another application's file or a newer one before SQLite opens it.
	// A journal beside the file may hold a newer header, so then SQLite
	// decides below.
	walSt, werr := os.Stat(path + "-wal")
	hasWAL := werr == nil && walSt.Size() > 0
	if !hasWAL {
		if id := binary.BigEndian.Uint32(head[68:72]); id != ApplicationID {
			return false, foreign(path)
		}
		if v := int(binary.BigEndian.Uint32(head[60:64])); v > SchemaVersion {
			return false, newer(path, v)
		}
	}

	// Before SQLite reads it: a database in WAL mode cannot even be read
	// without writing its shared-memory file beside it.
	if err := checkWritable(path); err != nil {
		return false, err
	}
	// With no journal beside it, the file is read alone (immutable), so a
	// refused file leaves nothing new in its folder.
	db, err := sql.Open("sqlite3", dsn(path, true, !hasWAL))
	if err != nil {
		return false, fmt.Errorf("check database: %w", err)
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return false, damaged(path, err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, damaged(path, err)
	}
	if appID != ApplicationID {
		return false, foreign(path)
	}
	if version > SchemaVersion {
		return false, newer(path, version)
	}
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return false, damaged(path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return false, damaged(path, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return false, damaged(path, err)
	}
	if len(problems) > 0 {
		return false, damaged(path, errors.New(strings.Join(problems, "; ")))
	}
	return false, nil
}

// checkWritable makes sure changes can be saved: the file must open for
// writing and its folder must take the journal SQLite keeps beside it.
// Neither check changes the file.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("%s is read-only, so changes could not be saved. It has been left as it is: copy it to a folder you can write to, or open another file", path), Err: err}
		}
		return fileError(path, "open the database for writing", err)
	}
	_ = f.Close()
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".iceberg-probe-*")
	if err != nil {
		return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("The folder %s cannot be written, and the database keeps its journal beside the file, so changes could not be saved. Move the file to a folder you can write to, or open another file", dir), Err: err}
	}
	_ = probe.Close()
	_ = os.Remove(probe.Name())
	return nil
}

func foreign(path string) error {
	return data.Errorf(data.EBadFile, "%s belongs to another application, not PPEI Iceberg. It has been left as it is: open another file, or start a new one.", path)
}

func newer(path string, version int) error {
	return data.Errorf(data.EBadFile, "%s was made by a newer version of PPEI Iceberg (schema %d; this version reads up to %d). Update the app to open it; the file has been left as it is.", path, version, SchemaVersion)
}

func damaged(path string, err error) error {
	return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("%s is damaged and cannot be opened. It has been left as it is: restore the backup, or start a new file", path), Err: err}
}

func fileError(path, what string, err error) error {
	switch {
	case errors.Is(err, syscall.ENAMETOOLONG):
		return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot %s: the path %s is too long for this computer. Choose a shorter folder or file name", what, path), Err: err}
	case errors.Is(err, fs.ErrPermission) && strings.HasPrefix(what, "read"):
		return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot %s at %s: you do not have permission to read it. Check the file's permissions, or open another file", what, path), Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot %s at %s: permission denied. Choose a file in a folder you can write to", what, path), Err: err}
	default:
		return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot %s at %s", what, path), Err: err}
	}
}

// migrate brings the schema to SchemaVersion, each step and its
// user_version bump in one immediate transaction, after a backup copy.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.writeError("read the database version", err)
	}
	if version == SchemaVersion {
		return nil
	}
	if version > 0 {
		backup, err := s.backup(ctx, version)
		if err != nil {
			return err
		}
		s.BackupPath = backup
	}
	for v := version; v < SchemaVersion; v++ {
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			// Another copy of the app may have migrated meanwhile.
			var now int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
				return err
			}
			if now != v {
				return nil
			}
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
			if step := migrationSteps[v+1]; step != nil {
				if err := step(ctx, tx); err != nil {
					return fmt.Errorf("migration %d: %w", v+1, err)
				}
			}
			_, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(v+1))
			return err
		})
		if err != nil {
			return s.writeError("update the database", err)
		}
	}
	return nil
}

// backup copies the database beside itself before a migration, never
// over an existing file.
func (s *Store) backup(ctx context.Context, version int) (string, error) {
	stamp := s.Now().UTC().Format("20060102-150405")
	base := fmt.Sprintf("%s.v%d-backup-%s", s.path, version, stamp)
	dest := base
	for i := 2; ; i++ {
		if _, err := os.Stat(dest); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dest = fmt.Sprintf("%s-%d", base, i)
	}
	// Made empty and 0600 first (VACUUM INTO fills an empty file), so the
	// copy is never readable by others, not even for a moment.
	f, err := os.OpenFile(dest, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fileError(dest, "copy the database before updating it", err)
	}
	_ = f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		_ = os.Remove(dest)
		return "", s.writeError("copy the database before updating it", err)
	}
	return dest, nil
}

// writeError turns a failed write into a sentence for the user.
func (s *Store) writeError(what string, err error) error {
	if s.ro != nil {
		return s.ro.refuse(what, err)
	}
	var de *data.Error
	if errors.As(err, &de) {
		return err
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
			return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not %s: the database file %s cannot be written. Check the file and its folder are not read-only", what, s.path), Err: err}
		case sqlite3.ErrFull:
			return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not %s: the disk is full. Free some space and try again; nothing was lost", what), Err: err}
		case sqlite3.ErrIoErr:
			return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not %s: the disk reported an error. Check the disk has space and try again", what), Err: err}
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not %s: the database file is damaged. Restore the backup or start a new file", what), Err: err}
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("Could not %s: another copy of the app kept the database busy. Try again", what), Err: err}
		}
	}
	return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("Could not %s", what), Err: err}
}

// withTx runs fn in an immediate transaction and commits, retrying when
// another copy of the app holds the write lock past the busy timeout.
func (s *Store) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < 20; attempt++ {
		err = s.tryTx(ctx, fn)
		if !isBusy(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 10 * time.Millisecond):
		}
	}
	return err
}

func (s *Store) tryTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}
