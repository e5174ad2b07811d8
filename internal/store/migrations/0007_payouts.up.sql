-- Payout runs: finance closes a period, the coins each activated shop holds at the run's cut-off block are
-- redeemed (burnt) on chain through the outbox, and the shop is paid the same amount in euros by bank transfer.
-- Amounts are in cents. A run covers the blocks from_block..cutoff_block of the ledger; two runs that are not
-- cancelled may share neither a day of their periods nor a block of their ranges, and at most one run is open
-- (draft or executing) at a time, so no coin can be paid out twice.
CREATE TABLE payout_runs (
    id                 uuid PRIMARY KEY,
    period_start       date NOT NULL,
    period_end         date NOT NULL,
    from_block         bigint NOT NULL CHECK (from_block >= 0),
    cutoff_block       bigint NOT NULL,
    -- The opaque reference on chain (keccak256 of "payout:<id>") and the short text reference the bank file
    -- and the report carry; neither says anything about anyone.
    ref                text NOT NULL UNIQUE CHECK (ref ~ '^0x[0-9a-f]{64}$'),
    reference          text NOT NULL UNIQUE CHECK (reference ~ '^HEITJE-[0-9A-F]{12}$'),
    status             text NOT NULL CHECK (status IN ('draft', 'executing', 'executed', 'paid', 'cancelled')),
    -- SHA-256 of the consolidated report, stored when it is first generated (at the latest on execution).
    report_sha256      bytea CHECK (octet_length(report_sha256) = 32),
    created_by         uuid NOT NULL,
    created_at         timestamptz NOT NULL,
    executed_by        uuid,
    execute_started_at timestamptz,
    -- Set when every redeem of the run is confirmed: then, and the highest block of those redeems.
    executed_at        timestamptz,
    settled_block      bigint,
    cancelled_by       uuid,
    cancelled_at       timestamptz,
    CHECK (period_end >= period_start),
    CHECK (cutoff_block >= from_block),
    CHECK (status IN ('draft', 'cancelled') OR (execute_started_at IS NOT NULL AND report_sha256 IS NOT NULL)),
    CHECK (status NOT IN ('executed', 'paid') OR (executed_at IS NOT NULL AND settled_block IS NOT NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CONSTRAINT payout_runs_periods_disjoint EXCLUDE USING gist (daterange(period_start, period_end, '[]') WITH &&)
        WHERE (status <> 'cancelled'),
    CONSTRAINT payout_runs_blocks_disjoint EXCLUDE USING gist (int8range(from_block, cutoff_block, '[]') WITH &&)
        WHERE (status <> 'cancelled')
);
CREATE UNIQUE INDEX payout_runs_one_open ON payout_runs ((true)) WHERE status IN ('draft', 'executing');
CREATE INDEX payout_runs_cutoff ON payout_runs (cutoff_block DESC) WHERE status <> 'cancelled';

-- One line per shop and run: the coins it redeems (amount_cents, which is also the euros to pay) and the
-- period's figures of the report. The business name is a snapshot taken with the line, encrypted like the
-- shop's own columns, so the report of a run never changes. The redeem intent's key is "payout:<run>:<shop>"
-- (":<attempt>" after a redeem that reverted on chain, which burnt nothing).
CREATE TABLE payout_lines (
    id                uuid PRIMARY KEY,
    run_id            uuid NOT NULL REFERENCES payout_runs (id),
    shop_id           uuid NOT NULL REFERENCES accounts (id),
    shop_address      text NOT NULL CHECK (shop_address ~ '^0x[0-9a-f]{40}$'),
    business_name_enc bytea NOT NULL,
    payments          integer NOT NULL CHECK (payments >= 0),
    gross_cents       bigint NOT NULL CHECK (gross_cents >= 0),
    refunds           integer NOT NULL CHECK (refunds >= 0),
    refunded_cents    bigint NOT NULL CHECK (refunded_cents >= 0),
    amount_cents      bigint NOT NULL CHECK (amount_cents > 0),
    intent_id         bigint UNIQUE REFERENCES chain_intents (id),
    attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    redeemed_block    bigint,
    redeem_tx         text,
    paid_on           date,
    bank_reference    text,
    paid_by           uuid,
    paid_at           timestamptz,
    UNIQUE (run_id, shop_id),
    CHECK ((redeemed_block IS NULL) = (redeem_tx IS NULL)),
    CHECK (redeemed_block IS NULL OR intent_id IS NOT NULL),
    CHECK ((paid_on IS NULL) = (bank_reference IS NULL) AND (paid_on IS NULL) = (paid_at IS NULL)),
    CHECK (paid_on IS NULL OR redeemed_block IS NOT NULL)
);
CREATE INDEX payout_lines_shop ON payout_lines (shop_id, run_id);

-- What a line redeems and for whom is fixed once written: the report's hash would show a change, and this
-- refuses it outright.
CREATE FUNCTION payout_lines_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.run_id <> OLD.run_id OR NEW.shop_id <> OLD.shop_id OR NEW.shop_address <> OLD.shop_address
        OR NEW.amount_cents <> OLD.amount_cents OR NEW.payments <> OLD.payments OR NEW.gross_cents <> OLD.gross_cents
        OR NEW.refunds <> OLD.refunds OR NEW.refunded_cents <> OLD.refunded_cents THEN
        RAISE EXCEPTION 'payout_lines: the amounts and the shop of a line cannot change' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER payout_lines_fixed BEFORE UPDATE ON payout_lines FOR EACH ROW EXECUTE FUNCTION payout_lines_fixed();
