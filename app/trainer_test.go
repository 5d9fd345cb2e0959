package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

func TestLearnPagesRenderAndTurnWithKeys(t *testing.T) {
	h := newHarness(t)
	h.u.showLearn()
	l := h.u.cur.learn
	if l == nil || h.u.screen != screenLearn {
		t.Fatal("Learn did not open from Home")
	}
	n := len(l.pages)
	if n < 15 {
		t.Fatalf("Learn has %d pages, want the study, elements, quotes, bundles, iceberg, guide and sources", n)
	}
	fw := h.store.Framework()
	var sawApp, sawSources bool
	for i := 0; i < n; i++ {
		if l.page != i {
			t.Fatalf("after %d presses of PageDown the page is %d", i, l.page+1)
		}
		if len(l.body.Objects) == 0 || l.title.Text == "" {
			t.Fatalf("page %d (%q) is empty", i+1, l.title.Text)
		}
		switch {
		case l.pages[i].from == fromApp:
			sawApp = true
			if l.from.Text != "Suggested by this app, not from the research" {
				t.Errorf("page %q is the app's advice but says %q", l.title.Text, l.from.Text)
			}
		case l.pages[i].from == fromAppNote:
			if l.from.Text != "This app's note, not from the research" {
				t.Errorf("page %q is the app's note but says %q", l.title.Text, l.from.Text)
			}
		case !strings.Contains(l.from.Text, fw.Source.Author):
			t.Errorf("page %q does not attribute the research: %q", l.title.Text, l.from.Text)
		}
		if strings.Contains(l.title.Text, "Sources") {
			sawSources = true
		}
		h.win.Canvas().Refresh(l.root)
		if img := h.win.Canvas().Capture(); img.Bounds().Dx() < 1000 {
			t.Fatalf("page %d rendered %v", i+1, img.Bounds())
		}
		h.key(fyne.KeyPageDown)
	}
	if l.page != n-1 {
		t.Errorf("PageDown past the last page moved to %d", l.page+1)
	}
	if !sawApp || !sawSources {
		t.Errorf("facilitator's guide seen %v, sources seen %v", sawApp, sawSources)
	}
	h.key(fyne.KeyPageUp)
	h.key(fyne.KeyLeft)
	if l.page != n-3 {
		t.Errorf("PageUp and Left: page %d, want %d", l.page+1, n-2)
	}
	h.key(fyne.KeyRight)
	if l.page != n-2 {
		t.Errorf("Right: page %d, want %d", l.page+1, n-1)
	}
	// Every quote of the framework appears, word for word, with its speaker.
	all := learnPages(fw)
	for _, q := range fw.Quotes {
		found := false
		for _, p := range all {
			for _, para := range p.paras {
				if strings.Contains(para.text, q.Text) && strings.Contains(para.credit, q.Speaker) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("quote %s is not in Learn with its speaker", q.ID)
		}
	}
}

// TestLearnWordsTrueToTheResearch checks what Learn adds from the research
// and from today: the map offered for feedback, when to map, the
// "awe-inspiring" support managers, what the shading means (labelled as
// this app's), and the app's note that ICBs replaced CCGs.
func TestLearnWordsTrueToTheResearch(t *testing.T) {
	fw := data.DefaultFramework()
	pages := learnPages(fw)
	find := func(sub string) (learnPage, learnPara, bool) {
		for _, p := range pages {
			for _, para := range p.paras {
				if strings.Contains(para.text, sub) {
					return p, para, true
				}
			}
		}
		return learnPage{}, learnPara{}, false
	}
	for _, want := range []string{
		"Maybe during and after workstreams",
		"I will be inviting feedback on the map so that I can refine",
		"“awe-inspiring” commissioning support managers",
		"to reveal what lay beneath the surface",
	} {
		if p, _, ok := find(want); !ok || p.from != fromResearch {
			t.Errorf("Learn has no research page saying %q (found %v on %q)", want, ok, p.title)
		}
	}
	p, para, ok := find("not shaded = not found in this group's practice")
	if !ok || para.credit != appWording || p.from != fromResearch {
		t.Errorf("the shading's meaning is not on a research page labelled as this app's wording: %v %q", ok, para.credit)
	}
	p, _, ok = find("On 1 July 2022, Integrated Care Boards (ICBs) replaced CCGs in England, and ICB boards replaced CCG governing bodies.")
	if !ok || p.from != fromAppNote {
		t.Errorf("no app's note on ICBs replacing CCGs (found %v, kind %q)", ok, p.from)
	}
	// A finding placed on the iceberg page is not said twice.
	n := 0
	for _, p := range pages {
		for _, para := range p.paras {
			if f, _ := fw.Finding("general.when"); para.text == f.Text {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("general.when is on %d pages, want 1", n)
	}
	for _, p := range pages {
		for _, para := range p.paras {
			lower := strings.ToLower(para.text + " " + para.credit)
			if strings.Contains(lower, "not seen") || (strings.Contains(lower, "below the surface") && !strings.Contains(para.text, "“")) {
				t.Errorf("page %q: %q", p.title, para.text)
			}
		}
	}
}

func TestTallyEnteredByTapAndKeys(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Tally", "Governing Body")
	fw := h.store.Framework()
	P := fw.Elements[0]
	h.u.show(P.Code)
	s := h.u.cur.element
	// Nine people took part, by the + button and by key 0 in count mode.
	for i := 0; i < 8; i++ {
		test.Tap(s.tallyOfPlus)
	}
	h.runes("c")
	if !h.u.countMode {
		t.Fatal("C did not start counting")
	}
	h.runes("0")
	if got := h.record(id).TallyOf; got == nil || *got != 9 {
		t.Fatalf("people taking part: got %v, want 9", got)
	}
	test.Tap(s.tallyPlus[0])
	h.runes("11")
	h.runes("22-2")
	r := h.record(id)
	if got := r.Word(P.Words[0].ID).Tally; got == nil || *got != 3 {
		t.Errorf("word 1 tally: got %v, want 3", got)
	}
	if got := r.Word(P.Words[1].ID).Tally; got == nil || *got != 1 {
		t.Errorf("word 2 tally: got %v, want 1", got)
	}
	if r.Word(P.Words[0].ID).Level != data.ShadeNone {
		t.Error("counting changed the shading")
	}
	if !strings.Contains(s.tiles[0].tally, "3 of 9") || s.tallies[0].Text != "Own: 3" {
		t.Errorf("tile shows %q, count %q; want 3 of 9", s.tiles[0].tally, s.tallies[0].Text)
	}
	// C again: the number keys shade once more; the tally stays.
	h.runes("c1")
	if h.record(id).Word(P.Words[0].ID).Level != data.ShadePartly {
		t.Error("after C, 1 did not shade word 1")
	}
	// Undo takes back the last count too, being in the history.
	h.u.undo()
	h.u.undo()
	if got := h.record(id).Word(P.Words[1].ID).Tally; got == nil || *got != 2 {
		t.Errorf("undo of the last count: word 2 tally %v, want 2", got)
	}
	h.u.show(screenReview)
	if txt := h.u.cur.review.tally.Text; !strings.Contains(txt, P.Words[0].Label+" 3") || !strings.Contains(txt, "of 9 people") {
		t.Errorf("Review does not show the tally beside the shading: %q", txt)
	}
}

func TestExampleOpenedTwiceGivesTwoCopies(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	fw := h.store.Framework()
	before, err := data.Examples(fw)
	mustOK(t, err, "examples")
	if len(before) == 0 {
		t.Fatal("no examples")
	}
	ex := before[0]
	a := h.u.openExample(ex.Name)
	if a == 0 || h.u.sess.rec == nil || h.u.sess.rec.ID != a {
		t.Fatalf("the example did not open: %q", h.u.msg.text.Text)
	}
	// Change the first copy, then open the example again.
	w := fw.Elements[0].Words[0].ID
	mustOK(t, h.store.SetShade(ctx, a, w, h.record(a).Word(w).Level.Next()), "shade copy")
	h.u.showHome()
	b := h.u.openExample(ex.Name)
	if b == 0 || b == a {
		t.Fatalf("second opening gave session %d, first %d", b, a)
	}
	list, err := h.store.ListSessions(ctx, data.SessionFilter{})
	mustOK(t, err, "list")
	if len(list) != 2 {
		t.Fatalf("%d sessions after opening the example twice, want 2", len(list))
	}
	// The example is as it was, and the second copy is the example, not
	// the changed first copy.
	after, err := data.Examples(fw)
	mustOK(t, err, "examples again")
	exLevel := data.ShadeNone
	for k, ws := range after[0].File.Words {
		if ws.Level != ex.File.Words[k].Level || ws.Note != ex.File.Words[k].Note {
			t.Errorf("the example changed at %s", ws.WordID)
		}
		if ws.WordID == w {
			exLevel = ws.Level
		}
	}
	if got := h.record(b).Word(w).Level; got != exLevel {
		t.Errorf("the second copy's %s is %v, the example's %v", w, got, exLevel)
	}
	if got := h.record(a).Word(w).Level; got == exLevel {
		t.Errorf("the first copy lost its change")
	}
}

func TestPracticeLeavesNoTrace(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	real := h.createSession("Real session", "Governing Body")
	h.u.showHome()
	before, err := os.ReadFile(h.path)
	mustOK(t, err, "read db")
	_ = before

	h.u.startPractice()
	if h.u.practice == nil || !h.u.practiceBar.Visible() {
		t.Fatal("practice did not start with its banner")
	}
	dir := h.u.practice.dir
	id := h.createSession("Practice run", "Trainees")
	h.u.show(h.store.Framework().Elements[0].Code)
	h.runes("12")
	h.u.openExample("1-leadership-paperwork")
	h.u.showHome()
	if n := len(h.u.cur.home.sessions); n != 2 {
		t.Errorf("practice Home lists %d sessions, want the 2 practice ones", n)
	}
	if !h.u.practiceBar.Visible() {
		t.Error("the practice banner went while practising")
	}
	h.u.endPractice()
	if h.u.practice != nil || h.u.practiceBar.Visible() {
		t.Fatal("practice did not end")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the practice folder %s is still there", dir)
	}
	list, err := h.store.ListSessions(ctx, data.SessionFilter{})
	mustOK(t, err, "list")
	if len(list) != 1 || list[0].ID != real {
		t.Errorf("the user's database has %v after practice, want only the real session", list)
	}
	trash, err := h.store.ListSessions(ctx, data.SessionFilter{Deleted: true})
	mustOK(t, err, "trash")
	if len(trash) != 0 {
		t.Errorf("the user's trash has %v after practice", trash)
	}
	if r := h.record(real); r.Word(h.store.Framework().Elements[0].Words[0].ID).Level != data.ShadeNone {
		t.Error("practice shading reached the real session")
	}
	if got := h.app.Preferences().IntWithFallback(prefLastSession, -1); int64(got) == id && id != real {
		t.Errorf("preferences remember the practice session %d", got)
	}
	if h.u.sess.store != data.Store(h.store) || len(h.u.cur.home.sessions) != 1 {
		t.Error("the window is not back on the user's own sessions")
	}
}

func TestPracticeDiscardedOnClose(t *testing.T) {
	h := newHarness(t)
	h.u.startPractice()
	dir := h.u.practice.dir
	h.createSession("Practice run", "Trainees")
	h.u.shutdown()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("closing the window left the practice folder %s", dir)
	}
}

func TestCompareShowsCounts(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	fw := h.store.Framework()
	P, Mat := fw.Elements[0], fw.Elements[1]
	mk := func(title string, shades map[string]data.Shade) int64 {
		id, err := h.store.CreateSession(ctx, &data.Session{Title: title, Community: "Governing Body"})
		mustOK(t, err, "create")
		for w, l := range shades {
			mustOK(t, h.store.SetShade(ctx, id, w, l), "shade")
		}
		return id
	}
	a := mk("Before", map[string]data.Shade{P.Words[0].ID: data.ShadePartly, Mat.Words[0].ID: data.ShadeShaded})
	b, err := h.store.FollowUp(ctx, a)
	mustOK(t, err, "follow-up")
	mustOK(t, h.store.SetShade(ctx, b, P.Words[0].ID, data.ShadeShaded), "up")
	mustOK(t, h.store.SetShade(ctx, b, P.Words[1].ID, data.ShadePartly), "up")
	mustOK(t, h.store.SetShade(ctx, b, Mat.Words[0].ID, data.ShadeNone), "down")
	c := mk("Third group", map[string]data.Shade{P.Words[0].ID: data.ShadeShaded})

	// From the follow-up's Review: "Compare with its original".
	h.u.open(b, screenReview)
	h.u.showCompare(h.u.sess.rec.FollowsID, b)
	cs := h.u.cur.compare
	if cs == nil || len(cs.recs) != 2 || cs.recs[0].ID != a || cs.recs[1].ID != b {
		t.Fatalf("compare did not open on the original then the follow-up")
	}
	if want := "2 words moved up, 1 moved down, 19 stayed the same."; cs.countLine.Text != want {
		t.Errorf("count line %q, want %q", cs.countLine.Text, want)
	}
	pairTexts := canvasTexts(cs.result)
	for _, want := range []string{"2 up · 0 down · 2 same", "0 up · 1 down · 4 same", "Moved up", "was partly", "was shaded"} {
		if !strings.Contains(pairTexts, want) {
			t.Errorf("pair map lacks %q", want)
		}
	}
	if cs.exportBtn.Disabled() {
		t.Error("Export PDF is off with two sessions chosen")
	}

	// Tick the third: a heat map of three.
	for i, s := range cs.sessions {
		if s.ID == c {
			test.Tap(cs.checks[i])
		}
	}
	if len(cs.recs) != 3 || !strings.Contains(cs.heading.Text, "3 sessions") {
		t.Fatalf("heading %q with %d sessions", cs.heading.Text, len(cs.recs))
	}
	heat := canvasTexts(cs.result)
	for _, want := range []string{"2 of 3 shaded · 67%", "1 partly", "0 of 3 shaded · 0%"} {
		if !strings.Contains(heat, want) {
			t.Errorf("heat map lacks %q", want)
		}
	}
}

// canvasTexts gathers the text drawn under o, one line per text.
func canvasTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		}
	}
	walk(o)
	return b.String()
}
