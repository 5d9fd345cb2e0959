package export

import (
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// Insert mode, for an ICB that uses its own cover template: no cover sheet
// and no page numbers of the paper's own, just the numbered sections from
// the message page on.
func TestPaperInsertMode(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 300)
	full := pdfText(t, mustPDF(t, r, Options{}))
	b := mustPDF(t, r, Options{Insert: true})
	validate(t, b)
	pages := pdfText(t, b)
	if len(pages) != len(full)-1 {
		t.Errorf("insert mode has %d pages, want the full paper's %d less the cover", len(pages), len(full))
	}
	if !strings.HasPrefix(strings.TrimSpace(pages[0]), "1. What the map shows") {
		t.Errorf("insert mode's page 1 is not the message page:\n%s", pages[0])
	}
	if !strings.HasPrefix(strings.TrimSpace(pages[1]), "2. THE MAP") {
		t.Errorf("insert mode's page 2 is not the map:\n%s", pages[1])
	}
	all := flat(strings.Join(pages, "\n"))
	for _, gone := range []string{"Page 1 of", "Page 2 of", "In this paper", "Governing Body meeting in public", "Last changed"} {
		if strings.Contains(all, gone) {
			t.Errorf("insert mode still prints %q", gone)
		}
	}
	// Section numbers stay, so a board can still cite "section 3".
	for _, want := range []string{"1. What the map shows", "3. Recommendations and actions", "4. Who took part", "5. Appendix: what the group said about each element", "5.1 Participation (P)"} {
		if !strings.Contains(all, want) {
			t.Errorf("insert mode lacks the section %q", want)
		}
	}
	// The paper without a cover keeps its page numbers, as before.
	if nc := flat(strings.Join(pdfText(t, mustPDF(t, r, Options{NoCover: true})), "\n")); !strings.Contains(nc, "Page 1 of") {
		t.Error("--no-cover lost its page numbers")
	}
}

// "What the map shows" says what moved since the previous mapping when the
// session follows one up and the earlier record is given; nothing when it
// is not a follow-up.
func TestPaperWhatMoved(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	before := fullRecord(t, fw, 50)
	after := followUp(t, fw, before)
	after.FollowsID = before.ID

	msg := flat(pdfText(t, mustPDF(t, after, Options{Previous: before}))[1])
	for _, want := range []string{
		"What moved since the previous mapping",
		"Compared with “Governing Body PPEI mapping – spring 2026” (14 March 2026), 3 practices moved up, 2 practices moved down and 17 stayed the same.",
		"Up: Inspiring (partly to shaded), Remembering (not shaded to partly) and Valuing (not shaded to shaded).",
		"Down: Reporting (partly to not shaded) and Welcoming (shaded to not shaded).",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the follow-up's message page lacks %q:\n%s", want, msg)
		}
	}
	// Without the earlier record a follow-up says so; a first mapping says nothing.
	if m := flat(pdfText(t, mustPDF(t, after, Options{}))[1]); !strings.Contains(m, "follows up an earlier mapping, which was not available") {
		t.Errorf("a follow-up without its earlier record does not say so:\n%s", m)
	}
	if m := flat(pdfText(t, mustPDF(t, before, Options{}))[1]); strings.Contains(m, "moved") {
		t.Errorf("a first mapping's message page speaks of moves:\n%s", m)
	}
	// In insert mode too.
	if m := flat(pdfText(t, mustPDF(t, after, Options{Insert: true, Previous: before}))[0]); !strings.Contains(m, "What moved since the previous mapping") {
		t.Errorf("insert mode's message page lacks what moved:\n%s", m)
	}
}
