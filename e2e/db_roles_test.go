package e2e_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestDatabaseRoles follows deploy/README.md's two database roles as written: the SQL blocks of its database
// section run on a fresh test database (with the test's own role and database names), the schema owner
// migrates, the platform serves as the API's role with the retention job off, and a resident is registered,
// approved, rewarded for a chore and pays a shop, all audited. The schema owner's retention run works; the
// API's role cannot run it, nor change the audit log, the schema or the migration record.
func TestDatabaseRoles(t *testing.T) {
	t.Parallel()
	blocks := guideSQL(t)
	if len(blocks) != 2 {
		t.Fatalf("deploy/README.md's database section has %d sql blocks, want 2 (before and after the first migration)", len(blocks))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	superURL := testenv.Postgres(t)
	u, _ := url.Parse(superURL)
	dbName := strings.TrimPrefix(u.Path, "/")
	sfx := make([]byte, 4)
	rand.Read(sfx)
	owner, apiRole := "heitje_owner_"+hex.EncodeToString(sfx), "heitje_api_"+hex.EncodeToString(sfx)
	names := func(sql string) string {
		sql = strings.NewReplacer("heitje_owner", owner, "heitje_api", apiRole).Replace(sql)
		return regexp.MustCompile(`\bDATABASE heitje\b`).ReplaceAllString(sql, "DATABASE "+dbName)
	}
	ownerURL, apiURL := roleURL(superURL, owner), roleURL(superURL, apiRole)

	execSQL(t, superURL, names(blocks[0]))
	execSQL(t, superURL, "ALTER ROLE "+owner+" PASSWORD '"+owner+"'; ALTER ROLE "+apiRole+" PASSWORD '"+apiRole+"'")
	t.Cleanup(func() {
		// The database goes after this (testenv's cleanup): first everything the roles own or were granted.
		if !t.Failed() {
			execSQL(t, superURL, "DROP OWNED BY "+apiRole+"; DROP OWNED BY "+owner+"; DROP ROLE "+owner+"; DROP ROLE "+apiRole)
		}
	})

	// Before the migrations the API's role sees a schema that is behind, without trying to create anything.
	apiDB, err := store.Open(ctx, apiURL)
	if err != nil {
		t.Fatal(err)
	}
	defer apiDB.Close()
	if err := apiDB.CheckMigrations(ctx); !errors.Is(err, store.ErrPendingMigrations) {
		t.Fatalf("API role on an empty schema: %v, want pending migrations", err)
	}
	if _, err := apiDB.MigrateUp(ctx); !permissionDenied(err) {
		t.Fatalf("API role migrating: %v, want permission denied", err)
	}
	ownerDB, err := store.Open(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer ownerDB.Close()
	if n, err := ownerDB.MigrateUp(ctx); err != nil || n == 0 {
		t.Fatalf("owner migrating: %d, %v", n, err)
	}
	execSQL(t, ownerURL, names(blocks[1]))
	if err := apiDB.CheckMigrations(ctx); err != nil {
		t.Fatalf("API role checking the migrated schema: %v", err)
	}

	p := newPlatformAt(t, testenv.Chain(t), apiURL)
	p.cfg.Privacy.RetentionOff = true
	p.serve()
	rs := p.residents(1)
	p.reward(rs, 700, p.reviewer("beoordelaar"))
	s := p.newShop("bakker", true)
	p.pay(s, rs[0], p.logins(rs)[0], 300)
	p.waitIndexed()
	if got := p.ledgerBalance(rs[0].addr); got != 400 {
		t.Fatalf("resident's balance %d, want 400", got)
	}
	approvals, err := apiDB.Audit().List(ctx, audit.Filter{Action: "claim.approve"})
	if err != nil || len(approvals) != 1 {
		t.Fatalf("audited approvals: %v, %v", approvals, err)
	}
	if res, err := audit.Verify(ctx, apiDB.Audit()); err != nil || !res.OK() || res.Entries < 5 {
		t.Fatalf("audit log: %+v, %v", res, err)
	}

	// The API's role may add to the audit log and read it, never change or shorten it, nor the schema.
	apiConn := connect(t, apiURL)
	for _, sql := range []string{
		`UPDATE audit_log SET reason = 'changed'`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
		`INSERT INTO schema_migrations (version, name) VALUES (9999, 'sneaky')`,
		`CREATE TABLE sneaky (id int)`,
	} {
		if _, err := apiConn.Exec(ctx, sql); !permissionDenied(err) {
			t.Errorf("API role: %s: %v, want permission denied", sql, err)
		}
	}

	// Retention: the API's role cannot run it; the owner's can, with the same configuration.
	apiRetention, err := app.NewPrivacy(p.cfg, apiDB, logger())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := apiRetention.RunRetention(ctx); !permissionDenied(err) {
		t.Fatalf("retention as the API role: %v, want permission denied", err)
	}
	ownerRetention, err := app.NewPrivacy(p.cfg, ownerDB, logger())
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := ownerRetention.RunRetention(ctx); err != nil || rep.Skipped {
		t.Fatalf("retention as the owner: %+v, %v", rep, err)
	}
	// The platform keeps serving as the API's role after the owner's run.
	p.expect(http.StatusOK, "", "GET", "/v1/me", p.login(rs[0].p.Username), nil)
}

// guideSQL returns the ```sql blocks of deploy/README.md's database section, in order.
func guideSQL(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../deploy/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(raw), "\n## 2. The database\n")
	if !ok {
		t.Fatal(`deploy/README.md has no "## 2. The database" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)\n```sql\n(.*?)\n```\n").FindAllStringSubmatch(section, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// roleURL is the postgres:// URL u with the given role as user and the role's name as its password.
func roleURL(u, role string) string {
	parsed, _ := url.Parse(u)
	parsed.User = url.UserPassword(role, role)
	return parsed.String()
}

func connect(t *testing.T, u string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// execSQL runs sql (several statements) on the database at u.
func execSQL(t *testing.T, u, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := connect(t, u).Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// permissionDenied reports Postgres' insufficient_privilege (42501) anywhere in err's chain.
func permissionDenied(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "42501"
}
