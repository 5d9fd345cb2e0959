package realwindow_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// keyBudget is the most keys, besides typed text, that the whole workshop
// may take from launch to a saved PDF (issue 15: "at most 40 keys").
const keyBudget = 40

// TestKeyPathToSavedPDF drives the real window under Xvfb from the
// keyboard alone, as a facilitator would with no mouse: Ctrl+N, a title
// and a community typed, Enter creates the session, Enter starts the
// workshop, Right to the first element, every word shaded by its number
// key, T starts one timer, A agrees each element, Right moves on, Ctrl+E
// exports, Enter passes the privacy list, a full path is typed into the
// save dialog and Enter saves. Every key besides typed text is counted
// and must stay within keyBudget. Each key is seen to take effect (in the
// database or the screen the window remembers) before the next is sent;
// the PDF is then read back with pdftotext.
func TestKeyPathToSavedPDF(t *testing.T) {
	needDisplay(t)
	for _, tool := range []string{"xdotool", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (make test installs xdotool and poppler-utils): %v", tool, err)
		}
	}
	bin := plainApp.get(t)
	dir, cfg, env := ownHome(t)
	db := filepath.Join(dir, "keys.db")
	pdf := filepath.Join(dir, "papers", "Key path board paper.pdf")
	if err := os.MkdirAll(filepath.Dir(pdf), 0o755); err != nil {
		t.Fatal(err)
	}
	const title, community = "Keyboard only mapping", "Governing Body"

	w := startWindow(t, openWatcher(t), bin, env, "--db", db)
	win, out := w.id, w.out
	waitScreen(t, cfg, "home")
	waitFocus(t, env, win)

	var keys []string // every key sent besides typed text, in order
	key := func(k string) {
		t.Helper()
		keys = append(keys, k)
		if err := xdoKey(env, win, k); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
	}
	typeText := func(s string) {
		t.Helper()
		if err := xdoType(env, win, s); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
	}
	show := func(id int64) sessionJSON {
		t.Helper()
		return showSession(t, bin, db, strconv.FormatInt(id, 10), env)
	}

	// Home → Setup, the title in its first field, the community in the next.
	key("ctrl+n")
	waitScreen(t, cfg, "setup")
	typeText(title)
	key("Tab")
	typeText(community)
	key("Return") // creates the session
	var id int64
	waitFor(t, "Enter to create the session", 30*time.Second, func() (bool, string) {
		s, err := sessionsIn(bin, db, env)
		if err != nil || len(s) != 1 {
			return false, fmt.Sprintf("%v %v", s, err)
		}
		id = s[0].ID
		return s[0].Title == title && s[0].Community == community, fmt.Sprintf("%+v", s[0])
	})
	waitScreen(t, cfg, "setup")
	key("Return") // starts the workshop
	waitScreen(t, cfg, "intro")
	key("Right")

	fw := data.DefaultFramework()
	var timerFrom time.Time
	for i, el := range fw.Elements {
		waitScreen(t, cfg, el.Code)
		if i == 0 {
			key("t") // one timer, started as the room begins; agreeing pauses it
			timerFrom = time.Now()
		}
		for n, w := range el.Words {
			key(strconv.Itoa(n + 1))
			wid := w.ID
			waitFor(t, "key "+strconv.Itoa(n+1)+" to shade "+wid, 30*time.Second, func() (bool, string) {
				got := show(id).level(wid)
				return got == "partly", wid + " " + got
			})
		}
		if i == 0 {
			// The time spent is written in whole seconds when A pauses the
			// timer: the room's discussion lasts at least one.
			if d := time.Until(timerFrom.Add(1500 * time.Millisecond)); d > 0 {
				time.Sleep(d)
			}
		}
		key("a")
		code := el.Code
		waitFor(t, "A to agree "+code, 30*time.Second, func() (bool, string) {
			e := show(id).element(code)
			return e.Agreed, fmt.Sprintf("%+v", e)
		})
		if i < len(fw.Elements)-1 {
			key("Right")
		}
	}

	// Ctrl+E opens Review with the privacy list over it; Enter passes the
	// list; the save dialog has the file name selected, so the typed full
	// path replaces it; Enter saves.
	key("ctrl+e")
	waitScreen(t, cfg, "review")
	key("Return")
	typeText(pdf)
	key("Return")
	waitFor(t, "the PDF to be saved at "+pdf, 30*time.Second, func() (bool, string) {
		fi, err := os.Stat(pdf)
		return err == nil && fi.Size() > 0, fmt.Sprint(err)
	})

	t.Logf("keys besides typed text, launch to saved PDF: %d (budget %d): %s", len(keys), keyBudget, strings.Join(keys, " "))
	if len(keys) > keyBudget {
		t.Errorf("the keyboard path took %d keys, want at most %d", len(keys), keyBudget)
	}

	head, err := os.ReadFile(pdf)
	if err != nil || !strings.HasPrefix(string(head), "%PDF-") {
		t.Fatalf("%s is not a PDF (%v): %.20q", pdf, err, head)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(text), title) {
		t.Errorf("the PDF's text does not name the session %q:\n%.400s", title, text)
	}

	rec := show(id)
	if len(rec.Words) != 22 {
		t.Errorf("the session has %d words, want 22", len(rec.Words))
	}
	for _, w := range rec.Words {
		if w.Level == "none" || w.Level == "" {
			t.Errorf("word %s was not set (%q)", w.ID, w.Level)
		}
	}
	for i, el := range fw.Elements {
		e := rec.element(el.Code)
		if !e.Agreed {
			t.Errorf("%s is not agreed", el.Code)
		}
		if i == 0 && e.Seconds < 1 {
			t.Errorf("%s's timer ran %d s, want at least 1", el.Code, e.Seconds)
		}
	}

	// Quitting is no part of the path.
	if exited, err := w.quit(env); !exited || err != nil {
		t.Errorf("the window did not quit cleanly on Ctrl+Q (exited %v, %v)\n%s", exited, err, out.String())
	}
}

// sessionsIn lists the sessions in db with the command line.
func sessionsIn(bin, db string, env []string) ([]data.Session, error) {
	cmd := exec.Command(bin, "--db", db, "list", "--json")
	cmd.Env = env
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("iceberg list: %w", err)
	}
	var s []data.Session
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("list --json: %w", err)
	}
	return s, nil
}

// waitFocus waits until window win has the keyboard: a key sent while a
// new window is still taking its input focus can be lost under Xvfb.
func waitFocus(tb testing.TB, env []string, win string) {
	tb.Helper()
	waitFor(tb, "the window to take the keyboard", 30*time.Second, func() (bool, string) {
		cmd := exec.Command("xdotool", "getwindowfocus")
		cmd.Env = env
		b, err := cmd.Output()
		got := strings.TrimSpace(string(b))
		return err == nil && got == win, "focus on " + got
	})
}

// xdoType types text into window win with xdotool.
func xdoType(env []string, win, text string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xdotool", "type", "--window", win, "--delay", "20", text)
	cmd.Env = env
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("xdotool type %q: %w: %s", text, err, strings.TrimSpace(string(b)))
	}
	return nil
}
