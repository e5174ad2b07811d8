package store

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/privacy"
)

// Records reads, for every link of every table, the rows about the subject with the link's columns: sealed
// columns decrypted (under the name without _enc), withheld columns left out. Values come as Postgres
// writes them in JSON (to_jsonb): times in ISO 8601, numbers as numbers, bytea as \x-hex.
func (s *PrivacyStore) Records(ctx context.Context, sub privacy.Subject, tables []privacy.Table) ([]privacy.Record, error) {
	params := map[string]any{"account": sub.ID, "wallet": sub.Wallet, "username_key": s.c.hash("login-username", sub.Username)}
	if sub.Wallet == "" {
		params["wallet"] = "-" // matches no address
	}
	var out []privacy.Record
	for _, t := range tables {
		for _, l := range t.Links {
			rec, err := s.c.readLink(s.g.WithContext(ctx), t, l, params)
			if err != nil {
				return nil, fmt.Errorf("export of %s: %w", t.Name, err)
			}
			out = append(out, rec)
		}
	}
	return out, nil
}

// sealedKey returns the column whose value a table's sealed columns are bound to (their AAD), from the
// registry of sealed columns.
func sealedKey(table string) (string, bool) {
	for _, st := range sealedColumns {
		if st.table == table {
			return st.key, true
		}
	}
	return "", false
}

func (c cryptor) readLink(tx *gorm.DB, t privacy.Table, l privacy.Link, params map[string]any) (privacy.Record, error) {
	rec := privacy.Record{Table: t.Name, Title: l.Title, Rows: []map[string]any{}}
	var cols, sealedCols []string
	for _, name := range l.Columns {
		col, _ := t.Column(name)
		if col.Kind == privacy.Withheld {
			continue
		}
		cols = append(cols, pgx.Identifier{name}.Sanitize())
		rec.Fields = append(rec.Fields, privacy.Field{Name: col.FieldName(), Label: col.Label})
		if col.Sealed {
			sealedCols = append(sealedCols, name)
		}
	}
	if len(cols) == 0 {
		return rec, nil
	}
	key := ""
	if len(sealedCols) > 0 {
		k, ok := sealedKey(t.Name)
		if !ok {
			return rec, fmt.Errorf("%s has sealed columns but is not in sealedColumns", t.Name)
		}
		key = k
		cols = append(cols, pgx.Identifier{k}.Sanitize()+`::text AS "__key"`)
	}
	q := fmt.Sprintf(`SELECT to_jsonb(r)::text FROM (SELECT %s FROM %s WHERE %s ORDER BY 1) r`,
		strings.Join(cols, ", "), pgx.Identifier{t.Name}.Sanitize(), l.Where)
	var raw []string
	if err := tx.Raw(q, params).Scan(&raw).Error; err != nil {
		return rec, failed("cryptor.readLink", err)
	}
	for _, js := range raw {
		row := map[string]any{}
		dec := json.NewDecoder(bytes.NewReader([]byte(js)))
		dec.UseNumber()
		if err := dec.Decode(&row); err != nil {
			return rec, failed("cryptor.readLink", err)
		}
		for _, name := range sealedCols {
			v, err := c.openJSON(t.Name, name, fmt.Sprint(row["__key"]), row[name])
			if err != nil {
				return rec, failed("cryptor.readLink", err)
			}
			delete(row, name)
			row[strings.TrimSuffix(name, "_enc")] = v
		}
		if key != "" {
			delete(row, "__key")
		}
		rec.Rows = append(rec.Rows, row)
	}
	return rec, nil
}

// openJSON decrypts a sealed column as to_jsonb wrote it ("\\x…" hex, or null).
func (c cryptor) openJSON(table, column, id string, v any) (any, error) {
	s, ok := v.(string)
	if !ok || s == "" {
		return nil, nil
	}
	b, err := hex.DecodeString(strings.TrimPrefix(s, `\x`))
	if err != nil {
		return nil, fmt.Errorf("%s.%s: not bytea hex", table, column)
	}
	return c.open(table, column, id, b)
}
