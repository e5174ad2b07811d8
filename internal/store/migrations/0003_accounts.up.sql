-- Accounts of residents, shops and staff. Personal fields are encrypted at column level by the application
-- (AES-256-GCM under the key-encryption key, the key id in front of each value: see internal/secrets); the
-- *_lookup columns hold keyed HMAC-SHA256 hashes so that e-mail and phone stay unique without being readable.
-- The username is a self-chosen fictitious name and is kept in plain text.
CREATE TABLE accounts (
    id             uuid PRIMARY KEY,
    role           text NOT NULL CHECK (role IN ('resident', 'shop', 'staff')),
    username       text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,32}$'),
    status         text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    password_hash  text NOT NULL,
    email_enc      bytea,
    email_lookup   bytea,
    phone_enc      bytea,
    phone_lookup   bytea,
    privileges     jsonb NOT NULL DEFAULT '[]',
    -- The account's address on chain: a resident's bound phone key or a shop's server-held key.
    wallet_address text CHECK (wallet_address ~ '^0x[0-9a-f]{40}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    decided_at     timestamptz,
    decided_by     uuid,
    CHECK ((email_enc IS NULL) = (email_lookup IS NULL)),
    CHECK ((phone_enc IS NULL) = (phone_lookup IS NULL)),
    CHECK (role = 'staff' OR privileges = '[]')
);
CREATE UNIQUE INDEX accounts_username ON accounts (username);
CREATE UNIQUE INDEX accounts_email_lookup ON accounts (email_lookup) WHERE email_lookup IS NOT NULL;
CREATE UNIQUE INDEX accounts_phone_lookup ON accounts (phone_lookup) WHERE phone_lookup IS NOT NULL;
-- An address belongs to at most one account; addresses are stored lower-case.
CREATE UNIQUE INDEX accounts_wallet_address ON accounts (wallet_address) WHERE wallet_address IS NOT NULL;
CREATE INDEX accounts_queue ON accounts (status, created_at, id) WHERE role <> 'staff';

-- A shop's details, all encrypted, and its server-held private key, encrypted under the same KEK.
CREATE TABLE shops (
    account_id       uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    legal_name_enc   bytea NOT NULL,
    contact_name_enc bytea,
    kvk_enc          bytea NOT NULL,
    iban_enc         bytea NOT NULL,
    address_enc      bytea NOT NULL,
    private_key_enc  bytea,
    activated_at     timestamptz
);

-- A session is one login: a family of refresh tokens. Revoking it ends every token of the family.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    account_id    uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    revoke_reason text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Refresh tokens are stored as SHA-256 hashes; each may be exchanged once (used_at).
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- Failed logins, for the rate limit that must hold across API instances. Username and client address are
-- kept only as keyed hashes, and only for the rate-limit window.
CREATE TABLE login_failures (
    id           bigserial PRIMARY KEY,
    username_key bytea NOT NULL,
    client_key   bytea NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username_key, at);
CREATE INDEX login_failures_client ON login_failures (client_key, at);
CREATE INDEX login_failures_at ON login_failures (at);

-- Single-use challenges a resident's phone signs to bind its address.
CREATE TABLE wallet_challenges (
    nonce      text PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message    text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX wallet_challenges_account ON wallet_challenges (account_id, created_at);
