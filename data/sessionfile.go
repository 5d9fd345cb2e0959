package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
	"unicode/utf8"
)

// The session file: one session as JSON, for moving a session between
// copies of the app. Its schema is documented in docs/session-file.md.
const (
	SessionFileFormat  = "ppei-iceberg-session"
	SessionFileVersion = 1
)

// SessionFile is the on-disk form of one session.
type SessionFile struct {
	Format           string         `json:"format"`
	FormatVersion    int            `json:"format_version"`
	FrameworkID      string         `json:"framework_id"`
	FrameworkVersion string         `json:"framework_version"`
	Session          FileSession    `json:"session"`
	Words            []WordState    `json:"words"`
	Elements         []ElementState `json:"elements"`
	Actions          []FileAction   `json:"actions"`
}

// FileSession is a session's details in a session file (no local ids).
type FileSession struct {
	Title        string         `json:"title"`
	Community    string         `json:"community"`
	Organisation string         `json:"organisation"`
	MeetingDate  string         `json:"meeting_date"`
	Facilitator  string         `json:"facilitator"`
	FacilTitle   string         `json:"facilitator_title,omitempty"`
	Focus        string         `json:"focus"`
	Purpose      string         `json:"purpose"`
	Status       string         `json:"status"`
	Summary      string         `json:"summary"`
	Participants []Participants `json:"participants"`
	Cover        Cover          `json:"cover"`
	TallyOf      *int           `json:"tally_of,omitempty"`
	CreatedAt    time.Time      `json:"created_at"`
	UpdatedAt    time.Time      `json:"updated_at"`
}

// FileAction is an action in a session file.
type FileAction struct {
	Text    string `json:"text"`
	Owner   string `json:"owner"`
	Due     string `json:"due"`
	Element string `json:"element"`
}

// MarshalJSON writes a Shade as its word: none, partly, shaded.
func (s Shade) MarshalJSON() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("shade %d is out of range", int(s))
	}
	return json.Marshal(s.String())
}

// UnmarshalJSON reads a Shade from its word.
func (s *Shade) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return Errorf(EInvalid, "a shading level must be none, partly or shaded, not %s", string(b))
	}
	v, err := ParseShade(str)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// NewSessionFile makes the session file of a record. Words are listed in
// the framework's order, every word present, so files compare line by line.
func NewSessionFile(fw *Framework, r *Record) *SessionFile {
	f := &SessionFile{
		Format:           SessionFileFormat,
		FormatVersion:    SessionFileVersion,
		FrameworkID:      r.FrameworkID,
		FrameworkVersion: r.FrameworkVersion,
		Session: FileSession{
			Title: r.Title, Community: r.Community, Organisation: r.Organisation,
			MeetingDate: r.MeetingDate, Facilitator: r.Facilitator, FacilTitle: r.FacilitatorTitle, Focus: r.Focus,
			Purpose: r.Purpose, Status: r.Status, Summary: r.Summary,
			Participants: r.Participants, Cover: r.Cover, TallyOf: r.TallyOf,
			CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		},
		Words:    []WordState{},
		Elements: []ElementState{},
		Actions:  []FileAction{},
	}
	if f.Session.Participants == nil {
		f.Session.Participants = []Participants{}
	}
	for _, w := range fw.AllWords() {
		f.Words = append(f.Words, r.Word(w.ID))
	}
	for _, e := range fw.Elements {
		st := r.Element(e.Code)
		if st.AgreedAt != nil {
			t := st.AgreedAt.UTC()
			st.AgreedAt = &t
		}
		f.Elements = append(f.Elements, st)
	}
	for _, a := range r.Actions {
		f.Actions = append(f.Actions, FileAction{Text: a.Text, Owner: a.Owner, Due: a.Due, Element: a.Element})
	}
	return f
}

// Write writes the session file as indented JSON.
func (f *SessionFile) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write session file: %w", err)
	}
	return nil
}

// ReadSessionFile parses and checks a session file against fw. Every problem
// is an *Error whose message names it.
func ReadSessionFile(r io.Reader, fw *Framework) (*SessionFile, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSessionFile+1))
	if err != nil {
		return nil, fmt.Errorf("read session file: %w", err)
	}
	if len(b) > MaxSessionFile {
		return nil, tooLarge()
	}
	if !utf8.Valid(b) {
		return nil, Errorf(EInvalid, "The session file is not UTF-8 text.")
	}
	if err := checkRequired(b); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f SessionFile
	if err := dec.Decode(&f); err != nil {
		var se *json.SyntaxError
		var ue *json.UnmarshalTypeError
		var de *Error
		switch {
		case errors.As(err, &se):
			return nil, &Error{Code: EInvalid, Message: fmt.Sprintf("The session file is not valid JSON (at byte %d)", se.Offset), Err: err}
		case errors.As(err, &ue):
			return nil, &Error{Code: EInvalid, Message: fmt.Sprintf("The session file has the wrong kind of value for %q", ue.Field), Err: err}
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, &Error{Code: EInvalid, Message: "The session file is not valid JSON (it ends too soon)", Err: err}
		case errors.As(err, &de):
			return nil, &Error{Code: EInvalid, Message: "The session file has a bad shading level: " + de.Message}
		default:
			return nil, &Error{Code: EInvalid, Message: "The session file cannot be read", Err: err}
		}
	}
	if dec.More() {
		return nil, Errorf(EInvalid, "The session file has more than one JSON value.")
	}
	if err := f.Check(fw); err != nil {
		return nil, err
	}
	return &f, nil
}

// Check validates a session file against fw.
func (f *SessionFile) Check(fw *Framework) error {
	if f.Format != SessionFileFormat {
		return Errorf(EInvalid, "This is not a PPEI Iceberg session file (its format is %q).", f.Format)
	}
	if f.FormatVersion != SessionFileVersion {
		return Errorf(EInvalid, "The session file has format version %d; this copy of the app reads version %d. Update the app to import it.", f.FormatVersion, SessionFileVersion)
	}
	if f.FrameworkID != fw.ID {
		return Errorf(EInvalid, "The session file was made with framework %q, not %q.", f.FrameworkID, fw.ID)
	}
	s := f.Session.asSession()
	if err := s.Validate(fw); err != nil {
		return &Error{Code: EInvalid, Message: "The session file's details are not right: " + ErrorMessage(err)}
	}
	seen := map[string]bool{}
	for _, w := range f.Words {
		if _, ok := fw.Word(w.WordID); !ok {
			return Errorf(EInvalid, "The session file names a doing word %q that this framework does not have.", w.WordID)
		}
		if seen[w.WordID] {
			return Errorf(EInvalid, "The session file lists the doing word %q twice.", w.WordID)
		}
		seen[w.WordID] = true
		if !w.Level.Valid() {
			return Errorf(EInvalid, "The session file has a shading level out of range for %q.", w.WordID)
		}
		if w.Tally != nil && (*w.Tally < 0 || *w.Tally > MaxTally) {
			return Errorf(EInvalid, "The tally for %q is out of range (%d).", w.WordID, *w.Tally)
		}
		if w.Tally != nil && f.Session.TallyOf != nil && *w.Tally > *f.Session.TallyOf {
			return Errorf(EInvalid, "The tally for %q (%d) is more than the %d people who took part.", w.WordID, *w.Tally, *f.Session.TallyOf)
		}
		if err := CheckText("note for "+w.WordID, w.Note); err != nil {
			return err
		}
	}
	seenE := map[string]bool{}
	for _, e := range f.Elements {
		if _, ok := fw.elements[e.Code]; !ok {
			return Errorf(EInvalid, "The session file names an element %q that this framework does not have.", e.Code)
		}
		if seenE[e.Code] {
			return Errorf(EInvalid, "The session file lists the element %q twice.", e.Code)
		}
		seenE[e.Code] = true
		if e.Seconds < 0 || e.Seconds > 7*24*3600 {
			return Errorf(EInvalid, "The time spent on %s is out of range (%d seconds).", e.Code, e.Seconds)
		}
		if e.ExtraSeconds < 0 || e.ExtraSeconds > MaxExtraSeconds {
			return Errorf(EInvalid, "The time added to %s's timer is out of range (%d seconds).", e.Code, e.ExtraSeconds)
		}
		if err := CheckText("notes for "+e.Code, e.Notes); err != nil {
			return err
		}
	}
	rec := &Record{Session: s, Words: f.Words, Elements: f.Elements}
	rec.FrameworkID, rec.FrameworkVersion = f.FrameworkID, f.FrameworkVersion
	for _, a := range f.Actions {
		rec.Actions = append(rec.Actions, Action{Text: a.Text, Owner: a.Owner, Due: a.Due, Element: a.Element})
	}
	if err := CheckRecordLimits(rec); err != nil {
		return &Error{Code: EInvalid, Message: "The session file holds more than the app keeps: " + ErrorMessage(err)}
	}
	for i, a := range f.Actions {
		act := Action{Text: a.Text, Owner: a.Owner, Due: a.Due, Element: a.Element}
		if err := act.Validate(fw); err != nil {
			return Errorf(EInvalid, "Action %d in the session file: %s", i+1, ErrorMessage(err))
		}
	}
	c := f.Session.Cover
	for what, v := range map[string]string{"summary": f.Session.Summary, "purpose": f.Session.Purpose,
		"cover's meeting": c.Meeting, "cover's agenda item": c.AgendaItem, "cover's author": c.Author,
		"cover's presenter": c.Presenter, "executive summary": c.ExecutiveSummary,
		"recommendations": c.Recommendations, "cover's “previously considered by”": c.PreviouslyConsider,
		"link to strategic objectives": c.StrategicObjectives, "risk reference": c.RiskReference, "risks": c.Risks,
		"financial and resource implications": c.Financial, "quality and equality impact": c.QualityEquality,
		"health inequalities": c.HealthInequalities, "legal and statutory implications": c.Legal, "conflicts of interest": c.Conflicts} {
		if err := CheckText(what, v); err != nil {
			return err
		}
	}
	for _, p := range f.Session.Participants {
		for _, n := range p.Names {
			if err := CheckText("participant's name", n); err != nil {
				return err
			}
		}
	}
	for i, a := range f.Actions {
		for what, v := range map[string]string{"action": a.Text, "action's owner": a.Owner} {
			if err := CheckText(fmt.Sprintf("%s (action %d)", what, i+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (fs FileSession) asSession() Session {
	return Session{
		Title: fs.Title, Community: fs.Community, Organisation: fs.Organisation,
		MeetingDate: fs.MeetingDate, Facilitator: fs.Facilitator, FacilitatorTitle: fs.FacilTitle, Focus: fs.Focus,
		Purpose: fs.Purpose, Status: fs.Status, Summary: fs.Summary,
		Participants: fs.Participants, Cover: fs.Cover, TallyOf: fs.TallyOf,
		CreatedAt: fs.CreatedAt, UpdatedAt: fs.UpdatedAt,
	}
}

// AsSession gives the session details of a file, ready to create.
func (f *SessionFile) AsSession() Session { return f.Session.asSession() }

func tooLarge() error {
	return Errorf(EInvalid, "The file is larger than %d MB, so it is not a session file from this app. It was not read.", MaxSessionFile>>20)
}

// ReadSessionFileAt reads and checks the session file at path. Only an
// ordinary file is read (not a folder, a device such as /dev/zero, or a
// pipe, which could hang), and never more than MaxSessionFile bytes: a
// larger file is refused before it is read.
func ReadSessionFileAt(path string, fw *Framework) (*SessionFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, readFileError(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, Errorf(EInvalid, "%s is not an ordinary file (it is %s), so it was not read. Choose a session file (.json).", path, fileKind(st.Mode()))
	}
	if st.Size() > MaxSessionFile {
		return nil, tooLarge()
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, readFileError(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, Errorf(EInvalid, "%s is not an ordinary file, so it was not read. Choose a session file (.json).", path)
	}
	return ReadSessionFile(f, fw)
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a pipe"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a file"
}

func readFileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Code: EInvalid, Message: fmt.Sprintf("There is no file %s. Check the name and folder", path), Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Code: EInvalid, Message: fmt.Sprintf("You do not have permission to read %s. Check the file's permissions", path), Err: err}
	case isNameTooLong(err):
		return &Error{Code: EInvalid, Message: fmt.Sprintf("The path %s is too long for this computer. Choose a shorter folder or file name", path), Err: err}
	}
	return &Error{Code: EInvalid, Message: fmt.Sprintf("Cannot read %s", path), Err: err}
}

// The fields every session file must have (docs/session-file.md); every
// other field may be left out and then reads as empty.
var (
	requiredFields        = []string{"format", "format_version", "framework_id", "framework_version", "session"}
	requiredSessionFields = []string{"title", "community"}
)

// checkRequired names the first required field a file lacks. A file that
// is not a JSON object is left for the full decode to describe.
func checkRequired(b []byte) error {
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) != nil {
		return nil
	}
	for _, k := range requiredFields {
		if _, ok := top[k]; !ok {
			return Errorf(EInvalid, "The session file has no %q field, which every session file needs.", k)
		}
	}
	var sess map[string]json.RawMessage
	if json.Unmarshal(top["session"], &sess) != nil {
		return nil
	}
	for _, k := range requiredSessionFields {
		if _, ok := sess[k]; !ok {
			return Errorf(EInvalid, "The session file's session has no %q field, which every session needs.", k)
		}
	}
	return nil
}
