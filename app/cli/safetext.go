package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Stored text is printed so that it can never steer the terminal: escape
// sequences (ESC), bells, carriage returns that overwrite a line, and the
// other control characters are shown as \x1b, \a, \r and so on.

// escapeControl writes r visibly when it is a control character.
func escapeControl(b *strings.Builder, r rune, keepLines bool) {
	switch {
	case keepLines && (r == '\n' || r == '\t'):
		b.WriteRune(r)
	case r == '\a':
		b.WriteString(`\a`)
	case r == '\b':
		b.WriteString(`\b`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\t':
		b.WriteString(`\t`)
	case r < 0x20 || r == 0x7f:
		fmt.Fprintf(b, `\x%02x`, r)
	case r >= 0x80 && r <= 0x9f: // C1 controls: U+009B is CSI to many terminals
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		b.WriteRune(r)
	}
}

func safeText(s string, keepLines bool) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[0])
		} else {
			escapeControl(&b, r, keepLines)
		}
		s = s[n:]
	}
	return b.String()
}

// terminalWriter escapes control characters in everything written to it,
// keeping line breaks and tabs.
type terminalWriter struct{ w io.Writer }

func (t terminalWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, safeText(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
