package e2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestPaymentsSurviveKillAndRestart has 100 residents, each holding €10, try to pay three €4 requests at
// once through `heitje serve` in a child process (four relayer keys), fifty at a time, kills the process with
// SIGKILL after the first 100 answers and starts it again; unanswered payments are retried with their
// Idempotency-Key.
// Every payment answered submitted must be confirmed exactly once (one relay intent, one use of its nonce
// on chain, one transfer), each resident must have been refused the third payment, and no balance may go
// below zero.
func TestPaymentsSurviveKillAndRestart(t *testing.T) {
	t.Parallel()
	const n, perResident, balance, price = 100, 3, 1000, 400
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	env := testenv.Chain(t)
	p.cfg.RelayerKeys = append(p.cfg.RelayerKeys, env.FundedKey(t), env.FundedKey(t), env.FundedKey(t))
	first := p.startChild(t, bin)
	s := p.newShop("kruidenier", true)
	rs := p.fundedResidents(n, balance)

	type payment struct {
		resident    int
		id, key     string
		body        map[string]any
		status      int
		code        string
		afterRetry  bool
		answeredBy2 bool
	}
	pays := make([]*payment, 0, n*perResident)
	tokens := p.logins(rs)
	for i := range rs {
		for j := range perResident {
			id, _ := p.request(s, price)
			req, err := p.walletClient(tokens[i]).PaymentRequest(p.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			pays = append(pays, &payment{resident: i, id: id, key: fmt.Sprintf("kill-%d-%d", i, j), body: payBody(t, rs[i].key, req, nil)})
		}
	}

	var base atomic.Value
	base.Store(p.base)
	var answered, restarted atomic.Int32
	// Fifty phones at a time pay; after the hundredth answer none sends again until the restarted process
	// serves, so whatever the machine's speed at least 300-100-50 payments are answered by the second life.
	const phones = 50
	killNow, restartedNow := make(chan struct{}), make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	hc := &http.Client{Timeout: time.Minute}
	queue := make(chan *payment, len(pays))
	for _, py := range pays {
		queue <- py
	}
	close(queue)
	for range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for py := range queue {
				deadline := time.Now().Add(5 * time.Minute)
				for time.Now().Before(deadline) {
					select {
					case <-killNow:
						<-restartedNow
					default:
					}
					status, body, err := tryPost(hc, base.Load().(string), tokens[py.resident], py.id, py.body, py.key)
					if err != nil || status >= 500 {
						py.afterRetry = true
						time.Sleep(100 * time.Millisecond)
						continue
					}
					py.status, py.code, py.answeredBy2 = status, errCode(body), restarted.Load() == 1
					if answered.Add(1) == n {
						once.Do(func() { close(killNow) })
					}
					break
				}
			}
		}()
	}
	select {
	case <-killNow:
	case <-time.After(5 * time.Minute):
		t.Fatal("fewer than 100 payments answered within five minutes")
	}
	first.Process.Kill()
	first.Wait()
	atKill := answered.Load()
	var inFlight []string
	for st, c := range p.intentCounts() {
		inFlight = append(inFlight, fmt.Sprintf("%s=%d", st, c))
	}
	p.startChild(t, bin)
	base.Store(p.base)
	restarted.Store(1)
	close(restartedNow)
	wg.Wait()
	t.Logf("killed after %d of %d answers (relay intents then: %v)", atKill, len(pays), inFlight)

	submitted := map[string]bool{}
	perRes := make([]int, n)
	var retried, secondLife int
	for _, py := range pays {
		switch {
		case py.status == http.StatusOK:
			submitted[py.id] = true
			perRes[py.resident]++
		case py.status == http.StatusUnprocessableEntity && py.code == "insufficient_balance":
		default:
			t.Fatalf("payment %s (resident %d): %d %s", py.id, py.resident, py.status, py.code)
		}
		if py.afterRetry {
			retried++
		}
		if py.answeredBy2 {
			secondLife++
		}
	}
	t.Logf("%d submitted, %d retried after the kill, %d answered by the restarted process", len(submitted), retried, secondLife)
	for i, c := range perRes {
		if c != balance/price {
			t.Fatalf("resident %d had %d payments accepted, want %d", i, c, balance/price)
		}
	}
	if secondLife < len(pays)-n-phones {
		t.Fatalf("%d payments answered by the restarted process, want at least %d", secondLife, len(pays)-n-phones)
	}
	p.waitFor("every submitted payment to be confirmed", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
	})
	p.waitIndexed()
	p.exactlyOnce(t, s, submitted, rs, price)
}

// intentCounts counts the relay intents by status.
func (p *platform) intentCounts() map[string]int {
	out := map[string]int{}
	rows, err := p.db.SQL().QueryContext(p.ctx, `SELECT status, count(*) FROM chain_intents WHERE kind = 'transfer_with_authorization' GROUP BY status`)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var c int
		rows.Scan(&st, &c)
		out[st] = c
	}
	return out
}

// exactlyOnce checks the chain against the submitted payments: one relay intent each, one use of each
// request's nonce, one transfer to the shop each, and every balance as the payments say, on chain and in
// the ledger.
func (p *platform) exactlyOnce(t *testing.T, s shop, submitted map[string]bool, rs []resident, price int64) {
	if got := p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'transfer_with_authorization'`); got != len(submitted) {
		t.Fatalf("%d relay intents for %d submitted payments", got, len(submitted))
	}
	coin := bindings.NewHeitjeCoin()
	logs, err := p.client.FilterLogs(p.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(p.deploy.Block),
		Addresses: []common.Address{p.deploy.Address}, Topics: [][]common.Hash{{coin.GetABI().Events["AuthorizationUsed"].ID}}})
	if err != nil {
		t.Fatal(err)
	}
	used := map[common.Hash]int{}
	for i := range logs {
		ev, err := coin.UnpackAuthorizationUsedEvent(&logs[i])
		if err != nil {
			t.Fatal(err)
		}
		used[ev.Nonce]++
	}
	for id := range submitted {
		var nonce string
		if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT auth_nonce FROM payment_requests WHERE id = $1`, id).Scan(&nonce); err != nil {
			t.Fatal(err)
		}
		if c := used[common.HexToHash(nonce)]; c != 1 {
			t.Fatalf("request %s's authorization was used %d times on chain", id, c)
		}
	}
	if len(logs) != len(submitted) {
		t.Fatalf("%d authorizations used on chain for %d submitted payments", len(logs), len(submitted))
	}
	want := map[common.Address]int64{s.addr: int64(len(submitted)) * price}
	for _, r := range rs {
		want[r.addr] = 1000 - 2*price
	}
	for a, cents := range want {
		if got := p.balanceOf(a); got.Int64() != cents || p.ledgerBalance(a) != cents {
			t.Fatalf("%s holds %s on chain and %d in the ledger, want %d", a.Hex(), got, p.ledgerBalance(a), cents)
		}
	}
	if p.count(`SELECT count(*) FROM token_balances WHERE balance < 0`) != 0 {
		t.Fatal("a ledger balance is negative")
	}
}

// tryPost sends a payment to base and reports network errors instead of failing.
func tryPost(hc *http.Client, base, token, id string, body map[string]any, key string) (int, map[string]any, error) {
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/payment-requests/"+id+"/pay", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Idempotency-Key", key)
	res, err := hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, nil, err
	}
	var out map[string]any
	json.Unmarshal(b, &out)
	return res.StatusCode, out, nil
}
