// Package report is the board paper as content, apart from any file format:
// the cover sheet and the numbered sections, message first, in the order of
// the design (What the map shows → the map → recommendations and actions →
// who took part → appendix). The HTML and Word writers render the same
// Report, so every format has the same content, order and wording.
//
// Text in a Report is as the session typed it (trimmed), never escaped or
// replaced: each writer escapes for its own format. A paragraph's text may
// hold line breaks ("\n"), which writers keep.
package report

import (
	"strconv"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// Lang is the language every report is written in.
const Lang = "en-GB"

// Report is one board paper.
type Report struct {
	Title   string // the paper's one top-level heading: the session's title
	Kicker  string // the line above the title: the organisation, or "Board paper"
	Subject string // what the paper is, for a document's metadata
	Author  string // for metadata: the organisation, never a person
	Date    string // the paper's date in words ("14 March 2026"), or ""
	Public  bool   // names are withheld (the default)
	Insert  bool   // insert mode: no cover, for an ICB's own template
	Draft   bool   // not every element agreed yet
	Cover   *Cover // nil when there is none (insert mode, or nothing filled in)

	// Map is the iceberg map's content, for writers that draw it (as SVG,
	// PNG or a picture); the section "The map" holds it as a Figure too.
	Map      mapmodel.Model
	Sections []Section
	Footer   string // what each printed page's footer says beside its page number
}

// Cover is the board cover sheet, in the form ICB boards use. Fields left
// empty are not here at all.
type Cover struct {
	Heading string  // "Board paper"
	Fields  []Field // label and value, in print order
	Purpose *Choice // the paper's purpose, every option listed, or nil
	Texts   []Field // longer fields after the purpose: executive summary, recommendations, involvement
}

// Field is one row of the cover sheet. A value may hold line breaks, and
// blank lines between paragraphs.
type Field struct {
	Label string
	Value string
}

// Choice is a field with a fixed set of options, one of them chosen: board
// cover sheets list every purpose and tick one.
type Choice struct {
	Label   string
	Options []string
	Chosen  int // index into Options
}

// Section is a numbered section of the paper.
type Section struct {
	Number int    // from 1
	ID     string // a stable anchor: "what-the-map-shows"
	Title  string // without its number
	Blocks []Block
}

// Heading is the section's title with its number: "2. The map".
func (s Section) Heading() string { return strconv.Itoa(s.Number) + ". " + s.Title }

// Kind is what a block is.
type Kind int

// The kinds of block.
const (
	Paragraph   Kind = iota // Text, with an optional Lead in bold before it
	Subheading              // Text is a numbered sub-heading ("5.1 Participation (P)"); ID its anchor
	Label                   // Text is a short unnumbered heading ("How to read the map"), one level below the last heading
	List                    // Items, unordered
	Steps                   // Items, numbered
	TableBlock              // Table
	FigureBlock             // Figure: the iceberg map
	QuoteBlock              // Text is quoted exactly; Source attributes it
)

// Tone says how a block reads beside the body text.
type Tone int

// The tones.
const (
	Body  Tone = iota
	Quiet      // a remark such as "No notes were recorded."
	App        // this app's own wording, not the research's: labelled as such
)

// Block is one piece of a section: a paragraph, a list, a table or the map.
type Block struct {
	Kind   Kind
	Tone   Tone
	ID     string // Subheading: its anchor
	Lead   string // Paragraph: words in bold before the text ("In the research:")
	Text   string
	Source string // QuoteBlock: the attribution, exactly as the framework gives it
	Items  []Item
	Table  *Table
	Figure *Figure
}

// Item is one entry of a list. When Level is set, the item is a doing word
// and writers show its level by a mark as well as in words.
type Item struct {
	Lead  string      // in bold: a doing word
	Text  string      // after the lead: its level, tally
	Note  string      // a further paragraph: the group's note
	Level *data.Shade // the doing word's level, or nil
}

// Table is a table with a caption, a header row, and a header cell in
// each row (RowHeader is that column's index, or -1 for none).
type Table struct {
	Caption   string
	Head      []string
	Rows      []Row
	RowHeader int
}

// Row is one row of a table. Level is set on a row that is a doing word.
type Row struct {
	Cells []string
	Level *data.Shade
}

// Figure is the iceberg map with its text alternative.
type Figure struct {
	Map         mapmodel.Model
	Title       string // short text alternative: the image's title or alt text
	Description string // full text alternative: every word and its level
	Caption     string // printed under the figure
}

// Paragraphs splits typed text at blank lines, for the formats that set
// paragraphs of their own (HTML, Word); a single line break stays within
// its paragraph. Empty text is one empty paragraph.
func Paragraphs(s string) []string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if part = strings.Trim(part, "\n"); part != "" {
			out = append(out, part)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}
