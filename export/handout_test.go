package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

func mustHandout(tb testing.TB, opt HandoutOptions) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteHandout(&buf, data.DefaultFramework(), opt); err != nil {
		tb.Fatalf("WriteHandout: %v", err)
	}
	return kept(tb, buf.Bytes())
}

func TestWriteHandout(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	b := mustHandout(t, HandoutOptions{})
	validate(t, b)
	pages := pdfText(t, b)
	all := flat(strings.Join(pages, " "))
	if !strings.Contains(flat(pages[0]), "YOUR OWN VIEW") {
		t.Errorf("page 1 is not the map to shade:\n%s", pages[0])
	}
	for _, e := range fw.Elements {
		if !strings.Contains(flat(pages[0]), e.Name) {
			t.Errorf("map page lacks element %q", e.Name)
		}
		for _, w := range e.Words {
			if !strings.Contains(flat(pages[0]), w.Label) {
				t.Errorf("map page lacks doing word %q", w.Label)
			}
		}
		for _, s := range []string{e.Definition, e.Plain} {
			if !strings.Contains(all, flat(clean(s))) {
				t.Errorf("hand-out lacks %q", s)
			}
		}
		for _, q := range e.Prompts {
			if !strings.Contains(all, flat(clean(q.Text))) {
				t.Errorf("hand-out lacks the prompt %q", q.Text)
			}
		}
	}
	// Words true to the research: the questions are the app's, based on
	// its findings; the plain-words lines are labelled as the app's; the key
	// says found, never seen.
	for _, want := range []string{"questions based on the research's findings", "In this app's words: The fixed things the work needs",
		"not found in our practice", "found in part", "found in our practice"} {
		if !strings.Contains(all, want) {
			t.Errorf("hand-out lacks %q", want)
		}
	}
	for _, bad := range []string{"seen clearly", "not seen", "In plain words", "questions from the research", "money"} {
		if strings.Contains(all, bad) {
			t.Errorf("hand-out says %q", bad)
		}
	}
	n, w, h := pageInfo(t, b)
	if abs(w-595.28) > 1 || abs(h-841.89) > 1 {
		t.Errorf("page is %g × %g pt, want A4", w, h)
	}
	for i, p := range pages {
		if want := "Page " + string(rune('1'+i)) + " of "; !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	if n < 2 || n > 4 {
		t.Errorf("hand-out has %d pages, want 2 to 4", n)
	}
}

func TestWriteHandoutSessionLine(t *testing.T) {
	t.Parallel()
	b := mustHandout(t, HandoutOptions{Title: "Siân’s group – “spring” mapping", Community: "Communications Strategy Group", Organisation: "Northshire ICB", Date: "2026-03-14", Paper: "letter"})
	validate(t, b)
	first := flat(pdfText(t, b)[0])
	for _, want := range []string{"Siân’s group – “spring” mapping", "Community of practice: Communications Strategy Group", "Organisation: Northshire ICB", "Date: 14 March 2026"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	if _, w, h := pageInfo(t, b); abs(w-612) > 1 || abs(h-792) > 1 {
		t.Errorf("page is %g × %g pt, want US Letter", w, h)
	}
}

func TestWriteHandoutRepeatable(t *testing.T) {
	t.Parallel()
	opt := HandoutOptions{Title: "Training day"}
	a := mustHandout(t, opt)
	for i := 0; i < 2; i++ {
		if b := mustHandout(t, opt); !bytes.Equal(a, b) {
			t.Fatalf("run %d gave different bytes", i+2)
		}
	}
	golden(t, "handout.pdf", a)
}

func TestWriteHandoutBadInput(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteHandout(&buf, data.DefaultFramework(), HandoutOptions{Paper: "A3"}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("paper A3: got %v, want an invalid-input error", err)
	}
	if err := WriteHandout(&buf, nil, HandoutOptions{}); err == nil {
		t.Error("no framework: got no error")
	}
	// Control characters and runes the font lacks never stop the sheet.
	if err := WriteHandout(&buf, data.DefaultFramework(), HandoutOptions{Title: "a\x00b\tc 🧊 \u202e", Date: "next week"}); err != nil {
		t.Errorf("odd title: %v", err)
	}
}
