package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
)

// fileDialogSize fits Fyne's file dialogs to a 1280×720 projector.
var fileDialogSize = fyne.NewSize(1100, 620)

// dialogSize is fileDialogSize, or less on a smaller window, so a dialog
// and its shadow stay on screen.
func dialogSize(w fyne.Window) fyne.Size {
	s := fileDialogSize
	if c := w.Canvas(); c != nil && c.Size().Width > 0 {
		room := c.Size().Subtract(fyne.NewSquareSize(64))
		s = s.Min(room)
	}
	return s
}

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
	hookEscape(f.win)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			f.msg.fail(dialogFailure(err))
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
			f.msg.fail(saveFailure(what, path, err))
			return
		}
		rememberFolder(filepath.Dir(path))
		f.msg.info(done(path))
	}, f.win)
	if start := startFolder(); start != nil {
		d.SetLocation(start)
	}
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(name)}))
	d.Resize(dialogSize(f.win))
	d.Show()
	escapableName(f.win, d)
}

// nameEntry is a save dialog's name field that Esc closes the dialog from.
// Fyne's own field keeps Esc to itself, and the dialog gives it the
// keyboard, so the window never sees the key.
type nameEntry struct {
	widget.Entry
	escape func()
}

// TypedKey closes the dialog on Esc and types everything else.
func (e *nameEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.escape()
		return
	}
	e.Entry.TypedKey(ev)
}

// escapableName puts a nameEntry in place of the name field of the save
// dialog d just shown over win, kept in step with Fyne's field (which the
// dialog reads the name from, and sets when a file is picked), gives it
// the keyboard and selects the name, so typing replaces it, a full path
// too, as in any save dialog.
func escapableName(win fyne.Window, d *dialog.FileDialog) {
	c := win.Canvas()
	orig, ok := c.Focused().(*widget.Entry)
	if !ok {
		ownDismiss(c)
		return
	}
	holder := scrollHolding(c.Overlays().Top(), orig)
	if holder == nil {
		orig.TypedShortcut(&fyne.ShortcutSelectAll{})
		ownDismiss(c)
		return
	}
	e := &nameEntry{escape: d.Dismiss}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = orig.PlaceHolder
	e.SetText(orig.Text)
	e.OnChanged = func(s string) {
		if orig.Text != s {
			orig.SetText(s)
		}
	}
	e.OnSubmitted = orig.OnSubmitted
	// Cancel and Save become the app's own, so Esc closes the dialog from
	// them too; Save is enabled, as Fyne's is, while there is a name.
	dismiss, save := footerButtons(c.Overlays().Top())
	own := ownButtons(c, func(b *widget.Button) bool { return b == dismiss || b == save })
	inStep := func() {
		if b := own[save]; b != nil && b.Disabled() != save.Disabled() {
			if save.Disabled() {
				b.Disable()
			} else {
				b.Enable()
			}
		}
	}
	picked := orig.OnChanged
	orig.OnChanged = func(s string) {
		if picked != nil {
			picked(s)
		}
		if e.Text != s {
			e.SetText(s)
		}
		inStep()
	}
	orig.Hide() // kept, hidden, for the dialog to read and set
	holder.Content = container.NewStack(orig, e)
	holder.Refresh()
	c.Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// scrollHolding finds the scroll whose content is o among the containers
// under top (a dialog's pop-up).
func scrollHolding(top, o fyne.CanvasObject) *container.Scroll {
	switch x := top.(type) {
	case *container.Scroll:
		if x.Content == o {
			return x
		}
		return scrollHolding(x.Content, o)
	case *widget.PopUp:
		return scrollHolding(x.Content, o)
	case *fyne.Container:
		for _, child := range x.Objects {
			if s := scrollHolding(child, o); s != nil {
				return s
			}
		}
	}
	return nil
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
	hookEscape(win)
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			fail(dialogFailure(err))
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		rememberFolder(filepath.Dir(r.URI().Path()))
		use(r)
	}, win)
	if start := startFolder(); start != nil {
		d.SetLocation(start)
	}
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(dialogSize(win))
	d.Show()
	ownDismiss(win.Canvas())
}

// prefLastFolder is the folder a file was last saved in or opened from
// through a dialog, kept in the app's preferences.
const prefLastFolder = "lastFileFolder"

// rememberFolder keeps dir as where the next file dialog opens.
func rememberFolder(dir string) {
	if dir == "" || dir == "." {
		return
	}
	fyne.CurrentApp().Preferences().SetString(prefLastFolder, dir)
}

// startFolder is where a file dialog opens: the folder last used, else
// Documents, else the home folder; nil leaves it to Fyne.
func startFolder() fyne.ListableURI {
	folders := []string{fyne.CurrentApp().Preferences().String(prefLastFolder)}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		folders = append(folders, documentsFolder(home), home)
	}
	for _, dir := range folders {
		if dir == "" {
			continue
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			return l
		}
	}
	return nil
}

// documentsFolder is the user's Documents folder: on Linux as named in
// user-dirs.dirs (it may be in the user's language), else home/Documents.
func documentsFolder(home string) string {
	if runtime.GOOS == "linux" {
		conf := os.Getenv("XDG_CONFIG_HOME")
		if conf == "" {
			conf = filepath.Join(home, ".config")
		}
		if b, err := os.ReadFile(filepath.Join(conf, "user-dirs.dirs")); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				v, ok := strings.CutPrefix(strings.TrimSpace(line), "XDG_DOCUMENTS_DIR=")
				if !ok {
					continue
				}
				v = strings.ReplaceAll(strings.Trim(v, `"`), "$HOME", home)
				if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
					return v
				}
			}
		}
	}
	return filepath.Join(home, "Documents")
}

// typedPath is a full path typed into a save dialog's name box ("/media/
// usb/paper.pdf", "~/Desktop/paper.pdf", "C:\\Papers\\paper.pdf"), which the
// dialog would otherwise put under the folder it shows.
func typedPath(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if rest, ok := strings.CutPrefix(name, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == filepath.Separator) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", false
		}
		return filepath.Join(home, rest), true
	}
	if filepath.IsAbs(name) {
		return filepath.Clean(name), true
	}
	return "", false
}

// saveFailure says in one plain sentence why what could not be saved at
// path, and what to do.
func saveFailure(what, path string, err error) error {
	var de *data.Error
	if errors.As(err, &de) {
		return err // already a sentence (the database itself was chosen, say)
	}
	dir := filepath.Dir(path)
	msg := what + " could not be written to " + dir + ", so nothing was saved: choose another folder and try again"
	switch {
	case strings.Contains(err.Error(), "the disk is full"):
		msg = what + " could not be written because the disk is full, so the old file was left as it was: free some space and try again"
	case !isDir(dir):
		msg = what + " was not saved because there is no folder " + dir + ": choose a folder that exists, or type the full path of one"
	case errors.Is(err, fs.ErrPermission):
		msg = what + " was not saved because this account may not write in " + dir + ": choose another folder, such as Documents"
	}
	return &data.Error{Code: data.EBadFile, Message: msg, Err: err}
}

// dialogFailure says in one plain sentence that a file dialog failed.
func dialogFailure(err error) error {
	var de *data.Error
	if errors.As(err, &de) {
		return err
	}
	return &data.Error{Code: data.EBadFile, Message: "That file or folder could not be used: choose another and try again", Err: err}
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// showOwningButtons shows d over win with buttons of the app's own in
// place of Fyne's, so Esc closes it whichever button has the keyboard
// (Fyne's own button keeps Esc to itself). For dialogs whose buttons do
// not change once shown: confirmations and custom dialogs.
func showOwningButtons(win fyne.Window, d dialog.Dialog) {
	d.Show()
	ownButtons(win.Canvas(), func(*widget.Button) bool { return true })
}

// ownButtons puts a button of the app's own in place of each of Fyne's
// buttons in the dialog on top of c that swap chooses, with the same
// label, icon, look, state and action, and gives it the keyboard if the
// one it replaces had it. It returns the new buttons by the old.
func ownButtons(c fyne.Canvas, swap func(*widget.Button) bool) map[*widget.Button]*button {
	top := c.Overlays().Top()
	if top == nil {
		return nil
	}
	out := map[*widget.Button]*button{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.PopUp:
			walk(x.Content)
		case *container.Scroll:
			walk(x.Content)
		case *fyne.Container:
			for i, child := range x.Objects {
				if fb, ok := child.(*widget.Button); ok && swap(fb) {
					b := standIn(fb)
					x.Objects[i] = b
					out[fb] = b
					if c.Focused() == fyne.Focusable(fb) {
						c.Focus(b)
					}
					continue
				}
				walk(child)
			}
			x.Refresh()
		}
	}
	walk(top)
	return out
}

// standIn is a button of the app's own that looks and acts as fb.
func standIn(fb *widget.Button) *button {
	b := newIconButton(fb.Text, fb.Icon, fb.OnTapped)
	b.Importance, b.Alignment, b.IconPlacement = fb.Importance, fb.Alignment, fb.IconPlacement
	if fb.Disabled() {
		b.Disable()
	}
	b.Resize(fb.Size())
	b.Move(fb.Position())
	return b
}

// footerButtons are a file dialog's Cancel and its Save or Open: the row
// of two buttons whose second is the primary one.
func footerButtons(o fyne.CanvasObject) (dismiss, confirm *widget.Button) {
	switch x := o.(type) {
	case *widget.PopUp:
		return footerButtons(x.Content)
	case *container.Scroll:
		return footerButtons(x.Content)
	case *fyne.Container:
		if len(x.Objects) == 2 {
			d, ok1 := x.Objects[0].(*widget.Button)
			c, ok2 := x.Objects[1].(*widget.Button)
			if ok1 && ok2 && c.Importance == widget.HighImportance {
				return d, c
			}
		}
		for _, child := range x.Objects {
			if d, c := footerButtons(child); d != nil {
				return d, c
			}
		}
	}
	return nil, nil
}

// ownDismiss makes the Cancel of the file dialog on top of c the app's
// own, so Esc closes the dialog from it. (Its Open stays Fyne's: the
// dialog enables it when a file is picked, which a stand-in would miss.)
func ownDismiss(c fyne.Canvas) {
	if dismiss, _ := footerButtons(c.Overlays().Top()); dismiss != nil {
		ownButtons(c, func(b *widget.Button) bool { return b == dismiss })
	}
}
