package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/secrets"
)

// cryptor seals and opens the encrypted columns and computes the lookup hashes beside them.
type cryptor struct {
	keys   *secrets.Keyring
	lookup *secrets.Lookup
}

// aad binds a sealed value to its table, column and row: a ciphertext copied elsewhere does not open.
func aad(table, column, id string) []byte { return []byte(table + "." + column + ":" + id) }

// seal encrypts value for its place; "" is stored as NULL.
func (c cryptor) seal(table, column, id, value string) ([]byte, error) {
	if value == "" {
		return nil, nil
	}
	return c.keys.Seal([]byte(value), aad(table, column, id))
}

// open decrypts a sealed column; NULL is "".
func (c cryptor) open(table, column, id string, sealed []byte) (string, error) {
	if sealed == nil {
		return "", nil
	}
	b, err := c.keys.Open(sealed, aad(table, column, id))
	if err != nil {
		return "", fmt.Errorf("%s.%s of %s: %w", table, column, id, err)
	}
	return string(b), nil
}

// hash is the lookup hash of a normalised value; "" is NULL.
func (c cryptor) hash(purpose, value string) []byte {
	if value == "" {
		return nil
	}
	return c.lookup.Hash(purpose, value)
}

// sealedTable lists one table's encrypted columns and the key column their AAD names.
type sealedTable struct {
	table   string
	key     string
	columns []string
}

// sealedColumns is every encrypted column of the schema. A migration that adds one must add it here, so
// that `heitje keys rotate-kek` re-encrypts it.
var sealedColumns = []sealedTable{
	{table: "accounts", key: "id", columns: []string{"email_enc", "phone_enc"}},
	{table: "shops", key: "account_id", columns: []string{"legal_name_enc", "contact_name_enc", "kvk_enc",
		"iban_enc", "address_enc", "private_key_enc"}},
	{table: "payout_lines", key: "id", columns: []string{"business_name_enc", "iban_enc"}},
	{table: "shop_detail_changes", key: "id", columns: []string{"legal_name_enc", "kvk_enc", "iban_enc"}},
	{table: "staff_second_factors", key: "account_id", columns: []string{"secret_enc"}},
}

// Rotation counts what RotateKEK did.
type Rotation struct {
	Rows      int // rows looked at
	Resealed  int // values re-encrypted under the current key
	Remaining int // values still under another key afterwards (0 when done)
}

// RotateKEK re-encrypts every encrypted column that is not yet under the keyring's current key, in
// batches of batchSize rows, each batch one transaction holding its rows' locks. Values already under the
// current key are left alone, so after a crash the command simply runs again and carries on; the API keeps
// serving throughout, reading both keys and writing only the new one. It finishes by counting the values
// still under another key.
func (db *DB) RotateKEK(ctx context.Context, keys *secrets.Keyring, batchSize int) (Rotation, error) {
	if batchSize <= 0 {
		batchSize = 500
	}
	var r Rotation
	for _, t := range sealedColumns {
		after := "00000000-0000-0000-0000-000000000000"
		for {
			n, last, err := db.rotateBatch(ctx, keys, t, after, batchSize, &r)
			if err != nil {
				return r, fmt.Errorf("rotating %s: %w", t.table, err)
			}
			if n < batchSize {
				break
			}
			after = last
		}
	}
	var err error
	r.Remaining, err = db.countNotUnder(ctx, keys.CurrentID())
	return r, failed("DB.RotateKEK", err)
}

func (db *DB) rotateBatch(ctx context.Context, keys *secrets.Keyring, t sealedTable, after string, limit int, r *Rotation) (int, string, error) {
	var n int
	var last string
	err := transaction(db.gorm.WithContext(ctx), "DB.rotateBatch", func(tx *gorm.DB) error {
		q := fmt.Sprintf(`SELECT %s::text AS id, %s FROM %s WHERE %s > ?::uuid ORDER BY %s LIMIT ? FOR UPDATE`,
			t.key, strings.Join(t.columns, ", "), t.table, t.key, t.key)
		rows, err := tx.Raw(q, after, limit).Rows()
		if err != nil {
			return failed("DB.rotateBatch", err)
		}
		type update struct {
			id   string
			sets map[string]any
		}
		var updates []update
		for rows.Next() {
			vals := make([][]byte, len(t.columns))
			dest := []any{&last}
			for i := range vals {
				dest = append(dest, &vals[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return failed("DB.rotateBatch", err)
			}
			n++
			sets := map[string]any{}
			for i, col := range t.columns {
				if vals[i] == nil || !keys.NeedsRotation(vals[i]) {
					continue
				}
				pt, err := keys.Open(vals[i], aad(t.table, col, last))
				if err != nil {
					rows.Close()
					return fmt.Errorf("%s.%s of %s: %w (is the old key in DATA_KEY_OLD?)", t.table, col, last, err)
				}
				if sets[col], err = keys.Seal(pt, aad(t.table, col, last)); err != nil {
					rows.Close()
					return failed("DB.rotateBatch", err)
				}
			}
			if len(sets) > 0 {
				updates = append(updates, update{id: last, sets: sets})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return failed("DB.rotateBatch", err)
		}
		for _, u := range updates {
			if err := tx.Table(t.table).Where(t.key+" = ?", u.id).Updates(u.sets).Error; err != nil {
				return failed("DB.rotateBatch", err)
			}
			r.Resealed += len(u.sets)
		}
		return nil
	})
	r.Rows += n
	return n, last, failed("DB.rotateBatch", err)
}

// countNotUnder counts sealed values whose key id is not current. The key id is stored at bytes 3… of the
// value, after the format version and the id's length.
func (db *DB) countNotUnder(ctx context.Context, current string) (int, error) {
	total := 0
	for _, t := range sealedColumns {
		for _, col := range t.columns {
			var n int
			q := fmt.Sprintf(`SELECT count(*) FROM %s WHERE %s IS NOT NULL AND substring(%s FROM 3 FOR get_byte(%s, 1)) <> ?::bytea`,
				t.table, col, col, col)
			if err := db.gorm.WithContext(ctx).Raw(q, []byte(current)).Scan(&n).Error; err != nil {
				return 0, failed("DB.countNotUnder", err)
			}
			total += n
		}
	}
	return total, nil
}

// validUUID reports whether s is a UUID in its canonical text form.
func validUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}
