package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Agreeing pauses the element's timer; changing the shading of an agreed
// element says so, offers to agree again, and the rail says "changed since
// agreed", through a restart and an undo.
func TestAgreedThenChanged(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Agreed then changed", "Governing Body")
	fw := h.store.Framework()
	el := fw.Elements[0]
	h.u.show(el.Code)
	s := h.u.cur.element
	test.Tap(s.tiles[0])
	test.Tap(s.timerButton)
	h.clock.add(90 * time.Second)

	h.runes("a")
	if !h.record(id).Element(el.Code).Agreed() {
		t.Fatal("A did not agree the element")
	}
	if h.u.sess.timing(el.Code) {
		t.Fatal("agreeing left the element's timer running")
	}
	if got := h.record(id).Element(el.Code).Seconds; got != 90 {
		t.Errorf("time written on agreeing: %d s, want 90", got)
	}
	if !strings.Contains(h.u.msg.text.Text, "timer is paused") {
		t.Errorf("message on agreeing with the timer running: %q", h.u.msg.text.Text)
	}
	step := h.u.built.railSteps[el.Code]
	if !step.agreed || step.changed {
		t.Fatalf("rail after agreeing: agreed %v changed %v", step.agreed, step.changed)
	}

	// Change the shading: the bar says so, Agree offers to agree again, the rail shows it.
	h.runes("2")
	if !h.record(id).Element(el.Code).ChangedSinceAgreed {
		t.Fatal("the record does not know the shading changed since agreed")
	}
	if msg := h.u.msg.text.Text; !strings.Contains(msg, "changed after it was agreed") || !strings.Contains(msg, "Agree again") {
		t.Errorf("message after changing an agreed element: %q", msg)
	}
	if got := s.agree.Text; got != "Agree again (A)" {
		t.Errorf("Agree button reads %q, want Agree again (A)", got)
	}
	if !strings.HasPrefix(s.agreedLabel.Text, "Changed since agreed") {
		t.Errorf("agreement line reads %q", s.agreedLabel.Text)
	}
	if !step.changed || railSub(step) != "changed since agreed" {
		t.Errorf("rail: changed %v, says %q", step.changed, railSub(step))
	}
	if dir := os.Getenv("ICEBERG_SHOTS"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "agreed-then-changed.png"))
		mustOK(t, err, "create")
		mustOK(t, png.Encode(f, h.win.Canvas().Capture()), "encode")
		f.Close()
	}

	// A restart keeps it.
	h.u.shutdown()
	h.build()
	h.u.restore()
	s = h.u.cur.element
	step = h.u.built.railSteps[el.Code]
	if s == nil || s.agree.Text != "Agree again (A)" || !step.changed {
		t.Fatalf("after a restart: screen %q, Agree %v, rail changed %v", h.u.screen, s != nil && s.agree.Text == "Agree again (A)", step.changed)
	}

	// Agree again: agreed as it is now, the mark goes; undo brings it back.
	h.runes("a")
	if r := h.record(id).Element(el.Code); !r.Agreed() || r.ChangedSinceAgreed {
		t.Fatalf("after agreeing again: agreed %v changed %v", r.Agreed(), r.ChangedSinceAgreed)
	}
	if !strings.Contains(h.u.msg.text.Text, "agreed again") || step.changed || s.agree.Text != "Un-agree (A)" {
		t.Errorf("after agreeing again: message %q, rail changed %v, Agree %q", h.u.msg.text.Text, step.changed, s.agree.Text)
	}
	h.shortcut(&fyne.ShortcutUndo{})
	if !h.record(id).Element(el.Code).ChangedSinceAgreed || !step.changed {
		t.Error("undoing the new agreement did not bring back changed since agreed")
	}
	// Undo the shading change too: back to what was agreed.
	h.shortcut(&fyne.ShortcutUndo{})
	if h.record(id).Element(el.Code).ChangedSinceAgreed || step.changed || !step.agreed {
		t.Errorf("after undoing the change: record changed %v, rail changed %v agreed %v",
			h.record(id).Element(el.Code).ChangedSinceAgreed, step.changed, step.agreed)
	}
}

// railSub is what a rail stop says under its name, as drawn.
func railSub(s *railStep) string {
	r := test.WidgetRenderer(s).(*railRenderer)
	return r.sub.Text
}
