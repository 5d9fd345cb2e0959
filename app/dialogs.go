package app

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
)

// fileDialogSize fits Fyne's file dialogs to a 1280×720 projector.
var fileDialogSize = fyne.NewSize(1100, 620)

// fileDialogs are Fyne's open and save dialogs over the window, with what
// they did said in the message bar.
type fileDialogs struct {
	win fyne.Window
	msg *messageBar
}

// save asks where to save a file named like name (its extension is the
// dialog's filter) and writes it there whole, or not at all, through
// export's atomic writer: only the path is taken from the dialog, whose own
// writer would empty the chosen file first (see safefiles.go). A file with
// names (names) is its owner's alone. what names the file in the message
// if it cannot be written.
func (f *fileDialogs) save(name, what string, names bool, write func(io.Writer) error, done func(path string) string) {
	useSafeFiles()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			f.msg.fail(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // opened lazily: closed unused, the file is untouched
		save := export.WriteFileAtomic
		if names {
			save = export.WritePrivateFile
		}
		if err := save(path, write); err != nil {
			var de *data.Error
			if errors.As(err, &de) {
				f.msg.fail(err) // already a sentence (the database itself was chosen, say)
				return
			}
			if strings.Contains(err.Error(), "the disk is full") {
				f.msg.fail(&data.Error{Code: data.EBadFile, Message: what + " could not be written: the disk is full. Free some space and try again; the old file was left as it was", Err: err})
				return
			}
			f.msg.fail(&data.Error{Code: data.EInternal, Message: what + " could not be written. Choose another folder and try again", Err: err})
			return
		}
		f.msg.info(done(path))
	}, f.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(name)}))
	d.Resize(fileDialogSize)
	d.Show()
}

// open shows the open dialog for files ending in one of exts.
func (f *fileDialogs) open(exts []string, use func(fyne.URIReadCloser)) {
	chooseFile(f.win, exts, f.msg.fail, use)
}

// chooseFile shows Fyne's open dialog over win for files ending in one of
// exts and gives use the file chosen, closing it afterwards. A dialog error
// goes to fail; Cancel does nothing.
func chooseFile(win fyne.Window, exts []string, fail func(error), use func(fyne.URIReadCloser)) {
	useSafeFiles()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			fail(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		use(r)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fileDialogSize)
	d.Show()
}
