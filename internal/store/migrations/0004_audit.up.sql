-- The audit log of staff reads, changes and exports of personal data. Append-only: each row's hash covers
-- its content and the previous row's hash (internal/audit), rows are appended one at a time under an
-- advisory transaction lock, and the trigger below refuses UPDATE, DELETE and TRUNCATE.
--
-- Retention: the one sanctioned way to remove rows is the retention job, which, in one transaction, runs
--   SET LOCAL heitje.audit_retention = 'on';
--   DELETE FROM audit_log WHERE id < <first kept id>;
--   UPDATE audit_chain SET first_id = <first kept id>, first_prev_hash = <that row's prev_hash>;
-- (store.AuditStore.Prune does exactly this), so that `heitje audit verify` starts from the first kept row.
-- In production, grant the API's database role only INSERT and SELECT on audit_log: then only the
-- retention job's role can remove rows at all, and the hash chain shows any other change.
CREATE TABLE audit_log (
    id         bigint PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor_id   text NOT NULL DEFAULT '',
    actor      text NOT NULL DEFAULT '',
    action     text NOT NULL,
    subject_id text NOT NULL DEFAULT '',
    fields     jsonb NOT NULL DEFAULT '[]',
    reason     text NOT NULL DEFAULT '',
    detail     text NOT NULL DEFAULT '',
    request_id text NOT NULL DEFAULT '',
    source_ip  text NOT NULL DEFAULT '',
    prev_hash  bytea NOT NULL,
    hash       bytea NOT NULL UNIQUE
);
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
CREATE INDEX audit_log_subject ON audit_log (subject_id, id) WHERE subject_id <> '';
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);

-- The ends of the chain: where it starts after retention, and its head (so removing rows at the end shows).
CREATE TABLE audit_chain (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    first_id        bigint NOT NULL,
    first_prev_hash bytea NOT NULL,
    head_id         bigint NOT NULL,
    head_hash       bytea NOT NULL
);
INSERT INTO audit_chain (first_id, first_prev_hash, head_id, head_hash)
VALUES (0, '\x0000000000000000000000000000000000000000000000000000000000000000', 0,
        '\x0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('heitje.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
