//go:build linux

package xwait

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestMain gives this package's tests an X display of their own when Xvfb
// is at hand: go test runs packages side by side, and the real-window
// tests of app/realwindow open windows on the shared display at the same
// place as these, so a window of theirs mapped over the bare one changed
// its pixels with no key typed (TestFramesSeeAKeyRepaint saw it).
func TestMain(m *testing.M) {
	stop, err := ownDisplay()
	if err != nil {
		fmt.Fprintln(os.Stderr, "xwait tests:", err)
		os.Exit(1)
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// ownDisplay starts Xvfb on a free display and points DISPLAY at it. With
// no display at all the tests fail as before; with one but no Xvfb (a
// desktop), they use the desktop's.
func ownDisplay() (stop func(), err error) {
	stop = func() {}
	if os.Getenv("DISPLAY") == "" {
		return stop, nil
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		return stop, nil
	}
	n := 150
	for ; n < 250; n++ {
		_, lockErr := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n))
		_, sockErr := os.Stat(filepath.Join("/tmp/.X11-unix", "X"+strconv.Itoa(n)))
		if os.IsNotExist(lockErr) && os.IsNotExist(sockErr) {
			break
		}
	}
	cmd := exec.Command(xvfb, ":"+strconv.Itoa(n), "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := cmd.Start(); err != nil {
		return stop, fmt.Errorf("start Xvfb: %w", err)
	}
	stop = func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	sock := filepath.Join("/tmp/.X11-unix", "X"+strconv.Itoa(n))
	for end := time.Now().Add(15 * time.Second); ; {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if time.Now().After(end) {
			stop()
			return func() {}, fmt.Errorf("Xvfb :%d made no socket in 15 s", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	os.Setenv("DISPLAY", ":"+strconv.Itoa(n))
	return stop, nil
}
