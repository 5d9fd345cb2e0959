package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// The crash test runs this test binary again as a child that changes a
// session as fast as it can and prints each change as soon as the store
// call returns; the parent kills it with SIGKILL at random moments and
// then checks that every printed change is on disk.
const (
	envCrashChild = "ICEBERG_CRASH_CHILD" // database path: run as the child
	envCrashSeed  = "ICEBERG_CRASH_SEED"
	envKills      = "ICEBERG_KILLS"        // how many kills (default 200; make soak sets thousands)
	envWriter     = "ICEBERG_WRITER_CHILD" // database path: run as a concurrent writer
	envWriterPlan = "ICEBERG_WRITER_PLAN"  // tag:word,word,…:rounds
)

func TestMain(m *testing.M) {
	if path := os.Getenv(envCrashChild); path != "" {
		seed, _ := strconv.ParseInt(os.Getenv(envCrashSeed), 10, 64)
		crashChild(path, seed)
		os.Exit(0)
	}
	if spec := os.Getenv(envBadChild); spec != "" {
		badFileChild(spec)
		os.Exit(0)
	}
	if path := os.Getenv(envWriter); path != "" {
		writerChild(path, os.Getenv(envWriterPlan))
		os.Exit(0)
	}
	if spec := os.Getenv(envSafeChild); spec != "" {
		safeChild(spec)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashChild applies a seeded stream of changes to session 1 and prints
// "field target value" for each one the store acknowledged.
func crashChild(path string, seed int64) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child open:", err)
		os.Exit(3)
	}
	fw := s.Framework()
	words := fw.AllWords()
	rng := rand.New(rand.NewSource(seed))
	out := bufio.NewWriter(os.Stdout)
	for n := 0; ; n++ {
		token := fmt.Sprintf("s%d-c%d", seed, n)
		var field data.Field
		var target, value string
		switch rng.Intn(4) {
		case 0:
			w := words[rng.Intn(len(words))]
			field, target, value = data.FieldWordNote, w.ID, token
			err = s.SetWordNote(ctx, 1, w.ID, token)
		case 1:
			e := fw.Elements[rng.Intn(len(fw.Elements))]
			field, target, value = data.FieldElementNotes, e.Code, token
			err = s.SetElementNotes(ctx, 1, e.Code, token)
		case 2:
			field, value = data.FieldSummary, token
			err = s.SetSummary(ctx, 1, token)
		default:
			w := words[rng.Intn(len(words))]
			level := data.Shade(rng.Intn(3))
			field, target, value = data.FieldShade, w.ID, data.ShadeText(level)
			err = s.SetShade(ctx, 1, w.ID, level)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "child change:", err)
			os.Exit(4)
		}
		fmt.Fprintf(out, "%s %s %s\n", field, target, value)
		out.Flush()
	}
}

type ackedChange struct {
	field         data.Field
	target, value string
}

func TestCrashDurability(t *testing.T) {
	kills := 200
	if v, err := strconv.Atoi(os.Getenv(envKills)); err == nil && v > 0 {
		kills = v
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, s, "Crash")
	s.Close()

	rng := rand.New(rand.NewSource(20261125))
	total, withChanges := 0, 0
	for k := 0; k < kills; k++ {
		seed := rng.Int63()
		acked := runAndKill(t, path, seed, time.Duration(2+rng.Intn(40))*time.Millisecond)
		if len(acked) > 0 {
			withChanges++
		}
		total += len(acked)
		checkDurable(t, path, acked)
		if t.Failed() {
			t.Fatalf("kill %d (seed %d) lost an acknowledged change", k, seed)
		}
	}
	t.Logf("%d kills, %d acknowledged changes checked, %d kills landed mid-stream", kills, total, withChanges)
	if withChanges < kills/2 {
		t.Errorf("only %d of %d kills interrupted a stream of changes: the test is not exercising crashes", withChanges, kills)
	}
}

// runAndKill starts a child, lets it run for d (from its first change),
// kills it with SIGKILL and returns the changes it acknowledged.
func runAndKill(t *testing.T, path string, seed int64, d time.Duration) []ackedChange {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envCrashChild+"="+path, envCrashSeed+"="+strconv.FormatInt(seed, 10))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []ackedChange
	var mu sync.Mutex
	first := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		once := sync.Once{}
		for sc.Scan() {
			f := strings.SplitN(sc.Text(), " ", 3)
			if len(f) != 3 {
				continue // a line cut by the kill was not acknowledged whole
			}
			mu.Lock()
			acked = append(acked, ackedChange{data.Field(f[0]), f[1], f[2]})
			mu.Unlock()
			once.Do(func() { close(first) })
		}
	}()
	select {
	case <-first:
	case <-done:
	case <-time.After(10 * time.Second):
	}
	time.Sleep(d)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	_ = cmd.Wait()
	if strings.Contains(stderr.String(), "child ") {
		t.Fatalf("child failed: %s", stderr.String())
	}
	mu.Lock()
	defer mu.Unlock()
	return acked
}

// checkDurable reopens the database after a kill: integrity must be ok and
// every acknowledged change must be in the history, with the latest value
// of each note being the one on record.
func checkDurable(t *testing.T, path string, acked []ackedChange) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	var ok string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	for _, a := range acked {
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM history WHERE session_id = 1 AND field = ? AND target = ? AND after = ?`,
			a.field, a.target, a.value).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 && a.field != data.FieldShade {
			t.Errorf("acknowledged change %+v is not on disk", a)
		}
	}
	// The last acknowledged note of each target is either what the record
	// holds or was followed by a later (unacknowledged) change.
	r := mustRecord(t, s, 1)
	last := map[string]string{}
	for _, a := range acked {
		if a.field != data.FieldShade {
			last[string(a.field)+" "+a.target] = a.value
		}
	}
	for key, v := range last {
		f := strings.SplitN(key, " ", 2)
		var got string
		switch data.Field(f[0]) {
		case data.FieldWordNote:
			got = r.Word(f[1]).Note
		case data.FieldElementNotes:
			got = r.Element(f[1]).Notes
		case data.FieldSummary:
			got = r.Summary
		}
		if got != v {
			var later int
			s.db.QueryRowContext(ctx, `SELECT count(*) FROM history WHERE id > (SELECT max(id) FROM history WHERE after = ?) AND field = ? AND target = ?`,
				v, f[0], f[1]).Scan(&later)
			if later == 0 {
				t.Errorf("%s holds %q, but the last acknowledged value was %q", key, got, v)
			}
		}
	}
}
