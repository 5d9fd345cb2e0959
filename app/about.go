package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"

	"github.com/ppei-iceberg/iceberg/resources"
)

// About is the app's name, id and version as FyneApp.toml writes them: the
// one place they are written, so `iceberg --version`, the window and
// `fyne package` can never disagree.
type About struct {
	Details struct {
		Name, ID, Version string
		Build             int
	}
	Migrations map[string]bool
	Commit     string `toml:"-"` // the git commit the binary was built from
}

// ReadAbout parses FyneApp.toml.
func ReadAbout(fyneAppTOML []byte, commit string) (About, error) {
	var a About
	if err := toml.Unmarshal(fyneAppTOML, &a); err != nil {
		return a, fmt.Errorf("read FyneApp.toml: %w", err)
	}
	if a.Details.Name == "" || a.Details.Version == "" || a.Details.ID == "" {
		return a, fmt.Errorf("read FyneApp.toml: it needs a name, an id and a version")
	}
	a.Commit = commit
	return a, nil
}

// VersionString is what `iceberg --version` prints, e.g.
// "PPEI Iceberg 0.1.0 (commit abc1234)".
func (a About) VersionString() string {
	return fmt.Sprintf("%s %s (commit %s)", a.Details.Name, a.Details.Version, a.Commit)
}

// Metadata is what `fyne package` would inject: id (for preferences), name,
// version and icon, so a plain `go build` behaves like a packaged build.
func (a About) Metadata() fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:         a.Details.ID,
		Name:       a.Details.Name,
		Version:    a.Details.Version,
		Build:      a.Details.Build,
		Icon:       fyne.NewStaticResource("icon.png", resources.Icon),
		Migrations: a.Migrations,
	}
}

// UseAbout gives the app its metadata; call it before Run.
func UseAbout(a About) { fyneapp.SetMetadata(a.Metadata()) }
