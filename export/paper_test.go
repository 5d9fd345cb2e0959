package export

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// The paper reads message first, in the report model's order, each
// section numbered and starting where the order says.
func TestPaperSectionOrder(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 200)
	pages := pdfText(t, mustPDF(t, r, Options{}))
	all := flat(strings.Join(pages, "\n"))
	rep, err := report.Build(fw, r, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"In this paper"}
	for _, s := range rep.Sections {
		want = append(want, s.Heading())
	}
	if len(want) != 6 || want[1] != "1. What the map shows" || want[2] != "2. The map" ||
		want[3] != "3. Recommendations and actions" || want[4] != "4. Who took part" ||
		want[5] != "5. Appendix: what the group said about each element" {
		t.Fatalf("the report's sections are not the message-first order: %q", want)
	}
	// The cover's contents line names every section: look after the cover.
	at := strings.Index(all, "Page 1 of")
	for _, w := range want[1:] {
		if w == "2. The map" {
			w = "2. THE MAP" // the map page's kicker
		}
		i := strings.Index(all[at:], w)
		if i < 0 {
			t.Fatalf("%q missing, or out of order, in:\n%s", w, all)
		}
		at += i + len(w)
	}
	if !strings.Contains(pages[0], "In this paper") {
		t.Errorf("page 1 is not the cover sheet:\n%s", pages[0])
	}
	if !strings.HasPrefix(strings.TrimSpace(pages[1]), "1. What the map shows") {
		t.Errorf("page 2 does not start with what the map shows:\n%s", pages[1])
	}
	if !strings.HasPrefix(strings.TrimSpace(pages[2]), "2. THE MAP") {
		t.Errorf("page 3 is not the map:\n%s", pages[2])
	}
	// Actions come before the appendix's notes, the complaint.
	if a, n := strings.Index(all, "Board secretary"), strings.Index(all, "5.1 Participation (P)"); a < 0 || n < 0 || a > n {
		t.Errorf("actions (at %d) do not come before the appendix (at %d)", a, n)
	}
	// With the cover left out, the paper starts with the message.
	ins := pdfText(t, mustPDF(t, r, Options{NoCover: true}))
	if !strings.HasPrefix(strings.TrimSpace(ins[0]), "1. What the map shows") {
		t.Errorf("without a cover, page 1 is not the message page:\n%s", ins[0])
	}
}

// "What the map shows" spells out PPEI, says how to read the map in three
// numbered lines, gives the headline and whether the map is agreed.
func TestPaperMessagePage(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 50)
	pages := pdfText(t, mustPDF(t, r, Options{}))
	msg := flat(pages[1])
	for _, want := range []string{
		"PPEI stands for patient and public engagement and involvement.",
		"How to read the map", "1. Below the waterline", "2. The group shaded the words", "3. Each level shows",
		"shaded means found in this group's practice, partly means found in part, and not shaded means not found in this group's practice.",
		"What the group found", "The group found 11 of the 22 practices in its own work, and 6 more in part.",
		"Not found in this group's practice: Engaging",
		"Agreed or draft", "Agreed: the group agreed all 5 elements of the map.",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message page lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "4. ") {
		t.Errorf("how to read the map has more than three lines:\n%s", msg)
	}
	draft := fullRecord(t, fw, 50)
	draft.Elements[0].AgreedAt = nil
	draft.Status = data.StatusDraft
	dm := flat(pdfText(t, mustPDF(t, draft, Options{}))[1])
	if !strings.Contains(dm, "Draft: the group has agreed 4 of the 5 elements, so the map may still change.") {
		t.Errorf("a draft's message page does not say it is a draft:\n%s", dm)
	}
}

// Every section has a bookmark, in order, on the page where it starts;
// each element of the appendix has one below it.
func TestPaperBookmarks(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	b := mustPDF(t, fullRecord(t, fw, 200), Options{})
	validate(t, b)
	api.DisableConfigDir()
	bms, err := api.Bookmarks(bytes.NewReader(b), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatalf("read bookmarks: %v", err)
	}
	var titles []string
	for _, bm := range bms {
		titles = append(titles, bm.Title)
	}
	want := []string{"Board paper", "1. What the map shows", "2. The map", "3. Recommendations and actions",
		"4. Who took part", "5. Appendix: what the group said about each element"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Fatalf("bookmarks = %q, want %q", titles, want)
	}
	pages := pdfText(t, b)
	for _, bm := range bms[1:] {
		page := flat(pages[bm.PageFrom-1])
		if !strings.Contains(strings.ToLower(page), strings.ToLower(bm.Title)) {
			t.Errorf("bookmark %q points at page %d, which lacks it", bm.Title, bm.PageFrom)
		}
	}
	var kids []string
	for _, k := range bms[5].Kids {
		kids = append(kids, k.Title)
	}
	if len(kids) != len(fw.Elements) || kids[0] != "5.1 Participation (P)" {
		t.Errorf("appendix bookmarks = %q, want one per element from 5.1 Participation (P)", kids)
	}
}

// The key and every explanation say found / found in part / not found in
// this group's practice, never "hidden" or "not seen".
func TestPaperKeyWording(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	pages := pdfText(t, mustPDF(t, fullRecord(t, fw, 50), Options{}))
	all := flat(strings.Join(pages, "\n"))
	mp := flat(pages[mapPageIndex(t, pages)])
	for _, want := range []string{"found in this group's practice", "found in part", "not found in this group's practice"} {
		if !strings.Contains(strings.ToLower(mp), want) {
			t.Errorf("the map page's key lacks %q:\n%s", want, mp)
		}
	}
	// The elements' plain words are labelled as the app's, and follow the
	// research: materiality is minutes, checklists, guidelines, time,
	// reporting and physical spaces, not money.
	if n := strings.Count(all, "In this app's words:"); n != len(fw.Elements) {
		t.Errorf("%d plain-words lines are labelled as this app's, want %d", n, len(fw.Elements))
	}
	if !strings.Contains(all, "In this app's words: The fixed things the work needs: minutes, checklists, guidelines, time, reporting and physical spaces.") {
		t.Errorf("materiality's plain words are not the research's:\n%s", all)
	}
	if strings.Contains(all, "money") {
		t.Error("the paper says materiality is money")
	}
	if !strings.HasPrefix(flat(pages[0]), "NORTH RIVERSIDE") || !strings.Contains(flat(pages[0]), "Board paper:") {
		t.Errorf("the cover does not read as a board paper:\n%s", pages[0])
	}
	noOrg := fullRecord(t, fw, 50)
	noOrg.Organisation = ""
	if c := flat(pdfText(t, mustPDF(t, noOrg, Options{}))[0]); !strings.HasPrefix(c, "BOARD PAPER") {
		t.Errorf("with no organisation the cover's heading is not \"Board paper\":\n%s", c)
	}
	for _, bad := range []string{"not seen", "hidden practice", "still below the surface", "Hidden"} {
		// The test session's own notes may say "hidden"; the paper's words must not.
		if strings.Contains(strings.ReplaceAll(all, "“hidden”", ""), bad) {
			t.Errorf("the paper says %q", bad)
		}
	}
}

// The metadata a board pack's PDF carries: language, title shown by the
// reader, title, subject, author (the organisation), a document ID, and a
// version that has them.
func TestPaperMetadata(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Fatalf("pdfinfo is not installed (apt-get install poppler-utils): %v", err)
	}
	fw := data.DefaultFramework()
	b := mustPDF(t, fullRecord(t, fw, 50), Options{})
	validate(t, b)
	f := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	info := string(out)
	for _, want := range []string{
		"Title:           Governing Body PPEI mapping – spring 2026",
		"Subject:         PPEI iceberg map: 11 of 22 practices shaded, 6 partly",
		"Author:          North Riverside Integrated Care Board",
		"PDF version:     1.7",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	for _, re := range []string{`/Lang \(en-GB\)`, `/ViewerPreferences <</DisplayDocTitle true>>`, `/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`} {
		if !regexp.MustCompile(re).Match(b) {
			t.Errorf("PDF lacks %s", re)
		}
	}
	// Another session gives another ID.
	other := fullRecord(t, fw, 50)
	other.Title = "Another session"
	id := regexp.MustCompile(`/ID \[<([0-9a-f]{32})>`)
	if a, o := id.FindSubmatch(b), id.FindSubmatch(mustPDF(t, other, Options{})); a == nil || o == nil || bytes.Equal(a[1], o[1]) {
		t.Errorf("two different papers have the same document ID")
	}
}

// A word as pdftotext -bbox places it: its text, its page, its top and
// bottom in points, and the type size its box gives.
type boxWord struct {
	text       string
	page       int
	yMin, yMax float64
	size       float64
}

// ascentDescent is how tall Noto Sans's word box is, per point of type
// size, in pdftotext's boxes (ascent 1.069 plus descent 0.293).
const ascentDescent = 1.362

func wordBoxes(t *testing.T, b []byte) (words []boxWord, pageH float64) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	pageRe := regexp.MustCompile(`<page width="[\d.]+" height="([\d.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	page := 0
	for _, line := range strings.Split(string(out), "\n") {
		if m := pageRe.FindStringSubmatch(line); m != nil {
			page++
			pageH, _ = strconv.ParseFloat(m[1], 64)
			continue
		}
		if m := wordRe.FindStringSubmatch(line); m != nil {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, boxWord{text: m[3], page: page, yMin: y0, yMax: y1, size: (y1 - y0) / ascentDescent})
		}
	}
	if len(words) == 0 {
		t.Fatal("pdftotext found no words")
	}
	return words, pageH
}

// Readable type, measured from the extracted word boxes: body text is at
// least 11 pt, nothing on the map page is below 8 pt, the footer is at
// least 9 pt, and every doing word on the map is the same size
// ("Time-consuming" too).
func TestPaperTypeSizes(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	for _, paper := range []string{"a4", "letter"} {
		b := mustPDF(t, fullRecord(t, fw, 300), Options{Paper: paper})
		pages := pdfText(t, b)
		mapPage := mapPageIndex(t, pages) + 1
		words, pageH := wordBoxes(t, b)
		footerTop := pageH - marginBottom*72/25.4
		labels := map[string]bool{}
		for _, e := range fw.Elements {
			for _, w := range e.Words {
				for _, part := range strings.SplitAfter(w.Label, "-") {
					labels[part] = true
				}
			}
		}
		var wordSizes []float64
		smallest, smallestBody := 100.0, 100.0
		for _, w := range words {
			const tol = 0.05
			switch {
			case w.page == mapPage:
				smallest = min(smallest, w.size)
				if w.size < 8-tol {
					t.Errorf("%s: %q on the map page is %.2f pt, below 8 pt", paper, w.text, w.size)
				}
				if labels[w.text] && w.yMin > 200 && w.yMin < footerTop-120 {
					wordSizes = append(wordSizes, w.size)
				}
			case w.yMin >= footerTop:
				if w.size < 9-tol {
					t.Errorf("%s: footer word %q on page %d is %.2f pt, below 9 pt", paper, w.text, w.page, w.size)
				}
			default:
				smallestBody = min(smallestBody, w.size)
				if w.size < 11-tol {
					t.Errorf("%s: %q on page %d is %.2f pt, below 11 pt", paper, w.text, w.page, w.size)
				}
			}
		}
		t.Logf("%s: smallest on the map page %.2f pt, smallest body text %.2f pt", paper, smallest, smallestBody)
		if len(wordSizes) < 22 {
			t.Fatalf("%s: found %d doing words on the map page, want at least 22", paper, len(wordSizes))
		}
		for _, s := range wordSizes {
			if abs(s-wordSizes[0]) > 0.05 {
				t.Errorf("%s: doing words on the map are not all one size: %.2f and %.2f pt", paper, wordSizes[0], s)
				break
			}
		}
	}
}

// No row of a table and no lone line of a paragraph sits on a page by
// itself, in realistic sessions with long notes and many actions, on A4
// and Letter: every page but the last holds at least three lines of text
// above the footer, and the last at least two.
func TestPaperNoOrphans(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	for _, paper := range []string{"a4", "letter"} {
		for _, notes := range []int{150, 400, 700, 1000, 1300} {
			r := fullRecord(t, fw, notes)
			for i := 0; i < notes/100; i++ {
				r.Actions = append(r.Actions, data.Action{Text: fmt.Sprintf("Action %d: ask the lay representatives what would help them take part, and report back to the board", i+1), Owner: "Board secretary", Due: "2026-06-30", Element: "P"})
			}
			b := mustPDF(t, r, Options{Paper: paper})
			words, pageH := wordBoxes(t, b)
			footerTop := pageH - marginBottom*72/25.4
			lines := map[int]map[int]bool{}
			pages := 0
			for _, w := range words {
				pages = max(pages, w.page)
				if w.yMin >= footerTop {
					continue
				}
				if lines[w.page] == nil {
					lines[w.page] = map[int]bool{}
				}
				lines[w.page][int(w.yMin/3)] = true
			}
			// No heading or label is the last line of a page.
			lastY := map[int]float64{}
			for _, w := range words {
				if w.yMin < footerTop {
					lastY[w.page] = max(lastY[w.page], w.yMin)
				}
			}
			last := map[int][]string{}
			for _, w := range words {
				if w.yMin == lastY[w.page] {
					last[w.page] = append(last[w.page], w.text)
				}
			}
			for pg, ws := range last {
				l := strings.Join(ws, " ")
				if l == "Discussion notes" || l == "Shaded by the group" || strings.HasPrefix(l, "5.") && strings.HasSuffix(l, ")") {
					t.Errorf("%s, notes of %d: page %d ends with the heading %q, apart from what it heads", paper, notes, pg, l)
				}
			}
			for pg := 1; pg <= pages; pg++ {
				want := 3
				if pg == pages {
					want = 2
				}
				if n := len(lines[pg]); n < want {
					var text []string
					for _, w := range words {
						if w.page == pg {
							text = append(text, w.text)
						}
					}
					t.Errorf("%s, notes of %d: page %d of %d holds only %d line(s) of text: %s", paper, notes, pg, pages, n, strings.Join(text, " "))
				}
			}
		}
	}
}
