-- Chores, the residents' claims on them and the proof photos of the claims. Photos themselves live in files
-- outside the database (PHOTO_DIR) under random 128-bit names; the rows here say which file is whose.
-- Amounts are in cents. A chore's counters (places_taken, reserved_cents, spent_cents) change only in the
-- same transaction as the claim that causes the change, under the chore's row lock.
CREATE TABLE chores (
    id                 uuid PRIMARY KEY,
    title              text NOT NULL,
    description        text NOT NULL DEFAULT '',
    lat                double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng                double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
    area               text NOT NULL,
    reward_cents       bigint NOT NULL CHECK (reward_cents > 0),
    capacity           integer NOT NULL CHECK (capacity > 0),
    -- How many places one resident may hold on the chore over its life; NULL: no limit.
    per_resident_limit integer CHECK (per_resident_limit > 0),
    budget_cents       bigint NOT NULL CHECK (budget_cents > 0),
    -- Rewards of open claims, and of approved or rewarded claims.
    reserved_cents     bigint NOT NULL DEFAULT 0 CHECK (reserved_cents >= 0),
    spent_cents        bigint NOT NULL DEFAULT 0 CHECK (spent_cents >= 0),
    places_taken       integer NOT NULL DEFAULT 0 CHECK (places_taken >= 0),
    opens_at           timestamptz NOT NULL,
    closes_at          timestamptz NOT NULL,
    closed_at          timestamptz,
    created_by         uuid NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at > opens_at),
    CHECK (spent_cents <= budget_cents)
);
CREATE INDEX chores_open ON chores (created_at DESC, id) WHERE closed_at IS NULL;
CREATE INDEX chores_position ON chores (lat, lng) WHERE closed_at IS NULL;

CREATE TABLE claims (
    id            uuid PRIMARY KEY,
    chore_id      uuid NOT NULL REFERENCES chores (id),
    resident_id   uuid NOT NULL REFERENCES accounts (id),
    status        text NOT NULL CHECK (status IN ('claimed', 'submitted', 'needs_info', 'approved', 'rewarded',
                                                  'rejected', 'expired')),
    -- The chore's reward when claimed: what the resident was promised.
    reward_cents  bigint NOT NULL CHECK (reward_cents > 0),
    note          text NOT NULL DEFAULT '',
    info_request  text NOT NULL DEFAULT '',
    reject_reason text NOT NULL DEFAULT '',
    proof_due_at  timestamptz,
    claimed_at    timestamptz NOT NULL,
    submitted_at  timestamptz,
    decided_at    timestamptz,
    decided_by    uuid,
    -- The mint: its recipient and outbox intent (set on approval) and its transaction (set when rewarded).
    mint_to       text CHECK (mint_to ~ '^0x[0-9a-f]{40}$'),
    intent_id     bigint REFERENCES chain_intents (id),
    tx_hash       text,
    rewarded_at   timestamptz,
    CHECK (status NOT IN ('approved', 'rewarded') OR (intent_id IS NOT NULL AND mint_to IS NOT NULL)),
    CHECK (status <> 'rewarded' OR tx_hash IS NOT NULL),
    CHECK (status <> 'rejected' OR reject_reason <> '')
);
-- One open claim per resident per chore.
CREATE UNIQUE INDEX claims_one_open ON claims (chore_id, resident_id) WHERE status IN ('claimed', 'submitted', 'needs_info');
-- One claim per mint.
CREATE UNIQUE INDEX claims_intent ON claims (intent_id) WHERE intent_id IS NOT NULL;
CREATE INDEX claims_places ON claims (chore_id, resident_id, status);
CREATE INDEX claims_queue ON claims (status, submitted_at, claimed_at, id);
CREATE INDEX claims_resident ON claims (resident_id, claimed_at DESC);
CREATE INDEX claims_due ON claims (proof_due_at) WHERE status IN ('claimed', 'needs_info');
CREATE INDEX claims_unsettled ON claims (intent_id) WHERE status = 'approved';
CREATE INDEX claims_caps ON claims (resident_id, decided_at) WHERE status IN ('approved', 'rewarded');

CREATE TABLE claim_photos (
    claim_id     uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    n            integer NOT NULL CHECK (n BETWEEN 1 AND 9),
    file_name    text NOT NULL UNIQUE CHECK (file_name ~ '^[0-9a-f]{32}$'),
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes   integer NOT NULL CHECK (size_bytes > 0),
    width        integer NOT NULL CHECK (width > 0),
    height       integer NOT NULL CHECK (height > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (claim_id, n)
);

-- Mints to an address, for the pending part of its balance (GET /v1/me/balance).
CREATE INDEX chain_intents_mint_to ON chain_intents (lower(args ->> 'to')) WHERE kind = 'mint';
