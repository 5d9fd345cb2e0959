// Package resources holds the files embedded in the binary: the PPEI
// framework, the app icon and the example sessions; and the text fonts,
// which the app hands in (see SetTextFonts).
package resources

import (
	"embed"
	"errors"
	"fmt"
	"sync"
)

// Framework is the PPEI framework file (elements, doing words, bundles of
// practice, prompts and quotes) that data.ParseFramework parses (once, for
// data.DefaultFramework).
//
//go:embed framework.json
var Framework []byte

// Icon is the app's icon (512 px), made from icon.svg by `make icons`.
//
//go:embed icon.png
var Icon []byte

// The text fonts are Noto Sans regular and bold (SIL Open Font License),
// the one font used on screen and on paper. Fyne, the window's toolkit,
// already embeds these very files, so resources embeds no copy of its own
// and the binary carries Noto Sans once: app/fonts hands Fyne's bytes in
// with SetTextFonts as the app starts, before anything is drawn. Tests that
// never start the app load the same files first (resources/testfonts).
var textFonts struct {
	sync.Mutex
	regular, bold []byte
	load          func() (regular, bold []byte, err error)
	err           error
}

// SetTextFonts gives the regular and bold text fonts that the PDF, the map
// images and text measuring draw with.
func SetTextFonts(regular, bold []byte) {
	textFonts.Lock()
	defer textFonts.Unlock()
	textFonts.regular, textFonts.bold, textFonts.load, textFonts.err = regular, bold, nil, nil
}

// SetTextFontLoader gives a function that finds the fonts when they are
// first needed, for tests: a test binary that never draws never runs it.
func SetTextFontLoader(load func() (regular, bold []byte, err error)) {
	textFonts.Lock()
	defer textFonts.Unlock()
	textFonts.load = load
}

func fonts() (regular, bold []byte, err error) {
	textFonts.Lock()
	defer textFonts.Unlock()
	if textFonts.regular == nil && textFonts.load != nil {
		r, b, err := textFonts.load()
		textFonts.load = nil
		if err != nil {
			textFonts.err = err
		} else {
			textFonts.regular, textFonts.bold = r, b
		}
	}
	if len(textFonts.regular) == 0 || len(textFonts.bold) == 0 {
		if textFonts.err != nil {
			return nil, nil, fmt.Errorf("the text fonts could not be loaded: %w", textFonts.err)
		}
		return nil, nil, errors.New("the text fonts were not loaded (resources.SetTextFonts was not called)")
	}
	return textFonts.regular, textFonts.bold, nil
}

// FontRegular is the regular text font, or nil before SetTextFonts.
func FontRegular() []byte {
	r, _, _ := fonts()
	return r
}

// FontBold is the bold text font, or nil before SetTextFonts.
func FontBold() []byte {
	_, b, _ := fonts()
	return b
}

// CheckTextFonts says, as an error, why the text fonts are missing.
func CheckTextFonts() error {
	_, _, err := fonts()
	return err
}

// Examples are the illustrative sessions, as session files, that
// data.Examples lists and a trainer opens as editable copies.
//
//go:embed examples/*.json
var Examples embed.FS
