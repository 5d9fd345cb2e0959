package app

import (
	"image/color"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 {
	n := nrgba(c)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// contrastRatio is WCAG 2's contrast ratio of two colours. It depends on
// luminance alone, so it is also how far apart they are in greyscale.
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{
		{color.White, color.Black, 21},
		{color.White, color.White, 1},
		{rgb(0x767676), color.White, 4.54},
	} {
		if got := contrastRatio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast of %v and %v: got %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// TestTimeUpIsLoud runs a timer out in each look and checks that the time
// shows as a block of at least 7:1 with its digits, which stands apart
// from what it sits on even in greyscale (3:1 in lightness).
func TestTimeUpIsLoud(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Timer", "Governing Body")
	for _, look := range []string{lookLight, lookDark, lookContrast} {
		t.Run(look, func(t *testing.T) {
			h.u.setLook(look)
			h.u.open(id, "P")
			el := h.u.cur.element
			el.onTimer()
			h.clock.add(time.Duration(h.u.timerMinutes()+1) * time.Minute)
			el.showTimer()
			if got := el.timerNote.Text; got != "Time is up (over)" {
				t.Fatalf("timer note: got %q, want time up", got)
			}
			block, digits := el.timeUp.FillColor, el.timerText.Color
			if got := contrastRatio(block, digits); got < 7 {
				t.Errorf("time-up digits on their block: %.1f:1, want at least 7:1", got)
			}
			// The timer's card is outlined, not filled (edges.go), so the
			// block sits on the window's background; the card colour is
			// still checked, for the rail and any filled panel.
			for name, behind := range map[string]fyne.ThemeColorName{"window": theme.ColorNameBackground, "card": colourCard} {
				if got := contrastRatio(block, themeColour(behind)); got < 3 {
					t.Errorf("time-up block against the %s behind it: %.1f:1 in lightness, want at least 3:1 so it shows in greyscale", name, got)
				}
			}
			if _, _, _, a := block.RGBA(); a != 0xffff {
				t.Errorf("time-up block is not solid: alpha %d", a)
			}
			el.onTimer() // pause
		})
	}
}

// TestRoomReadsSmallWords checks, from the sizes the screen draws them at,
// that the words the room must read beside the tiles (a tile's number and
// level, the prompt's research line, the keys line) are at least 60% of a
// tile word's height.
func TestRoomReadsSmallWords(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Sizes", "Governing Body")
	h.u.open(id, "P")
	el := h.u.cur.element
	tile := el.tiles[0]
	tile.setLevel(data.ShadePartly)
	r := test.WidgetRenderer(tile).(*tileRenderer)
	word := fyne.MeasureText(r.word.Text, r.word.TextSize, r.word.TextStyle).Height
	check := func(what string, height float32) {
		t.Helper()
		if height < 0.6*word {
			t.Errorf("%s is %.1f px high, less than 60%% of a tile word's %.1f px", what, height, word)
		}
	}
	for what, txt := range map[string]*canvas.Text{"a tile's number": r.num, "a tile's level": r.state} {
		check(what, fyne.MeasureText(txt.Text, txt.TextSize, txt.TextStyle).Height)
	}
	from := el.promptFrom
	check("the research line", fyne.MeasureText(from.Text, themeSize(from.SizeName), from.TextStyle).Height)
	h.u.show(screenIntro)
	found := false
	walkLabels(h.win.Canvas().Content(), func(text string, size fyne.ThemeSizeName, style fyne.TextStyle) {
		if len(text) > 5 && text[:5] == "Keys:" {
			found = true
			check("the keys line", fyne.MeasureText(text, themeSize(size), style).Height)
		}
	})
	if !found {
		t.Error("the Intro has no keys line")
	}
}

// walkLabels calls fn with each label's text and size in o's tree.
func walkLabels(o fyne.CanvasObject, fn func(text string, size fyne.ThemeSizeName, style fyne.TextStyle)) {
	switch v := o.(type) {
	case *widget.Label:
		fn(v.Text, v.SizeName, v.TextStyle)
	case *fyne.Container:
		for _, c := range v.Objects {
			walkLabels(c, fn)
		}
	case fyne.Widget:
		if leafWidget(o) {
			return
		}
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkLabels(c, fn)
		}
	}
}
