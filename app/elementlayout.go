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
//     on a large screen they, and the prompt, grow.
type elementLayout struct {
	s *elementScreen
	// folded is whether the quote, when it has no room of its own, is
	// behind its button (true) or showing in the prompt's place.
	folded bool
	wide   bool // the last layout had a right-hand column
	large  bool // the last layout was for a large screen
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
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	side := s.side.MinSize()
	nameMin := fyne.MeasureText(s.el.Name, themeSize(sizeElementName)*0.45, s.name.TextStyle)
	notes := s.notesBlock.MinSize()
	h := fyne.Max(side.Height, nameMin.Height) + p + notes.Height + p + 2*em()
	return fyne.NewSize(fyne.Max(side.Width+p+nameMin.Width, notes.Width), h)
}

func (l *elementLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	s := l.s
	p := themeSize(theme.SizeNamePadding)
	W, H := size.Width, size.Height
	e := em()
	z := themeSize(theme.SizeNameText) / 19 // the zoom, as the theme scales text

	// The header: name, definition, timer and Agree.
	sm := s.side.MinSize()
	base := themeSize(sizeElementName)
	s.name.TextSize = base
	nameRoom := W - sm.Width - 2*p
	if m := fyne.MeasureText(s.name.Text, base, s.name.TextStyle); m.Width > nameRoom {
		s.name.TextSize = fyne.Max(base*0.45, base*nameRoom/m.Width)
	}
	nm := fyne.MeasureText(s.name.Text, s.name.TextSize, s.name.TextStyle)
	s.name.Refresh()
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
		ch := fyne.Min(natural, bodyH-notesMin-3*e-2*p)
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
	for _, try := range []float32{1.4, 1.25, 1.1, 1} {
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
// scrolled: its buttons, the prompt and the research line.
func (s *elementScreen) promptHeight(w float32) float32 {
	p := themeSize(theme.SizeNamePadding)
	inner := w - 2*p
	return heightAt(s.promptTop, inner) + heightAt(s.promptBody, inner-2*p) + 4*p
}
