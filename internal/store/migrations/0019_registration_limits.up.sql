-- Registrations per client address, for the limit that must hold across API instances (like
-- login_failures): the address only as a keyed hash, and only for the limit's window.
CREATE TABLE registration_attempts (
    id         bigserial PRIMARY KEY,
    client_key bytea NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX registration_attempts_client ON registration_attempts (client_key, at);
CREATE INDEX registration_attempts_at ON registration_attempts (at);

-- Registration no longer tells anyone whether an e-mail address or phone number is registered: a pending
-- sign-up may share one with another account, and the approver is told so. An address or number stays
-- unique among the accounts in use (approved, disabled or suspended), so approving the second one fails.
DROP INDEX accounts_email_lookup;
DROP INDEX accounts_phone_lookup;
CREATE UNIQUE INDEX accounts_email_lookup ON accounts (email_lookup)
    WHERE email_lookup IS NOT NULL AND status NOT IN ('pending', 'rejected');
CREATE UNIQUE INDEX accounts_phone_lookup ON accounts (phone_lookup)
    WHERE phone_lookup IS NOT NULL AND status NOT IN ('pending', 'rejected');
CREATE INDEX accounts_email_lookup_any ON accounts (email_lookup) WHERE email_lookup IS NOT NULL;
CREATE INDEX accounts_phone_lookup_any ON accounts (phone_lookup) WHERE phone_lookup IS NOT NULL;
