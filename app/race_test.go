package app_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestStartupHasNoDataRace builds the real binary with the race detector
// and runs it in a real window: start-up (fonts load on a second core while
// the display connects), the timer's goroutine, the settler and quitting.
// Built as the app is, Fyne keeps its caches in plain maps for the main
// goroutine alone, so touching Fyne from elsewhere crashes the window now
// and then ("concurrent map writes"); the race detector sees it every time.
func TestStartupHasNoDataRace(t *testing.T) {
	needDisplay(t)
	bin := buildApp(t, "-race")
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if out, err := exec.Command(bin, "--db", db, "new", "--title", "Race", "--cop", "Governing Body").CombinedOutput(); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	xw := openWatcher(t)

	for run := 1; run <= 3; run++ {
		cfg := filepath.Join(dir, "cfg"+strconv.Itoa(run))
		cmd := exec.Command(bin, "--db", db)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(cfg, "cache"), "GORACE=halt_on_error=0")
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		xw.Reset()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		id, err := xw.WaitWindow(cmd.Process.Pid, 60*time.Second)
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("run %d: %v\n%s", run, err, out.String())
		}
		win := strconv.FormatUint(id, 10)
		keys := func(pause time.Duration, names ...string) {
			for _, k := range names {
				_ = exec.Command("xdotool", "key", "--window", win, k).Run()
				time.Sleep(150 * time.Millisecond)
			}
			time.Sleep(pause)
		}
		keys(1500*time.Millisecond, "Return", "Right", "1", "1", "t")                      // timer ticks from its goroutine
		keys(1500*time.Millisecond, "p", "t", "Right", "Right", "Right", "Right", "Right") // settles on Review
		keys(0, "ctrl+q")
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			err = <-done
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
