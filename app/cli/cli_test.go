package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/app/cli"
	"github.com/ppei-iceberg/iceberg/data"
)

// buildEnv is the environment as the tests found it, for go build: with
// HOME moved, Go would build into an empty cache.
var buildEnv []string

// TestMain points HOME and the config folders at a temp folder, so a
// command that falls back to the default database can never reach the
// user's own.
func TestMain(m *testing.M) {
	buildEnv = os.Environ()
	dir, err := os.MkdirTemp("", "iceberg-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for k, v := range map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_CACHE_HOME": filepath.Join(dir, "cache"), "XDG_DATA_HOME": filepath.Join(dir, "data"),
		"APPDATA": filepath.Join(dir, "appdata"), "LOCALAPPDATA": filepath.Join(dir, "localappdata")} {
		os.Setenv(k, v)
	}
	os.Unsetenv(cli.EnvDB)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// testVersion is what --version prints in process; the real binary's
// version comes from FyneApp.toml (see TestRealBinary).
const testVersion = "PPEI Iceberg (test)"

// iceberg runs the command line in process, as the binary would with args,
// with only the environment variables in env ("NAME=value") set.
func iceberg(t *testing.T, env []string, args ...string) result {
	t.Helper()
	vars := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	var out, errb bytes.Buffer
	code := cli.Main(args, cli.Env{Stdout: &out, Stderr: &errb, Version: testVersion,
		Getenv: func(k string) string { return vars[k] }})
	return result{out.String(), errb.String(), code}
}

// ok runs iceberg against db and fails the test unless it exits 0.
func ok(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := iceberg(t, nil, append([]string{"--db", db}, args...)...)
	if r.code != 0 {
		t.Fatalf("iceberg %v: exit %d: %s", args, r.code, r.stderr)
	}
	return r.stdout
}

func newDB(t *testing.T) string { return filepath.Join(t.TempDir(), "iceberg.db") }

// comparable removes what differs between databases: ids and times.
func comparable(t *testing.T, js string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, js)
	}
	delete(m, "id")
	delete(m, "created_at")
	delete(m, "updated_at")
	for _, e := range m["elements"].([]any) {
		delete(e.(map[string]any), "agreed_at")
	}
	for _, a := range m["actions"].([]any) {
		delete(a.(map[string]any), "id")
	}
	return m
}

func TestWholeSessionByCommandLine(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Board mapping", "--cop", "Governing Body",
		"--org", "Northshire ICB", "--date", "2026-03-14", "--facilitator", "Zoë", "--focus", "leadership"))
	if id != "1" {
		t.Fatalf("new printed %q, want 1", id)
	}
	var fw struct {
		Elements []struct {
			Code  string
			Words []struct{ ID, Label string }
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "framework", "--json")), &fw); err != nil {
		t.Fatal(err)
	}
	n := 0
	levels := []string{"shaded", "partly", "none"}
	for _, e := range fw.Elements {
		for i, w := range e.Words {
			word := w.ID
			if i%2 == 1 {
				word = strings.ToUpper(w.Label) // labels in any case work too
			}
			ok(t, db, "shade", id, word, levels[n%3])
			ok(t, db, "note", id, w.ID, "Evidence for "+w.Label+" – “quoted”")
			n++
		}
		ok(t, db, "note", id, e.Code, "Discussion of "+e.Code)
		ok(t, db, "agree", id, e.Code)
	}
	if n != 22 {
		t.Fatalf("framework --json listed %d words, want 22", n)
	}
	ok(t, db, "summary", id, "Materiality weighs heavily.")
	ok(t, db, "action", id, "Send papers two weeks ahead", "--owner", "Board secretary", "--due", "2026-05-01", "--element", "Mat")
	ok(t, db, "participants", id, "service_user", "5", "Siân", "Łukasz")
	ok(t, db, "tally-of", id, "9")
	ok(t, db, "tally", id, "Reporting", "6")
	ok(t, db, "cover", id, "--meeting", "Board meeting in public", "--purpose", "information", "--agenda-item", "7.2")

	shown := ok(t, db, "show", id, "--json")
	var s struct {
		Title    string
		Status   string
		Words    []struct{ ID, Level, Note string }
		Elements []struct {
			Code   string
			Agreed bool
			Notes  string
		}
		Cover data.Cover
	}
	if err := json.Unmarshal([]byte(shown), &s); err != nil {
		t.Fatal(err)
	}
	if s.Status != "agreed" || len(s.Words) != 22 || len(s.Elements) != 5 || s.Cover.AgendaItem != "7.2" {
		t.Errorf("show --json: status %s, %d words, %d elements, cover %+v", s.Status, len(s.Words), len(s.Elements), s.Cover)
	}
	if s.Words[0].Level != "shaded" || s.Words[1].Level != "partly" || s.Words[2].Level != "none" {
		t.Errorf("levels %+v", s.Words[:3])
	}
	for _, e := range s.Elements {
		if !e.Agreed || e.Notes != "Discussion of "+e.Code {
			t.Errorf("element %+v", e)
		}
	}

	file := filepath.Join(t.TempDir(), "session.json")
	ok(t, db, "export-json", id, "--out", file)
	db2 := newDB(t)
	ok(t, db2, "new", "--title", "Earlier session", "--cop", "Other group") // so ids differ
	id2 := strings.TrimSpace(ok(t, db2, "import", file))
	if id2 != "2" {
		t.Errorf("import printed %q, want 2", id2)
	}
	a, b := comparable(t, shown), comparable(t, ok(t, db2, "show", id2, "--json"))
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("imported session differs:\n%s\n%s", ja, jb)
	}
	// Export from the second database gives the same file.
	file2 := filepath.Join(t.TempDir(), "again.json")
	ok(t, db2, "export-json", id2, "--out", file2)
	f1, _ := os.ReadFile(file)
	f2, _ := os.ReadFile(file2)
	if !bytes.Equal(f1, f2) {
		t.Error("export → import → export is not identical")
	}

	csv := ok(t, db, "export-csv", id)
	if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 23 {
		t.Errorf("CSV has %d lines, want 23 (header and 22 words)", len(lines))
	}
	if !strings.Contains(csv, "Time-consuming") {
		t.Error("CSV lacks a word label")
	}

	human := ok(t, db, "show", id)
	for _, want := range []string{"Board mapping", "Boundary encounters (BE): agreed", "Reporting"} {
		if !strings.Contains(human, want) {
			t.Errorf("show lacks %q", want)
		}
	}
}

func TestUndoRedoFollowUpTrash(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	ok(t, db, "new", "--title", "T", "--cop", "C")
	ok(t, db, "shade", "1", "reporting", "shaded")
	ok(t, db, "shade", "1", "Reporting", "partly")
	if out := ok(t, db, "undo", "1"); !strings.Contains(out, "Reporting") {
		t.Errorf("undo said %q", out)
	}
	level := func(db, id, word string) string {
		var s struct{ Words []struct{ ID, Level string } }
		json.Unmarshal([]byte(ok(t, db, "show", id, "--json")), &s)
		for _, w := range s.Words {
			if w.ID == word {
				return w.Level
			}
		}
		return "?"
	}
	if got := level(db, "1", "mat.reporting"); got != "shaded" {
		t.Errorf("after undo: %s", got)
	}
	ok(t, db, "redo", "1")
	if got := level(db, "1", "mat.reporting"); got != "partly" {
		t.Errorf("after redo: %s", got)
	}
	if r := iceberg(t, nil, "--db", db, "redo", "1"); r.code != 1 || !strings.Contains(r.stderr, "nothing to redo") {
		t.Errorf("redo with nothing: %+v", r)
	}
	if id := strings.TrimSpace(ok(t, db, "follow-up", "1")); id != "2" {
		t.Errorf("follow-up id %q", id)
	}
	if got := level(db, "2", "mat.reporting"); got != "partly" {
		t.Errorf("follow-up shading: %s", got)
	}
	ok(t, db, "delete", "1")
	var list []struct {
		ID    int64
		Title string
	}
	json.Unmarshal([]byte(ok(t, db, "list", "--json")), &list)
	if len(list) != 1 || list[0].ID != 2 {
		t.Errorf("list after delete: %+v", list)
	}
	json.Unmarshal([]byte(ok(t, db, "list", "--trash", "--json")), &list)
	if len(list) != 1 || list[0].ID != 1 {
		t.Errorf("trash: %+v", list)
	}
	ok(t, db, "restore", "1")
	json.Unmarshal([]byte(ok(t, db, "list", "--json")), &list)
	if len(list) != 2 {
		t.Errorf("list after restore: %+v", list)
	}
}

func TestEnvironmentNamesTheDatabase(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	r := iceberg(t, []string{"ICEBERG_DB=" + db}, "new", "--title", "From env", "--cop", "C")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if !strings.Contains(ok(t, db, "list"), "From env") {
		t.Error("ICEBERG_DB was not used")
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	ok(t, db, "new", "--title", "T", "--cop", "C")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"format": "ppei-iceberg-session", "format_version": 1,`), 0o600)
	notDB := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notDB, []byte("not a database"), 0o600)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown word", []string{"shade", "1", "dancing", "shaded"}, 1, "no doing word \"dancing\""},
		{"bad level", []string{"shade", "1", "reporting", "lots"}, 1, "not a shading level"},
		{"missing session", []string{"show", "42"}, 1, "no session with id 42"},
		{"bad id", []string{"show", "abc"}, 2, "not a session id"},
		{"missing arguments", []string{"shade", "1"}, 2, "expects ID WORD LEVEL"},
		{"unknown command", []string{"dance"}, 2, "no command \"dance\""},
		{"unknown option", []string{"list", "--colour"}, 2, "does not know the option --colour"},
		{"malformed json", []string{"import", bad}, 1, "not valid JSON"},
		{"missing import file", []string{"import", "/no/such/file.json"}, 1, "There is no file /no/such/file.json"},
		{"unwritable path", []string{"export-json", "1", "--out", "/proc/x.json"}, 1, "cannot be written"},
		{"missing folder", []string{"export-csv", "1", "--out", "/no/such/folder/x.csv"}, 1, "does not exist"},
		{"unknown element", []string{"agree", "1", "Z"}, 1, "no element \"Z\""},
		{"bad date", []string{"new", "--title", "T", "--cop", "C", "--date", "14/03/2026"}, 1, "not a date"},
		{"missing title", []string{"new", "--cop", "C"}, 1, "Give the session a title"},
		{"tally above people", []string{"tally", "1", "reporting", "x"}, 2, "not a number of people"},
		{"bad paper", []string{"export", "1", "--out", "x.pdf", "--paper", "a3"}, 2, "a4 or letter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := iceberg(t, nil, append([]string{"--db", db}, tt.args...)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d (%s)", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.want)
			}
			if !strings.HasPrefix(r.stderr, "iceberg: ") {
				t.Errorf("stderr %q does not start with iceberg:", r.stderr)
			}
		})
	}
	// A database that is not one is refused, and left alone.
	before, _ := os.ReadFile(notDB)
	r := iceberg(t, nil, "--db", notDB, "list")
	after, _ := os.ReadFile(notDB)
	if r.code != 1 || !strings.Contains(r.stderr, "not an SQLite file") || !bytes.Equal(before, after) {
		t.Errorf("not-a-database: %+v", r)
	}
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	r := iceberg(t, nil, "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "export-json") || !strings.Contains(r.stdout, "--db FILE") {
		t.Errorf("--help: %+v", r)
	}
	for _, c := range []string{"new", "list", "show", "shade", "note", "agree", "summary", "follow-up", "delete",
		"restore", "undo", "redo", "export-json", "import", "export-csv", "framework", "export", "cover"} {
		r := iceberg(t, nil, c, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage: iceberg [--db PATH] "+c) {
			t.Errorf("%s --help: %+v", c, r)
		}
	}
	r = iceberg(t, nil, "--version")
	if r.code != 0 || r.stdout != testVersion+"\n" {
		t.Errorf("--version: %+v", r)
	}
}

func TestExportPDF(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Board map", "--cop", "Communications Strategy Group",
		"--facilitator", "Zoë Facilitator"))
	ok(t, db, "participants", id, "lay_rep", "2", "Łukasz Nowak", "Siân Jones")
	ok(t, db, "participants", id, "service_user", "5")
	ok(t, db, "cover", id, "--meeting", "Board meeting in public", "--purpose", "information", "--agenda-item", "7.2")
	ok(t, db, "shade", id, "Reporting", "shaded")
	dir := t.TempDir()

	draft := filepath.Join(dir, "draft.pdf")
	ok(t, db, "export", id, "--out", draft)
	text := pdfWords(t, draft)
	for _, want := range []string{"DRAFT", "Participation", "Meanings", "Reporting", "Board meeting in public", "7 people took part"} {
		if !strings.Contains(text, want) {
			t.Errorf("public draft PDF lacks %q", want)
		}
	}
	for _, name := range []string{"Łukasz", "Siân", "Zoë"} {
		if strings.Contains(text, name) {
			t.Errorf("public PDF contains the name %s", name)
		}
	}

	for _, e := range []string{"P", "Mat", "C", "BE", "M"} {
		ok(t, db, "agree", id, e)
	}
	named := filepath.Join(dir, "named.pdf")
	ok(t, db, "export", id, "--out", named, "--names", "--paper", "letter", "--no-cover")
	text = pdfWords(t, named)
	if strings.Contains(text, "DRAFT") {
		t.Error("an agreed session's PDF still says DRAFT")
	}
	for _, name := range []string{"Łukasz Nowak", "Siân Jones"} {
		if !strings.Contains(text, name) {
			t.Errorf("PDF with --names lacks %s", name)
		}
	}
	if strings.Contains(text, "Board meeting in public") {
		t.Error("--no-cover still printed the cover sheet")
	}
	info, _ := exec.Command("pdfinfo", named).CombinedOutput()
	if !strings.Contains(string(info), "612 x 792") {
		t.Errorf("--paper letter gave %s", info)
	}

	csv := ok(t, db, "export-csv", id)
	for _, name := range []string{"Łukasz", "Siân", "Zoë"} {
		if strings.Contains(csv, name) {
			t.Errorf("CSV contains the name %s", name)
		}
	}

	// The same session gives the same bytes.
	again := filepath.Join(dir, "again.pdf")
	ok(t, db, "export", id, "--out", again, "--names", "--paper", "letter", "--no-cover")
	a, _ := os.ReadFile(named)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two exports of one session differ")
	}

	// A failed export leaves nothing behind, and an existing file untouched.
	r := iceberg(t, nil, "--db", db, "export", "99", "--out", named)
	if r.code != 1 || !strings.Contains(r.stderr, "no session with id 99") {
		t.Errorf("missing session: %+v", r)
	}
	if c, _ := os.ReadFile(named); !bytes.Equal(c, a) {
		t.Error("a failed export changed the existing file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("export left stray files: %d entries", len(entries))
	}
}
