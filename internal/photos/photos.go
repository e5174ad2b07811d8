// Package photos takes in the photos residents upload as proof of a chore and keeps them outside the
// database. An upload is identified by its content (magic bytes, then the format's own header parser),
// never by its file name or Content-Type; its declared dimensions are checked before any pixel is decoded,
// so a decompression bomb costs nothing; it is decoded, turned upright by its EXIF orientation, and encoded
// afresh, which leaves every byte of metadata (EXIF, GPS, XMP, ICC, comments) behind. Files get random
// 128-bit names in one folder, readable only by the platform's user, and are served only through the
// reviewers' audited endpoint.
package photos

import (
	"errors"
	"fmt"
	"runtime"
)

// The errors of intake. Nothing is stored when one is returned.
var (
	// ErrInvalidImage means the bytes are not a JPEG, PNG or WebP image that decodes.
	ErrInvalidImage = errors.New("photos: not a JPEG, PNG or WebP image")
	// ErrTooLarge means the upload has more bytes than Limits.MaxBytes.
	ErrTooLarge = errors.New("photos: image too large")
	// ErrTooManyPixels means the image declares more pixels than Limits.MaxPixels.
	ErrTooManyPixels = errors.New("photos: image has too many pixels")
)

// Limits bound what one upload may cost.
type Limits struct {
	// MaxBytes is the largest upload, in bytes.
	MaxBytes int64
	// MaxPixels is the most pixels (width × height) an image may declare; decoding takes 4 bytes per pixel.
	MaxPixels int64
}

// maxDecodes bounds the decodes in flight: one 25-megapixel photo takes some 250 MB while it is decoded,
// turned and encoded again.
const maxDecodes = 2

// DefaultLimits are 8 MiB and 25 megapixels: a full-size photo of any common phone camera.
var DefaultLimits = Limits{MaxBytes: 8 << 20, MaxPixels: 25_000_000}

// The content types of stored photos: opaque images are stored as JPEG, images with transparency as PNG.
const (
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
)

// Image is an upload after intake: freshly encoded bytes without metadata, ready to store.
type Image struct {
	Data        []byte
	ContentType string
	Width       int
	Height      int
}

// Store prepares uploads and keeps the resulting files in one folder. It is safe for concurrent use; at
// most maxDecodes decodes run at a time, so that concurrent uploads cannot exhaust memory.
type Store struct {
	dir    string
	limits Limits
	decode chan struct{}
}

// New returns a store over dir, creating the folder (mode 0700) when it is missing. Zero limits take the
// defaults.
func New(dir string, l Limits) (*Store, error) {
	if dir == "" {
		return nil, errors.New("photos: no folder given")
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultLimits.MaxPixels
	}
	if err := ensureDir(dir); err != nil {
		return nil, fmt.Errorf("photos: folder %s: %w", dir, err)
	}
	return &Store{dir: dir, limits: l, decode: make(chan struct{}, min(runtime.GOMAXPROCS(0), maxDecodes))}, nil
}

// Limits returns the limits the store enforces.
func (s *Store) Limits() Limits { return s.limits }

// Dir returns the folder the files are kept in.
func (s *Store) Dir() string { return s.dir }

// Prepare checks one upload and re-encodes it without metadata. It writes nothing. The errors are
// ErrTooLarge, ErrInvalidImage and ErrTooManyPixels.
func (s *Store) Prepare(data []byte) (Image, error) {
	if int64(len(data)) > s.limits.MaxBytes {
		return Image{}, ErrTooLarge
	}
	f, err := sniff(data)
	if err != nil {
		return Image{}, err
	}
	cfg, err := f.config(data)
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return Image{}, ErrInvalidImage
	}
	if int64(cfg.Width)*int64(cfg.Height) > s.limits.MaxPixels {
		return Image{}, ErrTooManyPixels
	}
	s.decode <- struct{}{}
	defer func() { <-s.decode }()
	img, err := f.decode(data)
	if err != nil {
		return Image{}, ErrInvalidImage
	}
	if f == formatJPEG {
		img = orient(img, jpegOrientation(data))
	}
	return encode(img)
}
