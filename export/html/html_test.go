package html_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/html"
	fixture "github.com/ppei-iceberg/iceberg/export/internal/sample"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
)

func parse(tb testing.TB, page []byte) *xhtml.Node {
	tb.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		tb.Fatalf("parse html: %v", err)
	}
	return doc
}

// find lists every element under n for which ok is true, in document order.
func find(n *xhtml.Node, ok func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && ok(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(a atom.Atom) func(*xhtml.Node) bool {
	return func(n *xhtml.Node) bool { return n.DataAtom == a }
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestStructure(t *testing.T) {
	fw := data.DefaultFramework()
	doc := parse(t, render(t, fw, sample(t, fw, 900), report.Options{}))
	htmlEl := find(doc, tag(atom.Html))[0]
	if lang, _ := attr(htmlEl, "lang"); lang != "en-GB" {
		t.Errorf("lang = %q, want en-GB", lang)
	}
	if h1 := find(doc, tag(atom.H1)); len(h1) != 1 {
		t.Errorf("%d h1 elements, want exactly 1", len(h1))
	}
	var h2 []string
	for _, n := range find(doc, tag(atom.H2)) {
		h2 = append(h2, textOf(n))
	}
	want := []string{"1. What the map shows", "2. The map", "3. Recommendations and actions", "4. Who took part", "5. Appendix: what the group said about each element"}
	if strings.Join(h2, "|") != strings.Join(want, "|") {
		t.Errorf("h2 headings:\n got %q\nwant %q", h2, want)
	}
	// Headings never skip a level.
	prev := 1
	for _, n := range find(doc, func(n *xhtml.Node) bool {
		return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
	}) {
		lvl := int(n.Data[1] - '0')
		if lvl > prev+1 {
			t.Errorf("heading %q (h%d) follows an h%d", textOf(n), lvl, prev)
		}
		prev = lvl
	}
}

func TestTablesHaveCaptionsAndHeaders(t *testing.T) {
	fw := data.DefaultFramework()
	doc := parse(t, render(t, fw, sample(t, fw, 300), report.Options{Names: true}))
	tables := find(doc, tag(atom.Table))
	if len(tables) < 4 {
		t.Fatalf("%d tables, want the cover, the words, the actions and who took part", len(tables))
	}
	for _, tb := range tables {
		caps := find(tb, tag(atom.Caption))
		if len(caps) != 1 || textOf(caps[0]) == "" {
			t.Errorf("a table has no caption")
			continue
		}
		name := textOf(caps[0])
		ths := find(tb, tag(atom.Th))
		if len(ths) == 0 {
			t.Errorf("%s: no header cells", name)
		}
		for _, th := range ths {
			scope, _ := attr(th, "scope")
			inHead := len(find(tb, func(n *xhtml.Node) bool { return n.DataAtom == atom.Thead })) > 0 && th.Parent.Parent.DataAtom == atom.Thead
			switch {
			case inHead && scope != "col":
				t.Errorf("%s: header %q has scope %q, want col", name, textOf(th), scope)
			case !inHead && scope != "row":
				t.Errorf("%s: row header %q has scope %q, want row", name, textOf(th), scope)
			}
		}
		for _, tr := range find(tb, tag(atom.Tr)) {
			if tr.Parent.DataAtom == atom.Tbody && len(find(tr, tag(atom.Th))) != 1 {
				t.Errorf("%s: a row without exactly one row header: %q", name, textOf(tr))
			}
		}
	}
}

func TestMapIsAnImageWithItsTextAndATableOfWords(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw, 300)
	doc := parse(t, render(t, fw, r, report.Options{Names: true}))
	maps := find(doc, func(n *xhtml.Node) bool { c, _ := attr(n, "class"); return n.Data == "svg" && c == "map" })
	if len(maps) != 1 {
		t.Fatalf("%d map drawings, want 1", len(maps))
	}
	svg := maps[0]
	if role, _ := attr(svg, "role"); role != "img" {
		t.Errorf("the map's role = %q, want img", role)
	}
	ids, _ := attr(svg, "aria-labelledby")
	m := mapmodel.Build(fw, r)
	wantText := map[string]string{"map-title": mapmodel.AltTitle(m), "map-desc": mapmodel.AltText(m)}
	for _, id := range strings.Fields(ids) {
		got := find(svg, func(n *xhtml.Node) bool { v, _ := attr(n, "id"); return v == id })
		if len(got) != 1 || textOf(got[0]) != strings.Join(strings.Fields(wantText[id]), " ") {
			t.Errorf("the map's %s does not hold its text alternative", id)
		}
		delete(wantText, id)
	}
	if len(wantText) != 0 {
		t.Errorf("aria-labelledby=%q does not name the map's title and description", ids)
	}
	// Every word is drawn as a cell of its level (and the picture's key
	// shows one cell of each level more); each level has its own mark.
	for _, c := range []struct {
		level string
		mark  string // the tick, the half-filled circle's half, the empty circle
		n     int
	}{{"shaded", "polyline", m.Shaded}, {"partly", "path", m.Partly}, {"none", "circle", m.Total - m.Shaded - m.Partly}} {
		cells := find(svg, func(n *xhtml.Node) bool { v, _ := attr(n, "class"); return v == "cell "+c.level })
		if len(cells) != c.n+1 {
			t.Errorf("%d cells drawn %s, want %d and one in the key", len(cells), c.level, c.n)
		}
		for _, cell := range cells {
			if len(find(cell, func(n *xhtml.Node) bool { return n.Data == c.mark })) != 1 {
				t.Errorf("a cell drawn %s has no mark (%s)", c.level, c.mark)
			}
		}
	}
	// The figure is followed by the key and the table of every word in words.
	var table *xhtml.Node
	for _, tb := range find(doc, tag(atom.Table)) {
		if strings.HasPrefix(textOf(find(tb, tag(atom.Caption))[0]), "The 22 doing words") {
			table = tb
		}
	}
	if table == nil {
		t.Fatal("no table of the 22 doing words")
	}
	rows := find(table, func(n *xhtml.Node) bool { return n.DataAtom == atom.Tr && n.Parent.DataAtom == atom.Tbody })
	words := fw.AllWords()
	if len(rows) != len(words) {
		t.Fatalf("%d rows, want %d", len(rows), len(words))
	}
	for i, w := range words {
		cells := find(rows[i], func(n *xhtml.Node) bool { return n.DataAtom == atom.Th || n.DataAtom == atom.Td })
		level := mapmodel.LevelWords(r.Word(w.ID).Level)
		if len(cells) != 3 || textOf(cells[1]) != w.Label || !strings.HasSuffix(textOf(cells[2]), level) {
			t.Errorf("row %d = %q, want %s, then %q", i, textOf(rows[i]), w.Label, level)
		}
	}
}

func TestNoExternalRequestsAndNoScript(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw, 300)
	r.Words[0].Note = `<img src="http://example.org/x.png"> <a href="https://example.org">link</a> url(http://x) @import "y";`
	page := render(t, fw, r, report.Options{})
	doc := parse(t, page)
	if s := find(doc, tag(atom.Script)); len(s) != 0 {
		t.Errorf("the page has %d script elements (typed text must be escaped)", len(s))
	}
	for _, n := range find(doc, func(*xhtml.Node) bool { return true }) {
		for _, a := range n.Attr {
			switch a.Key {
			case "src", "srcset", "data", "poster", "action":
				t.Errorf("<%s %s=%q> would make a request", n.Data, a.Key, a.Val)
			case "href":
				if !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s href=%q> points outside the page", n.Data, a.Val)
				}
			}
		}
		if n.DataAtom == atom.Link || n.DataAtom == atom.Iframe || n.DataAtom == atom.Img || n.DataAtom == atom.Object {
			t.Errorf("the page has a <%s> element", n.Data)
		}
	}
	for _, st := range find(doc, tag(atom.Style)) {
		css := textOf(st)
		if strings.Contains(css, "@import") || regexp.MustCompile(`url\(\s*['"]?[^#'"\s]`).MatchString(css) {
			t.Errorf("the style sheet loads something from outside the page")
		}
	}
	if !bytes.Contains(page, []byte(`&lt;img src=&#34;http://example.org/x.png&#34;&gt;`)) {
		t.Errorf("a typed tag was not shown as text")
	}
}

func TestPublicByDefault(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw, 900)
	pub := string(render(t, fw, r, report.Options{}))
	for _, name := range fixture.Withheld {
		if strings.Contains(pub, name) {
			t.Errorf("the public page names %q", name)
		}
	}
	if !strings.Contains(pub, "[name withheld]") {
		t.Errorf("the public page does not say where names were withheld")
	}
	// The author and presenter present the paper in public: their names
	// and titles stay on the cover.
	for _, officer := range []string{"Julie Marsh, Senior Commissioning Support Manager", "Ben Adeyemi, Director of Communications and Engagement"} {
		if !strings.Contains(pub, officer) {
			t.Errorf("the public cover lacks %q", officer)
		}
	}
	named := string(render(t, fw, r, report.Options{Names: true}))
	for _, name := range []string{"Will Hope, Mark Rose, Zoë Clarke", "Facilitated by Siân O"} {
		if !strings.Contains(named, name) {
			t.Errorf("the page with names lacks %q", name)
		}
	}
}

func TestSameBytesAndPaper(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw, 900)
	a, b := render(t, fw, r, report.Options{}), render(t, fw, r, report.Options{})
	if !bytes.Equal(a, b) {
		t.Errorf("the same session gave different pages")
	}
	if !bytes.Contains(a, []byte("@page { size: A4 portrait; }")) {
		t.Errorf("the page does not print on A4")
	}
	rep, err := report.Build(fw, r, report.Options{Insert: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := html.Write(&buf, rep, html.Options{Paper: "letter"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("@page { size: letter portrait; }")) {
		t.Errorf("paper letter does not print on US Letter")
	}
	if bytes.Contains(buf.Bytes(), []byte("counter(page)")) || bytes.Contains(buf.Bytes(), []byte(`<table class="cover-sheet">`)) {
		t.Errorf("insert mode has page numbers or a cover sheet")
	}
	err = html.Write(&buf, rep, html.Options{Paper: "A5"})
	var de *data.Error
	if !errors.As(err, &de) || de.Code != data.EInvalid {
		t.Errorf("paper A5: err = %v, want an invalid-input error", err)
	}
}

func BenchmarkWriteHTML(b *testing.B) {
	fw := data.DefaultFramework()
	r := fixture.Full(fw)
	// Public is the default; with names skips today's redaction, which is
	// most of the public figure, to show what the page itself costs.
	for _, c := range []struct {
		name string
		opt  report.Options
	}{{"public", report.Options{}}, {"names", report.Options{Names: true}}} {
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				rep, err := report.Build(fw, r, c.opt)
				if err != nil {
					b.Fatal(err)
				}
				if err := html.Write(&buf, rep, html.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

// An empty session (no title, nothing shaded, no cover, no people) still
// gives a whole page with its five sections.
func TestEmptySession(t *testing.T) {
	fw := data.DefaultFramework()
	doc := parse(t, render(t, fw, &data.Record{}, report.Options{}))
	if h1 := find(doc, tag(atom.H1)); len(h1) != 1 || textOf(h1[0]) != "Untitled session" {
		t.Errorf("h1 = %v, want one, Untitled session", h1)
	}
	if n := len(find(doc, tag(atom.H2))); n != 5 {
		t.Errorf("%d sections, want 5", n)
	}
	if n := len(find(doc, func(n *xhtml.Node) bool { c, _ := attr(n, "class"); return c == "cover-sheet" })); n != 0 {
		t.Errorf("an empty cover printed %d cover sheets", n)
	}
}
