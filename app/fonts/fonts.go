// Package fonts hands Fyne's embedded Noto Sans to the PDF and image
// writers (resources.SetTextFonts), so the binary carries the font once.
// Importing it is enough: the window (package app) and the command line
// (app/cli) both do, so every way into the exports has the fonts.
package fonts

import (
	"fyne.io/fyne/v2/theme"

	"github.com/ppei-iceberg/iceberg/resources"
)

func init() {
	resources.SetTextFonts(theme.DefaultTextFont().Content(), theme.DefaultTextBoldFont().Content())
}
