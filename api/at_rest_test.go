package api

import (
	"context"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
)

// personal is the personal data the at-rest and log tests register, and must never find in plain text.
var personal = map[string]string{
	"email":        "Marie.Peeters@Example.NL",
	"phone":        "06 4321 8765",
	"iban":         "NL44 RABO 0123 4567 89",
	"address":      "Akerstraat 91, 6411 HD Heerlen",
	"legal name":   "Kaashandel Peeters B.V.",
	"contact name": "Marie Peeters",
	"kvk":          "14090412",
}

// forms returns the ways a value may be written down: as given, normalised (spaces out, upper or lower
// case, a Dutch phone number in international form), and each of those hex-encoded, which is how bytea
// columns print. The table rows are compared in lower case.
func forms(v string) []string {
	var plain []string
	for _, f := range []string{v, strings.ReplaceAll(v, " ", "")} {
		plain = append(plain, f, strings.ToLower(f), strings.ToUpper(f))
	}
	if strings.HasPrefix(v, "06") {
		plain = append(plain, "+316"+strings.ReplaceAll(v[2:], " ", ""))
	}
	var out []string
	for _, f := range plain {
		out = append(out, strings.ToLower(f), hex.EncodeToString([]byte(f)))
	}
	return out
}

// registerEveryone registers and approves a resident and a shop carrying all of personal, and activates
// the shop.
func (a *testAPI) registerEveryone(adminTok string) (resident, shop string) {
	a.t.Helper()
	resident = a.register(map[string]any{"role": "resident", "username": "kaasliefhebber",
		"email": personal["email"], "phone": personal["phone"]})
	shop = a.register(map[string]any{"role": "shop", "username": "kaaswinkel", "shop": map[string]any{
		"legal_name": personal["legal name"], "contact_name": personal["contact name"], "kvk": personal["kvk"],
		"iban": personal["iban"], "address": personal["address"]}})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+resident+"/approve", adminTok, nil)
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+shop+"/approve", adminTok, nil)
	a.expect(http.StatusOK, "", "POST", "/v1/admin/shops/"+shop+"/activate", adminTok, nil)
	return resident, shop
}

// TestNoPersonalDataInPlainTextAtRest registers a resident and a shop with every kind of personal data,
// then reads every row of every table of the schema as text (bytea columns print as hex) and finds none of
// it, nor the shop's private key; reading it back through the API shows it is there, encrypted.
func TestNoPersonalDataInPlainTextAtRest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	resident, shop := a.registerEveryone(adminTok)

	got := a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts/"+shop+"?reason=test", adminTok, nil)
	if got["shop"].(map[string]any)["iban"] != "NL44RABO0123456789" {
		t.Fatalf("shop read back: %v", got)
	}
	got = a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts/"+resident+"?reason=test", adminTok, nil)
	if got["email"] != strings.ToLower(personal["email"]) {
		t.Fatalf("resident read back: %v", got)
	}
	key, err := a.store.ShopPrivateKey(ctx, shop)
	if err != nil {
		t.Fatal(err)
	}
	needles := map[string][]string{"shop private key": {hex.EncodeToString(key)}}
	for name, v := range personal {
		needles[name] = forms(v)
	}

	rows, err := a.db.SQL().QueryContext(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	if len(tables) < 10 {
		t.Fatalf("only %d tables: %v", len(tables), tables)
	}
	scanned := 0
	for _, table := range tables {
		rs, err := a.db.SQL().QueryContext(ctx, `SELECT lower(row_to_json(t)::text) FROM "`+table+`" t`)
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			var row string
			rs.Scan(&row)
			scanned++
			for name, variants := range needles {
				for _, v := range variants {
					if strings.Contains(row, v) {
						t.Errorf("table %s holds the %s in plain text: %s", table, name, row)
					}
				}
			}
		}
		rs.Close()
	}
	if scanned < 10 {
		t.Fatalf("only %d rows scanned", scanned)
	}
}
