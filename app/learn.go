package app

import (
	_ "embed"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// learnText holds Learn's hand-written pages: the study in plain words, the
// iceberg idea and the facilitator's guide. The rest comes from the
// framework file, so every research statement has one home.
//
//go:embed learn.txt
var learnText string

// Where a page's statements come from.
const (
	fromResearch = "research"
	fromApp      = "app"
	fromAppNote  = "note" // this app's note on the research, such as what has changed since
)

// appWording labels this app's own words on a page from the research.
const appWording = "This app's wording, not the research's"

// learnPage is one slide of Learn.
type learnPage struct {
	title string
	from  string // fromResearch, fromApp or fromAppNote
	paras []learnPara
}

// learnPara is a paragraph; a quote carries its speaker and citation, a
// finding or definition its own attribution line.
type learnPara struct {
	text   string
	bold   bool
	large  bool
	credit string // attribution shown under the paragraph
}

// learnPages builds the slides: the text file's pages with the framework's
// general findings, elements, bundles and sources where it marks them.
func learnPages(fw *data.Framework) []learnPage {
	var pages []learnPage
	blocks := strings.Split(learnText, "\n=== ")[1:]
	placed := placedFindings(blocks)
	for _, block := range blocks {
		head, body, _ := strings.Cut(block, "\n")
		head = strings.TrimSpace(head)
		if strings.HasPrefix(head, "@") {
			pages = append(pages, frameworkPages(fw, head[1:], placed)...)
			continue
		}
		kind, title, _ := strings.Cut(head, "|")
		p := learnPage{title: strings.TrimSpace(title), from: strings.TrimSpace(kind)}
		for _, para := range strings.Split(body, "\n\n") {
			var lines []string
			for _, l := range strings.Split(para, "\n") {
				if !strings.HasPrefix(l, "#") && strings.TrimSpace(l) != "" {
					lines = append(lines, strings.TrimSpace(l))
				}
			}
			if len(lines) == 0 {
				continue
			}
			text := strings.Join(lines, " ")
			if id, ok := strings.CutPrefix(text, "@finding "); ok {
				if f, ok := fw.Finding(strings.TrimSpace(id)); ok {
					p.paras = append(p.paras, learnPara{text: f.Text})
				}
				continue
			}
			if own, ok := strings.CutPrefix(text, "@app "); ok {
				p.paras = append(p.paras, learnPara{text: own, credit: appWording})
				continue
			}
			p.paras = append(p.paras, learnPara{text: text})
		}
		pages = append(pages, p)
	}
	return pages
}

// placedFindings lists the findings the text file places on its own
// pages ("@finding ID"), so the page of general findings leaves them out.
func placedFindings(blocks []string) map[string]bool {
	placed := map[string]bool{}
	for _, b := range blocks {
		for _, l := range strings.Split(b, "\n") {
			if id, ok := strings.CutPrefix(strings.TrimSpace(l), "@finding "); ok {
				placed[strings.TrimSpace(id)] = true
			}
		}
	}
	return placed
}

func frameworkPages(fw *data.Framework, name string, placed map[string]bool) []learnPage {
	src := fw.Source
	switch name {
	case "general":
		p := learnPage{title: "What the research found overall", from: fromResearch}
		for _, f := range fw.GeneralFindings {
			if placed[f.ID] || f.ID == "general.materiality" {
				continue // on the iceberg and materiality pages
			}
			p.paras = append(p.paras, learnPara{text: f.Text})
		}
		return []learnPage{p}
	case "elements":
		var out []learnPage
		out = append(out, learnPage{title: "The five elements", from: fromResearch, paras: elementList(fw)})
		for _, e := range fw.Elements {
			out = append(out, elementPage(fw, e))
			if qs := fw.QuotesFor(e.Code); len(qs) > 0 {
				q := learnPage{title: e.Name + ": in people's own words", from: fromResearch}
				for _, x := range qs {
					q.paras = append(q.paras, learnPara{text: "“" + x.Text + "”", credit: x.Credit() + " (" + x.Citation + "). " + src.Note})
				}
				out = append(out, q)
			}
		}
		return out
	case "bundles":
		var out []learnPage
		for _, b := range fw.Bundles {
			p := learnPage{title: "Bundle of practice: " + b.Name, from: fromResearch}
			for _, f := range b.Findings {
				p.paras = append(p.paras, learnPara{text: f.Text, credit: "Element: " + elementNames(fw, f.Elements)})
			}
			out = append(out, p)
		}
		for _, g := range fw.GeneralFindings {
			if g.ID == "general.materiality" {
				out = append(out, learnPage{title: "Across all four bundles", from: fromResearch, paras: []learnPara{{text: g.Text, large: true}}})
			}
		}
		return out
	case "sources":
		return []learnPage{{title: "Sources", from: fromResearch, paras: []learnPara{
			{text: src.Citation, bold: true},
			{text: src.Note},
			{text: "Everything on pages marked “From the research” comes from this source. Pages marked “Suggested by this app, not from the research” are this app's own advice for running a workshop, and those marked “This app's note, not from the research” say what has changed since the research."},
			{text: "The research drew on the work of Shove, Pantzar and Watson (The Dynamics of Social Practice) and of Tara Fenwick on professional learning, as it says."},
		}}}
	}
	return nil
}

func elementList(fw *data.Framework) []learnPara {
	var out []learnPara
	for _, e := range fw.Elements {
		out = append(out, learnPara{text: e.Name + " (" + e.Code + ") – " + e.Definition})
	}
	return append(out, learnPara{text: "These were applied to each of the four bundles of practice: trust, leadership, learning and partnership."})
}

func elementPage(fw *data.Framework, e data.Element) learnPage {
	p := learnPage{title: e.Name + " (" + e.Code + ")", from: fromResearch}
	p.paras = append(p.paras, learnPara{text: "“" + e.Definition + "”", large: true, credit: "The research's definition"})
	p.paras = append(p.paras, learnPara{text: e.Plain, credit: "In plain words: this app's wording, not the research's"})
	var words []string
	for _, w := range e.Words {
		words = append(words, w.Label)
	}
	p.paras = append(p.paras, learnPara{text: "Doing words: " + strings.Join(words, ", "), bold: true})
	for _, b := range fw.Bundles {
		for _, f := range b.Findings {
			for _, c := range f.Elements {
				if c == e.Code {
					p.paras = append(p.paras, learnPara{text: f.Text, credit: "Finding on " + strings.ToLower(b.Name) + " practices"})
				}
			}
		}
	}
	return p
}

func elementNames(fw *data.Framework, codes []string) string {
	var names []string
	for _, c := range codes {
		if e, ok := fw.Element(c); ok {
			names = append(names, e.Name)
		}
	}
	return strings.Join(names, ", ")
}

// learnScreen shows Learn a page at a time, as slides: PageDown, PageUp
// and the arrow keys turn the pages, as a presenter clicker does.
type learnScreen struct {
	source data.Source
	pages  []learnPage
	page   int

	root     fyne.CanvasObject
	title    *widget.Label
	from     *widget.Label
	body     *fyne.Container
	scroll   *container.Scroll
	count    *widget.Label
	prev     *button
	next     *button
	contents *choice
}

func newLearnScreen(fw *data.Framework, home func(), view *button) *learnScreen {
	s := &learnScreen{source: fw.Source, pages: learnPages(fw)}
	s.title = label("", sizeElementName, true)
	s.body = container.NewVBox()
	s.from = label("", sizeSmall, true)
	s.scroll = container.NewVScroll(container.NewVBox(s.from, s.title, s.body))
	s.count = label("", theme.SizeNameText, false)
	s.count.Wrapping = fyne.TextWrapOff
	s.prev = newIconButton("Back (PageUp)", theme.NavigateBackIcon(), func() { s.turn(-1) })
	s.next = newIconButton("Next (PageDown)", theme.NavigateNextIcon(), func() { s.turn(1) })
	s.next.IconPlacement = widget.ButtonIconTrailingText
	var titles []string
	for i, p := range s.pages {
		titles = append(titles, fmt.Sprintf("%d. %s", i+1, p.title))
	}
	s.contents = newChoice(titles, func(string) {
		if i := s.contents.SelectedIndex(); i >= 0 && i != s.page {
			s.show(i)
		}
	})
	s.contents.PlaceHolder = "Go to page…"
	homeBtn := newIconButton("Home", theme.HomeIcon(), home)
	bar := newFlow(homeBtn, view, s.contents, s.count, s.prev, s.next)
	s.root = container.NewPadded(container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, s.scroll))
	s.show(0)
	return s
}

// turn moves by pages, staying within the first and last.
func (s *learnScreen) turn(by int) {
	i := s.page + by
	if i < 0 || i >= len(s.pages) {
		return
	}
	s.show(i)
}

func (s *learnScreen) show(i int) {
	s.page = i
	p := s.pages[i]
	s.title.SetText(p.title)
	switch p.from {
	case fromApp:
		s.from.SetText("Suggested by this app, not from the research")
	case fromAppNote:
		s.from.SetText("This app's note, not from the research")
	default:
		s.from.SetText("From the research: " + s.source.Author + " (" + s.source.Published + ")")
	}
	s.body.RemoveAll()
	for _, para := range p.paras {
		size := sizePrompt
		if para.large {
			size = sizeDefinition
		}
		if len(p.paras) > 4 || len(para.text) > 400 {
			size = theme.SizeNameSubHeadingText
		}
		txt := label(para.text, size, para.bold)
		if para.credit == "" {
			s.body.Add(txt)
			continue
		}
		s.body.Add(container.NewVBox(txt, label("— "+para.credit, sizeSmall, false)))
	}
	s.scroll.ScrollToTop()
	s.count.SetText(fmt.Sprintf("Page %d of %d", i+1, len(s.pages)))
	if i == 0 {
		s.prev.Disable()
	} else {
		s.prev.Enable()
	}
	if i == len(s.pages)-1 {
		s.next.Disable()
	} else {
		s.next.Enable()
	}
	s.contents.SetSelectedIndex(i)
}
