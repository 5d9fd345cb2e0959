package main

import (
	"os"
	"regexp"
	"testing"
)

// TestVersionString checks that --version reads FyneApp.toml, the one place the version is written,
// and names the commit the Makefile injects.
func TestVersionString(t *testing.T) {
	raw, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	version := string(m[1])

	defer func(saved string) { commit = saved }(commit)
	for _, c := range []string{"unknown", "abc1234"} {
		commit = c
		got := versionString()
		want := "PPEI Iceberg " + version + " (commit " + c + ")"
		if got != want {
			t.Errorf("versionString() = %q, want %q", got, want)
		}
	}
}

// TestAppMetadata checks that a binary built with plain `go build` carries the id, name and
// icon that `fyne package` would give it: the id keeps preferences apart from other apps.
func TestAppMetadata(t *testing.T) {
	meta := appMetadata()
	if meta.ID != "uk.org.ppei.iceberg" {
		t.Errorf("Metadata().ID = %q, want %q", meta.ID, "uk.org.ppei.iceberg")
	}
	if meta.Name != "PPEI Iceberg" {
		t.Errorf("Metadata().Name = %q, want %q", meta.Name, "PPEI Iceberg")
	}
	if meta.Version != details.Details.Version || meta.Version == "" {
		t.Errorf("Metadata().Version = %q, want %q", meta.Version, details.Details.Version)
	}
	if meta.Icon == nil || len(meta.Icon.Content()) < 1000 {
		t.Error("Metadata().Icon is missing or too small to be the app icon")
	}
	if !meta.Migrations["fyneDo"] {
		t.Error(`Metadata().Migrations["fyneDo"] is not set: FyneApp.toml declares it`)
	}
}
