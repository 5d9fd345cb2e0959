// Package resources holds the files embedded in the binary: the PPEI
// framework, the one font used on screen and on paper, and the app icon.
package resources

import "embed"

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

// FontRegular and FontBold are Noto Sans (SIL Open Font License), fed to
// both the Fyne theme and the PDF writer so screen and paper match.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
)

// Examples are the illustrative sessions, as session files, that
// data.Examples lists and a trainer opens as editable copies.
//
//go:embed examples/*.json
var Examples embed.FS
