package realwindow_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/app/internal/xwait"
)

// The start-up and memory budgets are measured against a bare Fyne window
// (app/internal/bare) run in the same benchmark. They need a display: make
// bench starts Xvfb. PPEI Iceberg is built as the product is, with the build
// tags make passes in GOFLAGS; the bare window is built with none, a default
// Fyne window (DESIGN.md's "about 140 MB here").

func buildBinaries(b *testing.B) (iceberg, bare string) {
	b.Helper()
	needDisplay(b)
	if !strings.Contains(os.Getenv("GOFLAGS"), "-tags=") {
		b.Fatal("run these through make bench, which builds PPEI Iceberg with the product's build tags (GOFLAGS)")
	}
	dir := b.TempDir()
	iceberg, bare = filepath.Join(dir, "iceberg"), filepath.Join(dir, "bare")
	for _, build := range []struct {
		out, pkg, goflags string
	}{
		{iceberg, "github.com/ppei-iceberg/iceberg", os.Getenv("GOFLAGS")},
		{bare, "github.com/ppei-iceberg/iceberg/app/internal/bare", ""},
	} {
		cmd := exec.Command("go", "build", "-o", build.out, build.pkg)
		cmd.Env = append(os.Environ(), "GOFLAGS="+build.goflags)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("build %s: %v\n%s", build.pkg, err, msg)
		}
	}
	return iceberg, bare
}

func benchEnv(b *testing.B) []string {
	cfg := b.TempDir()
	return append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(cfg, "cache"), "LANG=en_US.UTF-8")
}

// startTime is the time from exec to the program's first window being
// mapped, seen by w.
func startTime(b *testing.B, w *xwait.Watcher, env []string, prog string, args ...string) time.Duration {
	b.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Env = env
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	w.Reset()
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	_, err := w.WaitWindow(cmd.Process.Pid, 20*time.Second)
	d := time.Since(t0)
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if err != nil {
		b.Fatalf("%s showed no window: %v\n%s", prog, err, out.String())
	}
	return d
}

func median(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

// BenchmarkStartup: cold start to a visible window, iceberg beside a bare
// Fyne window. Budget: under 1 s and at most 1.15× the bare window.
func BenchmarkStartup(b *testing.B) {
	iceberg, bare := buildBinaries(b)
	db := filepath.Join(b.TempDir(), "x.db")
	if out, err := exec.Command(iceberg, "--db", db, "new", "--title", "Bench", "--cop", "Governing Body").CombinedOutput(); err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	w := openWatcher(b)
	var app, base []time.Duration
	// b.Loop runs the function once (b.N would run it first with N=1,
	// building and starting everything twice).
	for b.Loop() {
		app = append(app, startTime(b, w, benchEnv(b), iceberg, "--db", db))
		base = append(base, startTime(b, w, benchEnv(b), bare))
	}
	a, f := median(app), median(base)
	b.ReportMetric(float64(a.Microseconds())/1000, "ms-iceberg")
	b.ReportMetric(float64(f.Microseconds())/1000, "ms-bare")
	b.ReportMetric(float64(a)/float64(f), "ratio")
}

// rssMB reads a process's resident memory.
func rssMB(b *testing.B, pid int) float64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 2 && fields[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(fields[1])
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

// BenchmarkWorkshopMemory: resident memory after a full workshop driven by
// keys (every word shaded, each timer run and paused, each element agreed,
// the Review map), beside a bare Fyne window after the same time. Budget:
// at most 1.3×.
func BenchmarkWorkshopMemory(b *testing.B) {
	iceberg, bare := buildBinaries(b)
	keys := []string{"Return", "Right"}
	for _, n := range []int{4, 5, 4, 6, 3} {
		for k := 1; k <= n; k++ {
			keys = append(keys, strconv.Itoa(k), strconv.Itoa(k))
		}
		keys = append(keys, "t", "p", "p", "t", "a", "Right")
	}
	w := openWatcher(b)
	var app, base []float64
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "x.db")
		if out, err := exec.Command(iceberg, "--db", db, "new", "--title", "Bench", "--cop", "Governing Body").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		run := func(prog string, args []string, drive bool) float64 {
			cmd := exec.Command(prog, args...)
			cmd.Env = benchEnv(b)
			w.Reset()
			if err := cmd.Start(); err != nil {
				b.Fatal(err)
			}
			defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
			id, err := w.WaitWindow(cmd.Process.Pid, 20*time.Second)
			if err != nil {
				b.Fatalf("%s showed no window: %v", prog, err)
			}
			win := strconv.FormatUint(id, 10)
			time.Sleep(time.Second)
			for _, k := range keys {
				if drive {
					_ = exec.Command("xdotool", "key", "--window", win, k).Run()
				}
				time.Sleep(100 * time.Millisecond)
			}
			time.Sleep(2 * time.Second)
			return rssMB(b, cmd.Process.Pid)
		}
		app = append(app, run(iceberg, []string{"--db", db}, true))
		base = append(base, run(bare, nil, false))
		out, _ := exec.Command(iceberg, "--db", db, "show", "1", "--json").Output()
		if !strings.Contains(string(out), `"agreed": true`) {
			b.Fatalf("the keys did not run a workshop: %.300s", out)
		}
	}
	sort.Float64s(app)
	sort.Float64s(base)
	a, f := app[len(app)/2], base[len(base)/2]
	b.ReportMetric(a, "MB-iceberg")
	b.ReportMetric(f, "MB-bare")
	b.ReportMetric(a/f, "ratio")
}
