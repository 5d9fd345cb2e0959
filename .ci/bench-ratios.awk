#!/usr/bin/awk -f
# Reads `go test -bench` output and prints each budget beside its floor.
function metric(line, unit,   n, i) {
  n = split(line, f, /[ \t]+/)
  for (i = 2; i <= n; i++) if (f[i] == unit) return f[i - 1]
  return ""
}
/^BenchmarkSetShade/        { shade_med = metric($0, "µs-median"); shade_p99 = metric($0, "µs-p99") }
/^BenchmarkCommitFloor/     { floor_med = metric($0, "µs-median"); floor_p99 = metric($0, "µs-p99") }
/^BenchmarkWritePDF-/       { pdf_ns = metric($0, "ns/op"); pdf_bytes = metric($0, "bytes") }
/^BenchmarkWritePDFFloor/   { pdff_ns = metric($0, "ns/op"); pdff_bytes = metric($0, "bytes") }
/^BenchmarkWriteHTML\/public/ { html_ns = metric($0, "ns/op"); html_bytes = metric($0, "bytes") }
/^BenchmarkWriteWord-/      { word_ns = metric($0, "ns/op"); word_bytes = metric($0, "bytes") }
/^BenchmarkWritePNG-/       { png_ns = metric($0, "ns/op"); png_bytes = metric($0, "bytes") }
/^BenchmarkWriteSVG-/       { svg_ns = metric($0, "ns/op"); svg_bytes = metric($0, "bytes") }
/^BenchmarkList\/floor/     { list_floor = metric($0, "ns/op") }
/^BenchmarkList\/search=""/ { list_ns = metric($0, "ns/op") }
/^BenchmarkStartup/         { st_app = metric($0, "ms-iceberg"); st_bare = metric($0, "ms-bare") }
/^BenchmarkWorkshopMemory/  { mem_app = metric($0, "MB-iceberg"); mem_bare = metric($0, "MB-bare") }
/^BenchmarkRespondShade/ {
  key_med = metric($0, "ms-median-iceberg"); key_p99 = metric($0, "ms-p99-iceberg")
  keyb_med = metric($0, "ms-median-bare"); keyb_p99 = metric($0, "ms-p99-bare")
  paint = metric($0, "ms-repaint-iceberg"); paintb = metric($0, "ms-repaint-bare")
}
/^BenchmarkRespondNextElement/ {
  next_med = metric($0, "ms-median-iceberg"); next_p99 = metric($0, "ms-p99-iceberg")
  nextb_med = metric($0, "ms-median-bare"); nextb_p99 = metric($0, "ms-p99-bare")
}
function ratio(a, b) { return (a != "" && b != "" && b + 0 > 0) ? sprintf("%.2f×", a / b) : "n/a" }
# more is how much later than the bare window, for budgets counted in frames.
function more(a, b) { return (a != "" && b != "") ? sprintf("%+.1f ms", a - b) : "n/a" }
END {
  print ""
  print "budget                          measured              floor                 ratio   budget"
  printf "shading change, median          %-21s %-21s %-7s under 2 ms\n", shade_med " µs", floor_med " µs", ratio(shade_med, floor_med)
  printf "shading change, p99             %-21s %-21s %-7s under 10 ms\n", shade_p99 " µs", floor_p99 " µs", ratio(shade_p99, floor_p99)
  printf "PDF of a full session, time     %-21s %-21s %-7s under 100 ms\n", sprintf("%.1f ms", pdf_ns / 1e6), sprintf("%.1f ms", pdff_ns / 1e6), ratio(pdf_ns, pdff_ns)
  printf "PDF of a full session, size     %-21s %-21s %-7s under 300 KB\n", sprintf("%.0f KB", pdf_bytes / 1024), sprintf("%.0f KB", pdff_bytes / 1024), ratio(pdf_bytes, pdff_bytes)
  printf "HTML report, full session       %-21s %-21s %-7s beside the PDF (no budget of its own)\n", sprintf("%.1f ms, %.0f KB", html_ns / 1e6, html_bytes / 1024), sprintf("%.1f ms, %.0f KB", pdf_ns / 1e6, pdf_bytes / 1024), ratio(html_ns, pdf_ns)
  printf "Word paper, full session        %-21s %-21s %-7s beside the PDF (no budget of its own)\n", sprintf("%.1f ms, %.0f KB", word_ns / 1e6, word_bytes / 1024), sprintf("%.1f ms, %.0f KB", pdf_ns / 1e6, pdf_bytes / 1024), ratio(word_ns, pdf_ns)
  printf "map alone, PNG at 300 dpi       %-21s %-21s %-7s beside the PDF (no budget of its own)\n", sprintf("%.1f ms, %.0f KB", png_ns / 1e6, png_bytes / 1024), sprintf("%.1f ms, %.0f KB", pdf_ns / 1e6, pdf_bytes / 1024), ratio(png_ns, pdf_ns)
  printf "map alone, SVG                  %-21s %-21s %-7s beside the PDF (no budget of its own)\n", sprintf("%.1f ms, %.0f KB", svg_ns / 1e6, svg_bytes / 1024), sprintf("%.1f ms, %.0f KB", pdf_ns / 1e6, pdf_bytes / 1024), ratio(svg_ns, pdf_ns)
  printf "list of 10,000 sessions         %-21s %-21s %-7s under 20 ms\n", sprintf("%.2f ms", list_ns / 1e6), sprintf("%.2f ms", list_floor / 1e6), ratio(list_ns, list_floor)
  printf "cold start to a visible window  %-21s %-21s %-7s under 1 s, at most 1.15×\n", st_app " ms", st_bare " ms", ratio(st_app, st_bare)
  printf "memory after a full workshop    %-21s %-21s %-7s at most 1.3×\n", mem_app " MB", mem_bare " MB", ratio(mem_app, mem_bare)
  printf "key to repainted tile, median   %-21s %-21s %-7s at most 16.7 ms more\n", key_med " ms", keyb_med " ms", more(key_med, keyb_med)
  printf "key to repainted tile, p99      %-21s %-21s %-7s at most 16.7 ms more\n", key_p99 " ms", keyb_p99 " ms", more(key_p99, keyb_p99)
  printf "PageDown to next element, med.  %-21s %-21s %-7s at most 16.7 ms more\n", next_med " ms", nextb_med " ms", more(next_med, nextb_med)
  printf "PageDown to next element, p99   %-21s %-21s %-7s at most 16.7 ms more\n", next_p99 " ms", nextb_p99 " ms", more(next_p99, nextb_p99)
  printf "repaint, nothing changed        %-21s %-21s %-7s beside the two above (no budget of its own)\n", paint " ms", paintb " ms", more(paint, paintb)
}
