// Package export writes a session as a printable PDF iceberg map for a
// board paper, and as CSV. It draws the map from export/mapmodel,
// the same model and layout the on-screen review uses.
package export

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
)

// Options change how a PDF is written. The zero value is the public A4
// version with a cover sheet when the session has one.
type Options struct {
	Paper   string // "a4" (default) or "letter"
	Names   bool   // keep participants' and the facilitator's names; public papers withhold them
	NoCover bool   // leave out the board cover sheet even when it is filled in
	// Insert is insert mode, for an ICB that puts the paper into its own
	// cover template: no cover sheet and no footer or page numbers of its
	// own; the numbered sections stay.
	Insert bool
	// Previous is the earlier mapping a follow-up session re-maps, when
	// the caller has it: "What the map shows" then says what moved.
	Previous *data.Record
	// Decisions are the privacy check's withhold-or-keep choices, by
	// session ID; a finding without one takes its default.
	Decisions map[int64]privacy.Decisions
}

// Papers are the paper sizes WritePDF accepts.
var Papers = []string{"a4", "letter"}

// WriteCSV writes one row per doing word, in the framework's order:
// session, element, word, level (none, partly, shaded), note. It is a
// public output: names and personal data are withheld as opt says, and no
// cell can run as a spreadsheet formula.
func WriteCSV(w io.Writer, fw *data.Framework, r *data.Record, opt Options) error {
	if fw == nil || r == nil {
		return errors.New("write csv: no framework or session")
	}
	r = PublicRecord(fw, r, opt)
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"session", "element", "word", "level", "note"}); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, e := range fw.Elements {
		for _, word := range e.Words {
			st := r.Word(word.ID)
			lvl := st.Level
			if !lvl.Valid() {
				lvl = data.ShadeNone
			}
			if err := cw.Write([]string{Cell(r.Title), Cell(e.Name), Cell(word.Label), lvl.String(), Cell(st.Note)}); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// Cell makes typed text safe as a spreadsheet cell. A cell beginning with
// =, +, -, @, a tab or a carriage return can run as a formula when the CSV
// is opened, so it gets a leading apostrophe, as OWASP's guidance on CSV
// injection advises; spreadsheets show the text as typed.
func Cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
