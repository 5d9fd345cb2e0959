// Package data holds PPEI Iceberg's domain: the framework read from
// resources, sessions with their shading, notes and actions, the session
// file format, and the Store interface the UI and command line use. It
// knows nothing of Fyne or SQLite.
package data
