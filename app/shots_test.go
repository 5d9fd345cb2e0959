package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
)

// TestScreenshots renders the trainer screens at 1280×720 and compares
// each with its master under testdata/screens/, as Fyne's markup (every
// object's kind, place, size, colour and text), so a change of layout or
// wording shows up in review. A screen that differs is written to
// testdata/failed/screens/ (not kept in git): look at it, and if the
// change is meant, copy it over the master. With ICEBERG_SHOTS set, the
// screens are also written there as pictures, for the ones under docs/.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ICEBERG_SHOTS")
	shot := func(w fyne.Window, name string) {
		t.Helper()
		test.AssertRendersToMarkup(t, "screens/"+strings.TrimSuffix(name, ".png")+".xml", w.Canvas())
		if dir == "" {
			return
		}
		f, err := os.Create(filepath.Join(dir, name))
		mustOK(t, err, "create")
		defer f.Close()
		mustOK(t, png.Encode(f, w.Canvas().Capture()), "encode")
	}
	h := newHarness(t)
	h.store.Now = h.clock.now // a follow-up's date is the day it is made
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
	// The message names the file; a temporary folder's name changes each run.
	r.r.problem.SetText(strings.ReplaceAll(r.r.problem.Text, filepath.Dir(path), "/home/facilitator"))
	shot(r.win, "recovery.png")
}
