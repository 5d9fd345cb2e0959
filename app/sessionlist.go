package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// sessionList is Home's list of sessions. Fyne's list marks the row with
// the keyboard only by the hover colour, about 1.1:1 from the window, so
// this one draws the app's focus ring round that row, as on a tile. It
// keeps the keys it uses (Up, Down, Space selects, Enter opens) and
// passes the rest on to the window, as a button of the app's own does.
type sessionList struct {
	widget.List
	onOpen     func(id widget.ListItemID) // Enter on a row
	onSelected func(id widget.ListItemID)

	focused bool
	current widget.ListItemID // the row with the keyboard, as Fyne's list keeps it
}

// newSessionList is a list of length rows made by create and filled by
// update, each inside a ring shown while it has the keyboard.
func newSessionList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *sessionList {
	l := &sessionList{}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject { return newRingedRow(create()) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		r := o.(*ringedRow)
		update(id, r.content)
		r.show(l.focused && id == l.current)
	}
	// A selection takes the keyboard to its row too, as a tap does in
	// Fyne's list.
	l.OnSelected = func(id widget.ListItemID) {
		if old := l.current; old != id {
			l.current = id
			l.RefreshItem(old)
			l.RefreshItem(id)
		}
		if l.onSelected != nil {
			l.onSelected(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained rings the row with the keyboard.
func (l *sessionList) FocusGained() {
	l.focused = true
	l.List.FocusGained()
}

// FocusLost takes the ring away.
func (l *sessionList) FocusLost() {
	l.focused = false
	l.List.FocusLost()
}

// TypedKey moves the ring on Up and Down, selects on Space, opens on
// Enter, gives the keyboard back on Esc and passes every other key on.
func (l *sessionList) TypedKey(ev *fyne.KeyEvent) {
	n := 0
	if l.Length != nil {
		n = l.Length()
	}
	switch ev.Name {
	case fyne.KeyDown:
		if l.current < n-1 {
			l.current++ // before Fyne's list refreshes the two rows
		}
		l.List.TypedKey(ev)
	case fyne.KeyUp:
		if l.current > 0 {
			l.current--
		}
		l.List.TypedKey(ev)
	case fyne.KeySpace:
		l.List.TypedKey(ev)
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.current >= 0 && l.current < n {
			l.Select(l.current)
			if l.onOpen != nil {
				l.onOpen(l.current)
			}
		}
	case fyne.KeyEscape:
		escapeFrom(l)
	default:
		passKeyFrom(l, ev)
	}
}

// TypedRune passes a typed character on to the window.
func (l *sessionList) TypedRune(r rune) {
	if r != ' ' {
		passRuneFrom(l, r)
	}
}

// ringedRow is a row of the list with the focus ring over it, and room
// for the ring round its content so the ring hides none of it.
type ringedRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	ring    focusRing
	on      bool
}

func newRingedRow(content fyne.CanvasObject) *ringedRow {
	r := &ringedRow{content: content, ring: newFocusRing()}
	r.ExtendBaseWidget(r)
	return r
}

func (r *ringedRow) show(on bool) {
	if r.on == on {
		return
	}
	r.on = on
	r.ring.show(on)
}

// ringInset is the room kept round a row's content for the ring.
const ringInset = focusGapWidth + focusRingWidth

// CreateRenderer lays the content inside the ring.
func (r *ringedRow) CreateRenderer() fyne.WidgetRenderer {
	r.ring.show(r.on)
	return &ringedRowRenderer{r: r, objs: append([]fyne.CanvasObject{r.content}, r.ring.objects()...)}
}

type ringedRowRenderer struct {
	r    *ringedRow
	objs []fyne.CanvasObject
}

func (rr *ringedRowRenderer) Destroy() {}

func (rr *ringedRowRenderer) Objects() []fyne.CanvasObject { return rr.objs }

func (rr *ringedRowRenderer) MinSize() fyne.Size {
	return rr.r.content.MinSize().AddWidthHeight(2*ringInset, 2*ringInset)
}

func (rr *ringedRowRenderer) Layout(s fyne.Size) {
	rr.r.content.Move(fyne.NewPos(ringInset, ringInset))
	rr.r.content.Resize(s.SubtractWidthHeight(2*ringInset, 2*ringInset))
	rr.r.ring.place(s)
}

func (rr *ringedRowRenderer) Refresh() {
	rr.r.ring.show(rr.r.on)
	rr.Layout(rr.r.Size())
	rr.r.content.Refresh()
}
