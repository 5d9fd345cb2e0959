package mapimage

import "github.com/ppei-iceberg/iceberg/export/mapmodel"

// CellBox is where the word at column i, row j sits in the picture, in
// points, for the tests that read the picture's pixels.
func CellBox(m mapmodel.Model, i, j int) mapmodel.Rect {
	f := arrange(m)
	return down(f.g.Cells[i][j], f.top)
}
