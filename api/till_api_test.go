package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/heerlen/heitje/internal/payments"
)

// TestTillQRCode: the shop gets its request's QR code as SVG, not cached, exactly the code of the request's
// qr_uri (TestQRCodeSVG reads such codes back); another shop and an unknown request get 404, a resident 403.
func TestTillQRCode(t *testing.T) {
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
