package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
)

// Commands for trainers and for comparing sessions over time.
func init() {
	commands = append(commands, []command{
		{name: "handout", summary: "Write the participant hand-out: a blank map to tick on your own, with the five elements and their questions.",
			nargs: [2]int{0, 0},
			flags: func(fs *flag.FlagSet) {
				fs.String("out", "", "the PDF `file` to write (required)")
				fs.String("paper", "a4", "a4 or letter")
				fs.String("title", "", "a session title to print at the top")
				fs.String("cop", "", "the community of practice to print at the top")
				fs.String("org", "", "the organisation to print at the top")
				fs.String("date", "", "the meeting date to print at the top, YYYY-MM-DD")
			}, run: runHandout},
		{name: "compare", args: "ID ID…", summary: "Compare sessions on one map: what moved between two, or how many of several shaded each word.\nNo names unless --names.",
			needsDB: true, nargs: [2]int{2, -1},
			flags: func(fs *flag.FlagSet) {
				fs.String("out", "", "the PDF `file` to write (required unless --json)")
				fs.Bool("names", false, "include participants' and facilitators' names (left out by default: board papers are public)")
				fs.String("paper", "a4", "a4 or letter")
				fs.Bool("heat", false, "for two sessions, show how many shaded each word instead of what moved")
				fs.Bool("json", false, "print the comparison's arithmetic as JSON instead of writing a PDF")
			}, run: runCompare},
		{name: "examples", summary: "List the illustrative example sessions a trainer can start from.", nargs: [2]int{0, 0},
			flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }, run: runExamples},
		{name: "example", args: "N", summary: "Open illustrative example N (as “iceberg examples” numbers them) as a new, editable session and print its id.\nThe example itself stays unchanged.",
			needsDB: true, nargs: [2]int{1, 1}, run: runExample},
	}...)
}

func runHandout(c *call) error {
	out := str(c.fs, "out")
	if out == "" {
		return usagef("handout needs --out FILE.pdf")
	}
	paper, err := paperOption(c.fs)
	if err != nil {
		return err
	}
	opt := export.HandoutOptions{Paper: paper, Title: str(c.fs, "title"), Community: str(c.fs, "cop"),
		Organisation: str(c.fs, "org"), Date: str(c.fs, "date")}
	return c.writeOut(out, false, func(w io.Writer) error { return export.WriteHandout(w, c.fw, opt) })
}

// compareJSON is the shape scripts rely on for "compare --json".
type compareJSON struct {
	Kind     string               `json:"kind"` // "pair" or "heat"
	Sessions []compareSession     `json:"sessions"`
	Pair     *data.PairComparison `json:"pair,omitempty"`
	Heat     *data.Heat           `json:"heat,omitempty"`
}

type compareSession struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Community   string `json:"community"`
	MeetingDate string `json:"meeting_date"`
}

func runCompare(c *call) error {
	var recs []*data.Record
	seen := map[int64]bool{}
	for i := range c.args {
		id, err := c.id(i)
		if err != nil {
			return err
		}
		if seen[id] {
			return usagef("session %d is named twice: compare different sessions", id)
		}
		seen[id] = true
		r, err := c.store.Session(c.ctx, id)
		if err != nil {
			return err
		}
		recs = append(recs, r)
	}
	heat := len(recs) > 2 || boolean(c.fs, "heat")
	if boolean(c.fs, "json") {
		out := compareJSON{Kind: "pair"}
		for _, r := range recs {
			out.Sessions = append(out.Sessions, compareSession{r.ID, r.Title, r.Community, r.MeetingDate})
		}
		if heat {
			h := data.CompareMany(c.fw, recs)
			out.Kind, out.Heat = "heat", &h
		} else {
			p := data.ComparePair(c.fw, recs[0], recs[1])
			out.Pair = &p
		}
		return writeJSON(c.out(), out)
	}
	out := str(c.fs, "out")
	if out == "" {
		return usagef("compare needs --out FILE.pdf, or --json to print the comparison")
	}
	paper, err := paperOption(c.fs)
	if err != nil {
		return err
	}
	opt := export.Options{Paper: paper, Names: boolean(c.fs, "names")}
	if opt.Decisions, err = c.decisionsFor(recs...); err != nil {
		return err
	}
	write := export.WriteComparePDF
	if heat {
		write = export.WriteHeatPDF
	}
	if err := c.writeOut(out, opt.Names, func(w io.Writer) error { return write(w, c.fw, recs, opt) }); err != nil {
		return err
	}
	c.privacyNote(recs, opt.Names)
	return nil
}

func runExamples(c *call) error {
	exs, err := data.Examples(c.fw)
	if err != nil {
		return err
	}
	if boolean(c.fs, "json") {
		type finding struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		type example struct {
			N           int       `json:"n"`
			Name        string    `json:"name"`
			Title       string    `json:"title"`
			Description string    `json:"description"`
			Findings    []finding `json:"findings"`
		}
		out := []example{}
		for i, ex := range exs {
			e := example{N: i + 1, Name: ex.Name, Title: ex.Title, Description: ex.Description, Findings: []finding{}}
			for _, f := range ex.Findings {
				e.Findings = append(e.Findings, finding{f.ID, f.Text})
			}
			out = append(out, e)
		}
		return writeJSON(c.out(), out)
	}
	w := c.out()
	for i, ex := range exs {
		fmt.Fprintf(w, "%d. %s\n   %s\n   Findings drawn on:\n", i+1, ex.Title, ex.Description)
		for _, f := range ex.Findings {
			fmt.Fprintf(w, "   - %s\n", f.Text)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Open one as your own editable copy with: iceberg example N")
	return nil
}

func runExample(c *call) error {
	exs, err := data.Examples(c.fw)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(c.args[0]))
	if err != nil || n < 1 || n > len(exs) {
		return usagef("%q is not an example number: choose 1 to %d, as “iceberg examples” lists them", c.args[0], len(exs))
	}
	id, err := c.store.Import(c.ctx, exs[n-1].File)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out(), id)
	return nil
}
