// Command bare is a bare Fyne window, built with Fyne's defaults: the
// yardstick for its start-up time and memory (BenchmarkStartup and
// BenchmarkWorkshopMemory in app/, run by make bench).
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("uk.org.ppei.iceberg.bare")
	w := a.NewWindow("Bare Fyne window")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1280, 720))
	w.ShowAndRun()
}
