package resources

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// symbolFont holds the symbols Noto Sans lacks (arrows, mathematical
// operators, geometric shapes, miscellaneous symbols, dingbats: ≤ ≥ → ✓ ✗ ★
// …), cut from Noto Sans Math and Noto Sans Symbols 2 (SIL Open Font
// License; fonts/LICENSE-NotoSansSymbols.txt) by fonts/make-symbols.py.
//
//go:embed fonts/NotoSansSymbols-Paper.ttf
var symbolFont []byte

// paper caches the paper fonts, by the text font they extend.
var paper struct {
	sync.Mutex
	fonts map[*byte][]byte
}

// PaperFontRegular and PaperFontBold are the text fonts with the symbols
// Noto Sans lacks added, for the PDF and the map pictures: gofpdf sets a
// run of text in one font, so the symbols must be in it. The window's
// glyphs are unchanged in them. Nil before SetTextFonts.
func PaperFontRegular() []byte { return paperFont(FontRegular()) }

// PaperFontBold is PaperFontRegular in bold (the symbols are the same).
func PaperFontBold() []byte { return paperFont(FontBold()) }

func paperFont(base []byte) []byte {
	if len(base) == 0 {
		return nil
	}
	paper.Lock()
	defer paper.Unlock()
	if f, ok := paper.fonts[&base[0]]; ok {
		return f
	}
	f, err := withSymbols(base, symbolFont)
	if err != nil {
		f = base // the symbols then print as markers, never as "?"
	}
	if paper.fonts == nil {
		paper.fonts = map[*byte][]byte{}
	}
	paper.fonts[&base[0]] = f
	return f
}

// ttf is a TrueType font's tables by tag.
type ttf map[string][]byte

func readTTF(b []byte) (ttf, error) {
	if len(b) < 12 {
		return nil, errors.New("too short")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	t := ttf{}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errors.New("table directory cut short")
		}
		off, l := int(binary.BigEndian.Uint32(b[rec+8:])), int(binary.BigEndian.Uint32(b[rec+12:]))
		if off+l > len(b) {
			return nil, fmt.Errorf("table %q runs past the end", b[rec:rec+4])
		}
		t[string(b[rec:rec+4])] = b[off : off+l]
	}
	for _, need := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "post"} {
		if t[need] == nil {
			return nil, fmt.Errorf("no %s table", need)
		}
	}
	return t, nil
}

// glyphs are a font's glyph outlines and their advance and side bearing.
type glyphs struct {
	data     [][]byte
	adv, lsb []uint16
}

func (t ttf) glyphs() (glyphs, error) {
	n := int(binary.BigEndian.Uint16(t["maxp"][4:]))
	long := binary.BigEndian.Uint16(t["head"][50:]) == 1
	loca, glyf := t["loca"], t["glyf"]
	at := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (n+1)*size {
		return glyphs{}, errors.New("loca table cut short")
	}
	nh := int(binary.BigEndian.Uint16(t["hhea"][34:]))
	hmtx := t["hmtx"]
	if nh == 0 || len(hmtx) < 4*nh+2*(n-nh) {
		return glyphs{}, errors.New("hmtx table cut short")
	}
	g := glyphs{}
	for i := 0; i < n; i++ {
		a, z := at(i), at(i+1)
		if a > z || z > len(glyf) {
			return glyphs{}, fmt.Errorf("glyph %d runs past the glyf table", i)
		}
		g.data = append(g.data, glyf[a:z])
		if i < nh {
			g.adv = append(g.adv, binary.BigEndian.Uint16(hmtx[4*i:]))
			g.lsb = append(g.lsb, binary.BigEndian.Uint16(hmtx[4*i+2:]))
		} else {
			g.adv = append(g.adv, binary.BigEndian.Uint16(hmtx[4*(nh-1):]))
			g.lsb = append(g.lsb, binary.BigEndian.Uint16(hmtx[4*nh+2*(i-nh):]))
		}
	}
	return g, nil
}

// cmap reads which glyph each character of the Basic Multilingual Plane is.
func cmap(b []byte) (map[rune]uint16, error) {
	f, err := sfnt.Parse(b)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	m := map[rune]uint16{}
	for r := rune(0x20); r < 0xFFFF; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			m[r] = uint16(g)
		}
	}
	return m, nil
}

// withSymbols is base with sym's glyphs added for the characters base
// lacks: base's glyphs keep their numbers, outlines and metrics, so text
// base draws is drawn as before. Both fonts must be TrueType outlines at
// one size of em, and sym's glyphs simple (no components).
func withSymbols(base, sym []byte) ([]byte, error) {
	bt, err := readTTF(base)
	if err != nil {
		return nil, fmt.Errorf("add symbols: the text font: %w", err)
	}
	st, err := readTTF(sym)
	if err != nil {
		return nil, fmt.Errorf("add symbols: the symbol font: %w", err)
	}
	if binary.BigEndian.Uint16(bt["head"][18:]) != binary.BigEndian.Uint16(st["head"][18:]) {
		return nil, errors.New("add symbols: the fonts' units per em differ")
	}
	bg, err := bt.glyphs()
	if err != nil {
		return nil, fmt.Errorf("add symbols: the text font: %w", err)
	}
	sg, err := st.glyphs()
	if err != nil {
		return nil, fmt.Errorf("add symbols: the symbol font: %w", err)
	}
	bm, err := cmap(base)
	if err != nil {
		return nil, fmt.Errorf("add symbols: the text font: %w", err)
	}
	sm, err := cmap(sym)
	if err != nil {
		return nil, fmt.Errorf("add symbols: the symbol font: %w", err)
	}
	// The symbol font's glyphs after the text font's, .notdef left out.
	nb := len(bg.data)
	all := bg
	for i := 1; i < len(sg.data); i++ {
		all.data = append(all.data, sg.data[i])
		all.adv = append(all.adv, sg.adv[i])
		all.lsb = append(all.lsb, sg.lsb[i])
	}
	if len(all.data) > 0xFFFF {
		return nil, errors.New("add symbols: too many glyphs")
	}
	for r, g := range sm {
		if _, ok := bm[r]; !ok {
			bm[r] = uint16(nb + int(g) - 1)
		}
	}

	var glyf, loca, hmtx []byte
	maxAdv := uint16(0)
	for i, d := range all.data {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, d...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		hmtx = binary.BigEndian.AppendUint16(hmtx, all.adv[i])
		hmtx = binary.BigEndian.AppendUint16(hmtx, all.lsb[i])
		maxAdv = max(maxAdv, all.adv[i])
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))

	out := ttf{}
	for tag, d := range bt {
		out[tag] = d
	}
	out["glyf"], out["loca"], out["hmtx"] = glyf, loca, hmtx
	out["cmap"] = cmapFormat4(bm)
	head := append([]byte{}, bt["head"]...)
	binary.BigEndian.PutUint16(head[50:], 1) // long offsets
	out["head"] = head
	hhea := append([]byte{}, bt["hhea"]...)
	binary.BigEndian.PutUint16(hhea[10:], max(maxAdv, binary.BigEndian.Uint16(hhea[10:])))
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(all.data)))
	out["hhea"] = hhea
	maxp := append([]byte{}, bt["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(all.data)))
	if len(maxp) >= 10 && len(st["maxp"]) >= 10 {
		for _, at := range []int{6, 8} { // most points and contours in a glyph
			binary.BigEndian.PutUint16(maxp[at:], max(binary.BigEndian.Uint16(maxp[at:]), binary.BigEndian.Uint16(st["maxp"][at:])))
		}
	}
	out["maxp"] = maxp
	// Version 3: no glyph names, which would not cover the new glyphs.
	post := append([]byte{}, bt["post"][:32]...)
	binary.BigEndian.PutUint32(post, 0x00030000)
	out["post"] = post
	return out.bytes(), nil
}

// cmapFormat4 is a cmap table with one Windows Unicode BMP subtable, of
// segments that each map a run of characters to a run of glyphs.
func cmapFormat4(m map[rune]uint16) []byte {
	codes := make([]int, 0, len(m))
	for r := range m {
		codes = append(codes, int(r))
	}
	sort.Ints(codes)
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, c := range codes {
		g := int(m[rune(c)])
		if n := len(segs); n > 0 && segs[n-1].end == c-1 && (segs[n-1].delta+c)&0xFFFF == g {
			segs[n-1].end = c
			continue
		}
		segs = append(segs, seg{c, c, (g - c) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= 2*n {
		searchRange *= 2
		entrySelector++
	}
	var sub []byte
	u16 := func(v int) { sub = binary.BigEndian.AppendUint16(sub, uint16(v)) }
	u16(4)
	u16(16 + 8*n) // length
	u16(0)
	u16(2 * n)
	u16(searchRange)
	u16(entrySelector)
	u16(2*n - searchRange)
	for _, s := range segs {
		u16(s.end)
	}
	u16(0)
	for _, s := range segs {
		u16(s.start)
	}
	for _, s := range segs {
		u16(s.delta)
	}
	for range segs {
		u16(0)
	}
	var t []byte
	t = binary.BigEndian.AppendUint16(t, 0) // version
	t = binary.BigEndian.AppendUint16(t, 1) // one subtable
	t = binary.BigEndian.AppendUint16(t, 3) // Windows
	t = binary.BigEndian.AppendUint16(t, 1) // Unicode BMP
	t = binary.BigEndian.AppendUint32(t, 12)
	return append(t, sub...)
}

// bytes writes the font file: the table directory in tag order, each
// table's checksum, the tables 4-byte aligned.
func (t ttf) bytes() []byte {
	tags := make([]string, 0, len(t))
	for tag := range t {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		entrySelector++
	}
	searchRange *= 16
	var b []byte
	b = binary.BigEndian.AppendUint32(b, 0x00010000)
	b = binary.BigEndian.AppendUint16(b, uint16(n))
	b = binary.BigEndian.AppendUint16(b, uint16(searchRange))
	b = binary.BigEndian.AppendUint16(b, uint16(entrySelector))
	b = binary.BigEndian.AppendUint16(b, uint16(n*16-searchRange))
	off := 12 + 16*n
	for _, tag := range tags {
		d := t[tag]
		b = append(b, tag...)
		b = binary.BigEndian.AppendUint32(b, checksum(d))
		b = binary.BigEndian.AppendUint32(b, uint32(off))
		b = binary.BigEndian.AppendUint32(b, uint32(len(d)))
		off += (len(d) + 3) &^ 3
	}
	for _, tag := range tags {
		b = append(b, t[tag]...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	return b
}

func checksum(d []byte) uint32 {
	var s uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
