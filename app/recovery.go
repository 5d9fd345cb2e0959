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
)

// recoveryScreen is shown instead of Home when the database file cannot be
// used. It says what happened, that the file was left as it was, and
// offers three ways on. None of them deletes or overwrites the bad file:
// restoring a backup or starting afresh moves it aside and says where.
type recoveryScreen struct {
	win   fyne.Window
	files Files
	path  string
	now   func() time.Time
	// onOpened continues into the normal window on the store now open,
	// the file at path.
	onOpened func(st data.Store, path, note string)

	root       fyne.CanvasObject
	problem    *widget.Label
	result     *widget.Label
	openBtn    *widget.Button
	restoreBtn *widget.Button
	freshBtn   *widget.Button
	backups    []string
}

func newRecoveryScreen(a fyne.App, w fyne.Window, files Files, path string, openErr error, onOpened func(st data.Store, path, note string)) *recoveryScreen {
	r := &recoveryScreen{win: w, files: files, path: path, now: time.Now, onOpened: onOpened, backups: files.Backups(path)}
	title := label("Your sessions file could not be opened", theme.SizeNameHeadingText, true)
	r.problem = label(data.ErrorMessage(openErr), theme.SizeNameText, false)
	where := label("Nothing in the file has been changed or deleted.", theme.SizeNameText, false)
	choose := label("Choose how to go on", theme.SizeNameSubHeadingText, true)

	r.openBtn = widget.NewButtonWithIcon("Open another file…", theme.FolderOpenIcon(), r.onOpenOther)
	openWhy := label("Use a sessions file you already have, for example a copy you kept. The file above stays where it is.", sizeSmall, false)
	r.restoreBtn = widget.NewButtonWithIcon("Restore the newest backup", theme.HistoryIcon(), r.onRestore)
	restoreWhy := label("", sizeSmall, false)
	if len(r.backups) > 0 {
		restoreWhy.SetText("A backup copy was taken before the file was last upgraded: " + filepath.Base(r.backups[0]) +
			". The bad file is moved aside and kept, and the backup is put in its place. Work since the backup is in the moved file, not the backup.")
	} else {
		restoreWhy.SetText("There is no backup copy of this file, so this choice is not available.")
		r.restoreBtn.Disable()
	}
	r.freshBtn = widget.NewButtonWithIcon("Start a new file, keeping this one aside", theme.ContentAddIcon(), r.onStartNew)
	freshWhy := label("The bad file is renamed and kept in the same folder, so someone can look at it later. A new, empty sessions file is started in its place.", sizeSmall, false)
	quit := widget.NewButton("Close PPEI Iceberg", func() { a.Quit() })

	r.result = label("", theme.SizeNameText, true)
	r.result.Hide()

	choices := container.NewVBox(
		card(container.NewVBox(r.openBtn, openWhy)),
		card(container.NewVBox(r.restoreBtn, restoreWhy)),
		card(container.NewVBox(r.freshBtn, freshWhy)),
	)
	page := container.NewVBox(title, card(container.NewVBox(r.problem, where)), choose, choices, r.result, container.NewHBox(quit))
	r.root = container.NewPadded(container.NewVScroll(page))
	return r
}

// failed shows why a way on did not work; the screen stays so another can
// be tried.
func (r *recoveryScreen) failed(err error) {
	r.result.SetText(data.ErrorMessage(err))
	r.result.Show()
}

// openPath opens the sessions file at path and continues into the window.
func (r *recoveryScreen) openPath(path, note string) bool {
	st, err := r.files.Open(context.Background(), path)
	if err != nil {
		r.failed(err)
		return false
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs // as the store keeps it, for Home to show
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
