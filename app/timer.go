package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
)

// countdown is the per-element timer. Time left is kept per element for
// the window's life; time spent is written to the store on every pause
// (including leaving the element or closing the window).
type countdown struct {
	code    string // element being timed, "" when stopped
	since   time.Time
	left    map[string]time.Duration
	unsaved map[string]int // seconds a failed write still owes the store
	stop    chan struct{}
}

func newCountdown() countdown {
	return countdown{left: map[string]time.Duration{}, unsaved: map[string]int{}}
}

func (c *countdown) running() bool { return c.code != "" }

// timing reports whether the timer of element code is running.
func (s *session) timing(code string) bool { return s.clock.code == code }

// timeLeft is what the timer for code shows now (negative once over time).
func (s *session) timeLeft(code string) time.Duration {
	left, ok := s.clock.left[code]
	if !ok {
		left = time.Duration(s.timerMinutes())*time.Minute - time.Duration(s.rec.Element(code).Seconds)*time.Second
		if left < 0 {
			left = 0
		}
		s.clock.left[code] = left
	}
	if s.clock.code == code {
		left -= s.now().Sub(s.clock.since)
	}
	return left
}

// toggleTimer starts the timer of element code, or pauses the one running.
func (s *session) toggleTimer(code string) {
	if s.clock.running() {
		s.pauseTimer()
	} else {
		s.startTimer(code)
	}
}

func (s *session) startTimer(code string) {
	if s.rec == nil || s.clock.running() {
		return
	}
	s.timeLeft(code) // fix the starting point before the clock runs
	s.clock.code = code
	s.clock.since = s.now()
	if s.tickEvery <= 0 {
		return
	}
	stop := make(chan struct{})
	s.clock.stop = stop
	every, tick := s.tickEvery, s.tick
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(tick)
			}
		}
	}()
}

// pauseTimer stops the clock and writes the time spent.
func (s *session) pauseTimer() {
	if !s.clock.running() {
		return
	}
	code := s.clock.code
	spent := s.now().Sub(s.clock.since)
	s.clock.left[code] = s.timeLeft(code)
	s.clock.code = ""
	if s.clock.stop != nil {
		close(s.clock.stop)
		s.clock.stop = nil
	}
	secs := int(spent.Round(time.Second)/time.Second) + s.clock.unsaved[code]
	if secs <= 0 || s.rec == nil {
		return
	}
	if err := s.store.AddElementTime(s.ctx, s.rec.ID, code, secs); err != nil {
		s.clock.unsaved[code] = secs
		s.fail(err)
		return
	}
	delete(s.clock.unsaved, code)
	s.reread()
}

// addMinute gives element code one more minute.
func (s *session) addMinute(code string) {
	s.timeLeft(code)
	s.clock.left[code] += time.Minute
}

// clockText formats time left as m:ss, and time over as +m:ss.
func clockText(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "+", -d
	}
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}
