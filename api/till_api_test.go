package api

import (
	"bufio"
	"context"
	"database/sql"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/payments"
)

// payBody is resident A's signed authorization of r, as the pay route takes it.
func (p *paymentsAPI) payBody(r payments.Request) map[string]any {
	p.t.Helper()
	sig, err := payments.Sign(p.domain, payments.Authorization{From: p.addrA, To: r.ShopAddress, Value: big.NewInt(r.AmountCents),
		ValidAfter: r.ValidAfter, ValidBefore: r.ValidBefore, Nonce: r.Nonce}, p.keyA)
	if err != nil {
		p.t.Fatal(err)
	}
	return map[string]any{"from": p.addrA.Hex(), "valid_after": r.ValidAfter, "valid_before": r.ValidBefore,
		"nonce": r.Nonce.Hex(), "signature": "0x" + common.Bytes2Hex(sig)}
}

// TestTillQRCode: the shop gets its request's QR code as SVG, not cached, exactly the code of the request's
// qr_uri (TestQRCodeSVG reads such codes back); another shop and an unknown request get 404, a resident 403.
func TestTillQRCode(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	created := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", p.shopA, map[string]any{"amount_cents": 350})
	path := "/v1/shop/payment-requests/" + created["id"].(string) + "/qr.svg"
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+p.shopA)
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	want, err := payments.QRCodeSVG(created["qr_uri"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/svg+xml" || rec.Header().Get("Cache-Control") != "no-store" ||
		rec.Body.String() != string(want) {
		t.Fatalf("QR code: %d %v\n%s\nwant the code of %s", rec.Code, rec.Header(), rec.Body, created["qr_uri"])
	}
	p.expect(http.StatusNotFound, "not_found", "GET", path, p.shopB, nil)
	p.expect(http.StatusForbidden, "forbidden", "GET", path, p.resA, nil)
	p.expect(http.StatusNotFound, "not_found", "GET", "/v1/shop/payment-requests/3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c/qr.svg", p.shopA, nil)
	p.expect(http.StatusNotFound, "not_found", "GET", "/v1/shop/payment-requests/nope/qr.svg", p.shopA, nil)
}

// liveStream is an event stream read as it arrives, over a real connection.
type liveStream struct {
	body io.ReadCloser
	r    *bufio.Reader
}

// openStream opens the events of a request for token's holder and reads up to the stream's first line.
func (p *paymentsAPI) openStream(srv *httptest.Server, id, token string) *liveStream {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	p.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/payment-requests/"+id+"/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := srv.Client().Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		p.t.Fatalf("events: %v %v", res, err)
	}
	s := &liveStream{body: res.Body, r: bufio.NewReader(res.Body)}
	if line, err := s.r.ReadString('\n'); err != nil || !strings.HasPrefix(line, "retry:") {
		p.t.Fatalf("the stream starts with %q %v", line, err)
	}
	return s
}

// rest reads the stream to its end.
func (s *liveStream) rest(t *testing.T) string {
	t.Helper()
	defer s.body.Close()
	b, err := io.ReadAll(s.r)
	if err != nil {
		t.Fatalf("reading the stream: %v", err)
	}
	return string(b)
}

// TestCancelPaymentRequest: the shop cancels its open request; the till's and the phone's open event
// streams send cancelled and end; cancelling again answers the same; paying it is 409 request_cancelled and
// writes nothing. A paid request is 409 already_paid and stays as it was; an expired one stays expired.
// Another shop's request is 404, and residents may not cancel.
func TestCancelPaymentRequest(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	srv := httptest.NewServer(p.h)
	defer srv.Close()
	r := p.request(350)
	path := "/v1/shop/payment-requests/" + r.ID + "/cancel"
	till, phone := p.openStream(srv, r.ID, p.shopA), p.openStream(srv, r.ID, p.resA)

	p.expect(http.StatusNotFound, "not_found", "POST", path, p.shopB, nil)
	p.expect(http.StatusForbidden, "forbidden", "POST", path, p.resA, nil)
	first := p.expect(http.StatusOK, "", "POST", path, p.shopA, nil)
	if first["status"] != "cancelled" || first["id"] != r.ID || first["amount_cents"] != float64(350) || first["payer"] != nil {
		t.Fatalf("cancelled: %v", first)
	}
	for who, s := range map[string]*liveStream{"till": till, "phone": phone} {
		if got := s.rest(t); !strings.Contains(got, "event: cancelled\ndata: {") || strings.Count(got, "event:") != 1 {
			t.Errorf("the %s's stream: %q", who, got)
		}
	}
	if again := p.expect(http.StatusOK, "", "POST", path, p.shopA, nil); again["status"] != "cancelled" {
		t.Fatalf("cancelled again: %v", again)
	}
	if got := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+r.ID, p.resB, nil); got["status"] != "cancelled" {
		t.Fatalf("the phone reads %v", got)
	}
	if code, events := p.stream("/v1/payment-requests/"+r.ID+"/events", p.shopA); code != http.StatusOK ||
		!strings.Contains(events, "event: cancelled\n") || strings.Count(events, "event:") != 1 {
		t.Fatalf("a stream opened after the cancel: %d %q", code, events)
	}
	intents, keys := p.count("chain_intents"), p.count("idempotency_keys")
	p.pay(r, http.StatusConflict, "request_cancelled")
	if p.count("chain_intents") != intents || p.count("idempotency_keys") != keys {
		t.Fatal("paying a cancelled request wrote something")
	}

	paid := p.request(200)
	p.pay(paid, http.StatusOK, "")
	p.expect(http.StatusConflict, "already_paid", "POST", "/v1/shop/payment-requests/"+paid.ID+"/cancel", p.shopA, nil)
	if got := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+paid.ID, p.shopA, nil); got["status"] != "submitted" {
		t.Fatalf("the paid request after the refused cancel: %v", got)
	}

	late := p.request(100)
	p.clock.Advance(payments.DefaultOptions.RequestTTL + time.Second)
	if got := p.expect(http.StatusOK, "", "POST", "/v1/shop/payment-requests/"+late.ID+"/cancel", p.shopA, nil); got["status"] != "expired" {
		t.Fatalf("cancelling an expired request: %v", got)
	}
	var cancelled bool
	if err := p.db.SQL().QueryRow(`SELECT cancelled_at IS NOT NULL FROM payment_requests WHERE id = $1`, late.ID).Scan(&cancelled); err != nil || cancelled {
		t.Fatalf("the expired request was marked cancelled: %v %v", cancelled, err)
	}
}

// waitForLockWaiters waits until n transactions of the test's database wait for a lock.
func (p *paymentsAPI) waitForLockWaiters(n int) {
	p.t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(time.Minute)
	for {
		var waiting int
		if err := p.db.SQL().QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			p.t.Fatal(err)
		}
		if waiting >= n {
			return
		}
		select {
		case <-tick.C:
		case <-timeout:
			p.t.Fatalf("%d of %d transactions wait for a lock after a minute", waiting, n)
		}
	}
}

// TestCancelRacesPay: the shop cancels while the resident pays. Exactly one wins: either the cancel
// answers cancelled and the payment 409 request_cancelled with no relay intent written, or the payment
// goes through and the cancel answers 409 already_paid. The request's row lock decides: while the test holds
// it, the one that queued for it first wins once it is free, whichever that is; and they also go at once.
func TestCancelRacesPay(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	wins := map[string]int{}
	for i := range 12 {
		order := []string{"together", "pay first", "cancel first"}[i%3]
		r := p.request(int64(10 + i))
		body := p.payBody(r)
		var lock *sql.Tx
		if order != "together" {
			var err error
			if lock, err = p.db.SQL().Begin(); err != nil {
				t.Fatal(err)
			}
			if _, err := lock.Exec(`SELECT 1 FROM payment_requests WHERE id = $1 FOR UPDATE`, r.ID); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		start := map[string]chan struct{}{"pay": make(chan struct{}), "cancel": make(chan struct{})}
		var payCode, cancelCode int
		var payOut, cancelOut map[string]any
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start["pay"]
			payCode, payOut = p.call(http.MethodPost, "/v1/payment-requests/"+r.ID+"/pay", p.resA, body, "Idempotency-Key", "race-"+r.ID)
		}()
		go func() {
			defer wg.Done()
			<-start["cancel"]
			cancelCode, cancelOut = p.call(http.MethodPost, "/v1/shop/payment-requests/"+r.ID+"/cancel", p.shopA, nil)
		}()
		switch order {
		case "together":
			close(start["pay"])
			close(start["cancel"])
		case "pay first", "cancel first":
			first, second := "pay", "cancel"
			if order == "cancel first" {
				first, second = second, first
			}
			close(start[first])
			p.waitForLockWaiters(1)
			close(start[second])
			p.waitForLockWaiters(2)
			if err := lock.Commit(); err != nil {
				t.Fatal(err)
			}
		}
		wg.Wait()
		status := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+r.ID, p.shopA, nil)["status"]
		var intents int
		if err := p.db.SQL().QueryRow(`SELECT count(*) FROM chain_intents WHERE idempotency_key = $1`, "payment:"+r.ID).Scan(&intents); err != nil {
			t.Fatal(err)
		}
		switch {
		case cancelCode == http.StatusOK && cancelOut["status"] == "cancelled" && order != "pay first":
			if payCode != http.StatusConflict || errCode(payOut) != "request_cancelled" || status != "cancelled" || intents != 0 {
				t.Fatalf("%s: cancelled, yet pay answered %d %v; status %v, %d intents", order, payCode, payOut, status, intents)
			}
			wins["cancel"]++
		case payCode == http.StatusOK && order != "cancel first":
			if cancelCode != http.StatusConflict || errCode(cancelOut) != "already_paid" || status != "submitted" || intents != 1 {
				t.Fatalf("%s: paid, yet cancel answered %d %v; status %v, %d intents", order, cancelCode, cancelOut, status, intents)
			}
			wins["pay"]++
		default:
			t.Fatalf("%s: pay %d %v, cancel %d %v", order, payCode, payOut, cancelCode, cancelOut)
		}
	}
	t.Logf("wins: %v", wins)
}

// TestPayerShortID: once paid, the shop's view of the request and its submitted and confirmed events carry
// the payer's short id (0x, first and last four hex digits of the paying address), and so does the payer's
// own view; the open request has none, and no name of the resident appears.
func TestPayerShortID(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	r := p.request(250)
	if got := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+r.ID, p.shopA, nil); got["payer"] != nil {
		t.Fatalf("an open request has payer %v", got["payer"])
	}
	p.pay(r, http.StatusOK, "")
	p.settle(p.chain.intent("payment:" + r.ID))
	hex := strings.ToLower(p.addrA.Hex())
	want := hex[:6] + "…" + hex[38:]
	for who, tok := range map[string]string{"shop": p.shopA, "payer": p.resA} {
		if got := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+r.ID, tok, nil); got["payer"] != want {
			t.Errorf("the %s's view: payer %v, want %s", who, got["payer"], want)
		}
	}
	_, events := p.stream("/v1/payment-requests/"+r.ID+"/events", p.shopA)
	for _, name := range []string{"submitted", "confirmed"} {
		if !strings.Contains(events, "event: "+name+"\ndata: {") || !strings.Contains(events[strings.Index(events, "event: "+name):], `"payer":"`+want+`"`) {
			t.Errorf("the %s event has no payer %s: %s", name, want, events)
		}
	}
	hist := p.expect(http.StatusOK, "", "GET", "/v1/me/payments", p.shopA, nil)["payments"].([]any)
	if len(hist) != 1 || hist[0].(map[string]any)["payer"] != want {
		t.Fatalf("the shop's history: %v", hist)
	}
	if strings.Contains(events, "bewoner") {
		t.Fatalf("the events name the resident: %s", events)
	}
}

// TestFindingPayments: a shop finds its payments of a day (Europe/Amsterdam) and by its own reference,
// exactly; another shop finds none of them with the same reference; residents filter by day but not by
// reference; malformed values are 400 validation_failed naming the field.
func TestFindingPayments(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	var ids []string
	for _, ref := range []string{"bon 41", "bon 42", "Bon 42"} {
		id := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", p.shopA, map[string]any{"amount_cents": 100, "reference": ref})["id"].(string)
		r, err := p.db.Payments(p.keys).Request(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		p.pay(r, http.StatusOK, "")
		ids = append(ids, id)
	}
	p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", p.shopA, map[string]any{"amount_cents": 100, "reference": "bon 42"})
	zone, _ := time.LoadLocation("Europe/Amsterdam")
	today := p.clock.Now().In(zone).Format(time.DateOnly)
	yesterday := p.clock.Now().In(zone).AddDate(0, 0, -1).Format(time.DateOnly)
	found := func(token, query string) []string {
		t.Helper()
		var out []string
		for _, v := range p.expect(http.StatusOK, "", "GET", "/v1/me/payments?"+query, token, nil)["payments"].([]any) {
			out = append(out, v.(map[string]any)["id"].(string))
		}
		return out
	}
	for _, c := range []struct {
		token, query string
		want         []string
	}{
		{p.shopA, "reference=bon+42", []string{ids[1]}},
		{p.shopA, "reference=bon%2042&date=" + today, []string{ids[1]}},
		{p.shopA, "reference=bon+42&date=" + yesterday, nil},
		{p.shopA, "date=" + today, []string{ids[2], ids[1], ids[0]}},
		{p.shopA, "date=" + yesterday, nil},
		{p.shopA, "reference=bon", nil},
		{p.shopB, "reference=bon+42", nil},
		{p.resA, "date=" + today, []string{ids[2], ids[1], ids[0]}},
		{p.resA, "date=" + yesterday, nil},
	} {
		if got := found(c.token, c.query); strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %v, want %v", c.query, got, c.want)
		}
	}
	for _, c := range []struct{ token, query, field string }{
		{p.shopA, "date=vandaag", "date"}, {p.shopA, "date=2026-13-01", "date"}, {p.resA, "date=1-2-2026", "date"},
		{p.shopA, "reference=" + strings.Repeat("x", 65), "reference"}, {p.shopA, "reference=bon%0A42", "reference"},
		{p.resA, "reference=bon+42", "reference"},
	} {
		if got := p.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/me/payments?"+c.query, c.token, nil); errField(got) != c.field {
			t.Errorf("%s: field %q, want %s", c.query, errField(got), c.field)
		}
	}
}
