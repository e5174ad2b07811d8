// Package notices tells people what happened to them: their account or claim decided, a reward arrived, a
// payment refunded, a payout paid, and staff a queue that waits too long. A domain writes a notice in the
// same transaction as the event it reports (its Tx's Notify), so a notice exists exactly when its event
// does; a Worker then delivers it in the app, by web push to the browsers the person allowed, and, when
// the person gave an e-mail address and opted in, by e-mail, retrying with backoff. Texts are Dutch and English and say nothing about anybody else. The
// package knows no database and no domain: the store implements Store, the domains build Notices with the
// constructors here.
package notices

import (
	"context"
	"errors"
	"strconv"
	"time"
)

// Kind is what a notice reports.
type Kind string

// The kinds of notice.
const (
	KindAccountApproved Kind = "account_approved"
	KindAccountRejected Kind = "account_rejected"
	KindClaimApproved   Kind = "claim_approved"
	KindClaimRejected   Kind = "claim_rejected"
	KindClaimNeedsInfo  Kind = "claim_needs_info"
	KindRewardArrived   Kind = "reward_arrived"
	KindPaymentRefunded Kind = "payment_refunded"
	KindPayoutPaid      Kind = "payout_paid"
	KindQueueWaiting    Kind = "queue_waiting"
	// The recovery of a resident's coins from a lost key to a new one (internal/recovery): told to the
	// resident at each step, so that an owner whose password was stolen learns of it and can cancel with the
	// old key.
	KindRecoveryAsked     Kind = "recovery_asked"
	KindRecoveryApproved  Kind = "recovery_approved"
	KindRecoveryCancelled Kind = "recovery_cancelled"
)

// Kinds returns every kind, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindAccountApproved, KindAccountRejected, KindClaimApproved, KindClaimRejected, KindClaimNeedsInfo,
		KindRewardArrived, KindPaymentRefunded, KindPayoutPaid, KindQueueWaiting, KindRecoveryAsked, KindRecoveryApproved,
		KindRecoveryCancelled}
}

// Params are the values a notice's texts fill in, all about the person told: a reason written for them, a
// chore's title, their own amounts in cents (as decimal strings), a queue's name.
type Params map[string]string

// Notice is one thing a person is told.
type Notice struct {
	ID        int64
	AccountID string
	Kind      Kind
	// EventKey names the event: one notice per account and key, however often the event's code runs.
	EventKey  string
	Params    Params
	CreatedAt time.Time
	// ReadAt is when the person marked it read, or nil.
	ReadAt *time.Time
}

// Language is the language a person reads notices in.
type Language string

// The languages; Dutch first.
const (
	Dutch   Language = "nl"
	English Language = "en"
)

// Known reports whether l is a language of the texts.
func (l Language) Known() bool { return l == Dutch || l == English }

// Settings are how a person wants to be told: the language, and whether by e-mail too (opt-in).
type Settings struct {
	Language Language
	Email    bool
	// HasAddress says the account has an e-mail address to send to (read only).
	HasAddress bool
}

// The errors of the package.
var (
	ErrNotFound    = errors.New("notices: not found")
	ErrInvalid     = errors.New("notices: invalid settings")
	ErrBadToken    = errors.New("notices: the unsubscribe link is not valid")
	ErrNoAddress   = errors.New("notices: the account has no e-mail address")
	errMailerIsOff = errors.New("notices: no mailer configured")
)

// cents writes an amount in cents as Params keep it.
func cents(n int64) string { return strconv.FormatInt(n, 10) }

// AccountApproved tells a resident or shop that staff admitted the account.
func AccountApproved(accountID string) Notice {
	return Notice{AccountID: accountID, Kind: KindAccountApproved, EventKey: "account:decided"}
}

// AccountRejected tells a resident or shop that staff refused the account, with the reason they wrote.
func AccountRejected(accountID, reason string) Notice {
	return Notice{AccountID: accountID, Kind: KindAccountRejected, EventKey: "account:decided", Params: Params{"reason": reason}}
}

// ClaimApproved tells a resident that a claim was approved and its reward is being minted.
func ClaimApproved(residentID, claimID, choreTitle string, rewardCents int64) Notice {
	return Notice{AccountID: residentID, Kind: KindClaimApproved, EventKey: "claim:" + claimID + ":approved",
		Params: Params{"chore": choreTitle, "amount_cents": cents(rewardCents)}}
}

// ClaimRejected tells a resident that a claim was rejected, with the reviewer's reason.
func ClaimRejected(residentID, claimID, choreTitle, reason string) Notice {
	return Notice{AccountID: residentID, Kind: KindClaimRejected, EventKey: "claim:" + claimID + ":rejected",
		Params: Params{"chore": choreTitle, "reason": reason}}
}

// ClaimNeedsInfo tells a resident that a reviewer asked for more, with the question and the new due time,
// which also tells one request of the claim from the next (to the microsecond, as the database keeps it).
func ClaimNeedsInfo(residentID, claimID, choreTitle, message string, due time.Time) Notice {
	return Notice{AccountID: residentID, Kind: KindClaimNeedsInfo,
		EventKey: "claim:" + claimID + ":info:" + strconv.FormatInt(due.UnixMicro(), 10),
		Params:   Params{"chore": choreTitle, "message": message, "due": due.UTC().Format(time.RFC3339)}}
}

// RewardArrived tells a resident that a claim's reward was minted to them. The store writes it in the
// statement that settles the claim once its mint is confirmed.
func RewardArrived(residentID, claimID, choreTitle string, rewardCents int64) Notice {
	return Notice{AccountID: residentID, Kind: KindRewardArrived, EventKey: "claim:" + claimID + ":rewarded",
		Params: Params{"chore": choreTitle, "amount_cents": cents(rewardCents)}}
}

// PaymentRefunded tells a resident that a refund of (part of) a payment reached them, with the shop's
// reason; paidOn is the payment's day. The store writes it in the statement that records the refund's
// confirmation.
func PaymentRefunded(residentID, refundID string, amountCents, paymentCents int64, paidOn time.Time, reason string) Notice {
	return Notice{AccountID: residentID, Kind: KindPaymentRefunded, EventKey: "refund:" + refundID,
		Params: Params{"amount_cents": cents(amountCents), "payment_cents": cents(paymentCents),
			"paid_on": paidOn.In(amsterdam).Format(time.DateOnly), "reason": reason}}
}

// PayoutPaid tells a shop that the municipality paid its line of a payout run.
func PayoutPaid(shopID, runID string, euroCents int64, paidOn time.Time, reference string) Notice {
	return Notice{AccountID: shopID, Kind: KindPayoutPaid, EventKey: "payout:" + runID + ":paid",
		Params: Params{"amount_cents": cents(euroCents), "paid_on": paidOn.Format(time.DateOnly), "reference": reference}}
}

// RecoveryAsked tells a resident that a recovery of the coins to a new key was asked for the account.
func RecoveryAsked(residentID, recoveryID string) Notice {
	return Notice{AccountID: residentID, Kind: KindRecoveryAsked, EventKey: "recovery:" + recoveryID + ":asked"}
}

// RecoveryApproved tells a resident that staff approved the recovery: the coins move at executableAt
// unless the old key cancels it first.
func RecoveryApproved(residentID, recoveryID string, executableAt time.Time) Notice {
	return Notice{AccountID: residentID, Kind: KindRecoveryApproved, EventKey: "recovery:" + recoveryID + ":approved",
		Params: Params{"executable_at": executableAt.UTC().Format(time.RFC3339)}}
}

// RecoveryCancelled tells a resident that the recovery was cancelled and nothing moved.
func RecoveryCancelled(residentID, recoveryID string) Notice {
	return Notice{AccountID: residentID, Kind: KindRecoveryCancelled, EventKey: "recovery:" + recoveryID + ":cancelled"}
}

// Queue is a staff queue that notices watch.
type Queue string

// The queues: sign-ups waiting for a decision, claims waiting for review.
const (
	QueueOnboarding Queue = "onboarding"
	QueueReview     Queue = "review"
)

// QueueWaiting tells a staff member that a queue's oldest item waited longer than the set age. since is
// when the queue crossed the age, which makes the event's key: one notice per crossing.
func QueueWaiting(staffID string, q Queue, age time.Duration, since time.Time) Notice {
	return Notice{AccountID: staffID, Kind: KindQueueWaiting,
		EventKey: "queue:" + string(q) + ":" + strconv.FormatInt(since.UnixNano(), 10),
		Params:   Params{"queue": string(q), "hours": strconv.FormatInt(int64(age/time.Hour), 10)}}
}

// Store keeps notices and settings. The domains write notices through their own transactions (their Tx's
// Notify); the store's methods here serve the worker and the API.
type Store interface {
	// List returns an account's delivered notices, newest first, below beforeID when it is above 0.
	List(ctx context.Context, accountID string, beforeID int64, limit int) ([]Notice, error)
	// Unread counts an account's delivered notices not yet read.
	Unread(ctx context.Context, accountID string) (int, error)
	// MarkRead marks the account's notices of ids read (all of its delivered notices when ids is empty)
	// and returns how many it changed. Another account's ids change nothing.
	MarkRead(ctx context.Context, accountID string, ids []int64, at time.Time) (int, error)
	// Settings returns the account's settings (Dutch, no e-mail without a row); ErrNotFound without the account.
	Settings(ctx context.Context, accountID string) (Settings, error)
	// SaveSettings stores the account's language and e-mail choice.
	SaveSettings(ctx context.Context, accountID string, s Settings, at time.Time) error
	// DeliverApp puts notices written before now into the app, at most limit, and returns how many.
	DeliverApp(ctx context.Context, now time.Time, limit int) (int, error)
	// ClaimEmails takes at most limit notices whose e-mail is due at now, skipping (email_status skipped)
	// those whose person did not opt in or has no address, and leases the rest until now+lease (so that
	// another worker leaves them alone) with one more attempt counted.
	ClaimEmails(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Outgoing, error)
	// SkipEmails marks every e-mail still to send as skipped (no mailer is configured) and returns how many.
	SkipEmails(ctx context.Context) (int, error)
	// EmailSent records a notice's e-mail as sent at.
	EmailSent(ctx context.Context, id int64, at time.Time) error
	// EmailFailed records a failed attempt: retried at retryAt, or given up (failed) when retryAt is nil.
	EmailFailed(ctx context.Context, id int64, msg string, retryAt *time.Time) error
	// CheckQueue reports the queue's crossing: when its oldest waiting item is older than age at now and the
	// queue was under the age before, it records the crossing and writes a QueueWaiting notice to every
	// active staff member who works the queue, in one transaction, and returns how many; when the queue is
	// under the age it records that. Several workers at once write one crossing.
	CheckQueue(ctx context.Context, q Queue, age time.Duration, now time.Time) (int, error)
	// Unsubscribe turns e-mail off for the account; ErrNotFound without it.
	Unsubscribe(ctx context.Context, accountID string, at time.Time) error
}

// Outgoing is a notice with what its e-mail needs: the address and the language.
type Outgoing struct {
	Notice
	Email    string
	Language Language
	Attempts int
}
