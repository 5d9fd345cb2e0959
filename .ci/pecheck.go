//go:build ignore

// pecheck confirms that a Windows executable is what a facilitator should be given: a PE32+
// x86-64 program for the GUI subsystem (no console window flashes up) that carries an icon, a
// version resource with the app's version, and a manifest.
//
//	go run .ci/pecheck.go dist/iceberg.exe 0.1.0
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"unicode/utf16"
)

// Resource type ids from winuser.h.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run .ci/pecheck.go FILE.exe VERSION")
		os.Exit(2)
	}
	if err := check(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s is a PE32+ x86-64 GUI executable with icon, version %s and manifest resources\n", os.Args[1], os.Args[2])
}

func check(path, version string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine %#x, want x86-64", f.Machine)
	}
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return fmt.Errorf("not PE32+")
	}
	if opt.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem %d, want %d (GUI)", opt.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return fmt.Errorf("no .rsrc section: no icon or version resources")
	}
	data, err := rsrc.Data()
	if err != nil {
		return fmt.Errorf("read .rsrc: %w", err)
	}
	types, err := resourceTypes(data)
	if err != nil {
		return err
	}
	for _, want := range []struct {
		id   uint32
		name string
	}{{rtIcon, "icon"}, {rtGroupIcon, "icon group"}, {rtVersion, "version"}, {rtManifest, "manifest"}} {
		if !types[want.id] {
			return fmt.Errorf("no %s resource (type %d)", want.name, want.id)
		}
	}
	// The version resource holds its strings in UTF-16; fyne writes "0.1.0.BUILD".
	if !bytes.Contains(data, utf16le("ProductVersion")) || !bytes.Contains(data, utf16le(version+".")) {
		return fmt.Errorf("version resource does not name version %s", version)
	}
	return nil
}

// resourceTypes reads the root of the resource directory: a header of 16 bytes, then 8-byte
// entries whose first word is the type id (or, with the top bit set, a name).
func resourceTypes(data []byte) (map[uint32]bool, error) {
	if len(data) < 16 {
		return nil, fmt.Errorf(".rsrc too short")
	}
	named := int(binary.LittleEndian.Uint16(data[12:]))
	ids := int(binary.LittleEndian.Uint16(data[14:]))
	types := map[uint32]bool{}
	for i := 0; i < named+ids; i++ {
		off := 16 + 8*i
		if off+8 > len(data) {
			return nil, fmt.Errorf(".rsrc directory truncated")
		}
		types[binary.LittleEndian.Uint32(data[off:])] = true
	}
	return types, nil
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
