package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/ppei-iceberg/iceberg/data"
)

// Text a room could paste into any field: the window must draw every
// screen with it, without a crash and without losing it.
var hostileText = map[string]string{
	"control":   "tab\there, bell\a, escape\x1b[31m, CR\r\nLF",
	"rtl":       "מפת קרחון — خريطة جبل الجليد \u202eRLO override\u202c",
	"emoji":     "👩🏽‍⚕️ service user 🧊🏔️ 👍🏿",
	"combining": "Zoe\u0308 Sia\u0302n Ngo\u0323c e\u0301\u0301\u0301 Z̷̢͙a̵̛͇l̸g̴o̶",
	"markup":    "<b>bold</b> **stars** {{.}} %s %!d '); DROP TABLE sessions; --",
	// Long enough to be shown read-only in part (three times what the
	// window edits), in every long field at once. Longer only makes Fyne
	// measure more text; the store's own limits are tested in data.
	"long": strings.Repeat("A long note without end. ", 3*editLimit/25),
}

func TestHostileTextOnEveryScreen(t *testing.T) {
	for name, text := range hostileText {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			ctx := context.Background()
			short := text
			if len(short) > data.MaxShortText {
				short = short[:data.MaxShortText]
			}
			id, err := h.store.CreateSession(ctx, &data.Session{Title: short, Community: short, Organisation: short,
				Facilitator: short, Purpose: text,
				Participants: []data.Participants{{Role: data.RoleServiceUser, Count: 2, Names: []string{short}}},
				Cover:        data.Cover{Meeting: short, ExecutiveSummary: text}})
			mustOK(t, err, "create")
			fw := h.store.Framework()
			for i, w := range fw.AllWords() {
				mustOK(t, h.store.SetShade(ctx, id, w.ID, data.Shade(i%3)), "shade")
				mustOK(t, h.store.SetWordNote(ctx, id, w.ID, text), "note")
			}
			for _, e := range fw.Elements {
				mustOK(t, h.store.SetElementNotes(ctx, id, e.Code, text), "notes")
			}
			mustOK(t, h.store.SetSummary(ctx, id, text), "summary")
			_, err = h.store.AddAction(ctx, id, &data.Action{Text: text, Owner: short})
			mustOK(t, err, "action")

			screens := []string{screenSetup, screenIntro}
			for _, e := range fw.Elements {
				screens = append(screens, e.Code)
			}
			screens = append(screens, screenReview, screenHome)
			h.u.open(id, screenSetup)
			for _, s := range screens {
				h.u.show(s)
				if img := h.win.Canvas().Capture(); img.Bounds().Dx() == 0 {
					t.Fatalf("%s drew nothing", s)
				}
			}
			// Moving through every screen saved nothing over the text.
			r := h.record(id)
			if r.Word(fw.AllWords()[0].ID).Note != text || r.Summary != text || r.Element("M").Notes != text {
				t.Error("the text changed on its way through the window")
			}
		})
	}
}

func TestPastingTooMuchIsRefused(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Paste", "Governing Body")
	h.u.open(id, screenSetup)
	h.u.show(h.store.Framework().Elements[0].Code)
	note := h.u.cur.element.notes
	h.win.Canvas().Focus(note)
	clip := h.app.Clipboard()
	clip.SetContent(strings.Repeat("pasted ", 1<<20/7))
	note.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if note.Text != "" {
		t.Errorf("a megabyte was pasted into the notes (%d characters)", len(note.Text))
	}
	if !strings.Contains(h.u.msg.text.Text, "too much to paste") {
		t.Errorf("banner %q does not say why", h.u.msg.text.Text)
	}
	clip.SetContent("A short paste")
	note.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if note.Text != "A short paste" {
		t.Errorf("an ordinary paste gave %q", note.Text)
	}
}

func TestTooLongTextIsShownReadOnlyAndKept(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	id := h.createSession("Long", "Governing Body")
	long := strings.Repeat("word ", editLimit)
	mustOK(t, h.store.SetElementNotes(ctx, id, "P", long), "notes")
	h.u.open(id, screenSetup)
	h.u.show("P")
	notes := h.u.cur.element.notes
	if !notes.Disabled() || !strings.Contains(notes.Text, "too long to edit here") || notes.Value() != long {
		t.Errorf("long notes: disabled %v, shows %.60q", notes.Disabled(), notes.Text)
	}
	h.u.show(screenReview)
	h.u.show("P")
	if got := h.record(id).Element("P").Notes; got != long {
		t.Errorf("the long notes were cut to %d characters", len(got))
	}
	// Once shorter (by undo, say), the field edits again.
	mustOK(t, h.store.SetElementNotes(ctx, id, "P", "short"), "notes")
	h.u.open(id, "P")
	if h.u.cur.element.notes.Disabled() || h.u.cur.element.notes.Text != "short" {
		t.Errorf("short notes not editable: %q", h.u.cur.element.notes.Text)
	}
}
