package payouts

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
)

// reportHeader is the consolidated report's first line. Amounts are euros with two decimals; coins_redeemed
// is in coins (one coin is one euro).
var reportHeader = []string{"shop_id", "business_name", "payments_received", "refunds", "gross_eur", "refunds_eur",
	"net_eur", "coins_redeemed", "eur_to_pay", "run_reference", "period_start", "period_end", "cutoff_block"}

// Report writes a run's consolidated report: one CSV line per shop in shop-id order, then a TOTAL line. It
// depends on nothing but the run's fixed fields and lines (no status, no time of generation), so the same
// run always gives the same bytes. It names shops only: no resident, address or account of a resident.
func Report(r Run) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	tail := []string{r.Reference, r.PeriodStart.Format(DateLayout), r.PeriodEnd.Format(DateLayout),
		strconv.FormatUint(r.CutoffBlock, 10)}
	if err := w.Write(reportHeader); err != nil {
		return nil, err
	}
	for _, l := range r.Lines {
		row := []string{l.ShopID, safeCell(l.BusinessName), strconv.Itoa(l.Payments), strconv.Itoa(l.Refunds),
			Euros(l.GrossCents), Euros(l.RefundedCents), Euros(l.NetCents()), Euros(l.AmountCents), Euros(l.AmountCents)}
		if err := w.Write(append(row, tail...)); err != nil {
			return nil, err
		}
	}
	t := r.Totals()
	total := []string{"TOTAL", fmt.Sprintf("%d shops", t.Lines), strconv.Itoa(t.Payments), strconv.Itoa(t.Refunds),
		Euros(t.GrossCents), Euros(t.RefundedCents), Euros(t.NetCents), Euros(t.AmountCents), Euros(t.AmountCents)}
	if err := w.Write(append(total, tail...)); err != nil {
		return nil, err
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// Euros writes cents as euros with two decimals and a point: 1234 is "12.34", -5 is "-0.05".
func Euros(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

// safeCell keeps a spreadsheet from reading a name as a formula: a leading =, +, -, @, tab or carriage
// return gets a quote in front.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ReportSHA256Hex is the hex form of a report's SHA-256, as the API shows it.
func ReportSHA256Hex(sum []byte) string { return hex.EncodeToString(sum) }

// ExportReport returns a run's consolidated report. The first generation stores the report's SHA-256 with
// the run; every later one is checked against it (ErrReportMismatch when the run's lines were changed
// behind the platform's back). The export of the shops' business names is audited. The actor needs finance.
func (s *Service) ExportReport(ctx context.Context, actor accounts.Actor, id string) (Run, []byte, error) {
	if err := require(actor); err != nil {
		return Run{}, nil, err
	}
	var (
		out Run
		csv []byte
	)
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRun(id)
		if err != nil {
			return err
		}
		first := r.ReportSHA256 == nil
		if err := fixReportHash(&r); err != nil {
			return err
		}
		if first {
			if err := tx.SaveRun(r); err != nil {
				return err
			}
		}
		if csv, err = Report(r); err != nil {
			return err
		}
		out = r
		return tx.Audit(actorOf(actor).Entry("payout.report_export", "", []string{"shop.legal_name"}, "",
			fmt.Sprintf("run %s %s, %d shops, sha256 %s", r.ID, r.Reference, len(r.Lines), ReportSHA256Hex(r.ReportSHA256))))
	})
	if err != nil {
		return Run{}, nil, err
	}
	if sum := sha256.Sum256(csv); !bytes.Equal(sum[:], out.ReportSHA256) {
		return Run{}, nil, ErrReportMismatch
	}
	return out, csv, nil
}
