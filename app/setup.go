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
	date        *textEntry // the workshop's date
	facilitator personEntries
	focus       *choice
	purpose     *textEntry
	counts      map[data.Role]int
	countLabels map[data.Role]*widget.Label
	names       map[data.Role]*textEntry
	cover       struct {
		meeting, date, item, paperDate, summary, recs, previously *textEntry
		objectives, riskRef, risks, financial, quality, health    *textEntry
		legal, conflicts                                          *textEntry
		lead, author, presenter                                   personEntries
		purpose                                                   *choice
	}
	coverBox *widget.Accordion
	action   *button // Create, Start the workshop, or back to where the room was
	problem  *widget.Label
	saved    *widget.Label
	create   *button
	loading  bool
	// stored is the form as last saved: a change writes only the fields
	// that differ from it, so a change another copy made is kept.
	stored data.Session
}

// personEntries are a person's two fields: a name and, apart from it, a
// job title (a person is a record, never "Name, Title" in one box).
type personEntries struct{ name, title *textEntry }

// newSetupScreen shows the open session's details, or a new session's
// form when none is open. Opened from the workshop (from), its main button
// goes back there; otherwise it starts the workshop.
func (u *ui) newSetupScreen(from string) *setupScreen {
	rec := u.sess.rec
	s := &setupScreen{sess: u.sess, msg: u.msg, open: u.open, existing: rec != nil,
		counts: map[data.Role]int{}, countLabels: map[data.Role]*widget.Label{}, names: map[data.Role]*textEntry{}}
	start := func() { u.show(screenIntro) }
	startText, startIcon := "Start the workshop", theme.MediaPlayIcon()
	if from != "" && rec != nil {
		start = func() { u.show(from) }
		startText, startIcon = "Back to "+u.screenName(from), theme.NavigateBackIcon()
	}
	s.build(rec, u.keys, u.viewButton(), u.showHome, start, startText, startIcon, u.zoom)
	return s
}

// build lays the form out, filled from rec (nil for a new session).
func (s *setupScreen) build(rec *data.Record, keys *entryKeys, view *button, home, start func(), startText string, startIcon fyne.Resource, zoom float32) {
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
		if !multi {
			e.OnSubmitted = func(string) { s.onSubmit() }
		}
		return e
	}
	long := func(placeholder, value string) *textEntry {
		e := entry(placeholder, value, true)
		e.SetMinRowsVisible(2)
		return e
	}
	person := func(p data.Person) (personEntries, fyne.CanvasObject) {
		pe := personEntries{entry("Name", p.Name, false), entry("Job title", p.Title, false)}
		return pe, container.NewGridWithColumns(2, pe.name, pe.title)
	}
	// Placeholders are short enough to show whole in a half-width field at
	// 1280×720; each says what goes there, with an example.
	s.title = entry("e.g. Board mapping, spring 2026", b.Title, false)
	s.community = entry("e.g. Governing Body", b.Community, false)
	s.org = entry("e.g. an ICB, place partnership or PCN", b.Organisation, false)
	s.date = entry("YYYY-MM-DD", b.MeetingDate, false)
	var facilitatorRow fyne.CanvasObject
	s.facilitator, facilitatorRow = person(b.FacilitatorPerson())
	s.purpose = entry("Why this group is mapping now", b.Purpose, true)
	s.purpose.SetMinRowsVisible(2)

	focusNames := []string{"All four bundles of practice"}
	for _, bu := range fw.Bundles {
		focusNames = append(focusNames, bu.Name)
	}
	s.focus = newChoice(focusNames, func(string) { s.onChange() })
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
		widget.NewFormItem("Workshop date", s.date),
		widget.NewFormItem("Facilitator", facilitatorRow),
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
		minus := newIconButton("", theme.ContentRemoveIcon(), func() { s.step(r, -1) })
		plus := newIconButton("", theme.ContentAddIcon(), func() { s.step(r, 1) })
		s.names[r] = entry("Names (optional)", strings.Join(names, ", "), false)
		counter := container.NewHBox(minus, container.NewGridWrap(fyne.NewSize(48*zoom, n.MinSize().Height), n), plus)
		rows = append(rows, widget.NewFormItem(r.Label(), container.NewBorder(nil, nil, counter, nil, s.names[r])))
	}
	people := widget.NewForm(rows...)

	c := b.Cover
	s.cover.meeting = entry("e.g. Board meeting in public", c.Meeting, false)
	s.cover.date = entry("YYYY-MM-DD", c.MeetingDate, false)
	s.cover.item = entry("e.g. 7.2", c.AgendaItem, false)
	// Left empty, the paper is dated by the session's last change, so the
	// same session always prints the same paper.
	s.cover.paperDate = entry("YYYY-MM-DD, or empty", c.PaperDate, false)
	var leadRow, authorRow, presenterRow fyne.CanvasObject
	s.cover.lead, leadRow = person(c.ExecutiveLeadPerson())
	s.cover.author, authorRow = person(c.AuthorPerson())
	s.cover.presenter, presenterRow = person(c.PresenterPerson())
	s.cover.summary = long("The paper in a few sentences", c.ExecutiveSummary)
	s.cover.recs = long("What the board is asked to do", c.Recommendations)
	s.cover.previously = entry("Committees that saw it before", c.PreviouslyConsider, false)
	s.cover.objectives = entry("Which strategic objectives it supports", c.StrategicObjectives, false)
	s.cover.riskRef = entry("e.g. BAF risk 4", c.RiskReference, false)
	s.cover.risks = long("Risks the board should know of", c.Risks)
	s.cover.financial = long("Costs, staff time or other resources", c.Financial)
	s.cover.quality = long("Quality impact (QIA) and equality impact (EQIA)", c.QualityEquality)
	s.cover.health = long("Effect on health inequalities", c.HealthInequalities)
	// The app's own hint at what the field may cover, not legal advice.
	s.cover.legal = long("The app's hint: for example, the duty to involve", c.Legal)
	s.cover.conflicts = entry("Any declared, or none", c.Conflicts, false)
	purposes := []string{"Not set"}
	for _, p := range data.CoverPurposes {
		purposes = append(purposes, strings.ToUpper(p[:1])+p[1:])
	}
	s.cover.purpose = newChoice(purposes, func(string) { s.onChange() })
	s.cover.purpose.SetSelectedIndex(0)
	for i, p := range data.CoverPurposes {
		if p == c.Purpose {
			s.cover.purpose.SetSelectedIndex(i + 1)
		}
	}
	coverForm := widget.NewForm(
		widget.NewFormItem("Meeting", s.cover.meeting),
		widget.NewFormItem("Board meeting date", s.cover.date),
		widget.NewFormItem("Agenda item", s.cover.item),
		widget.NewFormItem("Paper's date", s.cover.paperDate),
		widget.NewFormItem("Executive lead", leadRow),
		widget.NewFormItem("Author", authorRow),
		widget.NewFormItem("Presenter", presenterRow),
		widget.NewFormItem("Purpose of the paper", s.cover.purpose),
		widget.NewFormItem("Executive summary", s.cover.summary),
		widget.NewFormItem("Recommendations", s.cover.recs),
		widget.NewFormItem("Previously considered by", s.cover.previously),
		widget.NewFormItem("Strategic objectives", s.cover.objectives),
		widget.NewFormItem("BAF or risk reference", s.cover.riskRef),
		widget.NewFormItem("Risks", s.cover.risks),
		widget.NewFormItem("Financial and resource", s.cover.financial),
		widget.NewFormItem("Quality and equality", s.cover.quality),
		widget.NewFormItem("Health inequalities", s.cover.health),
		widget.NewFormItem("Legal and statutory", s.cover.legal),
		widget.NewFormItem("Conflicts of interest", s.cover.conflicts),
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
	homeBtn := newIconButton("Home", theme.HomeIcon(), home)
	if rec == nil {
		s.create = newIconButton("Create session (Enter)", theme.ConfirmIcon(), s.onCreate)
		s.create.Importance = widget.HighImportance
		s.action = s.create
	} else {
		s.action = newIconButton(startText+" (Enter)", startIcon, start)
		s.action.Importance = widget.HighImportance
	}
	bar := container.NewHBox(homeBtn, view, s.action)
	top := container.NewBorder(nil, nil, nil, container.NewVBox(bar), head)

	peopleHead := label("Who is taking part", theme.SizeNameSubHeadingText, true)
	cols := newColumns(details, container.NewVBox(peopleHead, people)) // side by side when they fit
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
	x.Facilitator, x.FacilitatorTitle = s.facilitator.name.Value(), s.facilitator.title.Value()
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
	cv := &s.cover
	x.Cover = data.Cover{
		Meeting:             cv.meeting.Value(),
		MeetingDate:         strings.TrimSpace(cv.date.Value()),
		AgendaItem:          cv.item.Value(),
		PaperDate:           strings.TrimSpace(cv.paperDate.Value()),
		ExecutiveLead:       cv.lead.name.Value(),
		ExecutiveLeadTitle:  cv.lead.title.Value(),
		Author:              cv.author.name.Value(),
		AuthorTitle:         cv.author.title.Value(),
		Presenter:           cv.presenter.name.Value(),
		PresenterTitle:      cv.presenter.title.Value(),
		ExecutiveSummary:    cv.summary.Value(),
		Recommendations:     cv.recs.Value(),
		PreviouslyConsider:  cv.previously.Value(),
		StrategicObjectives: cv.objectives.Value(),
		RiskReference:       cv.riskRef.Value(),
		Risks:               cv.risks.Value(),
		Financial:           cv.financial.Value(),
		QualityEquality:     cv.quality.Value(),
		HealthInequalities:  cv.health.Value(),
		Legal:               cv.legal.Value(),
		Conflicts:           cv.conflicts.Value(),
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

// onSubmit is Enter in a one-line field: it creates a new session, and on
// a session already made it starts the workshop (or goes back to it), so
// Enter, Enter takes a filled-in form into the room.
func (s *setupScreen) onSubmit() {
	if s.create != nil {
		s.onCreate()
		return
	}
	if s.action != nil && s.check() {
		s.action.OnTapped()
	}
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
	s.msg.info("Session created. From now on every change is saved as you make it. Press Enter, or choose “Start the workshop”, when the room is ready.")
}
