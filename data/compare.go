package data

// Comparing sessions: what moved between a session and its follow-up, and
// how many of several sessions (groups at one training day, say) shaded
// each doing word. Pure arithmetic over records: no I/O, no drawing.

// Move is how a word's shading changed from one session to another.
type Move int

// The three moves. Up means more of the practice is seen.
const (
	MoveSame Move = iota
	MoveUp
	MoveDown
)

// String gives the move as a script reads it: same, up or down.
func (m Move) String() string {
	switch m {
	case MoveUp:
		return "up"
	case MoveDown:
		return "down"
	}
	return "same"
}

// Label is the move in words for a page or screen.
func (m Move) Label() string {
	switch m {
	case MoveUp:
		return "Moved up"
	case MoveDown:
		return "Moved down"
	}
	return "Same"
}

// MarshalText writes a Move as its word, so JSON reads "up", not 1.
func (m Move) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// WordChange is one doing word compared across two sessions.
type WordChange struct {
	WordID  string `json:"id"`
	Label   string `json:"label"`
	Element string `json:"element"` // element code
	From    Shade  `json:"from"`
	To      Shade  `json:"to"`
	Move    Move   `json:"move"`
}

// ElementChanges counts the moves within one element.
type ElementChanges struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Up   int    `json:"up"`
	Down int    `json:"down"`
	Same int    `json:"same"`
}

// Changed is how many of the element's words moved, either way.
func (e ElementChanges) Changed() int { return e.Up + e.Down }

// PairComparison is two sessions compared word by word, in the
// framework's order.
type PairComparison struct {
	Words    []WordChange     `json:"words"`
	Elements []ElementChanges `json:"elements"`
	Up       int              `json:"up"`
	Down     int              `json:"down"`
	Same     int              `json:"same"`
}

// Changed is how many words moved, either way.
func (p PairComparison) Changed() int { return p.Up + p.Down }

// Word returns the change of one word.
func (p PairComparison) Word(id string) (WordChange, bool) {
	for _, w := range p.Words {
		if w.WordID == id {
			return w, true
		}
	}
	return WordChange{}, false
}

// level is a word's shading in r, with a missing record or an unknown level
// read as not shaded, so odd input never stops a comparison.
func level(r *Record, id string) Shade {
	if r == nil {
		return ShadeNone
	}
	l := r.Word(id).Level
	if !l.Valid() {
		return ShadeNone
	}
	return l
}

// ComparePair compares before with after (for example a session and its
// follow-up): per word, whether its shading moved up, down or stayed the
// same, and the number of moves per element. A nil record counts as one
// with nothing shaded.
func ComparePair(fw *Framework, before, after *Record) PairComparison {
	p := PairComparison{Words: []WordChange{}, Elements: []ElementChanges{}}
	if fw == nil {
		return p
	}
	for _, e := range fw.Elements {
		ec := ElementChanges{Code: e.Code, Name: e.Name}
		for _, w := range e.Words {
			c := WordChange{WordID: w.ID, Label: w.Label, Element: e.Code, From: level(before, w.ID), To: level(after, w.ID)}
			switch {
			case c.To > c.From:
				c.Move = MoveUp
				ec.Up++
			case c.To < c.From:
				c.Move = MoveDown
				ec.Down++
			default:
				ec.Same++
			}
			p.Words = append(p.Words, c)
		}
		p.Up += ec.Up
		p.Down += ec.Down
		p.Same += ec.Same
		p.Elements = append(p.Elements, ec)
	}
	return p
}

// WordHeat is how many of several sessions shaded one doing word.
type WordHeat struct {
	WordID   string `json:"id"`
	Label    string `json:"label"`
	Element  string `json:"element"` // element code
	Shaded   int    `json:"shaded"`  // sessions that shaded it fully
	Partly   int    `json:"partly"`  // sessions that shaded it in part
	None     int    `json:"none"`    // sessions that left it unshaded
	Sessions int    `json:"sessions"`
	Percent  int    `json:"percent"` // Shaded as a whole-number percentage of Sessions
	// PercentAny counts partly shaded sessions too.
	PercentAny int `json:"percent_any"`
}

// ElementHeat is one element's words in a heat map.
type ElementHeat struct {
	Code  string     `json:"code"`
	Name  string     `json:"name"`
	Words []WordHeat `json:"words"`
}

// Heat is two or more sessions compared: per word, how many shaded it.
type Heat struct {
	Sessions int           `json:"sessions"`
	Elements []ElementHeat `json:"elements"`
}

// Word returns the heat of one word.
func (h Heat) Word(id string) (WordHeat, bool) {
	for _, e := range h.Elements {
		for _, w := range e.Words {
			if w.WordID == id {
				return w, true
			}
		}
	}
	return WordHeat{}, false
}

// Percent is n as a whole-number percentage of total, rounded half up;
// 0 when total is 0.
func Percent(n, total int) int {
	if total <= 0 {
		return 0
	}
	return (200*n + total) / (2 * total)
}

// CompareMany counts, per word, how many of recs shaded it fully, in part
// or not at all. Nil records are skipped.
func CompareMany(fw *Framework, recs []*Record) Heat {
	h := Heat{Elements: []ElementHeat{}}
	if fw == nil {
		return h
	}
	var rs []*Record
	for _, r := range recs {
		if r != nil {
			rs = append(rs, r)
		}
	}
	h.Sessions = len(rs)
	for _, e := range fw.Elements {
		eh := ElementHeat{Code: e.Code, Name: e.Name, Words: []WordHeat{}}
		for _, w := range e.Words {
			wh := WordHeat{WordID: w.ID, Label: w.Label, Element: e.Code, Sessions: len(rs)}
			for _, r := range rs {
				switch level(r, w.ID) {
				case ShadeShaded:
					wh.Shaded++
				case ShadePartly:
					wh.Partly++
				default:
					wh.None++
				}
			}
			wh.Percent = Percent(wh.Shaded, wh.Sessions)
			wh.PercentAny = Percent(wh.Shaded+wh.Partly, wh.Sessions)
			eh.Words = append(eh.Words, wh)
		}
		h.Elements = append(h.Elements, eh)
	}
	return h
}
