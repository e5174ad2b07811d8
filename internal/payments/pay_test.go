package payments

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/outbox"
)

// TestCheck runs a payment's checks against one open request with each field changed in turn.
func TestCheck(t *testing.T) {
	key, _ := crypto.GenerateKey()
	payer := crypto.PubkeyToAddress(key.PublicKey)
	d := Domain{ChainID: 6411, Token: common.HexToAddress("0xc011")}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	r := Request{ID: "r1", ShopAddress: common.HexToAddress("0x5409"), AmountCents: 1250, Nonce: common.HexToHash("0xabc"),
		ValidAfter: uint64(now.Add(-time.Minute).Unix()), ValidBefore: uint64(now.Add(6 * time.Minute).Unix()),
		ExpiresAt: now.Add(5 * time.Minute), Status: StatusOpen}
	value := func(v uint64) *uint64 { return &v }
	cases := []struct {
		name   string
		change func(r *Request, a *Authorization, t *signedTerms)
		sign   bool // sign after the change (else before)
		want   error
	}{
		{"good", func(*Request, *Authorization, *signedTerms) {}, true, nil},
		{"good without to and value", func(_ *Request, _ *Authorization, t *signedTerms) { *t = signedTerms{} }, true, nil},
		{"submitted", func(r *Request, _ *Authorization, _ *signedTerms) { r.Status = StatusSubmitted }, true, ErrAlreadyPaid},
		{"confirmed", func(r *Request, _ *Authorization, _ *signedTerms) { r.Status = StatusConfirmed }, true, ErrAlreadyPaid},
		{"failed", func(r *Request, _ *Authorization, _ *signedTerms) { r.Status = StatusFailed }, true, ErrPaymentFailed},
		{"cancelled", func(r *Request, _ *Authorization, _ *signedTerms) { r.Status = StatusCancelled }, true, ErrRequestCancelled},
		{"cancelled and past its expiry", func(r *Request, _ *Authorization, _ *signedTerms) {
			r.Status, r.ExpiresAt = StatusCancelled, now.Add(-time.Minute)
		}, true, ErrRequestCancelled},
		{"expired by status", func(r *Request, _ *Authorization, _ *signedTerms) { r.Status = StatusExpired }, true, ErrRequestExpired},
		{"expired by clock", func(r *Request, _ *Authorization, _ *signedTerms) { r.ExpiresAt = now }, true, ErrRequestExpired},
		{"recipient", func(_ *Request, a *Authorization, t *signedTerms) { a.To = common.HexToAddress("0x1"); t.To = a.To }, true, ErrRecipientMismatch},
		{"amount", func(_ *Request, a *Authorization, t *signedTerms) { a.Value = big.NewInt(1); t.Value = value(1) }, true, ErrAmountMismatch},
		{"amount signed, not said", func(_ *Request, a *Authorization, t *signedTerms) { a.Value = big.NewInt(1); t.Value = nil }, true, ErrSignerMismatch},
		{"window", func(_ *Request, a *Authorization, _ *signedTerms) { a.ValidBefore++ }, true, ErrWindowMismatch},
		{"nonce", func(_ *Request, a *Authorization, _ *signedTerms) { a.Nonce[31] ^= 1 }, true, ErrNonceMismatch},
		{"from", func(_ *Request, a *Authorization, _ *signedTerms) { a.From = common.HexToAddress("0x2") }, true, ErrSignerMismatch},
		{"signature of other terms", func(_ *Request, a *Authorization, _ *signedTerms) {
			other := *a
			other.Value = big.NewInt(1)
			a.Signature, _ = Sign(d, other, key)
		}, false, ErrSignerMismatch},
		{"malformed signature", func(_ *Request, a *Authorization, _ *signedTerms) { a.Signature = make([]byte, 65) }, false, ErrBadSignature},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rr := r
			a := r.Authorization(payer)
			terms := signedTerms{To: r.ShopAddress, Value: value(1250)}
			sign := func() {
				sig, err := Sign(d, a, key)
				if err != nil {
					t.Fatal(err)
				}
				a.Signature = sig
			}
			if !c.sign {
				sign()
			}
			c.change(&rr, &a, &terms)
			if c.sign {
				sign()
			}
			if err := check(d, rr, payer, a, terms, now); !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestSteps(t *testing.T) {
	cases := []struct {
		told, now Status
		want      string
	}{
		{StatusOpen, StatusOpen, "[]"},
		{StatusOpen, StatusSubmitted, "[submitted]"},
		{StatusOpen, StatusConfirmed, "[submitted confirmed]"},
		{StatusOpen, StatusFailed, "[submitted failed]"},
		{StatusSubmitted, StatusSubmitted, "[]"},
		{StatusSubmitted, StatusConfirmed, "[confirmed]"},
		{StatusOpen, StatusExpired, "[expired]"},
		{StatusOpen, StatusCancelled, "[cancelled]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(steps(c.told, c.now)); got != c.want {
			t.Errorf("%s → %s: %s, want %s", c.told, c.now, got, c.want)
		}
	}
}

// TestRelayerFor checks that one payer always gets the same relayer and that payers spread over all.
func TestRelayerFor(t *testing.T) {
	s := &Service{opts: Options{Relayers: 4}}
	seen := map[outbox.Signer]int{}
	for i := range 400 {
		a := common.BigToAddress(big.NewInt(int64(i + 1)))
		r := s.RelayerFor(a)
		if s.RelayerFor(a) != r {
			t.Fatal("a payer's relayer changed")
		}
		seen[r]++
	}
	if len(seen) != 4 {
		t.Fatalf("relayers used: %v", seen)
	}
	for r, n := range seen {
		if n < 60 {
			t.Errorf("%s got only %d of 400 payers", r, n)
		}
	}
}

// TestParseRequestRef: the wallet takes a request id, the till's link under any public base URL, or the
// old heitje://pay/ URI, and nothing else.
func TestParseRequestRef(t *testing.T) {
	id := "0b6f3f0e-6c41-4b8e-9a1c-2f3a4b5c6d7e"
	for in, want := range map[string]string{
		id: id, "0B6F3F0E-6C41-4B8E-9A1C-2F3A4B5C6D7E": id,
		QRScheme + id: id, " " + QRScheme + id + " ": id, QRScheme + id + "?v=1": id,
		QRLink("https://heitje.heerlen.nl", id): id, QRLink("http://127.0.0.1:8080", id): id,
		QRLink("https://heerlen.nl/heitje", id): id, QRLink("HTTPS://heerlen.nl", strings.ToUpper(id)) + "#pay": id,
		"https://heitje.heerlen.nl/betalen/" + id + "?lang=en": id,
		"heitje://pay/nope": "", "https://example.com/" + id: "", "": "", "https:///betalen/" + id: "",
		"https://heerlen.nl/betalen/" + id + "/x": "", "https://heerlen.nl/betalen/nope": "", "ftp://heerlen.nl/betalen/" + id: "",
		"https://heerlen.nl/kassa/" + id: "", "heitje://shop/" + id: "", "/betalen/" + id: "",
	} {
		got, err := ParseRequestRef(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
}

// TestQRLink: the service links its requests under the configured base, without a doubled slash, and
// refuses a base that is not an absolute http(s) URL.
func TestQRLink(t *testing.T) {
	id := "0b6f3f0e-6c41-4b8e-9a1c-2f3a4b5c6d7e"
	s, err := New(nil, Options{PublicBaseURL: "https://heitje.heerlen.nl/"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.QRLink(id); got != "https://heitje.heerlen.nl/betalen/"+id {
		t.Fatalf("QRLink: %s", got)
	}
	for _, base := range []string{"", "heitje.heerlen.nl", "heitje://pay", "/app"} {
		if _, err := New(nil, Options{PublicBaseURL: base}); err == nil {
			t.Errorf("base %q accepted", base)
		}
	}
}
