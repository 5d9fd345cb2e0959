package resources

import (
	"errors"
	"strings"
	"testing"
)

// The text fonts come from whoever starts the app; until then every
// drawing call is told why there are none, and a loader runs only once,
// when first asked.
func TestTextFontsAreHandedIn(t *testing.T) {
	SetTextFonts(nil, nil)
	if err := CheckTextFonts(); err == nil || !strings.Contains(err.Error(), "not loaded") {
		t.Fatalf("with no fonts CheckTextFonts = %v", err)
	}
	calls := 0
	SetTextFontLoader(func() ([]byte, []byte, error) { calls++; return nil, nil, errors.New("no such module") })
	if err := CheckTextFonts(); err == nil || !strings.Contains(err.Error(), "no such module") {
		t.Fatalf("a failed loader gives %v", err)
	}
	if FontRegular() != nil || calls != 1 {
		t.Fatalf("FontRegular after a failed load: calls = %d", calls)
	}
	SetTextFontLoader(func() ([]byte, []byte, error) { calls++; return []byte("r"), []byte("b"), nil })
	if string(FontRegular()) != "r" || string(FontBold()) != "b" || CheckTextFonts() != nil || calls != 2 {
		t.Fatalf("loaded fonts: %q %q, %d calls", FontRegular(), FontBold(), calls)
	}
	SetTextFonts([]byte("R"), []byte("B"))
	if string(FontRegular()) != "R" || string(FontBold()) != "B" {
		t.Fatal("SetTextFonts does not replace loaded fonts")
	}
	SetTextFonts(nil, nil)
}
