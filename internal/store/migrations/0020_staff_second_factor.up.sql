-- A second factor for staff (RFC 6238 TOTP): a staff member's privileges take effect only once one is
-- enrolled. The secret is encrypted like the other credentials (its AAD names the table, column and
-- account). Until confirmed_at is set the enrolment is only started; last_step is the last 30-second time
-- step whose code was accepted, so that no code works twice. A confirmation gives single-use recovery codes,
-- of which only keyed hashes are kept. An administrator's reset deletes both; the staff member enrols anew.
CREATE TABLE staff_second_factors (
    account_id   uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret_enc   bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz,
    last_step    bigint NOT NULL DEFAULT 0 CHECK (last_step >= 0),
    CHECK (confirmed_at IS NOT NULL OR last_step = 0)
);

CREATE TABLE staff_recovery_codes (
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  bytea NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);
