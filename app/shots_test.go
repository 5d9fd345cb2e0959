package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/ppei-iceberg/iceberg/data"
)

// TestScreenshots writes the trainer screens at 1280×720, drawn by Fyne's
// software renderer, to the folder ICEBERG_SHOTS names (for the pictures
// under docs/), or to a temporary folder, so the screens always render.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ICEBERG_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	shot := func(w fyne.Window, name string) {
		f, err := os.Create(filepath.Join(dir, name))
		mustOK(t, err, "create")
		defer f.Close()
		mustOK(t, png.Encode(f, w.Canvas().Capture()), "encode")
	}
	h := newHarness(t)
	ctx := context.Background()
	fw := h.store.Framework()
	h.u.showLearn()
	h.u.cur.learn.show(6)
	shot(h.win, "learn.png")

	a := h.u.openExample("1-leadership-paperwork")
	b, err := h.store.FollowUp(ctx, a)
	mustOK(t, err, "follow-up")
	P := fw.Elements[0]
	mustOK(t, h.store.SetShade(ctx, b, P.Words[1].ID, data.ShadeShaded), "shade")
	mustOK(t, h.store.SetShade(ctx, b, fw.Elements[1].Words[0].ID, data.ShadeNone), "shade")
	h.u.open(b, P.Code)
	h.runes("c00000000012")
	shot(h.win, "tally.png")
	h.u.showCompare(a, b)
	shot(h.win, "compare-screen.png")

	path := filepath.Join(t.TempDir(), "iceberg.db")
	writeFile(t, path, notADatabase)
	r := newRecoveryHarness(t, path)
	shot(r.win, "recovery.png")
}
