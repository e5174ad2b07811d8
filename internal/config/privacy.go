package config

import (
	"net/mail"
	"time"
)

// Privacy holds the privacy settings: the controller's contact, the analytics threshold and the retention
// period of each data category (docs/privacy.md lists them with their reasons). The seeds give no retention
// number (requirements §3): these defaults are the municipality's decision and appear in the register.
type Privacy struct {
	// Contact is where residents send privacy questions and requests (PRIVACY_CONTACT, default
	// heitje@heerlen.nl, seed 000 §33).
	Contact string
	// MinGroupSize is k: analytics cells about fewer people are suppressed (ANALYTICS_MIN_GROUP_SIZE,
	// default 10, at least 5).
	MinGroupSize int
	// RetentionEvery is how often the retention job runs in `heitje serve` (RETENTION_EVERY, default 24h, at
	// least 1m).
	RetentionEvery time.Duration
	// RetentionOff leaves the retention job out of `heitje serve` (RETENTION_EVERY=0): the database role that
	// owns the schema runs `heitje retention run` from a timer instead, and the API's role needs no right to
	// delete from the audit log.
	RetentionOff bool
	// The retention periods, in whole days: RETENTION_PENDING_DAYS (default 90), RETENTION_REJECTED_DAYS
	// (30), RETENTION_PHOTO_DAYS (90, after the claim's decision), RETENTION_INACTIVE_DAYS (730),
	// RETENTION_SESSION_DAYS (90), RETENTION_AUDIT_DAYS (1095), RETENTION_PAYOUT_DAYS (2557: seven
	// years, the fiscal retention of AWR art. 52), RETENTION_NOTICE_DAYS (180).
	PendingRegistrations  time.Duration
	RejectedRegistrations time.Duration
	ProofPhotos           time.Duration
	InactiveAccounts      time.Duration
	Sessions              time.Duration
	AuditLog              time.Duration
	PayoutRecords         time.Duration
	Notices               time.Duration
}

func (r *reader) privacy() Privacy {
	days := func(name string, def, lo, hi uint64) time.Duration {
		return time.Duration(r.bounded(name, def, lo, hi)) * 24 * time.Hour
	}
	p := Privacy{
		Contact:               r.str("PRIVACY_CONTACT", "heitje@heerlen.nl", false),
		MinGroupSize:          int(r.bounded("ANALYTICS_MIN_GROUP_SIZE", 10, 5, 100_000)),
		RetentionOff:          r.str("RETENTION_EVERY", "", false) == "0",
		PendingRegistrations:  days("RETENTION_PENDING_DAYS", 90, 1, 3650),
		RejectedRegistrations: days("RETENTION_REJECTED_DAYS", 30, 1, 3650),
		ProofPhotos:           days("RETENTION_PHOTO_DAYS", 90, 1, 3650),
		InactiveAccounts:      days("RETENTION_INACTIVE_DAYS", 730, 30, 3650),
		Sessions:              days("RETENTION_SESSION_DAYS", 90, 15, 3650),
		AuditLog:              days("RETENTION_AUDIT_DAYS", 1095, 180, 7300),
		PayoutRecords:         days("RETENTION_PAYOUT_DAYS", 2557, 2557, 7300),
		Notices:               days("RETENTION_NOTICE_DAYS", 180, 7, 3650),
	}
	if a, err := mail.ParseAddress(p.Contact); err != nil || a.Address != p.Contact {
		r.fail("PRIVACY_CONTACT", "must be an e-mail address")
	}
	if !p.RetentionOff {
		p.RetentionEvery = r.duration("RETENTION_EVERY", 24*time.Hour)
	}
	if !p.RetentionOff && p.RetentionEvery < time.Minute {
		r.fail("RETENTION_EVERY", "must be at least 1m, or 0 to leave the job to `heitje retention run`")
	}
	return p
}
