-- Indexes that keep the background jobs' reads short, so that they never hold a core for long.

-- The retention job looks for approved accounts whose own last change is old, then for their activity
-- since: a shop's payment requests since a time (paid or not), account by account.
CREATE INDEX accounts_last_change ON accounts (GREATEST(created_at, updated_at, decided_at), id)
    WHERE role IN ('resident', 'shop') AND status = 'approved';
CREATE INDEX payment_requests_shop_created ON payment_requests (shop_id, created_at);

-- The reconciliation reads the holders of TREASURY_ROLE from the few role events, and matches payout lines
-- with the few Redeemed events.
CREATE INDEX token_events_roles ON token_events (role, to_address) WHERE role IS NOT NULL;
CREATE INDEX token_events_redeemed ON token_events (ref, from_address) WHERE event = 'Redeemed';
