package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Outputs never land on the database or its own files, however the path
// is spelled, and the refusal leaves every file as it was.
func TestOutputsNeverOverwriteTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Kept", "--cop", "Board"))
	ok(t, db, "note", id, "Reporting", "A note that must survive")
	other := strings.TrimSpace(ok(t, db, "new", "--title", "Other", "--cop", "Board"))
	// An older copy's backup beside it.
	backup := db + ".v2-backup-20260101-090000"
	if err := os.WriteFile(backup, []byte("backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(db, filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	snapshot := func() string {
		var b strings.Builder
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			c, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			fmt.Fprintf(&b, "%s %x\n", e.Name(), c)
		}
		return b.String()
	}
	before := snapshot()
	for _, out := range []string{db, "../x.db", filepath.Join(sub, "..", "x.db"), filepath.Join(dir, "link.pdf"),
		db + "-wal", db + "-shm", "../x.db-journal", backup} {
		for _, cmd := range [][]string{
			{"export", id, "--out", out}, {"export", id, "--format", "html", "--out", out},
			{"export-json", id, "--out", out}, {"export-csv", id, "--out", out},
			{"handout", "--out", out}, {"compare", id, other, "--out", out},
		} {
			r := iceberg(t, nil, append([]string{"--db", db}, cmd...)...)
			if r.code != 1 || !strings.Contains(r.stderr, "is the PPEI Iceberg database, or one of its own files, so nothing was written") {
				t.Errorf("%v: exit %d, %q", cmd, r.code, r.stderr)
			}
			if n := strings.Count(strings.TrimSpace(r.stderr), "\n"); n > 1 {
				t.Errorf("%v: more than a sentence: %q", cmd, r.stderr)
			}
		}
	}
	if after := snapshot(); after != before {
		t.Error("a refused output changed a file")
	}
	if show := ok(t, db, "show", id); !strings.Contains(show, "A note that must survive") {
		t.Errorf("the session is not whole after the refusals:\n%s", show)
	}
}

// --out - writes to standard output; --db "" is refused; a note may begin
// with a dash after --; stored escape codes are printed harmlessly.
func TestSmallTraps(t *testing.T) {
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Esc\x1b[31mRed\x07\rOver", "--cop", "Board"))

	if out := ok(t, db, "export", id, "--out", "-"); !strings.HasPrefix(out, "%PDF-") {
		t.Errorf("export --out - printed %.20q, want a PDF", out)
	}
	if out := ok(t, db, "export-json", id, "--out", "-"); !json.Valid([]byte(out)) {
		t.Error("export-json --out - printed no JSON")
	}

	for _, args := range [][]string{{"--db", "", "list"}, {"list", "--db", ""}, {"--db=", "list"}} {
		r := iceberg(t, nil, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "empty file name") {
			t.Errorf("%q: exit %d, %q", args, r.code, r.stderr)
		}
	}

	ok(t, db, "note", id, "Reporting", "--", "-h")
	ok(t, db, "note", id, "Mat", "--", "--- dashes first")
	show := ok(t, db, "show", id, "--json")
	if !strings.Contains(show, `"note": "-h"`) || !strings.Contains(show, `"notes": "--- dashes first"`) {
		t.Errorf("notes beginning with a dash were not kept:\n%s", show)
	}

	for _, cmd := range [][]string{{"list"}, {"show", id}} {
		out := ok(t, db, cmd...)
		for _, c := range []string{"\x1b", "\x07", "\r"} {
			if strings.Contains(out, c) {
				t.Errorf("%v printed the control character %q raw", cmd, c)
			}
		}
		if !strings.Contains(out, `Esc\x1b[31mRed\a`) {
			t.Errorf("%v did not show the title's control characters escaped:\n%s", cmd, out)
		}
	}
}

// Messages keep a file name's own case.
func TestMessagesKeepFileNameCase(t *testing.T) {
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "T", "--cop", "C"))
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("ro.pdf", 0o700); err != nil {
		t.Fatal(err)
	}
	r := iceberg(t, nil, "--db", db, "export", id, "--out", "ro.pdf")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "iceberg: ro.pdf is a folder") {
		t.Errorf("stderr %q, want it to start with the file name as typed", r.stderr)
	}
}

// Import reads only ordinary files, never past its limit, and names a
// missing required field.
func TestImportIsBounded(t *testing.T) {
	db := newDB(t)
	ok(t, db, "new", "--title", "T", "--cop", "C")
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	missing := filepath.Join(dir, "missing.json")
	if err := os.WriteFile(missing, []byte(`{"format": "ppei-iceberg-session", "format_version": 1, "framework_version": "1.0.0", "session": {"title": "T", "community": "C"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ file, want string }{
		{zero, "is not an ordinary file (it is a device)"},
		{fifo, "is not an ordinary file (it is a pipe)"},
		{big, "larger than 52 MB"},
		{missing, `no "framework_id" field`},
		{dir, "is not an ordinary file (it is a folder)"},
	}
	for _, tt := range tests {
		done := make(chan result, 1)
		go func() { done <- iceberg(t, nil, "--db", db, "import", tt.file) }()
		select {
		case r := <-done:
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("import %s: exit %d, %q; want %q", filepath.Base(tt.file), r.code, r.stderr, tt.want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("import %s did not return", filepath.Base(tt.file))
		}
	}
}

// What one session may hold is the same by every way in, and whatever is
// held exports to a session file that imports again.
func TestSessionLimitsRoundTrip(t *testing.T) {
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Full", "--cop", "C"))
	// Notes of control characters, which JSON writes as six bytes each,
	// filling the session almost to its limit.
	note := strings.Repeat("\x01", 300_000)
	words := []string{"Aligning", "Imagining", "Persisting", "Engaging", "Time-consuming", "Reporting", "Monitoring",
		"Processing", "Resourcing", "Conforming", "Performing", "Learning", "Recognising", "Inspiring", "Developing",
		"Remembering", "Enabling", "Believing", "Welcoming", "Valuing", "Improving", "Achieving"}
	for _, w := range words {
		ok(t, db, "note", id, w, note)
	}
	for _, e := range []string{"P", "Mat", "C", "BE", "M"} {
		ok(t, db, "note", id, e, note)
	}
	// The next note would pass the limit: refused in a sentence.
	r := iceberg(t, nil, "--db", db, "summary", id, strings.Repeat("x", 500_000))
	if r.code != 1 || !strings.Contains(r.stderr, "at most 8 MB") {
		t.Errorf("a note past the limit: exit %d, %q", r.code, r.stderr)
	}
	file := filepath.Join(t.TempDir(), "full.json")
	ok(t, db, "export-json", id, "--out", file)
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a session at its limit exports to %d MB", st.Size()>>20)
	newID := strings.TrimSpace(ok(t, db, "import", file))
	if newID == id {
		t.Fatal("import gave the same id")
	}
	a := ok(t, db, "export-json", id)
	b := ok(t, db, "export-json", newID)
	if len(a) != len(b) {
		t.Errorf("the imported session differs in size: %d and %d bytes", len(a), len(b))
	}
	// Too many actions in a file: refused, with the limit.
	var sf map[string]any
	if err := json.Unmarshal([]byte(a), &sf); err != nil {
		t.Fatal(err)
	}
	acts := []any{}
	for i := 0; i < 201; i++ {
		acts = append(acts, map[string]any{"text": fmt.Sprint("action ", i), "owner": "", "due": "", "element": ""})
	}
	sf["actions"] = acts
	sf["words"], sf["elements"] = []any{}, []any{}
	js, _ := json.Marshal(sf)
	many := filepath.Join(t.TempDir(), "many.json")
	if err := os.WriteFile(many, js, 0o600); err != nil {
		t.Fatal(err)
	}
	r = iceberg(t, nil, "--db", db, "import", many)
	if r.code != 1 || !strings.Contains(r.stderr, "at most 200") {
		t.Errorf("201 actions: exit %d, %q", r.code, r.stderr)
	}
}

// Files that carry names are their owner's alone; public ones follow the
// umask; an existing file is never widened.
func TestOutputModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "T", "--cop", "C"))
	dir := t.TempDir()
	mode := func(name string) os.FileMode {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	ok(t, db, "export", id, "--out", filepath.Join(dir, "public.pdf"))
	ok(t, db, "export", id, "--names", "--out", filepath.Join(dir, "named.pdf"))
	ok(t, db, "export-json", id, "--out", filepath.Join(dir, "session.json"))
	ok(t, db, "export-csv", id, "--names", "--out", filepath.Join(dir, "named.csv"))
	if err := os.WriteFile(filepath.Join(dir, "tight.csv"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "export-csv", id, "--out", filepath.Join(dir, "tight.csv"))
	for name, want := range map[string]os.FileMode{"public.pdf": 0o644, "named.pdf": 0o600, "session.json": 0o600, "named.csv": 0o600, "tight.csv": 0o600} {
		if got := mode(name); got != want {
			t.Errorf("%s is %04o, want %04o", name, got, want)
		}
	}
}
