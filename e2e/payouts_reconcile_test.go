package e2e_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestReconcileNamesTamperedRows runs `heitje reconcile` against a platform where residents were rewarded
// and paid a shop: it exits 0 and says OK. A balance raised directly in token_balances, and then an amount
// changed directly in token_events, each make it exit non-zero and name the address, and for the event the
// block and log of the altered row; undoing the change makes it clean again.
func TestReconcileNamesTamperedRows(t *testing.T) {
	t.Parallel()
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	p.serve()
	s := p.newShop("bakker-bart", true)
	rs := p.residents(2)
	p.fund(1000, rs[0].addr, rs[1].addr)
	p.pay(s, rs[0], p.login(rs[0].p.Username), 400)
	p.waitIndexed()
	shopAddr := lower(s.addr)

	out, code := p.reconcileCmd(t, bin)
	if code != 0 || !strings.Contains(out, "OK: every equality holds") {
		t.Fatalf("clean ledger: exit %d\n%s", code, out)
	}

	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := p.db.SQL().ExecContext(p.ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE token_balances SET balance = balance + 500 WHERE address = $1`, shopAddr)
	out, code = p.reconcileCmd(t, bin)
	if code != 1 || !strings.Contains(out, "DIFFERENCE [balance row = its events] "+shopAddr) ||
		!strings.Contains(out, "token_balances says 900") || !strings.Contains(out, "the chain says 400") {
		t.Fatalf("a raised balance: exit %d\n%s", code, out)
	}
	t.Logf("heitje reconcile after the change of a balance:\n%s", out)
	exec(`UPDATE token_balances SET balance = balance - 500 WHERE address = $1`, shopAddr)

	var id, block, logIndex int64
	if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT id, block_number, log_index FROM token_events
		WHERE event = 'Transfer' AND to_address = $1 AND from_address IS NOT NULL`, shopAddr).Scan(&id, &block, &logIndex); err != nil {
		t.Fatal(err)
	}
	exec(`UPDATE token_events SET amount = amount + 7 WHERE id = $1`, id)
	out, code = p.reconcileCmd(t, bin)
	row := "token_events row at block " + strconv.FormatInt(block, 10) + " log " + strconv.FormatInt(logIndex, 10)
	if code != 1 || !strings.Contains(out, row) || !strings.Contains(out, "says 407 from") || !strings.Contains(out, shopAddr) {
		t.Fatalf("an altered event: exit %d, want it to name %q\n%s", code, row, out)
	}
	t.Logf("heitje reconcile after the change of an event:\n%s", out)
	out, code = p.reconcileCmd(t, bin, "--json")
	var rep struct {
		OK          bool
		Differences []difference
	}
	named := func(d difference) bool {
		return d.Check == "transfer log = chain" && d.Block == block && strings.Contains(d.Subject+d.Detail, shopAddr)
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code == 0 || rep.OK || !slices.ContainsFunc(rep.Differences, named) {
		t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
	}
	exec(`UPDATE token_events SET amount = amount - 7 WHERE id = $1`, id)
	if out, code = p.reconcileCmd(t, bin); code != 0 {
		t.Fatalf("after undoing the changes: exit %d\n%s", code, out)
	}
}

// difference is one difference as `heitje reconcile --json` reports it.
type difference struct {
	Check, Subject, Detail string
	Block                  int64
}
