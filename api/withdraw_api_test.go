package api

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// claimsState is every row and file the claim rules touch, as text, to prove that a refusal changed nothing.
func (a *testAPI) claimsState(files *photos.Store) string {
	a.t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, places_taken, reserved_cents, spent_cents FROM chores ORDER BY id`,
		`SELECT id, status, note, coalesce(decided_at::text, ''), coalesce(intent_id, 0) FROM claims ORDER BY id`,
		`SELECT claim_id, n, file_name FROM claim_photos ORDER BY claim_id, n`,
		`SELECT count(*) FROM chain_intents`, `SELECT count(*) FROM audit_log`,
	} {
		rows, err := a.db.SQL().Query(q)
		if err != nil {
			a.t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	left, err := files.List()
	if err != nil {
		a.t.Fatal(err)
	}
	fmt.Fprintln(&b, "files", len(left))
	return b.String()
}

// TestWithdrawClaimOverHTTP: POST /v1/claims/{id}/withdraw. Another resident's withdrawal is 404 and a
// decided claim's is 409 not_withdrawable, changing nothing; the resident's own submitted claim becomes
// withdrawn, its photo (row and file) goes, its place comes back, it leaves the review queue, and the
// erasure request it blocked (409 erasure_blocked) is granted.
func TestWithdrawClaimOverHTTP(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	files := a.withChoresAndPrivacy()
	adminTok := a.admin("beheer")
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	chore := a.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, choreBody(300, 2))["id"].(string)
	alice, bob := a.boundResident(adminTok, "alice"), a.boundResident(adminTok, "bob")
	claim := a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+chore+"/claims", alice, nil)["id"].(string)
	if status, out := a.form("/v1/claims/"+claim+"/proof", alice, [][]byte{phototest.JPEG(30, 20)}, map[string]string{"note": "Klaar bij de kerk"}); status != http.StatusOK {
		t.Fatalf("proof: %d %v", status, out)
	}
	decided := a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+chore+"/claims", bob, nil)["id"].(string)
	a.form("/v1/claims/"+decided+"/proof", bob, [][]byte{phototest.JPEG(8, 8)}, nil)
	a.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+decided+"/reject", reviewer, map[string]any{"reason": "Andere plek"})
	if queue := a.expect(http.StatusOK, "", "GET", "/v1/admin/claims", reviewer, nil)["claims"].([]any); len(queue) != 1 {
		t.Fatalf("queue before: %v", queue)
	}
	request := a.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", alice, map[string]any{"kind": "erasure"})["id"].(string)
	a.expect(http.StatusConflict, "erasure_blocked", "POST", "/v1/admin/privacy/requests/"+request+"/close", adminTok, map[string]any{"decision": "granted"})

	before := a.claimsState(files)
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/claims/"+claim+"/withdraw", bob, nil)
	a.expect(http.StatusConflict, "not_withdrawable", "POST", "/v1/claims/"+decided+"/withdraw", bob, nil)
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/claims/not-a-claim/withdraw", alice, nil)
	a.expect(http.StatusForbidden, "forbidden", "POST", "/v1/claims/"+claim+"/withdraw", reviewer, nil)
	if after := a.claimsState(files); after != before {
		t.Fatalf("refused withdrawals changed something:\n%s\n---\n%s", before, after)
	}
	stored, _ := files.List()

	out := a.expect(http.StatusOK, "", "POST", "/v1/claims/"+claim+"/withdraw", alice, nil)
	if out["status"] != "withdrawn" || out["photo_count"] != float64(0) || out["note"] != nil || out["decided_at"] == nil {
		t.Fatalf("withdrawn: %v", out)
	}
	if n := a.count("claim_photos"); n != 1 {
		t.Fatalf("%d photo rows left, want bob's one", n)
	}
	for _, f := range stored {
		var n int
		a.db.SQL().QueryRow(`SELECT count(*) FROM claim_photos WHERE file_name = $1`, f.Name).Scan(&n)
		if _, err := os.Stat(files.Dir() + "/" + f.Name); (n == 0) != os.IsNotExist(err) {
			t.Fatalf("photo file %s: %d rows, stat %v", f.Name, n, err)
		}
	}
	if left, _ := files.List(); len(left) != len(stored)-1 {
		t.Fatalf("%d photo files before and %d after the withdrawal", len(stored), len(left))
	}
	if one := a.expect(http.StatusOK, "", "GET", "/v1/chores/"+chore, bob, nil); one["places_left"] != float64(2) {
		t.Fatalf("the place did not come back: %v", one)
	}
	if queue := a.expect(http.StatusOK, "", "GET", "/v1/admin/claims", reviewer, nil)["claims"].([]any); len(queue) != 0 {
		t.Fatalf("the withdrawn claim is still in the queue: %v", queue)
	}
	if list := a.expect(http.StatusOK, "", "GET", "/v1/admin/claims?status=withdrawn", reviewer, nil)["claims"].([]any); len(list) != 1 {
		t.Fatalf("withdrawn claims: %v", list)
	}
	before = a.claimsState(files)
	a.expect(http.StatusConflict, "not_withdrawable", "POST", "/v1/claims/"+claim+"/withdraw", alice, nil)
	a.expect(http.StatusConflict, "invalid_claim_state", "POST", "/v1/admin/claims/"+claim+"/approve", reviewer, nil)
	if after := a.claimsState(files); after != before {
		t.Fatalf("withdrawing twice or approving a withdrawn claim changed something:\n%s\n---\n%s", before, after)
	}

	closed := a.expect(http.StatusOK, "", "POST", "/v1/admin/privacy/requests/"+request+"/close", adminTok, map[string]any{"decision": "granted"})
	if closed["erased"] == nil {
		t.Fatalf("erasure after the withdrawal: %v", closed)
	}
}
