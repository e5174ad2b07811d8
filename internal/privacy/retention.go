package privacy

import (
	"context"
	"time"
)

// RetentionCategory is a kind of data with its own retention period. The seeds give no number for any of
// them (requirements §3): the defaults below are the municipality's decision, configurable, and shown in
// the processing register.
type RetentionCategory string

// The retention categories.
const (
	// RetainPending: registrations nobody decided on, counted from registration; then deleted.
	RetainPending RetentionCategory = "pending_registrations"
	// RetainRejected: rejected registrations, counted from the decision; then deleted.
	RetainRejected RetentionCategory = "rejected_registrations"
	// RetainPhotos: proof photos, counted from the claim's decision (or expiry); then deleted.
	RetainPhotos RetentionCategory = "proof_photos"
	// RetainInactive: residents and shops without activity (login, claim, payment); then erased as on request.
	RetainInactive RetentionCategory = "inactive_accounts"
	// RetainSessions: ended login sessions and used or expired wallet challenges; then deleted.
	RetainSessions RetentionCategory = "sessions"
	// RetainAudit: audit log entries; then pruned, the hash chain moved to the first kept entry.
	RetainAudit RetentionCategory = "audit_log"
	// RetainPayouts: the bookkeeping of payouts, payments, refunds and decided claims (fiscal retention);
	// then deleted.
	RetainPayouts RetentionCategory = "payout_records"
	// RetainLedger: the outbox and the indexed chain events, pseudonymous copies of the immutable chain;
	// kept while the chain exists.
	RetainLedger RetentionCategory = "ledger"
	// RetainAccount: kept while the account exists, removed with it (erasure, inactivity).
	RetainAccount RetentionCategory = "with_the_account"
	// RetainRegisters: the privacy officer's registers (requests, restrictions, breaches): accountability.
	RetainRegisters RetentionCategory = "privacy_registers"
	// RetainNotices: notices told to a person (in the app, by e-mail), counted from when they were written;
	// then deleted.
	RetainNotices RetentionCategory = "notices"
)

// Retention is the period of each category the job enforces.
type Retention struct {
	PendingRegistrations  time.Duration
	RejectedRegistrations time.Duration
	ProofPhotos           time.Duration
	InactiveAccounts      time.Duration
	Sessions              time.Duration
	AuditLog              time.Duration
	PayoutRecords         time.Duration
	Notices               time.Duration
}

const day = 24 * time.Hour

// DefaultRetention are the defaults (RETENTION_*_DAYS in docs/privacy.md): 90 days for undecided and 30
// for rejected registrations, 90 days for proof photos after the decision, two years of inactivity, 90 days
// for ended sessions, three years of audit log and seven years of bookkeeping (the fiscal retention of AWR
// art. 52).
var DefaultRetention = Retention{
	PendingRegistrations:  90 * day,
	RejectedRegistrations: 30 * day,
	ProofPhotos:           90 * day,
	InactiveAccounts:      730 * day,
	Sessions:              90 * day,
	AuditLog:              1095 * day,
	PayoutRecords:         2557 * day,
	Notices:               180 * day,
}

func (r Retention) withDefaults() Retention {
	d := DefaultRetention
	for _, f := range []struct{ dst, def *time.Duration }{{&r.PendingRegistrations, &d.PendingRegistrations},
		{&r.RejectedRegistrations, &d.RejectedRegistrations}, {&r.ProofPhotos, &d.ProofPhotos},
		{&r.InactiveAccounts, &d.InactiveAccounts}, {&r.Sessions, &d.Sessions}, {&r.AuditLog, &d.AuditLog},
		{&r.PayoutRecords, &d.PayoutRecords}, {&r.Notices, &d.Notices}} {
		if *f.dst <= 0 {
			*f.dst = *f.def
		}
	}
	return r
}

// RetentionPeriod is one category's period as the register and the export show it.
type RetentionPeriod struct {
	Category RetentionCategory `json:"category"`
	Label    string            `json:"label"`
	Period   string            `json:"period"`
	Days     int               `json:"days,omitempty"`
	Action   string            `json:"action"`
}

// Periods lists every category with its period and what happens at its end.
func (r Retention) Periods() []RetentionPeriod {
	p := func(c RetentionCategory, label string, d time.Duration, action string) RetentionPeriod {
		return RetentionPeriod{Category: c, Label: label, Period: days(d), Days: int(d / day), Action: action}
	}
	return []RetentionPeriod{
		p(RetainPending, "Registrations awaiting approval, from registration", r.PendingRegistrations, "deleted"),
		p(RetainRejected, "Rejected registrations, from the decision", r.RejectedRegistrations, "deleted"),
		p(RetainPhotos, "Proof photos, from the claim's decision or expiry", r.ProofPhotos, "files and their records deleted"),
		p(RetainInactive, "Accounts without activity (login, claim, payment)", r.InactiveAccounts,
			"erased as on request: residents removed, shops anonymised; bookkeeping kept without the person"),
		p(RetainSessions, "Ended login sessions and used or expired wallet challenges", r.Sessions, "deleted"),
		p(RetainAudit, "Audit log of staff access to personal data", r.AuditLog,
			"pruned; the hash chain restarts at the first kept entry"),
		p(RetainPayouts, "Bookkeeping: payout runs and lines, payments, refunds, decided claims", r.PayoutRecords,
			"deleted (fiscal retention, AWR art. 52)"),
		p(RetainNotices, "Notices to a person (account, claims, rewards, refunds, payouts, queues), from when written", r.Notices, "deleted"),
		{Category: RetainLedger, Label: "Outbox and indexed chain events (pseudonymous addresses and amounts)",
			Period: "as long as the chain", Action: "kept: the chain itself is immutable; erasure removes the tie to a person"},
		{Category: RetainAccount, Label: "Account data, consents, restrictions", Period: "as long as the account",
			Action: "removed with the account (erasure or inactivity)"},
		{Category: RetainRegisters, Label: "Data subjects' requests and the breach register", Period: "as long as the platform runs",
			Action: "kept for accountability (AVG art. 5(2), 33(5)); an erased person's requests keep no identity"},
	}
}

// RetentionStore is what the retention job needs from the database. Every removal is idempotent: run again,
// it finds nothing left to remove.
type RetentionStore interface {
	// ExpiredRegistrations lists accounts in status (pending or rejected) registered (pending) or decided
	// (rejected) before the time, at most limit.
	ExpiredRegistrations(ctx context.Context, status string, before time.Time, limit int) ([]string, error)
	// InactiveAccounts lists approved residents and shops whose last activity was before the time.
	InactiveAccounts(ctx context.Context, before time.Time, limit int) ([]string, error)
	// ExpiredPhotos lists the photos of claims decided or ended before the time.
	ExpiredPhotos(ctx context.Context, before time.Time, limit int) ([]PhotoFile, error)
	// DeletePhotoRows removes the rows of those photos and returns how many it removed.
	DeletePhotoRows(ctx context.Context, ps []PhotoFile) (int64, error)
	// PhotoNames returns the names of every photo file that a row refers to.
	PhotoNames(ctx context.Context) (map[string]bool, error)
	// PruneSessions deletes sessions ended before the time and wallet challenges used or expired before it.
	PruneSessions(ctx context.Context, before time.Time) (int64, error)
	// PruneNotices deletes notices written before the time.
	PruneNotices(ctx context.Context, before time.Time) (int64, error)
	// PruneAudit removes audit entries older than the time, keeping the chain verifiable.
	PruneAudit(ctx context.Context, before time.Time) (int64, error)
	// PruneBookkeeping deletes payout runs and lines, payments, refunds and decided claims older than the
	// time, and the anonymised shops nothing refers to any more; it returns the rows removed per table.
	PruneBookkeeping(ctx context.Context, before time.Time) (map[string]int64, error)
	// RetentionLock runs fn only if no other process is running the job; ran is false otherwise.
	RetentionLock(ctx context.Context, fn func() error) (ran bool, err error)
}
