package e2e_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestPaymentsSurviveANodeKill has 30 residents pay once each through the API (two relayer keys), kills the
// chain node with SIGKILL as soon as every payment is answered, so that the transactions still in its pool
// are lost; has each resident pay again while the node is down (the API must still answer submitted), and
// starts the node again on its data. Every payment must be confirmed exactly once: the senders send the lost
// transactions again and the ones queued during the outage after them.
func TestPaymentsSurviveANodeKill(t *testing.T) {
	const n, balance, price = 30, 1000, 400
	node := testenv.StartOwnChain(t)
	p := newPlatformOn(t, node.ChainEnv)
	p.cfg.RelayerKeys = append(p.cfg.RelayerKeys, node.FundedKey(t))
	p.serve()
	s := p.newShop("drogist", true)
	rs := p.fundedResidents(n, balance)
	tokens := p.logins(rs)
	type payment struct {
		resident int
		id       string
		body     map[string]any
	}
	rounds := make([][]payment, 2)
	for round := range rounds {
		for i := range rs {
			id, _ := p.request(s, price)
			req, err := p.walletClient(tokens[i]).PaymentRequest(p.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			rounds[round] = append(rounds[round], payment{resident: i, id: id, body: payBody(t, rs[i].key, req, nil)})
		}
	}
	submitted := map[string]bool{}
	pay := func(round int) (withHash int) {
		hashes := make([]string, n)
		parallel(n, n, func(i int) {
			py := rounds[round][i]
			status, body, err := tryPost(http.DefaultClient, p.base, tokens[py.resident], py.id, py.body, fmt.Sprint("node-", round, "-", i))
			if err != nil || status != http.StatusOK || body["status"] != "submitted" {
				t.Errorf("round %d, payment %d: %d %v %v", round, i, status, body, err)
				return
			}
			hashes[i], _ = body["tx_hash"].(string)
		})
		if t.Failed() {
			t.FailNow()
		}
		for i, py := range rounds[round] {
			submitted[py.id] = true
			if hashes[i] != "" {
				withHash++
			}
		}
		return withHash
	}

	sent := pay(0)
	rebroadcast := p.metric("heitje_chain_transactions_rebroadcast_total")
	var mined uint64 // the payments mined before the kill: the relayers' nonces on chain
	for _, k := range p.cfg.RelayerKeys {
		nonce, err := p.client.NonceAt(p.ctx, crypto.PubkeyToAddress(k.PublicKey), nil)
		if err != nil {
			t.Fatal(err)
		}
		mined += nonce
	}
	node.Kill(t)
	counts := p.intentCounts()
	t.Logf("node killed with the relay intents at %v, %d of %d payments mined (%d answers carried a transaction hash)",
		counts, mined, n, sent)
	if withHash := pay(1); withHash != 0 {
		t.Fatalf("%d payments made while the node was down carry a transaction hash", withHash)
	}
	time.Sleep(2 * time.Second) // the senders meet the outage for a while
	node.Restart(t)
	p.waitFor("every payment to be confirmed", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
	})
	p.waitIndexed()
	p.exactlyOnce(t, s, submitted, rs, price)
	// The node came back without the transactions that were in its pool: the senders sent them again.
	if again := p.metric("heitje_chain_transactions_rebroadcast_total") - rebroadcast; again == 0 {
		t.Fatal("no transaction was sent again: nothing was lost with the node's pool, so nothing was tested")
	} else {
		t.Logf("%.0f transactions sent again after the restart", again)
	}
	if failed := p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'failed'`); failed != 0 {
		t.Fatalf("%d payments failed", failed)
	}
}
