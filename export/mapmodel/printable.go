package mapmodel

import (
	"strings"
	"unicode"
)

// The PDF and the map pictures draw text with one embedded font and no
// text shaping: letters are set one after another, left to right. Scripts
// that need shaping (joined or reordered letters, right-to-left lines)
// would print wrong, and a character the font lacks would print as an
// empty box, so each such run of text prints as a visible marker instead,
// never as a silent "?", and the export lists them first (Unprintable in
// export).

// shaped are the scripts that need shaping or right-to-left layout, by the
// name a marker uses.
var shaped = []struct {
	name    string
	scripts []*unicode.RangeTable
}{
	{"Arabic", []*unicode.RangeTable{unicode.Arabic}},
	{"Hebrew", []*unicode.RangeTable{unicode.Hebrew}},
	{"Syriac", []*unicode.RangeTable{unicode.Syriac}},
	{"Thaana", []*unicode.RangeTable{unicode.Thaana}},
	{"Devanagari", []*unicode.RangeTable{unicode.Devanagari}},
	{"Bengali", []*unicode.RangeTable{unicode.Bengali}},
	{"Gurmukhi", []*unicode.RangeTable{unicode.Gurmukhi}},
	{"Gujarati", []*unicode.RangeTable{unicode.Gujarati}},
	{"Odia", []*unicode.RangeTable{unicode.Oriya}},
	{"Tamil", []*unicode.RangeTable{unicode.Tamil}},
	{"Telugu", []*unicode.RangeTable{unicode.Telugu}},
	{"Kannada", []*unicode.RangeTable{unicode.Kannada}},
	{"Malayalam", []*unicode.RangeTable{unicode.Malayalam}},
	{"Sinhala", []*unicode.RangeTable{unicode.Sinhala}},
	{"Thai", []*unicode.RangeTable{unicode.Thai}},
	{"Lao", []*unicode.RangeTable{unicode.Lao}},
	{"Tibetan", []*unicode.RangeTable{unicode.Tibetan}},
	{"Burmese", []*unicode.RangeTable{unicode.Myanmar}},
	{"Khmer", []*unicode.RangeTable{unicode.Khmer}},
	{"Chinese or Japanese", []*unicode.RangeTable{unicode.Han}},
	{"Japanese", []*unicode.RangeTable{unicode.Hiragana, unicode.Katakana}},
	{"Korean", []*unicode.RangeTable{unicode.Hangul}},
}

// Script is what kind of text a rune is when the PDF cannot draw it: a
// script's name ("Arabic"), "emoji", or "symbol" for a character the
// embedded font lacks; "" when it can be drawn. has reports whether the
// font has a glyph for the rune.
func Script(r rune, has func(rune) bool) string {
	if r < 0x300 {
		if has(r) || r < 0x20 {
			return ""
		}
		return "symbol"
	}
	for _, s := range shaped {
		for _, t := range s.scripts {
			if unicode.Is(t, r) {
				return s.name
			}
		}
	}
	if has(r) {
		return ""
	}
	if emoji(r) {
		return "emoji"
	}
	if t := scriptName(r); t != "" {
		return t
	}
	return "symbol"
}

// emoji reports whether r is a pictograph the font lacks: an emoji.
func emoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x2B00 && r <= 0x2BFF,
		r == 0x203C, r == 0x2049, r >= 0x2190 && r <= 0x21FF, r >= 0x2300 && r <= 0x23FF, r == 0x3030, r == 0x303D:
		return true
	}
	return false
}

// scriptName is the Unicode name of r's script, for a letter of a script
// the font lacks ("Cherokee"), or "" for a symbol or a common character.
func scriptName(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	for name, t := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(t, r) {
			return strings.ReplaceAll(name, "_", " ")
		}
	}
	return ""
}

// Marker is what prints in place of a run of text of kind k that a
// medium ("PDF", "picture") cannot draw: "[Arabic text not shown in the PDF]".
func Marker(k, medium string) string {
	switch k {
	case "emoji", "symbol":
		return "[" + k + " not shown in the " + medium + "]"
	}
	return "[" + k + " text not shown in the " + medium + "]"
}

// Run is a stretch of text the PDF cannot draw, as typed.
type Run struct {
	Script string // Script's kind: "Arabic", "emoji", "symbol"
	Text   string // the characters, as typed
}

// glue is a rune that belongs to the text around it and never makes a
// run of its own: combining marks, the joiners and variation selectors.
func glue(r rune) bool {
	return r == 0x200C || r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) ||
		unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
}

// Printable is s with every run that medium ("PDF", "picture") cannot draw
// replaced by its marker, and those runs; s itself and no runs when all of
// it can be drawn. Spaces, digits and punctuation between two runs of one
// script stay in the run, so an Arabic sentence is one marker.
func Printable(s string, has func(rune) bool, medium string) (string, []Run) {
	rs := []rune(s)
	kind := make([]string, len(rs))
	clean := true
	for i, r := range rs {
		switch {
		case glue(r):
			kind[i] = "glue"
		default:
			kind[i] = Script(r, has)
		}
		if kind[i] != "" && (kind[i] != "glue" || !has(r)) {
			clean = false
		}
	}
	if clean {
		return s, nil
	}
	// soft is a character that may sit inside a run between two of its
	// letters: a space, a digit, punctuation.
	soft := func(j int) bool {
		r := rs[j]
		return (kind[j] == "" || kind[j] == "symbol") && (r == ' ' || unicode.IsPunct(r) || unicode.IsDigit(r))
	}
	var b strings.Builder
	var runs []Run
	for i := 0; i < len(rs); {
		k := kind[i]
		switch k {
		case "":
			b.WriteRune(rs[i])
			i++
			continue
		case "glue":
			if has(rs[i]) {
				b.WriteRune(rs[i])
			}
			i++
			continue
		}
		end := i + 1
		for j := end; j < len(rs); {
			if kind[j] == k || kind[j] == "glue" {
				j++
				end = j
				continue
			}
			m := j
			for m < len(rs) && soft(m) {
				m++
			}
			if m > j && m < len(rs) && kind[m] == k {
				j = m
				continue
			}
			break
		}
		// Punctuation the font lacks, right after the run, is the run's own
		// (an Arabic question mark).
		for end < len(rs) && kind[end] == "symbol" && unicode.IsPunct(rs[end]) {
			end++
		}
		runs = append(runs, Run{Script: k, Text: string(rs[i:end])})
		b.WriteString(Marker(k, medium))
		i = end
	}
	return b.String(), runs
}
