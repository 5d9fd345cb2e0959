package main

import (
	_ "embed"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"
)

// commit is the short git commit this binary was built from; the Makefile sets it with
// -ldflags "-X main.commit=…". A plain `go build` leaves it "unknown".
var commit = "unknown"

// FyneApp.toml is the one place the name, id and version are written: embedding it means
// `iceberg --version`, the window's metadata and `fyne package` can never disagree.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

//go:embed resources/icon.png
var iconPNG []byte

// appDetails is the part of FyneApp.toml that the running app needs.
type appDetails struct {
	Details struct {
		Name, ID, Version string
		Build             int
	}
	Migrations map[string]bool
}

var details = mustParseDetails(fyneAppTOML)

func mustParseDetails(b []byte) appDetails {
	var d appDetails
	if err := toml.Unmarshal(b, &d); err != nil {
		panic(fmt.Sprintf("parse embedded FyneApp.toml: %v", err)) // a build defect, caught by the tests
	}
	return d
}

// versionString is what `iceberg --version` prints, e.g. "PPEI Iceberg 0.1.0 (commit abc1234)".
func versionString() string {
	return fmt.Sprintf("%s %s (commit %s)", details.Details.Name, details.Details.Version, commit)
}

// init gives a binary built with plain `go build` the metadata that `fyne package` would inject
// (id for preferences, name, version, icon), so `make build`, `go run .` and the packaged
// builds behave alike. In a `fyne package` build this runs after Fyne's own generated init and
// sets the same values from the same file.
func init() {
	app.SetMetadata(appMetadata())
}

func appMetadata() fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:         details.Details.ID,
		Name:       details.Details.Name,
		Version:    details.Details.Version,
		Build:      details.Details.Build,
		Icon:       fyne.NewStaticResource("icon.png", iconPNG),
		Migrations: details.Migrations,
	}
}
