package store

import (
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payouts"
)

// payoutTx is payouts.Tx on one gorm transaction.
type payoutTx struct {
	idempotencyKeys
	tx *gorm.DB
	c  cryptor
}

var _ payouts.Tx = (*payoutTx)(nil)

// payoutsLockSpace is the first half of the advisory lock key that serialises changes of payout runs.
const payoutsLockSpace = 6414

func (t *payoutTx) Lock() error {
	return failed("payoutTx.Lock", t.tx.Exec(`SELECT pg_advisory_xact_lock(?, 0)`, payoutsLockSpace).Error)
}

func (t *payoutTx) Cursor() (uint64, bool, error) {
	var v []int64
	if err := t.tx.Raw(`SELECT max(block_number) FROM indexer_cursor HAVING count(*) > 0`).Scan(&v).Error; err != nil {
		return 0, false, failed("payoutTx.Cursor", err)
	}
	if len(v) == 0 {
		return 0, false, nil
	}
	return uint64(v[0]), true, nil
}

func (t *payoutTx) LastRun() (payouts.Run, bool, error) {
	var rows []payoutRunRow
	err := t.tx.Raw(`SELECT ` + payoutRunColumns + ` FROM payout_runs r WHERE r.status <> 'cancelled'
		ORDER BY r.cutoff_block DESC LIMIT 1`).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return payouts.Run{}, false, failed("payoutTx.LastRun", err)
	}
	return rows[0].run(), true, nil
}

func (t *payoutTx) LockRun(id string) (payouts.Run, error) {
	return t.c.oneRun(t.tx, id, `FOR UPDATE`)
}

// holdingsQuery sums, per activated shop (a suspended one too: what it holds is still owed to it), its
// Transfer events up to the cut-off (the balance), those of the range (payments in, refunds out; mints and
// burns, the edge of the supply, are neither), and the lines of earlier runs whose burn the ledger has not
// seen by the cut-off. Each direction is one join on its index.
const holdingsQuery = `WITH shop AS (
	SELECT a.id::text AS shop_id, a.wallet_address AS addr, s.legal_name_enc, s.details_version
	FROM accounts a JOIN shops s ON s.account_id = a.id
	WHERE a.role = 'shop' AND a.status IN ('approved', 'suspended') AND s.activated_at IS NOT NULL AND a.wallet_address IS NOT NULL
), moves AS (
	SELECT shop_id, sum(delta) AS balance,
		count(*) FILTER (WHERE delta > 0 AND NOT edge AND block_number >= @from) AS payments,
		COALESCE(sum(delta) FILTER (WHERE delta > 0 AND NOT edge AND block_number >= @from), 0) AS gross,
		count(*) FILTER (WHERE delta < 0 AND NOT edge AND block_number >= @from) AS refunds,
		COALESCE(-sum(delta) FILTER (WHERE delta < 0 AND NOT edge AND block_number >= @from), 0) AS refunded
	FROM (
		SELECT shop.shop_id, e.amount AS delta, e.from_address IS NULL AS edge, e.block_number
		FROM shop JOIN token_events e ON e.to_address = shop.addr AND e.event = 'Transfer' AND e.block_number <= @cutoff
		UNION ALL
		SELECT shop.shop_id, -e.amount, e.to_address IS NULL, e.block_number
		FROM shop JOIN token_events e ON e.from_address = shop.addr AND e.event = 'Transfer' AND e.block_number <= @cutoff
	) m
	GROUP BY shop_id
), pending AS (
	SELECT l.shop_id::text AS shop_id, sum(l.amount_cents) AS cents
	FROM payout_lines l JOIN payout_runs r ON r.id = l.run_id
	WHERE r.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM token_events e WHERE e.event = 'Redeemed'
		AND e.from_address = l.shop_address AND e.ref = r.ref AND e.block_number <= @cutoff)
	GROUP BY l.shop_id
)
SELECT shop.shop_id, shop.addr, shop.legal_name_enc, shop.details_version, m.balance::bigint AS balance, COALESCE(p.cents, 0)::bigint AS pending,
	m.payments, m.gross::bigint AS gross, m.refunds, m.refunded::bigint AS refunded
FROM shop JOIN moves m USING (shop_id) LEFT JOIN pending p USING (shop_id)
ORDER BY shop.shop_id`

func (t *payoutTx) Holdings(from, cutoff uint64) ([]payouts.Holding, error) {
	var rows []struct {
		ShopID, Addr                      string
		LegalNameEnc                      []byte
		Balance, Pending, Gross, Refunded int64
		Payments, Refunds, DetailsVersion int
	}
	if err := t.tx.Raw(holdingsQuery, map[string]any{"from": int64(from), "cutoff": int64(cutoff)}).Scan(&rows).Error; err != nil {
		return nil, failed("payoutTx.Holdings", err)
	}
	out := make([]payouts.Holding, len(rows))
	for i, r := range rows {
		name, err := t.c.open("shops", "legal_name_enc", r.ShopID, r.LegalNameEnc)
		if err != nil {
			return nil, failed("payoutTx.Holdings", err)
		}
		out[i] = payouts.Holding{ShopID: r.ShopID, Address: common.HexToAddress(r.Addr), BusinessName: name,
			BalanceCents: r.Balance, PendingCents: r.Pending, Payments: r.Payments, GrossCents: r.Gross,
			Refunds: r.Refunds, RefundedCents: r.Refunded, DetailsVersion: r.DetailsVersion}
	}
	return out, nil
}

func (t *payoutTx) CreateRun(r payouts.Run) error {
	err := t.tx.Exec(`INSERT INTO payout_runs (id, period_start, period_end, from_block, cutoff_block, ref, reference, status,
		created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.PeriodStart.Format(payouts.DateLayout),
		r.PeriodEnd.Format(payouts.DateLayout), int64(r.FromBlock), int64(r.CutoffBlock), r.Ref.Hex(), r.Reference,
		string(r.Status), r.CreatedBy, r.CreatedAt).Error
	switch {
	case isPgError(err, pgUniqueViolation, "payout_runs_one_open"):
		return payouts.ErrRunOpen
	case isPgError(err, pgExclusionViolation, ""):
		return payouts.ErrPeriodOverlap
	case err != nil:
		return failed("payoutTx.CreateRun", err)
	}
	for _, l := range r.Lines {
		name, err := t.c.seal("payout_lines", "business_name_enc", l.ID, l.BusinessName)
		if err != nil {
			return failed("payoutTx.CreateRun", err)
		}
		if name == nil {
			return fmt.Errorf("payouts: shop %s has no business name", l.ShopID)
		}
		iban, err := t.approvedIBAN(l)
		if err != nil {
			return failed("payoutTx.CreateRun", err)
		}
		if err := t.tx.Exec(`INSERT INTO payout_lines (id, run_id, shop_id, shop_address, business_name_enc, payments,
			gross_cents, refunds, refunded_cents, amount_cents, details_version, iban_enc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, l.ID, l.RunID, l.ShopID,
			strings.ToLower(l.ShopAddress.Hex()), name, l.Payments, l.GrossCents, l.Refunds, l.RefundedCents,
			l.AmountCents, l.DetailsVersion, iban).Error; err != nil {
			return failed("payoutTx.CreateRun", err)
		}
	}
	return nil
}

func (t *payoutTx) SaveRun(r payouts.Run) error {
	return failed("payoutTx.SaveRun", t.tx.Exec(`UPDATE payout_runs SET status = ?, report_sha256 = ?, executed_by = NULLIF(?, '')::uuid,
		execute_started_at = ?, executed_at = ?, settled_block = NULLIF(?::bigint, 0), cancelled_by = NULLIF(?, '')::uuid,
		cancelled_at = ? WHERE id = ?`, string(r.Status), r.ReportSHA256, r.ExecutedBy, r.ExecuteStartedAt, r.ExecutedAt,
		int64(r.SettledBlock), r.CancelledBy, r.CancelledAt, r.ID).Error)
}

func (t *payoutTx) SaveLine(l payouts.Line) error {
	var paidOn *string
	if l.PaidOn != nil {
		d := l.PaidOn.Format(payouts.DateLayout)
		paidOn = &d
	}
	var redeemTx *string
	if l.RedeemedBlock != 0 {
		h := l.RedeemTx.Hex()
		redeemTx = &h
	}
	return failed("payoutTx.SaveLine", t.tx.Exec(`UPDATE payout_lines SET intent_id = NULLIF(?::bigint, 0), attempts = ?,
		redeemed_block = NULLIF(?::bigint, 0), redeem_tx = ?, paid_on = ?::date, bank_reference = NULLIF(?, ''),
		paid_by = NULLIF(?, '')::uuid, paid_at = ? WHERE id = ?`, l.IntentID, l.Attempts, int64(l.RedeemedBlock), redeemTx,
		paidOn, l.BankReference, l.PaidBy, l.PaidAt, l.ID).Error)
}

// Spendable is what each address may pay now (see holdingsSQL).
func (t *payoutTx) Spendable(addrs []common.Address) (map[common.Address]int64, error) {
	hs, err := holdings(t.tx, addrs)
	if err != nil {
		return nil, failed("payoutTx.Spendable", err)
	}
	out := make(map[common.Address]int64, len(hs))
	for _, h := range hs {
		out[common.HexToAddress(h.Address)] = h.Spendable
	}
	return out, nil
}

// approvedIBAN seals, for line l, the shop's approved IBAN of the line's details version. Approvals wait
// for the payout lock this transaction holds (accountTx.ApplyShopDetails), so the version read by Holdings
// is still the shop's; a mismatch is a bug, not a race, and refuses the run.
func (t *payoutTx) approvedIBAN(l payouts.Line) ([]byte, error) {
	var rows []struct {
		IbanEnc        []byte
		DetailsVersion int
	}
	if err := t.tx.Raw(`SELECT iban_enc, details_version FROM shops WHERE account_id = ?`, l.ShopID).Scan(&rows).Error; err != nil {
		return nil, failed("payoutTx.approvedIBAN", err)
	}
	if len(rows) == 0 || rows[0].DetailsVersion != l.DetailsVersion {
		return nil, fmt.Errorf("payouts: shop %s has no approved bank details of version %d", l.ShopID, l.DetailsVersion)
	}
	iban, err := t.c.open("shops", "iban_enc", l.ShopID, rows[0].IbanEnc)
	if err != nil {
		return nil, failed("payoutTx.approvedIBAN", err)
	}
	if iban == "" {
		return nil, fmt.Errorf("%w (shop %s)", payouts.ErrIBANNotKept, l.ShopID)
	}
	return t.c.seal("payout_lines", "iban_enc", l.ID, iban)
}

func (t *payoutTx) IBANs(runID string) (map[string]string, error) {
	out := map[string]string{}
	var rows []struct {
		LineID, ShopID     string
		LineIban, ShopIban []byte
	}
	if err := t.tx.Raw(`SELECT l.id::text AS line_id, l.shop_id::text AS shop_id, l.iban_enc AS line_iban,
		CASE WHEN l.iban_enc IS NULL THEN s.iban_enc END AS shop_iban
		FROM payout_lines l LEFT JOIN shops s ON s.account_id = l.shop_id WHERE l.run_id = ?`, runID).Scan(&rows).Error; err != nil {
		return nil, failed("payoutTx.IBANs", err)
	}
	for _, r := range rows {
		var iban string
		var err error
		switch {
		case len(r.LineIban) > 0:
			iban, err = t.c.open("payout_lines", "iban_enc", r.LineID, r.LineIban)
		case len(r.ShopIban) > 0: // a line drafted before versions were kept
			iban, err = t.c.open("shops", "iban_enc", r.ShopID, r.ShopIban)
		default:
			continue // no longer kept: the caller reports the shop
		}
		if err != nil {
			return nil, failed("payoutTx.IBANs", err)
		}
		out[r.ShopID] = iban
	}
	return out, nil
}

func (t *payoutTx) Enqueue(in outbox.Intent) (outbox.Intent, error) { return EnqueueTx(t.tx, in) }

func (t *payoutTx) Notify(n notices.Notice) error {
	return failed("payoutTx.Notify", writeNotice(t.tx, n))
}

func (t *payoutTx) Audit(e audit.Entry) error {
	_, err := appendAudit(t.tx, e)
	return failed("payoutTx.Audit", err)
}
