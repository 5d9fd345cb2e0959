package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// setupScreen holds a session's details. For a new session nothing is
// written until "Create session"; after that every valid change is saved
// as it is typed, and a problem is said in words under the form.
type setupScreen struct {
	sess     *session
	msg      *messageBar
	open     func(id int64, screen string)
	existing bool         // the session is in the store, so changes are saved as they are made
	base     data.Session // the session as last loaded; fields overwrite it

	root        fyne.CanvasObject
	title       *textEntry
	community   *textEntry
	org         *textEntry
	date        *textEntry
	facilitator *textEntry
	focus       *widget.Select
	purpose     *textEntry
	counts      map[data.Role]int
	countLabels map[data.Role]*widget.Label
	names       map[data.Role]*textEntry
	cover       struct {
		meeting, date, item, author, presenter, summary, recs, previously *textEntry
		purpose                                                           *widget.Select
	}
	coverBox *widget.Accordion
	problem  *widget.Label
	saved    *widget.Label
	create   *widget.Button
	loading  bool
	// stored is the form as last saved: a change writes only the fields
	// that differ from it, so a change another copy made is kept.
	stored data.Session
}

// newSetupScreen shows the open session's details, or a new session's
// form when none is open.
func (u *ui) newSetupScreen() *setupScreen {
	rec := u.sess.rec
	s := &setupScreen{sess: u.sess, msg: u.msg, open: u.open, existing: rec != nil,
		counts: map[data.Role]int{}, countLabels: map[data.Role]*widget.Label{}, names: map[data.Role]*textEntry{}}
	start := func() { u.show(screenIntro) }
	s.build(rec, u.keys, u.viewButton(), u.showHome, start, u.zoom)
	return s
}

// build lays the form out, filled from rec (nil for a new session).
func (s *setupScreen) build(rec *data.Record, keys *entryKeys, view *widget.Button, home, start func(), zoom float32) {
	fw := s.sess.fw
	s.loading = true
	defer func() { s.loading = false }()
	if rec != nil {
		s.base = rec.Session
	} else {
		s.base = data.Session{Focus: data.FocusAll, Status: data.StatusDraft, MeetingDate: s.sess.now().Format(time.DateOnly)}
	}
	b := s.base
	entry := func(placeholder, value string, multi bool) *textEntry {
		e := keys.newEntry(placeholder, multi)
		e.SetText(value)
		e.OnChanged = func(string) { s.onChange() }
		return e
	}
	s.title = entry("For example: Governing Body mapping, spring 2026", b.Title, false)
	s.community = entry("For example: Governing Body, Communications Strategy Group", b.Community, false)
	s.org = entry("For example: an ICB, place partnership, PCN, provider collaborative or CCG", b.Organisation, false)
	s.date = entry("YYYY-MM-DD", b.MeetingDate, false)
	// A person is a name and a job title, kept apart; the entry shows them
	// as "Name, Job title" and saving splits them again (data.SplitPerson).
	s.facilitator = entry("Who is leading the session: name, job title", b.FacilitatorPerson().String(), false)
	s.purpose = entry("Why this group is mapping its involvement now", b.Purpose, true)
	s.purpose.SetMinRowsVisible(2)

	focusNames := []string{"All four bundles of practice"}
	for _, bu := range fw.Bundles {
		focusNames = append(focusNames, bu.Name)
	}
	s.focus = widget.NewSelect(focusNames, func(string) { s.onChange() })
	s.focus.SetSelectedIndex(0)
	for i, bu := range fw.Bundles {
		if bu.ID == b.Focus {
			s.focus.SetSelectedIndex(i + 1)
		}
	}

	details := widget.NewForm(
		widget.NewFormItem("Title", s.title),
		widget.NewFormItem("Community of practice", s.community),
		widget.NewFormItem("Organisation", s.org),
		widget.NewFormItem("Meeting date", s.date),
		widget.NewFormItem("Facilitator", s.facilitator),
		widget.NewFormItem("Focus", s.focus),
		widget.NewFormItem("Purpose", s.purpose),
	)

	// Participants: a count by role with − and + (no typing needed), names optional.
	var rows []*widget.FormItem
	for _, r := range data.Roles {
		r := r
		s.counts[r] = b.Count(r)
		var names []string
		for _, p := range b.Participants {
			if p.Role == r {
				names = p.Names
			}
		}
		n := label(strconv.Itoa(s.counts[r]), theme.SizeNameText, true)
		n.Wrapping = fyne.TextWrapOff
		n.Alignment = fyne.TextAlignCenter
		s.countLabels[r] = n
		minus := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.step(r, -1) })
		plus := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { s.step(r, 1) })
		s.names[r] = entry("Names (optional)", strings.Join(names, ", "), false)
		counter := container.NewHBox(minus, container.NewGridWrap(fyne.NewSize(48*zoom, n.MinSize().Height), n), plus)
		rows = append(rows, widget.NewFormItem(r.Label(), container.NewBorder(nil, nil, counter, nil, s.names[r])))
	}
	people := widget.NewForm(rows...)

	c := b.Cover
	s.cover.meeting = entry("For example: Governing Body meeting in public", c.Meeting, false)
	s.cover.date = entry("YYYY-MM-DD", c.MeetingDate, false)
	s.cover.item = entry("For example: 7.2", c.AgendaItem, false)
	s.cover.author = entry("Who wrote the paper: name, job title", c.AuthorPerson().String(), false)
	s.cover.presenter = entry("Who presents it: name, job title", c.PresenterPerson().String(), false)
	s.cover.summary = entry("The paper in a few sentences", c.ExecutiveSummary, true)
	s.cover.recs = entry("What the board is asked to do", c.Recommendations, true)
	s.cover.previously = entry("Committees that saw it before", c.PreviouslyConsider, false)
	purposes := append([]string{"Not set"}, data.CoverPurposes...)
	s.cover.purpose = widget.NewSelect(purposes, func(string) { s.onChange() })
	s.cover.purpose.SetSelectedIndex(0)
	for i, p := range data.CoverPurposes {
		if p == c.Purpose {
			s.cover.purpose.SetSelectedIndex(i + 1)
		}
	}
	coverForm := widget.NewForm(
		widget.NewFormItem("Meeting", s.cover.meeting),
		widget.NewFormItem("Meeting date", s.cover.date),
		widget.NewFormItem("Agenda item", s.cover.item),
		widget.NewFormItem("Author", s.cover.author),
		widget.NewFormItem("Presenter", s.cover.presenter),
		widget.NewFormItem("Purpose of the paper", s.cover.purpose),
		widget.NewFormItem("Executive summary", s.cover.summary),
		widget.NewFormItem("Recommendations", s.cover.recs),
		widget.NewFormItem("Previously considered by", s.cover.previously),
	)
	s.coverBox = widget.NewAccordion(widget.NewAccordionItem("Board cover sheet for the PDF (optional)", coverForm))

	s.problem = label("", theme.SizeNameText, true)
	s.problem.Importance = widget.DangerImportance
	s.saved = label("", sizeSmall, false)

	heading := "New session"
	if rec != nil {
		heading = "Session details"
	}
	head := label(heading, theme.SizeNameHeadingText, true)
	homeBtn := widget.NewButtonWithIcon("Home", theme.HomeIcon(), home)
	var action *widget.Button
	if rec == nil {
		s.create = widget.NewButtonWithIcon("Create session", theme.ConfirmIcon(), s.onCreate)
		s.create.Importance = widget.HighImportance
		action = s.create
	} else {
		action = widget.NewButtonWithIcon("Start the workshop", theme.MediaPlayIcon(), start)
		action.Importance = widget.HighImportance
	}
	bar := container.NewHBox(homeBtn, view, action)
	top := container.NewBorder(nil, nil, nil, container.NewVBox(bar), head)

	peopleHead := label("Who is taking part", theme.SizeNameSubHeadingText, true)
	cols := container.NewGridWithColumns(2, details, container.NewVBox(peopleHead, people))
	body := container.NewVBox(cols, s.coverBox)
	s.root = container.NewPadded(container.NewBorder(top, container.NewVBox(s.problem, s.saved), nil, nil, container.NewVScroll(body)))
	s.stored = s.session()
	s.stored.Normalise()
	s.check()
}

func (s *setupScreen) step(r data.Role, by int) {
	n := s.counts[r] + by
	if n < 0 || n > 10000 {
		return
	}
	s.counts[r] = n
	s.countLabels[r].SetText(strconv.Itoa(n))
	s.onChange()
}

// session is the session as the form now describes it.
func (s *setupScreen) session() data.Session {
	x := s.base
	x.Title = s.title.Value()
	x.Community = s.community.Value()
	x.Organisation = s.org.Value()
	x.MeetingDate = strings.TrimSpace(s.date.Value())
	x.Facilitator, x.FacilitatorTitle = s.facilitator.Value(), "" // split again by Normalise
	x.Purpose = s.purpose.Value()
	x.Focus = data.FocusAll
	if i := s.focus.SelectedIndex(); i > 0 && i <= len(s.sess.fw.Bundles) {
		x.Focus = s.sess.fw.Bundles[i-1].ID
	}
	x.Participants = nil
	for _, r := range data.Roles {
		var names []string
		for _, n := range strings.Split(s.names[r].Value(), ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
		count := s.counts[r]
		if len(names) > count {
			count = len(names)
		}
		if count > 0 || len(names) > 0 {
			x.Participants = append(x.Participants, data.Participants{Role: r, Count: count, Names: names})
		}
	}
	x.Cover = data.Cover{
		Meeting:            s.cover.meeting.Value(),
		MeetingDate:        strings.TrimSpace(s.cover.date.Value()),
		AgendaItem:         s.cover.item.Value(),
		Author:             s.cover.author.Value(),
		Presenter:          s.cover.presenter.Value(),
		ExecutiveSummary:   s.cover.summary.Value(),
		Recommendations:    s.cover.recs.Value(),
		PreviouslyConsider: s.cover.previously.Value(),
	}
	if i := s.cover.purpose.SelectedIndex(); i > 0 {
		x.Cover.Purpose = data.CoverPurposes[i-1]
	}
	return x
}

// check says what is wrong, if anything, and reports whether all is well.
func (s *setupScreen) check() bool {
	x := s.session()
	err := x.Validate(s.sess.fw)
	if err != nil {
		msg := data.ErrorMessage(err)
		if s.existing {
			msg += " Until then, changes here are not saved."
		}
		s.problem.SetText(msg)
		s.problem.Show()
		if s.create != nil {
			s.create.Disable()
		}
		return false
	}
	s.problem.SetText("")
	s.problem.Hide()
	if s.create != nil {
		s.create.Enable()
	}
	return true
}

func (s *setupScreen) onChange() {
	if s.loading || s.problem == nil {
		return
	}
	if !s.check() || !s.existing {
		return
	}
	x := s.session()
	x.Normalise()
	s.sess.edit("setup", fmt.Sprintf("%#v", x), "", func(context.Context, data.Store, int64, string) error {
		if err := s.sess.saveDetails(s.stored, x); err != nil {
			return err
		}
		s.stored = x
		s.saved.SetText("Saved at " + s.sess.now().Format("15:04:05") + ".")
		return nil
	})
}

func (s *setupScreen) onCreate() {
	if !s.check() {
		return
	}
	x := s.session()
	x.Normalise()
	id, err := s.sess.create(&x)
	if err != nil {
		s.msg.fail(err)
		return
	}
	s.open(id, screenSetup)
	s.msg.info("Session created. From now on every change is saved as you make it. Choose “Start the workshop” when the room is ready.")
}
