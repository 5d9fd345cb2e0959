// Package export writes a session as a printable PDF iceberg map for a
// board paper, and as CSV. It draws the map from export/mapmodel,
// the same model and layout the on-screen review uses.
package export

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
)

// Options change how a PDF is written. The zero value is the public A4
// version with a cover sheet when the session has one.
type Options struct {
	Paper   string // "a4" (default) or "letter"
	Names   bool   // keep participants' and the facilitator's names; public papers withhold them
	NoCover bool   // leave out the board cover sheet even when it is filled in
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

// WriteFileAtomic writes a file through write into a temporary file in the
// same folder, then renames it into place, so a failed export never leaves
// a half-written file behind. Errors are sentences a person can act on.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, serr := os.Stat(dir); serr != nil {
		if errors.Is(serr, fs.ErrNotExist) {
			return fmt.Errorf("the folder %s does not exist: %w", dir, serr)
		}
		return fmt.Errorf("the folder %s cannot be read: %w", dir, serr)
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a folder, so %s cannot be written there", dir, filepath.Base(path))
	}
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder: choose a file name to export to", path)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("the folder %s cannot be written (check its permissions or choose another folder): %w", dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("the export failed before it was complete, so %s was not written: %w", filepath.Base(path), err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("the file could not be saved to disk (is the disk full?): %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("the file could not be saved to disk (is the disk full?): %w", err)
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("the file's permissions could not be set: %w", err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s could not be replaced (is it open in another program?): %w", path, err)
	}
	return nil
}
