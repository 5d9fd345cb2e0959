package html_test

import (
	"bytes"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/html"
	fixture "github.com/ppei-iceberg/iceberg/export/internal/sample"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// sample is the shared realistic session (export/internal/sample) as a
// draft with one element still to agree, and typed text a page must
// escape.
func sample(tb testing.TB, fw *data.Framework, noteLen int) *data.Record {
	tb.Helper()
	r := fixture.Session(fw, noteLen)
	r.Status = data.StatusDraft
	r.Elements[2].AgreedAt = nil
	r.Summary += "\n\nA typed tag stays text: <script>alert(1)</script>, and a sign prints: ≤ 3 weeks."
	return r
}

// render builds and writes the report for r.
func render(tb testing.TB, fw *data.Framework, r *data.Record, opt report.Options) []byte {
	tb.Helper()
	rep, err := report.Build(fw, r, opt)
	if err != nil {
		tb.Fatalf("build report: %v", err)
	}
	var buf bytes.Buffer
	if err := html.Write(&buf, rep, html.Options{}); err != nil {
		tb.Fatalf("write html: %v", err)
	}
	return buf.Bytes()
}
