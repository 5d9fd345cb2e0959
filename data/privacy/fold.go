// Package privacy finds the people and the personal data named in a
// session and makes the public version of it. It works on people as
// records, not on words: a word is withheld only because it is (part of)
// the name of someone the session lists, or because it is personal data
// such as an NHS number. Writers never decide about people themselves:
// they are handed the record Public returns.
package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter and a mark.
var foldLetters = strings.NewReplacer(
	"ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D", "ð", "d", "Ð", "D",
	"ß", "ss", "ẞ", "SS", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE", "ı", "i",
	"þ", "th", "Þ", "Th", "ħ", "h", "Ħ", "H", "ŀ", "l", "Ŀ", "L",
)

// fold is how two spellings of a name are compared: canonical composition
// undone, accents dropped, letters with a stroke taken to their base
// letter, every apostrophe the same, lower case.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.Map(func(r rune) rune {
			if r == '`' {
				return '\''
			}
			return unicode.ToLower(r)
		}, s)
	}
	if !norm.NFD.IsNormalString(s) {
		s = norm.NFD.String(s)
	}
	s = foldLetters.Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Mn, r):
			return -1
		case isApostrophe(r):
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´', '′':
		return true
	}
	return false
}

func isHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// token is one word of a text, found on the text as written.
type token struct {
	start, end int    // bytes of the word in the text, a possessive 's left out
	key        string // folded, for comparing with name parts
	keyFull    string // folded with the possessive kept
}

// tokenise splits s into words: runs of letters, marks and digits, with an
// apostrophe of any style kept inside a word (O’Neill). Hyphens separate
// words, so each part of Mary-Jane is a word of its own.
func tokenise(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		lastApos := -1
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if isApostrophe(r) && i+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(r2) && i > start {
					lastApos = i
					i += n
					continue
				}
			}
			break
		}
		t := token{start: start, end: i, keyFull: fold(s[start:i])}
		t.key = t.keyFull
		if lastApos > 0 {
			_, an := utf8.DecodeRuneInString(s[lastApos:])
			if rest := s[lastApos+an : i]; rest == "s" || rest == "S" {
				t.end = lastApos
				t.key = fold(s[start:lastApos])
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// casing of a word as written.
type casing int

const (
	caseLower casing = iota // starts with a small letter: an ordinary word
	caseTitle               // starts with a capital, not all capitals
	caseUpper               // all capitals (two letters or more)
	caseOther               // starts with a digit
)

func caseOf(w string) casing {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(first) {
		return caseOther
	}
	if unicode.IsLower(first) {
		return caseLower
	}
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 1 && upper == letters {
		return caseUpper
	}
	return caseTitle
}
