package app

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
)

// recoveryScreen is shown instead of Home when the database file cannot be
// used. It says what happened, that the file was left as it was, and
// offers the ways on. None of them deletes or overwrites the file:
// restoring a backup or starting afresh moves a bad file aside and says
// where. A good file in a network or synced folder gets its own two ways
// on instead: copy it to this computer and use the copy, or open it
// read-only to export from it.
type recoveryScreen struct {
	win   fyne.Window
	files Files
	path  string
	now   func() time.Time
	// onOpened continues into the normal window on the store now open,
	// the file at path.
	onOpened func(st data.Store, path, note string)

	root       fyne.CanvasObject
	title      *widget.Label
	problem    *widget.Label
	result     *widget.Label
	openBtn    *button
	restoreBtn *button
	restoreWhy *widget.Label
	freshBtn   *button
	copyBtn    *button
	readBtn    *button
	repairs    *fyne.Container // restore and start afresh: for a bad file
	placeWays  *fyne.Container // copy and read-only: for a file in the wrong place
	backups    []string
}

func newRecoveryScreen(a fyne.App, w fyne.Window, files Files, path string, openErr error, onOpened func(st data.Store, path, note string)) *recoveryScreen {
	r := &recoveryScreen{win: w, files: files, now: time.Now, onOpened: onOpened}
	r.title = label("", theme.SizeNameHeadingText, true)
	r.problem = label("", theme.SizeNameText, false)
	where := label("Nothing in the file has been changed or deleted.", theme.SizeNameText, false)
	choose := label("Choose how to go on", theme.SizeNameSubHeadingText, true)

	r.copyBtn = newIconButton("Copy it to this computer and use the copy", theme.ContentCopyIcon(), r.onCopyLocal)
	r.copyBtn.Importance = widget.HighImportance
	copyWhy := label("A copy is made in the app's folder on this computer's own disk, checked against the original, and used from now on. The original stays where it is, unchanged.", sizeSmall, false)
	r.readBtn = newIconButton("Open it read-only, to export from it", theme.VisibilityIcon(), r.onReadOnly)
	readWhy := label("Look at the sessions and export PDFs, session files and the rest, to any folder, this one included. Nothing in the file can be changed.", sizeSmall, false)
	r.placeWays = container.NewVBox(
		card(container.NewVBox(r.copyBtn, copyWhy)),
		card(container.NewVBox(r.readBtn, readWhy)),
	)

	r.openBtn = newIconButton("Open another file…", theme.FolderOpenIcon(), r.onOpenOther)
	openWhy := label("Use a sessions file you already have, for example a copy you kept. The file above stays where it is.", sizeSmall, false)
	r.restoreBtn = newIconButton("Restore the newest backup", theme.HistoryIcon(), r.onRestore)
	r.restoreWhy = label("", sizeSmall, false)
	r.freshBtn = newIconButton("Start a new file, keeping this one aside", theme.ContentAddIcon(), r.onStartNew)
	freshWhy := label("The bad file is renamed and kept in the same folder, so someone can look at it later. A new, empty sessions file is started in its place.", sizeSmall, false)
	r.repairs = container.NewVBox(
		card(container.NewVBox(r.restoreBtn, r.restoreWhy)),
		card(container.NewVBox(r.freshBtn, freshWhy)),
	)
	quit := newButton("Close PPEI Iceberg", func() { a.Quit() })

	r.result = label("", theme.SizeNameText, true)
	r.result.Hide()

	choices := container.NewVBox(r.placeWays, card(container.NewVBox(r.openBtn, openWhy)), r.repairs)
	page := container.NewVBox(r.title, card(container.NewVBox(r.problem, where)), choose, choices, r.result, container.NewHBox(quit))
	r.root = container.NewPadded(container.NewVScroll(page))
	r.setProblem(path, openErr)
	return r
}

// setProblem shows why the file at path cannot be used, and the ways on
// that fit: copy or read-only for a good file in a network or synced
// folder, restore or start afresh for a bad file.
func (r *recoveryScreen) setProblem(path string, err error) {
	r.path = path
	r.problem.SetText(data.ErrorMessage(err))
	prob, misplaced := place.IsProblem(err)
	switch {
	case misplaced && prob.Kind == place.Synced:
		r.title.SetText("Your sessions file is in a synced folder")
	case misplaced:
		r.title.SetText("Your sessions file is on a network folder")
	default:
		r.title.SetText("Your sessions file could not be opened")
	}
	if misplaced {
		r.placeWays.Show()
		r.repairs.Hide()
		return
	}
	r.placeWays.Hide()
	r.repairs.Show()
	r.backups = r.files.Backups(path)
	if len(r.backups) > 0 {
		r.restoreWhy.SetText("A backup copy was taken before the file was last upgraded: " + filepath.Base(r.backups[0]) +
			". The bad file is moved aside and kept, and the backup is put in its place. Work since the backup is in the moved file, not the backup.")
		r.restoreBtn.Enable()
	} else {
		r.restoreWhy.SetText("There is no backup copy of this file, so this choice is not available.")
		r.restoreBtn.Disable()
	}
}

// onCopyLocal copies the file to this computer, checks the copy and
// goes on with it.
func (r *recoveryScreen) onCopyLocal() {
	dst, err := r.files.CopyToLocal(context.Background(), r.path)
	if err != nil {
		r.failed(err)
		return
	}
	r.openPath(dst, "Copied "+r.path+" to "+dst+" on this computer, checked the copy, and opened it. The original is left as it was.")
}

// onReadOnly opens the file read-only, to export from it.
func (r *recoveryScreen) onReadOnly() {
	st, err := r.files.OpenReadOnly(context.Background(), r.path)
	if err != nil {
		r.failed(err)
		return
	}
	r.onOpened(st, r.path, "Opened "+r.path+" read-only: you can export from it, but nothing in it can be changed.")
}

// failed shows why a way on did not work; the screen stays so another can
// be tried.
func (r *recoveryScreen) failed(err error) {
	r.result.SetText(data.ErrorMessage(err))
	r.result.Show()
}

// openPath opens the sessions file at path and continues into the window.
func (r *recoveryScreen) openPath(path, note string) bool {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if err := r.files.CheckPlace(path); err != nil {
		// A file in a network or synced folder: offer its own ways on.
		r.setProblem(path, err)
		r.result.Hide()
		return false
	}
	st, err := r.files.Open(context.Background(), path)
	if err != nil {
		r.failed(err)
		return false
	}
	r.onOpened(st, path, note)
	return true
}

func (r *recoveryScreen) onOpenOther() {
	chooseFile(r.win, []string{".db", ".sqlite", ".sqlite3"}, r.failed, func(rc fyne.URIReadCloser) {
		p := rc.URI().Path()
		rc.Close() // before the store opens the file
		r.openPath(p, "Opened "+p+". The file that could not be used is still at "+r.path+".")
	})
}

// onRestore puts the newest backup in place of the bad file, which is
// moved aside and kept.
func (r *recoveryScreen) onRestore() {
	if len(r.backups) == 0 {
		return
	}
	aside, err := r.files.RestoreBackup(r.path, r.backups[0], r.now())
	if err != nil {
		r.failed(err)
		return
	}
	note := "The backup " + filepath.Base(r.backups[0]) + " is restored."
	if aside != "" {
		note += " The file that could not be used is kept as " + aside + "."
	}
	r.openPath(r.path, note)
}

// onStartNew moves the bad file aside and starts a new one in its place.
func (r *recoveryScreen) onStartNew() {
	aside, err := r.files.MoveAside(r.path, r.now())
	if err != nil {
		r.failed(err)
		return
	}
	r.openPath(r.path, "A new sessions file is started. The file that could not be used is kept as "+aside+".")
}
