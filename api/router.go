package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/recovery"
)

// Deps are the services the handlers call.
type Deps struct {
	Log      *slog.Logger
	Status   Status
	Accounts *accounts.Service
	Audit    *audit.Service
	Chores   *chores.Service
	Balances *balances.Service
	Payments *payments.Service
	Payouts  *payouts.Service
	Privacy  *privacy.Service
	Notices  *notices.Service
	// Recovery runs recoveries of lost keys.
	Recovery *recovery.Service
	// MaxPhotoBytes is the largest proof photo the API reads; 0 means photos.DefaultLimits.
	MaxPhotoBytes int64
	// Authenticator checks access tokens; nil means Accounts.
	Authenticator middleware.Authenticator
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is believed; none by default.
	TrustedProxies []string
	// Limits bounds event streams and uploads; internal/app passes the configured ones.
	Limits Limits
}

// Server holds the handlers' dependencies.
type Server struct {
	deps Deps
	// streams counts the open event streams against Limits' caps.
	streams *streamSlots
}

// route is one entry of the route table: the whole HTTP surface is the list in routes().
type route struct {
	Method  string
	Path    string
	Summary string
	// Who may call it: middleware.Public, or the roles admitted.
	Who middleware.Who
	// Privilege is what a staff member needs; every /v1/admin route declares one.
	Privilege accounts.Privilege
	// Query names the documented query parameters.
	Query []string
	// Request and Response are example values of the bodies, for the OpenAPI document; Status is the
	// success status (200 when 0).
	Request  any
	Response any
	Status   int
	// BodyOptional says the request body may be left out.
	BodyOptional bool
	// Headers are the documented request headers.
	Headers []header
	// Events, when set, is an example of the data of the server-sent events (text/event-stream) the route
	// answers with, instead of a JSON body.
	Events any
	// Produces, when set, is the media type of a success body that is not JSON (a file, an image).
	Produces string
	Handler  gin.HandlerFunc
}

// header is a documented request header.
type header struct {
	Name     string
	Required bool
	Doc      string
}

// idempotencyKey is the header that makes a coin-moving request safe to repeat.
func idempotencyKey(required bool) header {
	return header{Name: "Idempotency-Key", Required: required, Doc: "1 to 255 visible ASCII characters chosen by the client, " +
		"unique per action: a repeat with the same key and body answers as the first time; with another body it is 409 idempotency_conflict."}
}

// adminPrefix marks the staff console's routes, each of which must declare its privilege.
const adminPrefix = "/v1/admin/"

// routes is every route of the API, in one place.
func (s *Server) routes() []route {
	const (
		public   = middleware.Public
		resident = middleware.Resident
		member   = middleware.Member
		staff    = middleware.Staff
	)
	return []route{
		{Method: http.MethodGet, Path: "/healthz", Summary: "Liveness: the process answers.", Who: public, Response: healthResponse{}, Handler: s.healthz},
		{Method: http.MethodGet, Path: "/readyz", Summary: "Readiness: database reachable, chain id as in genesis.json, latest block, indexer lag.", Who: public, Response: readiness{}, Handler: s.readyz},
		{Method: http.MethodGet, Path: "/v1/chain", Summary: "What a wallet needs to know: chain id, token address, latest block.", Who: public, Response: chainResponse{}, Handler: s.chainInfo},
		{Method: http.MethodGet, Path: "/v1/openapi.json", Summary: "This API's OpenAPI document.", Who: public, Handler: s.openAPI},

		{Method: http.MethodPost, Path: "/v1/auth/register", Summary: "Register a resident or shop under a made-up username; the account waits for approval. No chain call.", Who: public, Request: registerRequest{}, Response: registerResponse{}, Status: http.StatusCreated, Handler: s.register},
		{Method: http.MethodPost, Path: "/v1/auth/login", Summary: "Log in: an access token (at most 15 minutes) and a single-use refresh token. With cookie: true (a browser, which keeps the access token in memory only) the answer is {access_token, expires_in, token_type} and the refresh token is set as the cookie heitje_refresh (HttpOnly; Secure; SameSite=Strict; Path=/v1/auth; Max-Age the refresh token's lifetime).", Who: public, Request: loginRequest{}, Response: tokenResponse{}, Handler: s.login},
		{Method: http.MethodPost, Path: "/v1/auth/refresh", Summary: "Exchange a refresh token for a new pair; reusing one ends the session. Without refresh_token (or without a body) the heitje_refresh cookie of a browser session is exchanged: the answer then has no refresh_token and sets the new cookie. No token, or one expired, revoked or reused, is 401 invalid_token or token_reused (a cookie is then cleared).", Who: public, Request: refreshRequest{}, BodyOptional: true, Response: tokenResponse{}, Handler: s.refresh},
		{Method: http.MethodPost, Path: "/v1/auth/logout", Summary: "End the session of a refresh token, with its access tokens: the body's refresh_token or, without one (or without a body), the heitje_refresh cookie of a browser session, which is cleared.", Who: public, Request: refreshRequest{}, BodyOptional: true, Status: http.StatusNoContent, Handler: s.logout},

		{Method: http.MethodGet, Path: "/v1/me", Summary: "Your own account and personal data (right of access).", Who: member, Response: accountView{}, Handler: s.me},
		{Method: http.MethodPatch, Path: "/v1/me", Summary: "Correct your own personal data (rectification); an empty string removes an optional field. A shop's change of legal_name, kvk or iban does not apply at once: it waits for approval by staff (shop.pending_change) and payouts keep paying the approved details until then.", Who: member, Request: meUpdateRequest{}, Response: accountView{}, Handler: s.updateMe},
		{Method: http.MethodGet, Path: "/v1/me/confidentiality", Summary: "Staff: the confidentiality statement in force and when you acknowledged it. Until you do, none of your privileges takes effect (403 confidentiality_required).", Who: staff, Response: confidentialityView{}, Handler: s.myConfidentiality},
		{Method: http.MethodPost, Path: "/v1/me/confidentiality", Summary: "Staff: acknowledge the confidentiality statement of the given version (the one in force); audited.", Who: staff, Request: confidentialityRequest{}, Response: confidentialityView{}, Handler: s.acknowledgeConfidentiality},
		{Method: http.MethodPost, Path: "/v1/me/password", Summary: "Change your password: current_password and new_password (at least 10 and at most 256 characters, not the current one; 400 validation_failed names the field). Every other session of the account ends; this one stays. Audited. A wrong current password counts as a failed login (429 rate_limited past the limit).", Who: member, Request: passwordRequest{}, Status: http.StatusNoContent, Handler: s.changePassword},
		{Method: http.MethodGet, Path: "/v1/me/second-factor", Summary: "Staff: your second factor (TOTP), enrolled or not, and the recovery codes left. Until one is enrolled, none of your privileges takes effect (403 second_factor_required).", Who: staff, Response: secondFactorView{}, Handler: s.mySecondFactor},
		{Method: http.MethodPost, Path: "/v1/me/second-factor", Summary: "Staff: start enrolling a second factor: the secret and its otpauth:// URI (show it as a QR code) for an authenticator app. Again before confirming, the same secret. 409 second_factor_enrolled when one is enrolled.", Who: staff, Response: enrolmentView{}, Handler: s.startSecondFactor},
		{Method: http.MethodPost, Path: "/v1/me/second-factor/confirm", Summary: "Staff: confirm the enrolment with a code the app shows now (400 validation_failed, field code, when wrong). Answers the ten single-use recovery codes, this once (only their hashes are kept); your other sessions end; audited. From then on logging in needs second_factor.", Who: staff, Request: secondFactorConfirmRequest{}, Response: recoveryCodesView{}, Handler: s.confirmSecondFactor},
		{Method: http.MethodGet, Path: "/v1/me/wallet/challenge", Summary: "A fresh single-use message for the phone to sign (EIP-191 personal_sign), valid 5 minutes.", Who: resident, Response: challengeResponse{}, Handler: s.walletChallenge},
		{Method: http.MethodPut, Path: "/v1/me/wallet", Summary: "Bind the phone's address by its signature over the challenge.", Who: resident, Request: walletRequest{}, Response: walletResponse{}, Handler: s.bindWallet},
		{Method: http.MethodGet, Path: "/v1/me/notices", Summary: "Your notices, newest first (beforeId pages back; limit at most 100): what happened to your account, claims, rewards, refunds and payouts, and for staff a queue that waited too long; each with its kind, its values and its text in your language, and the unread count. Nothing about anybody else.", Who: member, Query: []string{"beforeId", "limit"}, Response: noticeList{}, Handler: s.myNotices},
		{Method: http.MethodGet, Path: "/v1/me/notices/unread", Summary: "How many of your notices you have not read.", Who: member, Response: unreadView{}, Handler: s.unreadNotices},
		{Method: http.MethodPost, Path: "/v1/me/notices/read", Summary: "Mark your notices of ids read, or all of them without ids (or without a body); answers the unread count. Other accounts' ids change nothing.", Who: member, Request: markReadRequest{}, BodyOptional: true, Response: unreadView{}, Handler: s.markNoticesRead},
		{Method: http.MethodGet, Path: "/v1/me/notice-settings", Summary: "How you are told: the language of your notices (nl or en) and whether by e-mail too (off until you turn it on).", Who: member, Response: noticeSettingsView{}, Handler: s.noticeSettings},
		{Method: http.MethodPut, Path: "/v1/me/notice-settings", Summary: "Choose the language of your notices (nl, en) and whether they come by e-mail too; e-mail needs an address on the account (422 email_address_required). Every e-mail has a one-click unsubscribe link.", Who: member, Request: noticeSettingsRequest{}, Response: noticeSettingsView{}, Handler: s.saveNoticeSettings},
		{Method: http.MethodGet, Path: "/v1/push/key", Summary: "The platform's VAPID public key (base64url), the applicationServerKey a browser subscribes to web push with; 404 push_unavailable when the platform sends no web push.", Who: public, Response: pushKeyView{}, Handler: s.pushKey},
		{Method: http.MethodPut, Path: "/v1/me/push-subscription", Summary: "Turn web push on for this browser: its PushSubscription as toJSON() gives it (endpoint, an https address of the browser's push service; keys.p256dh and keys.auth, base64url). From then on your notices are pushed to it too, encrypted to its keys (RFC 8291), as {title, body, url}. An endpoint another account had moves to you; you get pushes on ten browsers at most (an eleventh replaces the one subscribed longest ago). 404 push_unavailable when the platform sends no web push.", Who: member, Request: pushSubscriptionRequest{}, Status: http.StatusNoContent, Handler: s.savePushSubscription},
		{Method: http.MethodDelete, Path: "/v1/me/push-subscription", Summary: "Turn web push off for the browser whose endpoint is given; one you do not have changes nothing.", Who: member, Request: pushEndpointRequest{}, Status: http.StatusNoContent, Handler: s.deletePushSubscription},
		{Method: http.MethodGet, Path: "/v1/notices/unsubscribe", Summary: "The page of an e-mail's unsubscribe link (t: the signed token of the link): one button that turns e-mail notices off. Opening the link alone changes nothing, so mail scanners cannot unsubscribe anybody.", Who: public, Query: []string{"t"}, Produces: "text/html", Handler: s.unsubscribeForm},
		{Method: http.MethodPost, Path: "/v1/notices/unsubscribe", Summary: "Turn off the e-mail notices of the account the signed token t names: the page's button, and one-click unsubscribe from a mail program (List-Unsubscribe-Post, RFC 8058, body List-Unsubscribe=One-Click). Answers a page; 400 for a token that is not ours.", Who: public, Query: []string{"t"}, BodyOptional: true, Produces: "text/html", Handler: s.unsubscribe},
		{Method: http.MethodPost, Path: "/v1/me/recovery", Summary: "Ask to recover the coins of a lost key: signed in with the password on a new device, with the new key's address and its signature of the wallet challenge. One member of staff verifies your identity, a second approves; the coins then move on chain after the contract's delay (72 hours unless the municipality set another), during which the lost key can cancel. 409 recovery_open, address_taken, same_address; 422 no_wallet, or recovery_unavailable without a recovery key.", Who: resident, Request: recoveryAskRequest{}, Response: recoveryView{}, Status: http.StatusCreated, Handler: s.askRecovery},
		{Method: http.MethodGet, Path: "/v1/me/recovery", Summary: "Your latest recovery, with the message the lost key signs to cancel it while it is open.", Who: resident, Response: recoveryView{}, Handler: s.myRecovery},
		{Method: http.MethodPost, Path: "/v1/recoveries/:id/cancel", Summary: "Cancel a recovery with the lost key's signature of its CancelRecovery message (no sign-in: the signature is the authority); the platform relays it to the chain. 400 bad_signature; 409 invalid_state once it ended.", Who: public, Request: recoveryCancelRequest{}, Response: recoveryStatusView{}, Handler: s.cancelRecovery},

		{Method: http.MethodGet, Path: "/v1/admin/staff", Summary: "Staff accounts, active and disabled, with their privileges and last login: the periodic access review.", Who: staff, Privilege: accounts.PrivStaffManage, Query: []string{"limit", "offset"}, Response: staffList{}, Handler: s.listStaff},
		{Method: http.MethodPost, Path: "/v1/admin/staff", Summary: "Create a staff account with a set of privileges.", Who: staff, Privilege: accounts.PrivStaffManage, Request: createStaffRequest{}, Response: staffView{}, Status: http.StatusCreated, Handler: s.createStaff},
		{Method: http.MethodPut, Path: "/v1/admin/staff/:id/permissions", Summary: "Replace a staff member's privileges.", Who: staff, Privilege: accounts.PrivStaffManage, Request: permissionsRequest{}, Response: staffView{}, Handler: s.setPermissions},
		{Method: http.MethodPost, Path: "/v1/admin/staff/:id/disable", Summary: "End a staff member's access at once (a leaver, lost credentials): the account is disabled and all its sessions revoked; the account stays for the audit log. Needs a reason; nobody disables themselves and the last administrator stays.", Who: staff, Privilege: accounts.PrivStaffManage, Request: staffStatusRequest{}, Response: staffView{}, Handler: s.disableStaff},
		{Method: http.MethodPost, Path: "/v1/admin/staff/:id/enable", Summary: "Give a disabled staff member access again, with the privileges they had; they log in anew. Needs a reason.", Who: staff, Privilege: accounts.PrivStaffManage, Request: staffStatusRequest{}, Response: staffView{}, Handler: s.enableStaff},
		{Method: http.MethodPost, Path: "/v1/admin/staff/:id/second-factor/reset", Summary: "Reset a staff member's second factor (a lost phone): it and its recovery codes are removed and all their sessions end; at the next login they enrol again before their privileges take effect. Needs a reason; audited.", Who: staff, Privilege: accounts.PrivStaffManage, Request: staffStatusRequest{}, Response: staffView{}, Handler: s.resetSecondFactor},
		{Method: http.MethodGet, Path: "/v1/admin/accounts", Summary: "The onboarding queue: residents and shops by status (pending by default), without personal data.", Who: staff, Privilege: accounts.PrivAccountsApprove, Query: []string{"status", "role", "limit", "offset"}, Response: accountList{}, Handler: s.listAccounts},
		{Method: http.MethodGet, Path: "/v1/admin/accounts/:id", Summary: "One account with its personal data; needs a reason (query reason or header X-Access-Reason) and is audited.", Who: staff, Privilege: accounts.PrivAccountsReadPersonal, Query: []string{"reason"}, Response: accountView{}, Handler: s.readPersonal},
		{Method: http.MethodPost, Path: "/v1/admin/accounts/:id/approve", Summary: "Approve a pending resident or shop (a shop gets its server-held key). No chain call.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: decisionRequest{}, Response: decisionResponse{}, Handler: s.approve},
		{Method: http.MethodPost, Path: "/v1/admin/accounts/:id/reject", Summary: "Reject a pending resident or shop; the reason is required.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: decisionRequest{}, Response: decisionResponse{}, Handler: s.reject},
		{Method: http.MethodPost, Path: "/v1/admin/accounts/:id/suspend", Summary: "Suspend an approved resident or shop, with a reason the person is shown at sign-in (403 account_suspended, the reason in error.reason): every session ends at once, a shop's open payment requests are cancelled and it takes no payments. Coins stay the holder's: a shop is still paid out, and once it holds nothing more its accepting role is revoked on chain. Staff are refused (422 staff_account: disable them instead); 409 account_already_suspended. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: suspensionRequest{}, Response: suspensionView{}, Handler: s.suspendAccount},
		{Method: http.MethodPost, Path: "/v1/admin/accounts/:id/reinstate", Summary: "End a suspension, with a reason: the account signs in again; a shop whose accepting role was revoked gets it granted again on chain and takes payments once the grant is confirmed. 409 account_not_suspended. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: suspensionRequest{}, Response: suspensionView{}, Handler: s.reinstateAccount},
		{Method: http.MethodGet, Path: "/v1/admin/recoveries", Summary: "Recoveries of lost keys by status (the open ones by default), oldest first.", Who: staff, Privilege: accounts.PrivAccountsApprove, Query: []string{"status"}, Response: recoveriesResponse{}, Handler: s.listRecoveries},
		{Method: http.MethodPost, Path: "/v1/admin/recoveries/:id/verify", Summary: "Record that you verified the resident's identity (at the counter) for an asked recovery; a second member of staff approves. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, BodyOptional: true, Response: adminRecoveryView{}, Handler: s.verifyRecovery},
		{Method: http.MethodPost, Path: "/v1/admin/recoveries/:id/approve", Summary: "Approve a verified recovery (four eyes: not by who verified it, 403 same_staff): the recovery key asks the coin for it, which lets it move the coins after its delay. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, BodyOptional: true, Response: adminRecoveryView{}, Handler: s.approveRecovery},
		{Method: http.MethodPost, Path: "/v1/admin/recoveries/:id/reject", Summary: "Refuse an asked or verified recovery, with a reason. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: recoveryRejectRequest{}, Response: adminRecoveryView{}, Handler: s.rejectRecovery},
		{Method: http.MethodPost, Path: "/v1/admin/shops/:id/activate", Summary: "Enable an approved shop's address for payments: grants it the accepting role on chain through the outbox.", Who: staff, Privilege: accounts.PrivAccountsApprove, Response: activationResponse{}, Handler: s.activateShop},
		{Method: http.MethodGet, Path: "/v1/admin/shop-changes", Summary: "Changes of shops' bank details (legal name, KvK number, IBAN) in one status, pending by default, oldest first, each with the approved details it would replace. Every change listed is audited as a read of the shop's details.", Who: staff, Privilege: accounts.PrivAccountsApprove, Query: []string{"status", "limit", "offset"}, Response: shopChangeList{}, Handler: s.listShopChanges},
		{Method: http.MethodPost, Path: "/v1/admin/shops/:id/changes", Summary: "Enter a change of an approved shop's bank details on its behalf (note required: why, on whose request). It waits, like the shop's own, for another member of staff to approve it; a change still waiting for the shop is superseded. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: shopChangeRequest{}, Response: shopChangeView{}, Status: http.StatusCreated, Handler: s.enterShopChange},
		{Method: http.MethodPost, Path: "/v1/admin/shop-changes/:id/approve", Summary: "Approve a waiting change of bank details: it becomes the shop's next details version, which payout runs drafted from then on pay to. Never by the one who entered it (403 own_shop_change, nothing changed); 409 shop_change_decided when it no longer waits. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, Response: shopChangeView{}, Handler: s.approveShopChange},
		{Method: http.MethodPost, Path: "/v1/admin/shop-changes/:id/refuse", Summary: "Refuse a waiting change of bank details with a reason (required) the shop reads; the approved details stay. Audited.", Who: staff, Privilege: accounts.PrivAccountsApprove, Request: refuseChangeRequest{}, Response: shopChangeView{}, Handler: s.refuseShopChange},
		{Method: http.MethodGet, Path: "/v1/admin/audit-log", Summary: "The audit log of staff access to personal data, newest first; reading it is audited too.", Who: staff, Privilege: accounts.PrivPrivacy, Query: []string{"subjectId", "actorId", "action", "beforeId", "limit"}, Response: auditList{}, Handler: s.auditLog},

		{Method: http.MethodGet, Path: "/v1/privacy/register", Summary: "The register of processing (AVG art. 30 with the additions of seed 000 §27), generated from the datasets declared beside the data and the configured retention periods: JSON, or Markdown with ?format=md or Accept: text/markdown.", Who: public, Query: []string{"format"}, Response: privacy.Register{}, Handler: s.processingRegister},
		{Method: http.MethodGet, Path: "/v1/privacy/notice", Summary: "The privacy notice in force (Dutch, Markdown in text): its version is what registration records. ?format=md for the text alone.", Who: public, Query: []string{"format"}, Response: noticeView{}, Handler: s.notice},
		{Method: http.MethodGet, Path: "/v1/privacy/notices/:version", Summary: "One version (YYYY-MM) of the privacy notice, as it was shown.", Who: public, Query: []string{"format"}, Response: noticeView{}, Handler: s.notice},
		{Method: http.MethodGet, Path: "/v1/me/export", Summary: "Everything held about you (right of access and portability): every personal field the register links to you (decrypted), claims, photos, payments, consents, and which staff looked at your data when. format=json (photos in base64, default), html (a readable page) or zip (export.json, export.html and the photos as files).", Who: member, Query: []string{"format"}, Response: privacy.Export{}, Handler: s.export},
		{Method: http.MethodPost, Path: "/v1/privacy/requests", Summary: "File a request: kind access, rectification, erasure, restriction, objection (with purpose research_contact or analytics) or portability, with optional details. Due four weeks after receipt.", Who: member, Request: privacyRequestBody{}, Response: privacyRequestView{}, Status: http.StatusCreated, Handler: s.fileRequest},
		{Method: http.MethodGet, Path: "/v1/me/privacy/requests", Summary: "Your requests and their decisions, newest first.", Who: member, Response: privacyRequestList{}, Handler: s.myRequests},
		{Method: http.MethodGet, Path: "/v1/me/consents", Summary: "Your consents: research contact by project partners (seed 000 §6, purpose 5), off unless you switched it on.", Who: resident | middleware.Shop, Response: consentList{}, Handler: s.myConsents},
		{Method: http.MethodPut, Path: "/v1/me/consents/:purpose", Summary: "Give (given: true) or withdraw (false) a consent; a withdrawal takes effect at once. Giving research_contact needs a phone number or e-mail address (422 contact_required).", Who: resident | middleware.Shop, Request: consentBody{}, Response: consentView{}, Handler: s.setConsent},
		{Method: http.MethodGet, Path: "/v1/admin/privacy/requests", Summary: "Data subjects' requests: status open (default), overdue, closed or all, with the open and overdue counts. Audited.", Who: staff, Privilege: accounts.PrivPrivacy, Query: []string{"status"}, Response: privacyRequestList{}, Handler: s.adminRequests},
		{Method: http.MethodPost, Path: "/v1/admin/privacy/requests", Summary: "Register a request that reached the municipality at the counter, by letter or by e-mail (channel), for account_id: due four weeks after received_at (default now). Until identity_verified it can only be refused.", Who: staff, Privilege: accounts.PrivPrivacy, Request: registerRequestBody{}, Response: privacyRequestView{}, Status: http.StatusCreated, Handler: s.registerRequest},
		{Method: http.MethodPost, Path: "/v1/admin/privacy/requests/:id/close", Summary: "Decide a request: granted, partly_granted or refused (reason required unless granted). A granted erasure erases at once (no chain call; 409 erasure_blocked while coin movements are under way), a granted restriction or objection stops that processing until lifted.", Who: staff, Privilege: accounts.PrivPrivacy, Request: closeRequestBody{}, Response: closeRequestResponse{}, Handler: s.closeRequest},
		{Method: http.MethodGet, Path: "/v1/admin/privacy/restrictions", Summary: "Restrictions and objections in force (all=true: also lifted ones). Audited.", Who: staff, Privilege: accounts.PrivPrivacy, Query: []string{"all"}, Response: restrictionList{}, Handler: s.adminRestrictions},
		{Method: http.MethodPost, Path: "/v1/admin/privacy/restrictions/:id/lift", Summary: "Lift a restriction or objection, with the reason; processing resumes at once.", Who: staff, Privilege: accounts.PrivPrivacy, Request: liftBody{}, Response: restrictionView{}, Handler: s.liftRestriction},
		{Method: http.MethodGet, Path: "/v1/admin/privacy/research-contacts", Summary: "The research-contact list for a project partner (recipient, required): only people whose consent is in force and who neither restricted processing nor objected. Every person listed gets an audit entry naming the recipient.", Who: staff, Privilege: accounts.PrivPrivacy, Query: []string{"recipient"}, Response: researchContactList{}, Handler: s.researchContacts},
		{Method: http.MethodGet, Path: "/v1/admin/breaches", Summary: "The breach register (status open, default, or all), each entry with its 72-hour authority deadline, overdue flag and warnings.", Who: staff, Privilege: accounts.PrivPrivacy, Query: []string{"status"}, Response: breachList{}, Handler: s.listBreaches},
		{Method: http.MethodPost, Path: "/v1/admin/breaches", Summary: "Enter a breach: title, nature, kinds and discovered_at required; aware_at (default discovered_at) starts the 72-hour clock. When in doubt, enter it.", Who: staff, Privilege: accounts.PrivPrivacy, Request: breachBody{}, Response: breachView{}, Status: http.StatusCreated, Handler: s.recordBreach},
		{Method: http.MethodGet, Path: "/v1/admin/breaches/:id", Summary: "One breach with its clock and warnings.", Who: staff, Privilege: accounts.PrivPrivacy, Response: breachView{}, Handler: s.getBreach},
		{Method: http.MethodPatch, Path: "/v1/admin/breaches/:id", Summary: "Update an open breach: assessment, notifications (a notification more than 72 hours after aware_at needs delay_reason: 422 delay_reason_required), measures; close: true finishes it.", Who: staff, Privilege: accounts.PrivPrivacy, Request: breachBody{}, Response: breachView{}, Handler: s.updateBreach},
		{Method: http.MethodGet, Path: "/v1/admin/analytics/earnings", Summary: "Anonymised: chores done and coins earned per neighbourhood per month (from, to: YYYY-MM; default the last twelve months); cells about fewer than ANALYTICS_MIN_GROUP_SIZE people suppressed. Refused (403 collected_the_data) to staff who decided on accounts or claims or read personal data. format=csv for CSV.", Who: staff, Privilege: accounts.PrivAnalytics, Query: []string{"from", "to", "format"}, Response: privacy.Aggregate{}, Handler: s.earnings},
		{Method: http.MethodGet, Path: "/v1/admin/analytics/spending", Summary: "Anonymised: payments and coins spent per shop category per month, with the same suppression and refusal as earnings.", Who: staff, Privilege: accounts.PrivAnalytics, Query: []string{"from", "to", "format"}, Response: privacy.Aggregate{}, Handler: s.spending},

		{Method: http.MethodGet, Path: "/v1/chores", Summary: "Open chores, newest first; with near=lat,lng the nearest first within radiusM metres (default 5000).", Who: resident, Query: []string{"near", "radiusM", "limit", "offset"}, Response: choreList{}, Handler: s.listChores},
		{Method: http.MethodGet, Path: "/v1/chores/:id", Summary: "One chore, with its places left and whether it is upcoming, open or closed.", Who: resident, Response: choreView{}, Handler: s.getChore},
		{Method: http.MethodPost, Path: "/v1/chores/:id/claims", Summary: "Claim a place on a chore (approved resident with a bound wallet; one open claim per chore). The claim expires without proof after CLAIM_PROOF_TTL.", Who: resident, Response: claimView{}, Status: http.StatusCreated, Handler: s.claimChore},
		{Method: http.MethodPost, Path: "/v1/claims/:id/proof", Summary: "Upload proof: multipart/form-data with 1 to 3 parts named photo (JPEG, PNG or WebP; re-encoded without EXIF/GPS) and an optional note. Also answers a reviewer's request for more information. The claim is checked before the body is read: someone else's claim, or none, is 404 and nothing of the upload is taken in; then the body has HTTP_UPLOAD_TIMEOUT (default 10 minutes) to arrive, or it is 408 request_timeout.", Who: resident, Request: proofForm{}, Response: claimView{}, Handler: s.submitProof},
		{Method: http.MethodPost, Path: "/v1/claims/:id/withdraw", Summary: "Withdraw your own claim that is not decided yet (claimed, submitted or needs_info): it becomes withdrawn, its place goes back to the chore, its proof photos and note are deleted, it leaves the review queue and no longer blocks your erasure request. No body. A decided, expired or withdrawn claim is 409 not_withdrawable and nothing changes; someone else's is 404.", Who: resident, Response: claimView{}, Handler: s.withdrawClaim},
		{Method: http.MethodGet, Path: "/v1/me/claims", Summary: "Your claims, newest first, with the reviewer's questions and decisions.", Who: resident, Query: []string{"limit", "offset"}, Response: claimList{}, Handler: s.myClaims},
		{Method: http.MethodGet, Path: "/v1/me/balance", Summary: "Your balance from the indexer, the rewards on their way (pending_cents: mints queued, sent, or confirmed but not yet indexed), and what you may pay now (spendable_cents: the balance with coins confirmed on their way in, less payments, refunds and redeems on their way out).", Who: resident | middleware.Shop, Response: balanceResponse{}, Handler: s.myBalance},
		{Method: http.MethodGet, Path: "/v1/me/transactions", Summary: "Your coin history from the indexer, newest first.", Who: resident | middleware.Shop, Query: []string{"beforeId", "limit"}, Response: transactionList{}, Handler: s.myTransactions},

		{Method: http.MethodPost, Path: "/v1/shop/payment-requests", Summary: "Ask for a payment at the till (activated shops): amount in cents and the shop's own reference; the till shows qr_uri as a QR code until expires_at (PAYMENT_REQUEST_TTL, default 5 minutes). qr_uri is the link PUBLIC_BASE_URL/betalen/{id}, which opens the resident app's payment screen from a phone's camera.", Who: middleware.Shop, Request: paymentRequestCreate{}, Response: paymentRequestCreated{}, Status: http.StatusCreated, Handler: s.createPaymentRequest},
		{Method: http.MethodGet, Path: "/v1/payment-requests/:id", Summary: "A payment request: status (open, expired, cancelled, submitted, confirmed, failed), amount, shop name, once paid payer (the payer's pseudonymous short id, e.g. 0x1a2b…9f0e, never a name), and typed_data, the EIP-712 TransferWithAuthorization to sign with eth_signTypedData_v4 (from is your bound address). Residents see an open request, or one they paid; shops their own.", Who: resident | middleware.Shop, Response: paymentRequestView{}, Handler: s.getPaymentRequest},
		{Method: http.MethodPost, Path: "/v1/payment-requests/:id/pay", Summary: "Pay a request with the phone's signature over its typed data; needs an Idempotency-Key header (a replay answers as the first time). Answers submitted with the relay transaction's hash when known within about 1.5 s; the outcome follows in the events. A request the shop cancelled is 409 request_cancelled and nothing moves.", Who: resident, Request: payRequest{}, Response: payResponse{}, Headers: []header{idempotencyKey(true)}, Handler: s.pay},
		{Method: http.MethodGet, Path: "/v1/payment-requests/:id/events", Summary: "Server-sent events (text/event-stream) of a payment for its shop and its payer: submitted, then confirmed or failed (with a reason), or expired, or cancelled (by the shop, told at once); the stream ends after the last. submitted and confirmed carry payer, the payer's pseudonymous short id. An account may hold EVENT_STREAMS_PER_ACCOUNT streams at once (default 10) and the server EVENT_STREAMS_PER_PROCESS (default 500): past either it is 429 too_many_streams with Retry-After. A stream ends at the latest after EVENT_STREAM_LIFETIME (default 15 minutes, longer than a request lives); open it again to follow on.", Who: resident | middleware.Shop, Events: paymentEvent{}, Handler: s.paymentEvents},
		{Method: http.MethodPost, Path: "/v1/shop/payment-requests/:id/refunds", Summary: "Refund all or part of a confirmed payment within REFUND_WINDOW_DAYS (default 14), with a reason; signed with the shop's key and relayed. Needs an Idempotency-Key header.", Who: middleware.Shop, Request: refundRequest{}, Response: refundResponse{}, Status: http.StatusCreated, Headers: []header{idempotencyKey(true)}, Handler: s.refund},
		{Method: http.MethodPost, Path: "/v1/shop/payment-requests/:id/cancel", Summary: "Cancel your open request (no body): it becomes cancelled, can no longer be paid (paying is 409 request_cancelled) and its event streams send cancelled and end. Answers the request. Idempotent: a request that already ended unpaid (cancelled, expired, failed) is answered as it is, unchanged, so an expired request stays expired. A paid request (submitted, confirmed) is 409 already_paid and nothing changes; another shop's is 404.", Who: middleware.Shop, Response: paymentRequestView{}, Handler: s.cancelPaymentRequest},
		{Method: http.MethodGet, Path: "/v1/shop/payment-requests/:id/qr.svg", Summary: "The QR code of your request's qr_uri as SVG (image/svg+xml), rendered on the server: black on white, error correction level M, a quiet zone of 4 modules, one SVG unit per module (scale it freely). Another shop's request is 404.", Who: middleware.Shop, Produces: "image/svg+xml", Handler: s.paymentRequestQR},
		{Method: http.MethodGet, Path: "/v1/me/payments", Summary: "Your payments, newest first, with their refunds: a resident's payments made, a shop's payments received. date=YYYY-MM-DD keeps the payments submitted that day (Europe/Amsterdam, the takings' zone; takings count a payment on the day it was confirmed); a shop's reference= those of requests with exactly that reference. A malformed date or reference, or a resident's reference, is 400 validation_failed with field.", Who: resident | middleware.Shop, Query: []string{"date", "reference", "limit", "offset"}, Response: paymentList{}, Handler: s.paymentHistory},
		{Method: http.MethodGet, Path: "/v1/shop/takings", Summary: "A day's takings (date=YYYY-MM-DD, default today, Europe/Amsterdam): payments and refunds confirmed that day, in cents.", Who: middleware.Shop, Query: []string{"date"}, Response: takingsResponse{}, Handler: s.takings},

		{Method: http.MethodGet, Path: "/v1/admin/chores", Summary: "Every chore with its budget and counters, newest first.", Who: staff, Privilege: accounts.PrivChoresManage, Query: []string{"limit", "offset"}, Response: adminChoreList{}, Handler: s.adminChores},
		{Method: http.MethodPost, Path: "/v1/admin/chores", Summary: "Put up a chore inside the municipality's bounds, with a reward of at most MAX_REWARD_CENTS. No chain call.", Who: staff, Privilege: accounts.PrivChoresManage, Request: choreRequest{}, Response: adminChoreView{}, Status: http.StatusCreated, Handler: s.createChore},
		{Method: http.MethodPatch, Path: "/v1/admin/chores/:id", Summary: "Edit a chore, or close (closed: true) or reopen it; claims made keep their reward.", Who: staff, Privilege: accounts.PrivChoresManage, Request: chorePatchRequest{}, Response: adminChoreView{}, Handler: s.updateChore},
		{Method: http.MethodGet, Path: "/v1/admin/claims", Summary: "The review queue, oldest first: claims in one status (submitted by default). Names no resident.", Who: staff, Privilege: accounts.PrivChoresReview, Query: []string{"status", "limit", "offset"}, Response: claimList{}, Handler: s.reviewQueue},
		{Method: http.MethodPost, Path: "/v1/admin/claims/:id/approve", Summary: "Approve a submitted claim: the reward's mint is written in the same transaction and sent once (idempotent: approving again returns the claim). Not on a chore you created; 422 cap_exceeded / budget_exceeded change nothing.", Who: staff, Privilege: accounts.PrivChoresReview, Response: claimView{}, Handler: s.approveClaim},
		{Method: http.MethodPost, Path: "/v1/admin/claims/:id/reject", Summary: "Reject a claim with a reason (required) the resident sees; its place and reserved reward go back to the chore.", Who: staff, Privilege: accounts.PrivChoresReview, Request: rejectRequest{}, Response: claimView{}, Handler: s.rejectClaim},
		{Method: http.MethodPost, Path: "/v1/admin/claims/:id/request-info", Summary: "Ask the resident for more (message required): they add photos and submit again within CLAIM_PROOF_TTL.", Who: staff, Privilege: accounts.PrivChoresReview, Request: infoRequest{}, Response: claimView{}, Handler: s.requestInfo},
		{Method: http.MethodGet, Path: "/v1/admin/payouts", Summary: "Payout runs, newest period first, with their lines (shops only, never a resident).", Who: staff, Privilege: accounts.PrivFinance, Query: []string{"limit", "offset"}, Response: payoutRunList{}, Handler: s.listPayouts},
		{Method: http.MethodPost, Path: "/v1/admin/payouts", Summary: "Draft a payout run for a period (dates 2006-01-02, after the last run's period): each activated shop's coins at the cut-off block (default: the indexer's last block) become a line in euros. 409 payout_run_open while another run is open, payout_period_overlap for a period already run. Nothing moves on chain yet.", Who: staff, Privilege: accounts.PrivFinance, Request: payoutCreateRequest{}, Response: payoutRunView{}, Status: http.StatusCreated, Handler: s.createPayout},
		{Method: http.MethodGet, Path: "/v1/admin/payouts/:id", Summary: "A payout run: its lines, totals and status (draft, executing, executed, paid, cancelled).", Who: staff, Privilege: accounts.PrivFinance, Response: payoutRunView{}, Handler: s.getPayout},
		{Method: http.MethodPost, Path: "/v1/admin/payouts/:id/execute", Summary: "Execute a reviewed draft: one redeem per line through the outbox (keyed payout:<run>:<shop>, opaque reference on chain), once; the run becomes executed when every redeem is confirmed. With an Idempotency-Key header a replay answers the run; otherwise 409 payout_already_executed the second time.", Who: staff, Privilege: accounts.PrivFinance, Response: payoutRunView{}, Headers: []header{idempotencyKey(false)}, Handler: s.executePayout},
		{Method: http.MethodPost, Path: "/v1/admin/payouts/:id/cancel", Summary: "Discard a draft run, so that its period can be run again.", Who: staff, Privilege: accounts.PrivFinance, Response: payoutRunView{}, Handler: s.cancelPayout},
		{Method: http.MethodGet, Path: "/v1/admin/payouts/:id/report.csv", Summary: "The consolidated report (text/csv): per shop its id, business name, payments received, refunds, gross, net, coins redeemed, euros to pay and the run's reference, then a TOTAL line. Byte-identical every time; its SHA-256 (header X-Report-SHA256) is stored with the run. Audited.", Who: staff, Privilege: accounts.PrivFinance, Handler: s.payoutReport},
		{Method: http.MethodGet, Path: "/v1/admin/payouts/:id/report.xlsx", Summary: "The consolidated report as an Excel workbook, for spreadsheets set to Dutch: the CSV report's lines and TOTAL line with amounts as numbers in euros and the period as dates (column names in Dutch). Served only while the run's lines match the stored SHA-256 of the CSV; audited as the CSV.", Who: staff, Privilege: accounts.PrivFinance, Produces: payouts.XLSXContentType, Handler: s.payoutReportXLSX},
		{Method: http.MethodGet, Path: "/v1/admin/payouts/:id/sepa.xml", Summary: "The bank file of an executed run (application/xml): a SEPA credit transfer, ISO 20022 pain.001.001.03 or, as SEPA_FORMAT sets, the EPC's pain.001.001.09, from the municipality's account to each shop's IBAN with the run's reference as remittance information. IBANs are decrypted only for it; every export is audited.", Who: staff, Privilege: accounts.PrivFinance, Handler: s.payoutBankFile},
		{Method: http.MethodPost, Path: "/v1/admin/payouts/:id/paid", Summary: "Record the bank's payment of an executed run, or of the lines of shop_ids: paid_on (2006-01-02) and the bank's reference. The run is paid when every line is.", Who: staff, Privilege: accounts.PrivFinance, Request: payoutPaidRequest{}, Response: payoutRunView{}, Handler: s.markPayoutPaid},
		{Method: http.MethodGet, Path: "/v1/shop/payouts", Summary: "Your payouts, newest period first: per executed run your coins redeemed and euros paid, with the payment date and bank reference once paid.", Who: middleware.Shop, Query: []string{"limit", "offset"}, Response: shopPayoutList{}, Handler: s.shopPayouts},
		{Method: http.MethodGet, Path: "/v1/shop/payouts/:id/statement", Summary: "Your statement of one payout period: your line and every payment, refund and redemption of your coins in the run's blocks.", Who: middleware.Shop, Response: statementView{}, Handler: s.shopStatement},
		{Method: http.MethodGet, Path: "/v1/shop/payouts.csv", Summary: "All your payouts as CSV (text/csv, a download), newest period first: run_reference, period_start, period_end, payments_received, refunds, gross_eur, refunds_eur, net_eur, coins_redeemed, eur_paid, paid_on, bank_reference, status, run_id. Written as the finance report: commas, euros with two decimals and a point, dates YYYY-MM-DD; eur_paid, paid_on and bank_reference are empty until paid.", Who: middleware.Shop, Produces: "text/csv", Handler: s.shopPayoutsCSV},
		{Method: http.MethodGet, Path: "/v1/shop/payouts/:id/statement.csv", Summary: "Your statement of one payout period as CSV (text/csv, a download): run_reference, date, time (Europe/Amsterdam), kind (payment, refund, redemption), amount_eur (negative for coins that left the shop), block_number, tx_hash, one line per coin movement.", Who: middleware.Shop, Produces: "text/csv", Handler: s.shopStatementCSV},
		{Method: http.MethodGet, Path: "/v1/admin/claims/:id/photos/:n", Summary: "Proof photo n (from 1) of a claim, as re-encoded without metadata; every view is audited.", Who: staff, Privilege: accounts.PrivChoresReview, Handler: s.claimPhoto},
	}
}

// checkRoutes enforces the table's rules: every /v1/admin route is for staff and declares a known
// privilege, and a privilege is declared only on such a route.
func checkRoutes(rs []route) error {
	for _, rt := range rs {
		admin := strings.HasPrefix(rt.Path, adminPrefix)
		switch {
		case admin && (rt.Who != middleware.Staff || !rt.Privilege.Known()):
			return fmt.Errorf("api: %s %s must be for staff and declare a known privilege", rt.Method, rt.Path)
		case !admin && rt.Privilege != "":
			return fmt.Errorf("api: %s %s declares a privilege but is not under %s", rt.Method, rt.Path, adminPrefix)
		}
	}
	return nil
}

// New returns the HTTP handler with every route and the middleware. It panics when the route table breaks
// its rules (see checkRoutes): a programming error that no request may find first.
func New(deps Deps) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	s := &Server{deps: deps, streams: newStreamSlots(deps.Limits)}
	rs := s.routes()
	if err := checkRoutes(rs); err != nil {
		panic(err)
	}
	authn := deps.Authenticator
	if authn == nil && deps.Accounts != nil {
		authn = deps.Accounts
	}
	r := gin.New()
	if err := r.SetTrustedProxies(deps.TrustedProxies); err != nil {
		panic(fmt.Errorf("api: trusted proxies: %w", err))
	}
	r.HandleMethodNotAllowed = true
	r.Use(apiVersion, middleware.RequestID(deps.Log), middleware.AccessLog(), middleware.Recover())
	for _, rt := range rs {
		handlers := []gin.HandlerFunc{rt.Handler}
		if rt.Who != middleware.Public {
			handlers = []gin.HandlerFunc{middleware.Authorize(authn, rt.Who, rt.Privilege, respondError), rt.Handler}
		}
		r.Handle(rt.Method, rt.Path, handlers...)
		// HEAD answers as GET does, without the body (net/http drops it), as HTTP asks and uptime checks
		// expect. Event streams are left out: a HEAD would hold a stream open for a body nobody reads.
		if rt.Method == http.MethodGet && rt.Events == nil {
			r.Handle(http.MethodHead, rt.Path, handlers...)
		}
	}
	r.NoRoute(func(c *gin.Context) { writeError(c, Errorf(http.StatusNotFound, "not_found", "no such resource")) })
	r.NoMethod(func(c *gin.Context) {
		writeError(c, Errorf(http.StatusMethodNotAllowed, "method_not_allowed", "this method is not allowed here"))
	})
	return r
}
