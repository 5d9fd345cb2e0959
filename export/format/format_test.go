package format_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/format"
)

func record(fw *data.Framework) *data.Record {
	r := &data.Record{Session: data.Session{ID: 3, Title: "Spring mapping", Community: "Governing Body", Facilitator: "Zoë Adeyemi",
		Participants: []data.Participants{{Role: data.RoleLayRep, Count: 1, Names: []string{"Łukasz Nowak"}}},
		UpdatedAt:    time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)}}
	r.Words = []data.WordState{{WordID: fw.AllWords()[0].ID, Level: data.ShadeShaded, Note: "Łukasz Nowak said so."}}
	return r
}

func TestFromName(t *testing.T) {
	for name, want := range map[string]string{"a.pdf": "pdf", "b.HTML": "html", "c.htm": "html", "d.docx": "docx", "e.png": "png", "f.svg": "svg", "g.odt": "", "h": ""} {
		if got := format.FromName(name); got != want {
			t.Errorf("FromName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestEveryFormatIsPublicByDefault(t *testing.T) {
	fw := data.DefaultFramework()
	r := record(fw)
	magic := map[string]string{"pdf": "%PDF-", "html": "<!DOCTYPE html>", "docx": "PK\x03\x04", "png": "\x89PNG", "svg": "<?xml"}
	for _, f := range format.All {
		write, err := format.Writer(fw, r, f, format.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte(magic[f])) {
			t.Errorf("%s does not start as one: %q", f, buf.Bytes()[:8])
		}
		// The text formats can be searched for a name directly.
		if f == "html" || f == "svg" {
			for _, n := range []string{"Łukasz", "Zoë"} {
				if bytes.Contains(buf.Bytes(), []byte(n)) {
					t.Errorf("%s names %q", f, n)
				}
			}
		}
		if format.Label(f) == f {
			t.Errorf("%s has no label for a menu", f)
		}
	}
	if _, err := format.Writer(fw, r, "odt", format.Options{}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("odt: err = %v, want invalid", err)
	}
	alt := format.AltText(fw, r, format.Options{})
	if !strings.HasPrefix(alt, "PPEI iceberg map of the Governing Body: 1 of 22 practices shaded.") {
		t.Errorf("alt text = %q", alt)
	}
}
