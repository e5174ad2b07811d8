// Package money writes amounts in euro cents the way people read them: € 1.250,50 in Dutch and €1,250.50
// in English, with the thousands grouped.
package money

import (
	"strconv"
	"strings"
)

// Dutch writes cents as Dutch amounts are written: € 1.250,50, and € -0,05 for a negative amount.
func Dutch(cents int64) string {
	sign, whole, frac := split(cents)
	return "€ " + sign + group(whole, '.') + "," + frac
}

// English writes cents as English amounts are written: €1,250.50, and -€0.05 for a negative amount.
func English(cents int64) string {
	sign, whole, frac := split(cents)
	return sign + "€" + group(whole, ',') + "." + frac
}

// split gives the sign ("-" or ""), the whole euros and the two-digit cents of an amount.
func split(cents int64) (sign, whole, frac string) {
	u := uint64(cents)
	if cents < 0 {
		sign, u = "-", uint64(-cents)
	}
	f := strconv.FormatUint(u%100, 10)
	if len(f) == 1 {
		f = "0" + f
	}
	return sign, strconv.FormatUint(u/100, 10), f
}

// group puts sep between each three digits of whole, counted from the right.
func group(whole string, sep byte) string {
	var b strings.Builder
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(whole[i])
	}
	return b.String()
}
