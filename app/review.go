package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/format"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// reviewScreen shows the whole map as the PDF will, the summary and the
// recommended actions, and the exports.
type reviewScreen struct {
	sess *session
	msg  *messageBar
	win  fyne.Window
	root fyne.CanvasObject

	mapView *mapView
	count   *widget.Label
	tally   *widget.Label // own views counted before the group agreed
	key     *widget.Label // what each level means, in words
	summary *textEntry
	actions *fyne.Container
	names   *check
	insert  *check // insert mode: for an organisation's own cover template
	paper   *choice
	format  *choice // what Export writes: the board paper as PDF, HTML or Word, or the map alone

	// the action form: adds a new action, or saves the one being edited
	editing    int64
	actText    *textEntry
	actOwner   *textEntry
	actDue     *textEntry
	actElement *choice
	actSave    *button
	actCancel  *button
	edit       *button // Setup's form for the details and cover sheet
}

// reviewActions are the window's moves Review's buttons make.
type reviewActions struct {
	exportPaper func()
	copyAlt     func()
	editDetails func() // Setup's form for this session, and back
	exportFile  func(id int64)
	compare     func(ids ...int64)
}

func (u *ui) newReviewScreen() *reviewScreen {
	r := &reviewScreen{sess: u.sess, msg: u.msg, win: u.win}
	r.build(u.keys, reviewActions{exportPaper: u.exportPaper, copyAlt: u.copyAltText, editDetails: u.editDetails, exportFile: u.exportSessionFile, compare: u.showCompare})
	return r
}

// build lays the screen out and shows the session's state in it.
func (r *reviewScreen) build(keys *entryKeys, do reviewActions) {
	sess, fw, rec := r.sess, r.sess.fw, r.sess.rec
	r.mapView = newMapView(fw, rec)

	exportBtn := newIconButton("Export… (Ctrl+E)", theme.DocumentSaveIcon(), do.exportPaper)
	exportBtn.Importance = widget.HighImportance
	r.format = newFormatChoice()
	r.names = newCheck("Include names (not for public papers)", nil)
	r.paper = newChoice([]string{"A4", "US Letter"}, nil)
	r.paper.SetSelectedIndex(0)
	r.insert = newCheck("Insert mode: no cover, no page numbers", nil)
	fileBtn := newIconButton("Export session file…", theme.DocumentIcon(), func() { do.exportFile(sess.rec.ID) })
	altBtn := newIconButton("Copy the map's text alternative", theme.ContentCopyIcon(), do.copyAlt)
	// One bar that wraps, so it fits a 1024-pixel screen at any zoom. The
	// format list is as wide as its longest choice needs.
	formats := container.NewGridWrap(fyne.NewSize(fyne.Min(340*themeSize(theme.SizeNameText)/19, 600), r.format.MinSize().Height), r.format)
	bar := newFlow(exportBtn, formats, r.names, r.paper, r.insert, fileBtn, altBtn)
	if rec.FollowsID != 0 {
		orig, id := rec.FollowsID, rec.ID
		bar.Add(newIconButton("Compare with its original", theme.ViewRestoreIcon(), func() { do.compare(orig, id) }))
	}

	r.count = label("", theme.SizeNameText, true)
	r.tally = label("", theme.SizeNameText, false)
	r.key = label(keyWords(), theme.SizeNameText, false)

	r.summary = keys.newEntry("What the map shows, in a few sentences", true)
	r.summary.SetMinRowsVisible(4)
	r.summary.SetText(rec.Summary)
	r.summary.OnChanged = func(s string) {
		sess.edit("summary", s, sess.rec.Summary, func(ctx context.Context, st data.Store, id int64, v string) error {
			return st.SetSummary(ctx, id, v)
		})
	}

	r.actions = container.NewVBox()
	r.actText = keys.newEntry("What would help the practices not yet found here?", false)
	r.actOwner = keys.newEntry("Who", false)
	r.actDue = keys.newEntry("Due (YYYY-MM-DD)", false)
	opts := []string{"Any element"}
	for _, e := range fw.Elements {
		opts = append(opts, e.Name)
	}
	r.actElement = newChoice(opts, nil)
	r.actElement.SetSelectedIndex(0)
	r.actSave = newIconButton("Add action", theme.ContentAddIcon(), r.onSaveAction)
	r.actCancel = newButton("Cancel", r.clearForm)
	r.actCancel.Hide()
	form := container.NewVBox(r.actText,
		newColumns(r.actOwner, r.actDue, r.actElement),
		newFlow(r.actSave, r.actCancel))

	left := container.NewVBox(label("Summary", theme.SizeNameSubHeadingText, true), r.summary)
	right := container.NewVBox(label("Recommended actions", theme.SizeNameSubHeadingText, true), r.actions, form)
	lower := newColumns(left, right)

	r.edit = newIconButton("Edit details and cover sheet", theme.DocumentCreateIcon(), do.editDetails)
	page := container.NewVBox(bar, r.mapView, container.NewBorder(nil, nil, nil, r.edit, r.count), r.key, r.tally, widget.NewSeparator(), lower)
	scroll := container.NewVScroll(container.NewPadded(page))
	r.root = scroll
	// The map fills what the window shows under the export bar.
	r.mapView.fill = func() float32 {
		return scroll.Size().Height - bar.Size().Height - 4*themeSize(theme.SizeNamePadding)
	}
	r.refresh()
}

// refresh shows the session's state.
func (r *reviewScreen) refresh() {
	r.refreshMap()
	if !r.sess.isPending("summary") && r.summary.Value() != r.sess.rec.Summary {
		r.summary.SetText(r.sess.rec.Summary)
	}
	r.showActions()
}

func (r *reviewScreen) refreshMap() {
	r.mapView.set(r.sess.fw, r.sess.rec)
	m := r.mapView.model
	txt := m.CountLine + "."
	if m.Draft {
		txt += " Draft until every element is agreed."
	}
	r.count.SetText(txt)
	r.tally.SetText(tallySummary(r.sess.fw, r.sess.rec))
	r.tally.Hidden = r.tally.Text == ""
}

// tallySummary lists each word's own-view count beside its agreed shading,
// element by element; "" when nothing was counted.
func tallySummary(fw *data.Framework, rec *data.Record) string {
	var lines []string
	for _, e := range fw.Elements {
		var parts []string
		for _, w := range e.Words {
			st := rec.Word(w.ID)
			if st.Tally != nil {
				parts = append(parts, fmt.Sprintf("%s %d (agreed: %s)", w.Label, *st.Tally, shadeWords(st.Level)))
			}
		}
		if len(parts) > 0 {
			lines = append(lines, e.Name+": "+strings.Join(parts, ", "))
		}
	}
	if len(lines) == 0 {
		return ""
	}
	head := "Own views before the group agreed (how many shaded each word on their own)"
	if rec.TallyOf != nil {
		head += fmt.Sprintf(", of %d people", *rec.TallyOf)
	}
	return head + ":\n" + strings.Join(lines, "\n")
}

func (r *reviewScreen) showActions() {
	r.actions.RemoveAll()
	if len(r.sess.rec.Actions) == 0 {
		r.actions.Add(label("No actions yet. Add the first below.", theme.SizeNameText, false))
		return
	}
	for _, a := range r.sess.rec.Actions {
		a := a
		line := shorten(a.Text, 500)
		var extra []string
		if a.Owner != "" {
			extra = append(extra, a.Owner)
		}
		if a.Due != "" {
			extra = append(extra, "by "+a.Due)
		}
		if e, ok := r.sess.fw.Element(a.Element); ok && a.Element != "" {
			extra = append(extra, e.Name)
		}
		if len(extra) > 0 {
			line += " (" + strings.Join(extra, ", ") + ")"
		}
		edit := newIconButton("Edit", theme.DocumentCreateIcon(), func() { r.onEdit(a) })
		remove := newIconButton("Remove", theme.DeleteIcon(), func() { r.onRemove(a) })
		r.actions.Add(newTrailing(label(line, theme.SizeNameText, false), container.NewHBox(edit, remove)))
	}
}

func (r *reviewScreen) formAction() data.Action {
	a := data.Action{ID: r.editing, Text: strings.TrimSpace(r.actText.Value()), Owner: strings.TrimSpace(r.actOwner.Text), Due: strings.TrimSpace(r.actDue.Text)}
	if i := r.actElement.SelectedIndex(); i > 0 && i <= len(r.sess.fw.Elements) {
		a.Element = r.sess.fw.Elements[i-1].Code
	}
	return a
}

func (r *reviewScreen) onSaveAction() {
	a := r.formAction()
	if err := a.Validate(r.sess.fw); err != nil {
		r.msg.fail(err)
		return
	}
	ok := r.sess.change(func(ctx context.Context, st data.Store, id int64) error {
		if a.ID != 0 {
			return st.UpdateAction(ctx, id, &a)
		}
		_, err := st.AddAction(ctx, id, &a)
		return err
	})
	if ok {
		r.clearForm()
		r.msg.hide()
	}
}

func (r *reviewScreen) onEdit(a data.Action) {
	r.editing = a.ID
	r.actText.SetText(a.Text)
	r.actOwner.SetText(a.Owner)
	r.actDue.SetText(a.Due)
	r.actElement.SetSelectedIndex(0)
	for i, e := range r.sess.fw.Elements {
		if e.Code == a.Element {
			r.actElement.SetSelectedIndex(i + 1)
		}
	}
	r.actSave.SetText("Save action")
	r.actCancel.Show()
	if c := r.win.Canvas(); c != nil {
		c.Focus(r.actText) // the form being edited starts in its first field
	}
}

func (r *reviewScreen) onRemove(a data.Action) {
	showOwningButtons(r.win, dialog.NewConfirm("Remove this action?", "“"+a.Text+"”", func(ok bool) {
		if ok {
			r.sess.change(func(ctx context.Context, st data.Store, id int64) error { return st.DeleteAction(ctx, id, a.ID) })
		}
	}, r.win))
}

func (r *reviewScreen) clearForm() {
	r.editing = 0
	r.actText.SetText("")
	r.actOwner.SetText("")
	r.actDue.SetText("")
	r.actElement.SetSelectedIndex(0)
	r.actSave.SetText("Add action")
	r.actCancel.Hide()
}

// options are the export options chosen here: public A4 unless someone
// ticks "Include names" or picks US Letter.
func (r *reviewScreen) options() format.Options {
	o := format.Options{Paper: "a4", Names: r.names.Checked, Insert: r.insert.Checked}
	if r.paper.SelectedIndex() == 1 {
		o.Paper = "letter"
	}
	return o
}

// keyWords is the map's key in words, as the paper gives it: "Key: shaded =
// found in this group's practice; partly = found in part; not shaded = not
// found in this group's practice."
func keyWords() string {
	var parts []string
	for _, l := range mapmodel.Legend() {
		parts = append(parts, strings.ToLower(l.Label)+" = "+mapmodel.Meaning(l.Level))
	}
	return "Key: " + strings.Join(parts, "; ") + "."
}
