// Command iceberg is PPEI Iceberg: with no arguments it opens the window a
// facilitator projects in a workshop; with a subcommand it serves scripts
// and machines with no display ("iceberg --help" lists them).
package main

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/ppei-iceberg/iceberg/app"
	"github.com/ppei-iceberg/iceberg/app/cli"
	_ "github.com/ppei-iceberg/iceberg/app/locale" // before Fyne reads the locale
	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// fyneAppTOML holds the app's name, id and version. It is embedded here
// because an embed pattern cannot reach above its package's folder.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// commit is set by the Makefile: -ldflags "-X main.commit=…".
var commit = "unknown"

func main() {
	about, err := app.ReadAbout(fyneAppTOML, commit)
	if err != nil {
		fmt.Fprintln(os.Stderr, "iceberg:", err) // a build defect, caught by the tests
		os.Exit(1)
	}
	app.UseAbout(about)
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: about.VersionString(),
		OpenWindow: func(store data.Store, dbPath string, openErr error, notice string) error {
			return app.Run(store, app.Options{DBPath: dbPath, OpenErr: openErr, Files: sqlite.Files{}, Notice: notice})
		},
	}))
}
