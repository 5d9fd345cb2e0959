package data_test

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
	"github.com/ppei-iceberg/iceberg/resources"
)

func mustExamples(tb testing.TB) []data.Example {
	tb.Helper()
	exs, err := data.Examples(data.DefaultFramework())
	if err != nil {
		tb.Fatalf("Examples: %v", err)
	}
	return exs
}

func TestExamplesValidate(t *testing.T) {
	fw := data.DefaultFramework()
	exs := mustExamples(t)
	if len(exs) < 2 || len(exs) > 3 {
		t.Fatalf("%d examples, want 2 or 3", len(exs))
	}
	// Anything in an example's text shaped like a finding id must be one.
	idLike := regexp.MustCompile(`\b(?:general|trust|leadership|learning|partnership)\.[a-z][a-z-]*[a-z]\b`)
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			if err := ex.File.Check(fw); err != nil {
				t.Errorf("Check: %v", err)
			}
			if !strings.HasPrefix(ex.Title, "Illustrative example") {
				t.Errorf("title %q is not labelled as an illustrative example", ex.Title)
			}
			for _, s := range []string{ex.Description, ex.File.Session.Summary} {
				if !strings.Contains(s, "not the researcher's own shading") {
					t.Errorf("%q does not say it is not the researcher's own shading", s)
				}
			}
			if len(ex.Findings) == 0 {
				t.Error("draws on no findings")
			}
			for _, f := range ex.Findings {
				if !strings.Contains(ex.File.Session.Summary, f.Text) {
					t.Errorf("the summary does not quote finding %s as the framework has it", f.ID)
				}
			}
			var all []string
			all = append(all, ex.Title, ex.Description, ex.File.Session.Summary)
			for _, w := range ex.File.Words {
				all = append(all, w.Note)
			}
			for _, e := range ex.File.Elements {
				all = append(all, e.Notes)
			}
			// The findings it draws on are the framework's (the words shown
			// carry no ids: TestExamplesShowNoFindingIDs).
			if len(ex.Findings) == 0 {
				t.Error("cites no findings")
			}
			for _, f := range ex.Findings {
				if _, ok := fw.Finding(f.ID); !ok {
					t.Errorf("cites finding %q, which the framework does not have", f.ID)
				}
			}
			for _, id := range idLike.FindAllString(strings.Join(all, "\n"), -1) {
				if _, ok := fw.Finding(id); ok {
					t.Errorf("shows the finding id %q", id)
				}
			}
			if ex.File.Session.Facilitator != "" || len(ex.File.Session.Participants) != 0 {
				t.Error("an example names people")
			}
			shaded := 0
			for _, w := range ex.File.Words {
				if w.Level != data.ShadeNone {
					shaded++
				}
			}
			if shaded == 0 {
				t.Error("shades nothing")
			}
		})
	}
}

// TestExamplesTieWordsToTheFindings checks that each example says its
// shading, notes and actions are this app's illustrations, and that a
// word's note ties it to what the research gives for that word: time
// pressures for Time-consuming, physical spaces for Resourcing, policy and
// requirements for Aligning.
func TestExamplesTieWordsToTheFindings(t *testing.T) {
	ties := map[string][]string{
		"mat.time-consuming": {"time pressures"},
		"mat.resourcing":     {"physical spaces"},
		"p.aligning":         {"policy", "requirements"},
	}
	for _, ex := range mustExamples(t) {
		t.Run(ex.Name, func(t *testing.T) {
			for _, s := range []string{ex.Description, ex.File.Session.Summary} {
				if !strings.Contains(s, "this app's illustrations, not the research's") {
					t.Errorf("%.60q… does not say its shading, notes and actions are this app's illustrations", s)
				}
			}
			for _, w := range ex.File.Words {
				lower := strings.ToLower(w.Note)
				for _, bad := range []string{"hidden", "not seen", "below the surface", "above the waterline"} {
					if strings.Contains(lower, bad) {
						t.Errorf("%s's note says %q: %q", w.WordID, bad, w.Note)
					}
				}
				want, ok := ties[w.WordID]
				if !ok || w.Note == "" {
					continue
				}
				found := false
				for _, x := range want {
					found = found || strings.Contains(lower, x)
				}
				if !found {
					t.Errorf("%s's note %q does not tie it to %v, as the research does", w.WordID, w.Note, want)
				}
			}
		})
	}
}

func TestExampleOpenedTwice(t *testing.T) {
	ctx := context.Background()
	fw := data.DefaultFramework()
	before := embedded(t)
	exs := mustExamples(t)
	first := exs[0]
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "iceberg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.Import(ctx, first.File)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	b, err := st.Import(ctx, first.File)
	if err != nil {
		t.Fatalf("import again: %v", err)
	}
	if a == b {
		t.Fatalf("both imports gave session %d", a)
	}
	// Edit the first copy: the second copy and the example stay as they were.
	w := first.File.Words[0]
	if err := st.SetShade(ctx, a, w.WordID, w.Level.Next()); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSummary(ctx, a, "Our own notes"); err != nil {
		t.Fatal(err)
	}
	ra, _ := st.Session(ctx, a)
	rb, _ := st.Session(ctx, b)
	if ra.Word(w.WordID).Level == rb.Word(w.WordID).Level || rb.Summary != first.File.Session.Summary {
		t.Errorf("editing one copy changed the other")
	}
	if got := data.NewSessionFile(fw, rb); !reflect.DeepEqual(got.Words, first.File.Words) {
		t.Errorf("the second copy's words differ from the example's")
	}
	again := mustExamples(t)
	if !reflect.DeepEqual(again[0], first) {
		t.Errorf("the example changed after it was opened and edited")
	}
	if after := embedded(t); !reflect.DeepEqual(before, after) {
		t.Errorf("the embedded example files changed")
	}
	// What a caller does to its copy does not reach the next caller.
	again[0].File.Words[0].Level = data.ShadeShaded
	again[0].File.Session.Title = "changed"
	if third := mustExamples(t); third[0].File.Session.Title != first.Title || !reflect.DeepEqual(third[0].File.Words, first.File.Words) {
		t.Errorf("changing a returned example changed the next one read")
	}
}

// embedded reads the raw example files.
func embedded(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(resources.Examples, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(resources.Examples, p)
		out[p] = bytes.Clone(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExampleTallyRoundTrip(t *testing.T) {
	ctx := context.Background()
	fw := data.DefaultFramework()
	var ex *data.Example
	for _, e := range mustExamples(t) {
		if e.File.Session.TallyOf != nil {
			ex = &e
			break
		}
	}
	if ex == nil {
		t.Fatal("no example has a tally")
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "iceberg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := st.Import(ctx, ex.File)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Session(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := data.NewSessionFile(fw, r).Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := data.ReadSessionFile(&buf, fw)
	if err != nil {
		t.Fatal(err)
	}
	if *back.Session.TallyOf != *ex.File.Session.TallyOf {
		t.Errorf("tally of %d people came back as %d", *ex.File.Session.TallyOf, *back.Session.TallyOf)
	}
	n := 0
	for i, w := range ex.File.Words {
		got := back.Words[i]
		if (w.Tally == nil) != (got.Tally == nil) || (w.Tally != nil && *w.Tally != *got.Tally) {
			t.Errorf("%s: tally %v came back as %v", w.WordID, w.Tally, got.Tally)
		}
		if w.Tally != nil {
			n++
		}
	}
	if n == 0 {
		t.Error("the example has no word tallies")
	}
}

// An example shows the findings' words, never the framework's ids
// ("leadership.procedures"): not in its title, its description, or the
// summary the new session gets.
func TestExamplesShowNoFindingIDs(t *testing.T) {
	fw := data.DefaultFramework()
	exs, err := data.Examples(fw)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range fw.Bundles {
		for _, f := range b.Findings {
			ids = append(ids, f.ID)
		}
	}
	for _, f := range fw.GeneralFindings {
		ids = append(ids, f.ID)
	}
	for _, ex := range exs {
		for _, s := range []string{ex.Title, ex.Description, ex.File.Session.Summary, ex.File.Session.Purpose} {
			for _, id := range ids {
				if strings.Contains(s, id) {
					t.Errorf("example %s shows the id %q in %q", ex.Name, id, s)
				}
			}
		}
		if len(ex.Findings) == 0 {
			t.Errorf("example %s draws on no findings", ex.Name)
		}
	}
}
