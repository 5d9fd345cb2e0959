package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A session that names people the way a real one does: officers on the
// cover with job titles, named participants, notes about them with an NHS
// number and an email address.
func privacySession(t *testing.T, db string) string {
	t.Helper()
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Board map", "--cop", "Communications Strategy Group",
		"--facilitator", "Siân O'Neill"))
	ok(t, db, "participants", id, "service_user", "3", "Will Hope", "Zoë Clarke")
	ok(t, db, "cover", id, "--meeting", "Board meeting in public", "--author", "Julie Marsh, Senior Commissioning Support Manager",
		"--presenter", "Ben Adeyemi, Director of Communications and Engagement")
	ok(t, db, "summary", id, "Will Hope asked that we will hope for better letters. Hope is good. Zoe (NHS number 943 476 5919) can be reached at zoe.clarke@example.org. The volume of Board papers and the Engagement plan were discussed.")
	return id
}

func TestPrivacyCommand(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := privacySession(t, db)
	out := ok(t, db, "privacy", id)
	for _, want := range []string{
		"the facilitator's name", "a participant's name", "an officer named on the cover",
		"the summary: [Will Hope] asked that we will hope", "an NHS number", "email address",
		"Public outputs:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("privacy list lacks %q:\n%s", want, out)
		}
	}
	var js struct {
		Findings []struct {
			N                    int
			Kind, Decision, Text string
			Review               bool
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "privacy", id, "--json")), &js); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, f := range js.Findings {
		kinds[f.Kind+":"+f.Text] = f.Decision
	}
	for k, want := range map[string]string{
		"NHS number:943 476 5919": "withhold", "email address:zoe.clarke@example.org": "withhold",
		"name:Will Hope": "withhold", "name:Zoe": "withhold", "person:Julie Marsh": "keep", "person:Siân O'Neill": "withhold",
	} {
		if got := kinds[k]; got != want {
			t.Errorf("%s: decision %q, want %q (all: %v)", k, got, want, kinds)
		}
	}

	// A decision is remembered for the session and every public output
	// follows it: keep the NHS number, withhold "Hope" at a sentence start.
	nhs, hope := 0, 0
	for _, f := range js.Findings {
		switch {
		case f.Kind == "NHS number":
			nhs = f.N
		case f.Review:
			hope = f.N
		}
	}
	if nhs == 0 || hope == 0 {
		t.Fatalf("no NHS number or review item in the list: %+v", js.Findings)
	}
	ok(t, db, "decide", id, strconv.Itoa(nhs), "keep")
	if out := ok(t, db, "decide", id, strconv.Itoa(hope), "withhold"); !strings.Contains(out, "0 still need a decision") {
		t.Errorf("after deciding the one review item: %s", out)
	}
	pdf := filepath.Join(t.TempDir(), "p.pdf")
	r := iceberg(t, nil, "--db", db, "export", id, "--out", pdf)
	if text := pdfWords(t, pdf); !strings.Contains(text, "943 476 5919") || !strings.Contains(text, "[name withheld] is good") {
		t.Errorf("the PDF does not follow the decisions: %s", text)
	}
	if !strings.Contains(r.stderr, "nothing needs a decision") {
		t.Errorf("export's note = %q", r.stderr)
	}
	if out := ok(t, db, "privacy", id); !strings.Contains(out, "(your decision)") {
		t.Errorf("the list does not show the decisions made:\n%s", out)
	}
	ok(t, db, "decide", id, strconv.Itoa(nhs), "default")
	if bad := iceberg(t, nil, "--db", db, "decide", id, "99", "keep"); bad.code != 2 {
		t.Errorf("decide on a place not in the list: %+v", bad)
	}
}

func TestPublicOutputsFollowThePrivacyStep(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := privacySession(t, db)
	dir := t.TempDir()
	secrets := []string{"Will Hope", "Zoe ", "Zoë", "Siân", "O'Neill", "943 476 5919", "zoe.clarke@example.org"}

	pdf := filepath.Join(dir, "paper.pdf")
	r := iceberg(t, nil, "--db", db, "export", id, "--out", pdf)
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "Privacy: ") || !strings.Contains(lines[0], " withheld") {
		t.Errorf("export's note on standard error = %q, want one line counting what was withheld", r.stderr)
	}
	text := pdfWords(t, pdf)
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("public PDF shows %q", s)
		}
	}
	for _, want := range []string{"Julie Marsh, Senior Commissioning Support Manager", "we will hope for better letters", "The volume of Board papers and the Engagement plan"} {
		if !strings.Contains(text, want) {
			t.Errorf("public PDF lacks %q", want)
		}
	}

	csv := iceberg(t, nil, "--db", db, "export-csv", id)
	for _, s := range secrets {
		if strings.Contains(csv.stdout, s) {
			t.Errorf("public CSV shows %q", s)
		}
	}
	if !strings.HasPrefix(csv.stderr, "Privacy: ") {
		t.Errorf("export-csv's note on standard error = %q", csv.stderr)
	}

	full := ok(t, db, "export-json", id)
	public := ok(t, db, "export-json", id, "--no-names")
	for _, s := range []string{"Will Hope", "Siân O'Neill", "943 476 5919", "zoe.clarke@example.org"} {
		if !strings.Contains(full, s) {
			t.Errorf("the session file lacks %q: it is the one complete copy", s)
		}
		if strings.Contains(public, s) {
			t.Errorf("export-json --no-names keeps %q", s)
		}
	}
	// The public copy is still a session file that imports.
	f := filepath.Join(dir, "public.json")
	if err := os.WriteFile(f, []byte(public), 0o644); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "import", f)

	help := iceberg(t, nil, "export-json", "--help")
	if !strings.Contains(help.stdout+help.stderr, "keeps every name") {
		t.Errorf("export-json --help does not say the session file keeps names:\n%s%s", help.stdout, help.stderr)
	}
}
