package format_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
	"github.com/ppei-iceberg/iceberg/export/format"
	"github.com/ppei-iceberg/iceberg/export/internal/sample"
)

// output is one public output of the sample, as a reader or a program can
// get at it: the text a person reads, and every stretch of bytes where a
// name could hide (the file itself, decompressed streams, zip parts,
// metadata, PNG chunks).
type output struct {
	name  string
	text  string   // what a reader reads, white space folded
	bytes [][]byte // everything else to search
	// reads says whether the output carries the paper's words, so its
	// sentences are checked (the map alone carries only the map).
	reads bool
}

// outputs writes the sample as every public output: the board paper as
// PDF, HTML and Word, the map alone as PNG and SVG, the CSV, the
// comparison with a follow-up and the hand-out.
func outputs(t *testing.T, fw *data.Framework, r *data.Record, names bool) []output {
	t.Helper()
	var out []output
	for _, f := range format.All {
		write, err := format.Writer(fw, r, f, format.Options{Names: names})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, read(t, f, buf.Bytes(), !format.MapOnly(f)))
	}
	// The map alone goes out with its text alternative beside it.
	out = append(out, output{name: "text alternative", text: sample.Flat(format.AltText(fw, r, format.Options{Names: names}))})

	var csv bytes.Buffer
	if err := export.WriteCSV(&csv, fw, r, export.Options{Names: names}); err != nil {
		t.Fatal(err)
	}
	out = append(out, output{name: "csv", text: sample.Flat(csv.String()), bytes: [][]byte{csv.Bytes()}})

	// A follow-up whose people are others: each session is made public
	// with its own people.
	next := sample.Session(fw, 200)
	next.ID = 8
	next.FollowsID = r.ID
	next.Facilitator = "Grace Bell"
	next.Participants = []data.Participants{{Role: data.RoleServiceUser, Count: 2, Names: []string{"April Holt"}}}
	next.Title = "Follow-up mapping with April Holt's group"
	next.Summary = "April Holt said we will hope for more. " + next.Summary
	var cmp bytes.Buffer
	if err := export.WriteComparePDF(&cmp, fw, []*data.Record{r, next}, export.Options{Names: names}); err != nil {
		t.Fatal(err)
	}
	c := read(t, "compare pdf", cmp.Bytes(), false)
	if !names && !strings.Contains(c.text, "Follow-up mapping with [name withheld]'s group") {
		t.Errorf("the comparison does not give the follow-up's title with only its own people withheld:\n%s", c.text)
	}
	out = append(out, c)

	var hand bytes.Buffer
	pub := export.PublicRecord(fw, r, export.Options{Names: names})
	if err := export.WriteHandout(&hand, fw, export.HandoutOptions{Title: pub.Title, Community: pub.Community, Organisation: pub.Organisation, Date: pub.MeetingDate}); err != nil {
		t.Fatal(err)
	}
	out = append(out, read(t, "hand-out pdf", hand.Bytes(), false))
	return out
}

// read opens one output as its format is read.
func read(t *testing.T, name string, b []byte, reads bool) output {
	t.Helper()
	o := output{name: name, bytes: [][]byte{b}, reads: reads}
	switch {
	case strings.HasSuffix(name, "pdf"):
		text, info, err := sample.PDFText(b)
		if err != nil {
			t.Fatal(err)
		}
		o.text = sample.Flat(text)
		streams := sample.PDFStreams(b)
		if len(streams) < 3 {
			t.Fatalf("%s: only %d streams inflated: the check would see nothing", name, len(streams))
		}
		o.bytes = append(o.bytes, streams...)
		o.bytes = append(o.bytes, []byte(info))
		if !strings.Contains(info, "Title:") {
			t.Errorf("%s: pdfinfo shows no title:\n%s", name, info)
		}
	case name == format.DOCX:
		parts, err := sample.ZipParts(b)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := parts["docProps/core.xml"]; !ok {
			t.Errorf("the Word document has no core properties part: %d parts", len(parts))
		}
		for part, data := range parts {
			o.bytes = append(o.bytes, data)
			if part == "word/document.xml" {
				o.text = sample.MarkupText(data)
			}
		}
	case name == format.PNG:
		chunks, err := sample.PNGChunks(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range chunks {
			o.bytes = append(o.bytes, c.Data, c.Inflated)
		}
	default: // HTML and SVG
		o.text = sample.MarkupText(b)
	}
	return o
}

// The done-when of issue 12, for every public output: from one realistic
// session, no participant's or facilitator's name, no NHS number and no
// email address anywhere in the output (its text, decompressed streams,
// every part and its metadata); the officers' names and job titles on the
// cover; and no ordinary word withheld: whole sentences survive, with only
// the names in them withheld.
func TestEveryPublicOutputWithholdsPeople(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample.Session(fw, 600)
	for _, o := range outputs(t, fw, r, false) {
		t.Run(o.name, func(t *testing.T) {
			for _, s := range sample.Withheld {
				if strings.Contains(o.text, s) {
					t.Errorf("the text shows %q", s)
				}
				for i, b := range o.bytes {
					for _, f := range sample.Encodings(s) {
						if bytes.Contains(b, f) {
							t.Errorf("part %d of %d holds %q (as %q)", i, len(o.bytes), s, f)
						}
					}
				}
			}
			for _, s := range []string{"Grace Bell", "April Holt"} {
				if strings.Contains(o.text, s) {
					t.Errorf("the follow-up's %q shows", s)
				}
			}
			if !o.reads {
				return
			}
			for _, s := range sample.Sentences {
				if !strings.Contains(o.text, s) {
					t.Errorf("lacks the sentence %q", s)
				}
			}
			for _, s := range sample.Officers {
				if !strings.Contains(o.text, s) {
					t.Errorf("the cover lacks the officer %q", s)
				}
			}
		})
	}
}

// TestPublicOutputCheckCanSee is the check's own control: with names asked
// for, each output that carries names shows one where the check looks, so
// the public test above cannot pass by looking at nothing.
func TestPublicOutputCheckCanSee(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample.Session(fw, 600)
	for _, o := range outputs(t, fw, r, true) {
		if o.name == format.PNG || o.name == format.SVG || o.name == "text alternative" || o.name == "hand-out pdf" {
			continue // the map alone and the blank hand-out carry no names at all
		}
		who := "Zoë"
		if o.name == "compare pdf" {
			who = "April Holt" // the comparison names sessions, not their notes
		}
		found := strings.Contains(o.text, who)
		for _, b := range o.bytes {
			for _, f := range sample.Encodings(who) {
				found = found || bytes.Contains(b, f)
			}
		}
		if !found {
			t.Errorf("%s: with names asked for, %s is nowhere the check looks", o.name, who)
		}
	}
}
