//go:build linux

package xwait

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The watcher finds the window a real Fyne program maps, the same one
// xdotool finds by process, and times out for a process with no window.
func TestWaitWindowSeesAFyneWindow(t *testing.T) {
	bin := buildWindow(t, "bare")
	w, err := Open()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	sleeper := exec.Command("sleep", "5")
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sleeper.Process.Kill(); _ = sleeper.Wait() }()
	if _, err := w.WaitWindow(sleeper.Process.Pid, 300*time.Millisecond); err == nil {
		t.Fatal("a process with no window was reported as showing one")
	}

	cmd, id := startShown(t, w, bin)
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(cmd.Process.Pid)).Output()
	if err != nil {
		t.Fatalf("xdotool finds no visible window of the process: %v", err)
	}
	if !strings.Contains(" "+strings.Join(strings.Fields(string(out)), " ")+" ", " "+strconv.FormatUint(id, 10)+" ") {
		t.Fatalf("watcher saw window %d, xdotool sees %q", id, out)
	}
}

// Frames sees a Fyne window repaint after a key typed through XTEST, and
// only then: the window is still until the key, and the frame it waits for
// differs from the look before.
func TestFramesSeeAKeyRepaint(t *testing.T) {
	bin := buildWindow(t, "barekeys")
	w, err := Open()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	f, err := OpenFrames()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	_, id := startShown(t, w, bin)
	if err := f.Watch(id); err != nil {
		t.Fatal(err)
	}
	if err := f.Focus(id); err != nil {
		t.Fatal(err)
	}
	// A window that has just started may still paint once more after a
	// quiet spell when the machine is busy (go test runs every package at
	// once): the look before the key is taken once the window has held
	// still for a whole watch, and the test fails only when it never does.
	var before *Image
	differs := func(m *Image) bool {
		if len(m.Pix) != len(before.Pix) {
			return true
		}
		for i, p := range m.Pix {
			if p&Mask != before.Pix[i]&Mask {
				return true
			}
		}
		return false
	}
	still := false
	for try := 0; try < 5 && !still; try++ {
		if err := f.Quiet(300*time.Millisecond, 20*time.Second); err != nil {
			t.Fatal(err)
		}
		img, err := f.Capture(id)
		if err != nil {
			t.Fatal(err)
		}
		before = img.Clone()
		if _, err := f.WaitShown(id, 500*time.Millisecond, differs); err != nil {
			still = true
		} else {
			t.Logf("the window changed with no key typed (try %d); watching again", try+1)
		}
	}
	if !still {
		t.Fatal("the window kept changing with no key typed, five times over")
	}
	if _, err := f.Key("NoSuchKeyName"); err == nil {
		t.Fatal("a key with no keysym was typed")
	}
	sent, err := f.Key("1")
	if err != nil {
		t.Fatal(err)
	}
	shown, err := f.WaitShown(id, 10*time.Second, differs)
	if err != nil {
		t.Fatal(err)
	}
	if !shown.After(sent) {
		t.Fatalf("the change was heard of at %v, before the key at %v", shown, sent)
	}
}

// buildWindow builds the small Fyne program app/internal/NAME for a test
// that opens its real window, failing first when there is no display.
func buildWindow(t *testing.T, name string) string {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("this test opens a real window: run it with a display (make test starts Xvfb)")
	}
	bin := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/ppei-iceberg/iceberg/app/internal/"+name).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", name, err, out)
	}
	return bin
}

// startShown starts bin with its own settings folders and waits, through
// w, for its window; the process is killed when the test ends.
func startShown(t *testing.T, w *Watcher, bin string) (*exec.Cmd, uint64) {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
	w.Reset()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	id, err := w.WaitWindow(cmd.Process.Pid, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return cmd, id
}
