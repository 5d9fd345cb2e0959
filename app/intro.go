package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/ppei-iceberg/iceberg/data"
)

// newIntroScreen is what the room sees first: what the map is for, the
// five elements in a line each, how shading works, and the principle the
// research ends on, attributed as the research gives it.
func newIntroScreen(fw *data.Framework, rec *data.Record, editDetails func()) fyne.CanvasObject {
	title := label("Mapping how we involve patients, carers and the public", theme.SizeNameHeadingText, true)
	edit := newIconButton("Edit details and cover sheet", theme.DocumentCreateIcon(), editDetails)
	who := strings.TrimSpace(rec.Community)
	switch {
	case who == "":
		who = "this group"
	case !strings.HasPrefix(strings.ToLower(who), "the "):
		who = "the " + who
	}
	purpose := label("Today we map how "+who+" involves people. "+
		"For each of five elements we talk it through, then shade the doing words we find in what we really do: "+
		"shaded means found in our practice, partly means found in part, and not shaded means not found in our practice.",
		theme.SizeNameText, false)

	var rows []fyne.CanvasObject
	for _, e := range fw.Elements {
		name := label(e.Name, theme.SizeNameText, true)
		name.Wrapping = fyne.TextWrapOff
		line := label(e.Plain, theme.SizeNameText, false)
		rows = append(rows, name, line)
	}
	elements := container.New(&formRows{}, rows...)

	how := label("How shading works", theme.SizeNameSubHeadingText, true)
	howText := label("Tap a word, or press its number, to move it on one step. "+
		"Each step shows by fill, by pattern, by a mark and in words, so it reads in black and white too.", theme.SizeNameText, false)
	sample := fw.Elements[0].Words[0].Label
	examples := newGrid(3,
		newWordTile(0, sample, data.ShadeNone, nil),
		newWordTile(0, sample, data.ShadePartly, nil),
		newWordTile(0, sample, data.ShadeShaded, nil),
	)

	// The research's closing words, quoted exactly and attributed to it.
	principle := label("“In reality, it should be nothing about us without us in keeping with the principles advocated by National Voices.”", sizeDefinition, true)
	src := fw.Source
	cite := label("— "+src.Author+", "+src.Title+" ("+src.Published+")", sizeSmall, false)
	keys := label("Keys: Right or PageDown next · Left or PageUp back · 1–9 shade a word · P next prompt · T timer · A agree · Ctrl+E export · F11 full screen", sizeRoom, false)

	five := label("The five elements, in this app's words", theme.SizeNameSubHeadingText, true)
	left := container.NewVBox(purpose, how, howText, examples, card(container.NewVBox(principle, cite)))
	right := container.NewVBox(five, elements, keys)
	split := newColumns(left, right)
	head := container.NewBorder(nil, nil, nil, container.NewVBox(edit), title)
	return container.NewPadded(container.NewVScroll(container.NewVBox(head, split)))
}

// formRows lays out pairs of objects as rows: the first sized to the
// widest of its column, the second taking the rest of the width.
type formRows struct{ width float32 } // the width last laid out at

func (f *formRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var left, right, h, stack float32
	p := themeSize(theme.SizeNamePadding)
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i].MinSize(), objs[i+1].MinSize()
		left = fyne.Max(left, a.Width)
		right = fyne.Max(right, b.Width)
		h += fyne.Max(a.Height, b.Height) + p
		stack += a.Height + b.Height + p
	}
	if f.width > 0 && f.stacked(left, f.width) {
		return fyne.NewSize(fyne.Max(left, right), stack)
	}
	return fyne.NewSize(left+p+right, h)
}

func (f *formRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	var left float32
	p := themeSize(theme.SizeNamePadding)
	for i := 0; i+1 < len(objs); i += 2 {
		left = fyne.Max(left, objs[i].MinSize().Width)
	}
	stacked := f.stacked(left, size.Width)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i], objs[i+1]
		if stacked {
			// Too narrow for the words beside the name: under it.
			ah := a.MinSize().Height
			setPlace(a, 0, y, size.Width, ah)
			bh := heightAt(b, size.Width)
			setPlace(b, 0, y+ah, size.Width, bh)
			y += ah + bh + p
			continue
		}
		bw := size.Width - left - p
		b.Resize(fyne.NewSize(bw, b.MinSize().Height))
		h := fyne.Max(a.MinSize().Height, b.MinSize().Height)
		a.Move(fyne.NewPos(0, y))
		a.Resize(fyne.NewSize(left, h))
		b.Move(fyne.NewPos(left+p, y))
		b.Resize(fyne.NewSize(bw, h))
		y += h + p
	}
}

// stacked is whether the second of each pair goes under the first: when
// beside it, it would have less than 14 characters' room.
func (f *formRows) stacked(left, width float32) bool {
	return width-left-themeSize(theme.SizeNamePadding) < 14*theme.TextSize()*0.55
}
