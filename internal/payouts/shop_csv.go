package payouts

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// The shop's CSV files are written as the consolidated report is (see Report): comma-separated with a
// header line, amounts in euros with two decimals and a point, dates 2006-01-02, free text guarded by
// safeCell. Neither names a resident.

// shopPayoutsHeader is the first line of a shop's payouts. coins_redeemed is in coins (one coin is one
// euro); eur_paid, paid_on and bank_reference stay empty until finance records the bank's payment.
var shopPayoutsHeader = []string{"run_reference", "period_start", "period_end", "payments_received", "refunds", "gross_eur",
	"refunds_eur", "net_eur", "coins_redeemed", "eur_paid", "paid_on", "bank_reference", "status", "run_id"}

// WriteShopPayouts writes a shop's payouts as CSV, one line per payout period in the order given.
func WriteShopPayouts(list []ShopPayout) ([]byte, error) {
	rows := [][]string{shopPayoutsHeader}
	for _, sp := range list {
		r, l := sp.Run, sp.Line
		paid, paidOn := "", ""
		if l.PaidOn != nil {
			paid, paidOn = Euros(l.AmountCents), l.PaidOn.Format(DateLayout)
		}
		rows = append(rows, []string{r.Reference, r.PeriodStart.Format(DateLayout), r.PeriodEnd.Format(DateLayout),
			strconv.Itoa(l.Payments), strconv.Itoa(l.Refunds), Euros(l.GrossCents), Euros(l.RefundedCents), Euros(l.NetCents()),
			Euros(l.AmountCents), paid, paidOn, safeCell(l.BankReference), string(l.Status()), r.ID})
	}
	return writeCSV(rows)
}

// statementHeader is the first line of a shop's statement. date and time are when the block was made, in
// the municipality's time zone; amount_eur is positive for a payment received and negative for coins that
// left the shop (a refund, the redemption).
var statementHeader = []string{"run_reference", "date", "time", "kind", "amount_eur", "block_number", "tx_hash"}

// WriteStatement writes a statement's coin movements as CSV, one line each in block order; zone is the time
// zone of their dates and times.
func WriteStatement(st Statement, zone *time.Location) ([]byte, error) {
	rows := [][]string{statementHeader}
	for _, e := range st.Entries {
		at := e.At.In(zone)
		cents := e.AmountCents
		if e.Kind != EntryPayment {
			cents = -cents
		}
		rows = append(rows, []string{st.Run.Reference, at.Format(DateLayout), at.Format(time.TimeOnly), e.Kind, Euros(cents),
			strconv.FormatUint(e.BlockNumber, 10), e.TxHash.Hex()})
	}
	return writeCSV(rows)
}

func writeCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ShopPayoutsCSV returns every payout of the calling shop as CSV (see WriteShopPayouts), newest period
// first, as ShopPayouts lists them, read page by page. Only shops may ask.
func (s *Service) ShopPayoutsCSV(ctx context.Context, p accounts.Principal) ([]byte, error) {
	var all []ShopPayout
	for {
		page, err := s.ShopPayouts(ctx, p, MaxLimit, len(all))
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < MaxLimit {
			return WriteShopPayouts(all)
		}
	}
}

// StatementCSV returns the calling shop's statement of a run (see Statement) and its CSV (see
// WriteStatement), with the dates and times in the municipality's zone.
func (s *Service) StatementCSV(ctx context.Context, p accounts.Principal, runID string) (Statement, []byte, error) {
	st, err := s.Statement(ctx, p, runID)
	if err != nil {
		return Statement{}, nil, err
	}
	b, err := WriteStatement(st, s.opts.Zone)
	return st, b, err
}
