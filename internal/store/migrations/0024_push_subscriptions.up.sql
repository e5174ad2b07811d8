-- Web push (RFC 8030, with VAPID, RFC 8292): a browser that a person allowed to show notices gives the app a
-- subscription, its push service's endpoint and the keys the payload is encrypted to (RFC 8291). An endpoint
-- belongs to one account at a time: the browser's last account that subscribed it. A subscription goes when
-- its person removes it, when its push service answers 404 or 410 (the browser dropped it), and with the
-- account (ON DELETE CASCADE; the erasure of a shop, which keeps the account row, deletes it).
CREATE TABLE push_subscriptions (
    id              bigserial PRIMARY KEY,
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    endpoint        text NOT NULL UNIQUE CHECK (endpoint ~ '^https://' AND length(endpoint) <= 1000),
    p256dh          text NOT NULL CHECK (p256dh <> ''),
    auth            text NOT NULL CHECK (auth <> ''),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_success_at timestamptz,
    last_failure_at timestamptz,
    last_error      text NOT NULL DEFAULT ''
);
CREATE INDEX push_subscriptions_account ON push_subscriptions (account_id);

-- One push of one notice to one subscription: planned once per pair when the notice is in the app and the
-- subscription existed when the notice was written, then sent with retries and backoff like the e-mails.
-- The rows go with their notice (its retention) or their subscription.
CREATE TABLE push_deliveries (
    notice_id       bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    subscription_id bigint NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    retry_at        timestamptz,
    sent_at         timestamptz,
    error           text NOT NULL DEFAULT '',
    PRIMARY KEY (notice_id, subscription_id)
);
-- The worker's scan: the pushes still to send.
CREATE INDEX push_deliveries_due ON push_deliveries (retry_at) WHERE status = 'pending';
CREATE INDEX push_deliveries_subscription ON push_deliveries (subscription_id);
