package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/ppei-iceberg/iceberg/data"
)

// session is the open session as the screens share it: the record as the
// store last gave it, the changes made to it, undo and redo, typing not
// yet written and the element timer. Screens are given it and change the
// session only through it, so what they show is always what the store
// holds. Only the Fyne thread uses it; its goroutines (the delayed save,
// the timer tick) come back through fyne.Do.
type session struct {
	store data.Store
	fw    *data.Framework
	ctx   context.Context
	now   func() time.Time

	debounce  time.Duration // how long typing rests before it is saved; <0 waits for a move
	tickEvery time.Duration // timer display refresh; 0 means no ticking goroutine

	rec       *data.Record // the open session; nil on Home and the store-wide screens
	pending   map[string]pendingText
	saveTimer *time.Timer
	clock     countdown

	// Told by the window.
	fail         func(error)     // says what went wrong, in the message bar
	refreshed    func(full bool) // the record was read again; full unless only typing was saved
	tick         func()          // the running timer moved on
	timerMinutes func() int      // the countdown each element starts with
}

// pendingText is typing not yet written: the latest value and how to save it.
type pendingText struct {
	value string
	save  func(ctx context.Context, st data.Store, id int64, value string) error
}

func newSessionController(store data.Store) *session {
	return &session{
		store:        store,
		fw:           store.Framework(),
		ctx:          context.Background(),
		now:          time.Now,
		pending:      map[string]pendingText{},
		clock:        newCountdown(),
		fail:         func(error) {},
		refreshed:    func(bool) {},
		tick:         func() {},
		timerMinutes: func() int { return 10 },
	}
}

// open reads the session id from the store and makes it the open one,
// with its timers fresh.
func (s *session) open(id int64) error {
	rec, err := s.store.Session(s.ctx, id)
	if err != nil {
		return err
	}
	s.rec = rec
	s.clock = newCountdown()
	return nil
}

// close leaves the open session; what was typed must be flushed first.
func (s *session) close() { s.rec = nil }

// use moves onto another store (a practice one, or back), dropping the
// open session and anything still waiting to be written to the old store.
func (s *session) use(store data.Store) {
	s.pending = map[string]pendingText{}
	s.rec = nil
	s.store = store
}

// change runs a store change for the open session, then reloads it and
// refreshes the screen. What was typed is written first, so a reload never
// puts old text back in a field.
func (s *session) change(fn func(ctx context.Context, st data.Store, id int64) error) bool {
	if s.rec == nil {
		return false
	}
	s.flush()
	err := fn(s.ctx, s.store, s.rec.ID)
	if err != nil {
		s.fail(err)
		s.reload() // show what the store really holds
		return false
	}
	s.reload()
	return true
}

// create writes a new session and returns its id; the window then opens it.
func (s *session) create(x *data.Session) (int64, error) {
	x.FrameworkID, x.FrameworkVersion = s.fw.ID, s.fw.Version
	return s.store.CreateSession(s.ctx, x)
}

// saveDetails writes Setup's form: the session's details, people and cover
// sheet. It is the one place the window writes them. Only what the form
// changes from base (the form as last saved) is written, over the session
// as stored now, so a change another copy made meanwhile is kept.
func (s *session) saveDetails(base, edited data.Session) error {
	return s.store.UpdateDetails(s.ctx, s.rec.ID, func(cur *data.Session) error {
		data.MergeDetails(cur, base, edited)
		return nil
	})
}

// reload reads the open session again and refreshes what shows it.
func (s *session) reload() {
	if s.rec == nil {
		return
	}
	rec, err := s.store.Session(s.ctx, s.rec.ID)
	if err != nil {
		s.fail(err)
		return
	}
	s.rec = rec
	s.refreshed(true)
}

// reloadQuietly refreshes the record without touching text fields.
func (s *session) reloadQuietly() {
	if s.rec == nil {
		return
	}
	if rec, err := s.store.Session(s.ctx, s.rec.ID); err == nil {
		s.rec = rec
		s.refreshed(false)
	}
}

// reread reads the record again and refreshes nothing, for a caller about
// to show another screen.
func (s *session) reread() {
	if s.rec == nil {
		return
	}
	if rec, err := s.store.Session(s.ctx, s.rec.ID); err == nil {
		s.rec = rec
	}
}

// edit records typing in a field; it is written after a pause, or at once
// on any move, close, undo or other change. stored is what the store has,
// so typing that comes back to it writes nothing.
func (s *session) edit(key, value, stored string, save func(ctx context.Context, st data.Store, id int64, value string) error) {
	if _, waiting := s.pending[key]; !waiting && value == stored {
		return
	}
	s.pending[key] = pendingText{value: value, save: save}
	if s.debounce < 0 {
		return
	}
	if s.saveTimer != nil {
		s.saveTimer.Stop()
	}
	s.saveTimer = time.AfterFunc(s.debounce, func() { fyne.Do(s.flushAndReload) })
}

// isPending reports whether typing in the field key is not written yet.
func (s *session) isPending(key string) bool {
	_, ok := s.pending[key]
	return ok
}

func (s *session) flushAndReload() {
	if s.flush() {
		s.reloadQuietly()
	}
}

// flush writes all waiting text and reports whether anything was written.
// Text that fails to save stays waiting and the error shows.
func (s *session) flush() bool {
	if s.saveTimer != nil {
		s.saveTimer.Stop()
		s.saveTimer = nil
	}
	if len(s.pending) == 0 || s.rec == nil {
		return false
	}
	keys := make([]string, 0, len(s.pending))
	for k := range s.pending {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	wrote := false
	for _, k := range keys {
		p := s.pending[k]
		if err := p.save(s.ctx, s.store, s.rec.ID, p.value); err != nil {
			s.fail(fmt.Errorf("save text: %w", &data.Error{Code: data.ErrorCode(err),
				Message: "What you typed is not saved yet: " + strings.TrimSuffix(data.ErrorMessage(err), ".") + ". It stays on screen; it will be tried again on your next change", Err: err}))
			continue
		}
		delete(s.pending, k)
		wrote = true
	}
	if wrote {
		s.reread()
	}
	return wrote
}

// history undoes (or redoes) the open session's latest change and says
// what it was. The caller reloads, having perhaps moved to where it was.
func (s *session) history(undo bool) (data.Change, error) {
	s.flush()
	if undo {
		return s.store.Undo(s.ctx, s.rec.ID)
	}
	return s.store.Redo(s.ctx, s.rec.ID)
}
