//go:build racecheck

// The race-detector check builds the whole app a second time with -race
// (about three minutes the first time on two cores), so it is kept out of
// make test's budget and run by its own target, make race, which CI runs
// after make test.

package realwindow_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// TestStartupHasNoDataRace builds the real binary with the race detector
// and runs it in a real window: start-up (fonts load on a second core while
// the display connects), the timer's goroutine, the settler and quitting.
// Built as the app is, Fyne keeps its caches in plain maps for the main
// goroutine alone, so touching Fyne from elsewhere crashes the window now
// and then ("concurrent map writes"); the race detector sees it every time.
// Each key is checked to have done its work, in the window's remembered
// screen or in the database, before the next is sent.
func TestStartupHasNoDataRace(t *testing.T) {
	needDisplay(t)
	bin := raceApp.get(t)
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("ICEBERG_RACE_RUNS")); err == nil && n > 0 {
		runs = n
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	out, err := exec.Command(bin, "--db", db, "new", "--title", "Race", "--cop", "Governing Body").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	xw := openWatcher(t)
	first := data.DefaultFramework().Elements[0]
	word := first.Words[0].ID
	levels := []string{"none", "partly", "shaded"}

	for run := 1; run <= runs; run++ {
		cfg := filepath.Join(dir, "cfg"+strconv.Itoa(run))
		env := append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(cfg, "cache"), "GORACE=halt_on_error=0")
		before := showSession(t, bin, db, id, env)
		w := startWindow(t, xw, bin, env, "--db", db)
		win, out := w.id, w.out
		// Keys go to the window once it shows Home and has the keyboard,
		// as in the key-path test: the race build starts slowly, and a key
		// sent before then is lost.
		waitScreen(t, cfg, "home")
		waitFocus(t, env, win)
		key := func(k string) {
			t.Helper()
			if err := xdoKey(env, win, k); err != nil {
				t.Fatalf("run %d: %v\n%s", run, err, out.String())
			}
		}
		// A key sent while the new window is still taking its input focus
		// can be lost under Xvfb: Return is sent again, at most three
		// times, until Home has opened the session.
		for try := 0; ; try++ {
			key("Return")
			deadline := time.Now().Add(10 * time.Second)
			for time.Now().Before(deadline) && lastScreen(cfg) != "intro" {
				time.Sleep(50 * time.Millisecond)
			}
			if lastScreen(cfg) == "intro" || try == 2 {
				break
			}
		}
		waitScreen(t, cfg, "intro")
		key("Right")
		waitScreen(t, cfg, first.Code)
		key("1")
		key("1")
		want := levels[(indexOf(levels, before.level(word))+2)%3]
		waitFor(t, "two presses of 1 to shade "+word+" "+want, 30*time.Second, func() (bool, string) {
			got := showSession(t, bin, db, id, env).level(word)
			return got == want, got
		})
		key("t")
		// The timer's goroutine ticks every half second: let it tick twice,
		// with the settler and the redraws it brings, before pausing.
		time.Sleep(1200 * time.Millisecond)
		key("p")
		key("t") // pausing writes the time spent
		waitFor(t, "the timer's pause to write the time spent", 30*time.Second, func() (bool, string) {
			got := showSession(t, bin, db, id, env).seconds(first.Code)
			return got > before.seconds(first.Code), strconv.Itoa(got) + " s"
		})
		for i := 0; i < 5; i++ {
			key("Right")
		}
		waitScreen(t, cfg, "review")
		// Under a loaded machine the race-detector build has been seen to
		// miss one Ctrl+Q sent straight after a burst of keys: quit sends
		// it again (quitting twice is harmless) before giving up.
		exited, err := w.quit(env)
		if !exited {
			t.Errorf("run %d: the window did not quit on Ctrl+Q", run)
		}
		if strings.Contains(out.String(), "DATA RACE") {
			t.Fatalf("run %d: data race:\n%s", run, out.String())
		}
		if err != nil {
			t.Fatalf("run %d: the window exited with %v:\n%s", run, err, out.String())
		}
	}
}

// The window built with the race detector, once per run.
var raceApp = &sharedBinary{name: "iceberg-race", flags: []string{"-race"}}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
