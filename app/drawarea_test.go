package app

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// drawn is what Fyne's painter draws of a window, as its software renderer
// pays for it: every object over its whole rectangle (cut to the scroll
// boxes it is in and to the window), a rectangle with only an outline
// included, one with neither fill nor outline left out (edges.go).
type drawn struct {
	area      float32 // pixels, summed over objects
	objects   int
	outlines  []string // rectangles drawn only for their outline, over a tenth of the window
	windowPix float32
}

func measureDrawn(c fyne.Canvas) drawn {
	s := c.Size()
	d := drawn{windowPix: s.Width * s.Height}
	var visit func(o fyne.CanvasObject, at fyne.Position, clip [4]float32)
	visit = func(o fyne.CanvasObject, at fyne.Position, clip [4]float32) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		size := o.Size()
		box := [4]float32{max(pos.X, clip[0]), max(pos.Y, clip[1]), min(pos.X+size.Width, clip[2]), min(pos.Y+size.Height, clip[3])}
		if _, ok := o.(*container.Scroll); ok {
			clip = box
		}
		area := max(0, box[2]-box[0]) * max(0, box[3]-box[1])
		counted := false
		switch x := o.(type) {
		case *canvas.Rectangle:
			noFill := x.FillColor == nil || x.FillColor == color.Transparent
			noEdge := x.StrokeColor == nil || x.StrokeColor == color.Transparent || x.StrokeWidth == 0
			if noFill && noEdge {
				break
			}
			counted = true
			if noFill && area > d.windowPix/10 {
				d.outlines = append(d.outlines, fmt.Sprintf("%.0f×%.0f at %.0f,%.0f", size.Width, size.Height, pos.X, pos.Y))
			}
		case *canvas.Text:
			if x.Text != "" {
				m := x.MinSize()
				area = max(0, min(m.Width, box[2]-box[0])) * max(0, min(m.Height, box[3]-box[1]))
				counted = true
			}
		case *canvas.Image, *canvas.Raster, *canvas.Circle, *canvas.LinearGradient, *canvas.RadialGradient:
			counted = true
		}
		if counted && area > 0 {
			d.area += area
			d.objects++
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, ch := range x.Objects {
				visit(ch, pos, clip)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(x).Objects() {
				visit(ch, pos, clip)
			}
		}
	}
	visit(c.Content(), fyne.NewPos(0, 0), [4]float32{0, 0, s.Width, s.Height})
	return d
}

// TestElementScreenDrawsLittle keeps the element screen cheap to draw where
// there is no graphics driver, where a frame costs its area and a little
// for each object drawn: at 1280×720, in each look, each element's screen
// draws under three quarters of the window's area in all (1.04–1.11 when
// the cards and notes field were filled and the field's outline was drawn
// over its whole inside) in at most 160 objects, and no rectangle drawn
// only for its outline covers a tenth of the window. make bench measures
// what this buys: the time from a key to its frame, beside a bare window.
func TestElementScreenDrawsLittle(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Drawing", "Governing Body")
	for _, l := range looks {
		h.u.setLook(l.id)
		for _, el := range h.u.fw.Elements {
			h.u.open(id, el.Code)
			d := measureDrawn(h.win.Canvas())
			share := d.area / d.windowPix
			t.Logf("%s look, %s: %d objects drawn, %.2f of the window's area", l.label, el.Name, d.objects, share)
			if share > 0.75 {
				t.Errorf("%s look, %s: the screen draws %.2f of the window's area, want under 3/4", l.label, el.Name, share)
			}
			if d.objects > 160 {
				t.Errorf("%s look, %s: the screen draws %d objects, want at most 160", l.label, el.Name, d.objects)
			}
			if len(d.outlines) > 0 {
				t.Errorf("%s look, %s: rectangles drawn only for their outline, each drawn over its whole inside: %v (draw the outline as its sides, edges.go)", l.label, el.Name, d.outlines)
			}
		}
	}
}
