package html_test

// The report as a real browser shows it: headless Chromium runs axe-core
// with the WCAG 2.2 A and AA rules on the page in light, dark and forced
// colours, and prints it to PDF, which must come out tagged.
//
// Policy on a machine without Chromium or axe-core: the test fails and says
// how to install them (`.ci/deps.sh browser`, which `make test` runs). It is
// skipped only when ICEBERG_NO_BROWSER=1 is set on purpose outside CI.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	fixture "github.com/ppei-iceberg/iceberg/export/internal/sample"
	"github.com/ppei-iceberg/iceberg/export/report"
)

var shots = flag.String("shots", "", "write screenshots of the report as Chromium renders it to this folder (for docs/)")

// axeTags are the rule sets run: WCAG 2.0, 2.1 and 2.2, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"}

func needBrowser(tb testing.TB) (chromium, axe string) {
	tb.Helper()
	skip := os.Getenv("ICEBERG_NO_BROWSER") == "1" && os.Getenv("CI") == ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	axe = filepath.Join("..", "..", ".cache", "npm", "node_modules", "axe-core", "axe.min.js")
	_, axeErr := os.Stat(axe)
	_, pdfErr := exec.LookPath("pdfinfo")
	if chromium != "" && axeErr == nil && pdfErr == nil {
		return chromium, axe
	}
	if skip {
		tb.Skip("Chromium, axe-core or pdfinfo is missing and ICEBERG_NO_BROWSER=1: skipping the browser check on purpose")
	}
	tb.Fatalf("the browser check needs Chromium, axe-core (in .cache/npm) and pdfinfo: run .ci/deps.sh browser " +
		"(make test does), or set ICEBERG_NO_BROWSER=1 to skip it on purpose outside CI")
	return "", ""
}

// runChromium runs headless Chromium with a profile of its own, so it never
// touches the user's, and returns what it printed on standard output.
func runChromium(tb testing.TB, chromium string, args ...string) []byte {
	tb.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--disable-background-networking", "--user-data-dir=" + tb.TempDir()}
	cmd := exec.Command(chromium, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			tb.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, errb.String())
		}
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		tb.Fatalf("chromium %s did not finish in two minutes", strings.Join(args, " "))
	}
	return out.Bytes()
}

// axeResult is what the page's script reports.
type axeResult struct {
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes       []string `json:"passes"`
	Incomplete   []string `json:"incomplete"`
	Inapplicable []string `json:"inapplicable"`
	Error        string   `json:"error"`
}

var resultRe = regexp.MustCompile(`(?s)<pre id="axe-result">(.*?)</pre>`)

// runAxe opens page in Chromium with axe-core inlined, and returns its result.
func runAxe(t *testing.T, chromium, axe string, page []byte, mode ...string) axeResult {
	t.Helper()
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	tags, _ := json.Marshal(axeTags)
	runner := `<script>` + string(src) + `</script><script>
axe.run(document, {runOnly: {type: 'tag', values: ` + string(tags) + `}, resultTypes: ['violations']}).then(function (r) {
  var ids = function (l) { return l.map(function (x) { return x.id; }); };
  var out = {violations: r.violations.map(function (v) { return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return {target: n.target, html: n.html}; })}; }),
    passes: ids(r.passes), incomplete: ids(r.incomplete), inapplicable: ids(r.inapplicable)};
  var pre = document.createElement('pre'); pre.id = 'axe-result'; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
}, function (e) { var pre = document.createElement('pre'); pre.id = 'axe-result'; pre.textContent = JSON.stringify({error: String(e)}); document.body.appendChild(pre); });
</script>`
	// The checked copy has the runner just before </body>; the report itself
	// carries no script at all.
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		t.Fatalf("the page has no </body>")
	}
	checked := append(append(append([]byte{}, page[:i]...), runner...), page[i:]...)
	file := filepath.Join(t.TempDir(), "checked.html")
	if err := os.WriteFile(file, checked, 0o600); err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{}, mode...), "--virtual-time-budget=30000", "--window-size=1280,900", "--dump-dom", "file://"+file)
	dom := runChromium(t, chromium, args...)
	m := resultRe.FindSubmatch(dom)
	if m == nil {
		t.Fatalf("axe-core wrote no result (the page's script did not finish); the DOM ends:\n%s", tail(dom, 600))
	}
	var res axeResult
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &res); err != nil {
		t.Fatalf("axe result: %v", err)
	}
	if res.Error != "" {
		t.Fatalf("axe-core failed: %s", res.Error)
	}
	return res
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// TestBrowserAccessibility runs axe-core's WCAG 2.2 A and AA rules on the
// report in Chromium, in light, dark and forced-colours modes, and fails on
// any violation.
func TestBrowserAccessibility(t *testing.T) {
	t.Parallel()
	chromium, axe := needBrowser(t)
	fw := data.DefaultFramework()
	cases := []struct {
		name string
		opt  report.Options
		mode []string
	}{
		{"light", report.Options{}, nil},
		{"dark", report.Options{}, []string{"--force-dark-mode"}},
		{"forced colours", report.Options{}, []string{"--force-high-contrast"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			page := render(t, fw, sample(t, fw, 2000), c.opt)
			res := runAxe(t, chromium, axe, page, c.mode...)
			for _, v := range res.Violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
				}
				t.Errorf("axe %s: %s\n  %s", v.ID, v.Help, strings.Join(where, "\n  "))
			}
			if len(res.Passes) < 10 {
				t.Errorf("axe passed only %d rules (%v): the check did not really run", len(res.Passes), res.Passes)
			}
			t.Logf("axe-core, WCAG 2.2 A and AA (%s): %d violations; %d rules passed, %d incomplete (for a person to review), %d not applicable",
				c.name, len(res.Violations), len(res.Passes), len(res.Incomplete), len(res.Inapplicable))
			t.Logf("passed: %s; incomplete: %s", strings.Join(res.Passes, " "), strings.Join(res.Incomplete, " "))
		})
	}
}

// TestAxeFindsFaults proves the check can fail: the same page without its
// language and without the map's title must give those two violations.
func TestAxeFindsFaults(t *testing.T) {
	t.Parallel()
	chromium, axe := needBrowser(t)
	fw := data.DefaultFramework()
	page := render(t, fw, sample(t, fw, 200), report.Options{})
	broken := bytes.Replace(page, []byte(`<html lang="en-GB">`), []byte(`<html>`), 1)
	broken = regexp.MustCompile(`role="img" aria-labelledby="[^"]*"`).ReplaceAll(broken, []byte(`role="img"`))
	broken = regexp.MustCompile(`(?s)<title id="map-title">.*?</title>\n<desc id="map-desc">.*?</desc>`).ReplaceAll(broken, nil)
	res := runAxe(t, chromium, axe, broken)
	got := map[string]bool{}
	for _, v := range res.Violations {
		got[v.ID] = true
	}
	for _, want := range []string{"html-has-lang", "svg-img-alt"} {
		if !got[want] {
			t.Errorf("axe did not report %s on a page that breaks it (got %v)", want, res.Violations)
		}
	}
}

// TestBrowserPrintsTaggedPDF prints the report from Chromium, as a user would
// from Edge or Chrome, and checks the PDF is tagged, A4, in the paper's order
// and public.
func TestBrowserPrintsTaggedPDF(t *testing.T) {
	t.Parallel()
	chromium, _ := needBrowser(t)
	fw := data.DefaultFramework()
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, render(t, fw, sample(t, fw, 2000), report.Options{}), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	runChromium(t, chromium, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+file)
	info, err := exec.Command("pdfinfo", pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^Tagged:\s+yes$`),
		regexp.MustCompile(`(?m)^Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)$`),
		regexp.MustCompile(`(?m)^Title:\s+Governing Body PPEI mapping – spring 2026 – PPEI iceberg map$`),
	} {
		if !want.Match(info) {
			t.Errorf("pdfinfo does not match %s:\n%s", want, info)
		}
	}
	pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	t.Logf("Chromium's PDF of the report: %s pages", pages[1])
	txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(txt)
	last := -1
	for _, h := range []string{"Board paper: cover sheet", "1. What the map shows", "2. The map", "3. Recommendations and actions", "4. Who took part", "5. Appendix: what the group said about each element", "5.1 Participation (P)"} {
		i := strings.Index(text[max(last, 0):], h)
		if i < 0 {
			t.Errorf("the printed report lacks %q after the previous heading", h)
			continue
		}
		last = max(last, 0) + i
	}
	for _, name := range fixture.Withheld {
		if strings.Contains(text, name) {
			t.Errorf("the printed public report names %q", name)
		}
	}
	if !strings.Contains(text, "Page 1 of ") {
		t.Errorf("the printed pages have no page numbers")
	}
}

// TestScreenshots renders the report in Chromium in light, dark and forced
// colours, checks the dark one really is dark and the light one light, and
// keeps the pictures when -shots names a folder (the README's pictures).
func TestScreenshots(t *testing.T) {
	t.Parallel()
	chromium, _ := needBrowser(t)
	fw := data.DefaultFramework()
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, render(t, fw, sample(t, fw, 600), report.Options{}), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		mode       []string
		minL, maxL float64 // the page background's lightness, 0 to 1
	}{
		{"light", nil, 0.95, 1},
		{"dark", []string{"--force-dark-mode"}, 0, 0.15},
		{"forced-colours", []string{"--force-high-contrast"}, 0, 1},
	} {
		out := filepath.Join(dir, "html-report-"+c.name+".png")
		args := append(append([]string{}, c.mode...), "--hide-scrollbars", "--window-size=1000,2900", "--screenshot="+out, "file://"+file)
		runChromium(t, chromium, args...)
		f, err := os.Open(out)
		if err != nil {
			t.Fatalf("%s: no screenshot: %v", c.name, err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: screenshot: %v", c.name, err)
		}
		r, g, b, _ := img.At(4, 4).RGBA()
		l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
		if l < c.minL || l > c.maxL {
			t.Errorf("%s: the page's background has lightness %.2f, want %.2f to %.2f", c.name, l, c.minL, c.maxL)
		}
		if *shots != "" {
			b, _ := os.ReadFile(out)
			if err := os.WriteFile(filepath.Join(*shots, filepath.Base(out)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
