package report

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// Options choose what goes in a report. The zero value is the public paper
// with its cover sheet.
type Options struct {
	Names bool // keep participants' and the facilitator's names (public papers leave them out)
	// Decisions are the privacy check's choices, by session ID.
	Decisions map[int64]privacy.Decisions
	Insert    bool // insert mode: no cover sheet, for an ICB's own cover template
	// Previous is the earlier mapping a follow-up session re-maps, when
	// the caller has it: "What the map shows" then says what moved.
	Previous *data.Record
}

// Section anchors, stable so a board paper or a test can point at them.
const (
	IDSummary  = "what-the-map-shows"
	IDMap      = "the-map"
	IDActions  = "recommendations-and-actions"
	IDPeople   = "who-took-part"
	IDAppendix = "appendix-what-the-group-said"
)

// Build makes the report for a session. Unless opt.Names, it is built from
// the public version of the record, so no writer ever sees a name it must
// withhold.
func Build(fw *data.Framework, r *data.Record, opt Options) (*Report, error) {
	if fw == nil || r == nil {
		return nil, errors.New("build report: no framework or session")
	}
	r, prev := public(fw, r, opt)
	b := &builder{fw: fw, r: r, prev: prev, opt: opt, m: mapmodel.Build(fw, r)}
	return b.build(), nil
}

// public is the one place the record is made public before anything is
// built from it: the privacy step every public output takes (with names
// asked for, it still withholds personal data as decided).
func public(fw *data.Framework, r *data.Record, opt Options) (*data.Record, *data.Record) {
	return Public(fw, r, opt.Names, opt.Decisions), Public(fw, opt.Previous, opt.Names, opt.Decisions)
}

type builder struct {
	fw   *data.Framework
	r    *data.Record
	prev *data.Record
	opt  Options
	m    mapmodel.Model
}

// text is typed text as a report holds it: trimmed, tabs as spaces, other
// control characters dropped, line breaks kept.
func text(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for _, c := range s {
		if c != '\n' && unicode.IsControl(c) || c == '\ufeff' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\n':
			return c
		case c == '\t':
			return ' '
		case unicode.IsControl(c), c == '\ufeff':
			return -1
		}
		return c
	}, s)
}

func (b *builder) title() string {
	if t := text(b.r.Title); t != "" {
		return t
	}
	return "Untitled session"
}

func (b *builder) build() *Report {
	org := text(b.r.Organisation)
	rep := &Report{
		Title:   b.title(),
		Kicker:  org,
		Subject: "PPEI iceberg map: " + b.m.CountLine,
		Author:  org,
		Date:    paperDate(b.r),
		Public:  !b.opt.Names,
		Insert:  b.opt.Insert,
		Draft:   b.m.Draft,
		Map:     b.m,
	}
	if rep.Kicker == "" {
		rep.Kicker = "Board paper"
	}
	if !b.opt.Insert {
		rep.Cover = b.cover()
	}
	rep.Sections = []Section{
		{ID: IDSummary, Title: "What the map shows", Blocks: b.summary()},
		{ID: IDMap, Title: "The map", Blocks: b.mapSection()},
		{ID: IDActions, Title: "Recommendations and actions", Blocks: b.actions()},
		{ID: IDPeople, Title: "Who took part", Blocks: b.people()},
		{ID: IDAppendix, Title: "Appendix: what the group said about each element", Blocks: b.appendix()},
	}
	for i := range rep.Sections {
		rep.Sections[i].Number = i + 1
	}
	// Sub-headings of the appendix carry its number: "5.1 Participation (P)".
	last := &rep.Sections[len(rep.Sections)-1]
	n := 0
	for i := range last.Blocks {
		if last.Blocks[i].Kind == Subheading {
			n++
			last.Blocks[i].Text = fmt.Sprintf("%d.%d %s", last.Number, n, last.Blocks[i].Text)
		}
	}
	rep.Footer = rep.Title
	if rep.Date != "" {
		rep.Footer += " · " + rep.Date
	}
	if rep.Draft {
		rep.Footer = "DRAFT · " + rep.Footer
	}
	return rep
}

// paperDate is the date the paper speaks for: the cover's paper date when
// one is set, else the day the session last changed, so the same session
// always gives the same paper (never the day it happens to be printed).
func paperDate(r *data.Record) string {
	if d := strings.TrimSpace(r.Cover.PaperDate); d != "" {
		return mapmodel.DateWords(d)
	}
	if r.UpdatedAt.IsZero() {
		return ""
	}
	return r.UpdatedAt.UTC().Format("2 January 2006")
}

// cover is the board cover sheet, or nil when nothing on it is filled in.
// Its rows follow an ICB board cover sheet: where and when the paper goes,
// who leads, writes and presents it, what it is for, then its summary,
// recommendations and implications. An empty field is left out.
func (b *builder) cover() *Cover {
	c := b.r.Cover
	if c.Empty() {
		return nil
	}
	cv := &Cover{Heading: "Board paper"}
	add := func(label, value string) {
		if v := text(value); v != "" {
			cv.Fields = append(cv.Fields, Field{label, v})
		}
	}
	add("Organisation", b.r.Organisation)
	add("Meeting", c.Meeting)
	add("Date of meeting", mapmodel.DateWords(c.MeetingDate))
	add("Agenda item", c.AgendaItem)
	add("Executive lead", c.ExecutiveLeadPerson().String())
	add("Author", c.AuthorPerson().String())
	add("Presented by", c.PresenterPerson().String())
	add("Previously considered by", c.PreviouslyConsider)
	add("Link to strategic objectives", c.StrategicObjectives)
	add("Board Assurance Framework or risk reference", c.RiskReference)
	add("Date of the workshop", mapmodel.DateWords(b.r.MeetingDate))
	add("Date of the paper", mapmodel.DateWords(c.PaperDate))
	if p := strings.TrimSpace(c.Purpose); p != "" {
		ch := &Choice{Label: "Purpose of the paper", Chosen: -1}
		for i, o := range data.CoverPurposes {
			ch.Options = append(ch.Options, capitalise(o))
			if strings.EqualFold(o, p) {
				ch.Chosen = i
			}
		}
		if ch.Chosen >= 0 {
			cv.Purpose = ch
		}
	}
	long := func(label, value string) {
		if v := text(value); v != "" {
			cv.Texts = append(cv.Texts, Field{label, v})
		}
	}
	long("Executive summary", c.ExecutiveSummary)
	long("Recommendations", c.Recommendations)
	long("Patient and public involvement", Involvement(&b.r.Session))
	long("Risks", c.Risks)
	long("Financial and resource implications", c.Financial)
	long("Quality and equality impact (QIA/EQIA)", c.QualityEquality)
	long("Health inequalities", c.HealthInequalities)
	long("Legal and statutory implications", c.Legal)
	long("Conflicts of interest", c.Conflicts)
	return cv
}

// summary is section 1: PPEI spelled out, how to read the map, the
// headline, what moved, and whether the map is agreed.
func (b *builder) summary() []Block {
	m := b.m
	who := "a community of practice"
	if m.Community != "" {
		who = "the " + m.Community
	}
	intro := "PPEI stands for patient and public engagement and involvement. This iceberg map shows how " + who
	if m.Organisation != "" {
		intro += " at " + m.Organisation
	}
	intro += " practises PPEI, as the group mapped it"
	if m.Date != "" {
		intro += " on " + m.Date
	}
	intro += "."
	blocks := []Block{
		{Kind: Paragraph, Text: intro},
		{Kind: Label, Text: "How to read the map"},
		{Kind: Steps, Items: []Item{
			{Text: "Below the waterline are the five elements of the PPEI framework, one column each, with the doing words of practice the research found for each element."},
			{Text: "The group shaded the words that apply to its own practice: shaded means " + mapmodel.Meaning(data.ShadeShaded) + ", partly means " + mapmodel.Meaning(data.ShadePartly) + ", and not shaded means " + mapmodel.Meaning(data.ShadeNone) + "."},
			{Text: "Each level shows by its fill, its pattern and its mark, and is given in words in the table under the map."},
		}},
	}
	blocks = append(blocks, Block{Kind: Label, Text: "What the group found"}, Block{Kind: Paragraph, Text: b.headline()})
	if moved := b.moved(); moved != "" {
		blocks = append(blocks, Block{Kind: Label, Text: "What moved since the previous mapping"}, Block{Kind: Paragraph, Text: moved})
	}
	blocks = append(blocks, Block{Kind: Label, Text: "Agreed or draft"}, Block{Kind: Paragraph, Text: b.agreement()})
	return blocks
}

// headline names the practices the group found, found in part, and did not find.
func (b *builder) headline() string {
	var found, part, not []string
	for _, c := range b.m.Columns {
		for _, w := range c.Words {
			switch w.Level {
			case data.ShadeShaded:
				found = append(found, w.Label)
			case data.ShadePartly:
				part = append(part, w.Label)
			default:
				not = append(not, w.Label)
			}
		}
	}
	m := b.m
	s := fmt.Sprintf("The group found %d of the %d practices in its own work", m.Shaded, m.Total)
	if m.Partly > 0 {
		s += fmt.Sprintf(", and %d more in part", m.Partly)
	}
	s += "."
	if len(found) > 0 {
		s += " Found: " + mapmodel.JoinAnd(found) + "."
	}
	if len(part) > 0 {
		s += " Found in part: " + mapmodel.JoinAnd(part) + "."
	}
	if len(not) > 0 {
		s += " Not found in this group's practice: " + mapmodel.JoinAnd(not) + "."
	}
	return s
}

// moved says what changed since the mapping this session follows up, or ""
// when it is not a follow-up (or the earlier mapping was not given).
func (b *builder) moved() string {
	if b.r.FollowsID == 0 && b.prev == nil {
		return ""
	}
	if b.prev == nil {
		return "This session follows up an earlier mapping, which was not available when this paper was made."
	}
	pc := data.ComparePair(b.fw, b.prev, b.r)
	earlier := "the earlier mapping"
	if t := text(b.prev.Title); t != "" {
		earlier = "“" + t + "”"
	}
	if d := mapmodel.DateWords(b.prev.MeetingDate); d != "" {
		earlier += " (" + d + ")"
	}
	if pc.Changed() == 0 {
		return fmt.Sprintf("Compared with %s, no practice moved: all %d stayed at the same level.", earlier, pc.Same)
	}
	var up, down []string
	for _, w := range pc.Words {
		move := fmt.Sprintf("%s (%s to %s)", w.Label, strings.ToLower(w.From.Label()), strings.ToLower(w.To.Label()))
		switch w.Move {
		case data.MoveUp:
			up = append(up, move)
		case data.MoveDown:
			down = append(down, move)
		}
	}
	s := fmt.Sprintf("Compared with %s, %s moved up, %s moved down and %d stayed the same.", earlier, practices(pc.Up), practices(pc.Down), pc.Same)
	if len(up) > 0 {
		s += " Up: " + mapmodel.JoinAnd(up) + "."
	}
	if len(down) > 0 {
		s += " Down: " + mapmodel.JoinAnd(down) + "."
	}
	return s
}

func practices(n int) string {
	if n == 1 {
		return "1 practice"
	}
	return fmt.Sprintf("%d practices", n)
}

func (b *builder) agreement() string {
	m := b.m
	if !m.Draft {
		return fmt.Sprintf("Agreed: the group agreed all %d elements of the map.", len(m.Columns))
	}
	return fmt.Sprintf("Draft: the group has agreed %d of the %d elements, so the map may still change.", m.Agreed, len(m.Columns))
}

// mapSection is section 2: the figure, the key, the table of every word
// with its level in words, and the source.
func (b *builder) mapSection() []Block {
	m := b.m
	fig := &Figure{Map: m, Title: mapmodel.AltTitle(m), Description: mapmodel.AltText(m),
		Caption: "The iceberg map. The table below gives every doing word and its level in words."}
	var key []Item
	for _, l := range []data.Shade{data.ShadeShaded, data.ShadePartly, data.ShadeNone} {
		lvl := l
		key = append(key, Item{Lead: l.Label(), Text: mapmodel.Meaning(l) + ".", Level: &lvl})
	}
	t := &Table{
		Caption:   fmt.Sprintf("The %d doing words and their levels (%s)", m.Total, m.CountLine),
		Head:      []string{"Element", "Doing word", "Level"},
		RowHeader: 1,
	}
	for _, c := range m.Columns {
		for _, w := range c.Words {
			lvl := w.Level
			t.Rows = append(t.Rows, Row{Cells: []string{c.Name + " (" + c.Code + ")", w.Label, mapmodel.LevelWords(lvl)}, Level: &lvl})
		}
	}
	return []Block{
		{Kind: FigureBlock, Figure: fig},
		{Kind: Label, Text: "Key"},
		{Kind: List, Items: key},
		{Kind: TableBlock, Table: t},
		{Kind: Paragraph, Tone: Quiet, Text: b.sourceLine()},
	}
}

func (b *builder) sourceLine() string {
	c := strings.TrimSpace(b.fw.Source.Citation)
	if !strings.HasSuffix(c, ".") {
		c += "."
	}
	return "Source: " + c + " Framework " + b.fw.ID + ", version " + b.fw.Version + "."
}

// actions is section 3: the group's summary and its recommended actions.
func (b *builder) actions() []Block {
	var blocks []Block
	if s := text(b.r.Summary); s != "" {
		blocks = append(blocks, Block{Kind: Label, Text: "The group's summary"}, Block{Kind: Paragraph, Text: s})
	} else {
		blocks = append(blocks, Block{Kind: Paragraph, Tone: Quiet, Text: "No summary was recorded."})
	}
	if len(b.r.Actions) == 0 {
		return append(blocks, Block{Kind: Paragraph, Tone: Quiet, Text: "No actions were recorded."})
	}
	t := &Table{Caption: "Recommended actions, with owner, due date and element", Head: []string{"Action", "Owner", "Due", "Element"}, RowHeader: 0}
	for _, a := range b.r.Actions {
		el := ""
		if e, ok := b.fw.Element(a.Element); ok && a.Element != "" {
			el = e.Name
		}
		t.Rows = append(t.Rows, Row{Cells: []string{text(a.Text), text(a.Owner), mapmodel.DateWords(a.Due), el}})
	}
	return append(blocks, Block{Kind: TableBlock, Table: t})
}

// people is section 4: who took part, by role, and names only when asked for.
func (b *builder) people() []Block {
	blocks := []Block{{Kind: Paragraph, Text: Involvement(&b.r.Session)}}
	if b.r.TotalParticipants() > 0 {
		t := &Table{Caption: "Who took part, by role", Head: []string{"Role", "Number"}, RowHeader: 0}
		if b.opt.Names {
			t.Head = append(t.Head, "Names")
		}
		for _, role := range data.Roles {
			n := b.r.Count(role)
			if n == 0 {
				continue
			}
			row := Row{Cells: []string{role.Label(), fmt.Sprint(n)}}
			if b.opt.Names {
				var names []string
				for _, p := range b.r.Participants {
					if p.Role == role {
						for _, name := range p.Names {
							if name = text(name); name != "" {
								names = append(names, name)
							}
						}
					}
				}
				row.Cells = append(row.Cells, strings.Join(names, ", "))
			}
			t.Rows = append(t.Rows, row)
		}
		blocks = append(blocks, Block{Kind: TableBlock, Table: t})
	}
	if b.opt.Names {
		if f := text(b.r.FacilitatorPerson().String()); f != "" {
			blocks = append(blocks, Block{Kind: Paragraph, Text: "Facilitated by " + f + "."})
		}
	} else {
		blocks = append(blocks, Block{Kind: Paragraph, Tone: Quiet, Text: "This is the public version: the names of participants and the facilitator are left out."})
	}
	return blocks
}

// appendix is section 5: per element, the research's definition, this
// app's plain words, the words the group shaded with their notes, the words
// it did not, and the discussion notes.
func (b *builder) appendix() []Block {
	var blocks []Block
	for _, c := range b.m.Columns {
		e, _ := b.fw.Element(c.Code)
		st := b.r.Element(c.Code)
		blocks = append(blocks,
			Block{Kind: Subheading, ID: "element-" + strings.ToLower(c.Code), Text: c.Name + " (" + c.Code + ")"},
			Block{Kind: Paragraph, Tone: Quiet, Text: elementStatus(st, b.r.MeetingDate)},
			Block{Kind: Paragraph, Lead: "In the research:", Text: capitalise(strings.TrimSpace(c.Definition)) + "."},
		)
		if e != nil && strings.TrimSpace(e.Plain) != "" {
			blocks = append(blocks, Block{Kind: Paragraph, Tone: App, Lead: "In this app's words:", Text: strings.TrimSpace(e.Plain)})
		}
		var found []Item
		var not []string
		for _, w := range c.Words {
			tally := TallyLine(b.r.Word(w.ID).Tally, b.r.TallyOf)
			if w.Level == data.ShadeNone {
				if tally != "" {
					not = append(not, w.Label+" ("+tally+")")
				} else {
					not = append(not, w.Label)
				}
				continue
			}
			lvl := w.Level
			it := Item{Lead: w.Label, Text: mapmodel.LevelWords(lvl), Note: text(w.Note), Level: &lvl}
			if tally != "" {
				it.Text += "; " + tally
			}
			found = append(found, it)
		}
		if len(found) > 0 {
			blocks = append(blocks, Block{Kind: Label, Text: "Shaded by the group"}, Block{Kind: List, Items: found})
		} else {
			blocks = append(blocks, Block{Kind: Paragraph, Tone: Quiet, Text: "The group shaded no words for this element."})
		}
		if len(not) > 0 {
			blocks = append(blocks, Block{Kind: Paragraph, Lead: "Not found in this group's practice:", Text: mapmodel.JoinAnd(not) + "."})
		}
		if n := text(st.Notes); n != "" {
			blocks = append(blocks, Block{Kind: Label, Text: "Discussion notes"}, Block{Kind: Paragraph, Text: n})
		} else {
			blocks = append(blocks, Block{Kind: Paragraph, Tone: Quiet, Text: "No discussion notes were recorded."})
		}
	}
	return blocks
}

// elementStatus is "Agreed on 14 March 2026 · 12 minutes spent". The day
// is the workshop's when the session has one, since the room agreed at the
// workshop even when the agreement was typed in later; else the day it was
// recorded.
func elementStatus(st data.ElementState, workshop string) string {
	s := "Not yet agreed"
	if st.AgreedAt != nil {
		day := st.AgreedAt.UTC().Format("2 January 2006")
		if _, err := time.Parse(time.DateOnly, workshop); err == nil {
			day = mapmodel.DateWords(workshop)
		}
		s = "Agreed on " + day
	}
	return s + " · " + Duration(st.Seconds)
}

// Duration says how long an element took, in whole minutes: "1 minute",
// "12 minutes", "under a minute", or "no time recorded".
func Duration(seconds int) string {
	switch {
	case seconds <= 0:
		return "no time recorded"
	case seconds < 60:
		return "under a minute spent"
	}
	mins := int((time.Duration(seconds)*time.Second + 30*time.Second) / time.Minute)
	if mins == 1 {
		return "1 minute spent"
	}
	return fmt.Sprintf("%d minutes spent", mins)
}

func capitalise(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
