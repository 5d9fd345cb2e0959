package officetest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// Namespaces a .docx uses.
const (
	NSW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	NSWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	NSA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	NSRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// Node is an XML element, parsed with encoding/xml: names carry their
// namespace URI, not the prefix the file happened to use.
type Node struct {
	Name  xml.Name
	Attr  []xml.Attr
	Kids  []*Node
	Chars string // character data directly inside
}

// ParseXML parses a document into its root element, failing the test if it
// is not well-formed.
func ParseXML(tb testing.TB, name string, b []byte) *Node {
	tb.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := &Node{}
	stack := []*Node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &Node{Name: t.Name, Attr: t.Attr}
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.Chars += string(t)
		}
	}
	if len(root.Kids) != 1 {
		tb.Fatalf("%s has %d root elements, want 1", name, len(root.Kids))
	}
	return root.Kids[0]
}

// Get is the value of the attribute with this local name (in any namespace).
func (n *Node) Get(local string) string {
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// All lists every element below n (n included) with this namespace and
// local name, in document order.
func (n *Node) All(space, local string) []*Node {
	var out []*Node
	var walk func(*Node)
	walk = func(m *Node) {
		if m.Name.Space == space && m.Name.Local == local {
			out = append(out, m)
		}
		for _, k := range m.Kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// Child is n's first direct child with this name, or nil.
func (n *Node) Child(space, local string) *Node {
	for _, k := range n.Kids {
		if k.Name.Space == space && k.Name.Local == local {
			return k
		}
	}
	return nil
}

// Text is the text of a WordprocessingML element: its w:t runs, with w:tab
// as a tab and w:br as a line break.
func (n *Node) Text() string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(m *Node) {
		if m.Name.Space == NSW {
			switch m.Name.Local {
			case "t":
				b.WriteString(m.Chars)
			case "tab":
				b.WriteByte('\t')
			case "br":
				b.WriteByte('\n')
			}
		}
		for _, k := range m.Kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// Docx is a .docx file opened for a test: its parts by name, in zip order.
type Docx struct {
	Names []string
	Parts map[string][]byte
	Files []*zip.File
}

// OpenDocx reads a .docx, failing the test if it is not a zip.
func OpenDocx(tb testing.TB, b []byte) *Docx {
	tb.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatalf("the .docx is not a zip: %v", err)
	}
	d := &Docx{Parts: map[string][]byte{}, Files: z.File}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			tb.Fatalf("open %s: %v", f.Name, err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			tb.Fatalf("read %s: %v", f.Name, err)
		}
		d.Names = append(d.Names, f.Name)
		d.Parts[f.Name] = data
	}
	return d
}

// XML parses one part.
func (d *Docx) XML(tb testing.TB, name string) *Node {
	tb.Helper()
	b, ok := d.Parts[name]
	if !ok {
		tb.Fatalf("the .docx has no part %s (it has %v)", name, d.Names)
	}
	return ParseXML(tb, name, b)
}

// Paragraph is one paragraph of the body: its style id and text.
type Paragraph struct {
	Style string
	Text  string
}

// Paragraphs lists the body's paragraphs outside tables, in order.
func (d *Docx) Paragraphs(tb testing.TB) []Paragraph {
	tb.Helper()
	body := d.XML(tb, "word/document.xml").Child(NSW, "body")
	if body == nil {
		tb.Fatal("word/document.xml has no w:body")
	}
	var out []Paragraph
	for _, p := range body.Kids {
		if p.Name.Space != NSW || p.Name.Local != "p" {
			continue
		}
		style := ""
		if pPr := p.Child(NSW, "pPr"); pPr != nil {
			if s := pPr.Child(NSW, "pStyle"); s != nil {
				style = s.Get("val")
			}
		}
		out = append(out, Paragraph{Style: style, Text: p.Text()})
	}
	return out
}

// Table is one table of the body: how many rows at its top repeat as a
// header, and every row's cell texts.
type Table struct {
	HeaderRows int // leading rows marked w:tblHeader
	Marked     int // all rows marked w:tblHeader
	Rows       [][]string
	Caption    string // w:tblCaption
}

// Tables lists the body's tables, in order.
func (d *Docx) Tables(tb testing.TB) []Table {
	tb.Helper()
	var out []Table
	for _, t := range d.XML(tb, "word/document.xml").All(NSW, "tbl") {
		var tt Table
		if pr := t.Child(NSW, "tblPr"); pr != nil {
			if c := pr.Child(NSW, "tblCaption"); c != nil {
				tt.Caption = c.Get("val")
			}
		}
		leading := true
		for _, tr := range t.All(NSW, "tr") {
			head := false
			if pr := tr.Child(NSW, "trPr"); pr != nil && pr.Child(NSW, "tblHeader") != nil {
				head = true
				tt.Marked++
			}
			if head && leading {
				tt.HeaderRows++
			} else {
				leading = false
			}
			var cells []string
			for _, tc := range tr.All(NSW, "tc") {
				cells = append(cells, tc.Text())
			}
			tt.Rows = append(tt.Rows, cells)
		}
		out = append(out, tt)
	}
	return out
}

// Picture is one inline picture: its alt text and the part it shows.
type Picture struct {
	Title, Descr string
	Part         string // e.g. word/media/image1.png
}

// Pictures lists the body's pictures, in order, with the part each links to.
func (d *Docx) Pictures(tb testing.TB) []Picture {
	tb.Helper()
	rels := map[string]string{}
	for _, r := range d.XML(tb, "word/_rels/document.xml.rels").Kids {
		rels[r.Get("Id")] = "word/" + r.Get("Target")
	}
	var out []Picture
	for _, dr := range d.XML(tb, "word/document.xml").All(NSW, "drawing") {
		var p Picture
		if pr := dr.All(NSWP, "docPr"); len(pr) == 1 {
			p.Title, p.Descr = pr[0].Get("title"), pr[0].Get("descr")
		}
		if blips := dr.All(NSA, "blip"); len(blips) == 1 {
			for _, a := range blips[0].Attr {
				if a.Name.Space == NSRel && a.Name.Local == "embed" {
					p.Part = rels[a.Value]
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// Styles maps each style id in word/styles.xml to its name.
func (d *Docx) Styles(tb testing.TB) map[string]string {
	tb.Helper()
	out := map[string]string{}
	for _, s := range d.XML(tb, "word/styles.xml").All(NSW, "style") {
		name := ""
		if n := s.Child(NSW, "name"); n != nil {
			name = n.Get("val")
		}
		out[s.Get("styleId")] = name
	}
	return out
}
