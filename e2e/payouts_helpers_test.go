package e2e_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/xuri/excelize/v2"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/testenv"
)

// finance creates a staff member who holds only finance and returns its access token.
func (p *platform) finance(username string) string {
	p.tb.Helper()
	return p.staffLogin(username, accounts.PrivFinance)
}

// reward has each resident earn cents through the chores flow (claim and proof through the services,
// approval over HTTP by a reviewer) and waits until the rewards are minted and indexed.
func (p *platform) reward(rs []resident, cents int64, reviewerTok string) {
	p.tb.Helper()
	ids := p.submittedClaims(rs, p.chore(cents, len(rs)))
	keys := make([]string, len(ids))
	for i, id := range ids {
		p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+id+"/approve", reviewerTok, nil)
		keys[i] = "claim:" + id
	}
	p.waitIntents("the rewards", keys...)
	p.waitIndexed()
}

// pay has the resident (logged in with token) pay the shop's request of cents over HTTP and returns the
// request's id once the payment is confirmed.
func (p *platform) pay(s shop, r resident, token string, cents int64) string {
	p.tb.Helper()
	id, _ := p.request(s, cents)
	req, err := p.walletClient(token).PaymentRequest(p.ctx, id)
	if err != nil {
		p.tb.Fatal(err)
	}
	if code, body := p.postPay(token, id, payBody(p.tb, r.key, req, nil), "pay-"+id); code != http.StatusOK {
		p.tb.Fatalf("pay: %d %v", code, body)
	}
	p.waitFor("the payment", 2*time.Minute, func() bool {
		out := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+id, token, nil)
		return out["status"] == "confirmed"
	})
	return id
}

// raw sends a request and returns the status, the body and the response headers.
func (p *platform) raw(method, path, token string) (int, []byte, http.Header) {
	p.tb.Helper()
	req, _ := http.NewRequestWithContext(p.ctx, method, p.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, body, res.Header
}

// waitRun waits until GET /v1/admin/payouts/{id} answers the status, and returns the run.
func (p *platform) waitRun(token, id, status string) map[string]any {
	p.tb.Helper()
	var run map[string]any
	p.waitFor("payout run "+status, 3*time.Minute, func() bool {
		run = p.expect(http.StatusOK, "", "GET", "/v1/admin/payouts/"+id, token, nil)
		return run["status"] == status
	})
	return run
}

// redeemedOnChain reads the coin's Redeemed events under ref from the chain itself: cents and count per address.
func (p *platform) redeemedOnChain(ref common.Hash) (map[common.Address]int64, map[common.Address]int) {
	p.tb.Helper()
	coin := bindings.NewHeitjeCoin()
	logs, err := p.client.FilterLogs(p.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(p.deploy.Block),
		Addresses: []common.Address{p.deploy.Address}, Topics: [][]common.Hash{{coin.GetABI().Events["Redeemed"].ID}, nil, {ref}}})
	if err != nil {
		p.tb.Fatal(err)
	}
	cents, n := map[common.Address]int64{}, map[common.Address]int{}
	for i := range logs {
		ev, err := coin.UnpackRedeemedEvent(&logs[i])
		if err != nil {
			p.tb.Fatal(err)
		}
		cents[ev.From] += ev.Amount.Int64()
		n[ev.From]++
	}
	return cents, n
}

// reportLines parses a consolidated report: shop id to coins redeemed in cents, and the TOTAL line.
func reportLines(t *testing.T, report []byte) (map[string]int64, []string) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(report)).ReadAll()
	if err != nil || len(rows) < 3 || rows[0][0] != "shop_id" || rows[0][7] != "coins_redeemed" {
		t.Fatalf("report: %v\n%s", err, report)
	}
	out := map[string]int64{}
	for _, r := range rows[1 : len(rows)-1] {
		var whole, cents int64
		fmt.Sscanf(r[7], "%d.%d", &whole, &cents)
		out[r[0]] = whole*100 + cents
	}
	return out, rows[len(rows)-1]
}

// validateBankFile checks a bank file against internal/payouts/testdata/pain.001.001.03.xsd (a copy of
// ../shared/schemas) with xmllint, installing Debian's libxml2-utils when xmllint is missing; it never skips.
func validateBankFile(t *testing.T, file []byte) {
	t.Helper()
	xmllint := testenv.Tool(t, "xmllint", "libxml2-utils")
	schema := filepath.Join(testenv.ProjectRoot(), "internal", "payouts", "testdata", "pain.001.001.03.xsd")
	path := filepath.Join(t.TempDir(), "sepa.xml")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", schema, path).CombinedOutput()
	if err != nil {
		t.Fatalf("the bank file does not validate: %v\n%s\n%s", err, out, file)
	}
}

// reconcileCmd runs `heitje reconcile` with args against the platform and returns its standard output (and
// error output, unless --json is asked for) and exit code.
func (p *platform) reconcileCmd(t *testing.T, bin string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"reconcile"}, args...)...)
	cmd.Dir = t.TempDir()
	cmd.Env = p.childEnv()
	var out []byte
	var err error
	if len(args) > 0 {
		out, err = cmd.Output()
	} else {
		out, err = cmd.CombinedOutput()
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// today is the current date in the municipality, as the API takes it.
func today(t *testing.T) time.Time {
	return time.Now().In(amsterdam(t))
}

// fmtJSON writes a value as JSON, for searching an answer's text.
func fmtJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// mentions reports which of the needles the text contains, case-insensitively.
func mentions(text string, needles ...string) []string {
	var out []string
	lower := strings.ToLower(text)
	for _, n := range needles {
		if n != "" && strings.Contains(lower, strings.ToLower(n)) {
			out = append(out, n)
		}
	}
	return out
}

// workbookRows reads the cells of the report workbook's one sheet as the reader shows them.
func workbookRows(t *testing.T, book []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Uitbetaling")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// inRows reports whether a cell of rows is s.
func inRows(rows [][]string, s string) bool {
	for _, r := range rows {
		if slices.Contains(r, s) {
			return true
		}
	}
	return false
}
