// Command barekeys is a bare Fyne window that answers keys: the yardstick
// for the responsiveness benchmarks in app/ (respond_bench_test.go, run by
// make bench). It does in Fyne alone the two kinds of change the
// facilitator's keys make in PPEI Iceberg: "1" changes the colour of the
// first tile's rectangle (shading a word), and PageDown and PageUp swap
// the window's content for the next or previous page, each built once and
// kept (moving between elements). There is no data, no store and no rail.
package main

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

const pages = 5

// The three looks a tile cycles through, as a word's shading does.
var shades = []color.Color{
	color.NRGBA{R: 0xe8, G: 0xf1, B: 0xf8, A: 0xff},
	color.NRGBA{R: 0x8f, G: 0xb8, B: 0xd8, A: 0xff},
	color.NRGBA{R: 0x1f, G: 0x4e, B: 0x79, A: 0xff},
}

func main() {
	a := app.NewWithID("uk.org.ppei.iceberg.barekeys")
	w := a.NewWindow("Bare Fyne window with keys")
	body := container.NewStack()
	built := make([]fyne.CanvasObject, pages)
	var first []*canvas.Rectangle
	shade := make([]int, pages)
	page := 0
	for p := range built {
		tiles := make([]fyne.CanvasObject, 0, p+3)
		for t := 0; t < p+3; t++ {
			r := canvas.NewRectangle(shades[0])
			r.SetMinSize(fyne.NewSize(200, 120))
			if t == 0 {
				first = append(first, r)
			}
			tiles = append(tiles, container.NewStack(r, widget.NewLabel("Tile "+strconv.Itoa(t+1))))
		}
		built[p] = container.NewVBox(
			widget.NewLabel("Page "+strconv.Itoa(p+1)+" of "+strconv.Itoa(pages)),
			container.NewGridWithColumns(4, tiles...),
		)
	}
	show := func(p int) {
		if p < 0 || p >= pages {
			return
		}
		page = p
		body.Objects = []fyne.CanvasObject{built[p]}
		body.Refresh()
	}
	show(0)
	w.Canvas().SetOnTypedRune(func(r rune) {
		if r != '1' {
			return
		}
		shade[page] = (shade[page] + 1) % len(shades)
		first[page].FillColor = shades[shade[page]]
		first[page].Refresh()
	})
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyPageDown:
			show(page + 1)
		case fyne.KeyPageUp:
			show(page - 1)
		}
	})
	w.SetContent(body)
	w.Resize(fyne.NewSize(1280, 720))
	w.ShowAndRun()
}
