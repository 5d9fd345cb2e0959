#!/usr/bin/python3
"""Add the symbols Noto Sans lacks (≤ ≥ → ✓ ✗ ★ …) to NotoSans-Regular.ttf and
NotoSans-Bold.ttf, from Noto Sans Math and Noto Sans Symbols 2, so the one font
the window and the PDF share draws them (gofpdf takes one font per text run).

Inputs: Noto Sans as Fyne 2.7.1 ships it (the bytes this folder held before),
and Debian 12's fonts-noto-core; needs python3-fonttools. Run from the
repository's root:

    apt-get install fonts-noto-core python3-fonttools
    /usr/bin/python3 resources/fonts/add-symbols.py ~/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/theme/font

Only glyphs for code points the base font lacks are added, unhinted and at the
base font's units per em; the base font's own glyphs, metrics and line spacing
are kept as they were. Every font involved is under the SIL Open Font License
1.1 (LICENSE-NotoSans.txt, LICENSE-NotoSansSymbols.txt).
"""

import sys

from fontTools.ttLib import TTFont
from fontTools.subset import Options, Subsetter

NOTO = "/usr/share/fonts/truetype/noto/"

# (font, blocks): which blocks each donor gives, in order of preference.
DONORS = [
    ("NotoSansMath-Regular.ttf", [(0x2190, 0x21FF), (0x2200, 0x22FF)]),
    ("NotoSansSymbols2-Regular.ttf", [(0x2190, 0x21FF), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF)]),
]


def donor(path, codes):
    """The donor font cut to codes, unhinted, without layout tables."""
    f = TTFont(path)
    opt = Options()
    opt.hinting = False
    opt.layout_features = []
    opt.drop_tables += ["MATH", "GSUB", "GPOS", "GDEF"]
    opt.notdef_outline = False
    s = Subsetter(opt)
    s.populate(unicodes=codes)
    s.subset(f)
    return f


def add(base_path, out_path):
    base = TTFont(base_path)
    upem = base["head"].unitsPerEm
    have = set(base.getBestCmap())
    order = base.getGlyphOrder()
    glyf, hmtx = base["glyf"], base["hmtx"]
    tables = [t for t in base["cmap"].tables if t.isUnicode()]
    added = 0
    for name, blocks in DONORS:
        codes = [c for lo, hi in blocks for c in range(lo, hi + 1) if c not in have]
        d = donor(NOTO + name, codes)
        if d["head"].unitsPerEm != upem:
            sys.exit(f"{name}: {d['head'].unitsPerEm} units per em, not {upem}")
        prefix = name.split("-")[0] + "."
        dglyf = d["glyf"]
        # Components first: a composite glyph refers to others by name.
        rename = {g: prefix + g for g in d.getGlyphOrder() if g != ".notdef"}
        for g, new in rename.items():
            glyph = dglyf[g]
            if glyph.isComposite():
                for comp in glyph.components:
                    comp.glyphName = rename[comp.glyphName]
            order.append(new)
            glyf.glyphs[new] = glyph
            hmtx.metrics[new] = d["hmtx"].metrics[g]
        for c, g in d.getBestCmap().items():
            if c in have or g == ".notdef":
                continue
            for t in tables:
                t.cmap[c] = rename[g]
            have.add(c)
            added += 1
    base.setGlyphOrder(order)
    glyf.glyphOrder = order
    base["maxp"].numGlyphs = len(order)
    base.save(out_path)
    print(f"{out_path}: {added} symbols added, {len(order)} glyphs")


if __name__ == "__main__":
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    for style in ("Regular", "Bold"):
        add(f"{src}/NotoSans-{style}.ttf", f"resources/fonts/NotoSans-{style}.ttf")
