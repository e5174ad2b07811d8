package config

import (
	"strings"
	"testing"
	"time"
)

// TestPaymentsSettings: requests live 5 minutes and refunds are possible for 14 days unless set otherwise;
// values outside the bounds are refused naming the variable.
func TestPaymentsSettings(t *testing.T) {
	c, err := Load(env(map[string]string{}), 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Payments != (Payments{PaymentRequestTTL: 5 * time.Minute, RefundWindow: 14 * 24 * time.Hour}) {
		t.Fatalf("defaults: %+v", c.Payments)
	}
	c, err = Load(env(map[string]string{"PAYMENT_REQUEST_TTL": "90s", "REFUND_WINDOW_DAYS": "30"}), 0)
	if err != nil || c.PaymentRequestTTL != 90*time.Second || c.RefundWindow != 30*24*time.Hour {
		t.Fatalf("settings: %+v %v", c.Payments, err)
	}
	for _, tc := range []struct{ name, value string }{
		{"PAYMENT_REQUEST_TTL", "5"}, {"PAYMENT_REQUEST_TTL", "10s"}, {"PAYMENT_REQUEST_TTL", "2h"},
		{"REFUND_WINDOW_DAYS", "0"}, {"REFUND_WINDOW_DAYS", "two weeks"}, {"REFUND_WINDOW_DAYS", "400"},
	} {
		if _, err := Load(env(map[string]string{tc.name: tc.value}), 0); err == nil || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s=%s: %v", tc.name, tc.value, err)
		}
	}
}
