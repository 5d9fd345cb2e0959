package data

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/ppei-iceberg/iceberg/resources"
)

// Example is an illustrative session built only from the research's
// findings, for trainers to start from. Opening one imports its File as a
// new, editable session (Store.Import); the example itself never changes.
type Example struct {
	Name        string       // file name without .json, stable: "1-leadership-paperwork"
	Title       string       // begins "Illustrative example"
	Description string       // what it shows, which findings, and that it is not the researcher's shading
	Findings    []Finding    // the findings it draws on, from the framework
	File        *SessionFile // the session, checked against the framework
}

// ExampleLabel begins every example's title.
const ExampleLabel = "Illustrative example"

// findingsHeading starts the list of findings in an example's summary:
// one "- id: text" line each.
const findingsHeading = "Findings drawn on:"

// Examples reads the embedded examples in name order, each parsed afresh,
// so a caller may change what it gets without touching the examples.
func Examples(fw *Framework) ([]Example, error) {
	return readExamples(resources.Examples, "examples", fw)
}

func readExamples(fsys fs.FS, dir string, fw *Framework) ([]Example, error) {
	if fw == nil {
		return nil, fmt.Errorf("examples: no framework")
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("examples: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []Example
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".json" {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("example %s: %w", e.Name(), err)
		}
		ex, err := parseExample(strings.TrimSuffix(e.Name(), ".json"), b, fw)
		if err != nil {
			return nil, err
		}
		out = append(out, ex)
	}
	return out, nil
}

func parseExample(name string, b []byte, fw *Framework) (Example, error) {
	f, err := ReadSessionFile(bytes.NewReader(b), fw)
	if err != nil {
		return Example{}, fmt.Errorf("example %s: %w", name, err)
	}
	ex := Example{Name: name, Title: f.Session.Title, Description: f.Session.Purpose, File: f}
	if !strings.HasPrefix(ex.Title, ExampleLabel) {
		return Example{}, fmt.Errorf("example %s: its title must begin %q", name, ExampleLabel)
	}
	if !strings.Contains(ex.Description, "not the researcher's own shading") {
		return Example{}, fmt.Errorf("example %s: its purpose must say it is not the researcher's own shading", name)
	}
	ids, err := findingIDs(f.Session.Summary)
	if err != nil {
		return Example{}, fmt.Errorf("example %s: %w", name, err)
	}
	for _, id := range ids {
		fd, ok := fw.Finding(id)
		if !ok {
			return Example{}, fmt.Errorf("example %s: it cites finding %q, which the framework does not have", name, id)
		}
		ex.Findings = append(ex.Findings, *fd)
	}
	// The ids tie the example to its findings; the session shows the
	// findings' words alone ("- Heavy materiality: …").
	f.Session.Summary = dropFindingIDs(f.Session.Summary, ids)
	return ex, nil
}

// dropFindingIDs turns the "- id: text" lines of the findings list into
// "- text".
func dropFindingIDs(summary string, ids []string) string {
	head, list, _ := strings.Cut(summary, findingsHeading)
	for _, id := range ids {
		list = strings.Replace(list, "- "+id+": ", "- ", 1)
	}
	return head + findingsHeading + list
}

// findingIDs reads the ids listed under findingsHeading in a summary.
func findingIDs(summary string) ([]string, error) {
	_, list, ok := strings.Cut(summary, findingsHeading)
	if !ok {
		return nil, fmt.Errorf("its summary has no %q list", findingsHeading)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimLeft(list, "\n"), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "- ") {
			break
		}
		id, _, _ := strings.Cut(strings.TrimPrefix(line, "- "), ":")
		ids = append(ids, strings.TrimSpace(id))
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("its %q list is empty", findingsHeading)
	}
	return ids, nil
}
