//go:build linux

package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Saving over a file through Fyne's save dialog: the dialog no longer
// empties the chosen file before the app writes it, so a write that fails
// leaves the old file byte for byte as it was. (A full disk through
// RLIMIT_FSIZE is tested on the same writer in export, in a child process:
// in this process the limit would stop the test runner's own log.) Choosing the database itself is refused and changes
// nothing.
func TestSaveDialogKeepsOldFileWhenWriteFails(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	old := bytes.Repeat([]byte("the board paper that was here "), 200)
	path := filepath.Join(dir, "paper.pdf")
	mustOK(t, os.WriteFile(path, old, 0o600), "old file")

	save := func(write func(io.Writer) error) {
		t.Helper()
		startDialogsIn(dir)
		h.u.dialogs.save("paper.pdf", "The PDF", false, write, func(p string) string { return "saved " + p })
		d := h.dialog()
		d.name("paper.pdf")
		test.Tap(d.button("Save"))
		// Fyne asks before replacing a file.
		if b := findButton(h, "Yes"); b != nil {
			test.Tap(b)
		}
	}

	// The write itself fails, after checking that the file was not emptied
	// when the dialog closed.
	var sawOld bool
	save(func(w io.Writer) error {
		b, _ := os.ReadFile(path)
		sawOld = bytes.Equal(b, old)
		_, _ = w.Write([]byte("%PDF-1.4 half"))
		return errors.New("drawing failed")
	})
	if !sawOld {
		t.Error("the dialog emptied or changed the chosen file before the app wrote it")
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Errorf("after a failed write the file holds %d bytes, want the old %d", len(b), len(old))
	}
	if !strings.Contains(h.u.msg.text.Text, "could not be written") {
		t.Errorf("after a failed write the window says %q", h.u.msg.text.Text)
	}

	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Errorf("files left in the folder: %v", files)
	}

	// The database itself, chosen in the dialog.
	dbPath := h.store.Path()
	dbBefore, err := os.ReadFile(dbPath)
	mustOK(t, err, "read the database")
	startDialogsIn(filepath.Dir(dbPath))
	h.u.dialogs.save("paper.pdf", "The PDF", false, func(w io.Writer) error { _, err := w.Write([]byte("%PDF")); return err }, func(p string) string { return "saved " + p })
	d := h.dialog()
	d.name(filepath.Base(dbPath))
	test.Tap(d.button("Save"))
	if b := findButton(h, "Yes"); b != nil {
		test.Tap(b)
	}
	if b, _ := os.ReadFile(dbPath); !bytes.Equal(b, dbBefore) {
		t.Error("saving over the database changed it")
	}
	if !strings.Contains(h.u.msg.text.Text, "PPEI Iceberg database") {
		t.Errorf("saving over the database: the window says %q", h.u.msg.text.Text)
	}
}

// findButton is a button labelled label in any dialog over the window.
func findButton(h *harness, label string) *widget.Button {
	for _, o := range h.win.Canvas().Overlays().List() {
		for _, c := range walk(o) {
			if b, ok := asButton(c); ok && b.Text == label && !b.Disabled() {
				return b
			}
		}
	}
	return nil
}
