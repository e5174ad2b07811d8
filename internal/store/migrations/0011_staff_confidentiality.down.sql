ALTER TABLE accounts DROP CONSTRAINT accounts_confidentiality_is_staff;
ALTER TABLE accounts DROP COLUMN confidentiality_version;
ALTER TABLE accounts DROP COLUMN confidentiality_ack_at;
