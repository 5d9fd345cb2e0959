package realwindow_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/resources"
)

// TestSmokeRealWindow runs the real binary in a real X window under Xvfb:
// the window appears, keys move to an element and shade words, Ctrl+Q
// quits, and the command line confirms the change in the database. A
// missing Xvfb or xdotool fails the test: make test installs them.
func TestSmokeRealWindow(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the smoke test (make test installs xvfb and xdotool): %v", tool, err)
		}
	}
	dir := t.TempDir()
	bin := plainApp.get(t)
	cfg := filepath.Join(dir, "config")
	env := append(os.Environ(),
		"XDG_CONFIG_HOME="+cfg,
		"XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
		"LANG=en_US.UTF-8",
	)
	db := filepath.Join(dir, "x.db")
	cli := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			var stderr string
			if ee, ok := err.(*exec.ExitError); ok {
				stderr = string(ee.Stderr)
			}
			t.Fatalf("iceberg %s: %v\n%s", strings.Join(args, " "), err, stderr)
		}
		return strings.TrimSpace(string(out))
	}
	id := cli("new", "--title", "Smoke test", "--cop", "Governing Body")

	display := startXvfb(t)
	env = append(env, "DISPLAY="+display)
	xdo := func(args ...string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "xdotool", args...)
		cmd.Env = env
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			err = fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
		}
		return strings.TrimSpace(string(out)), err
	}

	app := exec.Command(bin, "--db", db)
	app.Env = env
	logPath := filepath.Join(dir, "app.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	app.Stdout, app.Stderr = logFile, logFile
	start := time.Now()
	if err := app.Start(); err != nil {
		t.Fatalf("start the window: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Wait() }()
	t.Cleanup(func() {
		if app.ProcessState == nil {
			_ = app.Process.Kill()
			<-done
		}
	})
	applog := func() string { b, _ := os.ReadFile(logPath); return string(b) }

	win, err := xdo("search", "--sync", "--onlyvisible", "--pid", fmt.Sprint(app.Process.Pid))
	if err != nil || win == "" {
		t.Fatalf("no window appeared: %v\n%s", err, applog())
	}
	win = strings.Fields(win)[0]
	t.Logf("window appeared %.2f s after start", time.Since(start).Seconds())
	if _, err := xdo("windowfocus", "--sync", win); err != nil {
		t.Fatalf("xdotool windowfocus: %v\n%s", err, applog())
	}

	// Home → Enter opens the newest session at its Intro; Right → the first
	// element; 1 shades its first word partly; 2 2 shades the second fully.
	// Each key is seen to take effect, in the screen the window remembers or
	// in the database, before the next is sent.
	first := data.DefaultFramework().Elements[0]
	words := first.Words
	steps := []struct {
		key  string
		done func() (bool, string)
	}{
		{"Return", screenIs(cfg, "intro")},
		{"Right", screenIs(cfg, first.Code)},
		{"1", levelIs(t, bin, db, id, env, words[0].ID, "partly")},
		{"2", levelIs(t, bin, db, id, env, words[1].ID, "partly")},
		{"2", levelIs(t, bin, db, id, env, words[1].ID, "shaded")},
	}
	for _, st := range steps {
		if err := xdoKey(env, win, st.key); err != nil {
			t.Fatalf("%v\n%s", err, applog())
		}
		waitFor(t, "key "+st.key+" to take effect", 30*time.Second, st.done)
	}
	// The window may close between the key's press and release, so an
	// error here about a missing window is what success looks like; the
	// exit below is what counts.
	if _, err := xdo("key", "--window", win, "ctrl+q"); err != nil {
		t.Logf("xdotool key ctrl+q: %v", err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the window exited with %v\n%s", err, applog())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("Ctrl+Q did not quit within 15 s\n%s", applog())
	}

	// After the window has gone, the database still says so.
	rec := showSession(t, bin, db, id, env)
	got := map[string]string{}
	for _, w := range rec.Words {
		got[w.ID] = w.Level
	}
	if got[words[0].ID] != "partly" || got[words[1].ID] != "shaded" || got[words[2].ID] != "none" {
		t.Fatalf("after keys 1, 2, 2: %s=%s %s=%s %s=%s\n%s", words[0].ID, got[words[0].ID],
			words[1].ID, got[words[1].ID], words[2].ID, got[words[2].ID], applog())
	}
}

func screenIs(cfg, screen string) func() (bool, string) {
	return func() (bool, string) {
		got := lastScreen(cfg)
		return got == screen, "screen " + got
	}
}

func levelIs(t *testing.T, bin, db, id string, env []string, word, level string) func() (bool, string) {
	return func() (bool, string) {
		got := showSession(t, bin, db, id, env).level(word)
		return got == level, word + " " + got
	}
}

// startXvfb starts an X server on a display it picks itself (-displayfd,
// so two test runs never share one) and stops it at the end.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x720x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	exited := make(chan struct{})
	go func() { _ = x.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = x.Process.Kill()
		<-exited
	})
	got := make(chan string, 1)
	go func() {
		var n int
		if _, err := fmt.Fscan(r, &n); err != nil {
			got <- ""
			return
		}
		got <- fmt.Sprintf(":%d", n)
	}()
	select {
	case d := <-got:
		if d == "" {
			t.Fatal("Xvfb did not say which display it took")
		}
		return d
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
	return ""
}

// The real binary carries Noto Sans once: the PDF draws with Fyne's own
// copy (app/fonts), and resources embeds none of its own.
func TestBinaryCarriesTheFontOnce(t *testing.T) {
	bin, err := os.ReadFile(plainApp.get(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, font := range map[string][]byte{"regular": resources.FontRegular(), "bold": resources.FontBold()} {
		if len(font) < 8192 {
			t.Fatalf("the %s font is %d bytes", name, len(font))
		}
		mid := font[len(font)/2 : len(font)/2+4096]
		if n := bytes.Count(bin, mid); n != 1 {
			t.Errorf("the binary holds the %s font %d times, want once", name, n)
		}
	}
}
