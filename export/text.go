package export

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"github.com/ppei-iceberg/iceberg/resources"
)

// glyphs records which runes of the Basic Multilingual Plane the embedded
// font can draw. gofpdf prints a missing glyph as an empty box without an
// error, and indexes its width table by rune, so anything outside that
// table would panic: such runes are replaced before they reach it.
var (
	glyphsOnce sync.Once
	glyphs     []bool
)

func fontHas(r rune) bool {
	glyphsOnce.Do(func() {
		glyphs = make([]bool, 0x10000)
		f, err := sfnt.Parse(resources.FontRegular)
		if err != nil {
			// Without the table, keep to what Noto Sans surely has.
			for r := rune(0x20); r < 0x250; r++ {
				glyphs[r] = true
			}
			return
		}
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0x10000; r++ {
			if i, err := f.GlyphIndex(&buf, r); err == nil && i != 0 {
				glyphs[r] = true
			}
		}
	})
	return r >= 0 && r < 0x10000 && glyphs[r]
}

// clean makes typed text safe to print: tabs become spaces, other control
// characters go, and characters the font lacks print as "?" rather than as
// an empty box.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == '\n' || (r >= 0x20 && r < 0x7f) {
			continue
		}
		ok = false
		break
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteString("    ")
		case r == '\u00a0':
			b.WriteRune(' ')
		case unicode.IsControl(r), r == '\ufeff', r == '\u200b':
		case fontHas(r):
			b.WriteRune(r)
		default:
			b.WriteRune('?')
		}
	}
	return b.String()
}

// withheld replaces a name in the public version.
const withheld = "[name withheld]"

// redactor removes known names from free text for the public version: each
// full name, and each part of it two letters or longer, matched whole and in
// any case. It is deliberately greedy: a public board paper that withholds a
// word too many is better than one that names someone.
type redactor struct{ re *regexp.Regexp }

func newRedactor(names []string) *redactor {
	seen := map[string]bool{}
	var parts []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len([]rune(s)) < 2 || seen[strings.ToLower(s)] {
			return
		}
		seen[strings.ToLower(s)] = true
		parts = append(parts, s)
	}
	for _, n := range names {
		add(n)
		for _, p := range strings.FieldsFunc(n, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
			add(strings.Trim(p, ".()"))
		}
	}
	if len(parts) == 0 {
		return &redactor{}
	}
	// Longest first, so a full name goes as one.
	sort.Slice(parts, func(i, j int) bool {
		if len(parts[i]) != len(parts[j]) {
			return len(parts[i]) > len(parts[j])
		}
		return parts[i] < parts[j]
	})
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return &redactor{re: regexp.MustCompile(`(?i)` + strings.Join(parts, "|"))}
}

func (x *redactor) apply(s string) string {
	if x == nil || x.re == nil || s == "" {
		return s
	}
	locs := x.re.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		if !wordEdge(s, l[0], true) || !wordEdge(s, l[1], false) {
			continue
		}
		b.WriteString(s[last:l[0]])
		b.WriteString(withheld)
		last = l[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// wordEdge reports whether position i of s is the start (or end) of a word:
// the neighbouring rune is not a letter or digit.
func wordEdge(s string, i int, start bool) bool {
	var r rune
	if start {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i >= len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
