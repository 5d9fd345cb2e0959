package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// practiceRun is a practice session's temporary database, in a folder of
// its own that is removed when the practice ends or the window closes.
type practiceRun struct {
	dir   string
	store data.Store
}

// practiceBanner is the bar across the top of the window while practising.
const practiceBanner = "Practice — nothing is saved"

// newPracticeBar builds the bar, hidden until a practice starts.
func (u *ui) newPracticeBar() *fyne.Container {
	bg := canvas.NewRectangle(themeColour(theme.ColorNameWarning))
	text := canvas.NewText(practiceBanner, themeColour(colourNoneText))
	text.TextStyle.Bold = true
	text.TextSize = themeSize(theme.SizeNameSubHeadingText)
	// Unwrapped lines that go to a second row when the window is narrow,
	// so the bar stays two lines high at most.
	sub := canvas.NewText("A training run, discarded when you end it or close the window.", themeColour(colourNoneText))
	sub.TextSize = themeSize(sizeSmall)
	end := newIconButton("End practice", theme.CancelIcon(), u.endPractice)
	bar := container.NewStack(bg, container.NewPadded(container.NewBorder(nil, nil, nil, end,
		newFlow(text, container.NewCenter(sub)))))
	bar.Hide()
	return bar
}

// startPractice moves the window onto a new temporary database and opens
// Setup for a practice session. The user's own store is kept, untouched.
func (u *ui) startPractice() {
	if u.practice != nil {
		u.newSession()
		return
	}
	u.leave()
	dir, err := os.MkdirTemp("", "iceberg-practice-")
	if err != nil {
		u.msg.fail(&data.Error{Code: data.EInternal, Message: "A practice session could not be started: no temporary folder could be made", Err: err})
		return
	}
	st, err := u.files.Open(u.sess.ctx, filepath.Join(dir, "practice.db"))
	if err != nil {
		os.RemoveAll(dir)
		u.msg.fail(err)
		return
	}
	u.practice = &practiceRun{dir: dir, store: st}
	u.realStore = u.sess.store
	u.sess.use(st)
	u.practiceBar.Show()
	u.msg.practising = true
	u.forget()
	u.newSession()
	u.msg.info("Practice session: set it up as you would a real one; nothing in a practice is saved.")
}

// endPractice discards the practice database and goes back to the user's own.
func (u *ui) endPractice() {
	if u.practice == nil {
		return
	}
	u.leave()
	u.discardPractice()
	u.showHome()
	u.msg.info("Practice ended and discarded, as nothing in a practice is saved: these are your own sessions again.")
}

// discardPractice closes and removes the temporary database.
func (u *ui) discardPractice() {
	p := u.practice
	if p == nil {
		return
	}
	u.sess.use(u.realStore)
	u.realStore = nil
	u.forget()
	u.practice = nil
	u.msg.practising = false
	p.store.Close()
	os.RemoveAll(p.dir)
	u.practiceBar.Hide()
}

// practiceNote is a note for the message bar as said during a practice
// (practising): it says that nothing is saved, in place of any promise that
// changes are.
func practiceNote(msg string, practising bool) string {
	if !practising || msg == "" {
		return msg
	}
	msg = strings.ReplaceAll(msg, "every change is saved as you make it", "nothing is saved, as this is a practice")
	if strings.Contains(strings.ToLower(msg), "nothing") && strings.Contains(msg, "saved") {
		return msg
	}
	return strings.TrimSuffix(msg, ".") + ". Practice: nothing of this session is saved."
}

// showExamples lists the illustrative examples; opening one makes an
// editable copy and leaves the example as it is.
func (u *ui) showExamples() {
	exs, err := data.Examples(u.fw)
	if err != nil {
		u.msg.fail(&data.Error{Code: data.EInternal, Message: "The examples could not be read", Err: err})
		return
	}
	var d dialog.Dialog
	list := container.NewVBox(label("Each example is built only from the research's findings. It is not the researcher's own shading. Opening one makes a copy you can change; the example stays as it is.", theme.SizeNameText, false))
	for i := range exs {
		i := i
		ex := exs[i]
		open := newIconButton("Open a copy", theme.NavigateNextIcon(), func() {
			d.Hide()
			u.openExample(ex.Name)
		})
		open.Importance = widget.HighImportance
		title := label(ex.Title, theme.SizeNameText, true)
		desc := label(ex.Description, sizeSmall, false)
		list.Add(card(container.NewBorder(nil, nil, nil, container.NewCenter(open), container.NewVBox(title, desc))))
	}
	d = dialog.NewCustom("Examples", "Close", container.NewVScroll(list), u.win)
	d.Resize(dialogSize(u.win))
	showOwningButtons(u.win, d)
}

// openExample imports a fresh copy of the named example and opens it.
func (u *ui) openExample(name string) int64 {
	exs, err := data.Examples(u.fw)
	if err != nil {
		u.msg.fail(err)
		return 0
	}
	for _, ex := range exs {
		if ex.Name != name {
			continue
		}
		id, err := u.sess.store.Import(u.sess.ctx, ex.File)
		if err != nil {
			u.msg.fail(err)
			return 0
		}
		u.open(id, screenReview)
		u.msg.info("This is your own copy of “" + ex.Title + "”: change it as you like. The example itself stays as it is.")
		return id
	}
	return 0
}
