package photos_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

func newStore(t *testing.T, l photos.Limits) *photos.Store {
	t.Helper()
	s, err := photos.New(filepath.Join(t.TempDir(), "photos"), l)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGPSAndEveryOtherMetadataAreDropped uploads a JPEG with GPS coordinates and a camera model in its
// EXIF block: what comes out has no APPn or comment segment at all and none of the EXIF bytes.
func TestGPSAndEveryOtherMetadataAreDropped(t *testing.T) {
	s := newStore(t, photos.Limits{})
	in := phototest.JPEGWithGPS(64, 48, 1)
	if !bytes.Contains(in, []byte(phototest.Marker)) || !bytes.Contains(phototest.Segments(in), []byte{0xE1}) {
		t.Fatal("the fixture lacks its EXIF block")
	}
	img, err := s.Prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	if img.ContentType != photos.TypeJPEG || img.Width != 64 || img.Height != 48 {
		t.Fatalf("got %s %dx%d", img.ContentType, img.Width, img.Height)
	}
	for _, m := range phototest.Segments(img.Data) {
		if m >= 0xE0 && m <= 0xEF || m == 0xFE {
			t.Fatalf("the output keeps a metadata segment 0xFF%X", m)
		}
	}
	for _, leak := range []string{"Exif", phototest.Marker, "MM\x00\x2a"} {
		if bytes.Contains(img.Data, []byte(leak)) {
			t.Fatalf("the output contains %q", leak)
		}
	}
	if _, err := jpeg.Decode(bytes.NewReader(img.Data)); err != nil {
		t.Fatalf("the output does not decode: %v", err)
	}
}

// TestOrientationIsAppliedBeforeTheEXIFGoes checks that a phone's sideways portrait (orientation 6, turn
// 90° clockwise) is stored upright: the left (red) half of the stored pixels ends up on top.
func TestOrientationIsAppliedBeforeTheEXIFGoes(t *testing.T) {
	s := newStore(t, photos.Limits{})
	img, err := s.Prepare(phototest.JPEGWithGPS(64, 32, 6))
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 32 || img.Height != 64 {
		t.Fatalf("want 32x64 upright, got %dx%d", img.Width, img.Height)
	}
	dec, _ := jpeg.Decode(bytes.NewReader(img.Data))
	top, bottom := rgb(dec.At(16, 8)), rgb(dec.At(16, 56))
	if top.R < 150 || top.B > 80 || bottom.B < 150 || bottom.R > 80 {
		t.Fatalf("not turned clockwise: top %v, bottom %v", top, bottom)
	}
}

func rgb(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)}
}

// TestRefusals: content decides, not names; limits are checked before decoding.
func TestRefusals(t *testing.T) {
	s := newStore(t, photos.Limits{MaxBytes: 64 << 10, MaxPixels: 4_000_000})
	big := noise(400, 400)
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"text renamed .jpg", []byte("this is a text file, whatever its name says\n"), photos.ErrInvalidImage},
		{"JPEG magic, then garbage", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte{7}, 500)...), photos.ErrInvalidImage},
		{"truncated JPEG", phototest.JPEG(64, 64)[:200], photos.ErrInvalidImage},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), photos.ErrInvalidImage},
		{"empty", nil, photos.ErrInvalidImage},
		{"over the size limit", big, photos.ErrTooLarge},
		{"decompression bomb 50000x50000", phototest.PNGBomb(50000, 50000), photos.ErrTooManyPixels},
	}
	if len(big) <= 64<<10 {
		t.Fatalf("the large fixture has only %d bytes", len(big))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.Prepare(tc.data); !errors.Is(err, tc.want) {
				t.Fatalf("want %v, got %v", tc.want, err)
			}
		})
	}
	if entries, _ := os.ReadDir(s.Dir()); len(entries) != 0 {
		t.Fatalf("refusals left %d files", len(entries))
	}
}

// noise is an incompressible PNG of w×h pixels.
func noise(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	x := uint32(2463534242)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = byte(x)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// TestFormats: WebP and opaque PNG become JPEG; a PNG with transparency stays PNG.
func TestFormats(t *testing.T) {
	s := newStore(t, photos.Limits{})
	webp, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	var clearPNG bytes.Buffer
	png.Encode(&clearPNG, clear)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"webp", webp, photos.TypeJPEG},
		{"opaque png", noise(20, 10), photos.TypeJPEG},
		{"transparent png", clearPNG.Bytes(), photos.TypePNG},
	} {
		img, err := s.Prepare(tc.data)
		if err != nil || img.ContentType != tc.want || img.Width == 0 {
			t.Fatalf("%s: %+v %v", tc.name, img.ContentType, err)
		}
	}
}

// TestFiles: random names, 0600 files in a 0700 folder, and no way out of the folder by name.
func TestFiles(t *testing.T) {
	s := newStore(t, photos.Limits{})
	img, err := s.Prepare(phototest.JPEG(16, 16))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Save(img)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Save(img)
	if a == b || !photos.ValidName(a) || len(a) != 32 {
		t.Fatalf("names %q and %q", a, b)
	}
	st, _ := os.Stat(filepath.Join(s.Dir(), a))
	dir, _ := os.Stat(s.Dir())
	if st.Mode().Perm() != 0o600 || dir.Mode().Perm() != 0o700 {
		t.Fatalf("file mode %v, folder mode %v", st.Mode().Perm(), dir.Mode().Perm())
	}
	if got, err := s.Read(a); err != nil || !bytes.Equal(got, img.Data) {
		t.Fatalf("read back: %v", err)
	}
	for _, bad := range []string{"../" + a, "", a + ".jpg", "ABCDEF0123456789ABCDEF0123456789"} {
		if _, err := s.Read(bad); !errors.Is(err, photos.ErrNoFile) {
			t.Fatalf("Read(%q): %v", bad, err)
		}
	}
	if err := s.Remove(a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Read(a); !errors.Is(err, photos.ErrNoFile) {
		t.Fatalf("removed file still readable: %v", err)
	}
}
