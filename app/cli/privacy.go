package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
)

func init() {
	commands = append(commands, []command{{
		name: "privacy", args: "ID",
		summary: "List every place the session may name a person or hold personal data, each in context with the reason and whether public outputs withhold or keep it.\n" +
			"Public outputs (PDF, CSV, report) follow this list; the session file keeps everything.",
		needsDB: true, nargs: [2]int{1, 1},
		flags: func(fs *flag.FlagSet) {
			fs.Bool("json", false, "print JSON")
		}, run: runPrivacy},
		{
			name: "decide", args: "ID N DECISION",
			summary: "Decide whether public outputs withhold or keep place N of the session's privacy list (as “iceberg privacy ID” numbers it).\n" +
				"DECISION is withhold, keep, or default to go back to the app's choice. The decision is kept for the session.",
			needsDB: true, nargs: [2]int{3, 3}, run: runDecide}}...)
}

// decisions are the session's remembered privacy decisions.
func (c *call) decisions(id int64) (privacy.Decisions, error) {
	m, err := c.store.PrivacyDecisions(c.ctx, id)
	if err != nil {
		return nil, err
	}
	return privacy.DecisionsFrom(m), nil
}

// decisionsFor are the remembered decisions of each session, by ID, as
// export.Options and report.Options take them.
func (c *call) decisionsFor(recs ...*data.Record) (map[int64]privacy.Decisions, error) {
	out := map[int64]privacy.Decisions{}
	for _, r := range recs {
		if r == nil {
			continue
		}
		d, err := c.decisions(r.ID)
		if err != nil {
			return nil, err
		}
		out[r.ID] = d
	}
	return out, nil
}

func runDecide(c *call) error {
	r, err := c.record()
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.args[1])
	check := privacy.Find(r, c.fw)
	if err != nil || n < 1 || n > len(check.Findings) {
		return usagef("%q is not a place in the privacy list: use a number from 1 to %d, as “iceberg privacy %d” shows", c.args[1], len(check.Findings), r.ID)
	}
	decision := strings.ToLower(strings.TrimSpace(c.args[2]))
	switch decision {
	case "default":
		decision = ""
	case "withhold", "keep":
	default:
		return usagef("%q is not a decision: use withhold, keep or default", c.args[2])
	}
	f := check.Findings[n-1]
	if err := c.store.SetPrivacyDecision(c.ctx, r.ID, f.ID, decision); err != nil {
		return err
	}
	d, err := c.decisions(r.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out(), "%d. %s: %s. Public outputs: %s.\n", n, oneLine(f.Context()), check.Decide(f, d, false), check.Summarise(d, false))
	return nil
}

// privacyItem is one finding as `iceberg privacy --json` prints it.
type privacyItem struct {
	N        int    `json:"n"`
	ID       string `json:"id"`
	Place    string `json:"place"`
	Kind     string `json:"kind"`
	Text     string `json:"text"`
	Context  string `json:"context"`
	Reason   string `json:"reason"`
	Review   bool   `json:"review"`
	Decision string `json:"decision"`
	Decided  bool   `json:"decided"`
}

func runPrivacy(c *call) error {
	r, err := c.record()
	if err != nil {
		return err
	}
	d, err := c.decisions(r.ID)
	if err != nil {
		return err
	}
	check := privacy.Find(r, c.fw)
	items := privacyItems(check, d)
	if boolean(c.fs, "json") {
		return writeJSON(c.out(), struct {
			Session  int64         `json:"session"`
			Findings []privacyItem `json:"findings"`
			Summary  string        `json:"summary"`
		}{r.ID, items, check.Summarise(d, false).String()})
	}
	printPrivacy(c.out(), r, items, check.Summarise(d, false))
	return nil
}

func privacyItems(check *privacy.Check, d privacy.Decisions) []privacyItem {
	var items []privacyItem
	for i, f := range check.Findings {
		_, decided := d[f.ID]
		items = append(items, privacyItem{N: i + 1, ID: f.ID, Place: f.Place, Kind: f.Kind.Label(), Text: f.Text,
			Context: f.Context(), Reason: f.Reason, Review: f.Review, Decision: string(check.Decide(f, d, false)), Decided: decided})
	}
	return items
}

func printPrivacy(w io.Writer, r *data.Record, items []privacyItem, sum privacy.Summary) {
	if len(items) == 0 {
		fmt.Fprintf(w, "Session %d names no one and holds no personal data that the app can find.\n", r.ID)
		return
	}
	fmt.Fprintf(w, "Session %d: %d places may name a person or hold personal data.\n", r.ID, len(items))
	for _, it := range items {
		mark := ""
		switch {
		case it.Decided:
			mark = " (your decision)"
		case it.Review:
			mark = " (needs your decision; kept meanwhile)"
		}
		fmt.Fprintf(w, "\n%3d. %s%s\n     %s: %s\n     %s\n", it.N, strings.ToUpper(it.Decision[:1])+it.Decision[1:], mark, it.Place, oneLine(it.Context), it.Reason)
	}
	fmt.Fprintf(w, "\nPublic outputs: %s.\n", sum)
}

// oneLine is stored text on one line of a listing: runs of white space
// become one space, and control characters show escaped (safetext.go).
func oneLine(s string) string { return safeText(strings.Join(strings.Fields(s), " "), false) }

// privacyNote is the one line export prints on standard error: what the
// public output withheld and what still needs a decision.
func (c *call) privacyNote(recs []*data.Record, names bool) {
	var sum privacy.Summary
	var ids []string
	for _, r := range recs {
		d, _ := c.decisions(r.ID) // already read once for the export itself
		s := privacy.Find(r, c.fw).Summarise(d, names)
		sum.Withheld += s.Withheld
		sum.Kept += s.Kept
		sum.Undecided += s.Undecided
		if s.Undecided > 0 {
			ids = append(ids, fmt.Sprint(r.ID))
		}
	}
	line := fmt.Sprintf("Privacy: %d withheld, %d kept", sum.Withheld, sum.Kept)
	switch {
	case sum.Undecided == 1:
		line += fmt.Sprintf("; 1 place still needs a decision (see iceberg privacy %s)", strings.Join(ids, ", "))
	case sum.Undecided > 1:
		line += fmt.Sprintf("; %d places still need a decision (see iceberg privacy %s)", sum.Undecided, strings.Join(ids, ", "))
	default:
		line += "; nothing needs a decision"
	}
	if names {
		line += "; names kept as asked"
	}
	fmt.Fprintln(c.env.Stderr, line+".")
}

// reportSplit says, once, what the update to people as records split: an
// entry that held a name and a job title together.
func (c *call) reportSplit() {
	split, err := c.store.PeopleSplit(c.ctx)
	if err != nil || len(split) == 0 {
		return
	}
	fmt.Fprintf(c.env.Stderr, "iceberg: this version keeps a person's job title apart from their name, so %d entries were split:\n", len(split))
	for _, p := range split {
		fmt.Fprintf(c.env.Stderr, "  session %d, %s: “%s” is now the name “%s” and the job title “%s”.\n", p.Session, p.Field, p.Was, p.Person.Name, p.Person.Title)
	}
}
