package mapimage

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// WritePNG writes the map as a PNG at 300 dots per inch (about 2200 pixels
// wide, 186 mm printed), with its resolution recorded in the file so a
// word processor or slide places it at that size. The same model always
// gives the same bytes. The PNG has no room for a text alternative: give
// TextAlternative beside it.
func WritePNG(w io.Writer, m mapmodel.Model) error {
	img, err := Render(m, DPI)
	if err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	b, err := encode(img, DPI)
	if err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

// encode writes an opaque image as an 8-bit RGB PNG with its resolution
// (a pHYs chunk, which image/png does not write). Every row uses the Up
// filter, the difference from the row above, which turns the map's flat
// areas into runs of zeros: image/png tries all five filters on every
// row, and on a picture this size that costs more than drawing it.
func encode(img *image.RGBA, dpi float64) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		var head [8]byte
		binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
		copy(head[4:], kind)
		out.Write(head[:])
		out.Write(data)
		crc := crc32.NewIEEE()
		crc.Write(head[4:])
		crc.Write(data)
		out.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8 bits, RGB, deflate, adaptive filtering, no interlace
	chunk("IHDR", ihdr)
	ppm := uint32(math.Round(dpi / 0.0254))
	phys := binary.BigEndian.AppendUint32(nil, ppm)
	phys = binary.BigEndian.AppendUint32(phys, ppm)
	chunk("pHYs", append(phys, 1)) // per metre

	var idat bytes.Buffer
	z, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	row, prev := make([]byte, 1+3*w), make([]byte, 1+3*w)
	for y := range h {
		pix := img.Pix[y*img.Stride : y*img.Stride+4*w]
		row[0] = 2 // Up
		for x := range w {
			for c := range 3 {
				v := pix[4*x+c]
				row[1+3*x+c] = v - prev[1+3*x+c]
				prev[1+3*x+c] = v
			}
		}
		if _, err := z.Write(row); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	return out.Bytes(), nil
}

// Render draws the map as an image at dpi dots per inch.
func Render(m mapmodel.Model, dpi float64) (*image.RGBA, error) {
	if _, err := fonts(); err != nil {
		return nil, err
	}
	r := &raster{scale: dpi / 72, dpi: dpi, faces: map[faceKey]font.Face{}}
	drawMap(r, m)
	if r.err != nil {
		return nil, r.err
	}
	return r.img, nil
}

type faceKey struct {
	bold bool
	size float64
}

// raster paints into an RGBA image with golang.org/x/image/vector: every
// shape is a filled outline, strokes included, antialiased.
type raster struct {
	img   *image.RGBA
	scale float64 // pixels per point
	dpi   float64
	z     vector.Rasterizer
	faces map[faceKey]font.Face
	err   error
}

func (r *raster) size(w, h float64) {
	r.img = image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*r.scale)), int(math.Ceil(h*r.scale))))
	// Paper white to the last pixel, so the PNG is opaque (and written
	// without an alpha channel).
	draw.Draw(r.img, r.img.Bounds(), image.White, image.Point{}, draw.Src)
}

func (r *raster) group(string) {}

// fill fills the outlines (in points) in one pass: where outlines wind
// the same way they add up, and a reversed one cuts a hole.
func (r *raster) fill(paths [][]mapmodel.Point, c colour) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range paths {
		for _, q := range p {
			minX, minY = math.Min(minX, q.X*r.scale), math.Min(minY, q.Y*r.scale)
			maxX, maxY = math.Max(maxX, q.X*r.scale), math.Max(maxY, q.Y*r.scale)
		}
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	r.z.Reset(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, p := range paths {
		if len(p) < 3 {
			continue
		}
		r.z.MoveTo(float32(p[0].X*r.scale-ox), float32(p[0].Y*r.scale-oy))
		for _, q := range p[1:] {
			r.z.LineTo(float32(q.X*r.scale-ox), float32(q.Y*r.scale-oy))
		}
		r.z.ClosePath()
	}
	r.z.DrawOp = draw.Over
	r.z.Draw(r.img, box, image.NewUniform(c), image.Point{})
}

// area is twice a closed outline's signed area.
func area(p []mapmodel.Point) float64 {
	a := 0.0
	for i := range p {
		j := (i + 1) % len(p)
		a += p[i].X*p[j].Y - p[j].X*p[i].Y
	}
	return a
}

// wound returns p turning the positive way, or the negative way if neg.
func wound(p []mapmodel.Point, neg bool) []mapmodel.Point {
	if (area(p) < 0) != neg {
		q := make([]mapmodel.Point, len(p))
		for i := range p {
			q[i] = p[len(p)-1-i]
		}
		return q
	}
	return p
}

// rounded outlines a rectangle with rounded corners.
func rounded(r mapmodel.Rect, radius float64) []mapmodel.Point {
	radius = math.Max(0, math.Min(radius, math.Min(r.W, r.H)/2))
	if radius == 0 {
		return r.Corners()
	}
	var pts []mapmodel.Point
	corners := []struct{ cx, cy, a float64 }{
		{r.X + r.W - radius, r.Y + radius, -math.Pi / 2},
		{r.X + r.W - radius, r.Y + r.H - radius, 0},
		{r.X + radius, r.Y + r.H - radius, math.Pi / 2},
		{r.X + radius, r.Y + radius, math.Pi},
	}
	const steps = 6
	for _, c := range corners {
		for i := 0; i <= steps; i++ {
			a := c.a + math.Pi/2*float64(i)/steps
			pts = append(pts, mapmodel.Point{X: c.cx + radius*math.Cos(a), Y: c.cy + radius*math.Sin(a)})
		}
	}
	return pts
}

func disc(cx, cy, rad float64) []mapmodel.Point {
	n := 40
	pts := make([]mapmodel.Point, n)
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = mapmodel.Point{X: cx + rad*math.Cos(a), Y: cy + rad*math.Sin(a)}
	}
	return pts
}

func grow(r mapmodel.Rect, d float64) mapmodel.Rect {
	return mapmodel.Rect{X: r.X - d, Y: r.Y - d, W: r.W + 2*d, H: r.H + 2*d}
}

func (r *raster) gradient(box mapmodel.Rect, top, bottom colour) {
	y0, y1 := int(math.Round(box.Y*r.scale)), int(math.Round((box.Y+box.H)*r.scale))
	x0, x1 := int(math.Round(box.X*r.scale)), int(math.Round((box.X+box.W)*r.scale))
	for y := y0; y < y1; y++ {
		t := float64(y-y0) / math.Max(float64(y1-y0-1), 1)
		mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + t*(float64(b)-float64(a)))) }
		c := color.RGBA{mix(top.R, bottom.R), mix(top.G, bottom.G), mix(top.B, bottom.B), 255}
		draw.Draw(r.img, image.Rect(x0, y, x1, y+1), image.NewUniform(c), image.Point{}, draw.Src)
	}
}

func (r *raster) roundRect(box mapmodel.Rect, radius float64, fill, stroke *colour, sw float64) {
	if fill != nil {
		r.fill([][]mapmodel.Point{rounded(box, radius)}, *fill)
	}
	if stroke != nil {
		r.fill([][]mapmodel.Point{
			wound(rounded(grow(box, sw/2), radius+sw/2), false),
			wound(rounded(grow(box, -sw/2), radius-sw/2), true),
		}, *stroke)
	}
}

// hatch draws lines rising to the right, gap apart along the width,
// clipped to the rounded rectangle: the lines and the shape are each
// rasterised into a mask, and the colour drawn through both.
func (r *raster) hatch(box mapmodel.Rect, radius, gap, sw float64, c colour) {
	px := image.Rect(int(math.Floor(box.X*r.scale)), int(math.Floor(box.Y*r.scale)), int(math.Ceil((box.X+box.W)*r.scale)), int(math.Ceil((box.Y+box.H)*r.scale))).Intersect(r.img.Bounds())
	if px.Empty() {
		return
	}
	mask := func(paths [][]mapmodel.Point) *image.Alpha {
		a := image.NewAlpha(px)
		r.z.Reset(px.Dx(), px.Dy())
		ox, oy := float64(px.Min.X), float64(px.Min.Y)
		for _, p := range paths {
			r.z.MoveTo(float32(p[0].X*r.scale-ox), float32(p[0].Y*r.scale-oy))
			for _, q := range p[1:] {
				r.z.LineTo(float32(q.X*r.scale-ox), float32(q.Y*r.scale-oy))
			}
			r.z.ClosePath()
		}
		r.z.DrawOp = draw.Src
		r.z.Draw(a, px, image.Opaque, image.Point{})
		return a
	}
	shape := mask([][]mapmodel.Point{rounded(box, radius)})
	var lines [][]mapmodel.Point
	for _, l := range mapmodel.HatchLines(box.X, box.Y, box.W, box.H, gap) {
		lines = append(lines, wound(segment(l[0], l[1], sw), false))
	}
	ink := mask(lines)
	for i := range ink.Pix {
		ink.Pix[i] = uint8(uint16(ink.Pix[i]) * uint16(shape.Pix[i]) / 255)
	}
	draw.DrawMask(r.img, px, image.NewUniform(c), image.Point{}, ink, px.Min, draw.Over)
}

// segment outlines a straight stroke from a to b, sw wide, with flat ends.
func segment(a, b mapmodel.Point, sw float64) []mapmodel.Point {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	nx, ny := -dy/l*sw/2, dx/l*sw/2
	return []mapmodel.Point{{X: a.X + nx, Y: a.Y + ny}, {X: b.X + nx, Y: b.Y + ny}, {X: b.X - nx, Y: b.Y - ny}, {X: a.X - nx, Y: a.Y - ny}}
}

// strokePath outlines a path's stroke as segments with round joins (and,
// open, round ends).
func strokePath(pts []mapmodel.Point, closed bool, sw float64) [][]mapmodel.Point {
	var out [][]mapmodel.Point
	n := len(pts)
	last := n - 1
	if closed {
		last = n
	}
	for i := 0; i < last; i++ {
		if s := segment(pts[i], pts[(i+1)%n], sw); s != nil {
			out = append(out, wound(s, false))
		}
	}
	for _, p := range pts {
		out = append(out, wound(disc(p.X, p.Y, sw/2), false))
	}
	return out
}

func (r *raster) polygon(pts []mapmodel.Point, fill, stroke *colour, sw float64) {
	if fill != nil {
		r.fill([][]mapmodel.Point{pts}, *fill)
	}
	if stroke != nil {
		r.stroke(strokePath(pts, true, sw), *stroke)
	}
}

func (r *raster) polyline(pts []mapmodel.Point, c colour, sw float64) {
	r.stroke(strokePath(pts, false, sw), c)
}

// stroke fills a stroke's pieces one by one: each covers a small box,
// where one pass over them all would cover the whole shape's.
func (r *raster) stroke(pieces [][]mapmodel.Point, c colour) {
	for _, p := range pieces {
		r.fill([][]mapmodel.Point{p}, c)
	}
}

func (r *raster) line(a, b mapmodel.Point, c colour, sw float64) {
	if s := segment(a, b, sw); s != nil {
		r.fill([][]mapmodel.Point{s}, c)
	}
}

func (r *raster) circle(cx, cy, rad float64, fill, stroke *colour, sw float64) {
	if fill != nil {
		r.fill([][]mapmodel.Point{disc(cx, cy, rad)}, *fill)
	}
	if stroke != nil {
		r.fill([][]mapmodel.Point{wound(disc(cx, cy, rad+sw/2), false), wound(disc(cx, cy, rad-sw/2), true)}, *stroke)
	}
}

func (r *raster) halfDisc(cx, cy, rad float64, c colour) {
	r.fill([][]mapmodel.Point{mapmodel.HalfDisc(cx, cy, rad)}, c)
}

func (r *raster) text(x, y float64, s string, size float64, bold bool, c colour, middle bool) {
	k := faceKey{bold, size}
	f, ok := r.faces[k]
	if !ok {
		var err error
		if f, err = face(bold, size, r.dpi); err != nil {
			r.err = err
			return
		}
		r.faces[k] = f
	}
	if middle {
		x -= measure(s, size, bold) / 2
	}
	d := font.Drawer{Dst: r.img, Src: image.NewUniform(c), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * r.scale * 64)), Y: fixed.Int26_6(math.Round(y * r.scale * 64))}}
	d.DrawString(s)
}
