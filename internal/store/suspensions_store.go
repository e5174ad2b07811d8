package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/privacy"
)

// suspensionRow is a row of account_suspensions with the statuses of its two intents.
type suspensionRow struct {
	ID, AccountID, SuspendedBy, Reason string
	SuspendedAt                        time.Time
	RevokeIntentID, GrantIntentID      *int64
	ReinstatedAt                       *time.Time
	ReinstatedBy                       *string
	ReinstateReason                    string
	RevokeStatus, GrantStatus          *string
}

func (r suspensionRow) suspension() accounts.Suspension {
	s := accounts.Suspension{ID: r.ID, AccountID: r.AccountID, SuspendedAt: r.SuspendedAt, SuspendedBy: r.SuspendedBy,
		Reason: r.Reason, ReinstatedAt: r.ReinstatedAt, ReinstateReason: r.ReinstateReason}
	if r.RevokeIntentID != nil {
		s.RevokeIntentID = *r.RevokeIntentID
	}
	if r.GrantIntentID != nil {
		s.GrantIntentID = *r.GrantIntentID
	}
	if r.ReinstatedBy != nil {
		s.ReinstatedBy = *r.ReinstatedBy
	}
	if r.RevokeStatus != nil {
		s.RevokeStatus = outbox.Status(*r.RevokeStatus)
	}
	if r.GrantStatus != nil {
		s.GrantStatus = outbox.Status(*r.GrantStatus)
	}
	return s
}

// suspensionColumns select a suspension with its intents' statuses (su, with rv and gr joined).
const suspensionColumns = `su.id::text AS id, su.account_id::text AS account_id, su.suspended_at,
	su.suspended_by::text AS suspended_by, su.reason, su.revoke_intent_id, su.reinstated_at,
	su.reinstated_by::text AS reinstated_by, su.reinstate_reason, su.grant_intent_id,
	rv.status AS revoke_status, gr.status AS grant_status`

// lockSuspension loads one suspension by a condition on su, holding its row; ErrNotFound when none.
func lockSuspension(tx *gorm.DB, where string, args ...any) (accounts.Suspension, error) {
	var rows []suspensionRow
	err := tx.Raw(`SELECT `+suspensionColumns+` FROM account_suspensions su
		LEFT JOIN chain_intents rv ON rv.id = su.revoke_intent_id LEFT JOIN chain_intents gr ON gr.id = su.grant_intent_id
		WHERE `+where+` FOR UPDATE OF su`, args...).Scan(&rows).Error
	if err != nil {
		return accounts.Suspension{}, failed("lockSuspension", err)
	}
	if len(rows) == 0 {
		return accounts.Suspension{}, accounts.ErrNotFound
	}
	return rows[0].suspension(), nil
}

// LastSuspension returns the account's latest suspension. See accounts.SuspensionStore.
func (s *AccountStore) LastSuspension(ctx context.Context, accountID string) (accounts.Suspension, error) {
	if !validUUID(accountID) {
		return accounts.Suspension{}, accounts.ErrNotFound
	}
	var rows []suspensionRow
	err := s.db.WithContext(ctx).Raw(`SELECT `+suspensionColumns+` FROM account_suspensions su
		LEFT JOIN chain_intents rv ON rv.id = su.revoke_intent_id LEFT JOIN chain_intents gr ON gr.id = su.grant_intent_id
		WHERE su.account_id = ? ORDER BY su.suspended_at DESC, su.id LIMIT 1`, accountID).Scan(&rows).Error
	if err != nil {
		return accounts.Suspension{}, failed("AccountStore.LastSuspension", err)
	}
	if len(rows) == 0 {
		return accounts.Suspension{}, accounts.ErrNotFound
	}
	return rows[0].suspension(), nil
}

// shopSettledSQL is the condition under which a shop's accepting role may be revoked (a and its address in
// scope as a.id and a.wallet_address; @activation is the activation intents' key prefix): its activation
// is confirmed, its indexed balance is nil, and no mint, redeem or transfer to or from it is on its way (the
// same movements that holdingsSQL counts: written, not failed, not yet indexed), and no payout line of it
// waits for its redeem. Each part reads an index: token_balances' key, chain_intents_unindexed_from and
// _to, payout_lines_shop.
const shopSettledSQL = `EXISTS (SELECT 1 FROM chain_intents g WHERE g.idempotency_key = @activation || a.id::text
		AND g.status = 'confirmed')
	AND COALESCE((SELECT b.balance FROM token_balances b WHERE b.address = a.wallet_address), 0) = 0
	AND NOT EXISTS (SELECT 1 FROM chain_intents i WHERE i.indexed_block IS NULL AND i.status <> 'failed'
		AND i.kind IN ('mint', 'redeem', 'transfer_with_authorization') AND lower(i.args ->> 'from') = a.wallet_address)
	AND NOT EXISTS (SELECT 1 FROM chain_intents i WHERE i.indexed_block IS NULL AND i.status <> 'failed'
		AND i.kind IN ('mint', 'redeem', 'transfer_with_authorization') AND lower(i.args ->> 'to') = a.wallet_address)
	AND NOT EXISTS (SELECT 1 FROM payout_lines l JOIN payout_runs r ON r.id = l.run_id
		WHERE l.shop_id = a.id AND r.status <> 'cancelled' AND l.redeemed_block IS NULL)`

// activationPrefix is the key of every shop's activation intent without the shop's id.
var activationPrefix = accounts.ActivationIntent("", "").IdempotencyKey

// DueSuspensions lists the suspensions whose shop's role is due a change. See accounts.SuspensionStore.
func (s *AccountStore) DueSuspensions(ctx context.Context, limit int) ([]accounts.Suspension, error) {
	var rows []suspensionRow
	err := s.db.WithContext(ctx).Raw(`SELECT `+suspensionColumns+` FROM account_suspensions su
		JOIN accounts a ON a.id = su.account_id AND a.role = 'shop' AND a.wallet_address IS NOT NULL
		LEFT JOIN chain_intents rv ON rv.id = su.revoke_intent_id LEFT JOIN chain_intents gr ON gr.id = su.grant_intent_id
		WHERE (su.reinstated_at IS NULL AND su.revoke_intent_id IS NULL AND `+shopSettledSQL+`)
			OR (su.reinstated_at IS NOT NULL AND su.revoke_intent_id IS NOT NULL AND su.grant_intent_id IS NULL
				AND rv.status IN ('confirmed', 'failed'))
		ORDER BY su.suspended_at, su.id LIMIT @limit`,
		map[string]any{"activation": activationPrefix, "limit": limit}).Scan(&rows).Error
	if err != nil {
		return nil, failed("AccountStore.DueSuspensions", err)
	}
	out := make([]accounts.Suspension, len(rows))
	for i, r := range rows {
		out[i] = r.suspension()
	}
	return out, nil
}

func (t *accountTx) CreateSuspension(s accounts.Suspension) error {
	return failed("accountTx.CreateSuspension", t.tx.Exec(`INSERT INTO account_suspensions (id, account_id, suspended_at, suspended_by, reason)
		VALUES (?, ?, ?, ?, ?)`, s.ID, s.AccountID, s.SuspendedAt, s.SuspendedBy, s.Reason).Error)
}

func (t *accountTx) LockSuspension(id string) (accounts.Suspension, error) {
	if !validUUID(id) {
		return accounts.Suspension{}, accounts.ErrNotFound
	}
	return lockSuspension(t.tx, "su.id = ?", id)
}

func (t *accountTx) LockOpenSuspension(accountID string) (accounts.Suspension, error) {
	if !validUUID(accountID) {
		return accounts.Suspension{}, accounts.ErrNotFound
	}
	return lockSuspension(t.tx, "su.account_id = ? AND su.reinstated_at IS NULL", accountID)
}

func (t *accountTx) SaveSuspension(s accounts.Suspension) error {
	return failed("accountTx.SaveSuspension", t.tx.Exec(`UPDATE account_suspensions SET revoke_intent_id = NULLIF(?::bigint, 0), reinstated_at = ?,
		reinstated_by = NULLIF(?, '')::uuid, reinstate_reason = ?, grant_intent_id = NULLIF(?::bigint, 0) WHERE id = ?`,
		s.RevokeIntentID, s.ReinstatedAt, s.ReinstatedBy, s.ReinstateReason, s.GrantIntentID, s.ID).Error)
}

func (t *accountTx) CancelOpenRequests(shopID string, at time.Time) (int64, error) {
	res := t.tx.Exec(`UPDATE payment_requests SET cancelled_at = @at WHERE shop_id = @shop AND intent_id IS NULL
		AND cancelled_at IS NULL AND expires_at > @at`, map[string]any{"at": at, "shop": shopID})
	return res.RowsAffected, failed("accountTx.CancelOpenRequests", res.Error)
}

func (t *accountTx) ShopSettled(shopID, address string) (bool, error) {
	var ok []bool
	err := t.tx.Raw(`SELECT `+shopSettledSQL+` FROM accounts a WHERE a.id = @id AND a.wallet_address = @addr`,
		map[string]any{"activation": activationPrefix, "id": shopID, "addr": address}).Scan(&ok).Error
	return len(ok) == 1 && ok[0], failed("accountTx.ShopSettled", err)
}

func (t *accountTx) IntentStatus(id int64) (outbox.Status, error) {
	var st []string
	if err := t.tx.Raw(`SELECT status FROM chain_intents WHERE id = ?`, id).Scan(&st).Error; err != nil {
		return "", failed("accountTx.IntentStatus", err)
	}
	if len(st) == 0 {
		return "", outbox.ErrNotFound
	}
	return outbox.Status(st[0]), nil
}

// suspensionsTable is the register entry of account_suspensions, in the accounts dataset.
var suspensionsTable = privacy.Table{Name: "account_suspensions", Retention: privacy.RetainInactive, Columns: []privacy.Column{
	pseudonymous("id", catIdentity, "Suspension id", actAccounts),
	personal("account_id", catIdentity, "Account id", actAccounts),
	personal("suspended_at", catIdentity, "Suspended at", actAccounts),
	pseudonymous("suspended_by", catStaff, "Staff member who suspended the account (id)", actAccounts),
	personal("reason", catFreeText, "Why the account was suspended (shown to you when you sign in)", actAccounts),
	pseudonymous("revoke_intent_id", catAddress, "Chain intent that took a shop's permission to accept coins (id)", actAccounts, actLedger),
	personal("reinstated_at", catIdentity, "Reinstated at", actAccounts),
	pseudonymous("reinstated_by", catStaff, "Staff member who reinstated the account (id)", actAccounts),
	personal("reinstate_reason", catFreeText, "Why the account was reinstated", actAccounts),
	pseudonymous("grant_intent_id", catAddress, "Chain intent that gave a shop its permission to accept coins back (id)", actAccounts, actLedger),
}, Links: []privacy.Link{{Title: "Suspensions of your account", Where: "account_id = @account",
	Columns: []string{"id", "account_id", "suspended_at", "suspended_by", "reason", "revoke_intent_id", "reinstated_at",
		"reinstated_by", "reinstate_reason", "grant_intent_id"}}}}
