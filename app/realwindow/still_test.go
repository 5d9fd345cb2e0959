package realwindow_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/app/internal/xwait"
	"github.com/ppei-iceberg/iceberg/data"
)

// TestWindowGoesStillOnEveryScreen runs the real window on an example
// session and moves through Home, Intro, every element and Review: once a
// screen is drawn, with no timer running and nothing typed, the window
// must stop redrawing. A layout that refreshes what it lays out asks for
// another frame each time and never stops (the element screen did, after
// the tight layout came in: its MinSize switched the timer to tight and
// back on every frame), which burns a laptop's battery through a workshop.
func TestWindowGoesStillOnEveryScreen(t *testing.T) {
	needDisplay(t)
	bin := plainApp.get(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "still.db")
	env := append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	imp := exec.Command(bin, "--db", db, "import", filepath.Join("..", "..", "resources", "examples", "1-leadership-paperwork.json"))
	imp.Env = env
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("import the example: %v\n%s", err, out)
	}
	fr, err := xwait.OpenFrames()
	if err != nil {
		t.Fatal(err)
	}
	defer fr.Close()
	w := startWindow(t, openWatcher(t), bin, env, "--db", db)
	cfg := filepath.Join(dir, "config")
	id, err := strconv.ParseUint(w.id, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	if err := fr.Watch(id); err != nil {
		t.Fatal(err)
	}
	still := func(screen string) {
		t.Helper()
		if err := fr.Quiet(500*time.Millisecond, 15*time.Second); err != nil {
			t.Fatalf("on %s: %v (it keeps redrawing with nothing changing)", screen, err)
		}
	}
	waitScreen(t, cfg, "home")
	still("Home")
	if err := fr.Focus(id); err != nil {
		t.Fatal(err)
	}
	// Return opens the newest session at its Intro. A key sent while the
	// new window is still taking the keyboard can be lost under Xvfb, so
	// it is sent again, three times at most.
	for try := 0; lastScreen(cfg) != "intro" && try < 3; try++ {
		if _, err := fr.Key("Return"); err != nil {
			t.Fatal(err)
		}
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end) && lastScreen(cfg) != "intro"; {
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitScreen(t, cfg, "intro")
	still("Intro")
	screens := []string{}
	for _, e := range data.DefaultFramework().Elements {
		screens = append(screens, e.Code)
	}
	for _, s := range append(screens, "review") {
		if _, err := fr.Key("Right"); err != nil {
			t.Fatal(err)
		}
		waitScreen(t, cfg, s)
		still(s)
	}
	if exited, err := w.quit(env); !exited || err != nil {
		t.Errorf("the window did not quit cleanly (exited %v, %v)\n%s", exited, err, w.out.String())
	}
}
