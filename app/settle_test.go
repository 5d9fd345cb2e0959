package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
)

// waitRelease waits for one release, failing after a generous time.
func waitRelease(t *testing.T, released <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-released:
	case <-time.After(10 * time.Second):
		t.Fatalf("no release after %s", what)
	}
}

// noRelease checks nothing is released for a while.
func noRelease(t *testing.T, released <-chan struct{}, d time.Duration, what string) {
	t.Helper()
	select {
	case <-released:
		t.Fatalf("a release %s", what)
	case <-time.After(d):
	}
}

// waitSettled waits until s has nothing left to release.
func waitSettled(t *testing.T, s *settler) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !s.settled() {
		if time.Now().After(deadline) {
			t.Fatal("the settler never settled")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestSettlerReleasesOnceAfterABurst(t *testing.T) {
	released := make(chan struct{}, 10)
	s := newSettler(300*time.Millisecond, func() { released <- struct{}{} })
	noRelease(t, released, 400*time.Millisecond, "before any work")
	for i := 0; i < 50; i++ {
		s.busy() // never blocks, however many
	}
	waitRelease(t, released, "a burst of work")
	waitSettled(t, s)
	if len(released) != 0 {
		t.Fatal("a release twice for one burst")
	}
	s.busy()
	waitRelease(t, released, "a second burst")
	s.stop()
	s.busy() // after stop: no goroutine, no block, no release
	noRelease(t, released, 500*time.Millisecond, "after stop")

	var none *settler
	none.busy()
	none.stop()
}

// The window tells the settler of each screen it shows and each change.
func TestWindowSettlesAfterScreensAndChanges(t *testing.T) {
	h := newHarness(t)
	released := make(chan struct{}, 10)
	h.u.settle = newSettler(20*time.Millisecond, func() { released <- struct{}{} })
	t.Cleanup(h.u.settle.stop)
	// after runs do once everything before it has settled (every release
	// still to come has come, and is cleared), and checks that it alone
	// brings a release.
	after := func(what string, do func()) {
		t.Helper()
		waitSettled(t, h.u.settle)
		for len(released) > 0 {
			<-released
		}
		do()
		waitRelease(t, released, what)
	}
	var id int64
	after("Setup and the new session", func() { id = h.createSession("Settle", "Governing Body") })
	after("the Intro", func() { h.u.show(screenIntro) })
	after("an element screen, by key", func() { h.key(fyne.KeyRight) })
	after("shading a word", func() { test.Tap(h.u.cur.element.tiles[0]) })
	wantLevels(t, h.levels(id, h.u.cur.element.el.Words[0].ID), data.ShadePartly)
	after("the Review screen", func() { h.u.show(screenReview) })
}

// A partly shaded tile shows its hatching as lines across the tile; other
// levels hide it.
func TestTileHatchShowsOnlyForPartly(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newIceTheme(lookLight, 1))
	tile := newWordTile(1, "Talking", data.ShadeNone, nil)
	w := test.NewTempWindow(t, tile)
	w.Resize(fyne.NewSize(400, 150))
	r := test.TempWidgetRenderer(t, tile).(*tileRenderer)
	if r.hatch.Visible() {
		t.Fatal("hatching shows on a tile that is not shaded")
	}
	tile.setLevel(data.ShadePartly)
	if !r.hatch.Visible() {
		t.Fatal("no hatching on a partly shaded tile")
	}
	hr := test.TempWidgetRenderer(t, r.hatch).(*hatchRenderer)
	size := r.hatch.Size()
	if len(hr.Objects()) < int((size.Width+size.Height)/9)-1 || size.Width < 100 {
		t.Fatalf("%d hatch lines over a %v tile", len(hr.Objects()), size)
	}
	tile.setLevel(data.ShadeShaded)
	if r.hatch.Visible() {
		t.Fatal("hatching stays on a fully shaded tile")
	}
}
