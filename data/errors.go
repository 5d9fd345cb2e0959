package data

import (
	"errors"
	"fmt"
)

// Error codes for what the user must be told.
const (
	EInvalid  = "invalid"   // bad input: the message says what to change
	ENotFound = "not_found" // no such session, word or element
	EConflict = "conflict"  // nothing to undo, already deleted, …
	EBadFile  = "bad_file"  // the database file cannot be used as it is
	EInternal = "internal"  // something went wrong that the user cannot fix
)

// Error is an error whose Message is a sentence fit to show a user.
type Error struct {
	Code    string
	Message string
	Err     error // the underlying cause, if any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first Error in err's chain, or EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EInternal
}

// ErrorMessage returns the user-facing sentence of err: an Error's message,
// or a general sentence for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return "Something went wrong: " + err.Error()
}
