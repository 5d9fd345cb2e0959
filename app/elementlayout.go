package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// elementLayout lays an element screen out to the window it has, so the
// name, timer and Agree always show, the discussion notes always show at
// least four lines, and nothing asks for more room than a 1024×768 screen
// at 150% text:
//   - the name shrinks (to 60%) rather than push the timer off;
//   - the definition sits beside the name where there is room, else under it;
//   - on a wide screen the prompt and quote take a column on the right,
//     the quote giving way behind a "Quote" button when there is no room;
//     on a narrow one the prompt spans the top and the quote is folded;
//   - the doing words take as many columns as fit and scroll if they must;
//     on a large screen they, and the prompt, grow;
//   - on a screen too short for the header, a row of tiles and four lines
//     of notes one above another (1024×768 or 1280×720 at 150%, with the
//     Practice bar or a message), the screen goes tight: the timer's and
//     Agree's notes give way (the buttons and the rail say the same), the
//     name, timer and Agree share one row, and the notes sit beside the
//     tiles, under the prompt (or the unfolded quote) where there is room
//     for its buttons and two lines, else the prompt gives way too (P still
//     turns it); the definition stays above the tiles where a row of them
//     still shows.
type elementLayout struct {
	s *elementScreen
	// folded is whether the quote, when it has no room of its own, is
	// behind its button (true) or showing in the prompt's place.
	folded bool
	wide   bool // the last layout had a right-hand column
	large  bool // the last layout was for a large screen
	tight  bool // the last layout was the tight one

	// compactSide's last answer and what it was worked out for.
	sideFor   sideKey
	sideTight fyne.Size
}

// sideKey is what the timer and Agree's tight size depends on.
type sideKey struct {
	text  float32   // the theme's text size (the zoom)
	timer string    // the digits
	full  fyne.Size // their size untight, which their buttons' words change
}

// tightTimer is the timer's size in the tight layout, as a share of its
// own: still larger than a tile's word.
const tightTimer = 0.8

// timerSize is the timer's text size in the layout last used.
func (l *elementLayout) timerSize() float32 {
	if l != nil && l.tight {
		return themeSize(sizeTimer) * tightTimer
	}
	return themeSize(sizeTimer)
}

// setTight switches the timer and Agree between their full look and the
// tight one (smaller digits, no notes beneath).
func (l *elementLayout) setTight(tight bool) {
	s := l.s
	l.tight = tight
	setShown(s.timerNote, !tight)
	setShown(s.agreedLabel, !tight)
	if s.timerText.TextSize != l.timerSize() {
		s.timerText.TextSize = l.timerSize()
		s.timerText.Refresh()
	}
}

// setNameSize sets the element name's text size, refreshing it only when
// that changes: a layout that refreshes what it lays out asks for
// another frame each time.
func (l *elementLayout) setNameSize(size float32) {
	if l.s.name.TextSize != size {
		l.s.name.TextSize = size
		l.s.name.Refresh()
	}
}

// foldQuote folds the quote away behind its button, or shows it.
func (s *elementScreen) foldQuote(fold bool) {
	s.layout.folded = fold
	if c, ok := s.root.(*fyne.Container); ok {
		c.Refresh()
		for _, o := range c.Objects {
			o.Refresh()
		}
	}
}

func em() float32 { return theme.TextSize() }

func (l *elementLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	// The tight layout's: one header row, and the notes' four lines
	// beside (or under) the tiles.
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	side := l.compactSide()
	nameMin := fyne.MeasureText(s.el.Name, themeSize(sizeElementName)*tightName, s.name.TextStyle)
	notes := s.notesBlock.MinSize()
	h := fyne.Max(side.Height, nameMin.Height) + p/2 + notes.Height
	return fyne.NewSize(fyne.Max(side.Width+p+nameMin.Width, notes.Width), h)
}

// tightName is the smallest the name is drawn, as a share of its size.
const tightName = 0.4

// compactSide is the size of the timer and Agree with their notes hidden.
// Finding it means switching them to tight and back, which refreshes them;
// as MinSize asks it on every frame the window draws, that is done only
// when what it depends on has changed (else the window never stops
// redrawing: each refresh asked for another frame).
func (l *elementLayout) compactSide() fyne.Size {
	if l.tight {
		return l.s.side.MinSize()
	}
	key := sideKey{text: themeSize(theme.SizeNameText), timer: l.s.timerText.Text, full: l.s.side.MinSize()}
	if key == l.sideFor {
		return l.sideTight
	}
	l.setTight(true)
	m := l.s.side.MinSize()
	l.setTight(false)
	l.sideFor, l.sideTight = key, m
	return m
}

// rowHeight is the height of one row of tiles with their notes.
func (s *elementScreen) rowHeight() float32 { return s.grid.cellMin(s.cells.Objects).Height }

func (l *elementLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	W, H := size.Width, size.Height
	e := em()
	z := themeSize(theme.SizeNameText) / 19 // the zoom, as the theme scales text

	// Too short for the header, a row of tiles and the notes one above
	// another: the tight layout.
	if l.needsTight(W, H) {
		l.layoutTight(W, H)
		return
	}
	l.setTight(false)
	s.def.Show()

	// The header: name, definition, timer and Agree.
	sm := s.side.MinSize()
	base := themeSize(sizeElementName)
	nameSize := base
	nameRoom := W - sm.Width - 2*p
	if m := fyne.MeasureText(s.name.Text, base, s.name.TextStyle); m.Width > nameRoom {
		nameSize = fyne.Max(base*0.45, base*nameRoom/m.Width)
	}
	l.setNameSize(nameSize)
	nm := fyne.MeasureText(s.name.Text, s.name.TextSize, s.name.TextStyle)
	var head float32
	if defRoom := W - nm.Width - sm.Width - 4*p; defRoom >= 16*e {
		defH := heightAt(s.def, defRoom)
		head = fyne.Max(fyne.Max(nm.Height, defH), sm.Height)
		setPlace(s.name, 0, (head-nm.Height)/2, nm.Width, nm.Height)
		setPlace(s.def, nm.Width+2*p, (head-defH)/2, defRoom, defH)
		setPlace(s.side, W-sm.Width, (head-sm.Height)/2, sm.Width, sm.Height)
	} else {
		left := W - sm.Width - 2*p
		defH := heightAt(s.def, left)
		head = fyne.Max(sm.Height, nm.Height+defH)
		setPlace(s.name, 0, 0, nm.Width, nm.Height)
		setPlace(s.def, 0, nm.Height, left, defH)
		setPlace(s.side, W-sm.Width, 0, sm.Width, sm.Height)
	}
	// The plain-words line gives way when the screen is short.
	plainH := heightAt(s.plain, W)
	if H-head-plainH < s.notesBlock.MinSize().Height+s.promptHeight(W)+4*e {
		plainH = 0
		s.plain.Hide()
	} else {
		s.plain.Show()
		setPlace(s.plain, 0, head, W, plainH)
	}
	y := head + plainH + p

	// A large screen: the prompt and the tiles grow.
	large := W >= 84*e && H >= 44*e
	if large != l.large {
		l.large = large
		s.promptText.SizeName = sizePrompt
		if large {
			s.promptText.SizeName = sizePromptLarge
		}
		s.promptText.Refresh()
	}

	// The right-hand column, or the prompt across the top.
	wide := W >= 52*e
	l.wide = wide
	leftW := W
	bodyH := H - y
	quoteRoom := false
	gone := false // no room for the prompt at all
	showQuote := false
	if wide {
		rightW := fyne.Max(W*0.36, 17*e)
		leftW = W - rightW - 2*p
		x := leftW + 2*p
		promptH := fyne.Min(s.promptHeight(rightW), bodyH)
		rest := bodyH - promptH - p
		if s.quoteCard != nil && rest >= 9*e {
			quoteRoom = true
			setPlace(s.promptCard, x, y, rightW, promptH)
			setPlace(s.quoteCard, x, y+promptH+p, rightW, rest)
		} else if s.quoteCard != nil && !l.folded {
			showQuote = true
			setPlace(s.quoteCard, x, y, rightW, bodyH)
		} else {
			setPlace(s.promptCard, x, y, rightW, bodyH)
		}
	} else {
		card := s.promptCard
		if s.quoteCard != nil && !l.folded {
			card, showQuote = s.quoteCard, true
		}
		notesMin := s.notesBlock.MinSize().Height
		natural := s.promptHeight(W)
		if showQuote {
			natural = heightAt(card, W) + 6*e
		}
		// The notes keep their four lines and the tiles a row's start;
		// the prompt has what is left, and on the shortest screens gives
		// way altogether (P still turns it).
		ch := fyne.Min(natural, bodyH-notesMin-s.rowHeight()-2*p)
		if ch < heightAt(s.promptTop, W)+2*e {
			ch = 0
		}
		gone = ch == 0
		if ch > 0 {
			setPlace(card, 0, y, W, ch)
			y += ch + p
		}
		bodyH = H - y
	}
	// What shows of the prompt and the quote. A hidden quote keeps a real
	// size, so its wrapped text is never laid out a letter to a line.
	if s.quoteCard != nil && s.quoteCard.Size().Width < 2*e {
		setPlace(s.quoteCard, 0, y, W, bodyH)
	}
	if s.quoteCard != nil {
		s.quoteCard.(*fyne.Container).Hidden = !quoteRoom && !showQuote
		s.promptCard.(*fyne.Container).Hidden = showQuote
		setShown(s.quoteShow, !quoteRoom && !showQuote)
		setShown(s.quoteHide, showQuote)
	}
	if gone {
		s.promptCard.(*fyne.Container).Hidden = true
		if s.quoteCard != nil {
			s.quoteCard.(*fyne.Container).Hidden = true
		}
	} else if s.quoteCard == nil {
		s.promptCard.(*fyne.Container).Hidden = false
	}

	// The notes: four lines at least, more when the tiles leave room.
	notesMin := s.notesBlock.MinSize().Height
	// The tiles, as large as the room allows on a large screen.
	scale := float32(1)
	tilesH := float32(0)
	cells := s.grid
	content := s.cells
	for _, try := range []float32{1.9, 1.7, 1.55, 1.4, 1.25, 1.1, 1} {
		if try > 1 && !large {
			continue
		}
		for _, t := range s.tiles {
			t.setScale(try)
		}
		cols := cells.columnsFor(content.Objects, leftW)
		tilesH = cells.height(content.Objects, cols) + p + s.words.Content.(*fyne.Container).Objects[1].MinSize().Height
		scale = try
		if tilesH+p+notesMin+4*e*z <= bodyH {
			break
		}
	}
	_ = scale
	tilesRoom := fyne.Min(fyne.Max(0, bodyH-notesMin-p), tilesH)
	setPlace(s.words, 0, y, leftW, tilesRoom)
	setPlace(s.notesBlock, 0, y+tilesRoom+p, leftW, fyne.Max(notesMin, bodyH-tilesRoom-p))
}

// headerHeight is how tall the untight header is at width W, and whether
// the name fits in it at no less than 45% of its size.
func (l *elementLayout) headerHeight(W float32) (float32, bool) {
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	e := em()
	l.setTight(false)
	sm := s.side.MinSize()
	base := themeSize(sizeElementName)
	full := fyne.MeasureText(s.name.Text, base, s.name.TextStyle)
	nameRoom := W - sm.Width - 2*p
	fits := full.Width*0.45 <= nameRoom
	size := base
	if full.Width > nameRoom {
		size = fyne.Max(base*0.45, base*nameRoom/full.Width)
	}
	nm := fyne.MeasureText(s.name.Text, size, s.name.TextStyle)
	if defRoom := W - nm.Width - sm.Width - 4*p; defRoom >= 16*e {
		return fyne.Max(fyne.Max(nm.Height, heightAt(s.def, defRoom)), sm.Height), fits
	}
	return fyne.Max(sm.Height, nm.Height+heightAt(s.def, W-sm.Width-2*p)), fits
}

// needsTight is whether the untight layout leaves too little room: the
// name squeezed under the timer, or no row of tiles above four lines of
// notes.
func (l *elementLayout) needsTight(W, H float32) bool {
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	head, fits := l.headerHeight(W)
	if !fits {
		return true
	}
	tiles := s.rowHeight() + s.words.Content.(*fyne.Container).Objects[1].MinSize().Height + p
	return H-head-p < s.notesBlock.MinSize().Height+tiles+p
}

// layoutTight lays the screen out in one header row (name, timer, Agree)
// over the tiles with the prompt and notes beside them, or the notes under
// them on a narrow screen, where the prompt and quote give way.
func (l *elementLayout) layoutTight(W, H float32) {
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	l.setTight(true)
	s.plain.Hide()
	s.promptCard.(*fyne.Container).Hidden = true
	if s.quoteCard != nil {
		s.quoteCard.(*fyne.Container).Hidden = true
		if s.quoteCard.Size().Width < 2*em() {
			setPlace(s.quoteCard, 0, 0, W, H) // a real size, as in Layout
		}
	}
	sm := s.side.MinSize()
	base := themeSize(sizeElementName)
	// As large as the row's width and the timer's height allow.
	m := fyne.MeasureText(s.name.Text, base, s.name.TextStyle)
	l.setNameSize(fyne.Max(base*tightName, base*fyne.Min(1, fyne.Min((W-sm.Width-2*p)/m.Width, sm.Height/m.Height))))
	nm := fyne.MeasureText(s.name.Text, s.name.TextSize, s.name.TextStyle)
	head := fyne.Max(nm.Height, sm.Height)
	setPlace(s.name, 0, (head-nm.Height)/2, nm.Width, nm.Height)
	setPlace(s.side, W-sm.Width, (head-sm.Height)/2, sm.Width, sm.Height)
	y := head + p/2 // the timer's card has a margin of its own
	bodyH := H - y
	for _, t := range s.tiles {
		t.setScale(1)
	}
	notes := s.notesBlock.MinSize()
	cell := s.grid.cellMin(s.cells.Objects)
	// Over half for the tiles, less where one column of them leaves the
	// prompt's buttons room for one row.
	leftW := (W - p) * 0.55
	if s.grid.columnsFor(s.cells.Objects, leftW) == 1 {
		leftW = fyne.Min(leftW, W-p-rowWidth(s.promptTop.Objects)-4*p)
	}
	// As wide as the widest of the tiles and the own-views row under them.
	leftW = fyne.Max(s.words.Content.MinSize().Width, leftW)
	if W-leftW-p >= notes.Width {
		// The notes beside the tiles, under the prompt (or the quote) where
		// there is room for its buttons and two lines of it.
		rightW := W - leftW - p
		notesY := y
		if ch := l.tightCard(rightW, bodyH-notes.Height-p); ch > 0 {
			card := s.promptCard
			if !s.promptCard.Visible() {
				card = s.quoteCard
			}
			setPlace(card, leftW+p, y, rightW, ch)
			notesY = y + ch + p
		}
		setPlace(s.notesBlock, leftW+p, notesY, rightW, H-notesY)
		defH := heightAt(s.def, leftW)
		s.def.Hidden = bodyH-defH-p < cell.Height
		if !s.def.Hidden {
			setPlace(s.def, 0, y, leftW, defH)
			y += defH + p
		}
		setPlace(s.words, 0, y, leftW, H-y)
		return
	}
	// Too narrow for two columns: the tiles scroll above the notes.
	s.def.Hide()
	tilesH := fyne.Max(0, bodyH-notes.Height-p)
	setPlace(s.words, 0, y, W, tilesH)
	setPlace(s.notesBlock, 0, y+tilesH+p, W, bodyH-tilesH-p)
}

// tightCard shows the prompt, or the quote when it is unfolded, in room
// px of the tight layout's right-hand column rightW wide, and returns its
// height: 0, with both hidden, when there is not room for the card's
// buttons and two lines of it.
func (l *elementLayout) tightCard(rightW, room float32) float32 {
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	quote := s.quoteCard != nil && !l.folded
	var least, natural float32
	if quote {
		least = heightAt(s.quoteCard, rightW) + 2*em()*1.4
		natural = least + 4*em()*1.4
	} else {
		least = heightAt(s.promptTop, rightW-2*p) + 2*themeSize(sizePrompt)*1.4 + 4*p
		natural = s.promptHeight(rightW)
	}
	if room < least {
		return 0
	}
	s.promptCard.(*fyne.Container).Hidden = quote
	if s.quoteCard != nil {
		s.quoteCard.(*fyne.Container).Hidden = !quote
		setShown(s.quoteShow, !quote)
		setShown(s.quoteHide, quote)
	}
	return fyne.Min(room, fyne.Max(least, natural))
}

// rowWidth is how wide objs are side by side.
func rowWidth(objs []fyne.CanvasObject) float32 {
	p := themeSize(theme.SizeNamePadding)
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w += o.MinSize().Width + p
		}
	}
	return w
}

// setShown shows or hides a button, if there is one.
func setShown(b interface {
	Show()
	Hide()
	Visible() bool
}, show bool) {
	if b == nil || b.Visible() == show {
		return
	}
	if show {
		b.Show()
	} else {
		b.Hide()
	}
}

// promptHeight is how tall the prompt card is at width w with nothing
// scrolled: its buttons, the prompt and the research line. Each part is
// measured at the width the card gives it (inside the card's padding),
// as measuring lays it out: measured any narrower, the prompt kept the
// narrower wrapping until something refreshed it.
func (s *elementScreen) promptHeight(w float32) float32 {
	p := themeSize(theme.SizeNamePadding)
	inner := w - 2*p
	return heightAt(s.promptTop, inner) + heightAt(s.promptBody, inner) + 4*p
}
