-- Without suspensions a suspended account becomes rejected: it still cannot sign in.
DROP INDEX accounts_last_change;
CREATE INDEX accounts_last_change ON accounts (GREATEST(created_at, updated_at, decided_at), id)
    WHERE role IN ('resident', 'shop') AND status = 'approved';
DROP TABLE account_suspensions;
UPDATE accounts SET status = 'rejected' WHERE status = 'suspended';
ALTER TABLE accounts DROP CONSTRAINT accounts_suspended_not_staff;
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check
    CHECK (status IN ('pending', 'approved', 'rejected', 'erased', 'disabled'));
