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

func (c *countdown) running() bool { return c.code != "" }

// timeLeft is what the timer for code shows now (negative once over time).
func (u *ui) timeLeft(code string) time.Duration {
	left, ok := u.clock.left[code]
	if !ok {
		left = time.Duration(u.timerMinutes())*time.Minute - time.Duration(u.rec.Element(code).Seconds)*time.Second
		if left < 0 {
			left = 0
		}
		u.clock.left[code] = left
	}
	if u.clock.code == code {
		left -= u.now().Sub(u.clock.since)
	}
	return left
}

// toggleTimer starts or pauses the timer of the element on screen.
func (u *ui) toggleTimer() {
	if u.element == nil {
		return
	}
	if u.clock.running() {
		u.pauseTimer()
	} else {
		u.startTimer(u.element.el.Code)
	}
	u.element.showTimer()
}

func (u *ui) startTimer(code string) {
	if u.rec == nil || u.clock.running() {
		return
	}
	u.timeLeft(code) // fix the starting point before the clock runs
	u.clock.code = code
	u.clock.since = u.now()
	if u.tickEvery <= 0 {
		return
	}
	stop := make(chan struct{})
	u.clock.stop = stop
	every := u.tickEvery
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() {
					if u.element != nil {
						u.element.showTimer()
					}
				})
			}
		}
	}()
}

// pauseTimer stops the clock and writes the time spent.
func (u *ui) pauseTimer() {
	if !u.clock.running() {
		return
	}
	code := u.clock.code
	spent := u.now().Sub(u.clock.since)
	u.clock.left[code] = u.timeLeft(code)
	u.clock.code = ""
	if u.clock.stop != nil {
		close(u.clock.stop)
		u.clock.stop = nil
	}
	secs := int(spent.Round(time.Second)/time.Second) + u.clock.unsaved[code]
	if secs <= 0 || u.rec == nil {
		return
	}
	if err := u.store.AddElementTime(u.ctx, u.rec.ID, code, secs); err != nil {
		u.clock.unsaved[code] = secs
		u.fail(err)
		return
	}
	delete(u.clock.unsaved, code)
	u.reloadRecordOnly()
}

// addMinute gives the element on screen one more minute.
func (u *ui) addMinute() {
	if u.element == nil {
		return
	}
	code := u.element.el.Code
	u.timeLeft(code)
	u.clock.left[code] += time.Minute
	u.element.showTimer()
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
