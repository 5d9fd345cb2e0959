package app

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// elementScreen is one element of the workshop: its name and definition,
// prompts one at a time with the finding each comes from, a quote card,
// the doing words as tiles with a note each, discussion notes, a timer and
// Agree.
type elementScreen struct {
	sess     *session
	msg      *messageBar
	counting func() bool // whether the number keys count own views

	el      *data.Element
	prompts []data.Prompt
	prompt  int
	quotes  []data.Quote
	quote   int

	root         fyne.CanvasObject
	body         *fyne.Container // laid out by layout
	layout       *elementLayout
	name         *canvas.Text
	def, plain   *widget.Label
	side         *fyne.Container // the timer and Agree
	grid         *gridLayout
	cells        *fyne.Container // the tiles and their notes, in grid
	words        *container.Scroll
	notesBlock   *fyne.Container
	promptCard   fyne.CanvasObject
	promptTop    *fyne.Container
	promptBody   *fyne.Container // the prompt and its research line, scrolled in a small window
	promptScroll *container.Scroll
	quoteCard    fyne.CanvasObject
	quoteShow    *button // shows the folded quote in the prompt's place
	quoteHide    *button // back to the prompt
	timeUp       *canvas.Rectangle
	tiles        []*wordTile
	wordNotes    []*textEntry
	notes        *textEntry
	promptCount  *widget.Label
	promptText   *widget.Label
	promptFrom   *widget.Label
	quoteText    *widget.Label
	quoteWho     *widget.Label
	quoteCite    *widget.Label
	quoteNext    *button
	timerText    *canvas.Text
	shownTimer   canvas.Text // timerText as last drawn
	shownTimeUp  color.Color // timeUp's fill as last drawn
	timerNote    *widget.Label
	timerButton  *button
	agree        *button
	agreedLabel  *widget.Label
	tallies      []*widget.Label // per word: how many shaded it on their own
	tallyPlus    []*button
	tallyOf      *widget.Label // how many took part in the tally
	tallyOfPlus  *button
	countMode    *widget.Label // says when the number keys count rather than shade
}

// setLabel shows text in l, redrawing it only if the text changed: a
// label's refresh lays its text out again.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func label(text string, size fyne.ThemeSizeName, bold bool) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = size
	l.TextStyle.Bold = bold
	l.Wrapping = fyne.TextWrapWord
	return l
}

// card puts content in an outlined panel (outlined, not filled, as
// edges.go says why).
func card(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(newCardEdge(), container.NewPadded(content))
}

func (u *ui) newElementScreen(code string) *elementScreen {
	el, _ := u.fw.Element(code)
	s := &elementScreen{sess: u.sess, msg: u.msg, counting: func() bool { return u.countMode },
		el: el, quotes: u.fw.QuotesFor(code), prompts: promptsFor(u.fw, u.sess.rec, el)}
	s.build(u.keys)
	return s
}

// build lays the screen out and shows the session's state in it.
func (s *elementScreen) build(keys *entryKeys) {
	el, code, sess := s.el, s.el.Code, s.sess

	s.name = canvas.NewText(el.Name, themeColour(theme.ColorNameForeground))
	s.name.TextStyle.Bold = true
	s.name.TextSize = themeSize(sizeElementName)
	s.def = label(el.Definition, sizeDefinition, false)
	s.plain = label("In this app's words: "+el.Plain, theme.SizeNameText, false)

	// Timer and agreement, top right, one row high.
	s.timerText = canvas.NewText("", themeColour(theme.ColorNameForeground))
	s.timerText.TextSize = themeSize(sizeTimer)
	s.timerText.TextStyle.Bold = true
	s.timerText.Alignment = fyne.TextAlignCenter
	s.timeUp = canvas.NewRectangle(color.Transparent)
	s.timeUp.CornerRadius = 6
	s.timerNote = label("", sizeSmall, false)
	s.timerNote.Alignment = fyne.TextAlignCenter
	s.timerNote.Wrapping = fyne.TextWrapOff
	s.timerButton = newButton("Start (T)", s.onTimer)
	more := newButton("+1 min", s.onAddMinute)
	clock := container.NewVBox(container.NewStack(s.timeUp, s.timerText), s.timerNote)
	timer := container.NewHBox(clock, container.NewCenter(container.NewHBox(s.timerButton, more)))
	s.agree = newIconButton("", theme.ConfirmIcon(), s.onAgree)
	s.agreedLabel = label("", sizeSmall, true)
	s.agreedLabel.Wrapping = fyne.TextWrapOff
	s.agreedLabel.Alignment = fyne.TextAlignCenter
	agree := container.NewVBox(s.agree, s.agreedLabel)
	s.side = container.NewHBox(card(timer), container.NewCenter(agree))

	// The doing words, in as many columns as fit, each with its note beneath.
	var cells []fyne.CanvasObject
	for i, w := range el.Words {
		i, w := i, w
		t := newWordTile(i+1, w.Label, sess.rec.Word(w.ID).Level, func() { s.cycle(i) })
		t.focus.keys = keys
		note := keys.newEntry("Note", false) // beside its tile, so short enough to show whole
		note.SetText(sess.rec.Word(w.ID).Note)
		id := w.ID
		note.OnChanged = func(text string) {
			sess.edit("word:"+id, text, sess.rec.Word(id).Note, func(ctx context.Context, st data.Store, sid int64, v string) error {
				return st.SetWordNote(ctx, sid, id, v)
			})
		}
		s.tiles = append(s.tiles, t)
		s.wordNotes = append(s.wordNotes, note)
		count := label("", theme.SizeNameText, true)
		count.Wrapping = fyne.TextWrapOff
		s.tallies = append(s.tallies, count)
		plus := newIconButton("", theme.ContentAddIcon(), func() { s.addTally(i, 1) })
		s.tallyPlus = append(s.tallyPlus, plus)
		tally := container.NewHBox(
			newIconButton("", theme.ContentRemoveIcon(), func() { s.addTally(i, -1) }),
			count, plus)
		cells = append(cells, container.NewVBox(t, container.NewBorder(nil, nil, nil, tally, note)))
	}
	s.grid = &gridLayout{most: len(cells)}
	s.cells = &fyne.Container{Layout: s.grid, Objects: cells}

	s.notes = keys.newEntry("What the group said about "+el.Name+"…", true)
	s.notes.SetMinRowsVisible(4)
	s.notes.SetText(sess.rec.Element(code).Notes)
	s.notes.OnChanged = func(text string) {
		sess.edit("notes:"+code, text, sess.rec.Element(code).Notes, func(ctx context.Context, st data.Store, sid int64, v string) error {
			return st.SetElementNotes(ctx, sid, code, v)
		})
	}
	notesLabel := label("Discussion notes", theme.SizeNameText, true)
	notesLabel.Wrapping = fyne.TextWrapOff
	ownViews := label("Own views:", theme.SizeNameText, true)
	ownViews.Wrapping = fyne.TextWrapOff
	s.countMode = ownViews
	s.tallyOf = label("", theme.SizeNameText, false)
	s.tallyOf.Wrapping = fyne.TextWrapOff
	s.tallyOfPlus = newIconButton("", theme.ContentAddIcon(), func() { s.addTallyOf(1) })
	tallyOf := container.NewHBox(ownViews,
		newIconButton("", theme.ContentRemoveIcon(), func() { s.addTallyOf(-1) }), s.tallyOf,
		s.tallyOfPlus)
	s.words = container.NewVScroll(container.NewVBox(s.cells, tallyOf))
	s.notesBlock = container.NewBorder(notesLabel, nil, nil, nil, s.notes)

	// Prompt card: its count and buttons on one line, the prompt large,
	// and the finding it comes from.
	s.promptCount = label("", sizeSmall, true)
	s.promptCount.Wrapping = fyne.TextWrapOff
	s.promptText = label("", sizePrompt, false)
	s.promptFrom = label("", sizeRoom, false)
	prev := newIconButton("", theme.NavigateBackIcon(), s.prevPrompt)
	nextP := newIconButton("Next prompt (P)", theme.NavigateNextIcon(), s.nextPrompt)
	s.quoteShow = newButton("Quote", func() { s.foldQuote(false) })
	s.quoteShow.Hide()
	s.promptTop = newFlow(s.promptCount, prev, nextP, s.quoteShow)
	s.promptBody = newRows(s.promptText, s.promptFrom)
	s.promptScroll = container.NewVScroll(s.promptBody)
	s.promptCard = card(container.NewBorder(s.promptTop, nil, nil, nil, s.promptScroll))

	// Quote card: who and where first, then the words, scrolled if long.
	objs := []fyne.CanvasObject{s.side, s.def, s.plain, s.words, s.notesBlock, s.promptCard}
	if len(s.quotes) > 0 {
		s.quoteText = label("", theme.SizeNameText, false)
		s.quoteWho = label("", theme.SizeNameText, true)
		s.quoteCite = label("", sizeSmall, false)
		s.quoteNext = newButton("Next quote", s.nextQuote)
		if len(s.quotes) < 2 {
			s.quoteNext.Hide()
		}
		s.quoteHide = newButton("Prompt", func() { s.foldQuote(true) })
		s.quoteHide.Hide()
		head := newRows(newFlow(s.quoteNext, s.quoteHide), s.quoteWho, s.quoteCite)
		s.quoteCard = card(container.NewBorder(head, nil, nil, nil, container.NewVScroll(s.quoteText)))
		objs = append(objs, s.quoteCard)
	}
	s.layout = &elementLayout{s: s, folded: true}
	s.body = &fyne.Container{Layout: s.layout, Objects: append([]fyne.CanvasObject{s.name}, objs...)}
	s.root = container.NewPadded(s.body)
	s.showPrompt()
	s.showQuote()
	s.refresh()
}

// promptsFor orders an element's prompts with the session's focus bundle first.
func promptsFor(fw *data.Framework, rec *data.Record, el *data.Element) []data.Prompt {
	focus := ""
	if rec != nil && rec.Focus != data.FocusAll {
		focus = rec.Focus
	}
	if focus == "" {
		return el.Prompts
	}
	var first, rest []data.Prompt
	for _, p := range el.Prompts {
		if fw.BundleOf(p.Finding) == focus {
			first = append(first, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(first, rest...)
}

// cycle moves word i to its next shading level. The tile changes only
// once the store has the new level.
func (s *elementScreen) cycle(i int) {
	if i < 0 || i >= len(s.el.Words) {
		return
	}
	id := s.el.Words[i].ID
	next := s.sess.rec.Word(id).Level.Next()
	was := s.sess.rec.Element(s.el.Code).ChangedSinceAgreed
	if !s.sess.change(func(ctx context.Context, st data.Store, sid int64) error { return st.SetShade(ctx, sid, id, next) }) {
		return
	}
	es := s.sess.rec.Element(s.el.Code)
	switch {
	case es.ChangedSinceAgreed && !was:
		s.msg.info(agreedThenChanged(s.el.Name))
	case was && !es.ChangedSinceAgreed && es.Agreed():
		s.msg.info(s.el.Name + "'s shading is back to what the room agreed.")
	}
}

// agreedThenChanged says that an agreed element's shading changed, and
// how to agree it again.
func agreedThenChanged(name string) string {
	return name + "'s shading changed after it was agreed: press A or “Agree again” to agree it as it is now."
}

func (s *elementScreen) onAgree() {
	code := s.el.Code
	es := s.sess.rec.Element(code)
	// A changed element is agreed again as it is now; otherwise A toggles.
	agreed := !es.Agreed() || es.ChangedSinceAgreed
	paused := false
	if agreed && s.sess.timing(code) {
		s.sess.pauseTimer() // agreeing ends the discussion: its timer stops
		paused = true
	}
	if s.sess.change(func(ctx context.Context, st data.Store, id int64) error { return st.SetAgreed(ctx, id, code, agreed) }) {
		msg := s.el.Name + " is open again."
		switch {
		case es.ChangedSinceAgreed:
			msg = s.el.Name + " agreed again, as it is now."
		case agreed:
			msg = s.el.Name + " agreed."
		}
		if paused {
			msg += " Its timer is paused."
		}
		if agreed {
			msg += " Press Right or PageDown for the next element."
		}
		s.msg.info(msg)
	}
	s.showTimer()
}

// refresh shows the session's current state: levels, notes, agreement.
func (s *elementScreen) refresh() {
	rec := s.sess.rec
	for i, w := range s.el.Words {
		st := rec.Word(w.ID)
		s.tiles[i].setLevel(st.Level)
		if !s.sess.isPending("word:"+w.ID) && s.wordNotes[i].Value() != st.Note {
			s.wordNotes[i].SetText(st.Note)
		}
	}
	s.showTallies()
	es := rec.Element(s.el.Code)
	if !s.sess.isPending("notes:"+s.el.Code) && s.notes.Value() != es.Notes {
		s.notes.SetText(es.Notes)
	}
	text, icon, importance, agreed := "Agree "+s.el.Code+" (A)", theme.ConfirmIcon(), widget.HighImportance, "Not agreed yet"
	if es.ChangedSinceAgreed {
		text, agreed = "Agree again (A)", "Changed since agreed at "+es.AgreedAt.Local().Format("15:04")
	} else if es.Agreed() {
		text, icon, importance = "Un-agree (A)", theme.ContentUndoIcon(), widget.MediumImportance
		agreed = "Agreed at " + es.AgreedAt.Local().Format("15:04")
	}
	// Only what changed is redrawn: most keys (a shading, a tally) leave
	// Agree as it was.
	if s.agree.Text != text || s.agree.Icon != icon || s.agree.Importance != importance {
		s.agree.Text, s.agree.Icon, s.agree.Importance = text, icon, importance
		s.agree.Refresh()
	}
	setLabel(s.agreedLabel, agreed)
	s.showTimer()
}

func (s *elementScreen) showPrompt() {
	if len(s.prompts) == 0 {
		return
	}
	p := s.prompts[s.prompt]
	s.promptCount.SetText(fmt.Sprintf("Prompt %d of %d", s.prompt+1, len(s.prompts)))
	s.promptText.SetText(p.Text)
	from := "From the research"
	fw := s.sess.fw
	if b, ok := fw.Bundle(fw.BundleOf(p.Finding)); ok {
		from += " (" + b.Name + ")"
	}
	if f, ok := fw.Finding(p.Finding); ok {
		from += ": " + f.Text
	}
	s.promptFrom.SetText(from)
}

func (s *elementScreen) nextPrompt() {
	if len(s.prompts) == 0 {
		return
	}
	s.prompt = (s.prompt + 1) % len(s.prompts)
	s.showPrompt()
}

func (s *elementScreen) prevPrompt() {
	if len(s.prompts) == 0 {
		return
	}
	s.prompt = (s.prompt + len(s.prompts) - 1) % len(s.prompts)
	s.showPrompt()
}

func (s *elementScreen) showQuote() {
	if len(s.quotes) == 0 {
		return
	}
	q := s.quotes[s.quote]
	s.quoteText.SetText("“" + q.Text + "”")
	s.quoteWho.SetText(q.Credit())
	cite := q.Citation
	if len(s.quotes) > 1 {
		cite = fmt.Sprintf("%s · quote %d of %d", cite, s.quote+1, len(s.quotes))
	}
	s.quoteCite.SetText(cite)
}

func (s *elementScreen) nextQuote() {
	if len(s.quotes) == 0 {
		return
	}
	s.quote = (s.quote + 1) % len(s.quotes)
	s.showQuote()
}

// onTimer starts or pauses the timer of this element.
func (s *elementScreen) onTimer() {
	s.sess.toggleTimer(s.el.Code)
	s.showTimer()
}

// onAddMinute gives this element one more minute.
func (s *elementScreen) onAddMinute() {
	s.sess.addMinute(s.el.Code)
	s.showTimer()
}

// showTimer draws the countdown. At zero it stays calm: the time turns to
// "Time is up" in words and counts the time over, with no flashing.
func (s *elementScreen) showTimer() {
	left := s.sess.timeLeft(s.el.Code)
	running := s.sess.timing(s.el.Code)
	s.timerText.Text = clockText(left)
	s.timerText.TextSize = s.layout.timerSize()
	s.timerText.Color = themeColour(theme.ColorNameForeground)
	s.timeUp.FillColor = color.Transparent
	note := "Paused"
	switch {
	case left <= 0 && running:
		note = "Time is up (over)"
	case left <= 0:
		note = "Time is up"
	case running:
		note = "Running"
	}
	if left <= 0 {
		// A solid block, not a colour of digits: it reads from the back
		// and in black and white.
		s.timerText.Color = themeColour(colourTimeUpText)
		s.timeUp.FillColor = themeColour(colourTimeUp)
	}
	if left > 0 {
		s.timerText.Text = clockText(left)
	}
	// Only what changed is redrawn: a tick changes the digits alone, and a
	// shading key none of the timer.
	if s.timeUp.FillColor != s.shownTimeUp {
		s.shownTimeUp = s.timeUp.FillColor
		s.timeUp.Refresh()
	}
	if s.timerText.Text != s.shownTimer.Text || s.timerText.Color != s.shownTimer.Color || s.timerText.TextSize != s.shownTimer.TextSize {
		s.shownTimer = *s.timerText
		s.timerText.Refresh()
	}
	setLabel(s.timerNote, note)
	startPause := "Start (T)"
	if running {
		startPause = "Pause (T)"
	}
	if s.timerButton.Text != startPause {
		s.timerButton.SetText(startPause)
	}
}

// tallyCount is a word's tally in words for its tile: "4 of 9 on their own".
func tallyCount(count, of *int) string {
	if count == nil {
		return ""
	}
	if of != nil {
		return fmt.Sprintf("%d of %d on their own", *count, *of)
	}
	return fmt.Sprintf("%d on their own", *count)
}

// showTallies shows the counts beside each word and who took part.
func (s *elementScreen) showTallies() {
	rec := s.sess.rec
	changed := false
	for i, w := range s.el.Words {
		st := rec.Word(w.ID)
		tally := tallyCount(st.Tally, rec.TallyOf)
		// Labelled, so the counter between − and + says what it counts.
		n := "Own: –"
		if st.Tally != nil {
			n = fmt.Sprintf("Own: %d", *st.Tally)
		}
		changed = changed || s.tiles[i].tally != tally || s.tallies[i].Text != n
		s.tiles[i].setTally(tally)
		setLabel(s.tallies[i], n)
	}
	// A longer tally line widens the tiles: fewer may fit a row. Laying
	// the screen out again refreshes every cell, so only a change of
	// tally does it: a shading key, the commonest, leaves the sizes alone
	// (a level's word is never wider than "Not shaded", which the tile
	// always makes room for).
	if changed {
		s.relayout()
	}
	of := "not counted"
	if rec.TallyOf != nil {
		of = fmt.Sprintf("%d took part", *rec.TallyOf)
	}
	setLabel(s.tallyOf, of)
	if s.counting() {
		setLabel(s.countMode, "Counting (C):")
	} else {
		setLabel(s.countMode, "Own views:")
	}
}

// relayout lays the screen out again at its size, for a change that
// alters what its tiles need.
func (s *elementScreen) relayout() {
	if s.body == nil || s.body.Size().Width <= 0 {
		return
	}
	s.body.Layout.Layout(s.body.Objects, s.body.Size())
	s.cells.Refresh() // lays out each cell's row too

}

// addTally adds by (1 or −1) to how many shaded word i on their own.
func (s *elementScreen) addTally(i, by int) {
	if i < 0 || i >= len(s.el.Words) {
		return
	}
	id := s.el.Words[i].ID
	n := by
	if t := s.sess.rec.Word(id).Tally; t != nil {
		n = *t + by
	}
	if n < 0 {
		return
	}
	s.sess.change(func(ctx context.Context, st data.Store, sid int64) error { return st.SetTally(ctx, sid, id, &n) })
}

// addTallyOf adds by (1 or −1) to how many people took part in the tally.
func (s *elementScreen) addTallyOf(by int) {
	n := by
	if t := s.sess.rec.TallyOf; t != nil {
		n = *t + by
	}
	if n < 0 {
		return
	}
	s.sess.change(func(ctx context.Context, st data.Store, sid int64) error { return st.SetTallyOf(ctx, sid, &n) })
}
