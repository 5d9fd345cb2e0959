package app

import (
	"image"
	"image/color"
	"math"
	"testing"

	fynetest "fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// mapPixel is the map's background pixel worked out the plain way, every
// segment of the outline looked at: what mapRenderer.draw must give.
func mapPixel(g mapmodel.Geometry, x, y int) color.NRGBA {
	sky, sea, deep := nrgba(themeColour(colourSky)), nrgba(themeColour(colourSea)), nrgba(themeColour(colourSeaDeep))
	ice, edgeC, line := nrgba(themeColour(colourIce)), nrgba(themeColour(colourIceEdge)), nrgba(themeColour(colourEdge))
	p := mapmodel.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}
	out := sky
	if p.Y >= g.Waterline {
		out = mixColour(sea, deep, (p.Y-g.Waterline)/math.Max(1, g.Height-g.Waterline))
	}
	if mapmodel.InPolygon(p, g.Mass) || mapmodel.InPolygon(p, g.Tip) {
		out = ice
	}
	dist := func(poly []mapmodel.Point) float64 {
		d := math.Inf(1)
		for i := range poly {
			a, b := poly[i], poly[(i+1)%len(poly)]
			if p.X < math.Min(a.X, b.X)-edgeWidth || p.X > math.Max(a.X, b.X)+edgeWidth ||
				p.Y < math.Min(a.Y, b.Y)-edgeWidth || p.Y > math.Max(a.Y, b.Y)+edgeWidth {
				continue // its box, grown by the edge's width, leaves p out
			}
			d = math.Min(d, segDist(p.X, p.Y, a.X, a.Y, b.X, b.Y))
		}
		return d
	}
	out = over(out, edgeC, clamp01(edgeWidth-math.Min(dist(g.Mass), dist(g.Tip))))
	if d := math.Abs(p.Y - g.Waterline); d < 2 {
		out = over(out, line, clamp01(1.5-d))
	}
	return out
}

// The map's background, drawn a row at a time, is every pixel the plain
// per-pixel sum gives, at the sizes Review draws it.
func TestMapBackgroundIsThePlainSum(t *testing.T) {
	mr := newMapRenderer(t)
	v := mr.v
	for _, size := range [][2]int{{600, 420}, {913, 517}, {7, 5}} {
		w, h := size[0], size[1]
		img := mr.draw(w, h).(*image.NRGBA)
		g := mapmodel.Layout(v.model, float64(w), float64(h))
		bad := 0
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				if got, want := img.NRGBAAt(x, y), mapPixel(g, x, y); got != want {
					if bad++; bad <= 3 {
						t.Errorf("%d×%d: pixel %d,%d is %v, want %v", w, h, x, y, got, want)
					}
				}
			}
		}
		if bad > 3 {
			t.Errorf("%d×%d: %d pixels differ in all", w, h, bad)
		}
	}
}

// BenchmarkMapBackground: drawing Review's map background once, at a
// 1280×720 window's size for it.
func BenchmarkMapBackground(b *testing.B) {
	mr := newMapRenderer(b)
	for b.Loop() {
		mr.back.Generator(913, 517)
	}
}

// newMapRenderer is the map of an empty session on a test app with the
// app's light theme, whose colours the background is drawn in.
func newMapRenderer(tb testing.TB) *mapRenderer {
	fynetest.NewTempApp(tb).Settings().SetTheme(newIceTheme(lookLight, 1))
	v := newMapView(data.DefaultFramework(), &data.Record{})
	return v.CreateRenderer().(*mapRenderer)
}
