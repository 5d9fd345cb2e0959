package privacy

import (
	"sort"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
)

// Public returns the version of r that a public output may show: every
// finding decided "withhold" replaced by a marker such as "[name
// withheld]", participants' and the facilitator's names taken out of their
// entries (their job titles stay), and the author and presenter printed as
// decided (kept by default, since they present the paper). names keeps
// every name, as when a named copy is asked for; personal data still
// follows the decisions. r itself is not changed. fw labels the fields
// (nil for the default framework).
//
// This is the one privacy step: every writer of a public output is handed
// what Public returns and never decides about people itself.
func Public(r *data.Record, fw *data.Framework, d Decisions, names bool) (*data.Record, *Check, Summary) {
	c := Find(r, fw)
	out := copyRecord(r)
	byField := map[string][]Finding{}
	for _, f := range c.Findings {
		byField[f.Field] = append(byField[f.Field], f)
	}
	for _, tf := range textFields(out, fw) {
		*tf.text = replace(*tf.text, byField[tf.key], c, d, names)
	}
	// People's own entries: a withheld person leaves only their title.
	var drop []*string
	for _, pf := range personFields(out) {
		v := *pf.text
		for _, f := range byField[pf.key] {
			if f.Kind != KindPerson || c.Decide(f, d, names) != Withhold {
				continue
			}
			_, title := pf.person()
			v = ""
			switch {
			case pf.title != nil:
				*pf.title = title // the job title stays; only the name goes
			default:
				drop = append(drop, pf.text)
			}
		}
		// Personal data typed into an entry (an email after a name).
		var rest []Finding
		for _, f := range byField[pf.key] {
			if f.Kind != KindPerson {
				rest = append(rest, f)
			}
		}
		if v == *pf.text {
			v = replace(v, rest, c, d, names)
		} else {
			v = replace(v, relocate(v, rest), c, d, names)
		}
		*pf.text = v
	}
	for i := range out.Participants {
		p := &out.Participants[i]
		kept := p.Names[:0]
		for j := range p.Names {
			gone := false
			for _, x := range drop {
				gone = gone || x == &p.Names[j]
			}
			if !gone {
				kept = append(kept, p.Names[j])
			}
		}
		if len(kept) == 0 {
			kept = nil
		}
		p.Names = kept
	}
	return out, c, c.Summarise(d, names)
}

// relocate finds the findings again in a shortened entry, by their text.
func relocate(s string, fs []Finding) []Finding {
	var out []Finding
	from := 0
	for _, f := range fs {
		i := strings.Index(s[from:], f.Text)
		if i < 0 {
			continue
		}
		f.start, f.end = from+i, from+i+len(f.Text)
		from = f.end
		out = append(out, f)
	}
	return out
}

// replace puts a marker in place of each finding decided "withhold".
func replace(s string, fs []Finding, c *Check, d Decisions, names bool) string {
	if len(fs) == 0 {
		return s
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].start < fs[j].start })
	var b strings.Builder
	last := 0
	for _, f := range fs {
		if f.Kind == KindPerson || f.start < last || f.end > len(s) || c.Decide(f, d, names) != Withhold {
			continue
		}
		b.WriteString(s[last:f.start])
		b.WriteString(f.Kind.Marker())
		last = f.end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// copyRecord is a deep copy of everything Public may change.
func copyRecord(r *data.Record) *data.Record {
	out := *r
	out.Participants = make([]data.Participants, len(r.Participants))
	for i, p := range r.Participants {
		p.Names = append([]string(nil), p.Names...)
		out.Participants[i] = p
	}
	out.Words = append([]data.WordState(nil), r.Words...)
	out.Elements = append([]data.ElementState(nil), r.Elements...)
	out.Actions = append([]data.Action(nil), r.Actions...)
	return &out
}
