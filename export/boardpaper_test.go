package export

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/ppei-iceberg/iceberg/data"
)

// boardPaper is a session as a commissioning support manager fills it in:
// officers' names and job titles on the cover, named participants, notes
// that mention people and hold an NHS number and an email address.
func boardPaper(t *testing.T, fw *data.Framework) *data.Record {
	t.Helper()
	r := fullRecord(t, fw, 0)
	r.Facilitator = "Siân O'Neill"
	r.Participants = []data.Participants{
		{Role: data.RoleServiceUser, Count: 4, Names: []string{"Will Hope", "Mark Rose", "Zoë Clarke"}},
		{Role: data.RoleLayRep, Count: 1, Names: []string{"Łukasz Nowak"}},
		{Role: data.RoleClinical, Count: 2, Names: []string{"Ngọc Anh Trần", "Mary-Jane Okafor"}},
	}
	r.Cover.Author = "Julie Marsh, Senior Commissioning Support Manager"
	r.Cover.Presenter = "Ben Adeyemi, Director of Communications and Engagement"
	r.Cover.ExecutiveSummary = "The volume of Board papers and the Communications and Engagement plan shape what the Board sees of patient and public involvement."
	r.Summary = "Will Hope and Mark Rose said we will hope to mark progress at the next meeting. Zoe described the letters; O’Neill asked Mary about waiting times."
	for i := range r.Words {
		r.Words[i].Note = ""
	}
	r.Words[0].Note = "Lukasz said the annual report was edited for carers."
	r.Elements[0].Notes = "Ngoc Tran raised a case: NHS number 943 476 5919, contact zoe.clarke@example.org."
	r.Actions = append(r.Actions, data.Action{Text: "Write to Zoë about the Engagement plan", Owner: "Senior Commissioning Support Manager"})
	return r
}

// secrets is everything the public board paper must not show.
var secrets = []string{"Siân", "Sian", "O'Neill", "O’Neill", "Will Hope", "Mark Rose", "Zoë", "Zoe", "Clarke", "Łukasz",
	"Lukasz", "Nowak", "Ngọc", "Ngoc", "Trần", "Tran ", "Mary", "Okafor", "943 476 5919", "9434765919", "zoe.clarke@example.org"}

// The done-when of issue 12: the public board paper reads naturally, with
// no ordinary word withheld, and no name or personal data is visible in
// its text, its decompressed page streams or its metadata.
func TestPublicBoardPaper(t *testing.T) {
	fw := data.DefaultFramework()
	r := boardPaper(t, fw)
	pdf := mustPDF(t, r, Options{})
	text := flat(strings.Join(pdfText(t, pdf), "\n"))
	for _, want := range []string{
		"Julie Marsh, Senior Commissioning Support Manager",
		"Ben Adeyemi, Director of Communications and Engagement",
		"The volume of Board papers and the Communications and Engagement plan shape what the Board sees",
		"[name withheld] and [name withheld] said we will hope to mark progress at the next meeting.",
		"[name withheld] described the letters; [name withheld] asked [name withheld] about waiting times.",
		"[name withheld] said the annual report was edited for carers.",
		"[name withheld] raised a case: NHS number [NHS number withheld], contact [email address withheld].",
		"Write to [name withheld] about the Engagement plan",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("public board paper lacks %q", want)
		}
	}
	if n := strings.Count(text, "[name withheld]"); n != 9 {
		t.Errorf("%d names withheld, want 9 (one per mention)", n)
	}
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("the text of the public board paper shows %q", s)
		}
	}

	// Every stream, inflated, and the file's own bytes: no secret as UTF-8,
	// as UTF-16 (how gofpdf writes metadata) or as a hex string of either.
	streams := append([][]byte{pdf}, inflate(t, pdf)...)
	if len(streams) < 5 {
		t.Fatalf("only %d streams inflated: the check would see nothing", len(streams)-1)
	}
	for _, s := range secrets {
		forms := encodings(s)
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
	for _, b := range inflate(t, named) {
		for _, f := range encodings("Okafor") {
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
	for _, s := range secrets {
		if strings.Contains(string(info), s) {
			t.Errorf("the metadata shows %q:\n%s", s, info)
		}
	}
	if !strings.Contains(string(info), "Governing Body PPEI mapping") {
		t.Errorf("metadata lacks the title:\n%s", info)
	}
}

var streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

// inflate returns every zlib stream of a PDF, decompressed.
func inflate(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not compressed
		}
		b, err := io.ReadAll(zr)
		if err != nil && len(b) == 0 {
			continue
		}
		out = append(out, b)
	}
	return out
}

// encodings are the ways a PDF may hold s: UTF-8, UTF-16BE, and each as hex.
func encodings(s string) [][]byte {
	var u16 []byte
	for _, c := range utf16.Encode([]rune(s)) {
		u16 = append(u16, byte(c>>8), byte(c))
	}
	hex := func(b []byte) []byte {
		const digits = "0123456789abcdef"
		var h []byte
		for _, c := range b {
			h = append(h, digits[c>>4], digits[c&15])
		}
		return h
	}
	return [][]byte{[]byte(s), u16, hex([]byte(s)), hex(u16)}
}
