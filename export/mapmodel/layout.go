package mapmodel

import "math"

// Point is a position in layout units, origin top-left, y downwards.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned rectangle in layout units.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether p lies in r (edges included).
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// Corners lists the four corners clockwise from top-left.
func (r Rect) Corners() []Point {
	return []Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}
}

// Overlaps reports whether r and o share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Geometry is where each part of the map goes inside a drawing area of the
// given width and height. Height may come back smaller than asked for, when
// the cells reach their greatest size before the area is full.
type Geometry struct {
	Width, Height float64
	Sea           Rect    // the water, from the waterline down
	Waterline     float64 // y of the sea's surface
	Tip           []Point // the visible tip, above the waterline
	TipLabel      Rect    // room inside the tip for the count
	Mass          []Point // the ice under the water, holding the columns
	Headers       []Rect  // one per column: code and name
	Cells         [][]Rect
	Unit          float64 // the height of one word cell: renderers scale text by it
}

// Proportions of the drawing, as fractions of the width or of a unit.
const (
	tipShare    = 0.2   // share of the height above the waterline
	sideInset   = 0.06  // share of the width left beside the columns
	gapShare    = 0.018 // share of the width between columns
	headerUnits = 1.45  // header height, in cell heights
	rowUnits    = 1.28  // one row (cell plus spacing), in cell heights
	topUnits    = 0.55  // water between waterline and headers
	belowUnits  = 0.5   // ice below the last cell
	afterHeader = 0.35  // space between header and first cell
	maxUnitOfW  = 0.44  // a cell is never taller than this share of a column's width
)

// Layout places the map of m in a width × height area. Columns are as wide
// as the area allows; cells are as tall as the height allows, within reason.
func Layout(m Model, width, height float64) Geometry { return layout(m, width, height, sideInset) }

// wideInset is LayoutWide's share of the width left beside the columns.
const wideInset = 0.025

// LayoutWide is Layout with less ice beside the outer columns, so each
// column is wider: for a comparison, whose arrows take room beside every
// cell, so its words keep one readable size.
func LayoutWide(m Model, width, height float64) Geometry { return layout(m, width, height, wideInset) }

func layout(m Model, width, height, inset float64) Geometry {
	g := Geometry{Width: width, Height: height}
	n := len(m.Columns)
	rows := 1
	for _, c := range m.Columns {
		rows = max(rows, len(c.Words))
	}
	tipH := height * tipShare
	top := height * 0.01
	g.Waterline = top + tipH
	g.Sea = Rect{0, g.Waterline, width, height - g.Waterline}

	gap := width * gapShare
	colL, colR := width*inset, width*(1-inset)
	colW := colR - colL
	if n > 0 {
		colW = (colR - colL - gap*float64(n-1)) / float64(n)
	}
	depth := height - g.Waterline
	u := depth / (topUnits + headerUnits + afterHeader + float64(rows)*rowUnits + belowUnits)
	u = math.Min(u, colW*maxUnitOfW)
	g.Unit = u

	headTop := g.Waterline + topUnits*u
	bottoms := make([]float64, n)
	for i, c := range m.Columns {
		x := colL + float64(i)*(colW+gap)
		g.Headers = append(g.Headers, Rect{x, headTop, colW, headerUnits * u})
		y := headTop + (headerUnits+afterHeader)*u
		var cells []Rect
		for range c.Words {
			cells = append(cells, Rect{x, y, colW, u})
			y += rowUnits * u
		}
		g.Cells = append(g.Cells, cells)
		bottoms[i] = y - (rowUnits-1)*u + belowUnits*u
	}
	edge, bulge := 1.4*gap, 3*gap
	if inset != sideInset {
		// The ice still bulges, within the area.
		edge, bulge = math.Min(edge, colL*0.4), math.Min(bulge, colL*0.85)
	}
	g.Mass = mass(g.Waterline, colL, colR, colW, gap, u, bottoms, edge, bulge)
	// When the cells are as tall as they may be, the sea stops a little
	// below the ice rather than filling the area with empty water.
	deepest := g.Waterline
	for _, p := range g.Mass {
		deepest = max(deepest, p.Y)
	}
	g.Height = min(height, deepest+1.2*u)
	g.Sea.H = g.Height - g.Waterline
	g.Tip = tip(width, g.Waterline, tipH)
	g.TipLabel = Rect{width * 0.37, g.Waterline - 0.56*tipH, width * 0.26, 0.5 * tipH}
	return g
}

// mass outlines the ice under the water: a little wider than the columns,
// bulging at mid-depth, its underside following each column's depth so the
// longer columns reach deeper, as ice does.
func mass(wl, colL, colR, colW, gap, u float64, bottoms []float64, edge, bulge float64) []Point {
	deepest := wl
	for _, b := range bottoms {
		deepest = max(deepest, b)
	}
	bulgeY := wl + 0.45*(deepest-wl)
	pts := []Point{{colL - edge, wl}, {colL - bulge, bulgeY}}
	// Small dips under each column keep the underside from looking ruled.
	dips := []float64{0.5, 0.25, 0.7, 0.35, 0.6}
	for i, b := range bottoms {
		x := colL + float64(i)*(colW+gap)
		dip := dips[i%len(dips)] * u * 0.6
		pts = append(pts,
			Point{x - 0.4*gap, b},
			Point{x + colW*0.45, b + dip},
			Point{x + colW + 0.4*gap, b},
		)
	}
	if len(bottoms) == 0 {
		pts = append(pts, Point{colL, deepest + u}, Point{colR, deepest + u})
	}
	pts = append(pts, Point{colR + bulge, bulgeY}, Point{colR + edge, wl})
	return pts
}

// tip outlines the part of the iceberg above the water, with a peak left of
// centre and a shoulder to the right.
func tip(w, wl, h float64) []Point {
	shape := [][2]float64{
		{0.25, 0}, {0.3, 0.42}, {0.36, 0.62}, {0.43, 0.95}, {0.47, 1.0},
		{0.53, 0.8}, {0.6, 0.9}, {0.66, 0.62}, {0.71, 0.38}, {0.76, 0},
	}
	pts := make([]Point, len(shape))
	for i, s := range shape {
		pts[i] = Point{s[0] * w, wl - s[1]*h}
	}
	return pts
}

// InPolygon reports whether p lies inside the polygon (even-odd rule;
// points on an edge may go either way).
func InPolygon(p Point, poly []Point) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}
