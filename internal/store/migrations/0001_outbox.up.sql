-- The outbox: every coin movement is written here, in the same transaction as the business change that
-- causes it, before anything is sent. One sender per signing key assigns nonces (chain_keys.next_nonce).
CREATE TABLE chain_keys (
    signer     text PRIMARY KEY,
    address    text NOT NULL UNIQUE CHECK (address ~ '^0x[0-9a-f]{40}$'),
    next_nonce bigint NOT NULL DEFAULT 0 CHECK (next_nonce >= 0)
);

CREATE TABLE chain_intents (
    id              bigserial PRIMARY KEY,
    signer          text NOT NULL,
    kind            text NOT NULL,
    idempotency_key text NOT NULL UNIQUE,
    args            jsonb NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'confirmed', 'failed')),
    nonce           bigint CHECK (nonce >= 0),
    tx_hash         text,
    prior_tx_hashes jsonb NOT NULL DEFAULT '[]',
    raw_tx          bytea,
    block_number    bigint,
    error           text NOT NULL DEFAULT '',
    attempts        integer NOT NULL DEFAULT 0,
    retry_at        timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    done_at         timestamptz,
    CHECK (CASE status WHEN 'queued' THEN nonce IS NULL WHEN 'failed' THEN true ELSE nonce IS NOT NULL END)
);

-- A nonce belongs to at most one intent of a key: the database itself forbids sending two intents as one.
CREATE UNIQUE INDEX chain_intents_signer_nonce ON chain_intents (signer, nonce) WHERE nonce IS NOT NULL;
CREATE INDEX chain_intents_queued ON chain_intents (signer, id) WHERE status = 'queued';
CREATE INDEX chain_intents_sent ON chain_intents (signer, nonce) WHERE status = 'sent';
CREATE INDEX chain_intents_tx_hash ON chain_intents (tx_hash);
