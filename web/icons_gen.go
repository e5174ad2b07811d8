//go:build ignore

// icons_gen.go draws the resident app's icons into static/icons (or the folder given as its argument): a
// coin on the app's colour, at 192 and 512 pixels, and a maskable 512-pixel one with the coin inside the safe
// zone. Run by `make generate` (go run icons_gen.go from web/); the output is committed.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
)

var (
	background = color.RGBA{0x1f, 0x5f, 0x8b, 0xff}
	coin       = color.RGBA{0xf2, 0xb7, 0x05, 0xff}
	rim        = color.RGBA{0xc9, 0x8f, 0x00, 0xff}
)

func main() {
	dir := filepath.Join("static", "icons")
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for _, ic := range []struct {
		name  string
		size  int
		scale float64 // the coin's radius as a share of half the size
	}{{"icon-192.png", 192, 0.78}, {"icon-512.png", 512, 0.78}, {"icon-maskable-512.png", 512, 0.6}} {
		if err := write(filepath.Join(dir, ic.name), draw(ic.size, ic.scale)); err != nil {
			log.Fatal(err)
		}
	}
}

// draw paints the background and a coin with a rim and an H-shaped mark, with edges smoothed by sampling
// each pixel four times.
func draw(size int, scale float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	c := float64(size) / 2
	r := c * scale
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var rr, gg, bb float64
			for _, d := range [][2]float64{{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}} {
				px, py := float64(x)+d[0]-c, float64(y)+d[1]-c
				col := background
				dist := math.Hypot(px, py)
				switch {
				case dist <= r*0.86 && mark(px/r, py/r):
					col = rim
				case dist <= r*0.86:
					col = coin
				case dist <= r:
					col = rim
				}
				rr, gg, bb = rr+float64(col.R)/4, gg+float64(col.G)/4, bb+float64(col.B)/4
			}
			img.SetRGBA(x, y, color.RGBA{uint8(rr + 0.5), uint8(gg + 0.5), uint8(bb + 0.5), 0xff})
		}
	}
	return img
}

// mark is the letter H on the coin, in coordinates where the coin's radius is 1.
func mark(x, y float64) bool {
	inStem := (math.Abs(x+0.3) < 0.09 || math.Abs(x-0.3) < 0.09) && math.Abs(y) < 0.45
	inBar := math.Abs(x) < 0.3 && math.Abs(y) < 0.08
	return inStem || inBar
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return png.Encode(f, img)
}
