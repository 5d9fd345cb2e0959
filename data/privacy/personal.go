package privacy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a piece of personal data found in a text.
type span struct {
	start, end int
	kind       Kind
}

// personalData finds NHS numbers, email addresses, UK phone numbers,
// postcodes and dates of birth in s, in order, never overlapping.
func personalData(s string) []span {
	var out []span
	taken := func(a, b int) bool {
		for _, x := range out {
			if a < x.end && b > x.start {
				return true
			}
		}
		return false
	}
	add := func(a, b int, k Kind) {
		if a < b && !taken(a, b) {
			out = append(out, span{a, b, k})
		}
	}
	hasDigit := strings.ContainsAny(s, "0123456789")
	var emails [][]int
	if strings.Contains(s, "@") {
		emails = emailRE.FindAllStringIndex(s, -1)
	}
	for _, m := range emails {
		a, b := m[0], m[1]
		for a < b && (s[a] == '.' || s[a] == '-') {
			a++
		}
		for b > a && (s[b-1] == '.' || s[b-1] == '-') {
			b--
		}
		if !strings.Contains(s[a:b], "@") || strings.HasPrefix(s[a:b], "@") {
			continue
		}
		add(a, b, KindEmail)
	}
	if !hasDigit {
		sortSpans(out)
		return out
	}
	if low := strings.ToLower(s); strings.Contains(low, "birth") || strings.Contains(low, "born") || strings.Contains(low, "d.o.b") || strings.Contains(low, "dob") {
		for _, m := range birthRE.FindAllStringSubmatchIndex(s, -1) {
			add(m[2], m[3], KindBirth)
		}
	}
	for _, m := range nhsRE.FindAllStringSubmatchIndex(s, -1) {
		if !digitEdge(s, m[0], m[1]) || s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue
		}
		digits := s[m[2]:m[3]] + s[m[6]:m[7]] + s[m[10]:m[11]]
		if ValidNHSNumber(digits) {
			add(m[0], m[1], KindNHS)
		}
	}
	for _, p := range phones(s) {
		add(p[0], p[1], KindPhone)
	}
	for _, m := range postcodeRE.FindAllStringIndex(s, -1) {
		pc := s[m[0]:m[1]]
		if pc != strings.ToUpper(pc) && pc != strings.ToLower(pc) {
			continue // Mixed case is a word, not a postcode.
		}
		add(m[0], m[1], KindPostcode)
	}
	sortSpans(out)
	return out
}

func sortSpans(s []span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].start < s[j-1].start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

var (
	emailRE = regexp.MustCompile(`[\p{L}\p{N}._%+'’-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`)
	nhsRE   = regexp.MustCompile(`(\d{3})([ -]?)(\d{3})([ -]?)(\d{4})`)
	// UK postcodes, as the Royal Mail writes them: outward code, optional
	// space, inward code (a digit and two letters from a restricted set).
	postcodeRE = regexp.MustCompile(`(?i)\b(?:GIR ?0AA|[A-PR-UWYZ](?:[A-HK-Y]\d[A-Z\d]?|\d[A-HJKPS-UW\d]?) ?\d[ABD-HJLNP-UW-Z]{2})\b`)
	monthRE    = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	dateRE     = `(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+` + monthRE + `,?\s+\d{4}|` + monthRE + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`
	birthRE    = regexp.MustCompile(`(?i)\b(?:d\.?o\.?b\.?|date of birth|birth ?date|birthday|born(?: on)?)[\s:,-]*(?:(?:is|was|of|on)\s+)?` + dateRE)
)

// digitEdge reports whether s[a:b] is not part of a longer run of digits.
func digitEdge(s string, a, b int) bool {
	if a > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:a]); unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[b:]); unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// ValidNHSNumber reports whether ten digits make an NHS number: the check
// digit is 11 minus the sum of the first nine, weighted 10 down to 2,
// modulo 11 (11 counts as 0; 10 makes no valid number).
func ValidNHSNumber(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 {
		return false
	}
	return digits[9] == byte('0'+check)
}

// phones finds UK telephone numbers: +44, 0044 or 0, then digits in the
// usual groupings, ten or eleven digits in all once +44 is read as 0.
func phones(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '+' && c != '0' && c != '(' {
			continue
		}
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) || r == '+' || r == '.' || r == '/' {
				continue
			}
		}
		end, digits := phoneAt(s, i)
		if end < 0 || !ukNumber(digits) {
			continue
		}
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

// phoneAt reads a candidate number from s[i:], returning its end and its
// digits with an international prefix read as 0.
func phoneAt(s string, i int) (int, string) {
	j := i
	var digits strings.Builder
	switch {
	case strings.HasPrefix(s[j:], "+44"):
		j += 3
		digits.WriteByte('0')
		rest := strings.TrimLeft(s[j:], " ")
		if strings.HasPrefix(rest, "(0)") {
			j = len(s) - len(rest) + 3
		}
	case strings.HasPrefix(s[j:], "0044"):
		j += 4
		digits.WriteByte('0')
	case s[j] == '(':
		if !strings.HasPrefix(s[j:], "(0") {
			return -1, ""
		}
		j++
	}
	end := -1
	for j < len(s) && digits.Len() < 11 {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			digits.WriteByte(c)
			j++
			end = j
		case (c == ' ' || c == '-' || c == ')' || c == '(') && j+1 < len(s):
			next := s[j+1]
			if c == ')' && next == ' ' && j+2 < len(s) {
				next = s[j+2]
			}
			if next < '0' || next > '9' {
				j = len(s)
				continue
			}
			j++
		default:
			j = len(s)
		}
	}
	if end < 0 {
		return -1, ""
	}
	if end < len(s) && s[end] >= '0' && s[end] <= '9' {
		return -1, "" // More digits follow: not a phone number.
	}
	return end, digits.String()
}

func ukNumber(d string) bool {
	if len(d) < 10 || d[0] != '0' {
		return false
	}
	switch d[1] {
	case '1', '2', '3', '5', '7', '8', '9':
	default:
		return false
	}
	if len(d) == 11 {
		return true
	}
	// Ten digits: some area codes (016977) and freephone numbers.
	return d[1] == '1' || strings.HasPrefix(d, "0800") || strings.HasPrefix(d, "0500")
}
