-- Privacy by design: the data subjects' requests, consents, restrictions and objections, the breach register,
-- the privacy notice each registration was shown, the shops' business category (for anonymised analytics),
-- and the one account that erased people's bookkeeping is kept under.

-- The version of the privacy notice the registration form showed (internal/privacy/notices); NULL for staff
-- and for accounts made before notices were versioned.
ALTER TABLE accounts ADD COLUMN notice_version text CHECK (notice_version ~ '^[0-9]{4}-[0-9]{2}$');

-- 'erased' is the status of the shared stand-in for everyone who was erased (the fixed id below: the
-- bookkeeping of erased residents is kept under it, so nothing ties those records, nor the chain address
-- in them, to a person any more) and of shops whose contact details, login and key were erased while their
-- business bookkeeping is still kept (internal/privacy, erasure.go).
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check
    CHECK (status IN ('pending', 'approved', 'rejected', 'erased'));
INSERT INTO accounts (id, role, username, status, password_hash)
VALUES ('e7a5ed00-0000-4000-8000-000000000000', 'resident', 'erased', 'erased', '!');

-- A shop's kind of business, chosen at registration; analytics aggregate spending per category.
ALTER TABLE shops ADD COLUMN category text NOT NULL DEFAULT 'other'
    CHECK (category IN ('groceries', 'bakery', 'hospitality', 'retail', 'services', 'culture', 'mobility', 'other'));

-- Requests under AVG art. 15-21, answered within four weeks of receipt (seed 000 §16).
CREATE TABLE privacy_requests (
    id                uuid PRIMARY KEY,
    account_id        uuid NOT NULL REFERENCES accounts (id),
    kind              text NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction', 'objection',
                                                    'portability')),
    -- For an objection: the processing objected to.
    purpose           text NOT NULL DEFAULT '' CHECK (purpose IN ('', 'research_contact', 'analytics')),
    details           text NOT NULL DEFAULT '',
    channel           text NOT NULL CHECK (channel IN ('app', 'counter', 'letter', 'email')),
    identity_verified boolean NOT NULL,
    received_at       timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    decision          text NOT NULL DEFAULT '' CHECK (decision IN ('', 'granted', 'partly_granted', 'refused')),
    decision_reason   text NOT NULL DEFAULT '',
    closed_at         timestamptz,
    closed_by         uuid,
    CHECK (due_at > received_at),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (status = 'closed') = (decision <> '')),
    CHECK (kind = 'objection' OR purpose = ''),
    CHECK (kind <> 'objection' OR purpose <> '')
);
CREATE INDEX privacy_requests_open ON privacy_requests (due_at, id) WHERE status = 'open';
CREATE INDEX privacy_requests_account ON privacy_requests (account_id, received_at DESC);

-- Consents for processing that rests on consent alone: research contact by project partners (seed 000 §6,
-- purpose 5). Off unless given by an active act; a withdrawal ends it at once and is kept as proof.
CREATE TABLE consents (
    id             bigserial PRIMARY KEY,
    account_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose        text NOT NULL CHECK (purpose IN ('research_contact')),
    notice_version text NOT NULL,
    channel        text NOT NULL CHECK (channel IN ('app', 'counter', 'letter', 'email')),
    given_at       timestamptz NOT NULL,
    withdrawn_at   timestamptz,
    CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
);
CREATE UNIQUE INDEX consents_active ON consents (account_id, purpose) WHERE withdrawn_at IS NULL;

-- Restrictions (AVG art. 18: scope 'all') and upheld objections (art. 21: one purpose) stop the processing
-- they name until a privacy officer lifts them.
CREATE TABLE restrictions (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('restriction', 'objection')),
    scope       text NOT NULL CHECK (scope IN ('all', 'research_contact', 'analytics')),
    request_id  uuid REFERENCES privacy_requests (id),
    reason      text NOT NULL DEFAULT '',
    since       timestamptz NOT NULL,
    lifted_at   timestamptz,
    lifted_by   uuid,
    lift_reason text NOT NULL DEFAULT '',
    CHECK ((kind = 'restriction') = (scope = 'all')),
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX restrictions_active ON restrictions (account_id, scope) WHERE lifted_at IS NULL;

-- The register of personal-data breaches (seed 000 §30; the logbook fields a-i of 001 art 8(2) and 004
-- art 17(2); the processor's items of 002 Bijl.1 art 6). The authority must hear of a reportable breach
-- within 72 hours of aware_at; a later notification needs its reason.
CREATE TABLE breaches (
    id                     uuid PRIMARY KEY,
    title                  text NOT NULL,
    nature                 text NOT NULL,
    kinds                  jsonb NOT NULL DEFAULT '[]',
    data_categories        jsonb NOT NULL DEFAULT '[]',
    subject_groups         text NOT NULL DEFAULT '',
    affected_min           integer NOT NULL DEFAULT 0 CHECK (affected_min >= 0),
    affected_max           integer NOT NULL DEFAULT 0 CHECK (affected_max >= affected_min),
    started_at             timestamptz,
    ended_at               timestamptz,
    discovered_at          timestamptz NOT NULL,
    aware_at               timestamptz NOT NULL,
    processor_notified_at  timestamptz,
    cause                  text NOT NULL DEFAULT '',
    consequences           text NOT NULL DEFAULT '',
    harm_measures          text NOT NULL DEFAULT '',
    measures_taken         text NOT NULL DEFAULT '',
    information_contact    text NOT NULL DEFAULT '',
    encrypted              boolean NOT NULL DEFAULT false,
    reportable             boolean,
    assessment             text NOT NULL DEFAULT '',
    authority_notified_at  timestamptz,
    authority_reference    text NOT NULL DEFAULT '',
    delay_reason           text NOT NULL DEFAULT '',
    subjects_notified_at   timestamptz,
    subjects_not_notified_reason text NOT NULL DEFAULT '',
    dpia_reference         text NOT NULL DEFAULT '',
    evaluation             text NOT NULL DEFAULT '',
    created_by             uuid NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    closed_at              timestamptz,
    CHECK (aware_at >= discovered_at),
    CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at),
    CHECK (authority_notified_at IS NULL OR authority_notified_at <= aware_at + interval '72 hours'
           OR delay_reason <> '')
);
CREATE INDEX breaches_open ON breaches (aware_at) WHERE closed_at IS NULL;
