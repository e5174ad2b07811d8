-- A resident may withdraw a claim that is not decided yet: it becomes withdrawn, holds no place and no
-- reservation, and its proof photos are deleted.
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check
    CHECK (status IN ('claimed', 'submitted', 'needs_info', 'approved', 'rewarded', 'rejected', 'expired', 'withdrawn'));
