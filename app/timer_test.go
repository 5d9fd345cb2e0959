package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// buttonIn is the button labelled label within root.
func buttonIn(t *testing.T, root fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	for _, o := range walk(root) {
		if b, ok := asButton(o); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q", label)
	return nil
}

// A new timer length shows at once on a timer not yet started, while one
// already started keeps its length; "+1 min" is stored and survives a
// restart.
func TestTimerLengthAndAddedMinute(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Timers", "Governing Body")
	fw := h.store.Framework()
	P, Mat := fw.Elements[0], fw.Elements[1]
	h.u.show(P.Code)
	el := h.u.cur.element
	if got := el.timerText.Text; got != "10:00" {
		t.Fatalf("new timer shows %q, want 10:00", got)
	}
	h.u.setTimerMinutes(15)
	if got := el.timerText.Text; got != "15:00" {
		t.Fatalf("after choosing 15 minutes a timer not yet started shows %q, want 15:00", got)
	}
	if !strings.Contains(h.u.msg.text.Text, "15 minutes") {
		t.Errorf("message after choosing 15 minutes: %q", h.u.msg.text.Text)
	}

	// Started, it keeps its length when the setting changes.
	test.Tap(el.timerButton)
	h.clock.add(30 * time.Second)
	h.u.setTimerMinutes(5)
	if got := el.timerText.Text; got != "14:30" {
		t.Fatalf("a running 15-minute timer shows %q after the setting changed to 5, want 14:30", got)
	}
	test.Tap(el.timerButton) // pause
	h.u.show(Mat.Code)
	if got := h.u.cur.element.timerText.Text; got != "5:00" {
		t.Fatalf("the next element's timer, not yet started, shows %q, want 5:00", got)
	}
	h.u.show(P.Code)
	if got := h.u.cur.element.timerText.Text; got != "14:30" {
		t.Fatalf("back on the started timer: %q, want 14:30", got)
	}

	// +1 min, twice, then a restart.
	h.u.show(Mat.Code)
	more := buttonIn(t, h.u.cur.element.root, "+1 min")
	test.Tap(more)
	test.Tap(more)
	if got := h.u.cur.element.timerText.Text; got != "7:00" {
		t.Fatalf("5 minutes and two more shows %q, want 7:00", got)
	}
	if got := h.record(id).Element(Mat.Code).ExtraSeconds; got != 120 {
		t.Fatalf("stored added time %d s, want 120", got)
	}
	h.u.shutdown()
	h.build()
	h.u.restore()
	if h.u.screen != Mat.Code {
		t.Fatalf("reopened on %q, want %q", h.u.screen, Mat.Code)
	}
	if got := h.u.cur.element.timerText.Text; got != "7:00" {
		t.Fatalf("after a restart the timer with two added minutes shows %q, want 7:00", got)
	}
}
