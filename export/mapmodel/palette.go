package mapmodel

import "image/color"

// Colour is an opaque sRGB colour, one byte a channel. It is a
// color.Color, so a screen or an image can use it as it is.
type Colour struct{ R, G, B uint8 }

// RGBA gives the colour as color.Color does: alpha-premultiplied, 16 bits
// a channel, fully opaque.
func (c Colour) RGBA() (r, g, b, a uint32) {
	r, g, b = uint32(c.R), uint32(c.G), uint32(c.B)
	return r | r<<8, g | g<<8, b | b<<8, 0xffff
}

// The map's colours: the printed map uses them, and so does the window's
// light look. Each reads in grayscale too, since a level is also shown by
// its mark and pattern, never by colour alone.
var (
	Ink      = Colour{28, 33, 40}    // body text; words in light cells
	Muted    = Colour{88, 96, 106}   // secondary text; an unshaded word
	Navy     = Colour{18, 52, 86}    // a shaded cell, headings, the waterline
	Rule     = Colour{170, 178, 186} // thin rules; an unshaded cell's edge
	PaleFill = Colour{236, 241, 245} // label cells on the cover sheet
	SeaTop   = Colour{206, 228, 242} // the sea at the waterline
	SeaDeep  = Colour{176, 207, 229} // the sea at the foot of the printed map
	Ice      = Colour{246, 250, 253} // the iceberg
	IceEdge  = Colour{96, 134, 166}  // the iceberg's outline
	Partly   = Colour{196, 214, 229} // a partly shaded cell
	Hatch    = Colour{70, 105, 140}  // the diagonal lines of a partly shaded cell
	Stamp    = Colour{180, 30, 45}   // the DRAFT stamp
	White    = Colour{255, 255, 255} // paper; words and ticks on navy
)

// Gray is the neutral gray of lightness v, 0 black to 255 white: the
// colours of sheets that are photocopied.
func Gray(v uint8) Colour { return Colour{v, v, v} }

// NRGBA gives the colour as image/color's NRGBA, fully opaque.
func (c Colour) NRGBA() color.NRGBA { return color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff} }

// WithAlpha gives the colour as NRGBA at opacity a, for a pattern drawn
// over another colour on screen.
func (c Colour) WithAlpha(a uint8) color.NRGBA { return color.NRGBA{R: c.R, G: c.G, B: c.B, A: a} }
