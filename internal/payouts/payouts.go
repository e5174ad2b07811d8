// Package payouts settles with the shops: finance closes a period, the coins every activated shop holds at
// the run's cut-off block are redeemed (burnt) on chain through the outbox, and the shops are paid the same
// amount in euros by SEPA credit transfer. It writes the consolidated report (CSV) and the bank file
// (pain.001.001.03), and lets shops read their payouts and statements. Amounts are in cents; one coin is
// one euro. Nothing here names a resident: the figures come from the ledger and the shops' own records.
package payouts

import (
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/validation"
)

// Status is where a run is. A draft is reviewed, then executed: executing writes the redeems, executed means
// every redeem is confirmed on chain, paid means every line's bank transfer is recorded. Only a draft can be
// cancelled; a cancelled run redeemed nothing.
type Status string

// The run statuses.
const (
	StatusDraft     Status = "draft"
	StatusExecuting Status = "executing"
	StatusExecuted  Status = "executed"
	StatusPaid      Status = "paid"
	StatusCancelled Status = "cancelled"
)

// Open reports whether a run in this status blocks a new one.
func (s Status) Open() bool { return s == StatusDraft || s == StatusExecuting }

// LineStatus is where one shop's line is: planned in a draft, redeeming while its redeem is on its way,
// redeemed once confirmed, failed when the redeem reverted on chain (it is tried again) and paid once the
// bank transfer is recorded.
type LineStatus string

// The line statuses.
const (
	LinePlanned   LineStatus = "planned"
	LineRedeeming LineStatus = "redeeming"
	LineRedeemed  LineStatus = "redeemed"
	LineFailed    LineStatus = "failed"
	LinePaid      LineStatus = "paid"
)

// Run is one payout run. PeriodStart and PeriodEnd are calendar dates (midnight UTC). The run covers the
// ledger's blocks FromBlock..CutoffBlock: the report's figures are the shops' coin movements in those blocks,
// and each line redeems what its shop held at CutoffBlock. Ref is the opaque reference of the redeems on
// chain; Reference is the short text the report and the bank file carry.
type Run struct {
	ID           string
	PeriodStart  time.Time
	PeriodEnd    time.Time
	FromBlock    uint64
	CutoffBlock  uint64
	Ref          common.Hash
	Reference    string
	Status       Status
	ReportSHA256 []byte
	CreatedBy    string
	CreatedAt    time.Time
	ExecutedBy   string
	// ExecuteStartedAt is when execution wrote the redeems; ExecutedAt when the last was confirmed, and
	// SettledBlock the highest block of the run's redeems.
	ExecuteStartedAt *time.Time
	ExecutedAt       *time.Time
	SettledBlock     uint64
	CancelledBy      string
	CancelledAt      *time.Time
	// Lines are ordered by shop id.
	Lines []Line
}

// Line is one shop's share of a run. AmountCents is both the coins redeemed and the euros to pay.
// BusinessName is the shop's legal name as it was when the line was made.
type Line struct {
	ID            string
	RunID         string
	ShopID        string
	ShopAddress   common.Address
	BusinessName  string
	Payments      int
	GrossCents    int64
	Refunds       int
	RefundedCents int64
	AmountCents   int64
	// DetailsVersion is the version of the shop's approved bank details the line pays to (the one current
	// when the run was drafted); 0 for a line drafted before versions were kept, which pays the current one.
	DetailsVersion int
	// The current redeem intent and what the sender recorded of it; Attempts counts the intents written.
	IntentID     int64
	Attempts     int
	IntentStatus outbox.Status
	IntentError  string
	IntentBlock  uint64
	IntentTx     common.Hash
	// Set once the redeem is confirmed.
	RedeemedBlock uint64
	RedeemTx      common.Hash
	// Set once finance records the bank transfer.
	PaidOn        *time.Time
	BankReference string
	PaidBy        string
	PaidAt        *time.Time
}

// NetCents is the gross takings less the refunds.
func (l Line) NetCents() int64 { return l.GrossCents - l.RefundedCents }

// Status derives the line's status.
func (l Line) Status() LineStatus {
	switch {
	case l.PaidOn != nil:
		return LinePaid
	case l.RedeemedBlock != 0:
		return LineRedeemed
	case l.IntentID == 0:
		return LinePlanned
	case l.IntentStatus == outbox.StatusFailed:
		return LineFailed
	}
	return LineRedeeming
}

// Totals adds up a run's lines.
type Totals struct {
	Lines         int
	Payments      int
	GrossCents    int64
	Refunds       int
	RefundedCents int64
	NetCents      int64
	AmountCents   int64
	PaidCents     int64
}

// Totals returns the sums over the run's lines.
func (r Run) Totals() Totals {
	var t Totals
	for _, l := range r.Lines {
		t.Lines++
		t.Payments += l.Payments
		t.GrossCents += l.GrossCents
		t.Refunds += l.Refunds
		t.RefundedCents += l.RefundedCents
		t.NetCents += l.NetCents()
		t.AmountCents += l.AmountCents
		if l.PaidOn != nil {
			t.PaidCents += l.AmountCents
		}
	}
	return t
}

// The errors of this package; the API maps each to a status and a stable code.
var (
	ErrNotFound            = errors.New("payouts: not found")
	ErrForbidden           = errors.New("payouts: not allowed")
	ErrRunOpen             = errors.New("payouts: another run is still open")
	ErrPeriodOverlap       = errors.New("payouts: the period overlaps a run's period")
	ErrCutoff              = errors.New("payouts: the cut-off block is not usable")
	ErrIndexerBehind       = errors.New("payouts: the indexer has not reached the last run's redeems yet")
	ErrNothingToPay        = errors.New("payouts: no activated shop holds coins at the cut-off")
	ErrAlreadyExecuted     = errors.New("payouts: the run was already executed")
	ErrRunState            = errors.New("payouts: the run is not in a state that allows this")
	ErrNotExecuted         = errors.New("payouts: the run's redeems are not all confirmed yet")
	ErrBalanceChanged      = errors.New("payouts: a shop holds fewer coins than its line redeems")
	ErrAlreadyPaid         = errors.New("payouts: the line is already marked paid")
	ErrReportMismatch      = errors.New("payouts: the report no longer matches the hash stored with the run")
	ErrBankFileDisabled    = errors.New("payouts: no debtor account is configured for the bank file")
	ErrIBANNotKept         = errors.New("payouts: a shop's IBAN is no longer kept")
	ErrIdempotencyConflict = idempotency.ErrConflict
	errInconsistentLedger  = errors.New("payouts: earlier runs plan more coins than a shop holds")
)

// ValidationError is bad input in one field (internal/validation). Nothing was changed.
type ValidationError = validation.Error

func invalid(field, msg string) error { return validation.Invalid("payouts", field, msg) }
