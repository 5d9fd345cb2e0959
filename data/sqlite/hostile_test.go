package sqlite

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
)

// hostile is text a person could paste into any field.
var hostile = map[string]string{
	"control":   "tab\there, bell\a, escape\x1b[31m, form\ffeed, CR\r\nLF",
	"rtl":       "מפת קרחון — خريطة جبل الجليد \u202eRLO override\u202c",
	"emoji":     "👩🏽‍⚕️ service user 🧊🏔️ 👍🏿",
	"combining": "Zoe\u0308 Sia\u0302n Ngo\u0323c e\u0301\u0301\u0301 Z̷̢͙a̵̛͇l̸g̴o̶",
	"quotes":    "“curly” ‘single’ – en — em £5 € ½ … ﬁ",
	"sql":       "'); DROP TABLE sessions; -- \\ % _",
	"html":      "<script>alert(1)</script> &amp; {{.}} %s %!d",
}

func TestHostileTextThroughEverything(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fw := s.Framework()
	big := strings.Repeat("Ab1 ‘ü’ ", 1<<20/11) // about 1 MB
	for name, text := range hostile {
		t.Run(name, func(t *testing.T) {
			id, err := s.CreateSession(ctx, &data.Session{Title: "Hostile " + text, Community: text, Organisation: text,
				Participants: []data.Participants{{Role: data.RoleServiceUser, Count: 1, Names: []string{text}}},
				Cover:        data.Cover{Meeting: text, ExecutiveSummary: text}})
			if err != nil {
				t.Fatalf("create: %v", err)
			}
			for _, w := range fw.AllWords()[:5] {
				if err := s.SetWordNote(ctx, id, w.ID, text); err != nil {
					t.Fatal(err)
				}
				s.SetShade(ctx, id, w.ID, data.ShadeShaded)
			}
			if err := s.SetElementNotes(ctx, id, "P", text); err != nil {
				t.Fatal(err)
			}
			if err := s.SetSummary(ctx, id, text); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAction(ctx, id, &data.Action{Text: text, Owner: text}); err != nil {
				t.Fatal(err)
			}
			r := mustRecord(t, s, id)
			if r.Word(fw.AllWords()[0].ID).Note != text || r.Summary != text || r.Community != strings.TrimSpace(text) {
				t.Fatalf("text changed on the way through the store")
			}
			roundTripAndRender(t, s, r)
		})
	}
	t.Run("1 MB notes", func(t *testing.T) {
		id := MustCreate(t, s, "Big")
		if err := s.SetElementNotes(ctx, id, "Mat", big); err != nil {
			t.Fatal(err)
		}
		if err := s.SetWordNote(ctx, id, "mat.reporting", big); err != nil {
			t.Fatal(err)
		}
		roundTripAndRender(t, s, mustRecord(t, s, id))
	})
	t.Run("refused", func(t *testing.T) {
		id := MustCreate(t, s, "Refused")
		for what, err := range map[string]error{
			"NUL note":      s.SetWordNote(ctx, id, "p.aligning", "a\x00b"),
			"invalid UTF-8": s.SetSummary(ctx, id, "bad \xff\xfe bytes"),
			"3 MB notes":    s.SetElementNotes(ctx, id, "P", strings.Repeat("x", 3<<20)),
			"NUL in a title": func() error {
				_, err := s.CreateSession(ctx, &data.Session{Title: "a\x00", Community: "C"})
				return err
			}(),
		} {
			if data.ErrorCode(err) != data.EInvalid {
				t.Errorf("%s: got %v, want a plain refusal", what, err)
			}
		}
		var ok string
		s.db.QueryRow("PRAGMA integrity_check").Scan(&ok)
		if ok != "ok" {
			t.Errorf("integrity_check = %q", ok)
		}
	})
}

// roundTripAndRender sends a record through the session file (export,
// import, export: identical), CSV and PDF, checking each stays whole.
func roundTripAndRender(t *testing.T, s *Store, r *data.Record) {
	t.Helper()
	fw := s.Framework()
	var first bytes.Buffer
	if err := data.NewSessionFile(fw, r).Write(&first); err != nil {
		t.Fatalf("session file: %v", err)
	}
	f, err := data.ReadSessionFile(bytes.NewReader(first.Bytes()), fw)
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	id, err := s.Import(context.Background(), f)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	var second bytes.Buffer
	data.NewSessionFile(fw, mustRecord(t, s, id)).Write(&second)
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("session file changed on the round trip")
	}
	var csv bytes.Buffer
	if err := export.WriteCSV(&csv, fw, r, export.Options{}); err != nil {
		t.Fatalf("CSV: %v", err)
	}
	var b bytes.Buffer
	if err := export.WritePDF(&b, fw, r, export.Options{}); err != nil {
		t.Fatalf("PDF: %v", err)
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v: %.200s", err, out)
	}
}
