// Command iceberg is PPEI Iceberg: with no arguments it opens the window a
// facilitator projects in a workshop; with a subcommand it serves scripts
// and machines with no display ("iceberg --help" lists them).
package main

import (
	"os"

	"github.com/ppei-iceberg/iceberg/app"
	"github.com/ppei-iceberg/iceberg/app/cli"
	_ "github.com/ppei-iceberg/iceberg/app/locale" // before Fyne reads the locale
	"github.com/ppei-iceberg/iceberg/data"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: versionString(),
		OpenWindow: func(store data.Store, dbPath string, openErr error) error {
			return app.Run(store, app.Options{DBPath: dbPath, OpenErr: openErr})
		},
	}))
}
