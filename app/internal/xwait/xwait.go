//go:build linux

// Package xwait tells the benchmarks when a program's first window appears
// on an X display. It holds one X connection that listens for windows
// being mapped, so it sees the moment without polling: polling with a
// helper program every few milliseconds costs the machine CPU while the
// program under test is starting, and can crowd the X server. Frames
// (frames.go) does the same for what a window shows: it types keys and
// hears of each new frame, for the responsiveness benchmarks.
package xwait

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <sys/select.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>

// next_map waits up to ms milliseconds for a window to be mapped on the
// root and returns it, or 0 on timeout.
static Window next_map(Display *d, int ms) {
	int fd = ConnectionNumber(d);
	for (;;) {
		while (XPending(d) > 0) {
			XEvent ev;
			XNextEvent(d, &ev);
			if (ev.type == MapNotify) {
				return ev.xmap.window;
			}
		}
		fd_set in;
		FD_ZERO(&in);
		FD_SET(fd, &in);
		struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
		if (select(fd + 1, &in, NULL, NULL, &tv) <= 0) {
			return 0;
		}
	}
}

// window_pid reads a window's _NET_WM_PID, or 0.
static long window_pid(Display *d, Window w) {
	Atom prop = XInternAtom(d, "_NET_WM_PID", True), type;
	int format;
	unsigned long n, after;
	unsigned char *data = NULL;
	long pid = 0;
	if (prop == None) {
		return 0;
	}
	if (XGetWindowProperty(d, w, prop, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success && data != NULL) {
		if (n == 1 && format == 32) {
			pid = *(long *)data;
		}
		XFree(data);
	}
	return pid;
}

static void watch_root(Display *d) {
	XSelectInput(d, DefaultRootWindow(d), SubstructureNotifyMask);
	XSync(d, True);
}
*/
import "C"

import (
	"errors"
	"fmt"
	"time"
)

// Watcher is an open connection to the display in $DISPLAY, listening for
// windows being mapped.
type Watcher struct {
	d *C.Display
}

// Open connects to $DISPLAY.
func Open() (*Watcher, error) {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return nil, errors.New("xwait: cannot open the X display in $DISPLAY")
	}
	C.watch_root(d)
	return &Watcher{d: d}, nil
}

// Reset forgets windows mapped before now.
func (w *Watcher) Reset() {
	C.XSync(w.d, C.True)
}

// WaitWindow waits for a window of process pid to be mapped and returns its
// id, or an error after timeout.
func (w *Watcher) WaitWindow(pid int, timeout time.Duration) (uint64, error) {
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return 0, fmt.Errorf("xwait: no window of process %d within %v", pid, timeout)
		}
		win := C.next_map(w.d, C.int(left.Milliseconds()+1))
		if win == 0 {
			continue
		}
		if int(C.window_pid(w.d, win)) == pid {
			return uint64(win), nil
		}
	}
}

// Close ends the connection.
func (w *Watcher) Close() {
	C.XCloseDisplay(w.d)
}
