package cli

import (
	"os"
	"syscall"
)

// The Windows build is a GUI-subsystem program so that double-clicking it opens no console
// window. Such a program gets no console of its own, so `iceberg.exe list` typed in Command Prompt
// or PowerShell would print nothing. When it has arguments and no standard handles (output sent to
// a file or a pipe does have them), attach to the console of the shell that started it. Started
// from Explorer there is no parent console and nothing changes.
func init() {
	if len(os.Args) < 2 {
		return
	}
	needOut := !validHandle(syscall.Stdout)
	needErr := !validHandle(syscall.Stderr)
	if !needOut && !needErr {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return
	}
	if needOut {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if needErr {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

func validHandle(h syscall.Handle) bool {
	return h != 0 && h != syscall.InvalidHandle
}
