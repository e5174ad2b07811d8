package wallet

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/payments"
)

// PaymentRequest is a shop's payment request as the phone reads it before paying: what the screen shows
// (shop, amount) and the typed data to sign.
type PaymentRequest struct {
	ID            string             `json:"id"`
	Status        string             `json:"status"`
	AmountCents   int64              `json:"amount_cents"`
	ShopName      string             `json:"shop_name"`
	ShopAddress   string             `json:"shop_address"`
	ExpiresAt     time.Time          `json:"expires_at"`
	TxHash        string             `json:"tx_hash"`
	FailureReason string             `json:"failure_reason"`
	TypedData     payments.TypedData `json:"typed_data"`
}

// Submitted is the API's answer to a payment: status submitted and, when known, the relay transaction.
type Submitted struct {
	RequestID string `json:"-"`
	Status    string `json:"status"`
	TxHash    string `json:"tx_hash"`
}

// PaymentRequest fetches a request by its id or its QR URI.
func (c *Client) PaymentRequest(ctx context.Context, ref string) (PaymentRequest, error) {
	id, err := payments.ParseRequestRef(ref)
	if err != nil {
		return PaymentRequest{}, err
	}
	var out PaymentRequest
	err = c.call(ctx, http.MethodGet, "/v1/payment-requests/"+id, nil, &out)
	return out, err
}

// Pay pays the request named by ref (an id or a QR URI) from key: it reads the request, checks that the
// typed data asks exactly for the amount and shop on display and from this key, signs it on the device and
// sends the signature under idempotencyKey ("" makes a fresh one; pass the same key to retry safely).
func (c *Client) Pay(ctx context.Context, key *Key, ref, idempotencyKey string) (Submitted, error) {
	req, err := c.PaymentRequest(ctx, ref)
	if err != nil {
		return Submitted{}, err
	}
	return c.PayRequest(ctx, key, req, idempotencyKey)
}

// PayRequest is Pay for a request already read.
func (c *Client) PayRequest(ctx context.Context, key *Key, req PaymentRequest, idempotencyKey string) (Submitted, error) {
	d, a, err := Terms(req)
	if err != nil {
		return Submitted{}, err
	}
	if a.From != key.Address() {
		return Submitted{}, fmt.Errorf("wallet: the request asks to pay from %s, not from this wallet's %s (is it bound?)",
			a.From.Hex(), key.Address().Hex())
	}
	sig, err := key.SignAuthorization(d, a)
	if err != nil {
		return Submitted{}, err
	}
	if idempotencyKey == "" {
		idempotencyKey = uuid.NewString()
	}
	body := map[string]any{"from": a.From.Hex(), "to": a.To.Hex(), "value": a.Value.String(),
		"valid_after": a.ValidAfter, "valid_before": a.ValidBefore, "nonce": a.Nonce.Hex(),
		"signature": "0x" + hex.EncodeToString(sig)}
	out := Submitted{RequestID: req.ID}
	err = c.call(ctx, http.MethodPost, "/v1/payment-requests/"+req.ID+"/pay", body, &out, "Idempotency-Key", idempotencyKey)
	return out, err
}

// Terms reads the domain and authorization out of a request's typed data, and refuses typed data that is
// not an EIP-3009 TransferWithAuthorization of the coin for exactly the request's amount and shop.
func Terms(req PaymentRequest) (payments.Domain, payments.Authorization, error) {
	td := req.TypedData
	var d payments.Domain
	var a payments.Authorization
	if td.PrimaryType != payments.PrimaryType || td.Domain.Name != payments.DomainName ||
		td.Domain.Version != payments.DomainVersion || td.Domain.ChainID == 0 || !common.IsHexAddress(td.Domain.VerifyingContract) {
		return d, a, errors.New("wallet: the typed data is not a Heerlens Heitje payment authorization")
	}
	d = payments.Domain{ChainID: td.Domain.ChainID, Token: common.HexToAddress(td.Domain.VerifyingContract)}
	m := td.Message
	num := func(s string) (*big.Int, bool) { return new(big.Int).SetString(s, 10) }
	value, ok1 := num(m.Value)
	after, ok2 := num(m.ValidAfter)
	before, ok3 := num(m.ValidBefore)
	nonce, err := hex.DecodeString(strings.TrimPrefix(m.Nonce, "0x"))
	if !ok1 || !ok2 || !ok3 || err != nil || len(nonce) != 32 || !common.IsHexAddress(m.From) || !common.IsHexAddress(m.To) {
		return d, a, errors.New("wallet: the typed data's message is malformed")
	}
	a = payments.Authorization{From: common.HexToAddress(m.From), To: common.HexToAddress(m.To), Value: value,
		ValidAfter: after.Uint64(), ValidBefore: before.Uint64(), Nonce: common.BytesToHash(nonce)}
	if a.Value.Cmp(big.NewInt(req.AmountCents)) != 0 || !strings.EqualFold(a.To.Hex(), req.ShopAddress) {
		return d, a, errors.New("wallet: the typed data does not ask for the amount and shop on display")
	}
	return d, a, nil
}

// Event is one server-sent event of a payment: submitted, confirmed, failed (with Reason) or expired.
type Event struct {
	Name        string `json:"-"`
	ID          string `json:"id"`
	Status      string `json:"status"`
	AmountCents int64  `json:"amount_cents"`
	TxHash      string `json:"tx_hash"`
	BlockNumber uint64 `json:"block_number"`
	Reason      string `json:"reason"`
}

// Events follows a payment request's event stream and calls fn with each event until the stream ends, fn
// returns an error or ctx ends. It returns the last event.
func (c *Client) Events(ctx context.Context, id string, fn func(Event) error) (Event, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/payment-requests/"+id+"/events", nil)
	if err != nil {
		return Event{}, err
	}
	req.Header.Set("Accept", "text/event-stream")
	res, err := c.send(req, true)
	if err != nil {
		return Event{}, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		var raw [4096]byte
		n, _ := res.Body.Read(raw[:])
		return Event{}, apiError(res.StatusCode, raw[:n])
	}
	var last Event
	sc := bufio.NewScanner(res.Body)
	var name, data string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		case line == "" && name != "":
			ev := Event{Name: name}
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				return last, fmt.Errorf("wallet: unreadable event %q: %w", name, err)
			}
			last, name, data = ev, "", ""
			if fn != nil {
				if err := fn(ev); err != nil {
					return last, err
				}
			}
		}
	}
	if err := sc.Err(); err != nil && ctx.Err() == nil {
		return last, err
	}
	return last, ctx.Err()
}
