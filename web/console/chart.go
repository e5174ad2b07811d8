package console

import (
	"fmt"
	"html/template"
	"strings"
)

// chart is a bar chart the server draws as SVG: role="img" named by its title and described by its desc,
// colours from classes in overview.css (no inline style), the numbers in a table beside it on the page.
// Rows are the categories; each row has a value per series. A suppressed row has no values and is drawn
// as a marked gap.
type chart struct {
	ID, Title, Desc string
	// Series are the series' names (the legend); series i is drawn with class chart__bar--i.
	Series []string
	Rows   []chartRow
	// Stacked draws each row's values end to end (horizontal charts only).
	Stacked bool
	// Format writes a value for the axis and the bars' labels.
	Format func(int64) string
	// Suppressed is the text on a suppressed row's gap.
	Suppressed string
}

type chartRow struct {
	Label      string
	Values     []int64
	Suppressed bool
}

func (c chart) max() int64 {
	var m int64
	for _, r := range c.Rows {
		var sum int64
		for _, v := range r.Values {
			if c.Stacked {
				sum += v
			} else {
				sum = max(sum, v)
			}
		}
		m = max(m, sum)
	}
	return max(m, 1)
}

// axisMax is the top of a value axis of four steps of a round size (1, 2 or 5 times a power of ten), so
// that every value on it is exact and no two are the same.
func (c chart) axisMax() int64 {
	return 4 * niceStep((c.max()+3)/4)
}

// niceStep is the smallest of 1, 2 and 5 times a power of ten that is at least x.
func niceStep(x int64) int64 {
	for p := int64(1); ; p *= 10 {
		for _, f := range []int64{1, 2, 5} {
			if f*p >= x {
				return f * p
			}
		}
	}
}

func chartEsc(s string) string { return template.HTMLEscapeString(s) }

// open writes the svg element with its title and description.
func (c chart) open(b *strings.Builder, w, h int) {
	fmt.Fprintf(b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" focusable="false">`,
		w, h, c.ID, c.ID)
	fmt.Fprintf(b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, c.ID, chartEsc(c.Title), c.ID, chartEsc(c.Desc))
}

// columns draws the rows as groups of vertical bars along a time axis.
func (c chart) columns() template.HTML {
	const w, h, left, top, bottom = 640, 280, 64, 16, 48
	plotW, plotH := float64(w-left-8), float64(h-top-bottom)
	m := c.axisMax()
	var b strings.Builder
	c.open(&b, w, h)
	for i := 0; i <= 4; i++ { // grid lines with their values
		y := float64(top) + plotH - plotH*float64(i)/4
		fmt.Fprintf(&b, `<line class="chart__grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, left, w-8, y, y)
		fmt.Fprintf(&b, `<text class="chart__axis" x="%d" y="%.1f" text-anchor="end">%s</text>`, left-6, y+4, chartEsc(c.Format(m*int64(i)/4)))
	}
	n := max(len(c.Rows), 1)
	slot := plotW / float64(n)
	bar := slot * 0.8 / float64(max(len(c.Series), 1))
	every := (n + 7) / 8 // at most eight labels along the axis
	for i, r := range c.Rows {
		x0 := float64(left) + slot*float64(i) + slot*0.1
		for j, v := range r.Values {
			bh := plotH * float64(v) / float64(m)
			fmt.Fprintf(&b, `<rect class="chart__bar chart__bar--%d" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`,
				j, x0+bar*float64(j), float64(top)+plotH-bh, bar, bh)
		}
		if i%every == 0 || i == n-1 {
			fmt.Fprintf(&b, `<text class="chart__label" x="%.1f" y="%d" text-anchor="middle">%s</text>`,
				float64(left)+slot*(float64(i)+0.5), h-bottom+18, chartEsc(r.Label))
		}
	}
	fmt.Fprintf(&b, `<line class="chart__baseline" x1="%d" x2="%d" y1="%d" y2="%d"/>`, left, w-8, h-bottom, h-bottom)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// bars draws the rows as horizontal bars, one row under the other, labelled on the left.
func (c chart) bars() template.HTML {
	const w, left, right, rowH, top = 640, 200, 96, 28, 8
	h := top*2 + rowH*max(len(c.Rows), 1)
	plotW := float64(w - left - right)
	m := c.max()
	var b strings.Builder
	c.open(&b, w, h)
	for i, r := range c.Rows {
		y := top + rowH*i
		label := r.Label
		if len([]rune(label)) > 28 {
			label = string([]rune(label)[:27]) + "…"
		}
		fmt.Fprintf(&b, `<text class="chart__label" x="%d" y="%d" text-anchor="end">%s</text>`, left-8, y+rowH/2+4, chartEsc(label))
		if r.Suppressed {
			fmt.Fprintf(&b, `<rect class="chart__suppressed" x="%d" y="%d" width="%.1f" height="%d"/>`, left, y+4, plotW/3, rowH-8)
			fmt.Fprintf(&b, `<text class="chart__value" x="%.1f" y="%d">%s</text>`, float64(left)+plotW/3+6, y+rowH/2+4, chartEsc(c.Suppressed))
			continue
		}
		x := float64(left)
		var total int64
		for j, v := range r.Values {
			bw := plotW * float64(v) / float64(m)
			by, bh := y+4, rowH-8
			if !c.Stacked {
				bh = (rowH - 8) / len(r.Values)
				by, x = y+4+bh*j, float64(left)
			}
			fmt.Fprintf(&b, `<rect class="chart__bar chart__bar--%d" x="%.1f" y="%d" width="%.1f" height="%d"/>`, j, x, by, bw, bh)
			if c.Stacked {
				x += bw
			}
			total += v
		}
		if !c.Stacked && len(r.Values) > 0 {
			total = r.Values[0]
		}
		fmt.Fprintf(&b, `<text class="chart__value" x="%.1f" y="%d">%s</text>`, float64(left)+plotW*float64(total)/float64(m)+6,
			y+rowH/2+4, chartEsc(c.Format(total)))
	}
	fmt.Fprintf(&b, `<line class="chart__baseline" x1="%d" x2="%d" y1="%d" y2="%d"/>`, left, left, top, h-top)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
