// Package mapmodel turns a session into the iceberg map's content and
// geometry, without drawing anything. The PDF writer and the on-screen
// review share it, so the order, labels, levels, legend and shape on paper
// and on screen are the same.
package mapmodel

import (
	"fmt"
	"strings"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// Model is what the iceberg map shows for one session.
type Model struct {
	Title        string   // session title
	Community    string   // community of practice
	Organisation string   // organisation, or ""
	Date         string   // meeting date in words ("14 March 2026"), or ""
	Lines        []string // community, organisation and date lines, in print order
	Columns      []Column // the elements, in the research's order
	Total        int      // number of doing words
	Shaded       int      // words fully shaded
	Partly       int      // words partly shaded
	CountLine    string   // e.g. "9 of 22 practices shaded, 4 partly"
	Legend       []LegendEntry
	Agreed       int  // elements agreed
	Draft        bool // not every element agreed yet
	Citation     string
}

// Column is one element's column under the waterline.
type Column struct {
	Code       string
	Name       string
	Definition string
	Agreed     bool
	Words      []Cell
}

// Cell is one doing word in a column.
type Cell struct {
	ID    string
	Label string
	Level data.Shade
	Note  string
	Index int // position within its element, from 0
}

// LegendEntry explains how one level looks.
type LegendEntry struct {
	Level       data.Shade
	Label       string // "Shaded"
	Description string // how the cell looks, in words
}

// Legend lists the three levels, strongest first, as the key shows them,
// in the research's sense: the groups shaded the doing words that applied
// to their practice, so an unshaded word is one not found there.
func Legend() []LegendEntry {
	return []LegendEntry{
		{data.ShadeShaded, data.ShadeShaded.Label(), "dark cell, white tick in a circle: " + Meaning(data.ShadeShaded)},
		{data.ShadePartly, data.ShadePartly.Label(), "light cell with diagonal lines, half-filled circle: " + Meaning(data.ShadePartly)},
		{data.ShadeNone, data.ShadeNone.Label(), "white cell, empty circle: " + Meaning(data.ShadeNone)},
	}
}

// Build gathers the map's content for a session.
func Build(fw *data.Framework, r *data.Record) Model {
	m := Model{
		Title:        strings.TrimSpace(r.Title),
		Community:    strings.TrimSpace(r.Community),
		Organisation: strings.TrimSpace(r.Organisation),
		Date:         DateWords(r.MeetingDate),
		Legend:       Legend(),
		Citation:     fw.Source.Citation,
	}
	if m.Community != "" {
		m.Lines = append(m.Lines, "Community of practice: "+m.Community)
	}
	if m.Organisation != "" {
		m.Lines = append(m.Lines, "Organisation: "+m.Organisation)
	}
	if m.Date != "" {
		m.Lines = append(m.Lines, "Workshop date: "+m.Date)
	}
	for _, e := range fw.Elements {
		st := r.Element(e.Code)
		c := Column{Code: e.Code, Name: e.Name, Definition: e.Definition, Agreed: st.Agreed()}
		if c.Agreed {
			m.Agreed++
		}
		for i, w := range e.Words {
			ws := r.Word(w.ID)
			lvl := ws.Level
			if !lvl.Valid() {
				lvl = data.ShadeNone
			}
			c.Words = append(c.Words, Cell{ID: w.ID, Label: w.Label, Level: lvl, Note: ws.Note, Index: i})
			m.Total++
			switch lvl {
			case data.ShadeShaded:
				m.Shaded++
			case data.ShadePartly:
				m.Partly++
			}
		}
		m.Columns = append(m.Columns, c)
	}
	m.Draft = m.Agreed < len(m.Columns)
	m.CountLine = CountLine(m.Shaded, m.Partly, m.Total)
	return m
}

// CountLine says how many practices are shaded: "9 of 22 practices shaded, 4 partly".
func CountLine(shaded, partly, total int) string {
	s := fmt.Sprintf("%d of %d practices shaded", shaded, total)
	if partly > 0 {
		s += fmt.Sprintf(", %d partly", partly)
	}
	return s
}

// DateWords writes a YYYY-MM-DD date as "14 March 2026"; anything else is
// returned trimmed, as typed.
func DateWords(s string) string {
	s = strings.TrimSpace(s)
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}
