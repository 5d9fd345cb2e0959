package realwindow_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNoNetworkSockets runs the real window and checks it holds no
// internet socket at all: nothing listens, nothing is sent. (Unix sockets
// to the X server and the desktop bus are local and allowed.)
func TestNoNetworkSockets(t *testing.T) {
	needDisplay(t)
	bin := plainApp.get(t)
	dir := t.TempDir()
	xw := openWatcher(t)
	cmd := exec.Command(bin, "--db", filepath.Join(dir, "x.db"))
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "cfg"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	pid := cmd.Process.Pid
	if _, err := xw.WaitWindow(pid, 30*time.Second); err != nil {
		t.Fatalf("no window appeared: %v", err)
	}
	// Nothing to wait for: a socket that is never opened sends no signal.
	// The window runs a second first, long enough for any start-up code
	// that would reach out to have done so.
	time.Sleep(time.Second)

	fds, err := os.ReadDir("/proc/" + itoa(pid) + "/fd")
	if err != nil {
		t.Fatal(err)
	}
	sockets := map[string]bool{}
	for _, fd := range fds {
		target, err := os.Readlink("/proc/" + itoa(pid) + "/fd/" + fd.Name())
		if err == nil && strings.HasPrefix(target, "socket:[") {
			sockets[strings.TrimSuffix(strings.TrimPrefix(target, "socket:["), "]")] = true
		}
	}
	if len(sockets) == 0 {
		t.Fatal("the window holds no socket at all, not even to the X server: the check is not looking at the right process")
	}
	for _, table := range []string{"tcp", "tcp6", "udp", "udp6", "raw", "raw6"} {
		b, err := os.ReadFile("/proc/" + itoa(pid) + "/net/" + table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) > 9 && sockets[f[9]] {
				t.Errorf("the app holds a %s socket: %s", table, line)
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
