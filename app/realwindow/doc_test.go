// Package realwindow_test drives the real binary, built once per run, in a
// real X window (Xvfb under make test): the smoke test, the key path from
// launch to a saved PDF, the window going still, no network sockets, the
// race-detector check (make race) and the start-up, memory and
// responsiveness benchmarks (make bench). Being a package of its own, it
// runs beside the app package's in-process tests rather than after them.
package realwindow_test
