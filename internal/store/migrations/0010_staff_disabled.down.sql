UPDATE accounts SET status = 'rejected' WHERE status = 'disabled';
ALTER TABLE accounts DROP CONSTRAINT accounts_disabled_is_staff;
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'erased'));
