package mapmodel

import (
	"fmt"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
)

// Meaning says what a shading level means, in the research's sense: groups
// shaded the doing words that applied to their practice. Never "hidden" or
// "not seen": an unshaded word is one the group did not find in its practice.
func Meaning(s data.Shade) string {
	switch s {
	case data.ShadeShaded:
		return "found in this group's practice"
	case data.ShadePartly:
		return "found in part"
	}
	return "not found in this group's practice"
}

// The map's two labels at the waterline, the same on screen, on paper and
// in the pictures: the tip holds the count of practices found; under the
// water stand the elements' doing words, found or not. Neither says
// "hidden" or "below the surface", which would give an unshaded word a
// meaning the research does not.
const (
	TipLabel = "THE TIP: PRACTICES FOUND"
	SeaLabel = "THE FIVE ELEMENTS AND THEIR DOING WORDS"
)

// LevelWords is a level as a table or a screen reader gives it:
// "Shaded: found in this group's practice".
func LevelWords(s data.Shade) string {
	if !s.Valid() {
		s = data.ShadeNone
	}
	return s.Label() + ": " + Meaning(s)
}

// AltTitle is the map's short text alternative, for an image's title or a
// picture's alt text: "PPEI iceberg map of the Governing Body: 9 of 22
// practices shaded, 4 partly".
func AltTitle(m Model) string {
	who := "a community of practice"
	if m.Community != "" {
		who = "the " + m.Community
		if strings.HasPrefix(strings.ToLower(m.Community), "the ") {
			who = m.Community
		}
	}
	return "PPEI iceberg map of " + who + ": " + m.CountLine
}

// AltText is the map's full text alternative: what the picture shows, then
// each element's doing words with their levels in words, in the order the
// columns read. It is what a screen reader reads in place of the drawing,
// and what the command line prints beside a PNG or SVG of the map.
func AltText(m Model) string {
	var b strings.Builder
	b.WriteString(AltTitle(m) + ".")
	if m.Draft {
		fmt.Fprintf(&b, " Draft: %d of %d elements agreed.", m.Agreed, len(m.Columns))
	}
	b.WriteString(" An iceberg: above the waterline, the count of practices shaded; below it, one column of doing words for each element of the PPEI framework.")
	b.WriteString(" Shaded means " + Meaning(data.ShadeShaded) + "; partly means " + Meaning(data.ShadePartly) + "; not shaded means " + Meaning(data.ShadeNone) + ".")
	for _, c := range m.Columns {
		byLevel := map[data.Shade][]string{}
		for _, w := range c.Words {
			byLevel[w.Level] = append(byLevel[w.Level], w.Label)
		}
		var parts []string
		for _, l := range []data.Shade{data.ShadeShaded, data.ShadePartly, data.ShadeNone} {
			if ws := byLevel[l]; len(ws) > 0 {
				parts = append(parts, strings.ToLower(l.Label())+" "+JoinAnd(ws))
			}
		}
		agreed := "not yet agreed"
		if c.Agreed {
			agreed = "agreed"
		}
		fmt.Fprintf(&b, " %s (%s, %s): %s.", c.Name, c.Code, agreed, strings.Join(parts, "; "))
	}
	return b.String()
}

// JoinAnd lists items as a sentence does: "a", "a and b", "a, b and c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
