package app_test

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
)

// The start-up and memory budgets are measured against a bare Fyne window
// (app/internal/bare) built the same way and run in the same benchmark.
// They need a display: make bench starts Xvfb.

func buildBinaries(b *testing.B) (iceberg, bare string) {
	b.Helper()
	if os.Getenv("DISPLAY") == "" {
		b.Fatal("these benchmarks open real windows: run them with a display (make bench starts Xvfb)")
	}
	dir := b.TempDir()
	iceberg, bare = filepath.Join(dir, "iceberg"), filepath.Join(dir, "bare")
	for out, pkg := range map[string]string{iceberg: "github.com/ppei-iceberg/iceberg", bare: "github.com/ppei-iceberg/iceberg/app/internal/bare"} {
		if msg, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			b.Fatalf("build %s: %v\n%s", pkg, err, msg)
		}
	}
	return iceberg, bare
}

func benchEnv(b *testing.B) []string {
	cfg := b.TempDir()
	return append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(cfg, "cache"), "LANG=en_US.UTF-8")
}

// visibleWindow waits for a visible window of pid and returns its id.
func visibleWindow(pid int, timeout time.Duration) (string, bool) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		out, err := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid)).Output()
		if err == nil && len(strings.TrimSpace(string(out))) > 0 {
			return strings.Fields(string(out))[0], true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return "", false
}

// startTime is the time from exec to a visible window.
func startTime(b *testing.B, env []string, prog string, args ...string) time.Duration {
	b.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Env = env
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	_, ok := visibleWindow(cmd.Process.Pid, 20*time.Second)
	d := time.Since(t0)
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if !ok {
		b.Fatalf("%s showed no window: %s", prog, out.String())
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
	var app, base []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app = append(app, startTime(b, benchEnv(b), iceberg, "--db", db))
		base = append(base, startTime(b, benchEnv(b), bare))
	}
	b.StopTimer()
	a, f := median(app), median(base)
	b.ReportMetric(float64(a.Milliseconds()), "ms-iceberg")
	b.ReportMetric(float64(f.Milliseconds()), "ms-bare")
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
	var app, base []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db := filepath.Join(b.TempDir(), "x.db")
		if out, err := exec.Command(iceberg, "--db", db, "new", "--title", "Bench", "--cop", "Governing Body").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		run := func(prog string, args []string, drive bool) float64 {
			cmd := exec.Command(prog, args...)
			cmd.Env = benchEnv(b)
			if err := cmd.Start(); err != nil {
				b.Fatal(err)
			}
			defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
			win, ok := visibleWindow(cmd.Process.Pid, 20*time.Second)
			if !ok {
				b.Fatalf("%s showed no window", prog)
			}
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
	b.StopTimer()
	sort.Float64s(app)
	sort.Float64s(base)
	a, f := app[len(app)/2], base[len(base)/2]
	b.ReportMetric(a, "MB-iceberg")
	b.ReportMetric(f, "MB-bare")
	b.ReportMetric(a/f, "ratio")
}
