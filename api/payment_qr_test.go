package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/payments"
)

// TestQRCodeOpensThePaymentScreen: the till's qr_uri is the https link PUBLIC_BASE_URL/betalen/<id> that a
// phone's camera opens, the same when the resident reads the request, and the wallet's parser takes it
// back to the id.
func TestQRCodeOpensThePaymentScreen(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	created := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", p.shopA, map[string]any{"amount_cents": 250})
	id := created["id"].(string)
	want := testBaseURL + "/betalen/" + id
	if created["qr_uri"] != want {
		t.Fatalf("the till's qr_uri is %v, want %s", created["qr_uri"], want)
	}
	for _, tok := range []string{p.shopA, p.resB} {
		if got := p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+id, tok, nil)["qr_uri"]; got != want {
			t.Errorf("the request's qr_uri is %v, want %s", got, want)
		}
	}
	if got, err := payments.ParseRequestRef(want); err != nil || got != id {
		t.Fatalf("the wallet reads %s as %q, %v", want, got, err)
	}
}
