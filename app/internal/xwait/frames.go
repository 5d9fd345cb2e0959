//go:build linux

package xwait

/*
#cgo LDFLAGS: -lX11 -lXext -lXtst -lXdamage
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/select.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/XTest.h>
#include <X11/extensions/Xdamage.h>

// An X error (a window gone, a read outside the screen) is recorded here
// instead of ending the process, as Xlib's default handler would.
static int last_error;

static int record_error(Display *d, XErrorEvent *e) {
	last_error = e->error_code;
	return 0;
}

static void catch_errors(void) { XSetErrorHandler(record_error); }

// take_error syncs with the server and returns the error code of a
// request that failed since the last call, or 0.
static int take_error(Display *d) {
	XSync(d, False);
	int e = last_error;
	last_error = 0;
	return e;
}

// damage_base is the DAMAGE extension's first event, or -1 without one.
static int damage_base(Display *d) {
	int ev, err;
	if (!XDamageQueryExtension(d, &ev, &err)) {
		return -1;
	}
	return ev;
}

static int has_xtest(Display *d) {
	int ev, err, major, minor;
	return XTestQueryExtension(d, &ev, &err, &major, &minor);
}

// next_damage waits up to ms milliseconds for the DAMAGE extension to say
// a drawable's contents changed, and returns the drawable, or 0.
static Drawable next_damage(Display *d, int base, int ms) {
	int fd = ConnectionNumber(d);
	for (;;) {
		while (XPending(d) > 0) {
			XEvent ev;
			XNextEvent(d, &ev);
			if (ev.type == base + XDamageNotify) {
				return ((XDamageNotifyEvent *)&ev)->drawable;
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

// key presses and releases the key named by keysym name (as xdotool and
// xmodmap name them: "1", "Next") through XTEST, as a keyboard would.
static int key(Display *d, const char *name) {
	KeySym sym = XStringToKeysym(name);
	if (sym == NoSymbol) {
		return -1;
	}
	KeyCode code = XKeysymToKeycode(d, sym);
	if (code == 0) {
		return -2;
	}
	XTestFakeKeyEvent(d, code, True, CurrentTime);
	XTestFakeKeyEvent(d, code, False, CurrentTime);
	XFlush(d);
	return 0;
}

static void pointer_to(Display *d, int x, int y) {
	XWarpPointer(d, None, DefaultRootWindow(d), 0, 0, 0, 0, x, y);
	XFlush(d);
}

static void screen_size(Display *d, int *w, int *h) {
	*w = DisplayWidth(d, DefaultScreen(d));
	*h = DisplayHeight(d, DefaultScreen(d));
}

// A shared-memory image a window's contents are read into.
typedef struct {
	XImage *img;
	XShmSegmentInfo shm;
} capture;

// capture_new makes an image of w×h pixels of window win's depth and
// visual in shared memory, or returns NULL.
static capture *capture_new(Display *d, Window win, int w, int h) {
	XWindowAttributes a;
	if (!XGetWindowAttributes(d, win, &a)) {
		return NULL;
	}
	capture *c = calloc(1, sizeof *c);
	c->img = XShmCreateImage(d, a.visual, a.depth, ZPixmap, NULL, &c->shm, w, h);
	if (c->img == NULL) {
		free(c);
		return NULL;
	}
	c->shm.shmid = shmget(IPC_PRIVATE, c->img->bytes_per_line * c->img->height, IPC_CREAT | 0600);
	if (c->shm.shmid < 0) {
		XDestroyImage(c->img);
		free(c);
		return NULL;
	}
	c->shm.shmaddr = c->img->data = shmat(c->shm.shmid, NULL, 0);
	shmctl(c->shm.shmid, IPC_RMID, NULL); // freed once both sides detach
	c->shm.readOnly = False;
	if (c->shm.shmaddr == (char *)-1 || !XShmAttach(d, &c->shm)) {
		if (c->shm.shmaddr != (char *)-1) {
			shmdt(c->shm.shmaddr);
		}
		c->img->data = NULL;
		XDestroyImage(c->img);
		free(c);
		return NULL;
	}
	XSync(d, False);
	return c;
}

static void capture_free(Display *d, capture *c) {
	XShmDetach(d, &c->shm);
	XSync(d, False);
	shmdt(c->shm.shmaddr);
	c->img->data = NULL;
	XDestroyImage(c->img);
	free(c);
}

static int capture_read(Display *d, capture *c, Window win, int x, int y) {
	return XShmGetImage(d, win, c->img, x, y, AllPlanes);
}

static int img_bpp(capture *c) { return c->img->bits_per_pixel; }
static int img_stride(capture *c) { return c->img->bytes_per_line; }
static char *img_data(capture *c) { return c->img->data; }

// window_rect is window win's place on the screen (its parent being the
// root, as with no window manager) and the screen's size.
static int window_rect(Display *d, Window win, int *x, int *y, int *w, int *h, int *sw, int *sh) {
	XWindowAttributes a;
	if (!XGetWindowAttributes(d, win, &a)) {
		return 0;
	}
	Window child;
	XTranslateCoordinates(d, win, a.root, 0, 0, x, y, &child);
	*w = a.width;
	*h = a.height;
	*sw = WidthOfScreen(a.screen);
	*sh = HeightOfScreen(a.screen);
	return 1;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"time"
	"unsafe"
)

// Frames watches what windows show, frame by frame, and types on the
// display as a keyboard does. The DAMAGE extension tells it the moment a
// window's contents change, so it reads the window's pixels (through
// MIT-SHM, a copy within the X server) only when there is something new:
// polling would take the CPU from the program being measured. It is for
// one goroutine at a time.
type Frames struct {
	d       *C.Display
	base    C.int
	damages map[uint64]C.Damage
	caps    map[uint64]*capture
}

type capture struct {
	c    *C.capture
	w, h int
}

// Image is a window's pixels, row after row, one word each as the X server
// keeps them: 0xRRGGBB on a 24-bit screen, the top byte undefined (Mask).
// An Image from Capture is overwritten by the next Capture of the window.
type Image struct {
	W, H int
	Pix  []uint32
}

// Mask keeps a pixel's colour, without the byte a 24-bit screen leaves
// undefined.
const Mask = 0xffffff

// Clone copies an image so that it outlives the next capture.
func (m *Image) Clone() *Image {
	return &Image{W: m.W, H: m.H, Pix: append([]uint32(nil), m.Pix...)}
}

// OpenFrames connects to $DISPLAY and checks it has the XTEST, DAMAGE and
// MIT-SHM extensions (Xvfb has all three).
func OpenFrames() (*Frames, error) {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return nil, errors.New("xwait: cannot open the X display in $DISPLAY")
	}
	C.catch_errors()
	f := &Frames{d: d, base: C.damage_base(d), damages: map[uint64]C.Damage{}, caps: map[uint64]*capture{}}
	var err error
	switch {
	case f.base < 0:
		err = errors.New("xwait: the X display has no DAMAGE extension")
	case C.has_xtest(d) == 0:
		err = errors.New("xwait: the X display has no XTEST extension")
	case C.XShmQueryExtension(d) == 0:
		err = errors.New("xwait: the X display has no MIT-SHM extension")
	}
	if err != nil {
		C.XCloseDisplay(d)
		return nil, err
	}
	return f, nil
}

// Watch starts watching window win's contents.
func (f *Frames) Watch(win uint64) error {
	if _, ok := f.damages[win]; ok {
		return nil
	}
	dmg := C.XDamageCreate(f.d, C.Drawable(win), C.XDamageReportNonEmpty)
	if e := C.take_error(f.d); e != 0 {
		return fmt.Errorf("xwait: watch window %d: X error %d", win, e)
	}
	f.damages[win] = dmg
	return nil
}

// Unwatch stops watching win and frees what Watch and Capture kept for
// it. A window already gone is no error.
func (f *Frames) Unwatch(win uint64) {
	if dmg, ok := f.damages[win]; ok {
		C.XDamageDestroy(f.d, dmg)
		delete(f.damages, win)
	}
	if c, ok := f.caps[win]; ok {
		C.capture_free(f.d, c.c)
		delete(f.caps, win)
	}
	C.take_error(f.d)
}

// Move places top-level window win at x, y on the screen (with no window
// manager, the X server does as asked).
func (f *Frames) Move(win uint64, x, y int) error {
	C.XMoveWindow(f.d, C.Window(win), C.int(x), C.int(y))
	if e := C.take_error(f.d); e != 0 {
		return fmt.Errorf("xwait: move window %d: X error %d", win, e)
	}
	return nil
}

// Focus gives win the keyboard.
func (f *Frames) Focus(win uint64) error {
	C.XSetInputFocus(f.d, C.Window(win), C.RevertToParent, C.CurrentTime)
	if e := C.take_error(f.d); e != 0 {
		return fmt.Errorf("xwait: focus window %d: X error %d", win, e)
	}
	return nil
}

// ScreenSize is the size of the display's screen in pixels.
func (f *Frames) ScreenSize() (w, h int) {
	var cw, ch C.int
	C.screen_size(f.d, &cw, &ch)
	return int(cw), int(ch)
}

// Pointer moves the mouse pointer to x, y on the screen: somewhere no
// window under test is, so nothing there shows a hover.
func (f *Frames) Pointer(x, y int) {
	C.pointer_to(f.d, C.int(x), C.int(y))
}

// Key presses and releases a key, named as xdotool names keysyms ("1",
// "Next" for PageDown, "Prior" for PageUp), through XTEST: the X server
// sends it to the window with the keyboard as it would a real key's. It
// returns the moment just before the press left for the server.
func (f *Frames) Key(name string) (time.Time, error) {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	t := time.Now()
	switch C.key(f.d, cs) {
	case -1:
		return t, fmt.Errorf("xwait: no keysym %q", name)
	case -2:
		return t, fmt.Errorf("xwait: no key on the keyboard makes %q", name)
	}
	return t, nil
}

// Expose tells window win that all of it must be drawn again, as the X
// server does when a window in front of it goes away, and returns the
// moment just before. The server paints nothing itself on a window with no
// background (GLFW's have none), so the next change is the program's own
// frame: the time to it is the cost of a frame with nothing new in it.
func (f *Frames) Expose(win uint64) (time.Time, error) {
	t := time.Now()
	C.XClearArea(f.d, C.Window(win), 0, 0, 0, 0, C.True)
	if e := C.take_error(f.d); e != 0 {
		return t, fmt.Errorf("xwait: expose window %d: X error %d", win, e)
	}
	return t, nil
}

// Capture reads window win's pixels, those of it on the screen.
func (f *Frames) Capture(win uint64) (*Image, error) {
	var x, y, w, h, sw, sh C.int
	if C.window_rect(f.d, C.Window(win), &x, &y, &w, &h, &sw, &sh) == 0 {
		C.take_error(f.d)
		return nil, fmt.Errorf("xwait: window %d is gone", win)
	}
	// Only the part on the screen can be read.
	x0, y0 := max(0, -int(x)), max(0, -int(y))
	cw, ch := min(int(w), int(sw)-int(x))-x0, min(int(h), int(sh)-int(y))-y0
	if cw <= 0 || ch <= 0 {
		return nil, fmt.Errorf("xwait: window %d is off the screen", win)
	}
	c := f.caps[win]
	if c == nil || c.w != cw || c.h != ch {
		if c != nil {
			C.capture_free(f.d, c.c)
			delete(f.caps, win)
		}
		cc := C.capture_new(f.d, C.Window(win), C.int(cw), C.int(ch))
		if cc == nil {
			C.take_error(f.d)
			return nil, fmt.Errorf("xwait: no shared-memory image for window %d", win)
		}
		if bpp := C.img_bpp(cc); bpp != 32 {
			C.capture_free(f.d, cc)
			return nil, fmt.Errorf("xwait: window %d has %d bits a pixel; only 32 are read", win, bpp)
		}
		c = &capture{c: cc, w: cw, h: ch}
		f.caps[win] = c
	}
	if C.capture_read(f.d, c.c, C.Window(win), C.int(x0), C.int(y0)) == 0 {
		C.take_error(f.d)
		return nil, fmt.Errorf("xwait: cannot read window %d", win)
	}
	stride := int(C.img_stride(c.c)) / 4
	raw := unsafe.Slice((*uint32)(unsafe.Pointer(C.img_data(c.c))), stride*ch)
	img := &Image{W: cw, H: ch, Pix: raw}
	if stride != cw { // rows padded: pack them
		img.Pix = make([]uint32, cw*ch)
		for r := 0; r < ch; r++ {
			copy(img.Pix[r*cw:(r+1)*cw], raw[r*stride:])
		}
	}
	return img, nil
}

// next waits up to d for a watched window's contents to change and
// returns the window and when the change was heard of; ok is false on a
// timeout. The window's damage is cleared, so its next change is heard of
// too, including one made while the caller reads the window.
func (f *Frames) next(d time.Duration) (win uint64, at time.Time, ok bool) {
	ms := max(d.Milliseconds(), 0)
	drawable := C.next_damage(f.d, f.base, C.int(ms))
	at = time.Now()
	if drawable == 0 {
		return 0, at, false
	}
	win = uint64(drawable)
	if dmg, watched := f.damages[win]; watched {
		C.XDamageSubtract(f.d, dmg, C.None, C.None)
	}
	return win, at, true
}

// Quiet waits until no watched window has changed for quiet, or fails
// after timeout.
func (f *Frames) Quiet(quiet, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		if time.Now().After(deadline) {
			return fmt.Errorf("xwait: the windows still change after %v", timeout)
		}
		if _, _, ok := f.next(quiet); !ok {
			return nil
		}
	}
}

// WaitShown waits until window win shows what shown accepts, reading the
// window each time its contents change, and returns when that change was
// heard of. It fails after timeout, or if the window is gone.
func (f *Frames) WaitShown(win uint64, timeout time.Duration, shown func(*Image) bool) (time.Time, error) {
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return time.Time{}, fmt.Errorf("xwait: window %d did not show the change within %v", win, timeout)
		}
		got, at, ok := f.next(left)
		if !ok || got != win {
			continue
		}
		img, err := f.Capture(win)
		if err != nil {
			return time.Time{}, err
		}
		if shown(img) {
			return at, nil
		}
	}
}

// Close ends the connection.
func (f *Frames) Close() {
	for win := range f.damages {
		f.Unwatch(win)
	}
	for win := range f.caps {
		f.Unwatch(win)
	}
	C.XCloseDisplay(f.d)
}
