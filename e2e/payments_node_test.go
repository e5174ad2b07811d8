package e2e_test

import (
	"fmt"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestPaymentsSurviveANodeKill runs paymentsThroughANodeKill until one attempt killed the node while payments
// were in its pool. An attempt in which the node had sealed every payment of the first round before the kill
// still checks that every payment is confirmed exactly once, but tests nothing about the lost pool; three
// such attempts in a row fail the test rather than let it pass without testing anything.
// It runs alone (not in parallel): the rebroadcast counter it reads is the process's, shared by every
// platform in it, and the kill must land while its own payments are in the pool.
func TestPaymentsSurviveANodeKill(t *testing.T) {
	const attempts = 3
	for attempt := 1; attempt <= attempts; attempt++ {
		var lost int
		if !t.Run(fmt.Sprint("attempt_", attempt), func(t *testing.T) { lost = paymentsThroughANodeKill(t) }) {
			return
		}
		if lost > 0 {
			return
		}
		t.Logf("attempt %d: the node had sealed every payment of the first round before it was killed", attempt)
	}
	t.Fatalf("in %d attempts the node sealed every payment before it was killed: nothing was lost with its pool, so nothing was tested", attempts)
}

// paymentsThroughANodeKill has 30 residents pay once each through the API (two relayer keys), kills the
// chain node with SIGKILL while relay transactions are in its pool, not yet in a block, so that they are
// lost; has each resident pay again while the node is down (the API must still answer submitted), and
// starts the node again on its data. Every payment must be confirmed exactly once: the senders send the lost
// transactions again and the ones queued during the outage after them. It returns how many payments of the
// first round were lost with the pool: those mined in a block sealed after the restart.
func paymentsThroughANodeKill(t *testing.T) int {
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
	// The kill comes as soon as a relay transaction waits in the node's pool, or, should the node be quicker,
	// once every payment of the round is in a block (an attempt that tests nothing, as counted below).
	p.waitFor("a relay transaction in the node's pool", 2*time.Minute, func() bool {
		var pending, mined uint64
		for _, k := range p.cfg.RelayerKeys {
			a := crypto.PubkeyToAddress(k.PublicKey)
			inPool, err := p.client.PendingNonceAt(p.ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			inBlock, err := p.client.NonceAt(p.ctx, a, nil)
			if err != nil {
				t.Fatal(err)
			}
			pending, mined = pending+inPool, mined+inBlock
		}
		return pending > mined || p.count(`SELECT count(*) FROM chain_intents
			WHERE kind = 'transfer_with_authorization' AND status IN ('queued', 'sent')`) == 0
	})
	node.Kill(t)
	// Every block the node sealed before it died has a timestamp at or before killedAt (Clique seals no
	// block before its timestamp); every block sealed after the restart, which begins in a later second,
	// has one after it (Clique stamps a block with at least the time it prepares it).
	killedAt := time.Now().Unix()
	t.Logf("node killed with the relay intents at %v (%d of %d answers carried a transaction hash)", p.intentCounts(), sent, n)
	if withHash := pay(1); withHash != 0 {
		t.Fatalf("%d payments made while the node was down carry a transaction hash", withHash)
	}
	p.waitFor("the second after the kill", time.Minute, func() bool { return time.Now().Unix() > killedAt })
	node.Restart(t)
	p.waitFor("every payment to be confirmed", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
	})
	p.waitIndexed()
	p.exactlyOnce(t, s, submitted, rs, price)
	if failed := p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'failed'`); failed != 0 {
		t.Fatalf("%d payments failed", failed)
	}
	lost := 0
	for _, py := range rounds[0] {
		block := p.count(`SELECT block_number FROM payment_request_states WHERE id = $1`, py.id)
		h, err := p.client.HeaderByNumber(p.ctx, big.NewInt(int64(block)))
		if err != nil {
			t.Fatal(err)
		}
		if int64(h.Time) > killedAt {
			lost++
		}
	}
	t.Logf("%d of the first round's %d payments were lost with the node's pool and mined after the restart", lost, n)
	// What was lost the senders sent again: nothing else could have brought it back to the restarted node.
	if again := p.metric("heitje_chain_transactions_rebroadcast_total") - rebroadcast; lost > 0 && again == 0 {
		t.Fatalf("%d payments were lost with the node's pool, yet no transaction was sent again", lost)
	}
	return lost
}
