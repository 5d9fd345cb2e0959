package data

import (
	"fmt"
	"unicode/utf8"
)

// What one session may hold. The same limits hold on every way in (the
// window, the command line and import), and they are small enough that
// every session the app can hold exports to a session file the app can
// import again: even text made only of characters JSON must escape (six
// bytes each) stays under MaxSessionFile.
const (
	MaxActions      = 200     // recommended actions in a session
	MaxNamesPerRole = 200     // participants' names for one role
	MaxSessionText  = 8 << 20 // bytes of text in one session, all fields together
)

// MaxSessionFile is the largest session file Import reads: MaxSessionText
// at six bytes a character, with room for the file's own structure.
const MaxSessionFile = 6*MaxSessionText + 4<<20

// RecordText is how many bytes of text a record holds, all fields
// together, as counted against MaxSessionText.
func RecordText(r *Record) int {
	n := len(r.Title) + len(r.Community) + len(r.Organisation) + len(r.MeetingDate) + len(r.Facilitator) + len(r.FacilitatorTitle) +
		len(r.Focus) + len(r.Purpose) + len(r.Status) + len(r.Summary) + len(r.FrameworkID) + len(r.FrameworkVersion)
	c := r.Cover
	for _, f := range CoverFields {
		n += len(*f.Value(&c))
	}
	for _, p := range r.Participants {
		for _, name := range p.Names {
			n += len(name) + 1
		}
	}
	for _, w := range r.Words {
		n += len(w.Note)
	}
	for _, e := range r.Elements {
		n += len(e.Notes)
	}
	for _, a := range r.Actions {
		n += len(a.Text) + len(a.Owner) + len(a.Due) + len(a.Element)
	}
	return n
}

// CheckRecordLimits says, in a sentence, what in a whole record is past
// the limits above, or returns nil.
func CheckRecordLimits(r *Record) error {
	if len(r.Actions) > MaxActions {
		return Errorf(EInvalid, "The session has %d actions; a session can hold at most %d.", len(r.Actions), MaxActions)
	}
	for _, p := range r.Participants {
		if len(p.Names) > MaxNamesPerRole {
			return Errorf(EInvalid, "The session names %d %s; at most %d can be named for one role.", len(p.Names), p.Role.Plural(2), MaxNamesPerRole)
		}
	}
	for what, v := range map[string]string{"framework version": r.FrameworkVersion, "framework id": r.FrameworkID} {
		if utf8.RuneCountInString(v) > MaxShortText {
			return Errorf(EInvalid, "The %s is longer than %d characters.", what, MaxShortText)
		}
	}
	if n := RecordText(r); n > MaxSessionText {
		return tooMuchText(n)
	}
	return nil
}

func tooMuchText(n int) error {
	return &Error{Code: EInvalid, Message: fmt.Sprintf("The session would hold %.1f MB of text; one session can hold at most %d MB. Shorten some notes, or split the session", float64(n)/(1<<20), MaxSessionText>>20)}
}

// TooMuchText is the error for a change that would take a session past
// MaxSessionText bytes of text.
func TooMuchText(n int) error { return tooMuchText(n) }

// MaxExtraSeconds is the most time "+1 min" can add to one element's
// countdown: a whole day.
const MaxExtraSeconds = 24 * 3600
