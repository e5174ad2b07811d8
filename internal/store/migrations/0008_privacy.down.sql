DROP TABLE breaches;
DROP TABLE restrictions;
DROP TABLE consents;
DROP TABLE privacy_requests;
ALTER TABLE shops DROP COLUMN category;
-- Fails while bookkeeping of erased people is kept: an erasure cannot be undone.
DELETE FROM accounts WHERE status = 'erased';
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check CHECK (status IN ('pending', 'approved', 'rejected'));
ALTER TABLE accounts DROP COLUMN notice_version;
