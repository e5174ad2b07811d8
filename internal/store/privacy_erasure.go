package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/privacy"
)

// UnderWay counts what the account has under way that erasing it would cut short; privacy.Blockers decides
// what of it blocks the erasure. See privacy.Tx.
func (t *privacyTx) UnderWay(s privacy.Subject) (privacy.UnderWay, error) {
	wallet := s.Wallet
	if wallet == "" {
		wallet = "-"
	}
	var u privacy.UnderWay
	err := t.tx.Raw(`SELECT
		(SELECT count(*) FROM claims WHERE resident_id = @id AND status IN ('claimed', 'submitted', 'needs_info')) AS open_claims,
		(SELECT count(*) FROM claims WHERE resident_id = @id AND status = 'approved') AS minting,
		(SELECT count(*) FROM payment_request_states WHERE (payer_id = @id OR shop_id = @id) AND status = 'submitted') AS paying,
		(SELECT count(*) FROM refund_states WHERE (shop_id = @id OR resident_address = @wallet) AND status = 'submitted') AS refunding,
		(SELECT count(*) FROM payment_request_states WHERE shop_id = @id AND status = 'open') AS open_requests,
		(SELECT count(*) FROM payout_lines WHERE shop_id = @id AND paid_on IS NULL) AS unpaid,
		COALESCE((SELECT balance FROM token_balances WHERE address = @wallet), 0)::bigint AS balance_cents,
		(SELECT count(*) FROM key_recoveries WHERE account_id = @id
			AND status IN ('asked', 'verified', 'approved', 'cancelling')) AS recoveries`,
		map[string]any{"id": s.ID, "wallet": wallet}).Scan(&u).Error
	return u, failed("privacyTx.UnderWay", err)
}

// RemoveAccount erases a resident (or a shop that was never approved). See privacy.Tx.
func (t *privacyTx) RemoveAccount(s privacy.Subject) (privacy.Erased, error) {
	e := privacy.Erased{Rows: map[string]int64{}}
	if err := t.tx.Raw(`SELECT p.file_name FROM claim_photos p JOIN claims c ON c.id = p.claim_id WHERE c.resident_id = ?`,
		s.ID).Scan(&e.Files).Error; err != nil {
		return e, failed("privacyTx.RemoveAccount", err)
	}
	steps := []struct{ table, sql string }{
		{"claim_photos", `DELETE FROM claim_photos WHERE claim_id IN (SELECT id FROM claims WHERE resident_id = @id)`},
		{"claims", `UPDATE claims SET note = '', info_request = '',
			reject_reason = CASE WHEN status = 'rejected' THEN 'erased' ELSE '' END WHERE resident_id = @id`},
		{"refunds", `UPDATE refunds SET reason = 'erased' WHERE resident_address = @wallet`},
		{"privacy_requests", `UPDATE privacy_requests SET details = '' WHERE account_id = @id`},
		{"login_failures", `DELETE FROM login_failures WHERE username_key = @key`},
	}
	if err := t.run(steps, s, e.Rows); err != nil {
		return e, failed("privacyTx.RemoveAccount", err)
	}
	if err := repoint(t.tx, s.ID, e.Rows); err != nil {
		return e, failed("privacyTx.RemoveAccount", err)
	}
	res := t.tx.Exec(`DELETE FROM accounts WHERE id = ?`, s.ID)
	e.Rows["accounts"] = res.RowsAffected
	e.Kept = []string{"claims and payments: amounts, dates and chain references, under the erased stand-in account",
		"the chain address's pseudonymous coin history in the ledger, with no account attached",
		"audit log entries naming the account id, until the audit log's retention ends"}
	return e, failed("privacyTx.RemoveAccount", res.Error)
}

// AnonymiseShop erases an approved shop's person-related data and keeps its business bookkeeping. See
// privacy.Tx.
func (t *privacyTx) AnonymiseShop(s privacy.Subject) (privacy.Erased, error) {
	e := privacy.Erased{Rows: map[string]int64{}}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return e, failed("privacyTx.AnonymiseShop", err)
	}
	address, err := t.c.seal("shops", "address_enc", s.ID, "erased")
	if err != nil {
		return e, failed("privacyTx.AnonymiseShop", err)
	}
	steps := []struct{ table, sql string }{
		{"accounts", `UPDATE accounts SET username = @username, password_hash = '!', email_enc = NULL, email_lookup = NULL,
			phone_enc = NULL, phone_lookup = NULL, status = 'erased', notice_version = NULL, updated_at = now() WHERE id = @id`},
		{"shops", `UPDATE shops SET contact_name_enc = NULL, address_enc = @address, private_key_enc = NULL WHERE account_id = @id`},
		{"sessions", `DELETE FROM sessions WHERE account_id = @id`},
		{"wallet_challenges", `DELETE FROM wallet_challenges WHERE account_id = @id`},
		{"idempotency_keys", `DELETE FROM idempotency_keys WHERE account_id = @id`},
		{"consents", `DELETE FROM consents WHERE account_id = @id`},
		{"restrictions", `DELETE FROM restrictions WHERE account_id = @id`},
		{"notices", `DELETE FROM notices WHERE account_id = @id`},
		{"notice_settings", `DELETE FROM notice_settings WHERE account_id = @id`},
		{"push_subscriptions", `DELETE FROM push_subscriptions WHERE account_id = @id`},
		{"privacy_requests", `UPDATE privacy_requests SET details = '' WHERE account_id = @id`},
		{"login_failures", `DELETE FROM login_failures WHERE username_key = @key`},
		// Bank details that never became the shop's (waiting, refused, superseded) are no bookkeeping.
		{"shop_detail_changes", `DELETE FROM shop_detail_changes WHERE shop_id = @id AND status <> 'approved'`},
		// A suspension's dates and chain intents are kept; its reasons, free text about the shop, are not.
		{"account_suspensions", `UPDATE account_suspensions SET reason = 'erased',
			reinstate_reason = CASE WHEN reinstated_at IS NULL THEN '' ELSE 'erased' END WHERE account_id = @id`},
	}
	err = t.runWith(steps, s, e.Rows, map[string]any{"username": "erased-" + hex.EncodeToString(b), "address": address})
	e.Kept = []string{"the legal name, KvK number and IBAN (each approved version), payments, refunds and payouts: the bookkeeping, until its retention ends",
		"the shop's chain address and its coin history"}
	return e, failed("privacyTx.AnonymiseShop", err)
}

func (t *privacyTx) run(steps []struct{ table, sql string }, s privacy.Subject, rows map[string]int64) error {
	return failed("privacyTx.run", t.runWith(steps, s, rows, nil))
}

func (t *privacyTx) runWith(steps []struct{ table, sql string }, s privacy.Subject, rows map[string]int64, extra map[string]any) error {
	wallet := s.Wallet
	if wallet == "" {
		wallet = "-"
	}
	args := map[string]any{"id": s.ID, "wallet": wallet, "key": t.c.hash("login-username", s.Username)}
	for k, v := range extra {
		args[k] = v
	}
	for _, st := range steps {
		res := t.tx.Exec(st.sql, args)
		if res.Error != nil {
			return fmt.Errorf("erasing from %s: %w", st.table, res.Error)
		}
		rows[st.table] += res.RowsAffected
	}
	return nil
}

// repoint moves every row that refers to the account through a foreign key without ON DELETE CASCADE to
// the erased stand-in, so the account row can go. The foreign keys are read from the catalogue, so a table
// added later is covered too.
func repoint(tx *gorm.DB, id string, rows map[string]int64) error {
	var refs []struct{ Tbl, Col string }
	if err := tx.Raw(`SELECT cl.relname AS tbl, att.attname AS col
		FROM pg_constraint con
		JOIN pg_class cl ON cl.oid = con.conrelid
		JOIN pg_namespace ns ON ns.oid = cl.relnamespace AND ns.nspname = current_schema()
		JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
		WHERE con.contype = 'f' AND con.confrelid = 'accounts'::regclass AND con.confdeltype <> 'c'
		AND cardinality(con.conkey) = 1 ORDER BY 1, 2`).Scan(&refs).Error; err != nil {
		return failed("repoint", err)
	}
	for _, r := range refs {
		res := tx.Exec(fmt.Sprintf(`UPDATE %s SET %s = ? WHERE %s = ?`, pgx.Identifier{r.Tbl}.Sanitize(),
			pgx.Identifier{r.Col}.Sanitize(), pgx.Identifier{r.Col}.Sanitize()), privacy.ErasedAccountID, id)
		if res.Error != nil {
			return fmt.Errorf("moving %s.%s to the erased account: %w", r.Tbl, r.Col, res.Error)
		}
		rows[r.Tbl] += res.RowsAffected
	}
	return nil
}
