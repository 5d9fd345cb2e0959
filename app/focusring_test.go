package app

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// focusNeed is WCAG 2.4.7 and 2.4.11's 3:1 for the focus indicator.
const focusNeed = 3.0

// drawnOver is c drawn over an opaque base, as Fyne blends the focus colour
// into a button's fill.
func drawnOver(base, c color.Color) color.NRGBA {
	b, f := nrgba(base), nrgba(c)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-a) + float64(y)*a + 0.5) }
	return color.NRGBA{R: mix(b.R, f.R), G: mix(b.G, f.G), B: mix(b.B, f.B), A: 0xff}
}

// TestFocusIndicatorColours checks, from each look's own colours, that
// the focus indicator of every kind of control stands 3:1 apart from the
// control without focus and from every surface the app puts controls on
// (the window, a card, a dialog), and that labels stay readable on it.
func TestFocusIndicatorColours(t *testing.T) {
	for _, l := range looks {
		th := newIceTheme(l.id, 1)
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
		surfaces := map[string]color.Color{"window": c(theme.ColorNameBackground), "card": c(colourCard),
			"dialog": c(theme.ColorNameOverlayBackground), "field": c(theme.ColorNameInputBackground)}
		focusFill := drawnOver(c(theme.ColorNameButton), c(theme.ColorNameFocus))
		highFill := drawnOver(c(theme.ColorNamePrimary), c(theme.ColorNameFocus))
		type pair struct {
			what string
			a, b color.Color
			need float64
		}
		pairs := []pair{
			{"focused button against unfocused", focusFill, c(theme.ColorNameButton), focusNeed},
			{"focused primary button against unfocused", highFill, c(theme.ColorNamePrimary), focusNeed},
			{"focused select against unfocused", c(theme.ColorNameFocus), c(theme.ColorNameInputBackground), focusNeed},
			{"focused field's border against unfocused", c(theme.ColorNamePrimary), c(theme.ColorNameInputBorder), focusNeed},
			// Labels on the focus fill: a button's is bold 19 px, large
			// text (3:1) for the primary label; every other label 4.5:1.
			{"label on a focused button or select", c(theme.ColorNameForeground), focusFill, 4.5},
			{"primary label on a focused primary button", c(theme.ColorNameForegroundOnPrimary), highFill, 3},
		}
		for name, s := range surfaces {
			pairs = append(pairs,
				pair{"focus fill, disc or ring on the " + name, c(theme.ColorNameFocus), s, focusNeed},
				pair{"focused field's border on the " + name, c(theme.ColorNamePrimary), s, focusNeed},
				// An unticked check box and an unfocused field are drawn in
				// the input border colour: without 3:1 (WCAG 1.4.11) the
				// room cannot see there is a box to tick.
				pair{"unfocused field's border or empty check box on the " + name, c(theme.ColorNameInputBorder), s, focusNeed})
		}
		for _, p := range pairs {
			got := contrastRatio(p.a, p.b)
			t.Logf("%s: %s %.2f:1", l.label, p.what, got)
			if got < p.need {
				t.Errorf("%s look: %s is %.2f:1, want at least %.1f:1", l.label, p.what, got, p.need)
			}
		}
	}
}

// TestFocusIndicatorContrast draws every kind of focusable control the
// app uses, in every look, on each surface, with and without the
// keyboard, and measures the pixels that change: at least a one-pixel
// line round the control must change by 3:1 or more, so the focus shows
// on screen, not only in the theme. (Home's session list is its own:
// Fyne's marks the focused row with the hover colour only.)
func TestFocusIndicatorContrast(t *testing.T) {
	a := test.NewTempApp(t)
	link, _ := url.Parse("https://example.org/")
	kinds := []struct {
		name string
		make func(w fyne.Window) fyne.CanvasObject
		part func(o fyne.CanvasObject) fyne.Size // the part round which the line runs
	}{
		{"button", func(fyne.Window) fyne.CanvasObject { return widget.NewButton("Start (T)", nil) }, nil},
		{"primary button", func(fyne.Window) fyne.CanvasObject {
			b := widget.NewButtonWithIcon("Agree P (A)", theme.ConfirmIcon(), nil)
			b.Importance = widget.HighImportance
			return b
		}, nil},
		{"plain button (an accordion's)", func(fyne.Window) fyne.CanvasObject {
			b := widget.NewButton("Board cover sheet", nil)
			b.Importance = widget.LowImportance
			return b
		}, nil},
		{"the app's button", func(fyne.Window) fyne.CanvasObject { return newButton("Next prompt (P)", nil) }, nil},
		{"the app's primary button", func(fyne.Window) fyne.CanvasObject {
			b := newIconButton("Create session (Enter)", theme.ConfirmIcon(), nil)
			b.Importance = widget.HighImportance
			return b
		}, nil},
		{"text field", func(w fyne.Window) fyne.CanvasObject {
			return (&entryKeys{win: w}).newEntry("Search by title", false)
		}, nil},
		{"notes field", func(w fyne.Window) fyne.CanvasObject {
			e := (&entryKeys{win: w}).newEntry("What the group said…", true)
			e.SetMinRowsVisible(3)
			return e
		}, nil},
		{"check box", func(fyne.Window) fyne.CanvasObject { return widget.NewCheck("Include names", nil) }, boxPart},
		{"the app's check box", func(fyne.Window) fyne.CanvasObject { return newCheck("Include names", nil) }, boxPart},
		{"radio button", func(fyne.Window) fyne.CanvasObject {
			return widget.NewRadioGroup([]string{choiceWithhold, choiceKeep}, nil)
		}, boxPart},
		{"the privacy list's radio buttons", func(fyne.Window) fyne.CanvasObject {
			return newRadioChoice([]string{choiceWithhold, choiceKeep}, nil)
		}, boxPart},
		{"select", func(fyne.Window) fyne.CanvasObject { return widget.NewSelect([]string{"PDF", "Web page"}, nil) }, nil},
		{"link", func(fyne.Window) fyne.CanvasObject { return widget.NewHyperlink("Learn more", link) }, nil},
		{"Home's session row", func(fyne.Window) fyne.CanvasObject {
			return newSessionList(func() int { return 1 },
				func() fyne.CanvasObject {
					return container.NewBorder(nil, nil, nil, newButton("Open", nil), widget.NewLabel("Board mapping"))
				}, func(widget.ListItemID, fyne.CanvasObject) {})
		}, nil},
		{"word tile", func(fyne.Window) fyne.CanvasObject { return newWordTile(1, "Aligning", data.ShadeShaded, nil) }, nil},
		{"rail stop", func(fyne.Window) fyne.CanvasObject {
			s := newRailStep("Participation", "P", nil)
			s.set(true, true, false)
			return container.NewGridWrap(fyne.NewSize(150, 62), s)
		}, nil},
	}
	surfaces := []struct {
		name string
		fill fyne.ThemeColorName
	}{{"window", theme.ColorNameBackground}, {"card", colourCard}, {"dialog", theme.ColorNameOverlayBackground}}
	for _, l := range looks {
		a.Settings().SetTheme(newIceTheme(l.id, 1))
		for _, k := range kinds {
			for _, s := range surfaces {
				w := test.NewTempWindow(t, nil)
				ctl := k.make(w)
				bg := canvas.NewRectangle(themeColour(s.fill))
				w.SetContent(container.NewStack(bg, container.NewCenter(container.NewPadded(ctl))))
				w.Resize(fyne.NewSize(360, 200))
				c := w.Canvas()
				before := c.Capture()
				c.FocusNext()
				if c.Focused() == nil {
					t.Fatalf("%s: the %s takes no focus", l.label, k.name)
				}
				after := c.Capture()
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(ctl)
				size := ctl.Size()
				if k.part != nil {
					size = k.part(ctl)
				}
				need := int(2 * (size.Width + size.Height))
				n, worst := changedBy(before, after, focusNeed)
				t.Logf("%s, %s on the %s: %d px change by ≥3:1 (need %d); the strongest change %.2f:1", l.label, k.name, s.name, n, need, worst)
				if n < need {
					t.Errorf("%s look, %s on the %s: only %d pixels change by 3:1 or more when it takes the keyboard, want at least %d (a line round its %.0f×%.0f at %v)",
						l.label, k.name, s.name, n, need, size.Width, size.Height, pos)
					if testing.Verbose() {
						writePNG(t, "focus-"+strings.ReplaceAll(l.id+"-"+k.name+"-"+s.name, " ", "-"), before, after)
					}
				}
			}
		}
	}
}

// boxPart is a check box's or radio button's box, where its disc shows.
func boxPart(fyne.CanvasObject) fyne.Size {
	return fyne.NewSquareSize(themeSize(theme.SizeNameInlineIcon) + themeSize(theme.SizeNameInnerPadding))
}

// changedBy counts the pixels that differ by at least need between two
// captures, and gives the largest difference seen.
func changedBy(before, after image.Image, need float64) (n int, most float64) {
	b := before.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r := contrastRatio(before.At(x, y), after.At(x, y))
			if r >= need {
				n++
			}
			most = max(most, r)
		}
	}
	return n, most
}

// writePNG keeps the two captures of a failing control in
// testdata/failed/ (not kept in git), to look at.
func writePNG(t *testing.T, name string, imgs ...image.Image) {
	t.Helper()
	dir := filepath.Join("testdata", "failed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Log(err)
		return
	}
	for i, img := range imgs {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, i)))
		if err != nil {
			t.Log(err)
			return
		}
		if err := png.Encode(f, img); err != nil {
			t.Log(err)
		}
		f.Close()
	}
}
