package web

import (
	"net/http/httptest"
	"testing"
)

// TestClientAddresses: the connection's address unless it is a trusted proxy; behind trusted proxies the
// rightmost forwarded address that is not one of them; a forged or malformed header from anyone else is
// not believed.
func TestClientAddresses(t *testing.T) {
	c, err := NewClientAddresses([]string{"10.0.0.0/8", "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, remote, xff, real, want string }{
		{"direct", "198.51.100.7:5000", "", "", "198.51.100.7"},
		{"direct with a forged header", "198.51.100.7:5000", "203.0.113.9", "203.0.113.8", "198.51.100.7"},
		{"through the proxy", "10.1.2.3:443", "203.0.113.9", "", "203.0.113.9"},
		{"through two trusted proxies", "10.1.2.3:443", "203.0.113.9, 192.0.2.1", "", "203.0.113.9"},
		{"a client's own forged hop is left of the real one", "10.1.2.3:443", "1.2.3.4, 203.0.113.9", "", "203.0.113.9"},
		{"every hop trusted", "10.1.2.3:443", "10.9.9.9", "", "10.9.9.9"},
		{"malformed hop", "10.1.2.3:443", "not-an-address", "", "10.1.2.3"},
		{"X-Real-IP from the proxy", "10.1.2.3:443", "", "203.0.113.5", "203.0.113.5"},
		{"the proxy without a header", "10.1.2.3:443", "", "", "10.1.2.3"},
		{"IPv6 client", "[2001:db8::1]:443", "", "", "2001:db8::1"},
	}
	for _, tc := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if tc.real != "" {
			r.Header.Set("X-Real-IP", tc.real)
		}
		if got := c.Of(r); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if _, err := NewClientAddresses([]string{"nonsense"}); err == nil {
		t.Fatal("a malformed trusted proxy was accepted")
	}
}
