// Package docx writes a Word document (.docx) from headings, paragraphs,
// lists, tables and pictures, with nothing but archive/zip and
// encoding/xml. No well-kept Go library writes .docx, and a board paper
// needs only a small part of WordprocessingML, so this file holds all of it.
//
// # What it writes, and why
//
// A .docx is a zip of XML parts (ECMA-376, "Office Open XML"). This writer
// makes exactly these, in this order:
//
//	[Content_Types].xml           the media type of every part
//	_rels/.rels                   where the document and its properties are
//	docProps/core.xml             title, subject, creator, language, dates
//	docProps/app.xml              the application that wrote it
//	word/document.xml             the body
//	word/styles.xml               the styles the body uses
//	word/numbering.xml            bullets and numbers for lists
//	word/settings.xml             compatibility mode and language
//	word/_rels/document.xml.rels  the body's links to those parts and pictures
//	word/footer1.xml              the page footer, when there is one
//	word/media/imageN.png         each picture
//
// The styles are Word's own built-in ones, with their standard style ids
// and names: Normal, Title, Subtitle, Heading1–3 ("heading 1"…), Caption
// ("caption"), Quote, List Bullet, List Number, List Continue, Footer
// ("footer"), and the table style "Table Grid". A document pasted into an organisation's template (Word's
// "use destination styles") therefore takes on that template's look, and a
// screen reader, Word's navigation pane and a PDF made from it see real
// headings. Tables mark their first row as a header row that repeats on
// each page (w:tblHeader) and carry their caption as the table's title
// (w:tblCaption). Captions use the Caption style and a SEQ field, so Word
// numbers them and can list or cross-reference them. A picture is inline
// DrawingML with its text alternative in wp:docPr's title and descr, which
// Word shows as the picture's alt text.
//
// The same document always gives the same bytes: parts are written in a
// fixed order, and the zip's file times and the core properties' dates are
// Document.Modified.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strconv"
	"strings"
	"time"
)

// The paragraph styles a Document uses, by Word's built-in style ids.
const (
	StyleNormal       = "Normal"
	StyleTitle        = "Title"
	StyleSubtitle     = "Subtitle"
	StyleHeading1     = "Heading1"
	StyleHeading2     = "Heading2"
	StyleHeading3     = "Heading3"
	StyleCaption      = "Caption"
	StyleQuote        = "Quote"
	StyleListBullet   = "ListBullet"
	StyleListNumber   = "ListNumber"
	StyleListContinue = "ListContinue"
	StyleTableGrid    = "TableGrid"
	StyleFooter       = "Footer"
)

// A4 portrait with 2.54 cm margins, in twentieths of a point (twips):
// Word's defaults for a new A4 document.
const (
	pageW     = 11906
	pageH     = 16838
	margin    = 1440
	textWidth = pageW - 2*margin // 9026 twips, 15.92 cm
	emuPerTwp = 635              // English Metric Units per twip
)

// Document is a Word document being put together. Add content in reading
// order with its methods, then Write it. The zero value is an empty
// document in British English.
type Document struct {
	Title    string    // core property: the document's title
	Subject  string    // core property
	Creator  string    // core property: who the document is by (an organisation, not a person)
	Language string    // BCP 47 tag, "en-GB" when empty
	Modified time.Time // the core properties' dates and the zip's file times; 1 January 2000 when zero
	Footer   string    // each page's footer, with "Page N of M" after it; none when empty

	body     []block
	pictures [][]byte
	lists    int // numbered lists so far: each restarts at 1
	tables   int
	figures  int
}

// Run is a stretch of text with one look. Line breaks ("\n") and tabs in
// Text are kept.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// Plain makes a run of plain text.
func Plain(s string) Run { return Run{Text: s} }

// Bold makes a run in bold.
func Bold(s string) Run { return Run{Text: s, Bold: true} }

// ListItem is one entry of a list: its first paragraph, then any further
// paragraphs that belong to it (indented under it, without a bullet).
type ListItem struct {
	Runs []Run
	More [][]Run
}

// Table is a table with a caption above it and one header row. RowHeader
// is the index of the column whose cells head their rows (set in bold), or
// -1 for none. Widths are the columns' relative widths; equal when nil.
type Table struct {
	Caption   string
	Head      []string
	Rows      [][]string
	RowHeader int
	Widths    []float64
}

// Picture is a PNG image with its text alternative and a caption under it.
// Title is the short alternative (Word's alt-text title), Description the
// full one. Width is the printed width in centimetres, at most the text's
// width (about 15.9 cm), which is also the width when it is zero; the
// height follows the image's proportions.
type Picture struct {
	PNG         []byte
	Title       string
	Description string
	Caption     string
	Width       float64
}

type blockKind int

const (
	kindPara blockKind = iota
	kindTable
	kindPicture
	kindPageBreak
)

type block struct {
	kind    blockKind
	style   string
	keep    bool // keep with the next paragraph
	runs    []Run
	num     int // numbering instance (0: none)
	table   *Table
	pic     *Picture
	picN    int // 1-based index into pictures
	cx, cy  int64
	caption int // the caption's number, for tables and figures
}

// Para adds a paragraph in a style (StyleNormal when style is empty).
func (d *Document) Para(style string, runs ...Run) {
	if style == "" {
		style = StyleNormal
	}
	d.body = append(d.body, block{kind: kindPara, style: style, runs: runs})
}

// Text adds a Normal paragraph of plain text.
func (d *Document) Text(s string) { d.Para(StyleNormal, Plain(s)) }

// Heading adds a heading: level 0 is the Title, 1 to 3 are Heading 1 to 3.
func (d *Document) Heading(level int, s string) {
	style := StyleTitle
	switch {
	case level == 1:
		style = StyleHeading1
	case level == 2:
		style = StyleHeading2
	case level >= 3:
		style = StyleHeading3
	}
	d.body = append(d.body, block{kind: kindPara, style: style, runs: []Run{Plain(s)}, keep: true})
}

// List adds a bulleted list, or a numbered one starting at 1.
func (d *Document) List(numbered bool, items ...ListItem) {
	style, num := StyleListBullet, 1
	if numbered {
		d.lists++
		style, num = StyleListNumber, 1+d.lists
	}
	for _, it := range items {
		d.body = append(d.body, block{kind: kindPara, style: style, runs: it.Runs, num: num})
		for _, more := range it.More {
			d.body = append(d.body, block{kind: kindPara, style: StyleListContinue, runs: more})
		}
	}
}

// AddTable adds a table, its caption above it as "Table N: caption".
func (d *Document) AddTable(t Table) error {
	if len(t.Head) == 0 {
		return errors.New("add table: a table needs a header row")
	}
	for i, row := range t.Rows {
		if len(row) != len(t.Head) {
			return fmt.Errorf("add table: row %d has %d cells, the header %d", i+1, len(row), len(t.Head))
		}
	}
	if t.Widths != nil && len(t.Widths) != len(t.Head) {
		return fmt.Errorf("add table: %d widths for %d columns", len(t.Widths), len(t.Head))
	}
	d.tables++
	d.body = append(d.body, block{kind: kindTable, table: &t, caption: d.tables})
	return nil
}

// AddPicture adds a picture in a paragraph of its own, its caption under it
// as "Figure N: caption". The picture must be a PNG and have a title.
func (d *Document) AddPicture(p Picture) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(p.PNG))
	if err != nil {
		return fmt.Errorf("add picture: not a PNG image: %w", err)
	}
	if strings.TrimSpace(p.Title) == "" {
		return errors.New("add picture: a picture needs a text alternative")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return errors.New("add picture: the image is empty")
	}
	maxW := int64(textWidth) * emuPerTwp
	cx := int64(p.Width * 360000) // EMU per centimetre
	if cx <= 0 || cx > maxW {
		cx = maxW
	}
	cy := cx * int64(cfg.Height) / int64(cfg.Width)
	if maxH := int64(pageH-2*margin-2880) * emuPerTwp; cy > maxH {
		cx, cy = cx*maxH/cy, maxH // leave room for a heading and the caption on the page
	}
	d.pictures = append(d.pictures, p.PNG)
	d.figures++
	d.body = append(d.body, block{kind: kindPicture, pic: &p, picN: len(d.pictures), cx: cx, cy: cy, caption: d.figures})
	return nil
}

// PageBreak starts a new page.
func (d *Document) PageBreak() { d.body = append(d.body, block{kind: kindPageBreak}) }

// Write writes the document as a .docx file.
func (d *Document) Write(w io.Writer) error {
	when := d.Modified.UTC().Truncate(time.Second)
	if d.Modified.IsZero() {
		when = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	type part struct {
		name string
		data []byte
	}
	parts := []part{
		{"[Content_Types].xml", d.contentTypes()},
		{"_rels/.rels", packageRels()},
		{"docProps/core.xml", d.core(when)},
		{"docProps/app.xml", appProps()},
		{"word/document.xml", d.document()},
		{"word/styles.xml", d.styles()},
		{"word/numbering.xml", d.numbering()},
		{"word/settings.xml", d.settings()},
		{"word/_rels/document.xml.rels", d.documentRels()},
	}
	if d.Footer != "" {
		parts = append(parts, part{"word/footer1.xml", d.footer()})
	}
	for i, p := range d.pictures {
		parts = append(parts, part{imageName(i + 1), p})
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store // already compressed
		}
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: when})
		if err != nil {
			return fmt.Errorf("write docx: %w", err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("write docx: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}

func imageName(n int) string { return "word/media/image" + strconv.Itoa(n) + ".png" }

// Relationship ids in document.xml.rels: the fixed parts first, then one
// per picture.
const (
	ridStyles    = "rId1"
	ridNumbering = "rId2"
	ridSettings  = "rId3"
	ridFooter    = "footer1"
)

func imageRID(n int) string { return "rId" + strconv.Itoa(3+n) }

// xw writes XML: elements are opened and closed by name, and every text
// and attribute value goes through encoding/xml's escaping, which also
// replaces characters XML cannot hold.
type xw struct{ b bytes.Buffer }

func newXML() *xw {
	x := &xw{}
	x.b.WriteString(xml.Header)
	return x
}

func (x *xw) start(name string, attrs ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	x.attrs(attrs)
	x.b.WriteByte('>')
}

// empty writes an element with no content.
func (x *xw) empty(name string, attrs ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	x.attrs(attrs)
	x.b.WriteString("/>")
}

func (x *xw) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(kv[i])
		x.b.WriteString(`="`)
		_ = xml.EscapeText(&x.b, []byte(kv[i+1])) // a bytes.Buffer never fails
		x.b.WriteByte('"')
	}
}

func (x *xw) end(name string) {
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

func (x *xw) text(s string) { _ = xml.EscapeText(&x.b, []byte(s)) }

// elem writes <name attrs>text</name>.
func (x *xw) elem(name, text string, attrs ...string) {
	x.start(name, attrs...)
	x.text(text)
	x.end(name)
}

// val writes <name w:val="v"/>, the shape of most WordprocessingML settings.
func (x *xw) val(name, v string) { x.empty(name, "w:val", v) }

func (x *xw) bytes() []byte { return x.b.Bytes() }

// Namespaces.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	relOD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

func (d *Document) contentTypes() []byte {
	x := newXML()
	x.start("Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
	x.empty("Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml")
	x.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	if len(d.pictures) > 0 {
		x.empty("Default", "Extension", "png", "ContentType", "image/png")
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		if o[0] == "/word/footer1.xml" && d.Footer == "" {
			continue
		}
		x.empty("Override", "PartName", o[0], "ContentType", o[1])
	}
	x.end("Types")
	return x.bytes()
}

func packageRels() []byte {
	x := newXML()
	x.start("Relationships", "xmlns", nsRel)
	x.empty("Relationship", "Id", "rId1", "Type", relOD+"officeDocument", "Target", "word/document.xml")
	x.empty("Relationship", "Id", "rId2", "Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "Target", "docProps/core.xml")
	x.empty("Relationship", "Id", "rId3", "Type", relOD+"extended-properties", "Target", "docProps/app.xml")
	x.end("Relationships")
	return x.bytes()
}

func (d *Document) documentRels() []byte {
	x := newXML()
	x.start("Relationships", "xmlns", nsRel)
	x.empty("Relationship", "Id", ridStyles, "Type", relOD+"styles", "Target", "styles.xml")
	x.empty("Relationship", "Id", ridNumbering, "Type", relOD+"numbering", "Target", "numbering.xml")
	x.empty("Relationship", "Id", ridSettings, "Type", relOD+"settings", "Target", "settings.xml")
	if d.Footer != "" {
		x.empty("Relationship", "Id", ridFooter, "Type", relOD+"footer", "Target", "footer1.xml")
	}
	for i := range d.pictures {
		x.empty("Relationship", "Id", imageRID(i+1), "Type", relOD+"image", "Target", strings.TrimPrefix(imageName(i+1), "word/"))
	}
	x.end("Relationships")
	return x.bytes()
}

func (d *Document) lang() string {
	if l := strings.TrimSpace(d.Language); l != "" {
		return l
	}
	return "en-GB"
}

func (d *Document) core(when time.Time) []byte {
	x := newXML()
	x.start("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	x.elem("dc:title", d.Title)
	if d.Subject != "" {
		x.elem("dc:subject", d.Subject)
	}
	if d.Creator != "" {
		x.elem("dc:creator", d.Creator)
	}
	x.elem("dc:language", d.lang())
	stamp := when.Format("2006-01-02T15:04:05Z")
	x.elem("dcterms:created", stamp, "xsi:type", "dcterms:W3CDTF")
	x.elem("dcterms:modified", stamp, "xsi:type", "dcterms:W3CDTF")
	x.end("cp:coreProperties")
	return x.bytes()
}

func appProps() []byte {
	x := newXML()
	x.start("Properties", "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
	x.elem("Application", "PPEI Iceberg")
	x.end("Properties")
	return x.bytes()
}

func (d *Document) settings() []byte {
	x := newXML()
	x.start("w:settings", "xmlns:w", nsW)
	x.val("w:defaultTabStop", "720")
	x.val("w:characterSpacingControl", "doNotCompress")
	x.start("w:compat")
	// Without mode 15 Word opens the file in compatibility mode.
	x.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.end("w:compat")
	x.val("w:themeFontLang", d.lang())
	x.end("w:settings")
	return x.bytes()
}

// numbering: one bulleted list definition, one numbered; every numbered
// list is an instance of its own that restarts at 1.
func (d *Document) numbering() []byte {
	x := newXML()
	x.start("w:numbering", "xmlns:w", nsW)
	for id, f := range [][2]string{{"bullet", "\u2022"}, {"decimal", "%1."}} {
		x.start("w:abstractNum", "w:abstractNumId", strconv.Itoa(id))
		x.val("w:multiLevelType", "singleLevel")
		x.start("w:lvl", "w:ilvl", "0")
		x.val("w:start", "1")
		x.val("w:numFmt", f[0])
		x.val("w:lvlText", f[1])
		x.val("w:lvlJc", "left")
		x.start("w:pPr")
		x.empty("w:ind", "w:left", "720", "w:hanging", "360")
		x.end("w:pPr")
		x.end("w:lvl")
		x.end("w:abstractNum")
	}
	x.start("w:num", "w:numId", "1")
	x.val("w:abstractNumId", "0")
	x.end("w:num")
	for i := 1; i <= d.lists; i++ {
		x.start("w:num", "w:numId", strconv.Itoa(1+i))
		x.val("w:abstractNumId", "1")
		x.start("w:lvlOverride", "w:ilvl", "0")
		x.val("w:startOverride", "1")
		x.end("w:lvlOverride")
		x.end("w:num")
	}
	x.end("w:numbering")
	return x.bytes()
}

// style is one entry of styles.xml. Sizes are in half-points; spacing in
// twips.
type style struct {
	kind, id, name, basedOn, next string
	priority                      int
	quick                         bool // shown in Word's style gallery
	outline                       int  // heading level from 1; 0 for none
	before, after                 int
	keepNext                      bool
	indent                        int
	bold, italic                  bool
	size                          int
	color                         string
}

// The styles, as Word names them. Colours are dark enough for body text
// on white (navy #123456, grey #4A5260) and do not carry meaning.
var styles = []style{
	{kind: "paragraph", id: StyleNormal, name: "Normal", quick: true, after: 160},
	{kind: "paragraph", id: StyleTitle, name: "Title", basedOn: StyleNormal, next: StyleNormal, priority: 10, quick: true, after: 240, bold: true, size: 44, color: "123456"},
	{kind: "paragraph", id: StyleSubtitle, name: "Subtitle", basedOn: StyleNormal, next: StyleNormal, priority: 11, quick: true, before: 120, after: 80, bold: true, size: 22, color: "4A5260"},
	{kind: "paragraph", id: StyleHeading1, name: "heading 1", basedOn: StyleNormal, next: StyleNormal, priority: 9, quick: true, outline: 1, before: 360, after: 120, keepNext: true, bold: true, size: 32, color: "123456"},
	{kind: "paragraph", id: StyleHeading2, name: "heading 2", basedOn: StyleNormal, next: StyleNormal, priority: 9, quick: true, outline: 2, before: 240, after: 80, keepNext: true, bold: true, size: 26, color: "123456"},
	{kind: "paragraph", id: StyleHeading3, name: "heading 3", basedOn: StyleNormal, next: StyleNormal, priority: 9, quick: true, outline: 3, before: 200, after: 60, keepNext: true, bold: true, size: 22},
	{kind: "paragraph", id: StyleCaption, name: "caption", basedOn: StyleNormal, next: StyleNormal, priority: 35, quick: true, before: 60, after: 200, italic: true, size: 20, color: "4A5260"},
	{kind: "paragraph", id: StyleQuote, name: "Quote", basedOn: StyleNormal, next: StyleNormal, priority: 29, quick: true, before: 120, after: 160, indent: 720, italic: true},
	{kind: "paragraph", id: StyleListBullet, name: "List Bullet", basedOn: StyleNormal, priority: 99, after: 80},
	{kind: "paragraph", id: StyleListNumber, name: "List Number", basedOn: StyleNormal, priority: 99, after: 80},
	{kind: "paragraph", id: StyleListContinue, name: "List Continue", basedOn: StyleNormal, priority: 99, after: 80, indent: 720},
	{kind: "paragraph", id: StyleFooter, name: "footer", basedOn: StyleNormal, priority: 99, size: 16, color: "4A5260"},
}

func (d *Document) styles() []byte {
	x := newXML()
	x.start("w:styles", "xmlns:w", nsW)
	x.start("w:docDefaults")
	x.start("w:rPrDefault")
	x.start("w:rPr")
	x.empty("w:rFonts", "w:ascii", "Arial", "w:hAnsi", "Arial", "w:eastAsia", "Arial", "w:cs", "Arial")
	x.val("w:sz", "22")
	x.val("w:szCs", "22")
	x.empty("w:lang", "w:val", d.lang(), "w:eastAsia", d.lang(), "w:bidi", "ar-SA")
	x.end("w:rPr")
	x.end("w:rPrDefault")
	x.start("w:pPrDefault")
	x.start("w:pPr")
	x.empty("w:spacing", "w:after", "160", "w:line", "264", "w:lineRule", "auto")
	x.end("w:pPr")
	x.end("w:pPrDefault")
	x.end("w:docDefaults")

	for _, s := range styles {
		attrs := []string{"w:type", s.kind, "w:styleId", s.id}
		if s.id == StyleNormal {
			attrs = append(attrs, "w:default", "1")
		}
		x.start("w:style", attrs...)
		x.val("w:name", s.name)
		if s.basedOn != "" {
			x.val("w:basedOn", s.basedOn)
		}
		if s.next != "" {
			x.val("w:next", s.next)
		}
		if s.priority > 0 {
			x.val("w:uiPriority", strconv.Itoa(s.priority))
		}
		if s.quick {
			x.empty("w:qFormat")
		}
		x.start("w:pPr")
		if s.keepNext {
			x.empty("w:keepNext")
			x.empty("w:keepLines")
		}
		x.empty("w:spacing", "w:before", strconv.Itoa(s.before), "w:after", strconv.Itoa(s.after))
		if s.indent > 0 {
			x.empty("w:ind", "w:left", strconv.Itoa(s.indent), "w:right", strconv.Itoa(s.indent/2))
		}
		if s.outline > 0 {
			x.val("w:outlineLvl", strconv.Itoa(s.outline-1))
		}
		x.end("w:pPr")
		x.start("w:rPr")
		if s.bold {
			x.empty("w:b")
			x.empty("w:bCs")
		}
		if s.italic {
			x.empty("w:i")
			x.empty("w:iCs")
		}
		if s.color != "" {
			x.val("w:color", s.color)
		}
		if s.size > 0 {
			x.val("w:sz", strconv.Itoa(s.size))
			x.val("w:szCs", strconv.Itoa(s.size))
		}
		x.end("w:rPr")
		x.end("w:style")
	}

	x.start("w:style", "w:type", "character", "w:default", "1", "w:styleId", "DefaultParagraphFont")
	x.val("w:name", "Default Paragraph Font")
	x.val("w:uiPriority", "1")
	x.empty("w:semiHidden")
	x.empty("w:unhideWhenUsed")
	x.end("w:style")

	x.start("w:style", "w:type", "table", "w:default", "1", "w:styleId", "TableNormal")
	x.val("w:name", "Normal Table")
	x.val("w:uiPriority", "99")
	x.empty("w:semiHidden")
	x.empty("w:unhideWhenUsed")
	x.start("w:tblPr")
	x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	x.start("w:tblCellMar")
	for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right"} {
		w := "0"
		if side == "w:left" || side == "w:right" {
			w = "108"
		}
		x.empty(side, "w:w", w, "w:type", "dxa")
	}
	x.end("w:tblCellMar")
	x.end("w:tblPr")
	x.end("w:style")

	x.start("w:style", "w:type", "table", "w:styleId", StyleTableGrid)
	x.val("w:name", "Table Grid")
	x.val("w:basedOn", "TableNormal")
	x.val("w:uiPriority", "39")
	x.start("w:pPr")
	x.empty("w:spacing", "w:before", "40", "w:after", "40", "w:line", "240", "w:lineRule", "auto")
	x.end("w:pPr")
	x.start("w:tblPr")
	x.start("w:tblBorders")
	for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
		x.empty(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "auto")
	}
	x.end("w:tblBorders")
	x.end("w:tblPr")
	x.end("w:style")

	x.end("w:styles")
	return x.bytes()
}

func (d *Document) document() []byte {
	x := newXML()
	x.start("w:document", "xmlns:w", nsW, "xmlns:r", nsR, "xmlns:wp", nsWP, "xmlns:a", nsA, "xmlns:pic", nsPic)
	x.start("w:body")
	for _, b := range d.body {
		switch b.kind {
		case kindPara:
			para(x, b.style, b.keep, b.num, b.runs)
		case kindTable:
			table(x, b.table, b.caption)
		case kindPicture:
			picture(x, b)
		case kindPageBreak:
			x.start("w:p")
			x.start("w:pPr")
			x.val("w:pStyle", StyleNormal)
			x.end("w:pPr")
			x.start("w:r")
			x.empty("w:br", "w:type", "page")
			x.end("w:r")
			x.end("w:p")
		}
	}
	x.start("w:sectPr")
	if d.Footer != "" {
		x.empty("w:footerReference", "w:type", "default", "r:id", ridFooter)
	}
	x.empty("w:pgSz", "w:w", strconv.Itoa(pageW), "w:h", strconv.Itoa(pageH))
	m := strconv.Itoa(margin)
	x.empty("w:pgMar", "w:top", m, "w:right", m, "w:bottom", m, "w:left", m, "w:header", "708", "w:footer", "708", "w:gutter", "0")
	x.end("w:sectPr")
	x.end("w:body")
	x.end("w:document")
	return x.bytes()
}

// footer is the page footer: the text, a tab to the right margin, then
// "Page N of M" from Word's PAGE and NUMPAGES fields.
func (d *Document) footer() []byte {
	x := newXML()
	x.start("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", StyleFooter)
	x.start("w:tabs")
	x.empty("w:tab", "w:val", "right", "w:pos", strconv.Itoa(textWidth))
	x.end("w:tabs")
	x.end("w:pPr")
	run(x, Plain(d.Footer+"\tPage "))
	field(x, "PAGE", "1")
	run(x, Plain(" of "))
	field(x, "NUMPAGES", "1")
	x.end("w:p")
	x.end("w:ftr")
	return x.bytes()
}

// field writes a simple field with its last result.
func field(x *xw, instr, result string) {
	x.start("w:fldSimple", "w:instr", " "+instr+" ")
	x.start("w:r")
	x.start("w:rPr")
	x.empty("w:noProof")
	x.end("w:rPr")
	x.elem("w:t", result)
	x.end("w:r")
	x.end("w:fldSimple")
}

func para(x *xw, style string, keep bool, num int, runs []Run) {
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", style)
	if keep {
		x.empty("w:keepNext")
	}
	if num > 0 {
		x.start("w:numPr")
		x.val("w:ilvl", "0")
		x.val("w:numId", strconv.Itoa(num))
		x.end("w:numPr")
	}
	x.end("w:pPr")
	for _, r := range runs {
		run(x, r)
	}
	x.end("w:p")
}

// run writes a run, turning line breaks and tabs into Word's own.
func run(x *xw, r Run) {
	if r.Text == "" {
		return
	}
	x.start("w:r")
	if r.Bold || r.Italic {
		x.start("w:rPr")
		if r.Bold {
			x.empty("w:b")
			x.empty("w:bCs")
		}
		if r.Italic {
			x.empty("w:i")
			x.empty("w:iCs")
		}
		x.end("w:rPr")
	}
	text := strings.ReplaceAll(r.Text, "\r\n", "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			x.empty("w:br")
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				x.empty("w:tab")
			}
			if piece != "" {
				x.elem("w:t", piece, "xml:space", "preserve")
			}
		}
	}
	x.end("w:r")
}

// caption writes "Label N: text" in the Caption style, N as a SEQ field
// whose result is already filled in.
func caption(x *xw, label string, n int, text string, keep bool) {
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", StyleCaption)
	if keep {
		x.empty("w:keepNext")
	}
	x.end("w:pPr")
	run(x, Plain(label+" "))
	field(x, "SEQ "+label+` \* ARABIC`, strconv.Itoa(n))
	if text != "" {
		run(x, Plain(": "+text))
	}
	x.end("w:p")
}

func table(x *xw, t *Table, n int) {
	caption(x, "Table", n, t.Caption, true)
	widths := make([]int, len(t.Head))
	total := 0.0
	for i := range t.Head {
		if t.Widths != nil {
			total += max(t.Widths[i], 0)
		}
	}
	for i := range widths {
		if total > 0 {
			widths[i] = int(float64(textWidth) * max(t.Widths[i], 0) / total)
		} else {
			widths[i] = textWidth / len(widths)
		}
	}
	x.start("w:tbl")
	x.start("w:tblPr")
	x.val("w:tblStyle", StyleTableGrid)
	x.empty("w:tblW", "w:w", "5000", "w:type", "pct")
	x.empty("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", boolAttr(t.RowHeader >= 0), "w:lastColumn", "0", "w:noHBand", "0", "w:noVBand", "1")
	if t.Caption != "" {
		x.val("w:tblCaption", t.Caption)
	}
	x.end("w:tblPr")
	x.start("w:tblGrid")
	for _, w := range widths {
		x.empty("w:gridCol", "w:w", strconv.Itoa(w))
	}
	x.end("w:tblGrid")
	row := func(cells []string, head bool) {
		x.start("w:tr")
		x.start("w:trPr")
		x.empty("w:cantSplit")
		if head {
			x.empty("w:tblHeader")
		}
		x.end("w:trPr")
		for i, c := range cells {
			x.start("w:tc")
			x.start("w:tcPr")
			x.empty("w:tcW", "w:w", strconv.Itoa(widths[i]), "w:type", "dxa")
			if head {
				x.empty("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", "DCE4EC")
			}
			x.end("w:tcPr")
			para(x, StyleNormal, false, 0, []Run{{Text: c, Bold: head || i == t.RowHeader}})
			x.end("w:tc")
		}
		x.end("w:tr")
	}
	row(t.Head, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	x.end("w:tbl")
}

func boolAttr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func picture(x *xw, b block) {
	p := b.pic
	id := strconv.Itoa(b.picN)
	cx, cy := strconv.FormatInt(b.cx, 10), strconv.FormatInt(b.cy, 10)
	name := "Picture " + id
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", StyleNormal)
	x.empty("w:keepNext")
	x.end("w:pPr")
	x.start("w:r")
	x.start("w:drawing")
	x.start("wp:inline", "distT", "0", "distB", "0", "distL", "0", "distR", "0")
	x.empty("wp:extent", "cx", cx, "cy", cy)
	x.empty("wp:effectExtent", "l", "0", "t", "0", "r", "0", "b", "0")
	descr := p.Description
	if descr == "" {
		descr = p.Title
	}
	x.empty("wp:docPr", "id", id, "name", name, "descr", descr, "title", p.Title)
	x.start("wp:cNvGraphicFramePr")
	x.empty("a:graphicFrameLocks", "noChangeAspect", "1")
	x.end("wp:cNvGraphicFramePr")
	x.start("a:graphic")
	x.start("a:graphicData", "uri", nsPic)
	x.start("pic:pic")
	x.start("pic:nvPicPr")
	x.empty("pic:cNvPr", "id", id, "name", "image"+id+".png", "descr", descr, "title", p.Title)
	x.empty("pic:cNvPicPr")
	x.end("pic:nvPicPr")
	x.start("pic:blipFill")
	x.empty("a:blip", "r:embed", imageRID(b.picN))
	x.start("a:stretch")
	x.empty("a:fillRect")
	x.end("a:stretch")
	x.end("pic:blipFill")
	x.start("pic:spPr")
	x.start("a:xfrm")
	x.empty("a:off", "x", "0", "y", "0")
	x.empty("a:ext", "cx", cx, "cy", cy)
	x.end("a:xfrm")
	x.start("a:prstGeom", "prst", "rect")
	x.empty("a:avLst")
	x.end("a:prstGeom")
	x.end("pic:spPr")
	x.end("pic:pic")
	x.end("a:graphicData")
	x.end("a:graphic")
	x.end("wp:inline")
	x.end("w:drawing")
	x.end("w:r")
	x.end("w:p")
	caption(x, "Figure", b.caption, p.Caption, false)
}
