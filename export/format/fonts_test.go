package format_test

// The app hands the PDF its fonts as it starts; these tests never start it.
import _ "github.com/ppei-iceberg/iceberg/resources/testfonts"
