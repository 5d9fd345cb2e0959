package data

import "context"

// Store keeps sessions. Every method that changes something commits it
// before it returns; shading, notes, agreement and summary changes are
// written to a history that Undo and Redo step through.
type Store interface {
	// Framework is the framework sessions in this store are checked against.
	Framework() *Framework

	CreateSession(ctx context.Context, s *Session) (int64, error)
	Session(ctx context.Context, id int64) (*Record, error)
	ListSessions(ctx context.Context, f SessionFilter) ([]Session, error)
	// UpdateDetails changes some of a session's details (not its shading
	// or notes). edit is given the details as stored now, inside the write
	// transaction, so a change another copy made meanwhile is never lost;
	// only the fields edit changes are written.
	UpdateDetails(ctx context.Context, id int64, edit func(*Session) error) error

	SetShade(ctx context.Context, id int64, wordID string, level Shade) error
	SetWordNote(ctx context.Context, id int64, wordID, note string) error
	SetElementNotes(ctx context.Context, id int64, code, notes string) error
	AddElementTime(ctx context.Context, id int64, code string, seconds int) error
	// SetElementTime sets the time spent discussing an element, replacing
	// what the timer recorded (for time kept on paper, or a correction).
	SetElementTime(ctx context.Context, id int64, code string, seconds int) error
	// AddExtraTime adds seconds to an element's countdown ("+1 min"),
	// stored with the element's time.
	AddExtraTime(ctx context.Context, id int64, code string, seconds int) error
	// SetAgreed records that the room agreed an element, or takes it
	// back. Agreeing an element already agreed keeps the first time,
	// unless its shading changed since: then it is agreed again, now.
	SetAgreed(ctx context.Context, id int64, code string, agreed bool) error
	SetSummary(ctx context.Context, id int64, summary string) error
	// SetTally records how many people shaded a word on their own; nil clears it.
	SetTally(ctx context.Context, id int64, wordID string, count *int) error
	// SetTallyOf records how many people took part in the tally; nil clears it.
	SetTallyOf(ctx context.Context, id int64, people *int) error

	AddAction(ctx context.Context, id int64, a *Action) (int64, error)
	UpdateAction(ctx context.Context, id int64, a *Action) error
	DeleteAction(ctx context.Context, id int64, actionID int64) error

	// Undo reverts the session's latest change and says what it was.
	Undo(ctx context.Context, id int64) (Change, error)
	// Redo re-applies the latest undone change.
	Redo(ctx context.Context, id int64) (Change, error)

	FollowUp(ctx context.Context, id int64) (int64, error)
	DeleteSession(ctx context.Context, id int64) error
	RestoreSession(ctx context.Context, id int64) error
	PurgeSession(ctx context.Context, id int64) error

	// Import adds a whole session from a session file, all or nothing.
	Import(ctx context.Context, f *SessionFile) (int64, error)

	// PrivacyDecisions are the withhold-or-keep choices made in the
	// session's privacy check, by finding ID.
	PrivacyDecisions(ctx context.Context, id int64) (map[string]string, error)
	// SetPrivacyDecision remembers "withhold" or "keep" for one finding; ""
	// forgets the choice.
	SetPrivacyDecision(ctx context.Context, id int64, finding, decision string) error
	// PeopleSplit returns, once, the entries the update to people as
	// records split into a name and a job title.
	PeopleSplit(ctx context.Context) ([]PersonSplit, error)

	Close() error
}

// SessionFilter chooses sessions for a list.
type SessionFilter struct {
	Search  string // matched against title, community and organisation
	Deleted bool   // list the trash instead
	Limit   int    // 0 means 50
	Offset  int
}

// Change is one entry of a session's history. Before and After are the
// field's values as the history stores them (see Field).
type Change struct {
	Field  Field
	Target string // word id or element code; "" for the summary and tally_of
	Before string
	After  string
}
