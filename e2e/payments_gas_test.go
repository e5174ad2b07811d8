package e2e_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestPaymentsWaitForARelayerWithoutGasMoney runs the platform with a relayer key that holds no ether. Payments
// are accepted and wait; the metrics and /readyz say which key is out of gas money (the API stays ready,
// degraded); once the key is topped up every payment is confirmed exactly once and the warning clears.
func TestPaymentsWaitForARelayerWithoutGasMoney(t *testing.T) {
	t.Parallel()
	const n, balance, price = 3, 1000, 400
	env := testenv.Chain(t)
	p := newPlatformOn(t, env)
	broke, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	addr := crypto.PubkeyToAddress(broke.PublicKey)
	p.cfg.RelayerKeys = []*ecdsa.PrivateKey{broke}
	p.serve()
	s := p.newShop("bakker", true)
	rs := p.fundedResidents(n, balance)
	tokens := p.logins(rs)
	submitted := map[string]bool{}
	// Each resident pays twice (exactlyOnce checks for two payments each).
	for round := range 2 {
		for i, r := range rs {
			id, _ := p.request(s, price)
			req, err := p.walletClient(tokens[i]).PaymentRequest(p.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			status, body := p.postPay(tokens[i], id, payBody(t, r.key, req, nil), fmt.Sprint("broke-", round, "-", i))
			if status != http.StatusOK || body["status"] != "submitted" {
				t.Fatalf("payment %d of round %d: %d %v", i, round, status, body)
			}
			submitted[id] = true
		}
	}

	p.waitFor("the relayer's out-of-funds gauge", 2*time.Minute, func() bool {
		return p.keyMetric("heitje_signer_out_of_funds", addr) == 1
	})
	p.waitFor("the age of the oldest unconfirmed payment to show", 2*time.Minute, func() bool {
		return p.keyMetric("heitje_signer_oldest_unconfirmed_seconds", addr) >= 1
	})
	if b := p.keyMetric("heitje_signer_balance_wei", addr); b != 0 {
		t.Fatalf("the relayer's balance gauge reads %v wei, want 0", b)
	}
	status, ready := p.readyz()
	signers, _ := ready["signers"].(map[string]any)
	detail, _ := signers["detail"].(string)
	if status != http.StatusOK || ready["ready"] != true || ready["degraded"] != true || signers["ok"] != false ||
		!strings.Contains(detail, "relayer-0 ("+strings.ToLower(addr.Hex())+")") {
		t.Fatalf("/readyz with the relayer out of gas money: %d %v", status, ready)
	}
	if c := p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`); c != 0 {
		t.Fatalf("%d payments confirmed by a relayer without ether", c)
	}

	// Top the key up, as deploy/README.md tells an operator to (heitje chain fund uses chain.SendEther).
	if _, err := chain.SendEther(p.ctx, p.client, env.FundedKey(t), addr, new(big.Int).Mul(big.NewInt(params.Ether), big.NewInt(1))); err != nil {
		t.Fatal(err)
	}
	p.waitFor("every payment to be confirmed", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
	})
	p.waitIndexed()
	p.exactlyOnce(t, s, submitted, rs, price)
	p.waitFor("the out-of-funds gauge to clear", time.Minute, func() bool {
		return p.keyMetric("heitje_signer_out_of_funds", addr) == 0
	})
	p.waitFor("the balance gauge to show the ether", time.Minute, func() bool {
		return p.keyMetric("heitje_signer_balance_wei", addr) > 0
	})
	if status, ready := p.readyz(); status != http.StatusOK || ready["degraded"] != false {
		t.Fatalf("/readyz after the top-up: %d %v", status, ready)
	}
}

// keyMetric is the value of a per-key metric for the signing key with address a, or -1 when the key has no
// series (metrics are shared by the platforms of the test binary, so the key's own series is read, not the
// sum).
func (p *platform) keyMetric(name string, a common.Address) float64 {
	p.tb.Helper()
	v, found := p.series(name, `address="`+strings.ToLower(a.Hex())+`"`)
	if !found {
		return -1
	}
	return v
}

// readyz returns /readyz's status and body.
func (p *platform) readyz() (int, map[string]any) {
	p.tb.Helper()
	resp, err := http.Get(p.base + "/readyz")
	if err != nil {
		p.tb.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		p.tb.Fatal(err)
	}
	return resp.StatusCode, body
}
