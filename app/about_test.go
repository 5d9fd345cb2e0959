package app

import (
	"os"
	"regexp"
	"testing"
)

// TestAbout checks that --version and the app's metadata come from
// FyneApp.toml, the one place the version is written.
func TestAbout(t *testing.T) {
	raw, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	a, err := ReadAbout(raw, "abc1234")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.VersionString(), "PPEI Iceberg "+string(m[1])+" (commit abc1234)"; got != want {
		t.Errorf("VersionString() = %q, want %q", got, want)
	}
	meta := a.Metadata()
	if meta.ID != AppID || meta.Name != "PPEI Iceberg" || meta.Version != string(m[1]) {
		t.Errorf("metadata %+v", meta)
	}
	if meta.Icon == nil || len(meta.Icon.Content()) < 1000 {
		t.Error("the metadata's icon is missing or too small to be the app icon")
	}
	if !meta.Migrations["fyneDo"] {
		t.Error(`Migrations["fyneDo"] is not set: FyneApp.toml declares it`)
	}
	if _, err := ReadAbout([]byte("[Details]\nName = 3"), ""); err == nil {
		t.Error("a broken FyneApp.toml was accepted")
	}
}
