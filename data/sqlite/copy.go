package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
)

// Copying a database whole and checking the copy: for the move from the
// old default folder, for "copy it to this computer" from a network or
// synced folder, and for opening such a file read-only. The source is only
// ever read.

// Counts are the rows in each table of a database.
type Counts map[string]int64

// Sessions is how many sessions the counts hold, the trash included.
func (c Counts) Sessions() int64 { return c["sessions"] }

func (c Counts) String() string {
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d", n, c[n])
	}
	return strings.Join(parts, ", ")
}

// snapshot writes a consistent copy of the database at src to dst (which
// must not exist) with VACUUM INTO, and returns the source's row counts.
// Nothing is written to src or beside it: a file with no write-ahead log is
// read as an unchanging file (SQLite's immutable mode, which needs no lock
// or shared-memory file); one that has a log (the app was stopped while
// using it, or is using it now) is first copied with its log to a private
// folder and read there.
func snapshot(ctx context.Context, src, dst string) (Counts, error) {
	if err := sniff(src); err != nil {
		return nil, err
	}
	var counts Counts
	var err error
	if hasWAL(src) {
		counts, err = snapshotWithLog(ctx, src, dst)
	} else {
		counts, err = snapshotWith(ctx, src, dst, dsn(src, true, true))
	}
	if err != nil {
		_ = os.Remove(dst)
		var de *data.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not copy %s", src), Err: err}
	}
	return counts, nil
}

// snapshotWithLog copies src and its write-ahead log to a private folder,
// where SQLite may replay the log, and snapshots that.
func snapshotWithLog(ctx context.Context, src, dst string) (Counts, error) {
	dir, err := os.MkdirTemp("", "iceberg-copy-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	raw := filepath.Join(dir, "iceberg.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(src+suffix, raw+suffix); err != nil {
			return nil, err
		}
	}
	counts, err := snapshotWith(ctx, raw, dst, dsn(raw, false, false))
	return counts, renamePath(err, raw, src)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

func snapshotWith(ctx context.Context, src, dst, source string) (Counts, error) {
	db, err := sql.Open("sqlite3", source)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return nil, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, err
	}
	if appID != ApplicationID {
		return nil, data.Errorf(data.EBadFile, "%s belongs to another application, not PPEI Iceberg. It has been left as it is: open another file.", src)
	}
	if version > SchemaVersion {
		return nil, data.Errorf(data.EBadFile, "%s was made by a newer version of PPEI Iceberg (schema %d; this version reads up to %d). Update the app to open it; the file has been left as it is.", src, version, SchemaVersion)
	}
	before, err := tableCounts(ctx, db)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return nil, err
	}
	after, err := tableCounts(ctx, db)
	if err != nil {
		return nil, err
	}
	if before.String() != after.String() {
		return nil, data.Errorf(data.EBadFile, "%s changed while it was being copied, perhaps in another copy of the app. Close that copy and try again.", src)
	}
	return before, nil
}

// verifyCopy checks a copy made by snapshot: the full integrity check, the
// app's mark, and the same rows as the source. It leaves the copy as one
// file (no write-ahead log) and on disk.
func verifyCopy(ctx context.Context, path string, want Counts) error {
	// Read-write on the copy only: a rollback journal leaves it one file.
	db, err := sql.Open("sqlite3", fileURI(path)+"?_journal_mode=DELETE&_synchronous=FULL&_busy_timeout=10000")
	if err != nil {
		return fmt.Errorf("check copy: %w", err)
	}
	err = checkCopy(ctx, db, path, want)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("check copy: %w", cerr)
	}
	if err != nil {
		return err
	}
	return syncFile(path)
}

func checkCopy(ctx context.Context, db *sql.DB, path string, want Counts) error {
	bad := func(why string, err error) error {
		return &data.Error{Code: data.EBadFile, Message: "The copy did not match the original (" + why + "), so it was not used. The original has been left as it is", Err: err}
	}
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return bad("it could not be checked", err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return bad("it could not be checked", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return bad("it could not be checked", err)
	}
	if len(problems) > 0 {
		return bad("the integrity check failed", errors.New(strings.Join(problems, "; ")))
	}
	var appID int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return bad("it lost the app's mark", err)
	}
	got, err := tableCounts(ctx, db)
	if err != nil {
		return bad("its rows could not be counted", err)
	}
	if got.String() != want.String() {
		return bad(fmt.Sprintf("rows: %s in the copy, %s in the original", got, want), nil)
	}
	return nil
}

// countRows counts the rows of every table, in one read transaction.
func tableCounts(ctx context.Context, db *sql.DB) (Counts, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	counts := Counts{}
	for _, n := range names {
		var c int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM "`+strings.ReplaceAll(n, `"`, `""`)+`"`).Scan(&c); err != nil {
			return nil, err
		}
		counts[n] = c
	}
	return counts, nil
}

// sniff refuses, before SQLite reads it, what is plainly not a database.
func sniff(path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return fileError(path, "read the database", err)
	case st.IsDir():
		return data.Errorf(data.EBadFile, "%s is a folder, not a database file. Choose a file.", path)
	case st.Size() < 100:
		return data.Errorf(data.EBadFile, "%s is not a PPEI Iceberg database (it is empty or cut short). It has been left as it is.", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fileError(path, "read the database", err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != string(sqliteMagic) {
		return data.Errorf(data.EBadFile, "%s is not a PPEI Iceberg database (it is not an SQLite file). It has been left as it is.", path)
	}
	return nil
}

// fileURI is path as SQLite's file: URI, as dsn builds it.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func hasWAL(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return nil
}

// placeNew renames tmp to dst without ever replacing a file at dst.
func placeNew(tmp, dst string) error {
	if err := os.Link(tmp, dst); err == nil {
		_ = os.Remove(tmp)
		data.SyncDir(filepath.Dir(dst))
		return nil
	} else if errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file system without hard links (FAT, some shares): check, then rename.
	if exists(dst) {
		return fmt.Errorf("place %s: %w", dst, fs.ErrExist)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	data.SyncDir(filepath.Dir(dst))
	return nil
}

// CopyTo copies the database at src into the folder dir, checks the copy
// (integrity check and row counts) and returns the copy's path. The copy
// takes src's name, or "name (2).db" and so on when that is taken: no file
// is ever replaced. src is left as it was.
func CopyTo(ctx context.Context, src, dir string) (string, error) {
	src, err := filepath.Abs(src)
	if err != nil {
		return "", fmt.Errorf("copy database: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot make the folder %s for the copy", dir), Err: err}
	}
	tmp, err := os.CreateTemp(dir, ".iceberg-copy-*.partial")
	if err != nil {
		return "", &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot write in the folder %s", dir), Err: err}
	}
	_ = tmp.Close()
	_ = os.Remove(tmp.Name()) // VACUUM INTO wants to make the file itself
	defer os.Remove(tmp.Name())
	counts, err := snapshot(ctx, src, tmp.Name())
	if err != nil {
		return "", err
	}
	if err := verifyCopy(ctx, tmp.Name(), counts); err != nil {
		return "", err
	}
	_ = os.Chmod(tmp.Name(), 0o600)
	ext := filepath.Ext(src)
	stem := strings.TrimSuffix(filepath.Base(src), ext)
	for i := 1; i < 1000; i++ {
		name := stem + ext
		if i > 1 {
			name = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		dst := filepath.Join(dir, name)
		err := placeNew(tmp.Name(), dst)
		if err == nil {
			return dst, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not put the copy at %s", dst), Err: err}
		}
	}
	return "", data.Errorf(data.EBadFile, "The folder %s already holds a thousand copies of %s: move some away and try again.", dir, filepath.Base(src))
}
