package e2e_test

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/wallet"
)

// shop is an approved shop: its account, its server-held key's address and an access token.
type shop struct {
	id, name, token string
	addr            common.Address
}

// newShop registers and approves a shop through the services, activates it for payments when active is
// set (and waits until the grant of the accepting role is confirmed on chain), and logs it in over HTTP.
// The platform must serve.
func (p *platform) newShop(name string, active bool) shop {
	p.tb.Helper()
	a, err := p.acc.Register(p.ctx, accounts.Registration{Role: accounts.RoleShop, Username: name, Password: password,
		Shop: &accounts.Shop{LegalName: "Bakkerij " + name, KvK: "12345678", IBAN: "NL91ABNA0417164300",
			Address: "Kerkplein 1, 6411 EK Heerlen"}})
	if err != nil {
		p.tb.Fatal(err)
	}
	if a, err = p.acc.Approve(p.ctx, p.admin, a.ID, ""); err != nil {
		p.tb.Fatal(err)
	}
	s := shop{id: a.ID, name: "Bakkerij " + name, addr: common.HexToAddress(a.WalletAddress)}
	if active {
		_, intent, err := p.acc.ActivateShop(p.ctx, p.admin, a.ID)
		if err != nil {
			p.tb.Fatal(err)
		}
		p.waitIntents("the shop's activation", intent.IdempotencyKey)
	}
	s.token = p.login(name)
	return s
}

// waitIntents waits until the intents with the given idempotency keys are confirmed.
func (p *platform) waitIntents(what string, keys ...string) {
	p.tb.Helper()
	p.waitFor(what, 3*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key = ANY($1) AND status = 'confirmed'`,
			keys) == len(keys)
	})
}

// fund mints cents to each address through the outbox and waits until the indexer has seen every mint.
func (p *platform) fund(cents int64, to ...common.Address) {
	p.tb.Helper()
	keys := make([]string, len(to))
	for i, a := range to {
		keys[i] = fmt.Sprintf("fund:%s:%s", lower(a), uuid.NewString())
		if _, err := p.db.Outbox().Enqueue(p.ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: keys[i],
			Args: outbox.Args{To: a, Amount: big.NewInt(cents), Ref: crypto.Keccak256Hash([]byte(keys[i]))}}); err != nil {
			p.tb.Fatal(err)
		}
	}
	p.waitIntents("the mints", keys...)
	p.waitIndexed()
}

// waitIndexed waits until the indexer has reached the chain's head as it is now.
func (p *platform) waitIndexed() {
	p.tb.Helper()
	head, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		p.tb.Fatal(err)
	}
	p.waitFor("the indexer", 3*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM indexer_cursor WHERE block_number >= $1`, int64(head)) == 1
	})
}

// ledgerBalance is an address's balance as the indexer recorded it, in cents.
func (p *platform) ledgerBalance(a common.Address) int64 {
	p.tb.Helper()
	return int64(p.count(`SELECT COALESCE((SELECT balance::bigint FROM token_balances WHERE address = $1), 0)`, lower(a)))
}

// request has the shop ask for cents and returns the request's id and QR URI.
func (p *platform) request(s shop, cents int64) (string, string) {
	p.tb.Helper()
	out := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", s.token,
		map[string]any{"amount_cents": cents, "reference": "bon 17"})
	return out["id"].(string), out["qr_uri"].(string)
}

// walletClient is a wallet client of the platform logged in with token.
func (p *platform) walletClient(token string) *wallet.Client {
	c := wallet.NewClient(p.base)
	c.SetToken(token)
	return c
}

// payBody is the body of POST /v1/payment-requests/{id}/pay: the request's terms as the phone reads them,
// changed by edit (nil for none) before key signs them.
func payBody(tb interface{ Fatal(...any) }, key *ecdsa.PrivateKey, req wallet.PaymentRequest, edit func(*payments.Authorization)) map[string]any {
	d, a, err := wallet.Terms(req)
	if err != nil {
		tb.Fatal(err)
	}
	a.From = crypto.PubkeyToAddress(key.PublicKey)
	if edit != nil {
		edit(&a)
	}
	sig, err := payments.Sign(d, a, key)
	if err != nil {
		tb.Fatal(err)
	}
	return map[string]any{"from": a.From.Hex(), "to": a.To.Hex(), "value": a.Value.String(), "valid_after": a.ValidAfter,
		"valid_before": a.ValidBefore, "nonce": a.Nonce.Hex(), "signature": "0x" + hex.EncodeToString(sig)}
}

// postPay sends a payment with an Idempotency-Key ("" for none) and returns the status and body.
func (p *platform) postPay(token, id string, body map[string]any, key string) (int, map[string]any) {
	p.tb.Helper()
	return p.postJSON(token, "/v1/payment-requests/"+id+"/pay", body, key)
}

// postJSON posts a JSON body with an Idempotency-Key ("" for none).
func (p *platform) postJSON(token, path string, body map[string]any, key string) (int, map[string]any) {
	p.tb.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(p.ctx, http.MethodPost, p.base+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	return p.do(req, token)
}

// metric sums the values of a Prometheus metric (all its labels) on the platform's /metrics (on the metrics'
// own listener).
func (p *platform) metric(name string) float64 {
	p.tb.Helper()
	sum, _ := p.series(name, "")
	return sum
}

// series sums the values of a Prometheus metric's series whose line holds filter ("" for all of them) on
// the platform's /metrics; found says whether any series matched.
func (p *platform) series(name, filter string) (sum float64, found bool) {
	p.tb.Helper()
	resp, err := http.Get(p.metricsBase + "/metrics")
	if err != nil {
		p.tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		p.tb.Fatal(err)
	}
	for _, line := range strings.Split(string(body), "\n") {
		if rest, ok := strings.CutPrefix(line, name); ok && (strings.HasPrefix(rest, "{") || strings.HasPrefix(rest, " ")) &&
			strings.Contains(rest, filter) {
			f := strings.Fields(rest) // {labels} value
			v, err := strconv.ParseFloat(f[len(f)-1], 64)
			if err != nil {
				p.tb.Fatalf("metric line %q: %v", line, err)
			}
			sum, found = sum+v, true
		}
	}
	return sum, found
}
