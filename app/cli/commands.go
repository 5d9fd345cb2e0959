package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// commands lists every subcommand; other files of this package append
// theirs in their own init.
var commands []command

func init() {
	commands = append(commands, []command{
		{name: "new", summary: "Start a new session and print its id.", needsDB: true, nargs: [2]int{0, 0},
			flags: func(fs *flag.FlagSet) {
				fs.String("title", "", "the session's `title` (required)")
				fs.String("cop", "", "the community of practice, e.g. \"Governing Body\" (required)")
				fs.String("org", "", "the organisation, e.g. an ICB, place partnership, PCN or provider collaborative")
				fs.String("date", "", "the workshop date, YYYY-MM-DD (default today)")
				fs.String("facilitator", "", "the facilitator: \"Name, Job title\" (the name is withheld from public outputs unless --names)")
				fs.String("focus", data.FocusAll, "the bundle of practice: trust, leadership, learning, partnership or all")
				fs.String("purpose", "", "what the session is for")
			}, run: runNew},
		{name: "list", summary: "List sessions, most recently changed first.", needsDB: true, nargs: [2]int{0, 0},
			flags: func(fs *flag.FlagSet) {
				fs.Bool("json", false, "print JSON")
				fs.String("search", "", "only sessions whose title, community or organisation contains this `text`")
				fs.Bool("trash", false, "list the sessions in the trash instead")
				fs.Int("limit", 50, "at most this many `sessions`")
				fs.Int("offset", 0, "skip this many sessions first")
			}, run: runList},
		{name: "show", args: "ID", summary: "Show a session: details, shading, notes and actions.", needsDB: true, nargs: [2]int{1, 1},
			flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }, run: runShow},
		{name: "shade", args: "ID WORD LEVEL", summary: "Set a doing word's shading.\nWORD is an id such as mat.reporting or a label such as Reporting; LEVEL is none, partly or shaded.",
			needsDB: true, nargs: [2]int{3, 3}, run: runShade},
		{name: "note", args: "ID WORD|ELEMENT TEXT", summary: "Set the note for a doing word, or the discussion notes for an element (P, Mat, C, BE, M).",
			needsDB: true, nargs: [2]int{3, 3}, run: runNote},
		{name: "agree", args: "ID ELEMENT", summary: "Record that the group agreed an element (P, Mat, C, BE or M).", needsDB: true, nargs: [2]int{2, 2},
			flags: func(fs *flag.FlagSet) { fs.Bool("off", false, "take the agreement back") }, run: runAgree},
		{name: "summary", args: "ID TEXT", summary: "Set the session's summary.", needsDB: true, nargs: [2]int{2, 2}, run: runSummary},
		{name: "action", args: "ID TEXT", summary: "Add a recommended action: what would help the practices not yet found here?", needsDB: true, nargs: [2]int{2, 2},
			flags: func(fs *flag.FlagSet) {
				fs.String("owner", "", "who will do it (a role or a name)")
				fs.String("due", "", "when, YYYY-MM-DD")
				fs.String("element", "", "the element it belongs to (P, Mat, C, BE or M)")
			}, run: runAction},
		{name: "participants", args: "ID ROLE COUNT [NAME…]", summary: "Set how many people of a role took part, with optional names.\nROLE is one of " + strings.Join(sortedRoles(), ", ") + ".",
			needsDB: true, nargs: [2]int{3, -1}, run: runParticipants},
		{name: "cover", args: "ID", summary: "Set the board cover sheet's fields; only the options given change, and \"\" empties one.\nAn empty field is left out of the paper. Each field changed is one step for undo.", needsDB: true, nargs: [2]int{1, 1},
			flags: func(fs *flag.FlagSet) {
				for _, f := range coverFlags {
					fs.String(f.flag, "", f.help)
				}
			}, run: runCover},
		{name: "minutes", args: "ID ELEMENT MINUTES", summary: "Set the minutes spent discussing an element (P, Mat, C, BE or M), replacing what its timer recorded.",
			needsDB: true, nargs: [2]int{3, 3}, run: runMinutes},
		{name: "tally", args: "ID WORD COUNT", summary: "Record how many people shaded a doing word on their own (from hand-outs or a show of hands).\nCOUNT is a number, or none to clear it.",
			needsDB: true, nargs: [2]int{3, 3}, run: runTally},
		{name: "tally-of", args: "ID PEOPLE", summary: "Record how many people took part in the tally (a number, or none to clear it).",
			needsDB: true, nargs: [2]int{2, 2}, run: runTallyOf},
		{name: "follow-up", args: "ID", summary: "Copy a session as the start of a re-mapping and print the new id.", needsDB: true, nargs: [2]int{1, 1}, run: runFollowUp},
		{name: "delete", args: "ID", summary: "Move a session to the trash (restore brings it back).", needsDB: true, nargs: [2]int{1, 1}, run: runDelete},
		{name: "restore", args: "ID", summary: "Bring a session back from the trash.", needsDB: true, nargs: [2]int{1, 1}, run: runRestore},
		{name: "purge", args: "ID", summary: "Remove a session in the trash for good.", needsDB: true, nargs: [2]int{1, 1}, run: runPurge},
		{name: "undo", args: "ID", summary: "Undo the session's latest shading, note, agreement, summary or cover sheet change.", needsDB: true, nargs: [2]int{1, 1}, run: runUndo},
		{name: "redo", args: "ID", summary: "Redo the change undone last.", needsDB: true, nargs: [2]int{1, 1}, run: runRedo},
		{name: "export", args: "ID", summary: "Write the board paper as PDF, HTML or Word, or the map alone as PNG or SVG (no names unless --names).\nOpened in Edge or Chrome and printed to PDF, the HTML report gives a tagged, accessible PDF. For PNG and SVG, the map's text alternative is printed.", needsDB: true, nargs: [2]int{1, 1},
			flags: func(fs *flag.FlagSet) {
				fs.String("out", "", "the `file` to write (required)")
				formatFlag(fs)
				fs.Bool("names", false, "include participants' and the facilitator's names (left out by default: board papers are public)")
				fs.String("paper", "a4", "a4 or letter")
				fs.Bool("no-cover", false, "leave out the board cover sheet")
				fs.Bool("insert", false, "insert mode, for an organisation's own cover template: no cover sheet and no page numbers, just the numbered sections")
			}, run: runExportAs},
		{name: "export-json", args: "ID", summary: "Write a session file (JSON) that another copy of the app can import.\nThe session file is the one complete copy: it keeps every name and all personal data, so it is not for publishing. --no-names writes a public copy instead.", needsDB: true, nargs: [2]int{1, 1},
			flags: func(fs *flag.FlagSet) {
				fs.String("out", "", "the `file` to write (default: standard output)")
				fs.Bool("no-names", false, "write a copy without names and personal data, as public outputs withhold them")
			}, run: runExportJSON},
		{name: "export-csv", args: "ID", summary: "Write a session's shading as CSV: one row per doing word. The CSV is public: names and personal data are withheld unless --names.", needsDB: true, nargs: [2]int{1, 1},
			flags: func(fs *flag.FlagSet) {
				fs.String("out", "", "the `file` to write (default: standard output)")
				fs.Bool("names", false, "keep participants' and the facilitator's names (withheld by default)")
			}, run: runExportCSV},
		{name: "import", args: "FILE", summary: "Import a session file and print the new session's id. All of it is imported, or nothing.", needsDB: true, nargs: [2]int{1, 1}, run: runImport},
		{name: "framework", summary: "Print the framework: elements, doing words, prompts and quotes.", nargs: [2]int{0, 0},
			flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }, run: runFramework},
	}...)
}

func str(fs *flag.FlagSet, name string) string { return fs.Lookup(name).Value.String() }
func boolean(fs *flag.FlagSet, name string) bool {
	v, _ := strconv.ParseBool(fs.Lookup(name).Value.String())
	return v
}
func integer(fs *flag.FlagSet, name string) int {
	v, _ := strconv.Atoi(fs.Lookup(name).Value.String())
	return v
}

// given reports whether an option was typed.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

func runNew(c *call) error {
	s := &data.Session{
		Title: str(c.fs, "title"), Community: str(c.fs, "cop"), Organisation: str(c.fs, "org"),
		MeetingDate: str(c.fs, "date"), Facilitator: str(c.fs, "facilitator"),
		Focus: strings.ToLower(str(c.fs, "focus")), Purpose: str(c.fs, "purpose"),
	}
	if s.MeetingDate == "" {
		s.MeetingDate = time.Now().Format(time.DateOnly)
	}
	id, err := c.store.CreateSession(c.ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out(), id)
	return nil
}

func runList(c *call) error {
	list, err := c.store.ListSessions(c.ctx, data.SessionFilter{
		Search: str(c.fs, "search"), Deleted: boolean(c.fs, "trash"),
		Limit: integer(c.fs, "limit"), Offset: integer(c.fs, "offset"),
	})
	if err != nil {
		return err
	}
	if boolean(c.fs, "json") {
		return writeJSON(c.out(), list)
	}
	if len(list) == 0 {
		fmt.Fprintln(c.out(), "No sessions yet. Start one with: iceberg new --title \"…\" --cop \"…\"")
		return nil
	}
	tw := tabwriter.NewWriter(c.out(), 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tCOMMUNITY OF PRACTICE\tDATE\tSTATUS")
	for _, s := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", s.ID, oneLine(s.Title), oneLine(s.Community), oneLine(s.MeetingDate), oneLine(s.Status))
	}
	return tw.Flush()
}

func runShow(c *call) error {
	r, err := c.record()
	if err != nil {
		return err
	}
	if boolean(c.fs, "json") {
		return writeJSON(c.out(), sessionJSON(r))
	}
	w := terminalWriter{c.out()}
	fmt.Fprintf(w, "%s  (session %d, %s)\n", r.Title, r.ID, r.Status)
	fmt.Fprintf(w, "Community of practice: %s\n", r.Community)
	if r.Organisation != "" {
		fmt.Fprintf(w, "Organisation: %s\n", r.Organisation)
	}
	if r.MeetingDate != "" {
		fmt.Fprintf(w, "Workshop date: %s\n", r.MeetingDate)
	}
	if r.DeletedAt != nil {
		fmt.Fprintln(w, "This session is in the trash.")
	}
	for _, e := range c.fw.Elements {
		st := r.Element(e.Code)
		agreed := "not agreed yet"
		if st.Agreed() {
			agreed = "agreed"
		}
		fmt.Fprintf(w, "\n%s (%s): %s, %s\n", e.Name, e.Code, agreed, report.Duration(st.Seconds))
		for _, word := range e.Words {
			ws := r.Word(word.ID)
			mark := map[data.Shade]string{data.ShadeNone: "[ ]", data.ShadePartly: "[/]", data.ShadeShaded: "[#]"}[ws.Level]
			fmt.Fprintf(w, "  %s %-15s %s", mark, word.Label, ws.Level.Label())
			if ws.Note != "" {
				fmt.Fprintf(w, " — %s", ws.Note)
			}
			fmt.Fprintln(w)
		}
		if st.Notes != "" {
			fmt.Fprintf(w, "  Notes: %s\n", st.Notes)
		}
	}
	if r.Summary != "" {
		fmt.Fprintf(w, "\nSummary: %s\n", r.Summary)
	}
	for i, a := range r.Actions {
		fmt.Fprintf(w, "Action %d: %s", i+1, a.Text)
		if a.Owner != "" {
			fmt.Fprintf(w, " (owner: %s)", a.Owner)
		}
		if a.Due != "" {
			fmt.Fprintf(w, " (due %s)", a.Due)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// record reads the session named by the first argument.
func (c *call) record() (*data.Record, error) {
	return c.store.Session(c.ctx, c.sid)
}

func (c *call) findWord(s string) (*data.Word, error) {
	w, ok := c.fw.FindWord(s)
	if !ok {
		return nil, data.Errorf(data.ENotFound, "There is no doing word %q. Run “iceberg framework” to see the words", s)
	}
	return w, nil
}

func runShade(c *call) error {
	id := c.sid
	w, err := c.findWord(c.args[1])
	if err != nil {
		return err
	}
	level, err := data.ParseShade(c.args[2])
	if err != nil {
		return err
	}
	return c.store.SetShade(c.ctx, id, w.ID, level)
}

func runNote(c *call) error {
	id := c.sid
	if w, ok := c.fw.FindWord(c.args[1]); ok {
		return c.store.SetWordNote(c.ctx, id, w.ID, c.args[2])
	}
	if e, ok := c.fw.Element(c.args[1]); ok {
		return c.store.SetElementNotes(c.ctx, id, e.Code, c.args[2])
	}
	return data.Errorf(data.ENotFound, "%q is neither a doing word nor an element (P, Mat, C, BE, M)", c.args[1])
}

func runAgree(c *call) error {
	id := c.sid
	e, ok := c.fw.Element(c.args[1])
	if !ok {
		return data.Errorf(data.ENotFound, "There is no element %q: use P, Mat, C, BE or M", c.args[1])
	}
	return c.store.SetAgreed(c.ctx, id, e.Code, !boolean(c.fs, "off"))
}

func runSummary(c *call) error {
	return c.store.SetSummary(c.ctx, c.sid, c.args[1])
}

func runAction(c *call) error {
	id := c.sid
	a := &data.Action{Text: c.args[1], Owner: str(c.fs, "owner"), Due: str(c.fs, "due"), Element: str(c.fs, "element")}
	aid, err := c.store.AddAction(c.ctx, id, a)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out(), aid)
	return nil
}

func runParticipants(c *call) error {
	id := c.sid
	role := data.Role(strings.ToLower(c.args[1]))
	count, err := strconv.Atoi(c.args[2])
	if err != nil {
		return usagef("%q is not a number of people", c.args[2])
	}
	names := c.args[3:]
	return c.store.UpdateDetails(c.ctx, id, func(s *data.Session) error {
		s.SetParticipants(data.Participants{Role: role, Count: count, Names: names})
		return nil
	})
}

// count reads a number of people, or none.
func count(s string) (*int, error) {
	if strings.EqualFold(strings.TrimSpace(s), "none") {
		return nil, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return nil, usagef("%q is not a number of people: use a number, or none", s)
	}
	return &n, nil
}

func runTally(c *call) error {
	id := c.sid
	w, err := c.findWord(c.args[1])
	if err != nil {
		return err
	}
	n, err := count(c.args[2])
	if err != nil {
		return err
	}
	return c.store.SetTally(c.ctx, id, w.ID, n)
}

func runTallyOf(c *call) error {
	id := c.sid
	n, err := count(c.args[1])
	if err != nil {
		return err
	}
	return c.store.SetTallyOf(c.ctx, id, n)
}

// coverFlags are the cover command's options, in the cover sheet's order.
var coverFlags = []struct {
	flag, key, help string
}{
	{"meeting", "meeting", "the board meeting, e.g. \"ICB Board meeting in public\""},
	{"meeting-date", "meeting_date", "the board meeting's date, YYYY-MM-DD (the workshop's date is set with new, or in the window)"},
	{"agenda-item", "agenda_item", "the agenda item, e.g. 7.2"},
	{"paper-date", "paper_date", "the paper's own date, YYYY-MM-DD, printed on the cover and in every page's footer (default: the day the session last changed)"},
	{"executive-lead", "executive_lead", "the executive lead or sponsor: \"Name, Job title\" (printed on the cover: an officer, like the author)"},
	{"executive-lead-title", "executive_lead_title", "the executive lead's job title, when --executive-lead gives the name alone"},
	{"author", "author", "who wrote the paper: \"Name, Job title\" (printed on the cover: the author presents in public)"},
	{"author-title", "author_title", "the author's job title, when --author gives the name alone"},
	{"presenter", "presenter", "who presents it: \"Name, Job title\" (printed on the cover)"},
	{"presenter-title", "presenter_title", "the presenter's job title, when --presenter gives the name alone"},
	{"purpose", "purpose", "the paper's purpose: " + strings.Join(data.CoverPurposes, ", ")},
	{"summary", "executive_summary", "the executive summary"},
	{"recommendations", "recommendations", "what the board is asked to do"},
	{"previously", "previously_considered_by", "previously considered by"},
	{"strategic-objectives", "strategic_objectives", "the link to strategic objectives"},
	{"risk-reference", "risk_reference", "the Board Assurance Framework or risk reference"},
	{"risks", "risks", "the risks"},
	{"financial", "financial_implications", "the financial and resource implications"},
	{"quality-equality", "quality_equality_impact", "the quality and equality impact (QIA/EQIA)"},
	{"health-inequalities", "health_inequalities", "the health inequalities"},
	{"legal", "legal_implications", "the legal and statutory implications, e.g. the duty to involve"},
	{"conflicts", "conflicts_of_interest", "conflicts of interest"},
}

func runCover(c *call) error {
	purpose, err := data.ParsePurpose(str(c.fs, "purpose"))
	if err != nil {
		return err
	}
	return c.store.UpdateDetails(c.ctx, c.sid, func(s *data.Session) error {
		// A new name without its own title brings its title with it:
		// "Name, Job title" is split on save.
		for _, p := range []struct {
			name, title string
			set         *string
		}{
			{"author", "author-title", &s.Cover.AuthorTitle},
			{"presenter", "presenter-title", &s.Cover.PresenterTitle},
			{"executive-lead", "executive-lead-title", &s.Cover.ExecutiveLeadTitle},
		} {
			if given(c.fs, p.name) && !given(c.fs, p.title) {
				*p.set = ""
			}
		}
		for _, f := range coverFlags {
			if !given(c.fs, f.flag) {
				continue
			}
			cf, ok := data.FindCoverField(f.key)
			if !ok {
				return fmt.Errorf("cover: no field %q", f.key) // a mistake in coverFlags
			}
			v := strings.TrimSpace(str(c.fs, f.flag))
			if cf.Kind == data.CoverText {
				v = str(c.fs, f.flag) // long text is kept as typed
			}
			*cf.Value(&s.Cover) = v
		}
		if given(c.fs, "purpose") {
			s.Cover.Purpose = purpose
		}
		return nil
	})
}

func runMinutes(c *call) error {
	e, ok := c.fw.Element(c.args[1])
	if !ok {
		return data.Errorf(data.ENotFound, "There is no element %q: use P, Mat, C, BE or M", c.args[1])
	}
	n, err := strconv.Atoi(strings.TrimSpace(c.args[2]))
	if err != nil || n < 0 {
		return usagef("%q is not a number of minutes: give a whole number, such as 12", c.args[2])
	}
	if n > 24*60 {
		return usagef("%d minutes is more than a day: give at most %d", n, 24*60)
	}
	return c.store.SetElementTime(c.ctx, c.sid, e.Code, n*60)
}

func runFollowUp(c *call) error {
	id := c.sid
	newID, err := c.store.FollowUp(c.ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out(), newID)
	return nil
}

func runDelete(c *call) error {
	id := c.sid
	if err := c.store.DeleteSession(c.ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(c.out(), "Session %d is in the trash. “iceberg restore %d” brings it back.\n", id, id)
	return nil
}

func runRestore(c *call) error {
	return c.store.RestoreSession(c.ctx, c.sid)
}

func runPurge(c *call) error {
	return c.store.PurgeSession(c.ctx, c.sid)
}

func runUndo(c *call) error { return step(c, c.store.Undo, "Undid") }

func runRedo(c *call) error { return step(c, c.store.Redo, "Redid") }

// step undoes or redoes the session's latest change and says which it was.
func step(c *call, do func(context.Context, int64) (data.Change, error), verb string) error {
	ch, err := do(c.ctx, c.sid)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out(), "%s %s.\n", verb, ch.Describe(c.fw, verb == "Undid"))
	return nil
}

// writeOut writes to --out whole or not at all (see export.WriteFileAtomic),
// or to standard output when --out is "-" or, for the commands whose
// output is text, empty. A file that carries names is its owner's alone.
func (c *call) writeOut(path string, names bool, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(c.out())
	}
	if names {
		return export.WritePrivateFile(path, write)
	}
	return export.WriteFileAtomic(path, write)
}

func runExport(c *call) error {
	id := c.sid
	out := str(c.fs, "out")
	if out == "" {
		return usagef("export needs --out FILE.pdf")
	}
	paper, err := paperOption(c.fs)
	if err != nil {
		return err
	}
	r, err := c.store.Session(c.ctx, id)
	if err != nil {
		return err
	}
	opt := export.Options{Paper: paper, Names: boolean(c.fs, "names"), NoCover: boolean(c.fs, "no-cover"), Insert: boolean(c.fs, "insert")}
	if opt.Decisions, err = c.decisionsFor(r); err != nil {
		return err
	}
	if opt.Previous, err = c.previous(r, opt.Decisions); err != nil {
		return err
	}
	if err := c.warnUnprintable(r, opt); err != nil {
		return err
	}
	if err := c.writeOut(out, opt.Names, func(w io.Writer) error { return export.WritePDF(w, c.fw, r, opt) }); err != nil {
		return err
	}
	c.privacyNote([]*data.Record{r}, opt.Names)
	return nil
}

// warnUnprintable says on standard error, before the PDF is written, which
// text it cannot draw and where: each such run prints as a marker.
func (c *call) warnUnprintable(r *data.Record, opt export.Options) error {
	fs, err := export.Unprintable(c.fw, r, opt)
	if err != nil || len(fs) == 0 {
		return err
	}
	runs := "1 piece of text"
	if len(fs) > 1 {
		runs = fmt.Sprintf("%d pieces of text", len(fs))
	}
	fmt.Fprintf(c.env.Stderr, "The PDF cannot draw %s; each prints as a marker such as “[Arabic text not shown in the PDF]” (the HTML and Word papers show them):\n", runs)
	for _, f := range fs {
		fmt.Fprintf(c.env.Stderr, "  %s\n", f)
	}
	return nil
}

func runExportJSON(c *call) error {
	r, err := c.record()
	if err != nil {
		return err
	}
	noNames := boolean(c.fs, "no-names")
	f := data.NewSessionFile(c.fw, r)
	if noNames {
		d, err := c.decisionsFor(r)
		if err != nil {
			return err
		}
		f = data.NewSessionFile(c.fw, export.PublicRecord(c.fw, r, export.Options{Decisions: d}))
	}
	if err := c.writeOut(str(c.fs, "out"), !noNames, f.Write); err != nil {
		return err
	}
	if noNames {
		c.privacyNote([]*data.Record{r}, false)
	}
	return nil
}

func runExportCSV(c *call) error {
	r, err := c.record()
	if err != nil {
		return err
	}
	names := boolean(c.fs, "names")
	d, err := c.decisionsFor(r)
	if err != nil {
		return err
	}
	if err := c.writeOut(str(c.fs, "out"), names, func(w io.Writer) error {
		return export.WriteCSV(w, c.fw, r, export.Options{Names: names, Decisions: d})
	}); err != nil {
		return err
	}
	c.privacyNote([]*data.Record{r}, names)
	return nil
}

func runImport(c *call) error {
	f, err := data.ReadSessionFileAt(c.args[0], c.fw)
	if err != nil {
		return err
	}
	id, err := c.store.Import(c.ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out(), id)
	return nil
}

func runFramework(c *call) error {
	if boolean(c.fs, "json") {
		return writeJSON(c.out(), frameworkJSON(c.fw))
	}
	w := c.out()
	fmt.Fprintf(w, "%s (framework %s, version %s)\nSource: %s\n", c.fw.Title, c.fw.ID, c.fw.Version, c.fw.Source.Citation)
	for _, e := range c.fw.Elements {
		fmt.Fprintf(w, "\n%s (%s): %s\n", e.Name, e.Code, e.Definition)
		for _, word := range e.Words {
			fmt.Fprintf(w, "  %-20s %s\n", word.ID, word.Label)
		}
	}
	return nil
}
