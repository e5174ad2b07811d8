package store

import (
	"context"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/secrets"
)

// PayoutStore keeps payout runs and their lines. Business names are sealed per line like the shops' own
// columns; IBANs are read from the shops and decrypted only for the bank file. It implements payouts.Store.
type PayoutStore struct {
	db *gorm.DB
	c  cryptor
}

var _ payouts.Store = (*PayoutStore)(nil)

// Payouts returns the payout store on this database, opening and sealing names and IBANs under keys.
func (db *DB) Payouts(keys *secrets.Keyring) *PayoutStore {
	return &PayoutStore{db: db.gorm, c: cryptor{keys: keys}}
}

type payoutRunRow struct {
	ID               string
	PeriodStart      time.Time
	PeriodEnd        time.Time
	FromBlock        int64
	CutoffBlock      int64
	Ref              string
	Reference        string
	Status           string
	ReportSha256     []byte
	CreatedBy        string
	CreatedAt        time.Time
	ExecutedBy       *string
	ExecuteStartedAt *time.Time
	ExecutedAt       *time.Time
	SettledBlock     *int64
	CancelledBy      *string
	CancelledAt      *time.Time
}

const payoutRunColumns = `r.id::text AS id, r.period_start, r.period_end, r.from_block, r.cutoff_block, r.ref, r.reference,
	r.status, r.report_sha256, r.created_by::text AS created_by, r.created_at, r.executed_by::text AS executed_by,
	r.execute_started_at, r.executed_at, r.settled_block, r.cancelled_by::text AS cancelled_by, r.cancelled_at`

func (r payoutRunRow) run() payouts.Run {
	out := payouts.Run{ID: r.ID, PeriodStart: r.PeriodStart.UTC(), PeriodEnd: r.PeriodEnd.UTC(), FromBlock: uint64(r.FromBlock),
		CutoffBlock: uint64(r.CutoffBlock), Ref: common.HexToHash(r.Ref), Reference: r.Reference, Status: payouts.Status(r.Status),
		ReportSHA256: r.ReportSha256, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC(), ExecuteStartedAt: utcPtr(r.ExecuteStartedAt),
		ExecutedAt: utcPtr(r.ExecutedAt), CancelledAt: utcPtr(r.CancelledAt)}
	if r.ExecutedBy != nil {
		out.ExecutedBy = *r.ExecutedBy
	}
	if r.CancelledBy != nil {
		out.CancelledBy = *r.CancelledBy
	}
	if r.SettledBlock != nil {
		out.SettledBlock = uint64(*r.SettledBlock)
	}
	return out
}

type payoutLineRow struct {
	ID              string
	RunID           string
	ShopID          string
	ShopAddress     string
	BusinessNameEnc []byte
	Payments        int
	GrossCents      int64
	Refunds         int
	RefundedCents   int64
	AmountCents     int64
	IntentID        *int64
	Attempts        int
	RedeemedBlock   *int64
	RedeemTx        *string
	PaidOn          *time.Time
	BankReference   *string
	PaidBy          *string
	PaidAt          *time.Time
	IntentStatus    *string
	IntentError     *string
	IntentBlock     *int64
	IntentTx        *string
	DetailsVersion  *int
}

const payoutLineQuery = `SELECT l.id::text AS id, l.run_id::text AS run_id, l.shop_id::text AS shop_id, l.shop_address,
	l.business_name_enc, l.payments, l.gross_cents, l.refunds, l.refunded_cents, l.amount_cents, l.intent_id, l.attempts,
	l.redeemed_block, l.redeem_tx, l.paid_on, l.bank_reference, l.paid_by::text AS paid_by, l.paid_at,
	l.details_version, i.status AS intent_status, i.error AS intent_error, i.block_number AS intent_block, i.tx_hash AS intent_tx
	FROM payout_lines l LEFT JOIN chain_intents i ON i.id = l.intent_id`

func (c cryptor) payoutLine(r payoutLineRow) (payouts.Line, error) {
	l := payouts.Line{ID: r.ID, RunID: r.RunID, ShopID: r.ShopID, ShopAddress: common.HexToAddress(r.ShopAddress),
		Payments: r.Payments, GrossCents: r.GrossCents, Refunds: r.Refunds, RefundedCents: r.RefundedCents,
		AmountCents: r.AmountCents, Attempts: r.Attempts, PaidOn: utcPtr(r.PaidOn), PaidAt: utcPtr(r.PaidAt)}
	var err error
	if l.BusinessName, err = c.open("payout_lines", "business_name_enc", r.ID, r.BusinessNameEnc); err != nil {
		return l, failed("cryptor.payoutLine", err)
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&l.BankReference, r.BankReference)
	set(&l.PaidBy, r.PaidBy)
	set(&l.IntentError, r.IntentError)
	if r.IntentID != nil {
		l.IntentID = *r.IntentID
	}
	if r.DetailsVersion != nil {
		l.DetailsVersion = *r.DetailsVersion
	}
	if r.IntentStatus != nil {
		l.IntentStatus = outbox.Status(*r.IntentStatus)
	}
	if r.IntentBlock != nil {
		l.IntentBlock = uint64(*r.IntentBlock)
	}
	if r.IntentTx != nil {
		l.IntentTx = common.HexToHash(*r.IntentTx)
	}
	if r.RedeemedBlock != nil {
		l.RedeemedBlock = uint64(*r.RedeemedBlock)
	}
	if r.RedeemTx != nil {
		l.RedeemTx = common.HexToHash(*r.RedeemTx)
	}
	return l, nil
}

// loadRuns reads the runs a query selects and, with lines, the lines of each (all of them, or the shop's).
func (c cryptor) loadRuns(tx *gorm.DB, where string, args []any, shopID string) ([]payouts.Run, error) {
	var rows []payoutRunRow
	if err := tx.Raw(`SELECT `+payoutRunColumns+` FROM payout_runs r `+where, args...).Scan(&rows).Error; err != nil {
		return nil, failed("cryptor.loadRuns", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	runs := make([]payouts.Run, len(rows))
	index := map[string]int{}
	ids := make([]string, len(rows))
	for i, r := range rows {
		runs[i], index[r.ID], ids[i] = r.run(), i, r.ID
	}
	q, qargs := payoutLineQuery+` WHERE l.run_id IN ?`, []any{ids}
	if shopID != "" {
		q, qargs = q+` AND l.shop_id = ?`, append(qargs, shopID)
	}
	var lines []payoutLineRow
	if err := tx.Raw(q+` ORDER BY l.run_id, l.shop_id`, qargs...).Scan(&lines).Error; err != nil {
		return nil, failed("cryptor.loadRuns", err)
	}
	for _, lr := range lines {
		l, err := c.payoutLine(lr)
		if err != nil {
			return nil, failed("cryptor.loadRuns", err)
		}
		i := index[l.RunID]
		runs[i].Lines = append(runs[i].Lines, l)
	}
	return runs, nil
}

// Run loads one run with its lines.
func (s *PayoutStore) Run(ctx context.Context, id string) (payouts.Run, error) {
	return s.c.oneRun(s.db.WithContext(ctx), id, "")
}

func (c cryptor) oneRun(tx *gorm.DB, id, suffix string) (payouts.Run, error) {
	if !validUUID(id) {
		return payouts.Run{}, payouts.ErrNotFound
	}
	runs, err := c.loadRuns(tx, `WHERE r.id = ? `+suffix, []any{id}, "")
	if err != nil {
		return payouts.Run{}, failed("cryptor.oneRun", err)
	}
	if len(runs) == 0 {
		return payouts.Run{}, payouts.ErrNotFound
	}
	return runs[0], nil
}

// Runs lists runs, newest period first, with their lines.
func (s *PayoutStore) Runs(ctx context.Context, limit, offset int) ([]payouts.Run, error) {
	return s.c.loadRuns(s.db.WithContext(ctx), `ORDER BY r.period_start DESC, r.created_at DESC LIMIT ? OFFSET ?`,
		[]any{limit, offset}, "")
}

// ExecutingRuns returns the ids of the runs in status executing.
func (s *PayoutStore) ExecutingRuns(ctx context.Context) ([]string, error) {
	var ids []string
	err := s.db.WithContext(ctx).Raw(`SELECT id::text FROM payout_runs WHERE status = 'executing' ORDER BY created_at`).Scan(&ids).Error
	return ids, failed("PayoutStore.ExecutingRuns", err)
}

// shopVisible is the condition on runs that shops see: those that were executed.
const shopVisible = `r.status IN ('executing', 'executed', 'paid')`

// ShopPayouts lists a shop's lines of executed runs, newest period first.
func (s *PayoutStore) ShopPayouts(ctx context.Context, shopID string, limit, offset int) ([]payouts.ShopPayout, error) {
	if !validUUID(shopID) {
		return nil, nil
	}
	runs, err := s.c.loadRuns(s.db.WithContext(ctx), `WHERE `+shopVisible+` AND EXISTS (SELECT 1 FROM payout_lines l
		WHERE l.run_id = r.id AND l.shop_id = ?) ORDER BY r.period_start DESC LIMIT ? OFFSET ?`, []any{shopID, limit, offset}, shopID)
	return shopPayouts(runs), failed("PayoutStore.ShopPayouts", err)
}

// ShopPayout loads a shop's line of an executed run; payouts.ErrNotFound when there is none.
func (s *PayoutStore) ShopPayout(ctx context.Context, shopID, runID string) (payouts.ShopPayout, error) {
	if !validUUID(shopID) || !validUUID(runID) {
		return payouts.ShopPayout{}, payouts.ErrNotFound
	}
	runs, err := s.c.loadRuns(s.db.WithContext(ctx), `WHERE r.id = ? AND `+shopVisible, []any{runID}, shopID)
	out := shopPayouts(runs)
	if err != nil {
		return payouts.ShopPayout{}, failed("PayoutStore.ShopPayout", err)
	}
	if len(out) == 0 {
		return payouts.ShopPayout{}, payouts.ErrNotFound
	}
	return out[0], nil
}

func shopPayouts(runs []payouts.Run) []payouts.ShopPayout {
	var out []payouts.ShopPayout
	for _, r := range runs {
		if len(r.Lines) == 1 {
			l := r.Lines[0]
			r.Lines = nil
			out = append(out, payouts.ShopPayout{Run: r, Line: l})
		}
	}
	return out
}

// Entries lists a shop's payments and refunds in a block range and its redemptions under ref.
func (s *PayoutStore) Entries(ctx context.Context, addr common.Address, from, to uint64, ref common.Hash) ([]payouts.Entry, error) {
	var rows []struct {
		BlockNumber int64
		BlockTime   time.Time
		TxHash      string
		Kind        string
		AmountCents int64
	}
	err := s.db.WithContext(ctx).Raw(`SELECT block_number, block_time, tx_hash, CASE WHEN event = 'Redeemed' THEN 'redemption'
		WHEN to_address = @a THEN 'payment' ELSE 'refund' END AS kind, amount::bigint AS amount_cents
		FROM token_events WHERE (event = 'Transfer' AND block_number BETWEEN @from AND @to
			AND ((to_address = @a AND from_address IS NOT NULL) OR (from_address = @a AND to_address IS NOT NULL)))
		OR (event = 'Redeemed' AND from_address = @a AND ref = @ref)
		ORDER BY block_number, log_index`, map[string]any{"a": strings.ToLower(addr.Hex()), "from": int64(from), "to": int64(to),
		"ref": ref.Hex()}).Scan(&rows).Error
	out := make([]payouts.Entry, len(rows))
	for i, r := range rows {
		out[i] = payouts.Entry{BlockNumber: uint64(r.BlockNumber), At: r.BlockTime.UTC(), TxHash: common.HexToHash(r.TxHash),
			Kind: r.Kind, AmountCents: r.AmountCents}
	}
	return out, failed("PayoutStore.Entries", err)
}

// InTx runs fn in one transaction.
func (s *PayoutStore) InTx(ctx context.Context, fn func(tx payouts.Tx) error) error {
	return transaction(s.db.WithContext(ctx), "PayoutStore.InTx", func(tx *gorm.DB) error {
		return fn(&payoutTx{idempotencyKeys: idempotencyKeys{tx}, tx: tx, c: s.c})
	})
}
