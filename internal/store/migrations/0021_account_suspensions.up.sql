-- Staff suspend a resident or shop with a reason, and reinstate it with another. A suspended account cannot
-- sign in (it is told the reason, after the right password) and its sessions are revoked when it is
-- suspended. Its coins stay its own: a suspended shop is still paid out what it holds, and once it holds
-- nothing more its accepting role is revoked on chain (revoke_intent_id, written once); reinstating a shop
-- whose role was revoked grants it again (grant_intent_id, written once the revocation is final). Only
-- residents and shops are suspended: staff are disabled instead.
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check
    CHECK (status IN ('pending', 'approved', 'rejected', 'erased', 'disabled', 'suspended'));
ALTER TABLE accounts ADD CONSTRAINT accounts_suspended_not_staff CHECK (status <> 'suspended' OR role <> 'staff');

CREATE TABLE account_suspensions (
    id               uuid PRIMARY KEY,
    account_id       uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    suspended_at     timestamptz NOT NULL,
    suspended_by     uuid NOT NULL,
    -- What the person is told when they try to sign in; staff write it for them.
    reason           text NOT NULL CHECK (reason <> ''),
    revoke_intent_id bigint UNIQUE REFERENCES chain_intents (id),
    reinstated_at    timestamptz,
    reinstated_by    uuid,
    reinstate_reason text NOT NULL DEFAULT '',
    grant_intent_id  bigint UNIQUE REFERENCES chain_intents (id),
    CHECK ((reinstated_at IS NULL) = (reinstated_by IS NULL)),
    CHECK (reinstated_at IS NULL OR reinstate_reason <> ''),
    CHECK (grant_intent_id IS NULL OR (reinstated_at IS NOT NULL AND revoke_intent_id IS NOT NULL))
);
-- At most one suspension of an account is open at a time.
CREATE UNIQUE INDEX account_suspensions_open ON account_suspensions (account_id) WHERE reinstated_at IS NULL;
CREATE INDEX account_suspensions_account ON account_suspensions (account_id, suspended_at);
-- The worker's scan: the few suspensions whose shop's role on chain may be due a change.
CREATE INDEX account_suspensions_due ON account_suspensions (suspended_at)
    WHERE (reinstated_at IS NULL AND revoke_intent_id IS NULL) OR (revoke_intent_id IS NOT NULL AND grant_intent_id IS NULL);

-- The retention job counts a suspended account's inactivity too, from its own last change (the suspension).
DROP INDEX accounts_last_change;
CREATE INDEX accounts_last_change ON accounts (GREATEST(created_at, updated_at, decided_at), id)
    WHERE role IN ('resident', 'shop') AND status IN ('approved', 'suspended');
