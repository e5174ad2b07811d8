package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// OutboxStore keeps the chain intents. It implements outbox.Store.
type OutboxStore struct {
	db *gorm.DB
	// sql is the pool, for the dedicated connections that hold key locks.
	sql *sql.DB
}

var _ outbox.Store = (*OutboxStore)(nil)

// Outbox returns the outbox store on this database.
func (db *DB) Outbox() *OutboxStore { return &OutboxStore{db: db.gorm, sql: db.sql} }

type intentRow struct {
	ID             int64 `gorm:"primaryKey"`
	Signer         string
	Kind           string
	IdempotencyKey string
	Args           []byte `gorm:"type:jsonb"`
	Status         string
	Nonce          *int64
	TxHash         *string
	PriorTxHashes  []byte `gorm:"type:jsonb"`
	RawTx          []byte
	BlockNumber    *int64
	Error          string
	Attempts       int
	CreatedAt      time.Time
	SentAt         *time.Time
	DoneAt         *time.Time
}

func (intentRow) TableName() string { return "chain_intents" }

func (r intentRow) intent() (outbox.Intent, error) {
	in := outbox.Intent{
		ID: r.ID, Signer: outbox.Signer(r.Signer), Kind: outbox.Kind(r.Kind), IdempotencyKey: r.IdempotencyKey,
		Status: outbox.Status(r.Status), RawTx: r.RawTx, Error: r.Error, Attempts: r.Attempts, CreatedAt: r.CreatedAt,
	}
	if err := json.Unmarshal(r.Args, &in.Args); err != nil {
		return in, fmt.Errorf("intent %d: bad args: %w", r.ID, err)
	}
	if r.Nonce != nil {
		n := uint64(*r.Nonce)
		in.Nonce = &n
	}
	if r.TxHash != nil {
		in.TxHash = common.HexToHash(*r.TxHash)
	}
	if len(r.PriorTxHashes) > 0 {
		if err := json.Unmarshal(r.PriorTxHashes, &in.PriorTxHashes); err != nil {
			return in, fmt.Errorf("intent %d: bad prior_tx_hashes: %w", r.ID, err)
		}
	}
	if r.BlockNumber != nil {
		in.BlockNumber = uint64(*r.BlockNumber)
	}
	if r.SentAt != nil {
		in.SentAt = *r.SentAt
	}
	if r.DoneAt != nil {
		in.DoneAt = *r.DoneAt
	}
	return in, nil
}

// Enqueue inserts the intent, or returns the one already stored under its idempotency key. Use EnqueueTx to
// write it inside a business transaction.
func (s *OutboxStore) Enqueue(ctx context.Context, in outbox.Intent) (outbox.Intent, error) {
	return enqueue(s.db.WithContext(ctx), in)
}

// EnqueueTx is Enqueue inside the caller's transaction tx: the intent commits or rolls back with the
// business change that causes it.
func EnqueueTx(tx *gorm.DB, in outbox.Intent) (outbox.Intent, error) { return enqueue(tx, in) }

func enqueue(tx *gorm.DB, in outbox.Intent) (outbox.Intent, error) {
	if in.Signer == "" || in.Kind == "" || in.IdempotencyKey == "" {
		return outbox.Intent{}, errors.New("outbox: intent needs a signer, a kind and an idempotency key")
	}
	args, err := json.Marshal(in.Args)
	if err != nil {
		return outbox.Intent{}, failed("enqueue", err)
	}
	var rows []intentRow
	if err := tx.Raw(`INSERT INTO chain_intents (signer, kind, idempotency_key, args, status) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
		in.Signer, string(in.Kind), in.IdempotencyKey, args, string(outbox.StatusQueued)).Scan(&rows).Error; err != nil {
		return outbox.Intent{}, failed("enqueue", err)
	}
	if len(rows) == 1 {
		return rows[0].intent()
	}
	var got intentRow
	if err := tx.Where("idempotency_key = ?", in.IdempotencyKey).Take(&got).Error; err != nil {
		return outbox.Intent{}, failed("enqueue", err)
	}
	return got.intent()
}

// ByIdempotencyKey finds an intent; outbox.ErrNotFound when there is none.
func (s *OutboxStore) ByIdempotencyKey(ctx context.Context, key string) (outbox.Intent, error) {
	var row intentRow
	err := s.db.WithContext(ctx).Where("idempotency_key = ?", key).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return outbox.Intent{}, outbox.ErrNotFound
	}
	if err != nil {
		return outbox.Intent{}, failed("OutboxStore.ByIdempotencyKey", err)
	}
	return row.intent()
}

// Lock takes a session-level advisory lock for the key on a dedicated connection. Postgres drops the lock
// when the connection ends, so a killed process frees its keys at once.
func (s *OutboxStore) Lock(ctx context.Context, signer outbox.Signer) (func(), error) {
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return nil, failed("OutboxStore.Lock", err)
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, $2)`, lockSpace, lockID(signer)).Scan(&ok); err != nil {
		conn.Close()
		return nil, failed("OutboxStore.Lock", err)
	}
	if !ok {
		conn.Close()
		return nil, outbox.ErrLockHeld
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, $2)`, lockSpace, lockID(signer))
		conn.Close()
	}, nil
}

// lockSpace is the first half of the advisory lock key for signing keys.
const lockSpace = 6411

func lockID(signer outbox.Signer) int32 {
	h := fnv.New32a()
	h.Write([]byte(signer))
	return int32(h.Sum32())
}

// RegisterKey records the key's address (refusing a different address under a known name) and returns its
// next nonce.
func (s *OutboxStore) RegisterKey(ctx context.Context, signer outbox.Signer, addr common.Address) (uint64, error) {
	a := strings.ToLower(addr.Hex())
	db := s.db.WithContext(ctx)
	if err := db.Exec(`INSERT INTO chain_keys (signer, address) VALUES (?, ?) ON CONFLICT (signer) DO NOTHING`, signer, a).Error; err != nil {
		if isUniqueViolation(err) {
			return 0, fmt.Errorf("%w: address %s is already registered under another signer name", outbox.ErrKeyMismatch, a)
		}
		return 0, failed("OutboxStore.RegisterKey", err)
	}
	var row struct {
		Address   string
		NextNonce int64
	}
	if err := db.Raw(`SELECT address, next_nonce FROM chain_keys WHERE signer = ?`, signer).Scan(&row).Error; err != nil {
		return 0, failed("OutboxStore.RegisterKey", err)
	}
	if row.Address != a {
		return 0, fmt.Errorf("%w: signer %q is registered with address %s, not %s", outbox.ErrKeyMismatch, signer, row.Address, a)
	}
	return uint64(row.NextNonce), nil
}

// SetNextNonce moves the key's next nonce forward; it never moves it back.
func (s *OutboxStore) SetNextNonce(ctx context.Context, signer outbox.Signer, next uint64) error {
	return failed("OutboxStore.SetNextNonce", s.db.WithContext(ctx).Exec(`UPDATE chain_keys SET next_nonce = GREATEST(next_nonce, ?) WHERE signer = ?`,
		int64(next), signer).Error)
}

// Queued returns up to limit queued intents, oldest first.
func (s *OutboxStore) Queued(ctx context.Context, signer outbox.Signer, limit int) ([]outbox.Intent, error) {
	var rows []intentRow
	// 'queued' is written in the SQL, not sent as a value, so that a plan made once for any signer can use the
	// queue's partial index: with the status as a value Postgres planned the poll anew each time, which cost
	// more than running it.
	err := s.db.WithContext(ctx).Where("signer = ? AND status = 'queued' AND (retry_at IS NULL OR retry_at <= now())",
		signer).Order("id").Limit(limit).Find(&rows).Error
	return intents(rows, failed("OutboxStore.Queued", err))
}

// InFlight returns the sent intents, lowest nonce first.
func (s *OutboxStore) InFlight(ctx context.Context, signer outbox.Signer) ([]outbox.Intent, error) {
	var rows []intentRow
	err := s.db.WithContext(ctx).Where("signer = ? AND status = ?", signer, outbox.StatusSent).
		Order("nonce").Find(&rows).Error
	return intents(rows, failed("OutboxStore.InFlight", err))
}

func intents(rows []intentRow, err error) ([]outbox.Intent, error) {
	if err != nil {
		return nil, err
	}
	out := make([]outbox.Intent, 0, len(rows))
	for _, r := range rows {
		in, err := r.intent()
		if err != nil {
			return nil, failed("intents", err)
		}
		out = append(out, in)
	}
	return out, nil
}

// AssignNonces stores the signed transactions and the key's next nonce in one transaction, with one
// UPDATE for the whole batch. It fails, changing nothing, when an intent is no longer queued or a nonce is
// taken.
func (s *OutboxStore) AssignNonces(ctx context.Context, signer outbox.Signer, signed []outbox.Signed, next uint64) error {
	if len(signed) == 0 {
		return nil
	}
	ids := make([]int64, len(signed))
	nonces := make([]int64, len(signed))
	hashes := make([]string, len(signed))
	raws := make([][]byte, len(signed))
	for i, sg := range signed {
		ids[i], nonces[i], hashes[i], raws[i] = sg.IntentID, int64(sg.Nonce), sg.TxHash.Hex(), sg.RawTx
	}
	return transaction(s.db.WithContext(ctx), "OutboxStore.AssignNonces", func(tx *gorm.DB) error {
		res := tx.Exec(`UPDATE chain_intents AS i
			SET status = 'sent', nonce = v.nonce, tx_hash = v.tx_hash, raw_tx = v.raw_tx, sent_at = now(), attempts = i.attempts + 1
			FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bytea[]) AS v(id, nonce, tx_hash, raw_tx)
			WHERE i.id = v.id AND i.signer = ? AND i.status = 'queued'`,
			pgArray(ids), pgArray(nonces), pgArray(hashes), pgArray(raws), signer)
		if res.Error != nil {
			return failed("OutboxStore.AssignNonces", res.Error)
		}
		if res.RowsAffected != int64(len(signed)) {
			return fmt.Errorf("outbox: %d of %d intents are no longer queued", int64(len(signed))-res.RowsAffected, len(signed))
		}
		return failed("OutboxStore.AssignNonces", tx.Exec(`UPDATE chain_keys SET next_nonce = ? WHERE signer = ?`, int64(next), signer).Error)
	})
}

// Replace records a replacement transaction for the same nonce, keeping the previous hash.
func (s *OutboxStore) Replace(ctx context.Context, id int64, txHash common.Hash, raw []byte) error {
	return failed("OutboxStore.Replace", s.db.WithContext(ctx).Exec(`UPDATE chain_intents SET prior_tx_hashes = prior_tx_hashes || to_jsonb(tx_hash),
		tx_hash = ?, raw_tx = ?, sent_at = now(), attempts = attempts + 1 WHERE id = ? AND status = 'sent'`,
		txHash.Hex(), raw, id).Error)
}

// Postpone keeps a queued intent out of the queue until until.
func (s *OutboxStore) Postpone(ctx context.Context, id int64, reason string, until time.Time) error {
	return failed("OutboxStore.Postpone", s.db.WithContext(ctx).Exec(`UPDATE chain_intents SET retry_at = ?, error = ?, attempts = attempts + 1
		WHERE id = ? AND status = 'queued'`, until.UTC(), reason, id).Error)
}

// Requeue puts an in-flight intent back in the queue, without nonce or transaction.
func (s *OutboxStore) Requeue(ctx context.Context, id int64, reason string) error {
	return failed("OutboxStore.Requeue", s.db.WithContext(ctx).Exec(`UPDATE chain_intents SET status = 'queued', nonce = NULL, tx_hash = NULL,
		prior_tx_hashes = '[]', raw_tx = NULL, error = ? WHERE id = ? AND status = 'sent'`, reason, id).Error)
}

// Finish records final outcomes with one UPDATE; intents already final are left as they are. An outcome
// without a transaction hash keeps the intent's hash and block. In the same statement a confirmed refund
// writes the resident who paid its notice (notices.KindPaymentRefunded): the coins are back then.
func (s *OutboxStore) Finish(ctx context.Context, outcomes []outbox.Outcome) error {
	if len(outcomes) == 0 {
		return nil
	}
	ids := make([]int64, len(outcomes))
	statuses := make([]string, len(outcomes))
	errs := make([]string, len(outcomes))
	hashes := make([]string, len(outcomes))
	blocks := make([]int64, len(outcomes))
	for i, o := range outcomes {
		ids[i], statuses[i], errs[i] = o.IntentID, string(o.Status), o.Error
		if o.TxHash != (common.Hash{}) {
			hashes[i], blocks[i] = o.TxHash.Hex(), int64(o.BlockNumber)
		}
	}
	return failed("OutboxStore.Finish", s.db.WithContext(ctx).Exec(`WITH done AS (
			UPDATE chain_intents AS i
			SET status = v.status, error = v.error, done_at = now(),
				tx_hash = CASE WHEN v.tx_hash = '' THEN i.tx_hash ELSE v.tx_hash END,
				block_number = CASE WHEN v.tx_hash = '' THEN i.block_number ELSE v.block_number END
			FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS v(id, status, error, tx_hash, block_number)
			WHERE i.id = v.id AND i.status IN ('queued', 'sent')
			RETURNING i.id, i.status
		)
		INSERT INTO notices (account_id, kind, event_key, params)
		SELECT p.payer_id, ?, 'refund:' || r.id, jsonb_build_object('amount_cents', r.amount_cents::text,
			'payment_cents', p.amount_cents::text, 'paid_on', to_char(p.submitted_at AT TIME ZONE ?, 'YYYY-MM-DD'),
			'reason', r.reason)
		FROM done JOIN refunds r ON r.intent_id = done.id JOIN payment_requests p ON p.id = r.payment_id
		JOIN accounts a ON a.id = p.payer_id AND a.status <> 'erased'
		WHERE done.status = 'confirmed'
		ON CONFLICT (account_id, event_key) DO NOTHING`,
		pgArray(ids), pgArray(statuses), pgArray(errs), pgArray(hashes), pgArray(blocks), string(notices.KindPaymentRefunded),
		calendar.ZoneName).Error)
}

// Touch counts a rebroadcast.
func (s *OutboxStore) Touch(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return failed("OutboxStore.Touch", s.db.WithContext(ctx).Exec(`UPDATE chain_intents SET attempts = attempts + 1, sent_at = now() WHERE id IN ?`, ids).Error)
}

// Counts returns how many intents are in each status.
func (s *OutboxStore) Counts(ctx context.Context) (map[outbox.Status]int64, error) {
	var rows []struct {
		Status string
		N      int64
	}
	if err := s.db.WithContext(ctx).Raw(`SELECT status, count(*) AS n FROM chain_intents GROUP BY status`).Scan(&rows).Error; err != nil {
		return nil, failed("OutboxStore.Counts", err)
	}
	out := map[outbox.Status]int64{}
	for _, r := range rows {
		out[outbox.Status(r.Status)] = r.N
	}
	return out, nil
}
