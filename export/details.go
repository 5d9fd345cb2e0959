package export

import (
	"fmt"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// The cover sheet, in the form of a governing body paper.
func (d *doc) cover() {
	p := d.pdf
	p.AddPage()
	c := d.r.Cover
	d.font("B", 9)
	d.color(muted)
	org := d.text(d.r.Organisation)
	if org == "" {
		org = "Governing body paper"
	}
	p.MultiCell(d.textW, 4.5, strings.ToUpper(org), "", "L", false)
	p.Ln(2)
	d.font("B", 18)
	d.color(navy)
	p.MultiCell(d.textW, 8, d.text(d.title()), "", "L", false)
	p.Ln(1)
	d.para("PPEI iceberg map: how the "+orDefault(d.text(d.r.Community), "community of practice")+" engages and involves patients and the public", "", 10.5, muted)
	p.Ln(4)

	rows := [][2]string{
		{"Meeting", d.text(c.Meeting)},
		{"Date of meeting", mapmodel.DateWords(c.MeetingDate)},
		{"Agenda item", d.text(c.AgendaItem)},
		{"Author", d.text(c.AuthorPerson().String())},
		{"Presented by", d.text(c.PresenterPerson().String())},
		{"Previously considered by", d.text(c.PreviouslyConsider)},
	}
	d.draw(rule, 0.2)
	labelW := 52.0
	for _, row := range rows {
		if row[1] == "" {
			continue
		}
		d.font("", 10)
		lines := p.SplitText(row[1], d.textW-labelW-4)
		h := float64(len(lines))*lineH + 3
		d.need(h)
		y := p.GetY()
		d.fill(paleFill)
		p.Rect(marginX, y, labelW, h, "F")
		d.font("B", 9.5)
		d.color(navy)
		p.SetXY(marginX+2.5, y+1.5)
		p.CellFormat(labelW-3, lineH, row[0], "", 0, "L", false, 0, "")
		d.font("", 10)
		d.color(ink)
		p.SetXY(marginX+labelW+3, y+1.5)
		p.MultiCell(d.textW-labelW-4, lineH, row[1], "", "L", false)
		p.Line(marginX, y+h, marginX+d.textW, y+h)
		p.SetY(y + h)
	}
	// Purpose: every option shown, the chosen one ticked, as board forms do.
	y := p.GetY()
	h := 11.0
	d.fill(paleFill)
	p.Rect(marginX, y, labelW, h, "F")
	d.font("B", 9.5)
	d.color(navy)
	p.SetXY(marginX+2.5, y+3)
	p.CellFormat(labelW-3, lineH, "Purpose of the paper", "", 0, "L", false, 0, "")
	x := marginX + labelW + 3
	for _, purpose := range data.CoverPurposes {
		chosen := strings.EqualFold(purpose, c.Purpose)
		box := 3.6
		d.draw(ink, 0.3)
		p.Rect(x, y+3.7, box, box, "D")
		if chosen {
			d.fill(navy)
			p.Rect(x, y+3.7, box, box, "F")
			tick(p, x+box/2, y+3.7+box/2, box*0.42, white)
		}
		d.font(map[bool]string{true: "B", false: ""}[chosen], 9.5)
		d.color(ink)
		label := capitalise(purpose)
		p.SetXY(x+box+1.5, y+3)
		p.CellFormat(0, lineH, label, "", 0, "L", false, 0, "")
		x += box + 1.5 + p.GetStringWidth(label) + 4.5
	}
	d.draw(rule, 0.2)
	p.Line(marginX, y+h, marginX+d.textW, y+h)
	p.SetY(y + h + 7)

	blocks := [][2]string{
		{"Executive summary", d.text(c.ExecutiveSummary)},
		{"Recommendations", d.text(c.Recommendations)},
		{"Patient and public involvement", Involvement(&d.r.Session)},
	}
	for _, b := range blocks {
		if b[1] == "" {
			continue
		}
		d.label(b[0])
		d.para(b[1], "", 10.5, ink)
		p.Ln(5)
	}
	d.need(12)
	d.para("The iceberg map follows on the next page, then what the group said about each element, the recommended actions and who took part.", "", 9, muted)
}

// Involvement is the patient and public involvement line from the
// counts, as every board paper prints it: "7 people took part: 2 lay
// representatives and 5 service users."
func Involvement(s *data.Session) string {
	total := s.TotalParticipants()
	if total == 0 {
		return "No participants were recorded for this session."
	}
	var parts []string
	for _, role := range data.Roles {
		if n := s.Count(role); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, role.Plural(n)))
		}
	}
	people := "people"
	if total == 1 {
		people = "person"
	}
	return fmt.Sprintf("%d %s took part: %s.", total, people, mapmodel.JoinAnd(parts))
}

// details writes what the group said about each element.
func (d *doc) details() {
	p := d.pdf
	p.AddPage()
	d.kicker("WHAT THE GROUP SAID", muted)
	p.Ln(1)
	for i, col := range d.m.Columns {
		if i > 0 {
			p.Ln(6)
		}
		d.element(col)
	}
}

func (d *doc) element(col mapmodel.Column) {
	p := d.pdf
	st := d.r.Element(col.Code)
	d.need(40)
	d.elementHeading(col.Code, col.Name, navy, navy, 15)
	status := "Not yet agreed"
	if st.AgreedAt != nil {
		status = "Agreed on " + st.AgreedAt.UTC().Format("2 January 2006")
	}
	mins := st.Minutes()
	switch {
	case st.Seconds <= 0:
		status += " · no time recorded"
	case mins == 1:
		status += " · 1 minute spent"
	default:
		status += fmt.Sprintf(" · %d minutes spent", max(mins, 1))
	}
	d.para(status, "B", 9, muted)
	p.Ln(0.5)
	d.para(capitalise(clean(col.Definition))+".", "", 10, ink)
	p.Ln(3)

	var shown, hidden []mapmodel.Cell
	for _, c := range col.Words {
		if c.Level == data.ShadeNone {
			hidden = append(hidden, c)
		} else {
			shown = append(shown, c)
		}
	}
	d.label("Shaded by the group")
	if len(shown) == 0 {
		d.para("No words were shaded for this element.", "", 10, muted)
	}
	for _, c := range shown {
		d.need(9)
		y := p.GetY()
		mark(p, c.Level, marginX+2.2, y+2.6, 1.9, false)
		d.font("B", 10.5)
		d.color(ink)
		p.SetXY(marginX+6.5, y)
		p.CellFormat(p.GetStringWidth(c.Label)+2, 5.2, c.Label, "", 0, "L", false, 0, "")
		d.font("", 9)
		d.color(muted)
		level := strings.ToLower(c.Level.Label())
		if t := d.tally(c.ID); t != "" {
			level += " · " + t
		}
		p.CellFormat(0, 5.2, level, "", 1, "L", false, 0, "")
		if note := d.text(c.Note); note != "" {
			d.font("", 10)
			d.color(ink)
			p.SetLeftMargin(marginX + 6.5)
			p.SetX(marginX + 6.5)
			p.MultiCell(d.textW-6.5, lineH, note, "", "L", false)
			p.SetLeftMargin(marginX)
		}
		p.Ln(1.5)
	}
	if len(hidden) > 0 {
		var names []string
		for _, c := range hidden {
			// A word the group left unshaded that some shaded on their
			// own is worth seeing: the tally goes with it.
			if t := d.tally(c.ID); t != "" {
				names = append(names, c.Label+" ("+t+")")
				continue
			}
			names = append(names, c.Label)
		}
		p.Ln(1)
		d.para("Not shaded: "+strings.Join(names, ", ")+".", "", 9.5, muted)
	}
	p.Ln(3)
	d.label("Discussion notes")
	notes := d.text(st.Notes)
	if notes == "" {
		d.para("No discussion notes were recorded.", "", 10, muted)
	} else {
		d.para(notes, "", 10, ink)
	}
}

// tally is "4 of 9 people shaded this on their own" for a word with a
// recorded tally, or "".
func (d *doc) tally(wordID string) string {
	return TallyLine(d.r.Word(wordID).Tally, d.r.TallyOf)
}

// TallyLine says how many people shaded a word on their own before the
// group agreed: "4 of 9 people shaded this on their own", or without the
// total when it was not recorded. It is "" when there is no tally.
func TallyLine(count, of *int) string {
	if count == nil || *count < 0 {
		return ""
	}
	n := *count
	if of != nil && *of > 0 && n <= *of {
		people := "people"
		if *of == 1 {
			people = "person"
		}
		return fmt.Sprintf("%d of %d %s shaded this on their own", n, *of, people)
	}
	if n == 1 {
		return "1 person shaded this on their own"
	}
	return fmt.Sprintf("%d people shaded this on their own", n)
}

// closing writes the summary, actions and who took part.
func (d *doc) closing() {
	p := d.pdf
	p.Ln(8)
	d.heading("Summary", 14, 12)
	if s := d.text(d.r.Summary); s != "" {
		d.para(s, "", 10, ink)
	} else {
		d.para("No summary was recorded.", "", 10, muted)
	}
	p.Ln(8)
	d.heading("Recommended actions", 14, 20)
	d.para("What would bring hidden practice to the surface?", "", 9.5, muted)
	p.Ln(2)
	d.actions()
	p.Ln(8)
	d.heading("Who took part", 14, 20)
	d.participants()
}

func (d *doc) actions() {
	if len(d.r.Actions) == 0 {
		d.para("No actions were recorded.", "", 10, muted)
		return
	}
	var rows [][]string
	for _, a := range d.r.Actions {
		el := ""
		if e, ok := d.fw.Element(a.Element); ok && a.Element != "" {
			el = e.Name
		}
		rows = append(rows, []string{d.text(a.Text), d.text(a.Owner), mapmodel.DateWords(a.Due), el})
	}
	w := d.textW
	d.table([]string{"Action", "Owner", "Due", "Element"}, []float64{w * 0.5, w * 0.19, w * 0.14, w * 0.17}, rows)
}

func (d *doc) participants() {
	d.para(Involvement(&d.r.Session), "", 10, ink)
	d.pdf.Ln(3)
	if d.r.TotalParticipants() > 0 {
		var rows [][]string
		head := []string{"Role", "Number"}
		w := d.textW
		widths := []float64{w * 0.6, w * 0.4}
		if d.opt.Names {
			head = append(head, "Names")
			widths = []float64{w * 0.32, w * 0.13, w * 0.55}
		}
		for _, role := range data.Roles {
			n := d.r.Count(role)
			if n == 0 {
				continue
			}
			row := []string{role.Label(), fmt.Sprint(n)}
			if d.opt.Names {
				var names []string
				for _, pp := range d.r.Participants {
					if pp.Role == role {
						names = append(names, pp.Names...)
					}
				}
				row = append(row, clean(strings.Join(names, ", ")))
			}
			rows = append(rows, row)
		}
		d.table(head, widths, rows)
	}
	d.pdf.Ln(2)
	if d.opt.Names {
		if f := clean(strings.TrimSpace(d.r.FacilitatorPerson().String())); f != "" {
			d.para("Facilitated by "+f+".", "", 10, ink)
		}
	} else {
		d.para("This is the public version: names of participants and the facilitator are left out.", "", 9, muted)
	}
}
