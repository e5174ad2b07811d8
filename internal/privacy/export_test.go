package privacy_test

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/store"
)

// dbValues reads, straight from the database, every non-null value of the personal, pseudonymous and
// withheld columns that the register's links tie to the subject: per table, the values as Postgres writes
// them in JSON (sealed columns decrypted here, with the test's own key), and the withheld columns seen.
func (e *env) dbValues(sub privacy.Subject) (map[string]map[string][]string, map[string]bool) {
	e.t.Helper()
	wallet := sub.Wallet
	if wallet == "" {
		wallet = "-"
	}
	out, withheld := map[string]map[string][]string{}, map[string]bool{}
	for _, t := range privacy.Tables(store.Datasets()) {
		for _, l := range t.Links {
			q, args := l.Where, []any{}
			for _, p := range []struct {
				name string
				v    any
			}{{"@account", sub.ID}, {"@wallet", wallet}, {"@username_key", e.lookup.Hash("login-username", sub.Username)}} {
				if strings.Contains(q, p.name) {
					args = append(args, p.v)
					q = strings.ReplaceAll(q, p.name, fmt.Sprintf("$%d", len(args)))
				}
			}
			rows, err := e.db.SQL().QueryContext(e.ctx, "SELECT to_jsonb(t)::text FROM "+t.Name+" t WHERE "+q, args...)
			if err != nil {
				e.t.Fatalf("%s: %v", t.Name, err)
			}
			for rows.Next() {
				var js string
				if err := rows.Scan(&js); err != nil {
					e.t.Fatal(err)
				}
				row := decode(e, js)
				for _, name := range l.Columns {
					c, _ := t.Column(name)
					v, ok := row[name]
					if !ok || v == nil || c.Kind == privacy.NotPersonal {
						continue
					}
					if c.Kind == privacy.Withheld {
						withheld[t.Name+"."+name] = true
						continue
					}
					if out[t.Name] == nil {
						out[t.Name] = map[string][]string{}
					}
					out[t.Name][name] = append(out[t.Name][name], e.plain(t.Name, c, row, v))
				}
			}
			rows.Close()
		}
	}
	return out, withheld
}

func decode(e *env, js string) map[string]any {
	row := map[string]any{}
	dec := json.NewDecoder(strings.NewReader(js))
	dec.UseNumber()
	if err := dec.Decode(&row); err != nil {
		e.t.Fatal(err)
	}
	return row
}

// plain is a value as text; a sealed value is opened under the key of its row (id or account_id).
func (e *env) plain(table string, c privacy.Column, row map[string]any, v any) string {
	if !c.Sealed {
		return text(v)
	}
	b, err := hex.DecodeString(strings.TrimPrefix(v.(string), `\x`))
	if err != nil {
		e.t.Fatal(err)
	}
	for _, key := range []string{"id", "account_id"} {
		if id, ok := row[key].(string); ok {
			if pt, err := e.keys.Open(b, []byte(table+"."+c.Name+":"+id)); err == nil {
				return string(pt)
			}
		}
	}
	e.t.Fatalf("%s.%s does not open", table, c.Name)
	return ""
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// exported collects every value of the export's records per table, as text.
func exported(ex privacy.Export) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, r := range ex.Records {
		if out[r.Table] == nil {
			out[r.Table] = map[string]bool{}
		}
		for _, row := range r.Rows {
			for _, v := range row {
				out[r.Table][text(v)] = true
			}
		}
	}
	return out
}

// TestExportHoldsEveryPersonalField builds a resident and a shop who used everything, and staff who acted
// on them, and checks for each of them that every value the database holds in a column the register
// classifies as about a person (read straight from the database, sealed columns decrypted by the test)
// appears in their export, and every withheld column they have a value in is named. Across the people,
// every such column of the register must hold a value, so the fixture leaves no column untested.
func TestExportHoldsEveryPersonalField(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	subjects := map[string]accounts.Principal{"resident": w.resident.p, "shop": w.shop.p, "admin": e.admin.Principal,
		"reviewer": e.reviewer.Principal, "officer": e.officer.Principal}
	covered := map[string]bool{}
	for who, p := range subjects {
		sub, err := e.db.Privacy(e.keys, e.lookup).Subject(e.ctx, p.AccountID)
		if err != nil {
			t.Fatal(err)
		}
		ex, err := e.svc.Export(e.ctx, p)
		if err != nil {
			t.Fatalf("%s: %v", who, err)
		}
		got := exported(ex)
		values, withheld := e.dbValues(sub)
		for table, cols := range values {
			for col, vs := range cols {
				covered[table+"."+col] = true
				for _, v := range vs {
					if !got[table][v] {
						t.Errorf("%s: %s.%s holds %q, which the export does not show", who, table, col, v)
					}
				}
			}
		}
		for tc := range withheld {
			covered[tc] = true
			table, col, _ := strings.Cut(tc, ".")
			if !containsWithheld(ex.Withheld, table, col) {
				t.Errorf("%s: %s is held but the export does not name it", who, tc)
			}
		}
		if who == "resident" && len(ex.Photos) != 3 {
			t.Errorf("the resident's export has %d photos, want 3", len(ex.Photos))
		}
	}
	var untested []string
	for _, tb := range privacy.Tables(store.Datasets()) {
		for _, l := range tb.Links {
			for _, name := range l.Columns {
				if c, _ := tb.Column(name); c.Kind != privacy.NotPersonal && !covered[tb.Name+"."+name] {
					untested = append(untested, tb.Name+"."+name)
				}
			}
		}
	}
	sort.Strings(untested)
	if len(untested) > 0 {
		t.Errorf("the fixture leaves these personal columns empty, so the export of them is untested:\n  %s",
			strings.Join(untested, "\n  "))
	}
}

func containsWithheld(ws []privacy.WithheldData, table, col string) bool {
	for _, w := range ws {
		if w.Table == table && w.Field == col {
			return true
		}
	}
	return false
}

// TestExportFormats renders the resident's export as JSON, HTML and zip: the JSON has the photos inline, the
// page shows the e-mail address and embeds the photos, the zip holds export.json, export.html and each photo
// as a file, byte for byte as stored.
func TestExportFormats(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ex, err := e.svc.Export(e.ctx, w.resident.p)
	if err != nil {
		t.Fatal(err)
	}
	js, err := ex.JSON()
	if err != nil || !bytes.Contains(js, []byte(`"format": "heitje-export/1"`)) || !bytes.Contains(js, []byte("data_base64")) {
		t.Fatalf("json: %v %.200s", err, js)
	}
	page, err := ex.HTML()
	if err != nil || !bytes.Contains(page, []byte("truus.devries.7731@example.nl")) || bytes.Count(page, []byte("data:image/jpeg;base64,")) != 3 {
		t.Fatalf("html: %v", err)
	}
	z, err := ex.Zip()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	for _, ph := range ex.Photos {
		stored, err := e.files.Read(fileOf(t, e, ph))
		if err != nil || !bytes.Equal(stored, ph.Data) || !names[ph.File] {
			t.Fatalf("photo %s: %v", ph.File, err)
		}
	}
	if !names["export.json"] || !names["export.html"] || len(names) != 2+len(ex.Photos) {
		t.Fatalf("zip holds %v", names)
	}
}

// fileOf finds the stored file name of an exported photo.
func fileOf(t *testing.T, e *env, ph privacy.ExportPhoto) string {
	var name string
	if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT file_name FROM claim_photos WHERE claim_id = $1 AND n = $2`,
		ph.ClaimID, ph.N).Scan(&name); err != nil {
		t.Fatal(fmt.Errorf("photo %d of %s: %w", ph.N, ph.ClaimID, err))
	}
	return name
}
