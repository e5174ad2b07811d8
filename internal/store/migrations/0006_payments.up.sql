-- Paying at the shop. A shop asks for an amount (a payment request); a resident's phone signs an EIP-3009
-- authorization for exactly that request, and the API writes the relay intent (the outbox) in the same
-- transaction that marks the request paid. Refunds go back the same way, signed with the shop's own key.
-- Amounts are in cents; addresses are lower-case 0x-hex; authorization nonces are 0x-hex of 32 bytes.
CREATE TABLE payment_requests (
    id            uuid PRIMARY KEY,
    shop_id       uuid NOT NULL REFERENCES accounts (id),
    shop_address  text NOT NULL CHECK (shop_address ~ '^0x[0-9a-f]{40}$'),
    amount_cents  bigint NOT NULL CHECK (amount_cents > 0),
    -- The shop's own reference (a till or order number); it stays here and never goes on chain.
    reference     text NOT NULL DEFAULT '',
    -- The authorization the request binds: its nonce and its window (unix seconds, both exclusive).
    auth_nonce    text NOT NULL UNIQUE CHECK (auth_nonce ~ '^0x[0-9a-f]{64}$'),
    valid_after   bigint NOT NULL CHECK (valid_after >= 0),
    valid_before  bigint NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    -- Set together, once, when a resident pays: who paid, from which address, the signature and the intent.
    payer_id      uuid REFERENCES accounts (id),
    payer_address text CHECK (payer_address ~ '^0x[0-9a-f]{40}$'),
    signature     bytea CHECK (octet_length(signature) = 65),
    intent_id     bigint UNIQUE REFERENCES chain_intents (id),
    submitted_at  timestamptz,
    CHECK (valid_before > valid_after),
    CHECK (expires_at > created_at),
    CHECK ((intent_id IS NULL) = (payer_id IS NULL) AND (intent_id IS NULL) = (payer_address IS NULL)
        AND (intent_id IS NULL) = (signature IS NULL) AND (intent_id IS NULL) = (submitted_at IS NULL))
);
CREATE INDEX payment_requests_shop ON payment_requests (shop_id, submitted_at DESC) WHERE intent_id IS NOT NULL;
CREATE INDEX payment_requests_payer ON payment_requests (payer_id, submitted_at DESC) WHERE intent_id IS NOT NULL;
CREATE INDEX payment_requests_payer_address ON payment_requests (payer_address) WHERE intent_id IS NOT NULL;

CREATE TABLE refunds (
    id               uuid PRIMARY KEY,
    payment_id       uuid NOT NULL REFERENCES payment_requests (id),
    shop_id          uuid NOT NULL REFERENCES accounts (id),
    shop_address     text NOT NULL CHECK (shop_address ~ '^0x[0-9a-f]{40}$'),
    resident_address text NOT NULL CHECK (resident_address ~ '^0x[0-9a-f]{40}$'),
    amount_cents     bigint NOT NULL CHECK (amount_cents > 0),
    reason           text NOT NULL CHECK (reason <> ''),
    auth_nonce       text NOT NULL UNIQUE CHECK (auth_nonce ~ '^0x[0-9a-f]{64}$'),
    intent_id        bigint NOT NULL UNIQUE REFERENCES chain_intents (id),
    created_at       timestamptz NOT NULL
);
CREATE INDEX refunds_payment ON refunds (payment_id);
CREATE INDEX refunds_shop ON refunds (shop_id, created_at);
CREATE INDEX refunds_shop_address ON refunds (shop_address);

-- Idempotency keys of coin-moving requests, scoped to the caller: the key, a hash of the request, and what
-- it made (resource and intent). The row commits with the business change, so a replay finds it or finds
-- nothing happened.
CREATE TABLE idempotency_keys (
    account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash bytea NOT NULL CHECK (octet_length(request_hash) = 32),
    resource     text NOT NULL,
    intent_id    bigint NOT NULL REFERENCES chain_intents (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, key)
);

-- The one place where a payment's status is derived: open or expired until a resident pays, then the
-- outcome of its relay intent as the sender recorded it (queued or sent: submitted).
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

-- The same for refunds, which are submitted when written.
CREATE VIEW refund_states AS
SELECT r.id, r.payment_id, r.shop_id, r.shop_address, r.resident_address, r.amount_cents, r.reason, r.auth_nonce,
       r.intent_id, r.created_at,
       CASE i.status WHEN 'confirmed' THEN 'confirmed' WHEN 'failed' THEN 'failed' ELSE 'submitted' END AS status,
       i.tx_hash, i.block_number, CASE WHEN i.status = 'failed' THEN i.error ELSE '' END AS failure, i.done_at
FROM refunds r
JOIN chain_intents i ON i.id = r.intent_id;
