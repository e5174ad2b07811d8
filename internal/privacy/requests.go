package privacy

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
)

// RequestKind is the right a data subject invokes (AVG art. 15-21; seed 000 §15).
type RequestKind string

// The kinds of request.
const (
	KindAccess        RequestKind = "access"
	KindRectification RequestKind = "rectification"
	KindErasure       RequestKind = "erasure"
	KindRestriction   RequestKind = "restriction"
	KindObjection     RequestKind = "objection"
	KindPortability   RequestKind = "portability"
)

// Known reports whether k is a kind of request.
func (k RequestKind) Known() bool {
	switch k {
	case KindAccess, KindRectification, KindErasure, KindRestriction, KindObjection, KindPortability:
		return true
	}
	return false
}

// Decision is how the privacy officer answered a request. A granted erasure, restriction or objection is
// carried out in the same transaction as the decision.
type Decision string

// The decisions.
const (
	DecisionGranted       Decision = "granted"
	DecisionPartlyGranted Decision = "partly_granted"
	DecisionRefused       Decision = "refused"
)

// Request is one data subject's request. DueAt is four weeks after ReceivedAt.
type Request struct {
	ID        string
	AccountID string
	Kind      RequestKind
	// Purpose is what an objection is against; "" for other kinds.
	Purpose          Purpose
	Details          string
	Channel          Channel
	IdentityVerified bool
	ReceivedAt       time.Time
	DueAt            time.Time
	Closed           bool
	Decision         Decision
	DecisionReason   string
	ClosedAt         *time.Time
	ClosedBy         string
}

// Overdue reports whether an open request has passed its due date at now.
func (r Request) Overdue(now time.Time) bool { return !r.Closed && now.After(r.DueAt) }

// RequestInput is a new request as the data subject files it.
type RequestInput struct {
	Kind    RequestKind
	Purpose Purpose
	Details string
}

// RequestFilter selects requests: Status is open, overdue, closed or "" for all; AccountID narrows to one
// person. Limit is capped at MaxList.
type RequestFilter struct {
	Status    string
	AccountID string
	Now       time.Time
	Limit     int
}

// MaxList is the most items one list returns.
const MaxList = 500

// FileRequest records a request from the logged-in data subject: received now, due in four weeks. The login
// establishes the identity (seed 000 §16).
func (s *Service) FileRequest(ctx context.Context, p accounts.Principal, in RequestInput) (Request, error) {
	r, err := s.newRequest(p.AccountID, in)
	if err != nil {
		return Request{}, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error { return tx.CreateRequest(r) })
	return r, err
}

// newRequest checks a request's input and returns it received now through the app, due in four weeks.
func (s *Service) newRequest(accountID string, in RequestInput) (Request, error) {
	if !in.Kind.Known() {
		return Request{}, invalid("kind", "must be access, rectification, erasure, restriction, objection or portability")
	}
	switch {
	case in.Kind == KindObjection && in.Purpose != PurposeResearchContact && in.Purpose != PurposeAnalytics:
		return Request{}, invalid("purpose", "an objection names the processing: research_contact or analytics")
	case in.Kind != KindObjection && in.Purpose != "":
		return Request{}, invalid("purpose", "is only for objections")
	}
	details := strings.TrimSpace(in.Details)
	if utf8.RuneCountInString(details) > MaxTextLen || strings.ContainsRune(details, 0) {
		return Request{}, invalid("details", fmt.Sprintf("has at most %d characters", MaxTextLen))
	}
	now := s.now()
	return Request{ID: uuid.NewString(), AccountID: accountID, Kind: in.Kind, Purpose: in.Purpose, Details: details,
		Channel: ChannelApp, IdentityVerified: true, ReceivedAt: now, DueAt: now.Add(ResponseTime)}, nil
}

// RegisterRequest records a request that reached the municipality at the counter, by letter or by e-mail
// (seed 000 §16), for the account it concerns: received at receivedAt (nil: now; never in the future), due
// four weeks later. identityVerified says whether the officer established who asked (an e-mail request is
// handled only once it is). The actor needs privacy; the registration is audited.
func (s *Service) RegisterRequest(ctx context.Context, actor accounts.Actor, accountID string, in RequestInput, ch Channel,
	identityVerified bool, receivedAt *time.Time) (Request, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Request{}, err
	}
	if !ch.Known() || ch == ChannelApp {
		return Request{}, invalid("channel", "must be counter, letter or email; the app files its own requests")
	}
	r, err := s.newRequest(accountID, in)
	if err != nil {
		return Request{}, err
	}
	if receivedAt != nil {
		if receivedAt.After(s.now().Add(5 * time.Minute)) {
			return Request{}, invalid("received_at", "is not in the future")
		}
		r.ReceivedAt, r.DueAt = receivedAt.UTC(), receivedAt.UTC().Add(ResponseTime)
	}
	r.Channel, r.IdentityVerified = ch, identityVerified
	err = s.store.InTx(ctx, func(tx Tx) error {
		if _, err := tx.Subject(accountID, false); err != nil {
			return err
		}
		if err := tx.CreateRequest(r); err != nil {
			return err
		}
		return tx.Audit(s.auditActor(actor).Entry("privacy.request_register", accountID, nil, "",
			fmt.Sprintf("request %s kind=%s channel=%s identity_verified=%t", r.ID, r.Kind, ch, identityVerified)))
	})
	return r, err
}

// MyRequests lists the caller's own requests, newest first.
func (s *Service) MyRequests(ctx context.Context, p accounts.Principal) ([]Request, error) {
	return s.store.Requests(ctx, RequestFilter{AccountID: p.AccountID, Now: s.now(), Limit: MaxList})
}

// Requests lists requests for the privacy officer: status open (default), overdue, closed or all. The
// listing is audited. The actor needs privacy.
func (s *Service) Requests(ctx context.Context, actor accounts.Actor, status string) ([]Request, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return nil, err
	}
	switch status {
	case "":
		status = "open"
	case "open", "overdue", "closed":
	case "all":
		status = ""
	default:
		return nil, invalid("status", "must be open, overdue, closed or all")
	}
	list, err := s.store.Requests(ctx, RequestFilter{Status: status, Now: s.now(), Limit: MaxList})
	if err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(s.auditActor(actor).Entry("privacy.requests_list", "", []string{"privacy_request"}, "", "status="+status))
	})
	return list, err
}
