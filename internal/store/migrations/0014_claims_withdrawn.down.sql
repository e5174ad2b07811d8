-- Before withdrawal existed, a claim that ended without a decision was expired.
UPDATE claims SET status = 'expired' WHERE status = 'withdrawn';
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check
    CHECK (status IN ('claimed', 'submitted', 'needs_info', 'approved', 'rewarded', 'rejected', 'expired'));
