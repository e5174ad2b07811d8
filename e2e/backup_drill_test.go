package e2e_test

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestBackupRestoreDrill follows section 5 of deploy/README.md on a cluster of its own: pgBackRest (Debian's
// package, installed when missing) with the guide's configuration, WAL archiving with the guide's settings,
// and the guide's stanza-create, check, backup and restore lines, with the test's own folders, port and
// passphrase. The platform runs on the cluster (`heitje serve` in a child process): a reward is minted, a full
// backup taken, then a payment confirmed, so that the payment is only in the archived WAL. The cluster and
// the server are then lost; the backup is restored with the drill's line into a new cluster's folder and
// Postgres started on it. Once it has replayed the WAL, `heitje serve` runs on it: the reward and the payment
// are there, a further payment confirms, and `heitje reconcile` exits 0.
func TestBackupRestoreDrill(t *testing.T) {
	pgbackrest := testenv.Tool(t, "pgbackrest", "pgbackrest")
	guide := readDrillGuide(t)
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	// Every folder lives under one the postgres user may create folders in (as in /tmp).
	root, err := os.MkdirTemp("", "heitje-drill-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	if err := os.Chmod(root, 0o1777); err != nil {
		t.Fatal(err)
	}
	asServer := func(name string, env []string, args ...string) string {
		t.Helper()
		cmd, err := devnet.ServerCommand(ctx, name, args...)
		if err != nil {
			t.Fatal(err)
		}
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	for _, d := range []string{"repo", "log", "lock"} {
		asServer("mkdir", nil, "-m", "0750", filepath.Join(root, d))
	}
	startCluster := func(dir string) *devnet.Postgres {
		t.Helper()
		pg, err := devnet.StartPostgres(ctx, devnet.PostgresOptions{DataDir: dir, Persistent: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { pg.Stop() })
		return pg
	}

	pg := startCluster(filepath.Join(root, "main"))
	conf := filepath.Join(root, "pgbackrest.conf")
	// pgbackrest runs the guide's lines as the postgres user, with the test's configuration file; it reaches
	// the cluster through its socket in the data folder with the superuser's password.
	pgbr := func(pg *devnet.Postgres, line []string) string {
		t.Helper()
		u, err := url.Parse(pg.URL())
		if err != nil {
			t.Fatal(err)
		}
		password, _ := u.User.Password()
		return asServer(pgbackrest, []string{"PGPASSWORD=" + password}, append([]string{"--config=" + conf}, line...)...)
	}

	// WAL archiving as the guide sets it, with the test's configuration file, and a restart; the
	// configuration names the restarted cluster's port.
	archiving := false
	for _, stmt := range guide.sql {
		archiving = archiving || strings.Contains(stmt, "'pgbackrest ")
		adminExec(t, pg, strings.ReplaceAll(stmt, "'pgbackrest ", "'"+pgbackrest+" --config="+conf+" "))
	}
	if !archiving {
		t.Fatal("deploy/README.md section 5's settings do not archive with pgbackrest")
	}
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	pg = startCluster(filepath.Join(root, "main"))
	guide.writeConf(t, conf, map[string]string{"repo1-path": filepath.Join(root, "repo"),
		"repo1-cipher-pass": "drill-passphrase-of-the-test"}, map[string]string{"lock-path": filepath.Join(root, "lock"),
		"log-path": filepath.Join(root, "log")}, pg)
	if got := adminQuery(t, pg, "SELECT current_setting('archive_mode')"); got != "on" {
		t.Fatalf("archive_mode is %q after the guide's settings and a restart", got)
	}
	pgbr(pg, guide.line(t, "stanza-create"))
	pgbr(pg, guide.line(t, "check"))

	// The platform on the cluster: a reward minted before the full backup, a payment confirmed after it.
	db, err := store.Open(ctx, pg.URL())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	p := newPlatformAt(t, testenv.Chain(t), pg.URL())
	server := p.startChild(t, bin)
	reviewerTok := p.reviewer("keurder")
	s := p.newShop("bakker-bart", true)
	r := p.residents(1)[0]
	claimID := p.submittedClaims([]resident{r}, p.chore(1000, 1))[0]
	p.approveUntilRewarded(reviewerTok, claimID, 3*time.Minute)
	p.waitIndexed()
	tok := p.login(r.p.Username)
	before := p.pay(s, r, tok, 300)

	backup := guide.line(t, "backup")
	if !slices.Contains(backup, "--type=full") {
		t.Fatalf("the guide's first backup is not a full one: pgbackrest %s", strings.Join(backup, " "))
	}
	pgbr(pg, backup)
	after := p.pay(s, r, tok, 200)
	p.waitIndexed()
	// The cluster is lost once the server is gone and its last WAL is archived (check switches segments
	// and waits for the archive).
	server.Process.Kill()
	server.Wait()
	pgbr(pg, guide.line(t, "check"))
	info := pgbr(pg, guide.line(t, "info"))
	if !strings.Contains(info, "full backup") {
		t.Fatalf("pgbackrest info lists no full backup:\n%s", info)
	}
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}

	// The drill: a new cluster's folder (as pg_createcluster makes it), the guide's restore line into it.
	drill := startCluster(filepath.Join(root, "drill"))
	if err := drill.Stop(); err != nil {
		t.Fatal(err)
	}
	restore := guide.line(t, "restore")
	if !slices.Contains(restore, "--archive-mode=off") {
		t.Fatalf("the drill's restore line lets the copy archive into the repository: pgbackrest %s", strings.Join(restore, " "))
	}
	replaced := false
	for i, arg := range restore {
		if strings.HasPrefix(arg, "--pg1-path=") {
			restore[i], replaced = "--pg1-path="+drill.DataDir(), true
		}
	}
	if !replaced {
		t.Fatalf("the drill's restore line names no --pg1-path: pgbackrest %s", strings.Join(restore, " "))
	}
	pgbr(drill, restore)
	restored := startCluster(drill.DataDir())
	p.waitFor("the restored cluster to replay the archived WAL", 3*time.Minute, func() bool {
		return adminQuery(t, restored, "SELECT pg_is_in_recovery()::text") == "false"
	})

	// The API on the restored database: the data is there, it serves, and the ledger equals the chain.
	if p.db, err = store.Open(ctx, restored.URL()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.db.Close() })
	p.cfg.DatabaseURL = restored.URL()
	p.startChild(t, bin)
	if code, body := p.readyz(); code != http.StatusOK {
		t.Fatalf("/readyz on the restored database: %d %v", code, body)
	}
	if n := p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'rewarded'`, claimID); n != 1 {
		t.Fatal("the claim rewarded before the backup is not rewarded in the restored database")
	}
	tok = p.login(r.p.Username)
	for _, id := range []string{before, after} {
		if out := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+id, tok, nil); out["status"] != "confirmed" {
			t.Fatalf("payment %s in the restored database: %v", id, out)
		}
	}
	p.waitIndexed()
	if got := p.ledgerBalance(r.addr); got != 500 {
		t.Fatalf("the resident's balance in the restored ledger is %d cents, want 500", got)
	}
	s.token = p.login("bakker-bart")
	p.pay(s, r, tok, 100)
	p.waitIndexed()
	out, code := p.reconcileCmd(t, bin)
	if code != 0 || !strings.Contains(out, "OK: every equality holds") {
		t.Fatalf("heitje reconcile on the restored database: exit %d\n%s", code, out)
	}
	t.Logf("heitje reconcile on the restored database:\n%s", out)
}

// drillGuide is what TestBackupRestoreDrill reads from section 5 of deploy/README.md: the pgBackRest
// configuration (the ini block), the archiving settings (the sql block, one statement each) and the
// arguments of every `runuser -u postgres -- pgbackrest …` line of the sh blocks, by the command they end in.
type drillGuide struct {
	ini   string
	sql   []string
	lines map[string][]string
}

func readDrillGuide(t *testing.T) drillGuide {
	t.Helper()
	raw, err := os.ReadFile("../deploy/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(raw), "\n## 5. Backups with pgBackRest, and the restore drill\n")
	if !ok {
		t.Fatal(`deploy/README.md has no "## 5. Backups with pgBackRest, and the restore drill" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	g := drillGuide{lines: map[string][]string{}}
	for _, m := range regexp.MustCompile("(?s)\n```(ini|sql|sh)\n(.*?)\n```\n").FindAllStringSubmatch(section, -1) {
		switch m[1] {
		case "ini":
			g.ini = m[2]
		case "sql":
			for _, stmt := range strings.SplitAfter(m[2], ";\n") {
				if stmt = strings.TrimSpace(stmt); stmt != "" {
					g.sql = append(g.sql, stmt)
				}
			}
		case "sh":
			for _, line := range strings.Split(m[2], "\n") {
				args, ok := strings.CutPrefix(line, "runuser -u postgres -- pgbackrest ")
				if fields := strings.Fields(args); ok && len(fields) > 0 {
					g.lines[fields[len(fields)-1]] = fields
				}
			}
		}
	}
	if g.ini == "" || len(g.sql) == 0 {
		t.Fatal("deploy/README.md section 5 lacks the ini block of pgbackrest.conf or the sql block of the archiving settings")
	}
	return g
}

// line returns the arguments of the guide's `pgbackrest … command` line (a copy).
func (g drillGuide) line(t *testing.T, command string) []string {
	t.Helper()
	args, ok := g.lines[command]
	if !ok {
		t.Fatalf("deploy/README.md section 5 has no `runuser -u postgres -- pgbackrest … %s` line", command)
	}
	return slices.Clone(args)
}

// writeConf writes the guide's configuration to path with the values of replace in place of the guide's
// (each must be in the guide), the settings of global added to [global], and the stanza's pg1-path, port,
// socket folder and user set to those of pg.
func (g drillGuide) writeConf(t *testing.T, path string, replace, global map[string]string, pg *devnet.Postgres) {
	t.Helper()
	stanza := map[string]string{"pg1-path": pg.DataDir(), "pg1-port": strconv.Itoa(pg.Port()),
		"pg1-socket-path": pg.DataDir(), "pg1-user": "postgres"}
	var out []string
	section, stanzas := "", 0
	done := map[string]bool{}
	flush := func() {
		add := global
		if section != "global" {
			add = stanza
		}
		for _, k := range slices.Sorted(maps.Keys(add)) {
			if !done[section+"/"+k] {
				out = append(out, k+"="+add[k])
			}
		}
	}
	for _, line := range strings.Split(g.ini, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			if section != "" {
				flush()
			}
			section = strings.Trim(line, "[]")
			if section != "global" {
				stanzas++
			}
			out = append(out, line)
			continue
		}
		key, _, ok := strings.Cut(line, "=")
		if !ok {
			out = append(out, line)
			continue
		}
		values := replace
		if section != "global" {
			values = stanza
		}
		if v, ok := values[key]; ok {
			line = key + "=" + v
			done[section+"/"+key] = true
		}
		out = append(out, line)
	}
	flush()
	for k := range replace {
		if !done["global/"+k] {
			t.Fatalf("deploy/README.md's pgbackrest.conf sets no %s in [global]", k)
		}
	}
	if stanzas != 1 || !strings.Contains(g.ini, "\npg1-path=") {
		t.Fatalf("deploy/README.md's pgbackrest.conf must have one stanza with its pg1-path:\n%s", g.ini)
	}
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// adminExec runs one statement on the cluster's database heitje as the superuser.
func adminExec(t *testing.T, pg *devnet.Postgres, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, pg.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// adminQuery returns the one text value a query of the cluster's database heitje answers.
func adminQuery(t *testing.T, pg *devnet.Postgres, sql string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, pg.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var v string
	if err := conn.QueryRow(ctx, ""+sql).Scan(&v); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return v
}
