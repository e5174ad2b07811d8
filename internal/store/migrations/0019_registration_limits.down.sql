DROP INDEX accounts_email_lookup_any;
DROP INDEX accounts_phone_lookup_any;
DROP INDEX accounts_email_lookup;
DROP INDEX accounts_phone_lookup;
CREATE UNIQUE INDEX accounts_email_lookup ON accounts (email_lookup) WHERE email_lookup IS NOT NULL;
CREATE UNIQUE INDEX accounts_phone_lookup ON accounts (phone_lookup) WHERE phone_lookup IS NOT NULL;
DROP TABLE registration_attempts;
