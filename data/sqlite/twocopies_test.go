package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// writerChild is one copy of the app: for each round it writes a note and
// a shading to each of its words, printing each acknowledged note.
func writerChild(path, plan string) {
	parts := strings.Split(plan, ":")
	tag, words := parts[0], strings.Split(parts[1], ",")
	rounds, _ := strconv.Atoi(parts[2])
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer open:", err)
		os.Exit(3)
	}
	defer s.Close()
	out := bufio.NewWriter(os.Stdout)
	for r := 0; r < rounds; r++ {
		for _, w := range words {
			note := fmt.Sprintf("%s-%d", tag, r)
			if err := s.SetWordNote(ctx, 1, w, note); err != nil {
				fmt.Fprintln(os.Stderr, "writer error:", data.ErrorMessage(err), err)
				os.Exit(4)
			}
			fmt.Fprintf(out, "%s %s\n", w, note)
			out.Flush()
			if err := s.SetShade(ctx, 1, w, data.Shade(1+r%2)); err != nil {
				fmt.Fprintln(os.Stderr, "writer error:", data.ErrorMessage(err), err)
				os.Exit(4)
			}
		}
	}
}

// runWriters runs two copies of the app at once and returns what each acknowledged.
func runWriters(t *testing.T, path string, plans ...string) [][]string {
	t.Helper()
	type proc struct {
		cmd    *exec.Cmd
		out    strings.Builder
		errOut strings.Builder
	}
	procs := make([]*proc, len(plans))
	for i, plan := range plans {
		p := &proc{cmd: exec.Command(os.Args[0], "-test.run=^$")}
		p.cmd.Env = append(os.Environ(), envWriter+"="+path, envWriterPlan+"="+plan)
		p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.errOut
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[i] = p
	}
	var acked [][]string
	for i, p := range procs {
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("copy %d failed: %v: %s", i, err, p.errOut.String())
		}
		if s := p.errOut.String(); strings.Contains(strings.ToLower(s), "locked") || strings.Contains(s, "busy") {
			t.Errorf("copy %d told the user: %s", i, s)
		}
		acked = append(acked, strings.Split(strings.TrimSpace(p.out.String()), "\n"))
	}
	return acked
}

func TestTwoCopiesOnOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, s, "Two copies")
	s.Close()
	const rounds = 40

	t.Run("different words", func(t *testing.T) {
		acked := runWriters(t, path, "A:p.aligning,p.imagining,mat.reporting:40", "B:c.learning,be.welcoming,m.valuing:40")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		r := mustRecord(t, s, 1)
		for i, tag := range []string{"A", "B"} {
			if len(acked[i]) != 3*rounds {
				t.Errorf("copy %s acknowledged %d notes, want %d", tag, len(acked[i]), 3*rounds)
			}
		}
		for _, w := range []string{"p.aligning", "p.imagining", "mat.reporting", "c.learning", "be.welcoming", "m.valuing"} {
			ws := r.Word(w)
			if !strings.HasSuffix(ws.Note, fmt.Sprintf("-%d", rounds-1)) || ws.Level != data.Shade(1+(rounds-1)%2) {
				t.Errorf("%s ended as %+v, want its copy's last change", w, ws)
			}
		}
		assertAllInHistory(t, s, acked)
	})

	t.Run("same word", func(t *testing.T) {
		acked := runWriters(t, path, "C:c.conforming:60", "D:c.conforming:60")
		a, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		ra, rb := mustRecord(t, a, 1), mustRecord(t, b, 1)
		if ra.Word("c.conforming") != rb.Word("c.conforming") {
			t.Errorf("the two copies see different final states")
		}
		// The final note is the last write of whichever copy wrote last.
		var lastID int64
		var lastAfter string
		a.db.QueryRow(`SELECT id, after FROM history WHERE field = 'word_note' AND target = 'c.conforming' ORDER BY id DESC LIMIT 1`).Scan(&lastID, &lastAfter)
		if got := ra.Word("c.conforming").Note; got != lastAfter || !strings.HasSuffix(got, "-59") {
			t.Errorf("final note %q, last written %q", got, lastAfter)
		}
		assertAllInHistory(t, a, acked)
	})
}

func assertAllInHistory(t *testing.T, s *Store, acked [][]string) {
	t.Helper()
	for _, lines := range acked {
		for _, line := range lines {
			f := strings.SplitN(line, " ", 2)
			if len(f) != 2 {
				t.Fatalf("bad line %q", line)
			}
			var n int
			s.db.QueryRow(`SELECT count(*) FROM history WHERE field = 'word_note' AND target = ? AND after = ?`, f[0], f[1]).Scan(&n)
			if n == 0 {
				t.Errorf("acknowledged note %q on %s was lost", f[1], f[0])
			}
		}
	}
}
