package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// reportPercentiles adds median and p99 per-op figures to a benchmark.
func reportPercentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	b.ReportMetric(float64(d[len(d)/2].Microseconds()), "µs-median")
	b.ReportMetric(float64(d[len(d)*99/100].Microseconds()), "µs-p99")
}

// BenchmarkSetShade is one shading change committed to disk
// (synchronous=FULL, WAL), with its history row. Budget: 2 ms median, 10 ms p99.
func BenchmarkSetShade(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	id := MustCreate(b, s, "Bench")
	words := s.Framework().AllWords()
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := s.SetShade(ctx, id, words[i%len(words)].ID, data.Shade(1+(i/len(words))%2)); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(t0))
	}
	b.StopTimer()
	reportPercentiles(b, d)
}

// BenchmarkCommitFloor is a bare one-row SQLite commit with the same
// connection settings in the same kind of file: the floor SetShade sits on.
func BenchmarkCommitFloor(b *testing.B) {
	path := filepath.Join(b.TempDir(), "floor.db")
	db, err := sql.Open("sqlite3", dsn(path, false, false))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)"); err != nil {
		b.Fatal(err)
	}
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", i%22, i); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(t0))
	}
	b.StopTimer()
	reportPercentiles(b, d)
}

// BenchmarkList is the home screen's first page over 10,000 sessions, plain
// and searched. Budget: 20 ms.
func BenchmarkList(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	tx, err := s.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 10000; i++ {
		ts := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour).Format(timeFormat)
		if _, err := tx.Exec(`INSERT INTO sessions (title, community, organisation, framework_id, framework_version, created_at, updated_at)
			VALUES (?, ?, ?, 'ppei-iceberg', '1.0.0', ?, ?)`, fmt.Sprintf("Session %d", i), fmt.Sprintf("Community %d", i%37), "Org", ts, ts); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	// The floor: the same first page read with a bare query, no scanning
	// into sessions.
	b.Run("floor", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rows, err := s.db.Query(`SELECT id, title FROM sessions WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 50`)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				var id int64
				var title string
				rows.Scan(&id, &title)
				n++
			}
			rows.Close()
			if n != 50 {
				b.Fatal(n)
			}
		}
	})
	for _, q := range []string{"", "Community 12"} {
		b.Run(fmt.Sprintf("search=%q", q), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				list, err := s.ListSessions(ctx, data.SessionFilter{Search: q, Limit: 50})
				if err != nil || len(list) == 0 {
					b.Fatal(len(list), err)
				}
			}
		})
	}
}
