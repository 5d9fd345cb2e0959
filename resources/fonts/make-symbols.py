#!/usr/bin/python3
"""Make resources/fonts/NotoSansSymbols-Paper.ttf: the symbols Noto Sans lacks
(arrows, mathematical operators, geometric shapes, miscellaneous symbols,
dingbats) from Noto Sans Math and Noto Sans Symbols 2 (SIL Open Font License
1.1), in one small font of simple glyphs (composites decomposed, no hinting,
1000 units per em, as Noto Sans), that the PDF writer adds to Noto Sans.

    apt-get install fonts-noto-core python3-fonttools
    /usr/bin/python3 resources/fonts/make-symbols.py   # from the repository's root
"""
from fontTools.ttLib import TTFont
from fontTools.subset import Options, Subsetter
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.recordingPen import DecomposingRecordingPen

NOTO = "/usr/share/fonts/truetype/noto/"
DONORS = [
    ("NotoSansMath-Regular.ttf", [(0x2190, 0x21FF), (0x2200, 0x22FF)]),
    ("NotoSansSymbols2-Regular.ttf", [(0x2190, 0x21FF), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF)]),
]
# What Noto Sans already has is left to it.
BASE = TTFont("/root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/theme/font/NotoSans-Regular.ttf").getBestCmap()


def cut(path, codes):
    f = TTFont(path)
    o = Options()
    o.hinting = False
    o.layout_features = []
    o.drop_tables += ["MATH", "GSUB", "GPOS", "GDEF"]
    s = Subsetter(o)
    s.populate(unicodes=codes)
    s.subset(f)
    return f


out = None
taken = set()
for name, blocks in DONORS:
    codes = [c for lo, hi in blocks for c in range(lo, hi + 1) if c not in BASE and c not in taken]
    f = cut(NOTO + name, codes)
    assert f["head"].unitsPerEm == 1000
    gs = f.getGlyphSet()
    # Decompose every glyph to a simple one.
    for g in f.getGlyphOrder():
        if f["glyf"][g].isComposite():
            rec = DecomposingRecordingPen(gs)
            gs[g].draw(rec)
            pen = TTGlyphPen(None)
            rec.replay(pen)
            f["glyf"][g] = pen.glyph()
    if out is None:
        out = f
        taken |= set(f.getBestCmap())
        continue
    prefix = "s2."
    for c, g in f.getBestCmap().items():
        if c in taken:
            continue
        new = prefix + g
        if new not in out["glyf"].glyphs:
            out.getGlyphOrder().append(new)
            out["glyf"].glyphs[new] = f["glyf"][g]
            out["hmtx"].metrics[new] = f["hmtx"].metrics[g]
        for t in out["cmap"].tables:
            if t.isUnicode():
                t.cmap[c] = new
        taken.add(c)
order = out.getGlyphOrder()
out.setGlyphOrder(order)
out["glyf"].glyphOrder = order
out["maxp"].numGlyphs = len(order)
out["post"].formatType = 3.0
# One cmap subtable, format 4 (Windows Unicode BMP): the one gofpdf reads.
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4
t = cmap_format_4(4)
t.platformID, t.platEncID, t.language = 3, 1, 0
t.cmap = dict(out.getBestCmap())
out["cmap"].tables = [t]
out["name"].setName("Noto Sans Symbols for PPEI Iceberg", 1, 3, 1, 0x409)
out.save("resources/fonts/NotoSansSymbols-Paper.ttf")
print(len(taken), "symbols,", len(order), "glyphs")
