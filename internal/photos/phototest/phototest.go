// Package phototest makes the images that tests of the photo intake upload: an ordinary photo with GPS
// coordinates and a camera name in its EXIF block, and a PNG that declares far more pixels than it holds.
package phototest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Marker is the camera model written into the EXIF block of JPEGWithGPS; it must never survive intake.
const Marker = "HEITJE-TEST-CAMERA-7731"

// JPEG returns a w×h JPEG whose left half is red and right half is blue.
func JPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{R: 220, A: 255}
			if x >= w/2 {
				c = color.RGBA{B: 220, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

// JPEGWithGPS returns JPEG(w, h) with an APP1 Exif segment spliced in right after SOI, as cameras write
// it: IFD0 with the orientation, the camera model Marker and a pointer to a GPS IFD holding latitude
// 50°53'N and longitude 5°58'E (Heerlen).
func JPEGWithGPS(w, h, orientation int) []byte {
	return Splice(JPEG(w, h), exif(orientation))
}

// Splice inserts an APP1 segment with payload directly after the SOI marker of a JPEG.
func Splice(jpg, payload []byte) []byte {
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// exif builds "Exif\0\0" and a big-endian TIFF structure.
func exif(orientation int) []byte {
	be := binary.BigEndian
	t := []byte("MM\x00\x2a\x00\x00\x00\x08")
	model := append([]byte(Marker), 0)
	// IFD0 at 8: 3 entries (2 + 3×12 + 4 = 42 bytes), then the model string, then the GPS IFD.
	modelAt := 8 + 42
	gpsAt := modelAt + len(model)
	entry := func(tag, typ uint16, count, value uint32) []byte {
		e := make([]byte, 12)
		be.PutUint16(e, tag)
		be.PutUint16(e[2:], typ)
		be.PutUint32(e[4:], count)
		be.PutUint32(e[8:], value)
		return e
	}
	t = be.AppendUint16(t, 3)
	t = append(t, entry(0x0110, 2, uint32(len(model)), uint32(modelAt))...)
	t = append(t, entry(0x0112, 3, 1, uint32(orientation)<<16)...)
	t = append(t, entry(0x8825, 4, 1, uint32(gpsAt))...)
	t = be.AppendUint32(t, 0)
	t = append(t, model...)
	// GPS IFD: 4 entries (2 + 48 + 4 = 54 bytes), then two RATIONAL[3] values.
	latAt := gpsAt + 54
	lngAt := latAt + 24
	t = be.AppendUint16(t, 4)
	t = append(t, entry(0x0001, 2, 2, uint32('N')<<24)...)
	t = append(t, entry(0x0002, 5, 3, uint32(latAt))...)
	t = append(t, entry(0x0003, 2, 2, uint32('E')<<24)...)
	t = append(t, entry(0x0004, 5, 3, uint32(lngAt))...)
	t = be.AppendUint32(t, 0)
	for _, v := range []uint32{50, 53, 0, 5, 58, 0} {
		t = be.AppendUint32(t, v)
		t = be.AppendUint32(t, 1)
	}
	return append([]byte("Exif\x00\x00"), t...)
}

// PNGBomb returns a valid 1×1 PNG whose header is rewritten to declare w×h pixels, with a correct CRC:
// the shape of a decompression bomb, which a decoder would try to allocate w×h×4 bytes for.
func PNGBomb(w, h uint32) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	// Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), …, CRC after 13 data bytes.
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// Segments lists the markers of a JPEG's segments up to the start of scan, e.g. 0xE1 for APP1.
func Segments(jpg []byte) []byte {
	var out []byte
	for p := 2; p+4 <= len(jpg) && jpg[p] == 0xFF; {
		m := jpg[p+1]
		out = append(out, m)
		if m == 0xDA {
			break
		}
		p += 2 + int(binary.BigEndian.Uint16(jpg[p+2:]))
	}
	return out
}
