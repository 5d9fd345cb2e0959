package mapmodel

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

func record(fw *data.Framework, levels map[string]data.Shade, agreed ...string) *data.Record {
	r := &data.Record{Session: data.Session{Title: "Mapping", Community: "Governing Body", Organisation: "North ICB", MeetingDate: "2026-03-14"}}
	for id, l := range levels {
		r.Words = append(r.Words, data.WordState{WordID: id, Level: l, Note: "note " + id})
	}
	at := time.Date(2026, 3, 14, 11, 0, 0, 0, time.UTC)
	for _, c := range agreed {
		r.Elements = append(r.Elements, data.ElementState{Code: c, AgreedAt: &at})
	}
	return r
}

func TestBuild(t *testing.T) {
	fw := data.DefaultFramework()
	all := []string{"P", "Mat", "C", "BE", "M"}
	tests := []struct {
		name      string
		levels    map[string]data.Shade
		agreed    []string
		wantCount string
		wantDraft bool
	}{
		{"empty", nil, nil, "0 of 22 practices shaded", true},
		{"some", map[string]data.Shade{"p.aligning": data.ShadeShaded, "mat.reporting": data.ShadePartly, "m.valuing": data.ShadeShaded}, all[:4], "2 of 22 practices shaded, 1 partly", true},
		{"agreed", map[string]data.Shade{"be.welcoming": data.ShadeShaded}, all, "1 of 22 practices shaded", false},
		{"bad level counts as none", map[string]data.Shade{"c.learning": data.Shade(7)}, all, "0 of 22 practices shaded", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(fw, record(fw, tt.levels, tt.agreed...))
			if m.CountLine != tt.wantCount {
				t.Errorf("CountLine = %q, want %q", m.CountLine, tt.wantCount)
			}
			if m.Draft != tt.wantDraft {
				t.Errorf("Draft = %v, want %v", m.Draft, tt.wantDraft)
			}
			if m.Total != 22 {
				t.Errorf("Total = %d, want 22", m.Total)
			}
			if got, want := len(m.Columns), len(fw.Elements); got != want {
				t.Fatalf("%d columns, want %d", got, want)
			}
			for i, e := range fw.Elements {
				c := m.Columns[i]
				if c.Code != e.Code || c.Name != e.Name {
					t.Errorf("column %d = %s %s, want %s %s", i, c.Code, c.Name, e.Code, e.Name)
				}
				for j, w := range e.Words {
					cell := c.Words[j]
					if cell.ID != w.ID || cell.Label != w.Label || cell.Index != j {
						t.Errorf("cell %d,%d = %+v, want %s %s", i, j, cell, w.ID, w.Label)
					}
					if want := tt.levels[w.ID]; want.Valid() && cell.Level != want {
						t.Errorf("%s level = %v, want %v", w.ID, cell.Level, want)
					}
				}
			}
			if got, want := m.Lines, []string{"Community of practice: Governing Body", "Organisation: North ICB", "Workshop date: 14 March 2026"}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Lines = %q, want %q", got, want)
			}
		})
	}
}

func TestLegendAndMarksDiffer(t *testing.T) {
	seen := map[Mark]bool{}
	for _, e := range Legend() {
		m := MarkFor(e.Level)
		if seen[m] {
			t.Errorf("two levels share mark %d", m)
		}
		seen[m] = true
		if e.Label == "" || e.Description == "" {
			t.Errorf("legend entry %v is missing words", e.Level)
		}
	}
	if len(seen) != 3 {
		t.Errorf("%d marks, want 3", len(seen))
	}
}

func TestDateWords(t *testing.T) {
	for in, want := range map[string]string{"2026-03-14": "14 March 2026", "": "", " soon ": "soon", "2026-02-30": "2026-02-30"} {
		if got := DateWords(in); got != want {
			t.Errorf("DateWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLayout(t *testing.T) {
	fw := data.DefaultFramework()
	m := Build(fw, record(fw, nil))
	sizes := []struct{ w, h float64 }{
		{180, 170}, // A4 map area, mm
		{186, 150}, // Letter, shorter
		{1280, 720},
		{400, 900}, // tall and narrow
		{100, 40},  // squashed
	}
	for _, s := range sizes {
		t.Run(fmt.Sprintf("%gx%g", s.w, s.h), func(t *testing.T) {
			g := Layout(m, s.w, s.h)
			var all []Rect
			n := 0
			for i, col := range g.Cells {
				if len(col) != len(m.Columns[i].Words) {
					t.Errorf("column %d has %d cells, want %d", i, len(col), len(m.Columns[i].Words))
				}
				all = append(all, g.Headers[i])
				for j, c := range col {
					n++
					all = append(all, c)
					if c.Y < g.Headers[i].Y+g.Headers[i].H {
						t.Errorf("cell %d,%d starts above its header", i, j)
					}
					if j > 0 && c.Y <= col[j-1].Y {
						t.Errorf("cell %d,%d is not below the one before", i, j)
					}
					if c.Y < g.Waterline {
						t.Errorf("cell %d,%d is above the waterline", i, j)
					}
				}
				if i > 0 && g.Headers[i].X <= g.Headers[i-1].X {
					t.Errorf("column %d is not right of column %d", i, i-1)
				}
			}
			if n != 22 {
				t.Errorf("%d cells, want 22", n)
			}
			for i := range all {
				for _, p := range append(all[i].Corners(), Point{all[i].X + all[i].W/2, all[i].Y + all[i].H/2}) {
					if !InPolygon(p, g.Mass) {
						t.Errorf("rect %d %+v: point %+v is outside the mass", i, all[i], p)
					}
					if p.X < 0 || p.X > s.w || p.Y < 0 || p.Y > g.Height {
						t.Errorf("rect %d: point %+v is outside the area", i, p)
					}
				}
				for j := i + 1; j < len(all); j++ {
					if all[i].Overlaps(all[j]) {
						t.Errorf("rects %d %+v and %d %+v overlap", i, all[i], j, all[j])
					}
				}
			}
			for _, p := range g.Mass {
				if p.Y < g.Waterline || p.X < 0 || p.X > s.w || p.Y > g.Height {
					t.Errorf("mass point %+v is outside the water or the area", p)
				}
			}
			for _, p := range g.Tip {
				if p.Y > g.Waterline || p.Y < 0 {
					t.Errorf("tip point %+v is below the waterline or off the area", p)
				}
			}
			for _, p := range g.TipLabel.Corners() {
				if !InPolygon(p, g.Tip) {
					t.Errorf("tip label corner %+v is outside the tip", p)
				}
			}
			if g.Height > s.h || g.Height < s.h*0.5 {
				t.Errorf("height %g, want at most %g and not under half of it", g.Height, s.h)
			}
			if g.Sea.Y != g.Waterline || math.Abs(g.Sea.Y+g.Sea.H-g.Height) > 1e-9 {
				t.Errorf("sea %+v does not run from the waterline %g to the bottom", g.Sea, g.Waterline)
			}
		})
	}
}

func TestInPolygon(t *testing.T) {
	sq := Rect{0, 0, 10, 10}.Corners()
	for _, tt := range []struct {
		p    Point
		want bool
	}{{Point{5, 5}, true}, {Point{11, 5}, false}, {Point{-1, -1}, false}, {Point{9.9, 0.1}, true}} {
		if got := InPolygon(tt.p, sq); got != tt.want {
			t.Errorf("InPolygon(%v) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestMarkShapes(t *testing.T) {
	const cx, cy, r = 10.0, 20.0, 2.0
	half := HalfDisc(cx, cy, r)
	if len(half) < 3 {
		t.Fatalf("half disc has %d points", len(half))
	}
	for _, p := range half {
		if p.X > cx+1e-9 || math.Abs(math.Hypot(p.X-cx, p.Y-cy)-r) > 1e-9 {
			t.Errorf("half disc point %+v is not on the left half of the circle", p)
		}
	}
	if first, last := half[0], half[len(half)-1]; math.Abs(first.Y-(cy-r)) > 1e-9 || math.Abs(last.Y-(cy+r)) > 1e-9 {
		t.Errorf("half disc runs from %+v to %+v, want top to bottom", first, last)
	}
	s := r * TickScale
	tk := Tick(cx, cy, s)
	// Down to the corner, then up to the right and higher than it began.
	if !(tk[0].X < tk[1].X && tk[1].X < tk[2].X && tk[1].Y > tk[0].Y && tk[2].Y < tk[0].Y) {
		t.Errorf("tick %+v is not a check mark", tk)
	}
	for _, p := range tk {
		if math.Hypot(p.X-cx, p.Y-cy) > r {
			t.Errorf("tick point %+v lies outside its disc", p)
		}
	}
	lines := HatchLines(1, 2, 30, 6, 2)
	if len(lines) != 18 {
		t.Errorf("%d hatch lines over a 30×6 box 2 apart, want 18", len(lines))
	}
	for i, l := range lines {
		if l[0].Y != 8 || l[1].Y != 2 || math.Abs((l[1].X-l[0].X)-6) > 1e-9 {
			t.Errorf("line %d %+v does not rise at 45° across the box", i, l)
		}
		if i > 0 && math.Abs(l[0].X-lines[i-1][0].X-2) > 1e-9 {
			t.Errorf("line %d is not 2 from the one before", i)
		}
	}
}

// The window's hatching: HatchLines cut to the box, every line on x+y = c
// for c a whole number of spacings, none leaving the box.
func TestHatchSegmentsStayInsideTheBox(t *testing.T) {
	for _, c := range []struct{ w, h, sp float64 }{{300, 100, 9}, {40, 200, 7}, {10, 10, 9}, {120, 80, 4}} {
		segs := HatchSegments(0, 0, c.w, c.h, c.sp)
		if want := int((c.w + c.h - 0.001) / c.sp); len(segs) != want {
			t.Errorf("%v: %d lines, want %d", c, len(segs), want)
		}
		for i, s := range segs {
			want := c.sp * float64(i+1)
			for _, p := range s {
				if p.X < -1e-9 || p.X > c.w+1e-9 || p.Y < -1e-9 || p.Y > c.h+1e-9 {
					t.Fatalf("%v: line %d leaves the box at %v", c, i, p)
				}
				if d := p.X + p.Y - want; math.Abs(d) > 0.01 {
					t.Fatalf("%v: line %d is not on x+y=%v: %v", c, i, want, s)
				}
			}
		}
	}
	if HatchSegments(0, 0, 0, 10, 4) != nil || HatchSegments(0, 0, 10, 10, 0) != nil {
		t.Error("an empty box or no spacing gives lines")
	}
}
