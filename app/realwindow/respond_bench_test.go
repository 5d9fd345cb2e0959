package realwindow_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/app/internal/xwait"
	"github.com/ppei-iceberg/iceberg/data"
)

// The responsiveness budgets: from a key leaving the keyboard to its change
// being on the screen, PPEI Iceberg beside a bare Fyne window making the
// same kind of change (app/internal/barekeys) in the same run, at most one
// frame (16.7 ms) slower. Both windows are real, 1280×720, side by side on
// the X display, and take turns: each sample of one is followed by a
// sample of the other, so both see the same load on the machine.
//
// A key is sent through XTEST, as a keyboard's would be, to the window
// given the keyboard; the clock starts just before. The window's contents
// are then watched with the DAMAGE extension: each time they change, its
// pixels are read (MIT-SHM) and compared with the look the change ends in,
// taken beforehand by making the same change and waiting for the window to
// be still. The clock stops at the change that shows every pixel of the
// new look: a frame with only part of it does not count.
//
// A key is sent at a random moment within a frame (respondPhase): Fyne
// reads keys and draws on a ticker of 60 a second, and the moment both
// windows are first still is set by the other window's last frame, so
// without it each window's keys would land at much the same point of its
// own frame all through a run, adding a wait that is the same for every
// sample of the run but differs between the windows and between runs (by
// up to a frame). A person's key is as likely at any point of a frame.
//
// Each benchmark iteration is a round of samples of each window: make
// bench's -benchtime 5x takes 100 shading keys and 100 PageDowns of each
// (a PageDown costs two keys, the way back being untimed), so that each
// 99th percentile is the second slowest sample, not the slowest alone, and
// both benchmarks take about a minute and a half.

const (
	shadeRound, nextRound = 20, 20
	// respondQuiet is how long both windows must go without changing to
	// count as still before a timed key: over three frames at Fyne's 60 a
	// second.
	respondQuiet = 60 * time.Millisecond
	// learnQuiet is the same when learning the looks, counted from the
	// key's first change on the screen (an element's screen is built on
	// its first visit, which can take longer than respondQuiet before
	// anything is drawn).
	learnQuiet = 200 * time.Millisecond
	// respondWidth is the room both 1280-pixel windows need side by side.
	respondWidth = 2 * 1280
)

var bareKeys struct {
	once sync.Once
	path string
	err  error
}

// bareKeysBinary builds app/internal/barekeys once per run, into the
// ignored .cache/test-bin beside the app's own test binary, with the same
// build tags as the app (GOFLAGS): the difference measured is then the
// app's own work, not Fyne built another way.
func bareKeysBinary(tb testing.TB) string {
	tb.Helper()
	bareKeys.once.Do(func() {
		root, err := filepath.Abs(filepath.Join("..", ".."))
		if err != nil {
			bareKeys.err = err
			return
		}
		bareKeys.path = filepath.Join(root, ".cache", "test-bin", "barekeys")
		if out, err := exec.Command("go", "build", "-ldflags=-s -w", "-o", bareKeys.path, "github.com/ppei-iceberg/iceberg/app/internal/barekeys").CombinedOutput(); err != nil {
			bareKeys.err = fmt.Errorf("build barekeys: %v\n%s", err, out)
		}
	})
	if bareKeys.err != nil {
		tb.Fatal(bareKeys.err)
	}
	return bareKeys.path
}

// respondWindow is one program under measurement, its window watched.
type respondWindow struct {
	name string
	win  uint64
	cfg  string
	out  *strings.Builder
	// looks are the window's still looks, in the order its keys bring
	// them; at is the one showing now.
	looks []*xwait.Image
	at    int
	times []time.Duration
	// repaints are times from an expose to the frame (BenchmarkRespondShade).
	repaints []time.Duration
}

// startRespond runs prog, waits for its window and places it at x, 0.
func startRespond(b *testing.B, xw *xwait.Watcher, fr *xwait.Frames, name string, x int, prog string, args ...string) *respondWindow {
	b.Helper()
	cfg := b.TempDir()
	cmd := exec.Command(prog, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(cfg, "cache"), "LANG=en_US.UTF-8")
	w := &respondWindow{name: name, cfg: cfg, out: &strings.Builder{}}
	cmd.Stdout, cmd.Stderr = w.out, w.out
	xw.Reset()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	id, err := xw.WaitWindow(cmd.Process.Pid, 30*time.Second)
	if err != nil {
		b.Fatalf("%s showed no window: %v\n%s", name, err, w.out)
	}
	w.win = id
	if err := fr.Watch(id); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { fr.Unwatch(id) })
	if err := fr.Move(id, x, 0); err != nil {
		b.Fatal(err)
	}
	return w
}

// respondSetup builds and starts PPEI Iceberg on its first element (on a
// new session) and the bare window beside it.
func respondSetup(b *testing.B) (fr *xwait.Frames, app, bare *respondWindow) {
	b.Helper()
	needDisplay(b)
	iceberg, barekeys := plainApp.get(b), bareKeysBinary(b)
	db := filepath.Join(b.TempDir(), "x.db")
	if out, err := exec.Command(iceberg, "--db", db, "new", "--title", "Bench", "--cop", "Governing Body").CombinedOutput(); err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	fr, err := xwait.OpenFrames()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(fr.Close)
	if w, h := fr.ScreenSize(); w < respondWidth || h < 720 {
		b.Fatalf("the screen is %d×%d: the two windows need %d×720 side by side (make bench starts such an Xvfb)", w, h, respondWidth)
	}
	fr.Pointer(respondWidth-1, 719+1) // below both windows
	xw := openWatcher(b)
	app = startRespond(b, xw, fr, "PPEI Iceberg", 0, iceberg, "--db", db)
	bare = startRespond(b, xw, fr, "bare window", 1280, barekeys)
	quiet(b, fr)

	// Home opens the session on Return, and Right goes to the first
	// element. A key sent while the new window is still taking the
	// keyboard can be lost under Xvfb: Return is sent again, at most
	// three times.
	first := data.DefaultFramework().Elements[0].Code
	focus(b, fr, app)
	for try := 0; lastScreen(app.cfg) != "intro"; try++ {
		if try == 3 {
			waitScreen(b, app.cfg, "intro")
		}
		press(b, fr, "Return")
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) && lastScreen(app.cfg) != "intro" {
			time.Sleep(50 * time.Millisecond)
		}
	}
	press(b, fr, "Right")
	waitScreen(b, app.cfg, first)
	quiet(b, fr)
	return fr, app, bare
}

func quiet(b *testing.B, fr *xwait.Frames) { quietFor(b, fr, respondQuiet) }

// frame is one frame of Fyne's drawing ticker.
const frame = time.Second / 60

// respondPhase waits until a random moment within the next frame, so a
// key's place within its window's frame is uniformly random.
func respondPhase() { time.Sleep(rand.N(frame)) }

func quietFor(b *testing.B, fr *xwait.Frames, d time.Duration) {
	b.Helper()
	if err := fr.Quiet(d, 20*time.Second); err != nil {
		b.Fatal(err)
	}
}

func focus(b *testing.B, fr *xwait.Frames, w *respondWindow) {
	b.Helper()
	if err := fr.Focus(w.win); err != nil {
		b.Fatal(err)
	}
}

func press(b *testing.B, fr *xwait.Frames, key string) time.Time {
	b.Helper()
	t, err := fr.Key(key)
	if err != nil {
		b.Fatal(err)
	}
	return t
}

// capture reads w's window as it is now, kept.
func capture(b *testing.B, fr *xwait.Frames, w *respondWindow) *xwait.Image {
	b.Helper()
	img, err := fr.Capture(w.win)
	if err != nil {
		b.Fatal(err)
	}
	return img.Clone()
}

// learnLooks records w's still looks: the one it shows, then the one after
// each of keys in turn. Then the keys in back must bring back the first
// look, so the sequence can be repeated.
func learnLooks(b *testing.B, fr *xwait.Frames, w *respondWindow, keys, back []string) {
	b.Helper()
	focus(b, fr, w)
	quietFor(b, fr, learnQuiet)
	w.looks = []*xwait.Image{capture(b, fr, w)}
	for _, k := range keys {
		settle(b, fr, w, k)
		img := capture(b, fr, w)
		if len(change(w.looks[len(w.looks)-1], img).at) == 0 {
			b.Fatalf("%s: key %q changed nothing on the screen", w.name, k)
		}
		w.looks = append(w.looks, img)
	}
	// One key at a time: a press straight after a release of the same key
	// is taken by GLFW for the key held down, repeating.
	for _, k := range back {
		settle(b, fr, w, k)
	}
	if n := len(change(capture(b, fr, w), w.looks[0]).at); n != 0 {
		b.Fatalf("%s: after %v then %v the window differs from its first look in %d pixels", w.name, keys, back, n)
	}
}

// settle sends key to w and waits for the window to change and then be
// still.
func settle(b *testing.B, fr *xwait.Frames, w *respondWindow, key string) {
	b.Helper()
	press(b, fr, key)
	if _, err := fr.WaitShown(w.win, 10*time.Second, func(*xwait.Image) bool { return true }); err != nil {
		b.Fatalf("%s after %q: %v\n%s", w.name, key, err, w.out)
	}
	quietFor(b, fr, learnQuiet)
}

// look is what a change must show: the pixels it changes, at their new
// colours.
type look struct {
	at   []int
	want []uint32
}

func change(from, to *xwait.Image) look {
	var l look
	for i, p := range to.Pix {
		if p&xwait.Mask != from.Pix[i]&xwait.Mask {
			l.at = append(l.at, i)
			l.want = append(l.want, p&xwait.Mask)
		}
	}
	return l
}

func (l look) shownIn(img *xwait.Image) bool {
	for i, at := range l.at {
		if img.Pix[at]&xwait.Mask != l.want[i] {
			return false
		}
	}
	return true
}

// timeKey gives w the keyboard, waits for both windows to be still, sends
// key and records the time until w shows its next look.
func timeKey(b *testing.B, fr *xwait.Frames, w *respondWindow, key string) {
	b.Helper()
	next := (w.at + 1) % len(w.looks)
	want := change(w.looks[w.at], w.looks[next])
	focus(b, fr, w)
	quiet(b, fr)
	respondPhase()
	t0 := press(b, fr, key)
	shown, err := fr.WaitShown(w.win, 10*time.Second, want.shownIn)
	if err != nil {
		b.Fatalf("%s after %q: %v\n%s", w.name, key, err, w.out)
	}
	w.times = append(w.times, shown.Sub(t0))
	w.at = next
}

// untimedKey sends key to w and waits until it shows look k.
func untimedKey(b *testing.B, fr *xwait.Frames, w *respondWindow, key string, k int) {
	b.Helper()
	want := change(w.looks[w.at], w.looks[k])
	focus(b, fr, w)
	quiet(b, fr)
	press(b, fr, key)
	if _, err := fr.WaitShown(w.win, 10*time.Second, want.shownIn); err != nil {
		b.Fatalf("%s after %q: %v\n%s", w.name, key, err, w.out)
	}
	w.at = k
}

// timeRepaint exposes w's window and records the time to its next frame,
// which looks as before: the cost of drawing the window once, with no
// change to work out.
func timeRepaint(b *testing.B, fr *xwait.Frames, w *respondWindow) {
	b.Helper()
	quiet(b, fr)
	respondPhase()
	t0, err := fr.Expose(w.win)
	if err != nil {
		b.Fatal(err)
	}
	drawn, err := fr.WaitShown(w.win, 10*time.Second, func(*xwait.Image) bool { return true })
	if err != nil {
		b.Fatalf("%s after an expose: %v\n%s", w.name, err, w.out)
	}
	w.repaints = append(w.repaints, drawn.Sub(t0))
}

func medianMS(d []time.Duration) float64 {
	return float64(median(append([]time.Duration(nil), d...)).Microseconds()) / 1000
}

// reportRespond reports the median and 99th percentile of each window's
// times, in milliseconds.
func reportRespond(b *testing.B, app, bare *respondWindow) {
	for _, w := range []struct {
		name  string
		times []time.Duration
	}{{"iceberg", app.times}, {"bare", bare.times}} {
		t := append([]time.Duration(nil), w.times...)
		sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
		p99 := t[int(math.Ceil(0.99*float64(len(t))))-1]
		b.ReportMetric(float64(t[len(t)/2].Microseconds())/1000, "ms-median-"+w.name)
		b.ReportMetric(float64(p99.Microseconds())/1000, "ms-p99-"+w.name)
	}
	b.ReportMetric(float64(len(app.times)), "samples")
	if len(app.repaints) > 0 {
		b.ReportMetric(medianMS(app.repaints), "ms-repaint-iceberg")
		b.ReportMetric(medianMS(bare.repaints), "ms-repaint-bare")
	}
}

// BenchmarkRespondShade: a number key to the tile it shades repainted.
// In PPEI Iceberg "1" moves the first word of the first element to its
// next shading (none, partly, shaded, none…); the look waited for is
// everything that changes on the screen, the tile and whatever the shading
// changes besides. The bare window changes a rectangle's colour. Beside
// them, with no budget, the median time from an expose to each window's
// next frame (ms-repaint): how long drawing the window takes at all.
func BenchmarkRespondShade(b *testing.B) {
	fr, app, bare := respondSetup(b)
	for _, w := range []*respondWindow{app, bare} {
		learnLooks(b, fr, w, []string{"1", "1"}, []string{"1"})
	}
	for b.Loop() {
		for i := range shadeRound {
			timeKey(b, fr, app, "1")
			timeKey(b, fr, bare, "1")
			if i%4 == 0 {
				timeRepaint(b, fr, app)
				timeRepaint(b, fr, bare)
			}
		}
	}
	reportRespond(b, app, bare)
}

// BenchmarkRespondNextElement: PageDown to the next element drawn, from
// each of the first four elements to the next in turn (then PageUp four
// times, untimed, back to the first). The bare window swaps its content
// for the next of five pages, each built once, as the app keeps each
// element's screen once built.
func BenchmarkRespondNextElement(b *testing.B) {
	fr, app, bare := respondSetup(b)
	for _, w := range []*respondWindow{app, bare} {
		learnLooks(b, fr, w, []string{"Next", "Next", "Next", "Next"}, []string{"Prior", "Prior", "Prior", "Prior"})
	}
	for b.Loop() {
		for range nextRound {
			for _, w := range []*respondWindow{app, bare} {
				if w.at == len(w.looks)-1 {
					for k := w.at - 1; k >= 0; k-- {
						untimedKey(b, fr, w, "Prior", k)
					}
				}
				timeKey(b, fr, w, "Next")
			}
		}
	}
	reportRespond(b, app, bare)
}
