package config

import "time"

// Payments are the rules of paying at the shop.
type Payments struct {
	// PaymentRequestTTL is how long a shop's payment request may be paid (PAYMENT_REQUEST_TTL, default 5m,
	// between 30s and 1h).
	PaymentRequestTTL time.Duration
	// RefundWindow is how long after its confirmation a payment may be refunded (REFUND_WINDOW_DAYS, whole
	// days, default 14, between 1 and 365).
	RefundWindow time.Duration
}

func (r *reader) payments() Payments {
	p := Payments{
		PaymentRequestTTL: r.duration("PAYMENT_REQUEST_TTL", 5*time.Minute),
		RefundWindow:      time.Duration(r.bounded("REFUND_WINDOW_DAYS", 14, 1, 365)) * 24 * time.Hour,
	}
	if p.PaymentRequestTTL < 30*time.Second || p.PaymentRequestTTL > time.Hour {
		r.fail("PAYMENT_REQUEST_TTL", "must be between 30s and 1h")
	}
	return p
}
