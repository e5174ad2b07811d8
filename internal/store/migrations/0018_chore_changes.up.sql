-- Every change of a chore's fields, one row per field: who changed it, when, and its old and new value as
-- text. The four-eyes rule reads it: a reviewer may not approve a claim on a chore whose reward, budget or
-- places (reward_cents, budget_cents, capacity) they created or changed. The audit log holds the same
-- changes in words; this table is what the rule can query without parsing them.
CREATE TABLE chore_changes (
    id         bigserial PRIMARY KEY,
    chore_id   uuid NOT NULL REFERENCES chores (id),
    changed_by uuid NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    field      text NOT NULL CHECK (field IN ('title', 'description', 'location', 'reward_cents', 'capacity',
                                              'per_resident_limit', 'budget_cents', 'opens_at', 'closes_at',
                                              'closed')),
    old_value  text NOT NULL,
    new_value  text NOT NULL
);
CREATE INDEX chore_changes_by ON chore_changes (chore_id, changed_by);
