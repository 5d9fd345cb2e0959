// Package testfonts gives tests of packages that never start the app the
// text fonts the app hands in as it starts (app/fonts): Noto Sans regular
// and bold, read from Fyne's module, the very files the binary carries. A
// blank import is enough; the files are read only when a test first draws.
// It is imported only by tests; resources and export know nothing of Fyne.
package testfonts

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ppei-iceberg/iceberg/resources"
)

func init() { Load() }

// Load hands the fonts in again, for a test after one that took them away.
func Load() { resources.SetTextFontLoader(fyneFonts) }

func fyneFonts() (regular, bold []byte, err error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		return nil, nil, fmt.Errorf("find Fyne's module to read its fonts: %w", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "theme", "font")
	if regular, err = os.ReadFile(filepath.Join(dir, "NotoSans-Regular.ttf")); err != nil {
		return nil, nil, fmt.Errorf("read Fyne's font: %w", err)
	}
	if bold, err = os.ReadFile(filepath.Join(dir, "NotoSans-Bold.ttf")); err != nil {
		return nil, nil, fmt.Errorf("read Fyne's font: %w", err)
	}
	return regular, bold, nil
}
