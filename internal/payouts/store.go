package payouts

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// Holding is what an activated shop holds at a cut-off block, and its coin movements in a block range, as the
// ledger records them. BalanceCents is the sum of its Transfer events up to the cut-off; PendingCents is what
// earlier runs plan to redeem from it and the ledger has not seen burnt by the cut-off. Payments are the
// transfers it received in the range (mints excluded), Refunds the transfers it sent (burns excluded).
type Holding struct {
	ShopID        string
	Address       common.Address
	BusinessName  string
	BalanceCents  int64
	PendingCents  int64
	Payments      int
	GrossCents    int64
	Refunds       int
	RefundedCents int64
	// DetailsVersion is the version of the shop's approved bank details (legal name, KvK, IBAN) that
	// BusinessName belongs to; a change waiting for approval is never read.
	DetailsVersion int
}

// Store is what the service needs from the database. Lookups return ErrNotFound, never a zero value; runs
// come with their lines (business names decrypted), ordered by shop id.
type Store interface {
	// Run loads one run.
	Run(ctx context.Context, id string) (Run, error)
	// Runs lists runs, newest period first.
	Runs(ctx context.Context, limit, offset int) ([]Run, error)
	// ExecutingRuns returns the ids of the runs whose redeems are not all confirmed.
	ExecutingRuns(ctx context.Context) ([]string, error)
	// ShopPayouts lists a shop's lines, newest period first, each with its run (without the run's lines).
	ShopPayouts(ctx context.Context, shopID string, limit, offset int) ([]ShopPayout, error)
	// ShopPayout loads a shop's line of a run that was executed, with the run (without its lines).
	ShopPayout(ctx context.Context, shopID, runID string) (ShopPayout, error)
	// Entries lists, in chain order, the payments to and refunds from addr in blocks [from, to] and the
	// redemptions from addr under the reference ref in any block.
	Entries(ctx context.Context, addr common.Address, from, to uint64, ref common.Hash) ([]Entry, error)
	// InTx runs fn in one transaction: everything fn does through tx commits together or not at all.
	InTx(ctx context.Context, fn func(tx Tx) error) error
}

// Tx is the work that must happen atomically. Lock serialises every change of runs, so checks against
// earlier runs hold until the transaction ends; the schema enforces the same rules again.
type Tx interface {
	// Lock serialises the payout work of every process until the transaction ends.
	Lock() error
	// Cursor returns the indexer's last indexed block; ok is false before the first.
	Cursor() (block uint64, ok bool, err error)
	// LastRun loads the run with the highest cut-off that is not cancelled (without lines); ok is false when
	// there is none.
	LastRun() (run Run, ok bool, err error)
	// LockRun loads a run with its lines and holds its row until the transaction ends.
	LockRun(id string) (Run, error)
	// Holdings returns every activated shop with coins or movements up to cutoff, ordered by shop id.
	Holdings(from, cutoff uint64) ([]Holding, error)
	// CreateRun inserts a draft run with its lines, each with the approved IBAN of its DetailsVersion;
	// ErrRunOpen or ErrPeriodOverlap when the schema refuses it.
	CreateRun(r Run) error
	// SaveRun writes a run's status, report hash and the fields that go with them.
	SaveRun(r Run) error
	// SaveLine writes a line's intent, attempts, redeem and payment fields.
	SaveLine(l Line) error
	// Spendable returns what each address may pay now, in cents, by the definition payments check against
	// (see payments.Tx.Spendable): payouts redeem no more than that.
	Spendable(addrs []common.Address) (map[common.Address]int64, error)
	// IBANs returns the IBANs a run's lines pay to, decrypted, by shop id: the approved version each line
	// recorded when the run was drafted (the shop's approved IBAN for a line drafted before versions were
	// kept); a shop whose IBAN is no longer kept is left out.
	IBANs(runID string) (map[string]string, error)
	// Keys keeps the records of the accounts' Idempotency-Keys.
	idempotency.Keys
	// Enqueue writes a chain intent, or returns the one with the same idempotency key.
	Enqueue(in outbox.Intent) (outbox.Intent, error)
	// Audit appends to the audit log.
	Audit(e audit.Entry) error
	// Notify writes a notice to a person in this transaction, once per account and event key.
	Notify(n notices.Notice) error
}
