-- P-90: only people bound to confidentiality process personal data. A staff member acknowledges the
-- confidentiality statement (its version) in the console before any of their privileges takes effect.
ALTER TABLE accounts ADD COLUMN confidentiality_ack_at timestamptz;
ALTER TABLE accounts ADD COLUMN confidentiality_version text;
ALTER TABLE accounts ADD CONSTRAINT accounts_confidentiality_is_staff
    CHECK ((confidentiality_ack_at IS NULL AND confidentiality_version IS NULL)
        OR (role = 'staff' AND confidentiality_ack_at IS NOT NULL AND confidentiality_version IS NOT NULL));
