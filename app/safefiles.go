package app

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's file dialogs hand back a file already opened: os.Create for a save
// (which empties the chosen file, following links, before anything is
// written) and os.Open for an open (which hangs on a pipe). The app takes
// only the path from a dialog and writes through export's atomic writer,
// so useSafeFiles wraps Fyne's repository for file: URIs so that a reader
// or writer opens its file only when first read or written. Closed
// unused, as the app closes them, it never touches the file.
// It is called before every dialog: a new Fyne app (each test's, say)
// registers its own file repository again.
func useSafeFiles() {
	orig, err := repository.ForScheme("file")
	if err != nil {
		return // no file repository: nothing to make safe
	}
	if _, ok := orig.(*lazyFiles); ok {
		return
	}
	repository.Register("file", &lazyFiles{orig: orig})
}

// lazyFiles is a file repository whose readers and writers open late.
type lazyFiles struct{ orig repository.Repository }

var (
	_ repository.WritableRepository     = (*lazyFiles)(nil)
	_ repository.ListableRepository     = (*lazyFiles)(nil)
	_ repository.HierarchicalRepository = (*lazyFiles)(nil)
)

var errNoSupport = errors.New("the file store does not support this")

func (l *lazyFiles) Exists(u fyne.URI) (bool, error)  { return l.orig.Exists(u) }
func (l *lazyFiles) CanRead(u fyne.URI) (bool, error) { return l.orig.CanRead(u) }
func (l *lazyFiles) Destroy(scheme string)            { l.orig.Destroy(scheme) }

func (l *lazyFiles) Reader(u fyne.URI) (fyne.URIReadCloser, error) {
	return &lazyReader{uri: u, open: func() (fyne.URIReadCloser, error) { return l.orig.Reader(u) }}, nil
}

func (l *lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	w, ok := l.orig.(repository.WritableRepository)
	if !ok {
		return nil, errNoSupport
	}
	return &lazyWriter{uri: u, open: func() (fyne.URIWriteCloser, error) { return w.Writer(u) }}, nil
}

func (l *lazyFiles) CanWrite(u fyne.URI) (bool, error) {
	if w, ok := l.orig.(repository.WritableRepository); ok {
		return w.CanWrite(u)
	}
	return false, nil
}

func (l *lazyFiles) Delete(u fyne.URI) error {
	if w, ok := l.orig.(repository.WritableRepository); ok {
		return w.Delete(u)
	}
	return errNoSupport
}

func (l *lazyFiles) CanList(u fyne.URI) (bool, error) {
	if r, ok := l.orig.(repository.ListableRepository); ok {
		return r.CanList(u)
	}
	return false, nil
}

func (l *lazyFiles) List(u fyne.URI) ([]fyne.URI, error) {
	if r, ok := l.orig.(repository.ListableRepository); ok {
		return r.List(u)
	}
	return nil, errNoSupport
}

func (l *lazyFiles) CreateListable(u fyne.URI) error {
	if r, ok := l.orig.(repository.ListableRepository); ok {
		return r.CreateListable(u)
	}
	return errNoSupport
}

func (l *lazyFiles) Parent(u fyne.URI) (fyne.URI, error) {
	if r, ok := l.orig.(repository.HierarchicalRepository); ok {
		return r.Parent(u)
	}
	return repository.GenericParent(u)
}

// Child is the file name within folder u, unless name is a full path
// typed into a save dialog: then it is that path.
func (l *lazyFiles) Child(u fyne.URI, name string) (fyne.URI, error) {
	if p, ok := typedPath(name); ok {
		return storage.NewFileURI(p), nil
	}
	if r, ok := l.orig.(repository.HierarchicalRepository); ok {
		return r.Child(u, name)
	}
	return repository.GenericChild(u, name)
}

type lazyReader struct {
	uri  fyne.URI
	open func() (fyne.URIReadCloser, error)
	r    fyne.URIReadCloser
}

func (r *lazyReader) URI() fyne.URI { return r.uri }

func (r *lazyReader) Read(p []byte) (int, error) {
	if r.r == nil {
		f, err := r.open()
		if err != nil {
			return 0, err
		}
		r.r = f
	}
	return r.r.Read(p)
}

func (r *lazyReader) Close() error {
	if r.r == nil {
		return nil
	}
	return r.r.Close()
}

type lazyWriter struct {
	uri  fyne.URI
	open func() (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (w *lazyWriter) URI() fyne.URI { return w.uri }

func (w *lazyWriter) Write(p []byte) (int, error) {
	if w.w == nil {
		f, err := w.open()
		if err != nil {
			return 0, err
		}
		w.w = f
	}
	return w.w.Write(p)
}

func (w *lazyWriter) Close() error {
	if w.w == nil {
		return nil
	}
	return w.w.Close()
}

var _ io.ReadCloser = (*lazyReader)(nil)
