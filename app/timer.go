package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"github.com/ppei-iceberg/iceberg/data"
)

// countdown is the per-element timer. What it shows is worked out from
// the store each time: the timer's length, plus the minutes the room added
// ("+1 min", stored with the element's time), less the time spent (written
// to the store on every pause, including leaving the element or closing the
// window). A timer not yet started follows the timer setting at once; one
// started keeps the length it started with for the window's life.
type countdown struct {
	code    string // element being timed, "" when stopped
	since   time.Time
	length  map[string]time.Duration // the length each timer started with
	unsaved map[string]int           // seconds a failed write still owes the store
	stop    chan struct{}
}

func newCountdown() countdown {
	return countdown{length: map[string]time.Duration{}, unsaved: map[string]int{}}
}

func (c *countdown) running() bool { return c.code != "" }

// timing reports whether the timer of element code is running.
func (s *session) timing(code string) bool { return s.clock.code == code }

// timeLeft is what the timer for code shows now (negative once over time).
func (s *session) timeLeft(code string) time.Duration {
	length, ok := s.clock.length[code]
	if !ok {
		length = time.Duration(s.timerMinutes()) * time.Minute
	}
	var es data.ElementState
	if s.rec != nil {
		es = s.rec.Element(code)
	}
	left := length + time.Duration(es.ExtraSeconds)*time.Second - time.Duration(es.Seconds+s.clock.unsaved[code])*time.Second
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
	if _, ok := s.clock.length[code]; !ok {
		s.clock.length[code] = time.Duration(s.timerMinutes()) * time.Minute
	}
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

// addMinute gives element code one more minute, stored with its time so
// a restart keeps it.
func (s *session) addMinute(code string) {
	if s.rec == nil {
		return
	}
	if err := s.store.AddExtraTime(s.ctx, s.rec.ID, code, 60); err != nil {
		s.fail(err)
		return
	}
	s.reread()
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
