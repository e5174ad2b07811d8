-- Notices tell a person what happened to them: an account decided, a claim decided, a reward arrived, a
-- payment refunded, a payout paid, a queue waiting too long (staff). A notice is written in the same
-- transaction as the event it reports, so it exists exactly when the event does; (account_id, event_key)
-- keeps it to one per event however often the event's code runs. A worker delivers it: in the app
-- (app_at), and by e-mail when the person gave an address and opted in (email_*), with retries.
CREATE TABLE notices (
    id             bigserial PRIMARY KEY,
    account_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    event_key      text NOT NULL CHECK (event_key <> ''),
    -- What the texts fill in: only the person's own matters (a reason, a chore's title, their amounts).
    params         jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    app_at         timestamptz,
    read_at        timestamptz,
    email_status   text NOT NULL DEFAULT 'pending' CHECK (email_status IN ('pending', 'sent', 'skipped', 'failed')),
    email_attempts integer NOT NULL DEFAULT 0 CHECK (email_attempts >= 0),
    email_retry_at timestamptz,
    email_sent_at  timestamptz,
    email_error    text NOT NULL DEFAULT '',
    UNIQUE (account_id, event_key),
    CHECK (read_at IS NULL OR app_at IS NOT NULL)
);
-- The worker's scan: notices not yet in the app or with an e-mail still to send.
CREATE INDEX notices_due ON notices (id) WHERE app_at IS NULL OR email_status = 'pending';
-- A person's list, newest first.
CREATE INDEX notices_account ON notices (account_id, id DESC) WHERE app_at IS NOT NULL;
-- The retention job's scan.
CREATE INDEX notices_created ON notices (created_at);

-- How a person wants to be told: the language of the texts and whether by e-mail (opt-in, off until they
-- turn it on). No row means Dutch, no e-mail.
CREATE TABLE notice_settings (
    account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    language   text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
    email      boolean NOT NULL DEFAULT false,
    changed_at timestamptz NOT NULL
);

-- The staff's queue notices: a queue whose oldest waiting item passed the set age is reported once, and
-- again only after it came back under the age. over_since is when it last crossed; NULL while under.
CREATE TABLE notice_queue_alerts (
    queue      text PRIMARY KEY CHECK (queue IN ('onboarding', 'review')),
    over_since timestamptz
);
