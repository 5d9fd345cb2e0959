package sample

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"
)

var streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

// PDFStreams returns every zlib stream of a PDF, decompressed: the page
// contents, fonts' ToUnicode maps, bookmarks and metadata where gofpdf
// compresses them.
func PDFStreams(pdf []byte) [][]byte {
	var out [][]byte
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not compressed
		}
		b, err := io.ReadAll(zr)
		if err != nil && len(b) == 0 {
			continue
		}
		out = append(out, b)
	}
	return out
}

// Encodings are the ways a file may hold s: UTF-8, UTF-16BE (how gofpdf
// writes metadata and bookmarks), and each as hex.
func Encodings(s string) [][]byte {
	var u16 []byte
	for _, c := range utf16.Encode([]rune(s)) {
		u16 = append(u16, byte(c>>8), byte(c))
	}
	hex := func(b []byte) []byte {
		const digits = "0123456789abcdef"
		var h []byte
		for _, c := range b {
			h = append(h, digits[c>>4], digits[c&15])
		}
		return h
	}
	return [][]byte{[]byte(s), u16, hex([]byte(s)), hex(u16)}
}

// PDFText is the text of a PDF as pdftotext extracts it, and its metadata
// as pdfinfo reads it. Both come from poppler-utils, which CI installs.
func PDFText(pdf []byte) (text, info string, err error) {
	dir, err := os.MkdirTemp("", "sample-pdf-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(dir)
	f := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		return "", "", err
	}
	t, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		return "", "", fmt.Errorf("pdftotext (apt-get install poppler-utils): %w", err)
	}
	i, err := exec.Command("pdfinfo", "-enc", "UTF-8", f).Output()
	if err != nil {
		return "", "", fmt.Errorf("pdfinfo: %w", err)
	}
	return string(t), string(i), nil
}

// ZipParts reads every part of a zip file (a Word document), by name.
func ZipParts(b []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Name, err)
		}
		out[f.Name] = data
	}
	return out, nil
}

// PNGChunk is one chunk of a PNG file; a compressed one (IDAT, zTXt, iCCP)
// is given inflated too.
type PNGChunk struct {
	Kind     string
	Data     []byte
	Inflated []byte
}

// PNGChunks splits a PNG file into its chunks.
func PNGChunks(b []byte) ([]PNGChunk, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(b, []byte(sig)) {
		return nil, fmt.Errorf("not a PNG")
	}
	var out []PNGChunk
	var idat []byte
	for rest := b[len(sig):]; len(rest) >= 12; {
		n := int(binary.BigEndian.Uint32(rest))
		if 12+n > len(rest) {
			return nil, fmt.Errorf("chunk of %d bytes runs past the end", n)
		}
		c := PNGChunk{Kind: string(rest[4:8]), Data: rest[8 : 8+n]}
		switch c.Kind {
		case "IDAT":
			idat = append(idat, c.Data...)
		case "zTXt", "iCCP":
			if _, after, ok := bytes.Cut(c.Data, []byte{0}); ok && len(after) > 1 {
				c.Inflated = inflate(after[1:])
			}
		case "iTXt": // keyword, 0, flag, method, language, 0, translated keyword, 0, text
			if _, after, ok := bytes.Cut(c.Data, []byte{0}); ok && len(after) > 2 && after[0] == 1 {
				parts := bytes.SplitN(after[2:], []byte{0}, 3)
				if len(parts) == 3 {
					c.Inflated = inflate(parts[2])
				}
			}
		}
		out = append(out, c)
		rest = rest[12+n:]
	}
	if len(idat) > 0 {
		out = append(out, PNGChunk{Kind: "IDAT (all)", Inflated: inflate(idat)})
	}
	return out, nil
}

func inflate(b []byte) []byte {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(zr)
	return out
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// MarkupText is the text of HTML, SVG or Word XML: tags dropped (a Word
// paragraph or run boundary becomes nothing, a block element a space),
// entities decoded, white space folded.
func MarkupText(b []byte) string {
	s := string(b)
	s = regexp.MustCompile(`</w:p>|<br\s*/?>|</(p|li|h[1-6]|td|th|tr|div|title|desc|text|caption)>`).ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, "")
	return Flat(html.UnescapeString(s))
}

// Flat folds runs of white space, as text extraction breaks lines.
func Flat(s string) string { return strings.Join(strings.Fields(s), " ") }
