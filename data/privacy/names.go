package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// status of one word of a text against the people a session names.
type status int

const (
	notName  status = iota
	review          // may be a name: listed for a person to decide, kept meanwhile
	withhold        // written as a name
)

type ref struct {
	person int
	part   part
}

// index maps each folded name part to the people it belongs to.
type index struct {
	people []Person
	parts  map[string][]ref
}

func newIndex(people []Person) *index {
	x := &index{people: people, parts: map[string][]ref{}}
	for i, p := range people {
		for _, pt := range parts(p.Name) {
			x.parts[pt.key] = append(x.parts[pt.key], ref{person: i, part: pt})
		}
	}
	return x
}

// nameHit is a run of words of a text that names one or more people.
type nameHit struct {
	start, end int
	status     status
	people     []int // who it may name
	ordinary   bool  // at least one word is also an ordinary word
}

// names finds the people named in s. Words inside the spans in skip
// (personal data such as an email address) are not looked at.
func (x *index) names(s string, skip []span) []nameHit {
	if len(x.parts) == 0 {
		return nil
	}
	toks := tokenise(s)
	type word struct {
		who      map[int]status
		ordinary bool
	}
	words := make([]word, len(toks))
	inSkip := func(t token) bool {
		for _, sp := range skip {
			if t.start < sp.end && t.end > sp.start {
				return true
			}
		}
		return false
	}
	for i, t := range toks {
		refs := x.parts[t.key]
		if len(refs) == 0 && t.keyFull != t.key {
			refs = x.parts[t.keyFull]
		}
		if len(refs) == 0 || inSkip(t) {
			continue
		}
		w := word{who: map[int]status{}}
		c := caseOf(s[t.start:t.end])
		ctx := x.context(s, toks, i)
		for _, r := range refs {
			st := notName
			switch {
			case r.part.ordinary:
				w.ordinary = true
				switch {
				case c == caseTitle && (ctx.nameBefore || t.key != t.keyFull):
					st = withhold // Dr Hope; Will's
				case c == caseTitle && !ctx.sentenceStart && !ctx.thing:
					st = withhold
				case c == caseTitle || c == caseUpper:
					st = review
				}
			case r.part.short:
				switch {
				case c == caseTitle && !ctx.thing:
					st = withhold
				case c == caseTitle || c == caseUpper:
					st = review
				}
			default:
				st = withhold
				if ctx.thing && c != caseLower {
					st = review
				} else if ctx.thing {
					st = notName
				}
			}
			if st > w.who[r.person] {
				w.who[r.person] = st
			}
		}
		words[i] = w
	}
	// A capitalised word next to a word withheld for the same person is
	// part of that name too: "Will Hope" at the start of a sentence,
	// "JULIE MARSH" in capitals.
	for changed := true; changed; {
		changed = false
		for i := range toks {
			for p, st := range words[i].who {
				if st != review {
					continue
				}
				for _, j := range []int{i - 1, i + 1} {
					if j < 0 || j >= len(toks) || words[j].who[p] != withhold || !joined(s, toks, min(i, j)) {
						continue
					}
					words[i].who[p] = withhold
					changed = true
					break
				}
			}
		}
	}
	var hits []nameHit
	for i, t := range toks {
		w := words[i]
		st := notName
		var who []int
		for p, s := range w.who {
			if s > st {
				st, who = s, nil
			}
			if s == st && s != notName {
				who = append(who, p)
			}
		}
		if st == notName {
			continue
		}
		sortInts(who)
		if n := len(hits); n > 0 && hits[n-1].status == st && joined(s, toks, i-1) && hits[n-1].end == toks[i-1].end && overlap(hits[n-1].people, who) {
			h := &hits[n-1]
			h.end = t.end
			h.people = union(h.people, who)
			h.ordinary = h.ordinary || w.ordinary
			continue
		}
		hits = append(hits, nameHit{start: t.start, end: t.end, status: st, people: who, ordinary: w.ordinary})
	}
	return hits
}

// wordContext is what the words around a word say about it.
type wordContext struct {
	sentenceStart bool // first word of a sentence, line or list item
	nameBefore    bool // after an honorific (Dr Hope)
	thing         bool // a place, a date or a thing (Hope Street, 12 April, the Bill, St Mary's)
}

func (x *index) context(s string, toks []token, i int) wordContext {
	var c wordContext
	if i == 0 {
		c.sentenceStart = true
	} else {
		gap := s[toks[i-1].end:toks[i].start]
		prev := toks[i-1].keyFull
		if strings.ContainsAny(gap, ".!?:;•\n") {
			c.sentenceStart = true
		}
		if honorifics[prev] && !strings.ContainsAny(gap, "!?:;•\n") {
			c.nameBefore, c.sentenceStart = true, false
		}
		if determiners[prev] && !strings.ContainsAny(gap, ".!?:;\n") {
			c.thing = true
		}
		if prev == "st" || prev == "saint" {
			c.thing = true
		}
		if months[toks[i].key] && caseOf(s[toks[i-1].start:toks[i-1].end]) == caseOther {
			c.thing = true
		}
	}
	if i+1 < len(toks) {
		next := toks[i+1]
		gap := s[toks[i].end:next.start]
		if !strings.ContainsAny(gap, ".!?:;\n") {
			if placeAfter[next.key] && caseOf(s[next.start:next.end]) != caseLower {
				c.thing = true
			}
			if months[toks[i].key] && caseOf(s[next.start:next.end]) == caseOther {
				c.thing = true
			}
		}
	}
	return c
}

// joined reports whether words i and i+1 are written together as one name:
// only spaces, a hyphen or an apostrophe between them, on one line.
func joined(s string, toks []token, i int) bool {
	if i < 0 || i+1 >= len(toks) {
		return false
	}
	gap := s[toks[i].end:toks[i+1].start]
	if gap == "" || strings.Count(gap, "\n") > 0 || utf8.RuneCountInString(gap) > 3 {
		return false
	}
	for _, r := range gap {
		if !unicode.IsSpace(r) && !isHyphen(r) && !isApostrophe(r) {
			return false
		}
	}
	return true
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func overlap(a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func union(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, y := range b {
		found := false
		for _, x := range out {
			found = found || x == y
		}
		if !found {
			out = append(out, y)
		}
	}
	sortInts(out)
	return out
}
