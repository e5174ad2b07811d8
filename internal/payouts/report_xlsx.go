package payouts

import (
	"context"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/heerlen/heitje/internal/accounts"
)

// reportXLSXHeader names the workbook's columns, in Dutch for the municipality's finance staff; they are
// the CSV report's columns in the same order.
var reportXLSXHeader = []string{"Winkel-id", "Handelsnaam", "Betalingen ontvangen", "Terugbetalingen", "Bruto (EUR)",
	"Terugbetaald (EUR)", "Netto (EUR)", "Munten ingewisseld", "Te betalen (EUR)", "Kenmerk", "Periode van",
	"Periode tot en met", "Afsluitblok"}

// ReportXLSX writes a run's consolidated report as an Excel workbook beside the CSV, for spreadsheets set
// to Dutch, which misread the CSV's commas and decimal points: the same lines and TOTAL line, with the
// amounts as numbers in euros (shown with two decimals in the reader's own notation), the counts and the
// block as whole numbers, and the period as dates. Names are text cells, so nothing is read as a formula.
func ReportXLSX(r Run) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Uitbetaling"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	euros, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return nil, err
	}
	totalEuros, err := f.NewStyle(&excelize.Style{NumFmt: 4, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // the reader's short date
	if err != nil {
		return nil, err
	}
	row := func(n int, values []any) error {
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return f.SetSheetRow(sheet, cell, &values)
	}
	if err := row(1, toAny(reportXLSXHeader)); err != nil {
		return nil, err
	}
	eur := func(cents int64) float64 { return float64(cents) / 100 }
	tail := []any{r.Reference, r.PeriodStart, r.PeriodEnd, r.CutoffBlock}
	n := 2
	for _, l := range r.Lines {
		// Strings are written as text cells (excelize never makes a formula of a value), so the name needs
		// no quote in front as in the CSV.
		v := []any{l.ShopID, l.BusinessName, l.Payments, l.Refunds, eur(l.GrossCents), eur(l.RefundedCents),
			eur(l.NetCents()), eur(l.AmountCents), eur(l.AmountCents)}
		if err := row(n, append(v, tail...)); err != nil {
			return nil, err
		}
		n++
	}
	t := r.Totals()
	total := []any{"TOTAAL", fmt.Sprintf("%d winkels", t.Lines), t.Payments, t.Refunds, eur(t.GrossCents),
		eur(t.RefundedCents), eur(t.NetCents), eur(t.AmountCents), eur(t.AmountCents)}
	if err := row(n, append(total, tail...)); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		from, to string
		style    int
	}{
		{"A1", "M1", bold}, {"E2", fmt.Sprintf("I%d", n), euros}, {fmt.Sprintf("A%d", n), fmt.Sprintf("D%d", n), bold},
		{fmt.Sprintf("E%d", n), fmt.Sprintf("I%d", n), totalEuros}, {"K2", fmt.Sprintf("L%d", n), date},
	} {
		if err := f.SetCellStyle(sheet, s.from, s.to, s.style); err != nil {
			return nil, err
		}
	}
	for col, width := range map[string]float64{"A": 38, "B": 32, "C": 12, "D": 12, "E": 12, "F": 12, "G": 12, "H": 12,
		"I": 14, "J": 22, "K": 12, "L": 12, "M": 12} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return nil, err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// ExportReportXLSX returns a run's consolidated report as a workbook: ExportReport (which checks the
// stored SHA-256 of the CSV and audits the export), then the same run written by ReportXLSX.
func (s *Service) ExportReportXLSX(ctx context.Context, actor accounts.Actor, id string) (Run, []byte, error) {
	r, _, err := s.ExportReport(ctx, actor, id)
	if err != nil {
		return Run{}, nil, err
	}
	b, err := ReportXLSX(r)
	if err != nil {
		return Run{}, nil, fmt.Errorf("payout report workbook: %w", err)
	}
	return r, b, nil
}

// XLSXContentType is the media type of an Excel workbook.
const XLSXContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
