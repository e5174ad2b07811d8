// Package problem is the one map from the domains' errors to what a client is told: an HTTP status, a
// stable code and a safe message. The API answers with it; the console shows the code's text in the
// reader's language. It knows no web framework.
package problem

import (
	"errors"
	"net/http"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/overview"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/recovery"
	"github.com/heerlen/heitje/internal/secrets"
)

// Error is an error with the status, stable code and safe message a client sees. Field names the request
// field at fault, for validation errors. Reason is what staff wrote for the person, for a suspended
// account at sign-in.
type Error struct {
	Status  int
	Code    string
	Message string
	Field   string
	Reason  string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf builds an Error.
func Errorf(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// errorMap translates the domains' sentinel errors. The first match wins.
var known = []struct {
	err error
	api *Error
}{
	{secrets.ErrBusy, Errorf(http.StatusServiceUnavailable, "busy", "too many passwords are being checked at once; try again in a moment (Retry-After)")},
	{accounts.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{accounts.ErrUsernameTaken, Errorf(http.StatusConflict, "username_taken", "this username is taken; choose another made-up name")},
	{accounts.ErrEmailTaken, Errorf(http.StatusConflict, "email_taken", "this e-mail address is already registered")},
	{accounts.ErrPhoneTaken, Errorf(http.StatusConflict, "phone_taken", "this phone number is already registered")},
	{accounts.ErrAddressTaken, Errorf(http.StatusConflict, "address_taken", "this address belongs to another account")},
	{accounts.ErrWalletBound, Errorf(http.StatusConflict, "wallet_already_bound", "the account already has another address")},
	{accounts.ErrInvalidCredentials, Errorf(http.StatusUnauthorized, "invalid_credentials", "wrong username or password")},
	{accounts.ErrAccountPending, Errorf(http.StatusForbidden, "account_pending", "the account awaits approval by the municipality")},
	{accounts.ErrAccountRejected, Errorf(http.StatusForbidden, "account_rejected", "the account was not approved")},
	{accounts.ErrAccountDisabled, Errorf(http.StatusForbidden, "account_disabled", "the account is disabled")},
	{accounts.ErrAccountSuspended, Errorf(http.StatusForbidden, "account_suspended", "the municipality has suspended the account")},
	{accounts.ErrAlreadySuspended, Errorf(http.StatusConflict, "account_already_suspended", "the account is already suspended; nothing was changed")},
	{accounts.ErrNotSuspended, Errorf(http.StatusConflict, "account_not_suspended", "the account is not suspended; nothing was changed")},
	{accounts.ErrStaffAccount, Errorf(http.StatusUnprocessableEntity, "staff_account", "staff accounts are not suspended: disable them through /v1/admin/staff/{id}/disable; nothing was changed")},
	{accounts.ErrConfidentialityPending, Errorf(http.StatusForbidden, "confidentiality_required", "acknowledge the confidentiality statement first: GET and POST /v1/me/confidentiality")},
	{accounts.ErrSecondFactorRequired, Errorf(http.StatusForbidden, "second_factor_required", "enrol a second factor first: POST /v1/me/second-factor, then POST /v1/me/second-factor/confirm with a code of the authenticator app")},
	{accounts.ErrSecondFactorCodeRequired, Errorf(http.StatusUnauthorized, "second_factor_code_required", "the password is right; this account also needs the current code of its authenticator app, or a recovery code, in second_factor")},
	{accounts.ErrSecondFactorCodeInvalid, Errorf(http.StatusUnauthorized, "second_factor_code_invalid", "the code is wrong, expired or already used")},
	{accounts.ErrSecondFactorEnrolled, Errorf(http.StatusConflict, "second_factor_enrolled", "a second factor is already enrolled; an administrator can reset it")},
	{accounts.ErrSecondFactorNotStarted, Errorf(http.StatusConflict, "second_factor_not_started", "start the enrolment first: POST /v1/me/second-factor")},
	{accounts.ErrSelfDisable, Errorf(http.StatusUnprocessableEntity, "self_disable", "you cannot disable your own account")},
	{accounts.ErrRateLimited, Errorf(http.StatusTooManyRequests, "rate_limited", "too many failed logins; try again later")},
	{accounts.ErrTooManyRegistrations, Errorf(http.StatusTooManyRequests, "too_many_registrations",
		"too many sign-ups from this address; try again later")},
	{accounts.ErrUnauthenticated, Errorf(http.StatusUnauthorized, "unauthenticated", "this needs an access token: Authorization: Bearer <token>")},
	{accounts.ErrInvalidToken, Errorf(http.StatusUnauthorized, "invalid_token", "the token is invalid, expired or revoked")},
	{accounts.ErrTokenReused, Errorf(http.StatusUnauthorized, "token_reused", "this refresh token was already used; the session is ended, log in again")},
	{accounts.ErrForbidden, Errorf(http.StatusForbidden, "forbidden", "you may not do this")},
	{accounts.ErrInvalidState, Errorf(http.StatusConflict, "invalid_state", "the account is not in a state that allows this")},
	{accounts.ErrLastAdmin, Errorf(http.StatusUnprocessableEntity, "last_admin", "the last administrator keeps staff.manage")},
	{accounts.ErrNoChallenge, Errorf(http.StatusBadRequest, "no_challenge", "ask for a challenge first: GET /v1/me/wallet/challenge")},
	{accounts.ErrChallengeExpired, Errorf(http.StatusBadRequest, "challenge_expired", "the challenge expired; ask for a new one")},
	{accounts.ErrChallengeUsed, Errorf(http.StatusConflict, "challenge_used", "the challenge was already used; ask for a new one")},
	{accounts.ErrOwnShopChange, Errorf(http.StatusForbidden, "own_shop_change", "four eyes: you entered this change of bank details, so another member of staff must approve it; nothing was changed")},
	{accounts.ErrShopChangeDecided, Errorf(http.StatusConflict, "shop_change_decided", "this change of bank details no longer waits: it was approved, refused or superseded")},
	{accounts.ErrBadSignature, Errorf(http.StatusBadRequest, "bad_signature", "the signature is not the address's signature of the challenge")},

	{chores.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{chores.ErrForbidden, Errorf(http.StatusForbidden, "forbidden", "you may not do this")},
	{chores.ErrChoreFull, Errorf(http.StatusConflict, "chore_full", "this chore has no places left")},
	{chores.ErrChoreClosed, Errorf(http.StatusConflict, "chore_closed", "this chore is closed")},
	{chores.ErrChoreNotOpen, Errorf(http.StatusConflict, "chore_not_open", "this chore is not open yet")},
	{chores.ErrAlreadyClaimed, Errorf(http.StatusConflict, "already_claimed", "you already have an open claim on this chore")},
	{chores.ErrClaimLimit, Errorf(http.StatusConflict, "claim_limit_reached", "you have done this chore as often as one resident may")},
	{chores.ErrWalletNotBound, Errorf(http.StatusUnprocessableEntity, "wallet_not_bound", "bind your phone's address first: GET /v1/me/wallet/challenge, PUT /v1/me/wallet")},
	{chores.ErrNotApproved, Errorf(http.StatusForbidden, "not_approved", "only approved residents can claim chores and receive rewards")},
	{chores.ErrBudgetExceeded, Errorf(http.StatusUnprocessableEntity, "budget_exceeded", "the chore's budget does not cover this reward; nothing was changed")},
	{chores.ErrCapExceeded, Errorf(http.StatusUnprocessableEntity, "cap_exceeded", "this reward would take the resident past the monthly or yearly limit; nothing was changed")},
	{chores.ErrOwnChore, Errorf(http.StatusForbidden, "own_chore", "four eyes: you created this chore or changed its reward, budget or places, so another reviewer must approve its claims; nothing was changed")},
	{chores.ErrReasonRequired, Errorf(http.StatusBadRequest, "reason_required", "a rejection needs a reason the resident can read")},
	{chores.ErrMessageRequired, Errorf(http.StatusBadRequest, "message_required", "say what more the resident should send")},
	{chores.ErrClaimState, Errorf(http.StatusConflict, "invalid_claim_state", "the claim is not in a state that allows this")},
	{chores.ErrClaimExpired, Errorf(http.StatusConflict, "claim_expired", "the time for proof has run out; the place was given back")},
	{chores.ErrNotWithdrawable, Errorf(http.StatusConflict, "not_withdrawable", "only a claim not yet decided (claimed, submitted or needs_info) can be withdrawn; nothing was changed")},
	{chores.ErrNoPhotos, Errorf(http.StatusBadRequest, "photo_required", "send at least one part named photo")},
	{chores.ErrTooManyPhotos, Errorf(http.StatusBadRequest, "too_many_photos", "send at most 3 photos at a time and 9 per claim")},
	{chores.ErrOutsideMunicipality, Errorf(http.StatusUnprocessableEntity, "outside_municipality", "the location lies outside the municipality")},
	{chores.ErrRewardTooHigh, Errorf(http.StatusUnprocessableEntity, "reward_too_high", "the reward is above the configured maximum")},
	{photos.ErrInvalidImage, Errorf(http.StatusUnsupportedMediaType, "invalid_image", "each photo must be a JPEG, PNG or WebP image")},
	{photos.ErrTooLarge, Errorf(http.StatusRequestEntityTooLarge, "image_too_large", "a photo is larger than the limit")},
	{photos.ErrTooManyPixels, Errorf(http.StatusUnprocessableEntity, "image_too_many_pixels", "a photo has more pixels than the limit")},
	{photos.ErrNoFile, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{payments.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{payments.ErrShopNotActive, Errorf(http.StatusForbidden, "shop_not_active", "the shop is not activated for payments yet")},
	{payments.ErrNoWallet, Errorf(http.StatusUnprocessableEntity, "wallet_not_bound", "bind your phone's address first: GET /v1/me/wallet/challenge, PUT /v1/me/wallet")},
	{payments.ErrBadSignature, Errorf(http.StatusBadRequest, "bad_signature", "the signature is not a well-formed 65-byte signature")},
	{payments.ErrSignerMismatch, Errorf(http.StatusUnprocessableEntity, "signer_mismatch", "the authorization is not signed by your bound address, or from is not your bound address")},
	{payments.ErrAmountMismatch, Errorf(http.StatusUnprocessableEntity, "amount_mismatch", "the signed value is not the request's amount")},
	{payments.ErrRecipientMismatch, Errorf(http.StatusUnprocessableEntity, "recipient_mismatch", "the signed recipient is not the request's shop")},
	{payments.ErrWindowMismatch, Errorf(http.StatusUnprocessableEntity, "window_mismatch", "valid_after and valid_before must be the request's")},
	{payments.ErrNonceMismatch, Errorf(http.StatusUnprocessableEntity, "nonce_mismatch", "the nonce is not the request's")},
	{payments.ErrNonceUsed, Errorf(http.StatusConflict, "nonce_used", "this authorization was already used on chain")},
	{payments.ErrRequestExpired, Errorf(http.StatusUnprocessableEntity, "request_expired", "the payment request has expired; ask the shop for a new one")},
	{payments.ErrRequestCancelled, Errorf(http.StatusConflict, "request_cancelled", "the shop cancelled this payment request; nothing was paid")},
	{payments.ErrInsufficientBalance, Errorf(http.StatusUnprocessableEntity, "insufficient_balance", "the balance, less payments on their way, does not cover the amount")},
	{payments.ErrAlreadyPaid, Errorf(http.StatusConflict, "already_paid", "this request is already paid")},
	{payments.ErrPaymentFailed, Errorf(http.StatusConflict, "payment_failed", "the payment of this request failed; ask the shop for a new request")},
	{payments.ErrIdempotencyKeyRequired, Errorf(http.StatusBadRequest, "idempotency_key_required", "send an Idempotency-Key header: a fresh random value per payment, the same one when retrying it")},
	{payments.ErrIdempotencyConflict, Errorf(http.StatusUnprocessableEntity, "idempotency_conflict", "this Idempotency-Key was used for a different request")},
	{payments.ErrNotRefundable, Errorf(http.StatusConflict, "not_refundable", "only a confirmed payment can be refunded")},
	{payments.ErrRefundWindowClosed, Errorf(http.StatusUnprocessableEntity, "refund_window_closed", "the refund period of this payment is over")},
	{payments.ErrRefundTooLarge, Errorf(http.StatusUnprocessableEntity, "refund_exceeds_payment", "the refunds of a payment cannot exceed it")},
	{payouts.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{payouts.ErrForbidden, Errorf(http.StatusForbidden, "forbidden", "you may not do this")},
	{payouts.ErrRunOpen, Errorf(http.StatusConflict, "payout_run_open", "another payout run is still a draft or executing; execute or cancel it first")},
	{payouts.ErrPeriodOverlap, Errorf(http.StatusConflict, "payout_period_overlap", "the period overlaps or precedes a period already run; a period is paid out once")},
	{payouts.ErrCutoff, Errorf(http.StatusUnprocessableEntity, "cutoff_invalid", "the cut-off block must lie above the last run's cut-off and redeems and at or below the indexer's last block")},
	{payouts.ErrIndexerBehind, Errorf(http.StatusConflict, "indexer_behind", "the indexer has not reached the last run's redeems yet; try again in a few seconds")},
	{payouts.ErrNothingToPay, Errorf(http.StatusUnprocessableEntity, "nothing_to_pay_out", "no activated shop holds coins at the cut-off block")},
	{payouts.ErrAlreadyExecuted, Errorf(http.StatusConflict, "payout_already_executed", "this payout run was already executed")},
	{payouts.ErrRunState, Errorf(http.StatusConflict, "payout_invalid_state", "the payout run is not in a state that allows this")},
	{payouts.ErrIBANNotKept, Errorf(http.StatusConflict, "iban_not_kept", "a shop's bank details in this run are no longer kept, so no bank file can be made for it")},
	{payouts.ErrNotExecuted, Errorf(http.StatusConflict, "payout_not_executed", "the run's redeems are not all confirmed on chain yet")},
	{payouts.ErrBalanceChanged, Errorf(http.StatusConflict, "payout_balance_changed", "a shop now holds fewer coins than its line redeems; cancel this draft and make a new one")},
	{payouts.ErrAlreadyPaid, Errorf(http.StatusConflict, "payout_already_paid", "the payment of this line or run is already recorded")},
	{payouts.ErrReportMismatch, Errorf(http.StatusConflict, "report_mismatch", "the run's lines no longer give the report whose hash is stored with the run")},
	{payouts.ErrIdempotencyConflict, Errorf(http.StatusUnprocessableEntity, "idempotency_conflict", "this Idempotency-Key was used for a different request")},
	{payouts.ErrBankFileDisabled, Errorf(http.StatusServiceUnavailable, "sepa_not_configured", "no SEPA debtor account is configured (SEPA_DEBTOR_NAME, SEPA_DEBTOR_IBAN, SEPA_DEBTOR_BIC)")},
	{privacy.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{notices.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{notices.ErrInvalid, Errorf(http.StatusBadRequest, "validation_failed", "language must be nl or en, and at most 100 ids")},
	{notices.ErrNoAddress, Errorf(http.StatusUnprocessableEntity, "email_address_required", "add an e-mail address first (PATCH /v1/me), then turn e-mail notices on")},
	{notices.ErrBadToken, Errorf(http.StatusBadRequest, "invalid_token", "the unsubscribe link is not valid")},
	{notices.ErrPushOff, Errorf(http.StatusNotFound, "push_unavailable", "this platform sends no web push")},
	{notices.ErrInvalidPush, Errorf(http.StatusBadRequest, "validation_failed", "a push subscription needs endpoint, an https address of a push service, and keys.p256dh (a P-256 public key) and keys.auth (16 bytes), in base64url")},
	{privacy.ErrForbidden, Errorf(http.StatusForbidden, "forbidden", "you may not do this")},
	{overview.ErrForbidden, Errorf(http.StatusForbidden, "forbidden", "you may not do this")},
	{privacy.ErrRequestClosed, Errorf(http.StatusConflict, "request_closed", "this request was already decided")},
	{privacy.ErrErasureBlocked, Errorf(http.StatusConflict, "erasure_blocked", "coin movements or claims of the account are still under way; nothing was changed")},
	{privacy.ErrNotErasable, Errorf(http.StatusUnprocessableEntity, "not_erasable", "staff accounts and erased accounts are not erased through a data subject's request")},
	{privacy.ErrContactRequired, Errorf(http.StatusUnprocessableEntity, "contact_required", "research contact needs a phone number or e-mail address: add one first (PATCH /v1/me)")},
	{privacy.ErrDelayReasonRequired, Errorf(http.StatusUnprocessableEntity, "delay_reason_required", "the authority was told more than 72 hours after awareness: give the reason for the delay (delay_reason)")},
	{privacy.ErrCollector, Errorf(http.StatusForbidden, "collected_the_data", "you decided on accounts or claims or read personal data: analysis must be done by someone else (seed 000 §20)")},
	{privacy.ErrAlreadyLifted, Errorf(http.StatusConflict, "already_lifted", "this restriction was already lifted")},
	{privacy.ErrIdentityUnverified, Errorf(http.StatusUnprocessableEntity, "identity_not_verified", "the requester's identity was not established: the request can only be refused")},
	{privacy.ErrBreachClosed, Errorf(http.StatusConflict, "breach_closed", "this breach is closed and takes no more changes")},

	{recovery.ErrNotFound, Errorf(http.StatusNotFound, "not_found", "no such resource")},
	{recovery.ErrForbidden, Errorf(http.StatusForbidden, "forbidden", "only an approved resident asks for a recovery of its own coins")},
	{recovery.ErrNoWallet, Errorf(http.StatusUnprocessableEntity, "no_wallet", "the account has no bound address whose coins could be recovered")},
	{recovery.ErrSameAddress, Errorf(http.StatusConflict, "same_address", "the new address is the one already bound; make a new key on this device")},
	{recovery.ErrAddressTaken, Errorf(http.StatusConflict, "address_taken", "this address belongs to another account")},
	{recovery.ErrOpen, Errorf(http.StatusConflict, "recovery_open", "a recovery of this account is already open")},
	{recovery.ErrInvalidState, Errorf(http.StatusConflict, "invalid_state", "the recovery is not in a state that allows this; nothing was changed")},
	{recovery.ErrSameStaff, Errorf(http.StatusForbidden, "same_staff", "four eyes: you verified this identity, so another member of staff must approve; nothing was changed")},
	{recovery.ErrBadSignature, Errorf(http.StatusBadRequest, "bad_signature", "the signature is not the lost key's signature of this recovery's cancellation")},
	{recovery.ErrUnavailable, Errorf(http.StatusUnprocessableEntity, "recovery_unavailable", "this platform has no recovery key configured; ask the municipality")},
}

// FieldError is a domain's validation error: it names the field at fault and says what is wrong with it.
type FieldError interface {
	error
	InvalidField() (field, message string)
}

// Of is what a client is told about err: a validation error names its field (status 400,
// validation_failed); a known error its entry; nil for an error nobody outside should see (a 500).
func Of(err error) *Error {
	var e *Error
	var fe FieldError
	if errors.As(err, &fe) {
		field, msg := fe.InvalidField()
		return &Error{Status: http.StatusBadRequest, Code: "validation_failed", Message: field + " " + msg, Field: field}
	}
	if errors.As(err, &e) {
		return e
	}
	var sus *accounts.SuspendedError
	if errors.As(err, &sus) {
		return &Error{Status: http.StatusForbidden, Code: "account_suspended",
			Message: "the municipality has suspended the account; the reason it gave is in reason", Reason: sus.Reason}
	}
	for _, m := range known {
		if errors.Is(err, m.err) {
			return m.api
		}
	}
	return nil
}
