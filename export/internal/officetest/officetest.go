// Package officetest opens files with LibreOffice, headless, for tests that
// must see an export the way an office suite does: a Word document or a
// CSV file converted to PDF, ODF or HTML and read back.
//
// The policy on a machine without LibreOffice: the test fails, saying how
// to install it (`.ci/deps.sh office`, which `make test` runs). It is
// skipped only when ICEBERG_NO_OFFICE=1 is set on purpose outside CI;
// under CI (the CI variable set) and under `make test` (which unsets
// ICEBERG_NO_OFFICE) it never skips.
package officetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Soffice returns the path of LibreOffice's soffice, or ends the test as the
// package's policy says when there is none.
func Soffice(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("soffice")
	if err == nil {
		return path
	}
	if os.Getenv("ICEBERG_NO_OFFICE") == "1" && os.Getenv("CI") == "" {
		tb.Skip("LibreOffice (soffice) is not installed and ICEBERG_NO_OFFICE=1: skipping the office check on purpose")
	}
	tb.Fatalf("LibreOffice (soffice) is not installed, so this check cannot run: run .ci/deps.sh office " +
		"(make test does), or set ICEBERG_NO_OFFICE=1 to skip it on purpose outside CI")
	return ""
}

// One conversion at a time: LibreOffice starts a whole office per call, and
// two at once on a small machine only slow each other.
var mu sync.Mutex

// Convert converts src with LibreOffice to format ("pdf", "odt", "html",
// or a full filter such as "pdf:writer_pdf_Export") and returns the new
// file's path, in a temp folder of the test's own.
func Convert(tb testing.TB, src, format string) string {
	tb.Helper()
	return ConvertAll(tb, format, src)[0]
}

// ConvertAll converts every src as Convert does, with one start of
// LibreOffice for them all, and returns the new files' paths in order. The
// sources' names must differ, as the results share one folder.
func ConvertAll(tb testing.TB, format string, srcs ...string) []string {
	tb.Helper()
	soffice := Soffice(tb)
	out := tb.TempDir()
	profile := tb.TempDir() // a fresh profile: never the user's, and no lock shared with another run
	ext, _, _ := strings.Cut(format, ":")
	var got []string
	seen := map[string]bool{}
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + "." + ext
		if seen[name] {
			tb.Fatalf("two sources would both convert to %s: give them different names", name)
		}
		seen[name] = true
		got = append(got, filepath.Join(out, name))
	}
	mu.Lock()
	defer mu.Unlock()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile),
		"--headless", "--norestore", "--convert-to", format, "--outdir", out}, srcs...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	b, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("soffice --convert-to %s %s: %v\n%s", format, strings.Join(srcs, " "), err, b)
	}
	for i, g := range got {
		if _, err := os.Stat(g); err != nil {
			tb.Fatalf("soffice --convert-to %s %s wrote no %s: %v\n%s", format, srcs[i], filepath.Base(g), err, b)
		}
	}
	return got
}
