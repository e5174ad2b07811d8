DROP VIEW refund_states;
DROP VIEW payment_request_states;
DROP TABLE idempotency_keys;
DROP TABLE refunds;
DROP TABLE payment_requests;
