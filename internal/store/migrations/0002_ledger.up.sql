-- The indexer's copy of the coin contract's events and the balances they imply. Rows are written with the
-- cursor in one transaction, so a restart resumes without gaps or duplicates; a reorg of the tip deletes
-- the rows of the abandoned blocks and reverses their balance changes.
CREATE TABLE indexer_cursor (
    token        text PRIMARY KEY CHECK (token ~ '^0x[0-9a-f]{40}$'),
    block_number bigint NOT NULL,
    block_hash   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Hashes of recently indexed blocks, to find where a reorganised chain forked from what we indexed.
CREATE TABLE indexer_checkpoints (
    token        text NOT NULL,
    block_number bigint NOT NULL,
    block_hash   text NOT NULL,
    PRIMARY KEY (token, block_number)
);

CREATE TABLE token_events (
    id           bigserial PRIMARY KEY,
    block_number bigint NOT NULL,
    block_hash   text NOT NULL,
    block_time   timestamptz NOT NULL,
    tx_hash      text NOT NULL,
    tx_index     integer NOT NULL,
    log_index    integer NOT NULL,
    event        text NOT NULL,
    from_address text,
    to_address   text,
    amount       numeric(78, 0),
    ref          text,
    auth_nonce   text,
    role         text,
    UNIQUE (block_hash, log_index)
);
CREATE INDEX token_events_block ON token_events (block_number);
CREATE INDEX token_events_tx ON token_events (tx_hash);
CREATE INDEX token_events_from ON token_events (from_address, block_number) WHERE from_address IS NOT NULL;
CREATE INDEX token_events_to ON token_events (to_address, block_number) WHERE to_address IS NOT NULL;

-- Balances in cents, maintained from Transfer events.
CREATE TABLE token_balances (
    address text PRIMARY KEY,
    balance numeric(78, 0) NOT NULL CHECK (balance >= 0)
);
