package payments

import (
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"
)

// svgCode is a QR code SVG read back: the side of its viewBox, the fills of the background and of the
// modules, and the unit squares the path paints.
type svgCode struct {
	side        int
	light, dark string
	painted     map[image.Point]bool
}

// readSVG reads the SVG that QRCodeSVG writes: a viewBox "0 0 n n", one background rect over all of it and
// one path of closed subpaths (M x,y then relative h and v moves), each painting the squares it encloses.
func readSVG(t *testing.T, b []byte) svgCode {
	t.Helper()
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Rect    struct {
			Width  string `xml:"width,attr"`
			Height string `xml:"height,attr"`
			Fill   string `xml:"fill,attr"`
		} `xml:"rect"`
		Path struct {
			D    string `xml:"d,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not SVG: %v\n%s", err, b)
	}
	var side int
	if _, err := fmt.Sscanf(doc.ViewBox, "0 0 %d %d", &side, &side); err != nil || doc.ViewBox != fmt.Sprintf("0 0 %d %d", side, side) {
		t.Fatalf("viewBox %q is not a square from 0,0", doc.ViewBox)
	}
	if doc.Rect.Width != strconv.Itoa(side) || doc.Rect.Height != strconv.Itoa(side) {
		t.Fatalf("the background is %sx%s, not the whole %d-unit square", doc.Rect.Width, doc.Rect.Height, side)
	}
	c := svgCode{side: side, light: doc.Rect.Fill, dark: doc.Path.Fill, painted: map[image.Point]bool{}}
	for _, sub := range strings.SplitAfter(strings.TrimSpace(doc.Path.D), "z") {
		if sub = strings.TrimSpace(sub); sub == "" {
			continue
		}
		var p image.Point
		if _, err := fmt.Sscanf(sub, "M%d,%d", &p.X, &p.Y); err != nil {
			t.Fatalf("subpath %q does not start with M x,y", sub)
		}
		lo, hi := p, p
		for _, mv := range strings.FieldsFunc(sub[strings.IndexAny(sub, "hvz"):], func(r rune) bool { return r == 'z' }) {
			for len(mv) > 0 {
				end := strings.IndexAny(mv[1:], "hv") + 1
				if end == 0 {
					end = len(mv)
				}
				n, err := strconv.Atoi(mv[1:end])
				if err != nil || (mv[0] != 'h' && mv[0] != 'v') {
					t.Fatalf("subpath %q: move %q", sub, mv[:end])
				}
				if mv[0] == 'h' {
					p.X += n
				} else {
					p.Y += n
				}
				lo, hi = image.Pt(min(lo.X, p.X), min(lo.Y, p.Y)), image.Pt(max(hi.X, p.X), max(hi.Y, p.Y))
				mv = mv[end:]
			}
		}
		for y := lo.Y; y < hi.Y; y++ {
			for x := lo.X; x < hi.X; x++ {
				c.painted[image.Pt(x, y)] = true
			}
		}
	}
	return c
}

// image paints the code at scale pixels per unit, in the colours the SVG names.
func (c svgCode) image(t *testing.T, scale int) image.Image {
	t.Helper()
	fill := map[string]color.Gray{"#FFFFFF": {Y: 255}, "#000000": {Y: 0}}
	light, okL := fill[c.light]
	dark, okD := fill[c.dark]
	if !okL || !okD {
		t.Fatalf("colours: background %q, modules %q; want #FFFFFF and #000000", c.light, c.dark)
	}
	img := image.NewGray(image.Rect(0, 0, c.side*scale, c.side*scale))
	for y := range c.side * scale {
		for x := range c.side * scale {
			px := light
			if c.painted[image.Pt(x/scale, y/scale)] {
				px = dark
			}
			img.SetGray(x, y, px)
		}
	}
	return img
}

// TestQRCodeSVG: the till's QR code reads back as the link it was drawn for, black on white, at error
// correction level M exactly (also for a short text, where the encoder would raise the level for free),
// with a quiet zone of 4 modules on every side and the code's corners (its finder patterns) right inside it.
func TestQRCodeSVG(t *testing.T) {
	for _, link := range []string{
		QRLink("https://heitje.heerlen.nl", "0b6f3f0e-6c41-4b8e-9a1c-2f3a4b5c6d7e"),
		QRLink("https://heitje.example/app", "ffffffff-ffff-4fff-bfff-ffffffffffff"),
		QRLink("http://127.0.0.1:8080", "00000000-0000-4000-8000-000000000000"),
		"HEITJE",
	} {
		svg, err := QRCodeSVG(link)
		if err != nil {
			t.Fatal(err)
		}
		c := readSVG(t, svg)
		modules := c.side - 2*QRQuietZone
		if QRQuietZone != 4 || modules < 21 || (modules-17)%4 != 0 {
			t.Fatalf("%s: a %d-unit square is no QR code of 1 unit per module with a quiet zone of 4", link, c.side)
		}
		for p := range c.painted {
			if p.X < 4 || p.Y < 4 || p.X >= c.side-4 || p.Y >= c.side-4 {
				t.Fatalf("%s: module %v lies in the quiet zone", link, p)
			}
		}
		for _, corner := range []image.Point{{4, 4}, {c.side - 5, 4}, {4, c.side - 5}} {
			if !c.painted[corner] {
				t.Fatalf("%s: no finder pattern at %v: the code does not start right after the quiet zone", link, corner)
			}
		}
		res, err := qr.DecodeDetailed(c.image(t, 6), qr.WithFastPathOnly())
		if err != nil {
			t.Fatalf("%s: the code does not read: %v\n%s", link, err, svg)
		}
		if res.Text != link || res.Ecc != qr.Medium {
			t.Fatalf("the code reads %q at level %d, want %q at level M (%d)", res.Text, res.Ecc, link, qr.Medium)
		}
	}
}
