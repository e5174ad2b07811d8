package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/payments"
)

// Pay runs a payment's transaction in two round trips to the database (see payments.Store). The first
// sends BEGIN, the account's advisory lock and the request's row lock (one statement), and the read of the
// request and the checks' facts (one statement) in one pipeline; each statement takes its own snapshot (READ
// COMMITTED), so the read, which comes after both locks, sees every payment of the account and every change
// of the request committed before. The second sends the writes, one statement, with the COMMIT. A refusal
// of decide, or nothing to write (a replay), costs a third: the ROLLBACK.
func (s *PaymentStore) Pay(ctx context.Context, accountID, key, requestID string,
	decide func(payments.PayFacts) (*payments.PayWrite, error)) error {
	pool, err := s.db.DB()
	if err != nil {
		return failed("PaymentStore.Pay", err)
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return failed("PaymentStore.Pay", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return failed("PaymentStore.Pay", fmt.Errorf("a connection of %T, not pgx's", dc))
		}
		pc := c.Conn()
		err := s.payTx(ctx, pc, accountID, key, requestID, decide)
		if pc.PgConn().TxStatus() != 'I' {
			// An error or a refusal left the transaction open: end it, or drop the connection.
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if _, rerr := pc.Exec(rctx, "rollback"); rerr != nil {
				pc.Close(rctx)
			}
		}
		return err
	})
}

// payFactsSQL reads, in one statement, what a payment's checks need: the record under the Idempotency-Key
// ($1 account, $2 key), the account's bound address, whether the ledger has seen that address use the
// request's nonce, what the address may spend (holdingsSQL, the one definition, for the account's address),
// the id the relay intent will get, and the request ($3, NULL when its id is malformed; its columns are
// NULL when there is no such request).
var payFactsSQL = `SELECT k.request_hash, k.resource, k.intent_id, w.wallet_address,
	EXISTS (SELECT 1 FROM token_events e WHERE e.event = 'AuthorizationUsed' AND e.from_address = w.wallet_address
		AND e.auth_nonce = v.auth_nonce) AS nonce_used,
	(SELECT h.spendable FROM (` + strings.ReplaceAll(holdingsSQL, "CAST(@addrs AS text[])",
	"ARRAY(SELECT wallet_address FROM accounts WHERE id = $1 AND wallet_address IS NOT NULL)") + `) AS h) AS spendable,
	nextval('chain_intents_id_seq') AS next_intent, ` + requestColumns + `
FROM (SELECT 1) AS one
LEFT JOIN idempotency_keys k ON k.account_id = $1 AND k.key = $2
LEFT JOIN accounts w ON w.id = $1 AND w.wallet_address IS NOT NULL
LEFT JOIN payment_request_states v ON v.id = $3`

// payWriteSQL marks the request paid, writes the relay intent under the id the facts reserved, and keeps
// the Idempotency-Key, in one statement. It answers 1 when it wrote all three, and 0 when the request was
// paid or cancelled meanwhile (which the row lock rules out): then nothing is written, since the intent and
// the key are written for each request marked, and Postgres runs every data-modifying part of a statement
// whether or not the final SELECT reads it.
const payWriteSQL = `WITH paid AS (
	UPDATE payment_requests SET payer_id = $1, payer_address = $2, signature = $3, intent_id = $4, submitted_at = $5
	WHERE id = $6 AND intent_id IS NULL AND cancelled_at IS NULL RETURNING id),
intent AS (
	INSERT INTO chain_intents (id, signer, kind, idempotency_key, args, status)
	SELECT $4, $7, $8, $9, $10, 'queued' FROM paid RETURNING id),
kept AS (
	INSERT INTO idempotency_keys (account_id, key, request_hash, resource, intent_id)
	SELECT $1, $11, $12, $13, $4 FROM paid RETURNING 1)
SELECT count(*) FROM kept`

func (s *PaymentStore) payTx(ctx context.Context, c *pgx.Conn, accountID, key, requestID string,
	decide func(payments.PayFacts) (*payments.PayWrite, error)) error {
	var reqID any // NULL for a malformed id, which matches no request
	if validUUID(requestID) {
		reqID = requestID
	}
	b := &pgx.Batch{}
	b.Queue("begin")
	// The statements' plans do not depend on the values (keys and one address), and planning the facts'
	// statement anew each time cost more than running it.
	b.Queue("SET LOCAL plan_cache_mode = force_generic_plan")
	// The account's lock, then the request's: a target list is evaluated in order, and the sub-select runs
	// when its value is first needed, after the account's lock is held.
	b.Queue(`SELECT pg_advisory_xact_lock($1, hashtext($2)), (SELECT 1 FROM payment_requests WHERE id = $3 FOR UPDATE)`,
		paymentsLockSpace, accountID, reqID)
	b.Queue(payFactsSQL, accountID, key, reqID)
	f, err := s.readPayFacts(c.SendBatch(ctx, b), accountID, key)
	if err != nil {
		return failed("PaymentStore.Pay: read", err)
	}
	w, err := decide(f)
	if err != nil || w == nil {
		return err
	}
	args, err := json.Marshal(w.Intent.Args)
	if err != nil {
		return failed("PaymentStore.Pay: write", err)
	}
	r := w.Request
	wb := &pgx.Batch{}
	wb.Queue(payWriteSQL, r.PayerID, lowerHex(r.PayerAddress), w.Signature, f.IntentID, r.SubmittedAt, r.ID,
		string(w.Intent.Signer), string(w.Intent.Kind), w.Intent.IdempotencyKey, string(args),
		w.Idempotency.Key, w.Idempotency.RequestHash, w.Idempotency.Resource)
	wb.Queue("commit")
	res := c.SendBatch(ctx, wb)
	var written int
	err = res.QueryRow().Scan(&written)
	if cerr := res.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return failed("PaymentStore.Pay: write", err)
	}
	if written == 1 {
		return nil
	}
	// Paid or cancelled by someone else after all; the commit wrote nothing.
	var cancelled bool
	if err := c.QueryRow(ctx, `SELECT cancelled_at IS NOT NULL FROM payment_requests WHERE id = $1`, r.ID).Scan(&cancelled); err != nil {
		return failed("PaymentStore.Pay", err)
	}
	if cancelled {
		return payments.ErrRequestCancelled
	}
	return payments.ErrAlreadyPaid
}

// readPayFacts reads the results of the first pipeline in the order payTx queued them.
func (s *PaymentStore) readPayFacts(res pgx.BatchResults, accountID, key string) (f payments.PayFacts, err error) {
	defer func() {
		if cerr := res.Close(); err == nil {
			err = cerr
		}
	}()
	for range 3 { // begin, the plans, the locks
		if _, err := res.Exec(); err != nil {
			return f, err
		}
	}
	var (
		hash      []byte
		resource  *string
		intentID  *int64
		wallet    *string
		spendable *int64
		// The request's columns that are NULL only when there is no request.
		row                                                   requestRow
		id, shopID, shopAddress, reference, authNonce, status *string
		amount, validAfter, validBefore                       *int64
		createdAt, expiresAt                                  *time.Time
	)
	if err := res.QueryRow().Scan(&hash, &resource, &intentID, &wallet, &f.NonceUsed, &spendable, &f.IntentID,
		&id, &shopID, &shopAddress, &amount, &reference, &authNonce, &validAfter, &validBefore, &createdAt, &expiresAt,
		&row.PayerID, &row.PayerAddress, &row.IntentID, &row.SubmittedAt, &status, &row.TxHash, &row.BlockNumber,
		&row.Failure, &row.DoneAt, &row.CancelledAt); err != nil {
		return f, err
	}
	if resource != nil {
		f.Replay = &idempotency.Record{AccountID: accountID, Key: key, RequestHash: hash, Resource: *resource}
		if intentID != nil {
			f.Replay.IntentID = *intentID
		}
	}
	if wallet != nil {
		f.Payer = common.HexToAddress(*wallet)
	}
	if spendable != nil {
		f.Spendable = *spendable
	}
	if id == nil {
		return f, nil
	}
	row.ID, row.ShopID, row.ShopAddress, row.AmountCents, row.Reference, row.AuthNonce = *id, *shopID, *shopAddress,
		*amount, *reference, *authNonce
	row.ValidAfter, row.ValidBefore, row.CreatedAt, row.ExpiresAt, row.Status = *validAfter, *validBefore, *createdAt,
		*expiresAt, *status
	f.Request, err = s.c.request(row)
	f.Found = err == nil
	return f, err
}
