//go:build !windows && !linux

package place

// systemFacts adds nothing here: only Windows and Linux are checked.
func systemFacts(*Facts) {}
