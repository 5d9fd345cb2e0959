package export

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// finishPDF adds to a PDF gofpdf wrote what gofpdf cannot: the document
// language, DisplayDocTitle (a reader's title bar shows the title, not the
// file name), a document ID, the open count of each bookmark that has
// children (gofpdf writes 0, which PDF forbids), and a version that
// carries them. The ID is a digest of the content, so the same paper
// always gives the same bytes. Only dictionaries outside streams change,
// and every cross-reference offset moves with them.
func finishPDF(b []byte, lang string) ([]byte, error) {
	xs, err := xrefTable(b)
	if err != nil {
		return nil, fmt.Errorf("finish pdf: %w", err)
	}
	type edit struct {
		at, n int // replace b[at:at+n]
		with  []byte
	}
	var edits []edit
	if bytes.HasPrefix(b, []byte("%PDF-1.")) && len(b) > 8 && b[7] < '7' {
		edits = append(edits, edit{at: 7, n: 1, with: []byte("7")})
	}
	// Outline items: count each one's children by their /Parent.
	children := map[int]int{}
	items := map[int]int{} // object number → offset of its "/Count 0>>"
	parentRe := regexp.MustCompile(`/Parent (\d+) 0 R`)
	for num, off := range xs.offsets {
		if off <= 0 || off >= len(b) {
			continue
		}
		end := bytes.Index(b[off:], []byte("endobj"))
		if end < 0 {
			continue
		}
		obj := b[off : off+end]
		if bytes.Contains(obj, []byte("stream")) {
			continue
		}
		if bytes.Contains(obj, []byte("/Type /Catalog")) {
			at := off + bytes.Index(obj, []byte("/Type /Catalog")) + len("/Type /Catalog")
			edits = append(edits, edit{at: at, with: []byte("\n/Lang (" + lang + ")\n/ViewerPreferences <</DisplayDocTitle true>>")})
			continue
		}
		if m := parentRe.FindSubmatch(obj); m != nil {
			parent, _ := strconv.Atoi(string(m[1]))
			children[parent]++
			if i := bytes.Index(obj, []byte("/Count 0>>")); i >= 0 {
				items[num] = off + i
			}
		}
	}
	for num, at := range items {
		if n := children[num]; n > 0 {
			edits = append(edits, edit{at: at, n: len("/Count 0"), with: []byte("/Count " + strconv.Itoa(n))})
		}
	}
	sum := md5.Sum(b)
	id := hex.EncodeToString(sum[:])
	edits = append(edits, edit{at: xs.trailerEnd, with: []byte("/ID [<" + id + "> <" + id + ">]\n")})
	sort.Slice(edits, func(i, j int) bool { return edits[i].at < edits[j].at })

	var out bytes.Buffer
	out.Grow(len(b) + 256)
	shift := func(off int) int {
		d := 0
		for _, e := range edits {
			if e.at < off {
				d += len(e.with) - e.n
			}
		}
		return off + d
	}
	last := 0
	for _, e := range edits {
		out.Write(b[last:e.at])
		out.Write(e.with)
		last = e.at + e.n
	}
	out.Write(b[last:])
	res := out.Bytes()
	// Rewrite the cross-reference table and startxref in place: each entry
	// has a fixed width, so the table keeps its length.
	xref := shift(xs.xrefAt)
	for num, off := range xs.offsets {
		if off <= 0 {
			continue
		}
		at := xref + xs.entryAt[num] - xs.xrefAt
		copy(res[at:at+10], fmt.Sprintf("%010d", shift(off)))
	}
	start := bytes.LastIndex(res, []byte("startxref\n"))
	if start < 0 {
		return nil, errors.New("finish pdf: no startxref")
	}
	tail := res[start+len("startxref\n"):]
	nl := bytes.IndexByte(tail, '\n')
	if nl < 0 {
		return nil, errors.New("finish pdf: bad startxref")
	}
	fixed := append([]byte{}, res[:start+len("startxref\n")]...)
	fixed = append(fixed, strconv.Itoa(xref)...)
	fixed = append(fixed, tail[nl:]...)
	return fixed, nil
}

// xrefs is a classic PDF cross-reference table as gofpdf writes it.
type xrefs struct {
	xrefAt     int         // offset of "xref"
	offsets    map[int]int // object number → offset
	entryAt    map[int]int // object number → offset of its entry
	trailerEnd int         // offset of the trailer dictionary's closing ">>"
}

func xrefTable(b []byte) (xrefs, error) {
	x := xrefs{offsets: map[int]int{}, entryAt: map[int]int{}}
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	if sx < 0 {
		return x, errors.New("no startxref")
	}
	var at int
	if _, err := fmt.Sscanf(string(b[sx+len("startxref\n"):]), "%d", &at); err != nil || at <= 0 || at >= len(b) {
		return x, errors.New("bad startxref")
	}
	if !bytes.HasPrefix(b[at:], []byte("xref\n")) {
		return x, errors.New("no cross-reference table at startxref")
	}
	x.xrefAt = at
	pos := at + len("xref\n")
	var first, count int
	nl := bytes.IndexByte(b[pos:], '\n')
	if nl < 0 {
		return x, errors.New("bad cross-reference table")
	}
	if _, err := fmt.Sscanf(string(b[pos:pos+nl]), "%d %d", &first, &count); err != nil {
		return x, fmt.Errorf("bad cross-reference table: %w", err)
	}
	pos += nl + 1
	for i := 0; i < count; i++ {
		if pos+20 > len(b) {
			return x, errors.New("short cross-reference table")
		}
		off, err := strconv.Atoi(string(b[pos : pos+10]))
		if err != nil {
			return x, fmt.Errorf("bad cross-reference entry: %w", err)
		}
		if b[pos+17] == 'n' {
			x.offsets[first+i] = off
			x.entryAt[first+i] = pos
		}
		pos += 20
	}
	tr := bytes.Index(b[pos:], []byte("trailer"))
	if tr < 0 {
		return x, errors.New("no trailer")
	}
	end := bytes.Index(b[pos+tr:], []byte(">>"))
	if end < 0 || pos+tr+end > sx {
		return x, errors.New("bad trailer")
	}
	x.trailerEnd = pos + tr + end
	return x, nil
}
