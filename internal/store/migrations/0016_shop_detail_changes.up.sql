-- A shop's bank details under four eyes. The legal name, KvK number and IBAN in shops are the approved ones;
-- details_version counts their approved versions (1: as registered). A change, entered by the shop or by
-- staff on its behalf, waits in shop_detail_changes, encrypted like the shop's own columns, until another
-- member of staff approves it (it then becomes the next version) or refuses it with a reason. At most one
-- change per shop waits at a time: a new entry supersedes the one waiting.
ALTER TABLE shops ADD COLUMN details_version integer NOT NULL DEFAULT 1 CHECK (details_version >= 1);

CREATE TABLE shop_detail_changes (
    id             uuid PRIMARY KEY,
    shop_id        uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The complete set of details the change asks for (the ones not changed copied from the version it was
    -- entered against, base_version).
    legal_name_enc bytea NOT NULL,
    kvk_enc        bytea NOT NULL,
    iban_enc       bytea NOT NULL,
    base_version   integer NOT NULL CHECK (base_version >= 1),
    status         text NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'superseded')),
    -- Who entered it: the shop itself or a member of staff (entered_by <> shop_id), with staff's note.
    entered_by     uuid NOT NULL,
    note           text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    decided_by     uuid,
    decided_at     timestamptz,
    reason         text NOT NULL DEFAULT '',
    -- The details version the change became when approved.
    version        integer,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK ((status = 'approved') = (version IS NOT NULL)),
    -- Four eyes: nobody approves what they entered (refusing it, which moves no money, they may).
    CHECK (status <> 'approved' OR (decided_by IS NOT NULL AND decided_by <> entered_by)),
    CHECK (status <> 'refused' OR decided_by IS NOT NULL),
    CHECK (status <> 'refused' OR reason <> ''),
    UNIQUE (shop_id, version)
);
CREATE UNIQUE INDEX shop_detail_changes_one_pending ON shop_detail_changes (shop_id) WHERE status = 'pending';
CREATE INDEX shop_detail_changes_queue ON shop_detail_changes (created_at, id) WHERE status = 'pending';

-- A payout line pays the IBAN of the approved details version current when the run was drafted: both are
-- kept with the line (the IBAN encrypted like its business name), so a change approved later does not
-- redirect a run already made. Lines drafted before this migration have neither and pay the shop's
-- approved IBAN.
ALTER TABLE payout_lines ADD COLUMN details_version integer CHECK (details_version >= 1);
ALTER TABLE payout_lines ADD COLUMN iban_enc bytea;
ALTER TABLE payout_lines ADD CONSTRAINT payout_lines_details CHECK ((details_version IS NULL) = (iban_enc IS NULL));

CREATE OR REPLACE FUNCTION payout_lines_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.run_id <> OLD.run_id OR NEW.shop_id <> OLD.shop_id OR NEW.shop_address <> OLD.shop_address
        OR NEW.amount_cents <> OLD.amount_cents OR NEW.payments <> OLD.payments OR NEW.gross_cents <> OLD.gross_cents
        OR NEW.refunds <> OLD.refunds OR NEW.refunded_cents <> OLD.refunded_cents
        OR NEW.details_version IS DISTINCT FROM OLD.details_version THEN
        RAISE EXCEPTION 'payout_lines: the amounts and the shop of a line cannot change' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
