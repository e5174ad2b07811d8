package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
)

var (
	_ accounts.ShopChangeStore = (*AccountStore)(nil)
	_ accounts.ShopChangeTx    = (*accountTx)(nil)
)

// shopChangeRow is a row of shop_detail_changes, with the shop's username and approved details when the
// query joins them.
type shopChangeRow struct {
	ID, ShopID, EnteredBy                  string
	Username                               string
	LegalNameEnc, KvkEnc, IbanEnc          []byte
	CurLegalNameEnc, CurKvkEnc, CurIbanEnc []byte
	BaseVersion                            int
	Status, Note, Reason                   string
	CreatedAt                              time.Time
	DecidedBy                              *string
	DecidedAt                              *time.Time
	Version                                *int
}

const shopChangeColumns = `c.id::text AS id, c.shop_id::text AS shop_id, c.entered_by::text AS entered_by, c.legal_name_enc,
	c.kvk_enc, c.iban_enc, c.base_version, c.status, c.note, c.reason, c.created_at, c.decided_by::text AS decided_by,
	c.decided_at, c.version`

func (c cryptor) shopChange(r shopChangeRow) (accounts.ShopChange, error) {
	out := accounts.ShopChange{ID: r.ID, ShopID: r.ShopID, ShopUsername: r.Username, BaseVersion: r.BaseVersion,
		Status: accounts.ShopChangeStatus(r.Status), EnteredBy: r.EnteredBy, Note: r.Note, Reason: r.Reason,
		CreatedAt: r.CreatedAt.UTC(), DecidedAt: utcPtr(r.DecidedAt)}
	if r.DecidedBy != nil {
		out.DecidedBy = *r.DecidedBy
	}
	if r.Version != nil {
		out.Version = *r.Version
	}
	for _, f := range []struct {
		table, col, id string
		sealed         []byte
		dst            *string
	}{{"shop_detail_changes", "legal_name_enc", r.ID, r.LegalNameEnc, &out.Details.LegalName},
		{"shop_detail_changes", "kvk_enc", r.ID, r.KvkEnc, &out.Details.KvK},
		{"shop_detail_changes", "iban_enc", r.ID, r.IbanEnc, &out.Details.IBAN},
		{"shops", "legal_name_enc", r.ShopID, r.CurLegalNameEnc, &out.Current.LegalName},
		{"shops", "kvk_enc", r.ShopID, r.CurKvkEnc, &out.Current.KvK},
		{"shops", "iban_enc", r.ShopID, r.CurIbanEnc, &out.Current.IBAN}} {
		var err error
		if *f.dst, err = c.open(f.table, f.col, f.id, f.sealed); err != nil {
			return out, failed("cryptor.shopChange", err)
		}
	}
	return out, nil
}

func (c cryptor) shopChanges(q *gorm.DB) ([]accounts.ShopChange, error) {
	var rows []shopChangeRow
	if err := q.Scan(&rows).Error; err != nil {
		return nil, failed("cryptor.shopChanges", err)
	}
	out := make([]accounts.ShopChange, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = c.shopChange(r); err != nil {
			return nil, failed("cryptor.shopChanges", err)
		}
	}
	return out, nil
}

// PendingShopChange returns the change waiting for a shop. See accounts.ShopChangeStore.
func (s *AccountStore) PendingShopChange(ctx context.Context, shopID string) (accounts.ShopChange, bool, error) {
	if !validUUID(shopID) {
		return accounts.ShopChange{}, false, nil
	}
	list, err := s.c.shopChanges(s.db.WithContext(ctx).Table("shop_detail_changes AS c").Select(shopChangeColumns).
		Where("c.shop_id = ? AND c.status = 'pending'", shopID).Limit(1))
	if err != nil || len(list) == 0 {
		return accounts.ShopChange{}, false, failed("AccountStore.PendingShopChange", err)
	}
	return list[0], true, nil
}

// ShopChanges lists changes in one status, oldest first. See accounts.ShopChangeStore.
func (s *AccountStore) ShopChanges(ctx context.Context, status accounts.ShopChangeStatus, limit, offset int) ([]accounts.ShopChange, error) {
	if limit <= 0 || limit > accounts.MaxList {
		limit = accounts.MaxList
	}
	return s.c.shopChanges(s.db.WithContext(ctx).Table("shop_detail_changes AS c").
		Select(shopChangeColumns+`, a.username, s.legal_name_enc AS cur_legal_name_enc, s.kvk_enc AS cur_kvk_enc,
			s.iban_enc AS cur_iban_enc`).
		Joins("JOIN accounts a ON a.id = c.shop_id JOIN shops s ON s.account_id = c.shop_id").
		Where("c.status = ?", string(status)).Order("c.created_at, c.id").Limit(limit).Offset(max(offset, 0)))
}

func (t *accountTx) lockShopChange(where string, arg any) ([]accounts.ShopChange, error) {
	return t.c.shopChanges(t.tx.Raw(`SELECT `+shopChangeColumns+` FROM shop_detail_changes c WHERE `+where+` FOR UPDATE`, arg))
}

func (t *accountTx) LockPendingShopChange(shopID string) (accounts.ShopChange, bool, error) {
	list, err := t.lockShopChange("c.shop_id = ? AND c.status = 'pending'", shopID)
	if err != nil || len(list) == 0 {
		return accounts.ShopChange{}, false, failed("accountTx.LockPendingShopChange", err)
	}
	return list[0], true, nil
}

func (t *accountTx) LockShopChange(id string) (accounts.ShopChange, error) {
	if !validUUID(id) {
		return accounts.ShopChange{}, accounts.ErrNotFound
	}
	list, err := t.lockShopChange("c.id = ?", id)
	if err != nil {
		return accounts.ShopChange{}, failed("accountTx.LockShopChange", err)
	}
	if len(list) == 0 {
		return accounts.ShopChange{}, accounts.ErrNotFound
	}
	return list[0], nil
}

func (t *accountTx) InsertShopChange(c accounts.ShopChange) error {
	vals := map[string]any{}
	for _, f := range []struct{ col, v string }{{"legal_name_enc", c.Details.LegalName}, {"kvk_enc", c.Details.KvK},
		{"iban_enc", c.Details.IBAN}} {
		b, err := t.c.seal("shop_detail_changes", f.col, c.ID, f.v)
		if err != nil {
			return failed("accountTx.InsertShopChange", err)
		}
		vals[f.col] = b
	}
	return failed("accountTx.InsertShopChange", t.tx.Exec(`INSERT INTO shop_detail_changes (id, shop_id, legal_name_enc, kvk_enc, iban_enc, base_version,
		status, entered_by, note, created_at) VALUES (@id, @shop, @legal_name_enc, @kvk_enc, @iban_enc, @base, 'pending',
		@by, @note, @at)`, map[string]any{"id": c.ID, "shop": c.ShopID, "legal_name_enc": vals["legal_name_enc"],
		"kvk_enc": vals["kvk_enc"], "iban_enc": vals["iban_enc"], "base": c.BaseVersion, "by": c.EnteredBy, "note": c.Note,
		"at": c.CreatedAt}).Error)
}

func (t *accountTx) DecideShopChange(c accounts.ShopChange) error {
	return failed("accountTx.DecideShopChange", t.tx.Exec(`UPDATE shop_detail_changes SET status = ?, decided_by = NULLIF(?, '')::uuid, decided_at = ?,
		reason = ?, version = NULLIF(?, 0) WHERE id = ?`, string(c.Status), c.DecidedBy, c.DecidedAt, c.Reason,
		c.Version, c.ID).Error)
}

func (t *accountTx) ApplyShopDetails(shopID string, d accounts.ShopDetails, version int) error {
	// The same lock as a payout run being drafted (payoutTx.Lock): a run reads one version of every shop.
	if err := t.tx.Exec(`SELECT pg_advisory_xact_lock(?, 0)`, payoutsLockSpace).Error; err != nil {
		return failed("accountTx.ApplyShopDetails", err)
	}
	vals := map[string]any{"details_version": version}
	for _, f := range []struct{ col, v string }{{"legal_name_enc", d.LegalName}, {"kvk_enc", d.KvK}, {"iban_enc", d.IBAN}} {
		b, err := t.c.seal("shops", f.col, shopID, f.v)
		if err != nil {
			return failed("accountTx.ApplyShopDetails", err)
		}
		vals[f.col] = b
	}
	return failed("accountTx.ApplyShopDetails", t.tx.Table("shops").Where("account_id = ?", shopID).Updates(vals).Error)
}
