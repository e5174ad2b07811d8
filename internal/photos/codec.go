package photos

import (
	"bytes"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// format is an image format the intake accepts, recognised by its magic bytes.
type format int

const (
	formatJPEG format = iota + 1
	formatPNG
	formatWebP
)

var (
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}
)

// sniff names the format from the first bytes of data; anything else is ErrInvalidImage.
func sniff(data []byte) (format, error) {
	switch {
	case bytes.HasPrefix(data, magicJPEG):
		return formatJPEG, nil
	case bytes.HasPrefix(data, magicPNG):
		return formatPNG, nil
	case len(data) >= 12 && string(data[0:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return formatWebP, nil
	}
	return 0, ErrInvalidImage
}

// config reads only the header: the dimensions, without decoding pixels.
func (f format) config(data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

// decode decodes the pixels with the format's own decoder (never image.Decode's registry, so no other
// format can slip in).
func (f format) decode(data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.Decode(r)
	case formatPNG:
		return png.Decode(r)
	default:
		return webp.Decode(r)
	}
}

// jpegQuality is the quality of re-encoded photos: no visible loss for proof, a third of the camera's size.
const jpegQuality = 85

// encode writes img afresh: JPEG when it is opaque, PNG when it has transparency. The encoders write no
// metadata at all, so nothing of the upload's EXIF, GPS, XMP or ICC data survives.
func encode(img image.Image) (Image, error) {
	b := img.Bounds()
	out := Image{Width: b.Dx(), Height: b.Dy()}
	var buf bytes.Buffer
	if opaque(img) {
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
			return Image{}, err
		}
		out.ContentType = TypeJPEG
	} else {
		if err := png.Encode(&buf, img); err != nil {
			return Image{}, err
		}
		out.ContentType = TypePNG
	}
	out.Data = buf.Bytes()
	return out, nil
}

func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// toRGBA converts img to RGBA (fast paths exist for the decoders' own types).
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}
