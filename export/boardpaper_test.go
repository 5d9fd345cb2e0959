package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/internal/sample"
)

// The done-when of issue 12: the public board paper reads naturally, with
// no ordinary word withheld, and no name or personal data is visible in
// its text, its decompressed page streams or its metadata.
func TestPublicBoardPaper(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample.Session(fw, 0)
	pdf := mustPDF(t, r, Options{})
	text := flat(strings.Join(pdfText(t, pdf), "\n"))
	for _, want := range append([]string{
		"Julie Marsh, Senior Commissioning Support Manager",
		"Ben Adeyemi, Director of Communications and Engagement",
	}, sample.Sentences...) {
		if !strings.Contains(text, want) {
			t.Errorf("public board paper lacks %q", want)
		}
	}
	// One per mention: five in the summary, one in the first word's note,
	// five "Zoë said" notes (the paper gives notes on the words found, and
	// two of the seven are on words not found), one in the first element's
	// notes (a whole name is withheld once, not part by part), one action.
	if n := strings.Count(text, "[name withheld]"); n != 13 {
		t.Errorf("%d names withheld, want 13 (one per mention)", n)
	}
	for _, s := range sample.Withheld {
		if strings.Contains(text, s) {
			t.Errorf("the text of the public board paper shows %q", s)
		}
	}

	// Every stream, inflated, and the file's own bytes: no secret as UTF-8,
	// as UTF-16 (how gofpdf writes metadata) or as a hex string of either.
	streams := append([][]byte{pdf}, sample.PDFStreams(pdf)...)
	if len(streams) < 5 {
		t.Fatalf("only %d streams inflated: the check would see nothing", len(streams)-1)
	}
	for _, s := range sample.Withheld {
		forms := sample.Encodings(s)
		for i, b := range streams {
			for _, f := range forms {
				if bytes.Contains(b, f) {
					t.Errorf("stream %d holds %q (as %q)", i, s, f)
				}
			}
		}
	}
	// The stream check finds a name where there is one.
	found := false
	named := mustPDF(t, r, Options{Names: true})
	for _, b := range sample.PDFStreams(named) {
		for _, f := range sample.Encodings("Okafor") {
			found = found || bytes.Contains(b, f)
		}
	}
	if !found {
		t.Errorf("with names asked for, no stream holds Okafor: the stream check cannot tell")
	}

	// Metadata, as pdfinfo reads it.
	f := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", "-enc", "UTF-8", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, s := range sample.Withheld {
		if strings.Contains(string(info), s) {
			t.Errorf("the metadata shows %q:\n%s", s, info)
		}
	}
	if !strings.Contains(string(info), "Governing Body PPEI mapping") {
		t.Errorf("metadata lacks the title:\n%s", info)
	}
}
