package realwindow_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// TestEscClosesTheFileDialog opens the board paper's save dialog in the
// real window and, with the keyboard moved back from the name field onto
// each of the first controls of Fyne's own (its folder buttons, its list of
// files, its view buttons), presses Esc: the dialog must close, so that
// Left, which only the window answers, goes back a screen. Fyne keeps Esc
// to the control that has the keyboard; the app's GLFW hook (escapehook.go)
// sees it first.
func TestEscClosesTheFileDialog(t *testing.T) {
	needDisplay(t)
	bin := plainApp.get(t)
	dir, cfg, env := ownHome(t)
	db := filepath.Join(dir, "esc.db")
	w := startWindow(t, openWatcher(t), bin, env, "--db", db)
	waitScreen(t, cfg, "home")
	waitFocus(t, env, w.id)
	key := func(k string) {
		t.Helper()
		if err := xdoKey(env, w.id, k); err != nil {
			t.Fatalf("%v\n%s", err, w.out.String())
		}
	}
	key("ctrl+n")
	waitScreen(t, cfg, "setup")
	if err := xdoType(env, w.id, "Esc in the save dialog"); err != nil {
		t.Fatal(err)
	}
	key("Tab")
	if err := xdoType(env, w.id, "Governing Body"); err != nil {
		t.Fatal(err)
	}
	key("Return") // creates the session
	waitFor(t, "Enter to create the session", 30*time.Second, func() (bool, string) {
		s, err := sessionsIn(bin, db, env)
		return err == nil && len(s) == 1, strconv.Itoa(len(s))
	})
	key("Return") // starts the workshop
	waitScreen(t, cfg, "intro")

	fw := data.DefaultFramework()
	last := fw.Elements[len(fw.Elements)-1].Code
	for back := 1; back <= 4; back++ {
		key("ctrl+e") // Review, with the privacy list over it
		waitScreen(t, cfg, "review")
		// The window takes keys in order, and each shows what the next
		// works on before it returns.
		key("Return") // passes the list: the save dialog, its name field focused
		for i := 0; i < back; i++ {
			key("shift+Tab")
		}
		key("Escape")
		key("Left")
		waitFor(t, "Esc to close the save dialog after "+strconv.Itoa(back)+" Shift+Tab, so Left goes back", 20*time.Second,
			func() (bool, string) { got := lastScreen(cfg); return got == last, "screen " + got })
	}

	// A name that is taken asks "Overwrite?" over the dialog: Esc closes
	// that question, the next Esc the dialog, and the file is untouched.
	taken := filepath.Join(dir, "taken.pdf")
	if err := os.WriteFile(taken, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	key("Right")
	waitScreen(t, cfg, "review")
	key("ctrl+e")
	key("Return")
	if err := xdoType(env, w.id, taken); err != nil {
		t.Fatal(err)
	}
	key("Return") // Overwrite?
	key("Escape") // closes the question
	key("Escape") // closes the dialog
	key("Left")
	waitFor(t, "two Esc to close Overwrite? and the save dialog, so Left goes back", 20*time.Second,
		func() (bool, string) { got := lastScreen(cfg); return got == last, "screen " + got })
	if b, err := os.ReadFile(taken); err != nil || string(b) != "keep me" {
		t.Errorf("the file named in the dialog changed: %q, %v", b, err)
	}
	if exited, err := w.quit(env); !exited || err != nil {
		t.Errorf("the window did not quit cleanly (exited %v, %v)\n%s", exited, err, w.out.String())
	}
}
