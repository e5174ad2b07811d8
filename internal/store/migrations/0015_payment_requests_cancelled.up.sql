-- A shop may cancel an open payment request at the till: it becomes cancelled and can no longer be paid.
-- cancelled_at is set once, under the request's row lock, and only on a request nobody paid; paying locks
-- the same row and refuses a cancelled request, so a request is never both.
ALTER TABLE payment_requests ADD COLUMN cancelled_at timestamptz;
ALTER TABLE payment_requests ADD CONSTRAINT payment_requests_cancelled_unpaid
    CHECK (cancelled_at IS NULL OR intent_id IS NULL);

-- The view of 0006 with the new status: cancelled wins over expired, since only an open request is
-- cancelled and it stays cancelled after its expiry time passes. cancelled_at is appended, as a replaced
-- view must keep its columns.
CREATE OR REPLACE VIEW payment_request_states AS
SELECT p.id, p.shop_id, p.shop_address, p.amount_cents, p.reference, p.auth_nonce, p.valid_after, p.valid_before,
       p.created_at, p.expires_at, p.payer_id, p.payer_address, p.intent_id, p.submitted_at,
       CASE
           WHEN p.intent_id IS NULL AND p.cancelled_at IS NOT NULL THEN 'cancelled'
           WHEN p.intent_id IS NULL AND p.expires_at <= now() THEN 'expired'
           WHEN p.intent_id IS NULL THEN 'open'
           WHEN i.status = 'confirmed' THEN 'confirmed'
           WHEN i.status = 'failed' THEN 'failed'
           ELSE 'submitted'
       END AS status,
       i.tx_hash, i.block_number, CASE WHEN i.status = 'failed' THEN i.error ELSE '' END AS failure, i.done_at,
       p.cancelled_at
FROM payment_requests p
LEFT JOIN chain_intents i ON i.id = p.intent_id;
