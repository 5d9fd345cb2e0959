package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Drawing cost, and why the large panels are outlined, not filled.
//
// With no graphics driver (Mesa's software renderer: a projector laptop
// without one, a remote desktop, a virtual machine, the test machine),
// each frame costs about the area Fyne draws in it, plus a little for each
// object: every object is drawn as a blended rectangle over its whole
// size, and a rectangle with only an outline is drawn over all of its
// inside too. On the element screen the prompt, quote and timer cards and
// the notes field's fill were over a third of the window, and leaving them
// out took 4–6 ms of Mesa's work from every frame (timed in a build of
// Fyne made for it, not kept), where a key must be on the screen within a
// frame of a bare Fyne window's (make bench's BenchmarkRespondShade). So
// those panels have no fill and an outline drawn as its four sides, which
// costs only the sides' own pixels. TestElementScreenDrawsLittle keeps it so.

// edges is a rectangle's outline, drawn as its four sides.
type edges [4]*canvas.Rectangle

func newEdges() edges {
	var e edges
	for i := range e {
		e[i] = canvas.NewRectangle(color.Transparent)
	}
	return e
}

func (e edges) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{e[0], e[1], e[2], e[3]}
}

// place lays the sides along the inside of the rectangle at pos of size s,
// each w thick.
func (e edges) place(pos fyne.Position, s fyne.Size, w float32) {
	w = min(w, s.Width/2, s.Height/2)
	e[0].Move(pos) // top
	e[0].Resize(fyne.NewSize(s.Width, w))
	e[1].Move(fyne.NewPos(pos.X, pos.Y+s.Height-w)) // bottom
	e[1].Resize(fyne.NewSize(s.Width, w))
	e[2].Move(fyne.NewPos(pos.X, pos.Y+w)) // left
	e[2].Resize(fyne.NewSize(w, s.Height-2*w))
	e[3].Move(fyne.NewPos(pos.X+s.Width-w, pos.Y+w)) // right
	e[3].Resize(fyne.NewSize(w, s.Height-2*w))
}

// colour sets the sides' colour, refreshing them only when it changed.
func (e edges) colour(c color.Color) {
	for _, r := range e {
		if r.FillColor != c {
			r.FillColor = c
			r.Refresh()
		}
	}
}

// cardEdge outlines a card: the panel behind a prompt, a quote or a timer.
type cardEdge struct {
	widget.BaseWidget
}

func newCardEdge() *cardEdge {
	c := &cardEdge{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *cardEdge) CreateRenderer() fyne.WidgetRenderer {
	r := &cardEdgeRenderer{c: c, sides: newEdges()}
	r.Refresh()
	return r
}

type cardEdgeRenderer struct {
	c     *cardEdge
	sides edges
}

func (r *cardEdgeRenderer) Destroy() {}

func (r *cardEdgeRenderer) Layout(s fyne.Size) {
	r.sides.place(fyne.NewPos(0, 0), s, cardEdgeWidth)
}

func (r *cardEdgeRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *cardEdgeRenderer) Objects() []fyne.CanvasObject { return r.sides.objects() }

func (r *cardEdgeRenderer) Refresh() {
	r.sides.colour(themeColour(colourCardEdge))
	r.Layout(r.c.Size())
}

// cardEdgeWidth is a card outline's thickness.
const cardEdgeWidth = 2

// fieldFrame draws a text field with no fill, so the field is the colour of
// what is behind it, and with Fyne's outline (in the focus colour while it
// has the keyboard). On a large field the outline is drawn as its four
// sides instead, in the same colour: each object drawn also costs a little
// whatever its size (about as much as 5,000 pixels of area), so a small
// field's one outline rectangle is cheaper than four sides, and a large
// one's is dearer. Fyne's fill, and whichever outline is not used, stay in
// the field's drawing, hidden.
type fieldFrame struct {
	fyne.WidgetRenderer
	box, border *canvas.Rectangle
	sides       edges
	// objs is Fyne's objects and the sides, made again after each layout
	// and refresh (where Fyne may swap or add objects), as the driver asks
	// for them on every frame.
	objs []fyne.CanvasObject
}

// frameField wraps a field's renderer. If Fyne's drawing is not the one
// this was made for (its first two objects its fill and outline), the
// field is left as Fyne draws it.
func frameField(r fyne.WidgetRenderer) fyne.WidgetRenderer {
	objs := r.Objects()
	if len(objs) < 2 {
		return r
	}
	box, ok1 := objs[0].(*canvas.Rectangle)
	border, ok2 := objs[1].(*canvas.Rectangle)
	if !ok1 || !ok2 {
		return r
	}
	f := &fieldFrame{WidgetRenderer: r, box: box, border: border, sides: newEdges()}
	f.hideFyne()
	return f
}

// sidesFrom is the area, in the window's units, from which a field's
// outline is drawn as four sides.
const sidesFrom = 20000

func (f *fieldFrame) hideFyne() {
	s := f.box.Size()
	f.box.Hidden = true
	f.border.CornerRadius = 0 // square, as the four sides are
	large := s.Width*s.Height >= sidesFrom
	f.border.Hidden = large
	for _, r := range f.sides {
		r.Hidden = !large
	}
	f.sides.colour(f.border.StrokeColor)
	f.objs = append(append([]fyne.CanvasObject(nil), f.WidgetRenderer.Objects()...), f.sides.objects()...)
}

func (f *fieldFrame) Objects() []fyne.CanvasObject { return f.objs }

func (f *fieldFrame) Layout(s fyne.Size) {
	f.WidgetRenderer.Layout(s)
	f.sides.place(fyne.NewPos(0, 0), s, theme.InputBorderSize())
	f.hideFyne() // the size decides which outline is drawn
}

func (f *fieldFrame) Refresh() {
	f.WidgetRenderer.Refresh()
	f.hideFyne()
}
