// Package privacytest finds a person's values in the database, for the tests of erasure: the privacy
// service's tests on a hand-made fixture and the end-to-end test of the whole flow read every table alike.
package privacytest

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
)

// Leftovers reads every row of every table in the processing register (which covers every column of the
// schema), as the row's JSON text and with each sealed column opened under keys, and looks for each of the
// values, case-insensitively. It returns, per table, the values found in it, sorted, leaving out those that
// allowed lets that table keep. A sealed value that keys cannot open is an error.
func Leftovers(ctx context.Context, db *sql.DB, keys *secrets.Keyring, values []string, allowed map[string][]string) (map[string][]string, error) {
	found := map[string][]string{}
	for _, t := range privacy.Tables(store.Datasets()) {
		rows, err := db.QueryContext(ctx, "SELECT to_jsonb(x)::text FROM "+t.Name+" x")
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", t.Name, err)
		}
		for rows.Next() {
			var js string
			if err := rows.Scan(&js); err != nil {
				rows.Close()
				return nil, err
			}
			hay, err := rowText(keys, t, js)
			if err != nil {
				rows.Close()
				return nil, err
			}
			for _, v := range values {
				if strings.Contains(hay, strings.ToLower(v)) && !slices.Contains(allowed[t.Name], v) && !slices.Contains(found[t.Name], v) {
					found[t.Name] = append(found[t.Name], v)
				}
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", t.Name, err)
		}
		slices.Sort(found[t.Name])
	}
	return found, nil
}

// rowText is a row's JSON text followed by its sealed columns opened, all lower-case.
func rowText(keys *secrets.Keyring, t privacy.Table, js string) (string, error) {
	row := map[string]any{}
	if err := json.Unmarshal([]byte(js), &row); err != nil {
		return "", fmt.Errorf("%s: %w", t.Name, err)
	}
	var b strings.Builder
	b.WriteString(js)
	for _, c := range t.Columns {
		v, ok := row[c.Name].(string)
		if !c.Sealed || !ok {
			continue
		}
		plain, err := open(keys, t.Name, c.Name, row, v)
		if err != nil {
			return "", err
		}
		b.WriteString(" ")
		b.WriteString(plain)
	}
	return strings.ToLower(b.String()), nil
}

// open opens a sealed value (bytea as \x-hex text) under the key of its row: its id or its account_id.
func open(keys *secrets.Keyring, table, column string, row map[string]any, v string) (string, error) {
	sealed, err := hex.DecodeString(strings.TrimPrefix(v, `\x`))
	if err != nil {
		return "", fmt.Errorf("%s.%s is not bytea: %w", table, column, err)
	}
	for _, key := range []string{"id", "account_id"} {
		if id, ok := row[key].(string); ok {
			if pt, err := keys.Open(sealed, []byte(table+"."+column+":"+id)); err == nil {
				return string(pt), nil
			}
		}
	}
	return "", fmt.Errorf("%s.%s does not open with the keys given", table, column)
}

// Lines writes what Leftovers found as one "<table> holds <value>" line each, in table order.
func Lines(found map[string][]string) []string {
	var out []string
	for _, t := range slices.Sorted(maps.Keys(found)) {
		for _, v := range found[t] {
			out = append(out, t+" holds "+v)
		}
	}
	return out
}
