package privacy_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/privacy"
)

// TestWithdrawingUnblocksErasure: the resident's undecided claim (here submitted, with a photo) blocks their
// erasure request; once they withdraw it, its photo is gone at once and the same request is granted without
// waiting for the claim to expire, leaving nothing of them.
func TestWithdrawingUnblocksErasure(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	r := w.resident
	note := "Boodschappen gedaan voor mevrouw Truus de Vries"
	e.must(e.chores.SubmitProof(e.ctx, r.p, w.open, note, [][]byte{phototest.JPEG(16, 16)}))
	var photo string
	if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT file_name FROM claim_photos WHERE claim_id = $1`, w.open).Scan(&photo); err != nil {
		t.Fatal(err)
	}
	req, err := e.svc.FileRequest(e.ctx, r.p, privacy.RequestInput{Kind: privacy.KindErasure})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, ""); !errors.Is(err, privacy.ErrErasureBlocked) ||
		!strings.Contains(err.Error(), "1 open claim") {
		t.Fatalf("erasure with a submitted claim: %v", err)
	}

	cl, err := e.chores.Withdraw(e.ctx, r.p, w.open)
	if err != nil || cl.Status != chores.StatusWithdrawn {
		t.Fatalf("withdraw: %+v %v", cl, err)
	}
	if e.count(`SELECT count(*) FROM claim_photos WHERE claim_id = $1`, w.open) != 0 {
		t.Fatal("the withdrawn claim's photo rows are still there")
	}
	if _, err := os.Stat(filepath.Join(e.files.Dir(), photo)); !os.IsNotExist(err) {
		t.Fatalf("the withdrawn claim's photo file is still there (%v)", err)
	}
	out, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, "")
	if err != nil || out.Erased == nil || out.Erased.Rows["accounts"] != 1 {
		t.Fatalf("erasure after the withdrawal: %+v %v", out.Erased, err)
	}
	if found := e.leftovers(append(append([]string{}, r.values...), note), map[string][]string{"audit_log": {r.p.AccountID}}); len(found) > 0 {
		t.Fatalf("after erasure:\n  %s", strings.Join(found, "\n  "))
	}
}
