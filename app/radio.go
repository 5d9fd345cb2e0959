package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// radioChoice is a row of radio buttons drawn as Fyne's horizontal
// RadioGroup draws them, taking the keyboard as one control: Left and
// Right (or Up and Down) choose, Esc closes the dialog it is in, as it
// does from any control there. Fyne's own radio buttons keep Esc to
// themselves, so the privacy list could not be closed from its choices.
type radioChoice struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)

	focused bool
	current int // the option with the keyboard
}

func newRadioChoice(options []string, changed func(string)) *radioChoice {
	r := &radioChoice{Options: options, OnChanged: changed}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected chooses an option, as a tap on it does.
func (r *radioChoice) SetSelected(s string) {
	if r.Selected == s {
		return
	}
	r.Selected = s
	for i, o := range r.Options {
		if o == s {
			r.current = i
		}
	}
	r.Refresh()
	if r.OnChanged != nil {
		r.OnChanged(s)
	}
}

// Tapped chooses the option under the pointer, and takes the keyboard.
func (r *radioChoice) Tapped(ev *fyne.PointEvent) {
	if n := len(r.Options); n > 0 {
		w := r.Size().Width / float32(n)
		i := min(max(int(ev.Position.X/w), 0), n-1)
		r.SetSelected(r.Options[i])
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil && c.Focused() != r {
		c.Focus(r)
	}
}

// Cursor shows a pointing hand, as over a button.
func (r *radioChoice) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained shows the focus disc.
func (r *radioChoice) FocusGained() { r.focused = true; r.Refresh() }

// FocusLost hides it.
func (r *radioChoice) FocusLost() { r.focused = false; r.Refresh() }

// TypedRune chooses the option with the keyboard on Space.
func (r *radioChoice) TypedRune(ch rune) {
	if ch == ' ' && r.current < len(r.Options) {
		r.SetSelected(r.Options[r.current])
	}
}

// TypedKey chooses with the arrows and closes a dialog on Esc.
func (r *radioChoice) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyUp:
		if r.current > 0 {
			r.SetSelected(r.Options[r.current-1])
		}
	case fyne.KeyRight, fyne.KeyDown:
		if r.current < len(r.Options)-1 {
			r.SetSelected(r.Options[r.current+1])
		}
	case fyne.KeyEscape:
		escapeFrom(r)
	case fyne.KeyReturn, fyne.KeyEnter: // the privacy list's Enter exports
		if c := canvasFocusing(r); c != nil {
			passKey(c, ev)
		}
	}
}

// CreateRenderer draws each option as Fyne's radio item does: a focus
// disc, the ring, the fill, the label.
func (r *radioChoice) CreateRenderer() fyne.WidgetRenderer {
	rr := &radioRenderer{r: r}
	for _, o := range r.Options {
		it := radioItemShapes{disc: canvas.NewCircle(color.Transparent), in: canvas.NewImageFromResource(nil),
			out: canvas.NewImageFromResource(nil), label: canvas.NewText(o, color.Black)}
		rr.items = append(rr.items, it)
		rr.objs = append(rr.objs, it.disc, it.in, it.out, it.label)
	}
	rr.Refresh()
	return rr
}

type radioItemShapes struct {
	disc    *canvas.Circle
	in, out *canvas.Image
	label   *canvas.Text
}

type radioRenderer struct {
	r     *radioChoice
	items []radioItemShapes
	objs  []fyne.CanvasObject
}

func (rr *radioRenderer) Destroy() {}

func (rr *radioRenderer) Objects() []fyne.CanvasObject { return rr.objs }

func (rr *radioRenderer) itemMin() fyne.Size {
	in := themeSize(theme.SizeNameInnerPadding) * 2
	s := fyne.NewSize(0, 0)
	for _, it := range rr.items {
		s = s.Max(it.label.MinSize().AddWidthHeight(in+themeSize(theme.SizeNameInlineIcon)+themeSize(theme.SizeNamePadding), in))
	}
	return s
}

func (rr *radioRenderer) MinSize() fyne.Size {
	m := rr.itemMin()
	n := float32(len(rr.items))
	if n == 0 {
		return m
	}
	return fyne.NewSize(m.Width*n+themeSize(theme.SizeNamePadding)*(n-1), m.Height)
}

func (rr *radioRenderer) Layout(size fyne.Size) {
	pad := themeSize(theme.SizeNamePadding)
	inner := themeSize(theme.SizeNameInnerPadding)
	border := themeSize(theme.SizeNameInputBorder)
	icon := themeSize(theme.SizeNameInlineIcon)
	n := float32(len(rr.items))
	if n == 0 {
		return
	}
	w := (size.Width - pad*(n-1)) / n
	// At the top of a taller space, as Fyne's radio group sits.
	size.Height = min(size.Height, rr.itemMin().Height)
	for i, it := range rr.items {
		x := float32(i) * (w + pad)
		disc := fyne.NewSquareSize(icon + inner)
		it.disc.Resize(disc)
		it.disc.Move(fyne.NewPos(x+border, (size.Height-disc.Height)/2))
		pos := fyne.NewPos(x+inner/2+border, (size.Height-icon)/2)
		for _, img := range []*canvas.Image{it.in, it.out} {
			img.Resize(fyne.NewSquareSize(icon))
			img.Move(pos)
		}
		ls := it.label.MinSize()
		it.label.Move(fyne.NewPos(x+disc.Width+pad+inner, (size.Height-ls.Height)/2))
		it.label.Resize(ls)
	}
}

func (rr *radioRenderer) Refresh() {
	for i, it := range rr.items {
		it.label.Text = rr.r.Options[i]
		it.label.TextSize = themeSize(theme.SizeNameText)
		it.label.Color = themeColour(theme.ColorNameForeground)
		out := theme.NewThemedResource(theme.Current().Icon(theme.IconNameRadioButton))
		out.ColorName = theme.ColorNameInputBorder
		in := theme.NewThemedResource(theme.Current().Icon(theme.IconNameRadioButtonFill))
		in.ColorName = theme.ColorNameInputBackground
		if rr.r.Options[i] == rr.r.Selected {
			in.ColorName, out.ColorName = theme.ColorNamePrimary, theme.ColorNameForeground
		}
		it.in.Resource, it.out.Resource = in, out
		it.disc.FillColor = color.Transparent
		if rr.r.focused && i == rr.r.current {
			it.disc.FillColor = themeColour(theme.ColorNameFocus)
		}
		it.disc.Refresh()
		it.in.Refresh()
		it.out.Refresh()
		it.label.Refresh()
	}
	rr.Layout(rr.r.Size())
}
