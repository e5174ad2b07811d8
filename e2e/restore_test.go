package e2e_test

import (
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestDatabaseRestoredFromADumpMintsOnce: the municipality restores its database from a dump taken before a
// claim's approval, after the approval's mint was confirmed on chain. `heitje serve` runs in a child
// process; a pg_dump is taken with the claim submitted; the claim is approved and rewarded; the server is
// stopped and every table emptied and filled again from the dump (ledger and indexer cursor included), and
// the server started again. The claim is submitted again as far as the database knows; approving it a
// second time mints nothing new: the coin refuses the used reference, the sender finds the earlier mint and
// records it, the claim ends rewarded with the first mint's transaction, and the chain holds one Minted
// event and the reward once.
func TestDatabaseRestoredFromADumpMintsOnce(t *testing.T) {
	t.Parallel()
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	server := p.startChild(t, bin)
	reviewerTok := p.reviewer("keurder")
	r := p.residents(1)[0]
	claimID := p.submittedClaims([]resident{r}, p.chore(425, 2))[0]

	dump := filepath.Join(t.TempDir(), "heitje.dump")
	run(t, pgTool(t, "pg_dump"), "--format=custom", "--data-only", "--file="+dump, p.cfg.DatabaseURL)

	approve := func() string { return p.approveUntilRewarded(reviewerTok, claimID, 3*time.Minute) }
	firstTx := approve()
	p.waitIndexed()

	// The restore: the server stopped, every table emptied and filled from the dump.
	server.Process.Kill()
	server.Wait()
	var tables []string
	rows, err := p.db.SQL().QueryContext(p.ctx, `SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	// As a restore into a fresh database would: the append-only audit log's guard is a trigger, which a
	// replica session (a superuser's, as a restore runs) does not fire.
	tx, err := p.db.SQL().BeginTx(p.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(p.ctx, `SET LOCAL session_replication_role = replica`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(p.ctx, `TRUNCATE `+strings.Join(tables, ", ")+` CASCADE`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	run(t, pgTool(t, "pg_restore"), "--data-only", "--disable-triggers", "--single-transaction", "--dbname="+p.cfg.DatabaseURL, dump)
	if n := p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'submitted' AND intent_id IS NULL`, claimID); n != 1 {
		t.Fatal("after the restore the claim is not submitted")
	}
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key = $1`, "claim:"+claimID); n != 0 {
		t.Fatal("after the restore the mint's intent is still there")
	}

	p.startChild(t, bin)
	secondTx := approve()
	if secondTx != firstTx {
		t.Fatalf("the claim was rewarded by %s after the restore, want the first mint %s", secondTx, firstTx)
	}
	p.waitBlocksIndexed(2) // in which a second mint would land
	if refs := p.mintedRefs(); len(refs) != 1 || refs[chores.ClaimRef(claimID)] != 1 {
		t.Fatalf("Minted events on chain: %v", refs)
	}
	if got := p.balanceOf(r.addr); got.Cmp(big.NewInt(425)) != 0 {
		t.Fatalf("balance on chain %s, want 425", got)
	}
	p.waitIndexed()
	if got := p.ledgerBalance(r.addr); got != 425 {
		t.Fatalf("the ledger after re-indexing holds %d for the resident, want 425", got)
	}
	if out, code := p.reconcileCmd(t, bin); code != 0 || !strings.Contains(out, "OK: every equality holds") {
		t.Fatalf("reconciliation after the restore: exit %d\n%s", code, out)
	}
}

// pgTool is the path of a PostgreSQL client program of the version the test cluster runs: beside the
// server's binaries (/usr/lib/postgresql/<version>/bin, where Debian puts them), else on $PATH.
func pgTool(t *testing.T, name string) string {
	t.Helper()
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return filepath.Join(dir, name)
		}
	}
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found beside the PostgreSQL server or on $PATH: %v", name, err)
	}
	return path
}

// run runs a command and fails the test with its output when it fails.
func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}
