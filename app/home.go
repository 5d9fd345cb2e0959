package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// homeScreen lists sessions newest first, with search, and the Trash.
type homeScreen struct {
	store data.Store
	ctx   context.Context
	msg   *messageBar
	win   fyne.Window
	prefs fyne.Preferences
	do    homeActions

	trash    bool
	sessions []data.Session
	selected int

	root     fyne.CanvasObject
	heading  *widget.Label
	search   *textEntry
	list     *sessionList
	empty    *widget.Label
	trashBtn *button
	newBtn   *button
}

// homeActions are the window's moves Home's buttons make.
type homeActions struct {
	open                                                                func(id int64, screen string)
	newSession, importFile, learn, examples, practice, compare, handout func()
	exportFile                                                          func(id int64)
}

func (u *ui) newHomeScreen() *homeScreen {
	h := &homeScreen{store: u.sess.store, ctx: u.sess.ctx, msg: u.msg, win: u.win, prefs: u.app.Preferences(), selected: -1,
		do: homeActions{
			open: u.open, newSession: u.newSession, importFile: u.importSessionFile, learn: u.showLearn,
			examples: u.showExamples, practice: u.startPractice, compare: func() { u.showCompare() },
			handout: u.exportHandout, exportFile: u.exportSessionFile,
		}}
	foot := ""
	switch {
	case u.practice != nil:
		foot = "Practice: these sessions are on a temporary file, discarded when the practice ends."
	case readOnly(u.sess.store):
		foot = "Read-only: these sessions are read from " + u.dbPath + ", which is on a network or synced folder. Export them as you need; to change them, copy the file to this computer."
	case u.dbPath != "":
		foot = "Everything is saved as you go, on this computer, in " + u.dbPath
	}
	h.build(u.keys, u.viewButton(), foot, u.practice != nil || readOnly(u.sess.store))
	return h
}

// build lays Home out; foot says where the sessions are kept (bold while
// practising).
func (h *homeScreen) build(keys *entryKeys, view *button, foot string, practising bool) {
	title := label("PPEI Iceberg", theme.SizeNameHeadingText, true)
	title.Wrapping = fyne.TextWrapOff
	sub := label("Map how a group involves patients, carers and the public, one element at a time.", theme.SizeNameText, false)
	h.heading = label("Sessions, newest first", theme.SizeNameSubHeadingText, true)

	h.newBtn = newIconButton("New session (Ctrl+N)", theme.ContentAddIcon(), h.do.newSession)
	h.newBtn.Importance = widget.HighImportance
	importBtn := newIconButton("Import session file…", theme.FolderOpenIcon(), h.do.importFile)
	h.trashBtn = newIconButton("Trash", theme.DeleteIcon(), h.onTrash)
	learn := newIconButton("Learn", theme.HelpIcon(), h.do.learn)
	examples := newIconButton("Examples", theme.FileIcon(), h.do.examples)
	practice := newIconButton("Practice session", theme.MediaPlayIcon(), h.do.practice)
	compare := newIconButton("Compare sessions", theme.ViewRestoreIcon(), h.do.compare)
	handout := newIconButton("Hand-out PDF…", theme.DocumentIcon(), h.do.handout)
	forTrainers := label("For trainers:", theme.SizeNameText, true)
	forTrainers.Wrapping = fyne.TextWrapOff // in a row, a wrapping label gets no width
	bar := newFlow(h.newBtn, importBtn, h.trashBtn, view, forTrainers, learn, examples, practice, compare, handout)

	h.search = keys.newEntry("Search by title, community or organisation", false)
	h.search.OnChanged = func(string) { h.load() }

	h.list = newSessionList(h.length, h.createRow, h.updateRow)
	h.list.onSelected = func(id widget.ListItemID) { h.selected = id }
	h.list.onOpen = func(widget.ListItemID) { h.openSelected() }
	h.empty = label("", theme.SizeNameText, false)
	h.empty.Alignment = fyne.TextAlignCenter
	h.empty.Wrapping = fyne.TextWrapOff // centred, a wrapping label gets no width

	footLine := fyne.CanvasObject(widget.NewLabel(""))
	if foot != "" {
		footLine = label(foot, sizeSmall, practising)
	}
	// On a short screen at a large zoom the blurb gives way, then the
	// buttons scroll; the search and the list keep their room.
	top := container.NewVBox(title, sub, bar, widget.NewSeparator())
	list := container.NewBorder(newColumns(h.heading, h.search), footLine, nil, nil, container.NewStack(h.list, container.NewCenter(h.empty)))
	h.root = container.NewPadded(newGiveWay(top, list, sub))
	h.load()
}

func (h *homeScreen) length() int { return len(h.sessions) }

// A row: title and details on the left, actions on the right.
func (h *homeScreen) createRow() fyne.CanvasObject {
	title := label("", theme.SizeNameText, true)
	title.Wrapping = fyne.TextWrapOff
	title.Truncation = fyne.TextTruncateEllipsis
	detail := label("", sizeSmall, false)
	detail.Wrapping = fyne.TextWrapOff
	detail.Truncation = fyne.TextTruncateEllipsis
	buttons := container.NewHBox(
		newIconButton("Open", theme.NavigateNextIcon(), nil),
		newButton("Follow-up", nil),
		newIconButton("Export file", theme.DocumentSaveIcon(), nil),
		newIconButton("Delete", theme.DeleteIcon(), nil),
	)
	return container.NewBorder(nil, nil, nil, buttons, container.NewVBox(title, detail))
}

func (h *homeScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(h.sessions) {
		return
	}
	s := h.sessions[i]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	buttons := row.Objects[1].(*fyne.Container)
	texts.Objects[0].(*widget.Label).SetText(s.Title)
	texts.Objects[1].(*widget.Label).SetText(sessionLine(s))
	id := s.ID
	b := func(n int) *button { return buttons.Objects[n].(*button) }
	if h.trash {
		b(0).SetText("Restore")
		b(0).SetIcon(theme.ContentUndoIcon())
		b(0).OnTapped = func() { h.onRestore(id) }
		b(1).Hide()
		b(2).Hide()
		b(3).SetText("Delete for ever")
		b(3).OnTapped = func() { h.onPurge(id, s.Title) }
		return
	}
	b(0).SetText("Open")
	b(0).SetIcon(theme.NavigateNextIcon())
	b(0).OnTapped = func() { h.onOpen(id) }
	b(1).Show()
	b(1).OnTapped = func() { h.onFollowUp(id) }
	b(2).Show()
	b(2).OnTapped = func() { h.do.exportFile(id) }
	b(3).SetText("Delete")
	b(3).OnTapped = func() { h.onDelete(id, s.Title) }
}

// sessionLine is the details under a session's title.
func sessionLine(s data.Session) string {
	var parts []string
	for _, p := range []string{s.Community, s.Organisation, s.MeetingDate} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	if n := s.TotalParticipants(); n > 0 {
		parts = append(parts, strconv.Itoa(n)+" taking part")
	}
	if s.Status == data.StatusAgreed {
		parts = append(parts, "agreed")
	} else {
		parts = append(parts, "draft")
	}
	if s.FollowsID != 0 {
		parts = append(parts, "follow-up")
	}
	return strings.Join(parts, " · ")
}

// load fills the list from the store with the current search.
func (h *homeScreen) load() {
	list, err := h.store.ListSessions(h.ctx, data.SessionFilter{Search: h.search.Text, Deleted: h.trash, Limit: 500})
	if err != nil {
		h.msg.fail(err)
		return
	}
	h.sessions = list
	h.selected = -1
	h.list.UnselectAll()
	h.list.Refresh()
	switch {
	case len(list) > 0:
		h.empty.Hide()
	case h.trash:
		h.empty.SetText("The Trash is empty.")
		h.empty.Show()
	case h.search.Text != "":
		h.empty.SetText("No session matches “" + h.search.Text + "”.")
		h.empty.Show()
	default:
		h.empty.SetText("No sessions yet. Choose New session to set one up.")
		h.empty.Show()
	}
}

func (h *homeScreen) onTrash() {
	h.trash = !h.trash
	if h.trash {
		h.heading.SetText("Trash: deleted sessions, which you can restore")
		h.trashBtn.SetText("Back to sessions")
		h.trashBtn.SetIcon(theme.NavigateBackIcon())
		h.newBtn.Disable()
	} else {
		h.heading.SetText("Sessions, newest first")
		h.trashBtn.SetText("Trash")
		h.trashBtn.SetIcon(theme.DeleteIcon())
		h.newBtn.Enable()
	}
	h.load()
}

// openSelected opens the chosen session, or the newest when none is chosen.
func (h *homeScreen) openSelected() {
	if h.trash || len(h.sessions) == 0 {
		return
	}
	i := h.selected
	if i < 0 || i >= len(h.sessions) {
		i = 0
	}
	h.onOpen(h.sessions[i].ID)
}

func (h *homeScreen) moveSelection(down bool) {
	if len(h.sessions) == 0 {
		return
	}
	i := h.selected
	switch {
	case i < 0:
		i = 0
	case down && i+1 < len(h.sessions):
		i++
	case !down && i > 0:
		i--
	}
	h.list.Select(i)
	h.selected = i
}

// onOpen opens a session where the room last was in it, or at the Intro.
func (h *homeScreen) onOpen(id int64) {
	screen := h.prefs.StringWithFallback(sessionScreenKey(id), screenIntro)
	h.do.open(id, screen)
}

func sessionScreenKey(id int64) string { return fmt.Sprintf("session.%d.screen", id) }

func (h *homeScreen) onFollowUp(id int64) {
	nid, err := h.store.FollowUp(h.ctx, id)
	if err != nil {
		h.msg.fail(err)
		return
	}
	h.do.open(nid, screenSetup)
	h.msg.info("This follow-up starts from the earlier session's map. Check its details, then go to the introduction.")
}

func (h *homeScreen) onDelete(id int64, title string) {
	showOwningButtons(h.win, dialog.NewConfirm("Delete this session?",
		"“"+title+"” will move to the Trash. You can restore it from there.",
		func(ok bool) {
			if !ok {
				return
			}
			if err := h.store.DeleteSession(h.ctx, id); err != nil {
				h.msg.fail(err)
				return
			}
			h.msg.info("“" + title + "” is in the Trash.")
			h.load()
		}, h.win))
}

func (h *homeScreen) onRestore(id int64) {
	if err := h.store.RestoreSession(h.ctx, id); err != nil {
		h.msg.fail(err)
		return
	}
	h.msg.info("Session restored.")
	h.load()
}

func (h *homeScreen) onPurge(id int64, title string) {
	showOwningButtons(h.win, dialog.NewConfirm("Delete for ever?",
		"“"+title+"” and its map will be removed for good. This cannot be undone.",
		func(ok bool) {
			if !ok {
				return
			}
			if err := h.store.PurgeSession(h.ctx, id); err != nil {
				h.msg.fail(err)
				return
			}
			h.load()
		}, h.win))
}

// importSessionFile reads a session file chosen in a file dialog.
func (u *ui) importSessionFile() {
	u.dialogs.open([]string{".json"}, func(r fyne.URIReadCloser) {
		// Only the path: the file is read bounded, and only if it is an
		// ordinary file (data.ReadSessionFileAt).
		f, err := data.ReadSessionFileAt(r.URI().Path(), u.fw)
		if err != nil {
			u.msg.fail(err)
			return
		}
		id, err := u.sess.store.Import(u.sess.ctx, f)
		if err != nil {
			u.msg.fail(err)
			return
		}
		if u.cur.home != nil {
			u.cur.home.load()
		}
		u.msg.info(fmt.Sprintf("Imported “%s” (session %d).", f.Session.Title, id))
	})
}

// exportSessionFile writes a session file chosen in a file dialog.
func (u *ui) exportSessionFile(id int64) {
	u.sess.flush()
	rec, err := u.sess.store.Session(u.sess.ctx, id)
	if err != nil {
		u.msg.fail(err)
		return
	}
	u.dialogs.save(fileName(rec.Title)+".json", "The session file", true, data.NewSessionFile(u.fw, rec).Write, func(path string) string {
		return "Session file saved: " + path
	})
}

// fileName turns a title into a safe file name.
func fileName(title string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(title) {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < ' ':
			b.WriteRune('-')
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "session"
	}
	return b.String()
}

// readOnly reports whether store was opened read-only, to export from a
// file in a network or synced folder.
func readOnly(store data.Store) bool {
	ro, ok := store.(interface{ ReadOnly() bool })
	return ok && ro.ReadOnly()
}
