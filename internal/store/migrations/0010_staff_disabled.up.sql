-- A staff member who leaves (or whose credentials are lost) is disabled: the account stays, for the audit
-- log's sake, but it can no longer log in and its sessions are revoked. Only staff accounts are disabled;
-- residents and shops are erased instead.
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check
    CHECK (status IN ('pending', 'approved', 'rejected', 'erased', 'disabled'));
ALTER TABLE accounts ADD CONSTRAINT accounts_disabled_is_staff CHECK (status <> 'disabled' OR role = 'staff');
