package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/ppei-iceberg/iceberg/data"
)

// The heat map of three or more sessions uses its own marks: no drawn
// half-circle or tick (rasters) and no hatching, which on the workshop
// screens mean one group's shading; a bar and numbers instead.
func TestCompareHeatMapHasItsOwnMarks(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	fw := h.store.Framework()
	var ids []int64
	for i, lvl := range []data.Shade{data.ShadePartly, data.ShadeShaded, data.ShadeShaded} {
		id, err := h.store.CreateSession(ctx, &data.Session{Title: fmt.Sprintf("Group %d", i+1), Community: "Governing Body"})
		mustOK(t, err, "create")
		mustOK(t, h.store.SetShade(ctx, id, fw.Elements[0].Words[0].ID, lvl), "shade")
		ids = append(ids, id)
	}
	h.u.showCompare(ids...)
	cs := h.u.cur.compare
	if len(cs.recs) != 3 {
		t.Fatalf("compare has %d sessions, want 3", len(cs.recs))
	}
	bars := 0
	for _, o := range walk(cs.result) {
		switch o.(type) {
		case *canvas.Raster:
			t.Error("the heat map draws a workshop mark (a raster: the half-circle or tick)")
		case *hatch:
			t.Error("the heat map hatches a word, as the workshop's partly does")
		case *canvas.Rectangle:
			bars++
		}
	}
	if bars == 0 {
		t.Error("the heat map has no bars")
	}
	texts := canvasTexts(cs.result)
	for _, want := range []string{"2 of 3 shaded · 67%", "1 partly", "0 of 3 shaded · 0%"} {
		if !strings.Contains(texts, want) {
			t.Errorf("heat map lacks %q in %q", want, texts)
		}
	}
	// Two sessions still show the map as the workshop does: each word's level now.
	h.u.showCompare(ids[0], ids[1])
	marks := 0
	for _, o := range walk(h.u.cur.compare.result) {
		if _, ok := o.(*canvas.Raster); ok {
			marks++
		}
	}
	if marks == 0 {
		t.Error("the comparison of two lost its level marks")
	}
}

// The chooser shows at least five sessions, whole, at every size the room
// uses and at 150% text.
func TestComparePickerShowsFiveSessions(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	for i := 0; i < 9; i++ {
		_, err := h.store.CreateSession(ctx, &data.Session{Title: fmt.Sprintf("Northshire ICB workshop number %d with a long title to cut", i+1),
			Community: "Governing Body", Organisation: "Northshire ICB", MeetingDate: "2026-03-14"})
		mustOK(t, err, "create")
	}
	for _, zoom := range []float32{1, 1.25, 1.5} {
		for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1280, Height: 720}, {Width: 1366, Height: 768}, {Width: 1920, Height: 1080}} {
			t.Run(fmt.Sprintf("%vx%v@%v", size.Width, size.Height, zoom), func(t *testing.T) {
				h.u.setZoom(zoom)
				h.win.Resize(size)
				h.u.showCompare()
				cs := h.u.cur.compare
				d := fyne.CurrentApp().Driver()
				top := d.AbsolutePositionForObject(cs.pickList)
				bottom := top.Y + cs.pickList.Size().Height
				whole := 0
				for _, ch := range cs.checks {
					p := d.AbsolutePositionForObject(ch)
					if p.Y >= top.Y && p.Y+ch.Size().Height <= bottom+0.5 && ch.Size().Width > 0 {
						whole++
					}
				}
				if whole < 5 {
					t.Errorf("the chooser shows %d sessions whole (list %v high), want at least 5", whole, cs.pickList.Size().Height)
				}
				if got := h.win.Canvas().Size(); got.Width > size.Width+1 || got.Height > size.Height+1 {
					t.Errorf("the window grew to %v", got)
				}
			})
		}
	}
}
