package app

import (
	"sync/atomic"
	"time"
)

// settler runs release once the window has been still for a moment after
// a burst of work. A facilitator moves to a screen or shades a word and then
// the room talks for minutes; building the screen left garbage that the Go
// runtime would otherwise hold, counted against the laptop, until its next
// collection. Run gives memory back to the system this way (see
// debug.FreeOSMemory); the collection it forces takes a few milliseconds
// off the Fyne thread, while nobody is waiting for the window.
type settler struct {
	poke chan struct{}
	done chan struct{}
	// asked counts busy calls; answered is the count the goroutine had
	// seen when it last released. They are equal when nothing is waiting.
	asked, answered atomic.Int64
}

// newSettler starts the goroutine; release runs on it, never on the Fyne
// thread, so it must not touch the window.
func newSettler(quiet time.Duration, release func()) *settler {
	s := &settler{poke: make(chan struct{}, 1), done: make(chan struct{})}
	go s.run(quiet, release)
	return s
}

func (s *settler) run(quiet time.Duration, release func()) {
	for {
		select {
		case <-s.poke:
		case <-s.done:
			return
		}
		seen := s.asked.Load()
		t := time.NewTimer(quiet)
		for waiting := true; waiting; {
			select {
			case <-s.poke:
				seen = s.asked.Load()
				t.Reset(quiet)
			case <-t.C:
				release()
				s.answered.Store(seen)
				waiting = false
			case <-s.done:
				t.Stop()
				return
			}
		}
	}
}

// busy says work happened: release waits for quiet again. It never blocks,
// and does nothing on a nil settler (tests that do not need one).
func (s *settler) busy() {
	if s == nil {
		return
	}
	s.asked.Add(1)
	select {
	case s.poke <- struct{}{}:
	default:
	}
}

// settled reports whether every piece of work so far has been followed by
// its release, so no release is still to come. Tests wait on it.
func (s *settler) settled() bool { return s.answered.Load() == s.asked.Load() }

// stop ends the goroutine.
func (s *settler) stop() {
	if s != nil {
		close(s.done)
	}
}
