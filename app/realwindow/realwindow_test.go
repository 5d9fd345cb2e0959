package realwindow_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/app"
	"github.com/ppei-iceberg/iceberg/app/internal/xwait"
)

// needDisplay fails a test or benchmark that opens real windows when there
// is no display to open them on.
func needDisplay(tb testing.TB) {
	tb.Helper()
	if os.Getenv("DISPLAY") == "" {
		tb.Fatal("this opens real windows: run it with a display (make test and make bench start Xvfb)")
	}
}

// A binary built at most once per run, whichever test asks first. It is
// kept in the repository's ignored .cache/test-bin, so a run after no
// change to the sources finds it up to date and Go does not link it again.
type sharedBinary struct {
	name  string
	flags []string
	once  sync.Once
	path  string
	err   error
}

// The window as shipped, once per run.
var plainApp = &sharedBinary{name: "iceberg-window"}

// get builds the real binary (with the extra go build flags, such as
// -race) the first time it is asked for, and returns its path. Like the
// shipped builds it has no symbol table, which halves the link.
func (b *sharedBinary) get(tb testing.TB) string {
	tb.Helper()
	b.once.Do(func() {
		root, err := filepath.Abs(filepath.Join("..", ".."))
		if err == nil {
			_, err = os.Stat(filepath.Join(root, "go.mod"))
		}
		if err != nil {
			b.err = fmt.Errorf("the repository root is not two folders up: %w", err)
			return
		}
		b.path = filepath.Join(root, ".cache", "test-bin", b.name)
		if runtime.GOOS == "windows" {
			b.path += ".exe"
		}
		args := append(append([]string{"build"}, b.flags...), "-ldflags=-s -w", "-o", b.path, "github.com/ppei-iceberg/iceberg")
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			b.err = fmt.Errorf("build %s: %v\n%s", b.name, err, out)
		}
	})
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.path
}

// openWatcher opens an X connection that sees windows appear, closed when
// the test ends.
func openWatcher(tb testing.TB) *xwait.Watcher {
	tb.Helper()
	w, err := xwait.Open()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(w.Close)
	return w
}

// ownHome is a home folder of a test's own for the window: its config
// folder (where the window remembers its screen) and the environment that
// points the window at both.
func ownHome(tb testing.TB) (dir, cfg string, env []string) {
	dir = tb.TempDir()
	cfg = filepath.Join(dir, "config")
	env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
		"HOME="+dir, "LANG=en_US.UTF-8")
	return dir, cfg, env
}

// waitFor polls cond until it holds, failing after timeout with what cond
// last said.
func waitFor(tb testing.TB, what string, timeout time.Duration, cond func() (bool, string)) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, last := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s: not within %s; last seen: %s", what, timeout, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// lastScreen is the screen the window last showed, as it remembers it in
// its preferences under the config folder cfg.
func lastScreen(cfg string) string {
	b, err := os.ReadFile(filepath.Join(cfg, "fyne", app.AppID, "preferences.json"))
	if err != nil {
		return ""
	}
	var p struct {
		LastScreen string `json:"lastScreen"`
	}
	if json.Unmarshal(b, &p) != nil {
		return ""
	}
	return p.LastScreen
}

// waitScreen waits until the window run with config folder cfg shows screen.
func waitScreen(tb testing.TB, cfg, screen string) {
	tb.Helper()
	waitFor(tb, "the window to show "+screen, 30*time.Second, func() (bool, string) {
		got := lastScreen(cfg)
		return got == screen, "screen " + got
	})
}

// sessionJSON is what "iceberg show ID --json" says of a session.
type sessionJSON struct {
	Words []struct {
		ID    string `json:"id"`
		Level string `json:"level"`
	} `json:"words"`
	Elements []struct {
		Code    string `json:"code"`
		Seconds int    `json:"seconds"`
		Agreed  bool   `json:"agreed"`
	} `json:"elements"`
}

func (s sessionJSON) level(word string) string {
	for _, w := range s.Words {
		if w.ID == word {
			return w.Level
		}
	}
	return ""
}

// element is what the session says of one element, or its zero value.
func (s sessionJSON) element(code string) (e struct {
	Code    string `json:"code"`
	Seconds int    `json:"seconds"`
	Agreed  bool   `json:"agreed"`
}) {
	for _, x := range s.Elements {
		if x.Code == code {
			return x
		}
	}
	return e
}

func (s sessionJSON) seconds(code string) int {
	for _, e := range s.Elements {
		if e.Code == code {
			return e.Seconds
		}
	}
	return -1
}

// showSession reads session id from the database with the command line.
func showSession(tb testing.TB, bin, db, id string, env []string) sessionJSON {
	tb.Helper()
	cmd := exec.Command(bin, "--db", db, "show", id, "--json")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("iceberg show %s: %v", id, err)
	}
	var s sessionJSON
	if err := json.Unmarshal(out, &s); err != nil {
		tb.Fatalf("show --json: %v", err)
	}
	return s
}

// xdoKey sends one key to window win with xdotool.
func xdoKey(env []string, win, key string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xdotool", "key", "--window", win, key)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("xdotool key %s: %w: %s", key, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// window is the real binary running in a real window, with its output.
type window struct {
	cmd  *exec.Cmd
	out  *strings.Builder // stdout and stderr together
	done chan error       // the process's exit, once
	id   string           // its X window, for xdotool
}

// startWindow starts bin with args and env and waits for its window to be
// mapped; the process is killed at the test's end if still running.
func startWindow(tb testing.TB, xw *xwait.Watcher, bin string, env []string, args ...string) *window {
	tb.Helper()
	w := &window{cmd: exec.Command(bin, args...), out: new(strings.Builder), done: make(chan error, 1)}
	w.cmd.Env = env
	w.cmd.Stdout, w.cmd.Stderr = w.out, w.out
	xw.Reset()
	if err := w.cmd.Start(); err != nil {
		tb.Fatalf("start the window: %v", err)
	}
	go func() { w.done <- w.cmd.Wait() }()
	tb.Cleanup(func() {
		if w.cmd.ProcessState == nil {
			_ = w.cmd.Process.Kill()
			<-w.done
		}
	})
	wid, err := xw.WaitWindow(w.cmd.Process.Pid, 60*time.Second)
	if err != nil {
		tb.Fatalf("%v\n%s", err, w.out.String())
	}
	w.id = strconv.FormatUint(wid, 10)
	return w
}

// quit sends Ctrl+Q and waits for the process to end. The window may close
// between the key's press and release, so xdotool's error is no failure;
// a Ctrl+Q lost on a loaded machine is sent again, three times at most.
// Then the process is sent SIGQUIT, on which the Go runtime writes every
// goroutine's stack to its output (so a failing test shows where it hung),
// then killed if still there, and exited is false.
func (w *window) quit(env []string) (exited bool, err error) {
	for try := 1; try <= 3; try++ {
		_ = xdoKey(env, w.id, "ctrl+q")
		select {
		case err := <-w.done:
			return true, err
		case <-time.After(15 * time.Second):
		}
	}
	_ = w.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case err := <-w.done:
		return false, err
	case <-time.After(10 * time.Second):
	}
	_ = w.cmd.Process.Kill()
	return false, <-w.done
}
