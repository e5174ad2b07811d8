-- Recovery of a resident's coins from a lost key to the same resident's new key, without custody: the
-- resident asks with a signature of the new key, one member of staff verifies the identity, a second, different
-- one approves; the platform's recovery key then asks the coin contract, which carries it out only after its
-- delay, during which the lost key can cancel it with a signed message. Each chain step is an outbox intent
-- written once (request, cancel, execute); when the execution is confirmed the account is bound to the new
-- address. On chain only the two addresses and the opaque ref (keccak of 'recovery:' || id) appear.
CREATE TABLE key_recoveries (
    id                uuid PRIMARY KEY,
    account_id        uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    from_address      text NOT NULL,
    to_address        text NOT NULL,
    status            text NOT NULL CHECK (status IN ('asked', 'verified', 'approved', 'cancelling', 'cancelled',
                                                      'rejected', 'executed', 'failed')),
    asked_at          timestamptz NOT NULL,
    verified_by       uuid,
    verified_at       timestamptz,
    approved_by       uuid,
    approved_at       timestamptz,
    rejected_by       uuid,
    reject_reason     text NOT NULL DEFAULT '',
    cancel_signature  bytea,
    request_intent_id bigint UNIQUE REFERENCES chain_intents (id),
    cancel_intent_id  bigint UNIQUE REFERENCES chain_intents (id),
    execute_intent_id bigint UNIQUE REFERENCES chain_intents (id),
    executable_at     timestamptz,
    done_at           timestamptz,
    error             text NOT NULL DEFAULT '',
    CHECK (from_address <> to_address),
    -- Four eyes: the member of staff who approves is not the one who verified.
    CHECK (approved_by IS NULL OR (verified_by IS NOT NULL AND approved_by <> verified_by)),
    CHECK ((verified_by IS NULL) = (verified_at IS NULL)),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
    CHECK (status <> 'rejected' OR (rejected_by IS NOT NULL AND reject_reason <> '')),
    CHECK (request_intent_id IS NOT NULL OR status IN ('asked', 'verified', 'cancelled', 'rejected'))
);
-- At most one open recovery per account.
CREATE UNIQUE INDEX key_recoveries_open ON key_recoveries (account_id)
    WHERE status IN ('asked', 'verified', 'approved', 'cancelling');
CREATE INDEX key_recoveries_account ON key_recoveries (account_id, asked_at);
-- The worker's scan: the recoveries with a chain step to follow.
CREATE INDEX key_recoveries_due ON key_recoveries (asked_at) WHERE status IN ('approved', 'cancelling');
