package mapmodel

import (
	"math"

	"github.com/ppei-iceberg/iceberg/data"
)

// Mark is the shape drawn in a cell beside its label, so a level never
// shows by colour alone.
type Mark int

// The marks, one per level.
const (
	MarkEmptyCircle Mark = iota // not shaded
	MarkHalfCircle              // partly
	MarkTick                    // shaded: filled circle with a tick
)

// MarkFor gives the mark drawn for a level; anything that is not a known
// level is drawn as not shaded.
func MarkFor(s data.Shade) Mark {
	switch s {
	case data.ShadePartly:
		return MarkHalfCircle
	case data.ShadeShaded:
		return MarkTick
	}
	return MarkEmptyCircle
}

// TickScale is the tick's half-width as a share of the radius of the disc
// it sits on.
const TickScale = 0.62

// TickStroke is the tick's line width as a share of its half-width.
const TickStroke = 0.32

// Tick is the check mark of half-width s centred on cx, cy (y downwards):
// a short stroke down to the corner, then a long one up to the right.
func Tick(cx, cy, s float64) [3]Point {
	return [3]Point{
		{X: cx - s, Y: cy + 0.05*s},
		{X: cx - 0.3*s, Y: cy + 0.7*s},
		{X: cx + s, Y: cy - 0.7*s},
	}
}

// halfSteps is how many straight pieces make the half circle's arc.
const halfSteps = 16

// HalfDisc outlines the filled left half of the partly mark's circle of
// radius r centred on cx, cy (y downwards), from the top round to the
// bottom.
func HalfDisc(cx, cy, r float64) []Point {
	pts := make([]Point, 0, halfSteps+1)
	for i := 0; i <= halfSteps; i++ {
		a := math.Pi/2 + math.Pi*float64(i)/halfSteps
		pts = append(pts, Point{X: cx + r*math.Cos(a), Y: cy - r*math.Sin(a)})
	}
	return pts
}

// HatchLines are the partly pattern's diagonals over the w × h box at
// x, y (y downwards): lines rising to the right at 45°, spacing apart
// along each edge. Each runs the box's full height, from its foot on the
// bottom edge to its head on the top edge, so a renderer clips them to
// the box.
func HatchLines(x, y, w, h, spacing float64) [][2]Point {
	var out [][2]Point
	for k := -h; k < w; k += spacing {
		out = append(out, [2]Point{{X: x + k, Y: y + h}, {X: x + k + h, Y: y}})
	}
	return out
}

// HatchSegments are HatchLines cut to the box, for a renderer that cannot
// clip (the window draws each as a line of its own). A line that only
// touches a corner is left out.
func HatchSegments(x, y, w, h, spacing float64) [][2]Point {
	var out [][2]Point
	if w <= 0 || h <= 0 || spacing <= 0 {
		return nil
	}
	for _, l := range HatchLines(x, y, w, h, spacing) {
		// The line runs X = foot + t·h, Y = bottom − t·h for t in [0, 1].
		k := l[0].X - x
		t0, t1 := math.Max(0, -k/h), math.Min(1, (w-k)/h)
		if t1-t0 < 1e-9 {
			continue
		}
		out = append(out, [2]Point{
			{X: l[0].X + t0*h, Y: l[0].Y - t0*h},
			{X: l[0].X + t1*h, Y: l[0].Y - t1*h},
		})
	}
	return out
}
