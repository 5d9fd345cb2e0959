package app

import (
	"context"
	"fmt"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
)

// The two choices each place in the privacy list offers.
const (
	choiceWithhold = "Withhold"
	choiceKeep     = "Keep"
)

// privacyList is the privacy check shown before a public export: every
// place the session may name a person or hold personal data, each in its
// context with the reason, each with withhold or keep. A choice is
// remembered for the session at once, through remember.
type privacyList struct {
	check    *privacy.Check
	d        privacy.Decisions
	remember func(findingID string, d privacy.Decision) error
	onError  func(error)

	summary *widget.Label
	choices map[string]*radioChoice      // by finding ID
	rows    map[string]fyne.CanvasObject // by finding ID
	scroll  *container.Scroll
	root    fyne.CanvasObject
}

func newPrivacyList(fw *data.Framework, rec *data.Record, d privacy.Decisions, remember func(string, privacy.Decision) error, onError func(error)) *privacyList {
	if d == nil {
		d = privacy.Decisions{}
	}
	p := &privacyList{check: privacy.Find(rec, fw), d: d, remember: remember, onError: onError,
		summary: widget.NewLabel(""), choices: map[string]*radioChoice{}, rows: map[string]fyne.CanvasObject{}}
	p.summary.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	if len(p.check.Findings) == 0 {
		rows.Add(widget.NewLabel("The app finds no name and no personal data in this session."))
	}
	for i, f := range p.check.Findings {
		row := p.row(i+1, f)
		p.rows[f.ID] = row
		rows.Add(row)
		rows.Add(widget.NewSeparator())
	}
	intro := widget.NewLabel("Public outputs follow this list. The author and presenter print on the cover; " +
		"participants' and the facilitator's names and personal data are withheld. Each choice is kept for this session. Enter exports; Esc goes back.")
	intro.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(rows)
	p.root = container.NewBorder(container.NewVBox(intro, p.summary), nil, nil, nil, p.scroll)
	p.update()
	return p
}

// row is one place: where, the text in context (the found words in bold),
// why, and the choice.
func (p *privacyList) row(n int, f privacy.Finding) fyne.CanvasObject {
	head := fmt.Sprintf("%d. %s", n, capitalFirst(f.Place))
	if f.Review {
		head += " · listed for your review"
	}
	context := widget.NewRichText(
		&widget.TextSegment{Text: f.Before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: f.Text, Style: widget.RichTextStyleStrong},
		&widget.TextSegment{Text: f.After, Style: widget.RichTextStyleInline},
	)
	context.Wrapping = fyne.TextWrapWord
	reason := widget.NewLabel(capitalFirst(f.Reason) + ".")
	reason.Wrapping = fyne.TextWrapWord
	choice := newRadioChoice([]string{choiceWithhold, choiceKeep}, nil)
	choice.SetSelected(choiceLabel(p.check.Decide(f, p.d, false)))
	id := f.ID
	choice.OnChanged = func(s string) {
		d := privacy.Keep
		if s == choiceWithhold {
			d = privacy.Withhold
		}
		if p.d[id] == d {
			return
		}
		p.d[id] = d
		if p.remember != nil {
			if err := p.remember(id, d); err != nil && p.onError != nil {
				p.onError(err)
			}
		}
		p.update()
	}
	p.choices[id] = choice
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, nil, choice, container.NewVBox(title, context, reason))
}

func (p *privacyList) update() {
	s := p.check.Summarise(p.d, false)
	p.summary.SetText(fmt.Sprintf("%d places: %s.", len(p.check.Findings), s))
}

// scrollTo brings a place into view.
func (p *privacyList) scrollTo(findingID string) {
	if row, ok := p.rows[findingID]; ok {
		p.scroll.ScrollToOffset(fyne.NewPos(0, row.Position().Y))
	}
}

// choose sets a place's choice as a click would (for tests and keys).
func (p *privacyList) choose(findingID string, d privacy.Decision) {
	if c, ok := p.choices[findingID]; ok {
		c.SetSelected(choiceLabel(d))
	}
}

func choiceLabel(d privacy.Decision) string {
	if d == privacy.Withhold {
		return choiceWithhold
	}
	return choiceKeep
}

func capitalFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// showPrivacyCheck shows the list in a dialog; go runs when the person
// goes on to export, with the decisions as they now stand.
func showPrivacyCheck(win fyne.Window, p *privacyList, what string, goOn func(privacy.Decisions)) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm("Before a public "+what+": who and what it may name", "Export", "Cancel", p.root, func(ok bool) {
		if ok {
			goOn(p.d)
		}
	}, win)
	size := win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width*0.9, 900), size.Height*0.85))
	showOwningButtons(win, d)
	return d
}

// checkPrivacy shows the privacy list of rec before a public output, with
// the decisions remembered for the session; each choice made there is
// remembered at once. goOn runs if the person goes on to export.
func (u *ui) checkPrivacy(rec *data.Record, what string, goOn func(privacy.Decisions)) {
	st, ctx := u.sess.store, u.sess.ctx
	m, err := st.PrivacyDecisions(ctx, rec.ID)
	if err != nil {
		u.msg.fail(err)
		return
	}
	id := rec.ID
	u.privacy = newPrivacyList(u.fw, rec, privacy.DecisionsFrom(m), func(finding string, d privacy.Decision) error {
		return st.SetPrivacyDecision(ctx, id, finding, string(d))
	}, u.msg.fail)
	d := showPrivacyCheck(u.win, u.privacy, what, goOn)
	// Enter exports, as the list says, while the list is on top.
	u.enterConfirms = &enterConfirm{dialog: d, popUp: u.win.Canvas().Overlays().Top()}
}

// decisionsFor are the remembered privacy decisions of each session, for
// an output the window writes without showing the list (a comparison).
func decisionsFor(ctx context.Context, st data.Store, recs ...*data.Record) (map[int64]privacy.Decisions, error) {
	out := map[int64]privacy.Decisions{}
	for _, r := range recs {
		m, err := st.PrivacyDecisions(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		out[r.ID] = privacy.DecisionsFrom(m)
	}
	return out, nil
}
