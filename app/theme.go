package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// The looks a facilitator can choose, kept in preferences.
const (
	lookLight    = "light"
	lookDark     = "dark"
	lookContrast = "contrast"
)

// looks lists the choices in menu order with their names in plain words.
var looks = []struct{ id, label string }{
	{lookLight, "Light"},
	{lookDark, "Dark"},
	{lookContrast, "High contrast"},
}

// Text zoom limits: Ctrl+= and Ctrl+- step by zoomStep within them.
const (
	zoomMin  = 0.7
	zoomMax  = 2.0
	zoomStep = 0.1
)

// Sizes this app asks its theme for, beyond Fyne's own. They are what a
// room reads from the back, so they are set for a projector at 1280×720.
const (
	sizeElementName fyne.ThemeSizeName = "ppei.elementName"
	sizeDefinition  fyne.ThemeSizeName = "ppei.definition"
	sizeWord        fyne.ThemeSizeName = "ppei.word"
	sizePrompt      fyne.ThemeSizeName = "ppei.prompt"
	sizeTimer       fyne.ThemeSizeName = "ppei.timer"
	sizeSmall       fyne.ThemeSizeName = "ppei.small"
	sizeRail        fyne.ThemeSizeName = "ppei.rail"
	// sizeRoom is for the words the room must read that are not the
	// tiles' own: a tile's number and level, the research line, the keys.
	// It is at least 60% of a tile word's height (TestRoomReadsSmallWords).
	sizeRoom fyne.ThemeSizeName = "ppei.room"
	// sizePromptLarge is the prompt on a large screen.
	sizePromptLarge fyne.ThemeSizeName = "ppei.promptLarge"
)

// Colours of the shading tiles, the rail and the banner.
const (
	colourShaded     fyne.ThemeColorName = "ppei.shaded"
	colourShadedText fyne.ThemeColorName = "ppei.shadedText"
	colourPartly     fyne.ThemeColorName = "ppei.partly"
	colourPartlyText fyne.ThemeColorName = "ppei.partlyText"
	colourNone       fyne.ThemeColorName = "ppei.none"
	colourNoneText   fyne.ThemeColorName = "ppei.noneText"
	colourEdge       fyne.ThemeColorName = "ppei.edge"
	colourHatch      fyne.ThemeColorName = "ppei.hatch"
	colourCard       fyne.ThemeColorName = "ppei.card"
	colourCardEdge   fyne.ThemeColorName = "ppei.cardEdge" // a card's outline (edges.go)
	colourSea        fyne.ThemeColorName = "ppei.sea"
	colourSeaDeep    fyne.ThemeColorName = "ppei.seaDeep"
	colourIce        fyne.ThemeColorName = "ppei.ice"
	colourIceEdge    fyne.ThemeColorName = "ppei.iceEdge"
	colourSky        fyne.ThemeColorName = "ppei.sky"
	// Time-up is the loudest thing on screen: a block of at least 7:1
	// with its text, far from the card's lightness so it shows in grey too.
	colourTimeUp     fyne.ThemeColorName = "ppei.timeUp"
	colourTimeUpText fyne.ThemeColorName = "ppei.timeUpText"
)

// iceTheme embeds Fyne's default theme and changes only what a projected
// workshop needs: the one embedded font (so screen and PDF match), larger
// text scaled by the zoom, and light, dark and high-contrast colours.
type iceTheme struct {
	fyne.Theme
	look string
	zoom float32
}

func newIceTheme(look string, zoom float32) *iceTheme {
	if zoom < zoomMin || zoom > zoomMax {
		zoom = 1
	}
	switch look {
	case lookLight, lookDark, lookContrast:
	default:
		look = lookLight
	}
	return &iceTheme{Theme: theme.DefaultTheme(), look: look, zoom: zoom}
}

// The window's fonts are Fyne's own copies of Noto Sans, the same bytes as
// the fonts the PDF embeds from resources (TestThemeUsesTheEmbeddedFont
// checks). Using Fyne's copies means Fyne loads each font once rather than
// again as a fallback, and the app's copies are read only for a PDF.
var fontRegular, fontBold = theme.DefaultTextFont(), theme.DefaultTextBoldFont()

// Font gives Noto Sans for all but monospace text; Noto has no italic in
// the binary, so italic falls back to regular rather than a second font.
func (t *iceTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Size scales text and padding by the zoom. Base sizes are larger than
// Fyne's desktop defaults because the screen is read from across a room.
func (t *iceTheme) Size(n fyne.ThemeSizeName) float32 {
	z := t.zoom
	switch n {
	case theme.SizeNameText:
		return 19 * z
	case theme.SizeNameCaptionText:
		return 16 * z
	case theme.SizeNameHeadingText:
		return 32 * z
	case theme.SizeNameSubHeadingText:
		return 24 * z
	case theme.SizeNameInlineIcon:
		return 22 * z
	case theme.SizeNamePadding:
		return 5 * z
	case theme.SizeNameInnerPadding:
		return 8 * z
	case theme.SizeNameInputBorder:
		return 2
	case sizeElementName:
		return 46 * z
	case sizeDefinition:
		return 24 * z
	case sizeWord:
		return 28 * z
	case sizePrompt:
		return 25 * z
	case sizeTimer:
		return 38 * z
	case sizeSmall:
		return 16 * z
	case sizeRail:
		return 18 * z
	case sizeRoom:
		return 18 * z
	case sizePromptLarge:
		return 32 * z
	}
	return t.Theme.Size(n)
}

// The focus colours. Fyne shows the keyboard's place by filling a button,
// a select or a list row with the focus colour (with the label on it), by
// a disc behind a check box or radio button and by a ring round a link; a
// text field's border turns the primary colour. So each look's focus
// colour is opaque and mid-tone: 3:1 from the unfocused button, field and
// primary button and from the window, card and dialog behind them, with
// both the label colour and the primary label readable on it
// (TestFocusIndicatorContrast measures each on the rendered widgets).
const (
	focusLight    = 0x5A86C8
	focusDark     = 0x4573BD
	focusContrast = 0x2F6BD0
)

func rgb(c uint32) color.NRGBA {
	return color.NRGBA{R: uint8(c >> 16), G: uint8(c >> 8), B: uint8(c), A: 0xff}
}

// Color keeps Fyne's light or dark palette and adds the tile colours; the
// high-contrast look is white and yellow on black throughout.
func (t *iceTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch t.look {
	case lookContrast:
		return contrastColour(n)
	case lookDark:
		switch n {
		case colourShaded:
			return rgb(0x9CC3E6)
		case colourShadedText:
			return rgb(0x000000)
		case colourPartly:
			return rgb(0x2F5573)
		case colourHatch:
			return color.NRGBA{R: 0x9C, G: 0xC3, B: 0xE6, A: 0x70}
		case colourPartlyText, colourNoneText:
			return rgb(0xFFFFFF)
		case colourNone:
			return rgb(0x1B1B1F)
		case colourEdge:
			return rgb(0x9CC3E6)
		case colourCard:
			return rgb(0x26262B)
		case colourCardEdge:
			return rgb(0x5A6470)
		case colourSea:
			return rgb(0x12324F)
		case colourSeaDeep:
			return rgb(0x0B1E30)
		case colourIce:
			return rgb(0x2A3440)
		case colourIceEdge:
			return rgb(0x9CC3E6)
		case colourSky:
			return rgb(0x1B1B1F)
		case colourTimeUp:
			return rgb(0xFFD34D)
		case colourTimeUpText:
			return rgb(0x000000)
		case theme.ColorNameFocus:
			return rgb(focusDark)
		case theme.ColorNamePrimary:
			return rgb(0xB8D8F5)
		case theme.ColorNameForegroundOnPrimary:
			return rgb(0x000000)
		case theme.ColorNameForeground:
			// White, not Fyne's #F3F3F3: the focus fill needs it for 4.5:1.
			return rgb(0xFFFFFF)
		case theme.ColorNameInputBorder:
			// 3:1 on every surface, so an empty check box shows, and
			// 3:1 from the light blue border of the field with the keyboard.
			return rgb(0x707070)
		}
		return t.Theme.Color(n, theme.VariantDark)
	}
	// The light look is the printed map's palette, from mapmodel; the
	// card and the deep sea are the screen's own.
	switch n {
	case colourShaded, colourEdge:
		return mapmodel.Navy.NRGBA()
	case colourShadedText, colourNone, colourSky:
		return mapmodel.White.NRGBA()
	case colourPartly:
		return mapmodel.Partly.NRGBA()
	case colourHatch:
		return mapmodel.Hatch.WithAlpha(0x90)
	case colourPartlyText, colourNoneText:
		return mapmodel.Ink.NRGBA()
	case colourCard:
		return rgb(0xEEF3F8)
	case colourCardEdge:
		return rgb(0xA9BCCF)
	case colourSea:
		return mapmodel.SeaTop.NRGBA()
	case colourSeaDeep:
		return rgb(0xA0C4DE)
	case colourIce:
		return mapmodel.Ice.NRGBA()
	case colourIceEdge:
		return mapmodel.IceEdge.NRGBA()
	case theme.ColorNameForeground:
		return rgb(0x111111)
	case theme.ColorNameFocus:
		return rgb(focusLight)
	case theme.ColorNamePrimary:
		return mapmodel.Navy.NRGBA()
	case theme.ColorNameInputBorder:
		// Fyne's is nearly white: an empty check box all but vanished.
		// This grey is 3:1 on every surface and 3:1 from the navy border
		// of the field with the keyboard.
		return rgb(0x8A8A8A)
	case colourTimeUp:
		return rgb(0x8B0000)
	case colourTimeUpText:
		return rgb(0xFFFFFF)
	}
	return t.Theme.Color(n, theme.VariantLight)
}

func contrastColour(n fyne.ThemeColorName) color.Color {
	const (
		black  = 0x000000
		white  = 0xFFFFFF
		yellow = 0xFFE600
	)
	switch n {
	case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground, colourNone, colourSky:
		return rgb(black)
	case theme.ColorNameForeground, theme.ColorNameSeparator,
		colourNoneText, colourPartlyText, colourEdge:
		return rgb(white)
	case theme.ColorNameInputBorder:
		// Grey, so the yellow border of the field with the keyboard is
		// 3:1 apart from the others' (and still 4.6:1 on black).
		return rgb(0x767676)
	case theme.ColorNameButton, colourCard:
		return rgb(0x1A1A1A)
	case colourCardEdge:
		return rgb(0xC8C8C8)
	case theme.ColorNameDisabledButton:
		return rgb(0x101010)
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		return rgb(0xC8C8C8)
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, colourShaded:
		return rgb(yellow)
	case theme.ColorNameFocus:
		return rgb(focusContrast)
	case theme.ColorNameForegroundOnPrimary, colourShadedText:
		return rgb(black)
	case theme.ColorNameHover:
		return rgb(0x333333)
	case theme.ColorNamePressed:
		return rgb(0x555555)
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xFF, G: 0xE6, A: 0x66}
	case theme.ColorNameScrollBar:
		return rgb(0xC8C8C8)
	case theme.ColorNameShadow:
		return color.NRGBA{A: 0}
	case theme.ColorNameError:
		return rgb(0xFF8080)
	case theme.ColorNameSuccess:
		return rgb(0x7CFC7C)
	case theme.ColorNameWarning:
		return rgb(0xFFB000)
	case colourPartly:
		return rgb(0x3A3A3A)
	case colourHatch:
		return color.NRGBA{R: 0xFF, G: 0xE6, A: 0x80}
	case colourSea:
		return rgb(0x0A2540)
	case colourSeaDeep:
		return rgb(0x000814)
	case colourIce:
		return rgb(black)
	case colourIceEdge:
		return rgb(white)
	case colourTimeUp:
		return rgb(yellow)
	case colourTimeUpText:
		return rgb(black)
	}
	return theme.DefaultTheme().Color(n, theme.VariantDark)
}
