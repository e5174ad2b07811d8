CREATE OR REPLACE FUNCTION payout_lines_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.run_id <> OLD.run_id OR NEW.shop_id <> OLD.shop_id OR NEW.shop_address <> OLD.shop_address
        OR NEW.amount_cents <> OLD.amount_cents OR NEW.payments <> OLD.payments OR NEW.gross_cents <> OLD.gross_cents
        OR NEW.refunds <> OLD.refunds OR NEW.refunded_cents <> OLD.refunded_cents THEN
        RAISE EXCEPTION 'payout_lines: the amounts and the shop of a line cannot change' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
ALTER TABLE payout_lines DROP CONSTRAINT payout_lines_details;
ALTER TABLE payout_lines DROP COLUMN iban_enc;
ALTER TABLE payout_lines DROP COLUMN details_version;
DROP TABLE shop_detail_changes;
ALTER TABLE shops DROP COLUMN details_version;
