package data

import (
	"fmt"
	"strconv"
	"strings"
)

// Field is what one undoable change alters. Its value is the name the
// history stores, so it must never change.
type Field string

// The fields the history records.
const (
	FieldShade        Field = "shade"         // a word's level: ShadeText
	FieldWordNote     Field = "word_note"     // a word's note
	FieldElementNotes Field = "element_notes" // an element's discussion notes
	FieldAgreed       Field = "agreed"        // when an element was agreed; "" for not agreed
	FieldSummary      Field = "summary"       // the session's summary
	FieldTally        Field = "tally"         // a word's tally: CountText
	FieldTallyOf      Field = "tally_of"      // people in the tally: CountText
	FieldCover        Field = "cover"         // a cover sheet field; the target is its CoverField key
)

// OnWord reports whether the field's target is a doing word (else an
// element, or nothing).
func (f Field) OnWord() bool { return f == FieldShade || f == FieldWordNote || f == FieldTally }

// ShadeText is a level as the history stores it.
func ShadeText(s Shade) string { return strconv.Itoa(int(s)) }

// ParseShadeText reads a level as the history stores it.
func ParseShadeText(v string) (Shade, error) {
	n, err := strconv.Atoi(v)
	if err != nil || !Shade(n).Valid() {
		return ShadeNone, fmt.Errorf("bad level %q in the history", v)
	}
	return Shade(n), nil
}

// CountText is a count as the history stores it: "" for none.
func CountText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// ParseCountText reads a count as the history stores it.
func ParseCountText(v string) (*int, error) {
	if v == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil, fmt.Errorf("bad count %q in the history", v)
	}
	return &n, nil
}

// Describe says in plain words what the change altered and, for shading
// and agreement, where it now stands: after an undo (undone) the value is
// Before, otherwise After. The window and the command line both use it.
func (c Change) Describe(fw *Framework, undone bool) string {
	now := c.After
	if undone {
		now = c.Before
	}
	name := c.Target
	if w, ok := fw.Word(c.Target); ok {
		name = w.Label
	} else if e, ok := fw.Element(c.Target); ok {
		name = e.Name
	}
	switch c.Field {
	case FieldShade:
		level, err := ParseShadeText(now)
		if err != nil {
			return "the shading of " + name
		}
		return fmt.Sprintf("the shading of %s (now %s)", name, strings.ToLower(level.Label()))
	case FieldWordNote:
		return "the note on " + name
	case FieldElementNotes:
		return "the discussion notes for " + name
	case FieldAgreed:
		if now != "" {
			return name + " agreed"
		}
		return name + " not agreed"
	case FieldSummary:
		return "the summary"
	case FieldTally:
		return "the count of own views for " + name
	case FieldTallyOf:
		return "the number of people taking part in the tally"
	case FieldCover:
		if f, ok := FindCoverField(c.Target); ok {
			return "the cover sheet's " + f.Label
		}
		return "the cover sheet"
	}
	return "the last change"
}
