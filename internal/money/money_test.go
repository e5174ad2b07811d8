package money

import (
	"math"
	"testing"
)

func TestAmountsAreWrittenAsPeopleReadThem(t *testing.T) {
	for _, c := range []struct {
		cents       int64
		nl, english string
	}{
		{0, "€ 0,00", "€0.00"},
		{5, "€ 0,05", "€0.05"},
		{1250, "€ 12,50", "€12.50"},
		{99999, "€ 999,99", "€999.99"},
		{100000, "€ 1.000,00", "€1,000.00"},
		{123456, "€ 1.234,56", "€1,234.56"},
		{123456789, "€ 1.234.567,89", "€1,234,567.89"},
		{-5, "€ -0,05", "-€0.05"},
		{-123456, "€ -1.234,56", "-€1,234.56"},
		{math.MinInt64, "€ -92.233.720.368.547.758,08", "-€92,233,720,368,547,758.08"},
	} {
		if got := Dutch(c.cents); got != c.nl {
			t.Errorf("Dutch(%d) = %q, want %q", c.cents, got, c.nl)
		}
		if got := English(c.cents); got != c.english {
			t.Errorf("English(%d) = %q, want %q", c.cents, got, c.english)
		}
	}
}
