-- Before cancelling existed, a request that ended unpaid was expired: a cancelled request expires when it
-- was cancelled, so that it does not become payable again.
UPDATE payment_requests SET expires_at = GREATEST(created_at + interval '1 microsecond', LEAST(expires_at, cancelled_at))
WHERE cancelled_at IS NOT NULL;
DROP VIEW payment_request_states;
CREATE VIEW payment_request_states AS
SELECT p.id, p.shop_id, p.shop_address, p.amount_cents, p.reference, p.auth_nonce, p.valid_after, p.valid_before,
       p.created_at, p.expires_at, p.payer_id, p.payer_address, p.intent_id, p.submitted_at,
       CASE
           WHEN p.intent_id IS NULL AND p.expires_at <= now() THEN 'expired'
           WHEN p.intent_id IS NULL THEN 'open'
           WHEN i.status = 'confirmed' THEN 'confirmed'
           WHEN i.status = 'failed' THEN 'failed'
           ELSE 'submitted'
       END AS status,
       i.tx_hash, i.block_number, CASE WHEN i.status = 'failed' THEN i.error ELSE '' END AS failure, i.done_at
FROM payment_requests p
LEFT JOIN chain_intents i ON i.id = p.intent_id;
ALTER TABLE payment_requests DROP CONSTRAINT payment_requests_cancelled_unpaid;
ALTER TABLE payment_requests DROP COLUMN cancelled_at;
