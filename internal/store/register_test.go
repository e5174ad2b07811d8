package store

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/privacy"
)

// schemaColumns reads every column of every table (not view) of the migrated schema.
func schemaColumns(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT c.table_name, c.column_name
		FROM information_schema.columns c JOIN information_schema.tables t
		  ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		out[table] = append(out[table], col)
	}
	return out
}

// TestRegisterCoversEverySchemaColumn reads the live schema of a migrated database and fails for every column
// the register does not classify (personal with its activities, or explicitly not personal with why), for
// every declaration of a column that no longer exists, for an encrypted column the register and the
// rotation's list of sealed columns disagree on, and for a foreign key to accounts that no export link
// follows.
func TestRegisterCoversEverySchemaColumn(t *testing.T) {
	db := migrated(t)
	ds := Datasets()
	if err := privacy.Validate(ds); err != nil {
		t.Fatal(err)
	}
	declared := map[string]privacy.Table{}
	for _, tb := range privacy.Tables(ds) {
		declared[tb.Name] = tb
	}
	schema := schemaColumns(t, db)
	if len(schema) < 20 {
		t.Fatalf("only %d tables in the migrated schema", len(schema))
	}
	if missing := unclassified(schema, declared); len(missing) > 0 {
		t.Errorf("columns of the schema not in the processing register (declare them in the aggregate's *_register.go):\n  %s",
			strings.Join(missing, "\n  "))
	}
	for _, tb := range declared {
		for _, c := range tb.Columns {
			if !contains(schema[tb.Name], c.Name) {
				t.Errorf("the register declares %s.%s, which the schema does not have", tb.Name, c.Name)
			}
		}
	}
	checkSealed(t, declared, schema)
	checkAccountLinks(t, db, declared)
}

// unclassified lists the columns of the schema that the register does not declare, sorted.
func unclassified(schema map[string][]string, declared map[string]privacy.Table) []string {
	var missing []string
	for table, cols := range schema {
		tb, ok := declared[table]
		for _, col := range cols {
			if _, found := tb.Column(col); !ok || !found {
				missing = append(missing, table+"."+col)
			}
		}
	}
	sort.Strings(missing)
	return missing
}

// TestRegisterCoverageNoticesANewColumn adds a personal column and a table no register entry declares, and
// checks that the coverage test's comparison names both.
func TestRegisterCoverageNoticesANewColumn(t *testing.T) {
	db := migrated(t)
	for _, q := range []string{`ALTER TABLE accounts ADD COLUMN birth_date date`,
		`CREATE TABLE newsletter (account_id uuid REFERENCES accounts (id), email text)`} {
		if _, err := db.SQL().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	declared := map[string]privacy.Table{}
	for _, tb := range privacy.Tables(Datasets()) {
		declared[tb.Name] = tb
	}
	got := strings.Join(unclassified(schemaColumns(t, db), declared), " ")
	if got != "accounts.birth_date newsletter.account_id newsletter.email" {
		t.Fatalf("unclassified columns: %q", got)
	}
}

// checkSealed compares the register's encrypted columns with sealedColumns, and requires every *_enc
// column to be declared encrypted.
func checkSealed(t *testing.T, declared map[string]privacy.Table, schema map[string][]string) {
	t.Helper()
	rotated := map[string]bool{}
	for _, st := range sealedColumns {
		for _, col := range st.columns {
			rotated[st.table+"."+col] = true
		}
	}
	for table, cols := range schema {
		for _, col := range cols {
			c, _ := declared[table].Column(col)
			name := table + "." + col
			switch {
			case strings.HasSuffix(col, "_enc") && !c.Sealed:
				t.Errorf("%s holds ciphertext but the register does not declare it sealed", name)
			case c.Sealed && !rotated[name]:
				t.Errorf("%s is sealed but not in sealedColumns: `heitje keys rotate-kek` would miss it", name)
			case !c.Sealed && rotated[name]:
				t.Errorf("%s is in sealedColumns but the register does not declare it sealed", name)
			}
		}
	}
}

// checkAccountLinks requires, for every foreign key to accounts(id), a link of the referring table whose
// condition uses the referring column: otherwise that table's rows about a person would miss their export.
func checkAccountLinks(t *testing.T, db *DB, declared map[string]privacy.Table) {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT cl.relname, att.attname
		FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
		JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
		WHERE con.contype = 'f' AND con.confrelid = 'accounts'::regclass`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		n++
		linked := false
		for _, l := range declared[table].Links {
			linked = linked || strings.Contains(l.Where, col)
		}
		if !linked {
			t.Errorf("%s.%s refers to accounts but no export link of %s uses it", table, col, table)
		}
	}
	if n < 8 {
		t.Fatalf("only %d foreign keys to accounts found", n)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
