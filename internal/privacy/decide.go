package privacy

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
)

// Outcome is what closing a request did beyond recording the decision: the erasure carried out or the
// restriction put in place.
type Outcome struct {
	Request     Request
	Erased      *Erased
	Restriction *Restriction
}

// CloseRequest records the privacy officer's decision on a request and, for a granted erasure, restriction
// or objection, carries it out in the same transaction: either all of it happens or none of it. A refusal
// or a partial grant needs its reason (it is an Awb decision open to objection). Access and portability
// are served by the export, which the person downloads themselves; rectification by their own correction
// (PATCH /v1/me): closing those records the answer. An erasure that coin movements still under way block
// changes nothing and answers ErrErasureBlocked. A request whose requester's identity was not established
// (one registered from an e-mail, say) can only be refused (ErrIdentityUnverified, seed 000 §16). The actor
// needs privacy; the decision is audited.
func (s *Service) CloseRequest(ctx context.Context, actor accounts.Actor, id string, d Decision, reason string) (Outcome, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Outcome{}, err
	}
	switch d {
	case DecisionGranted, DecisionPartlyGranted, DecisionRefused:
	default:
		return Outcome{}, invalid("decision", "must be granted, partly_granted or refused")
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > MaxTextLen {
		return Outcome{}, invalid("reason", fmt.Sprintf("has at most %d characters", MaxTextLen))
	}
	if d != DecisionGranted && reason == "" {
		return Outcome{}, invalid("reason", "is required when a request is refused or only partly granted")
	}
	var out Outcome
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRequest(id)
		if err != nil {
			return err
		}
		if r.Closed {
			return ErrRequestClosed
		}
		if d != DecisionRefused && !r.IdentityVerified {
			return ErrIdentityUnverified
		}
		now := s.now()
		if d == DecisionGranted {
			if err := s.carryOut(tx, actor, r, &out); err != nil {
				return err
			}
		}
		r.Closed, r.Decision, r.DecisionReason, r.ClosedAt, r.ClosedBy = true, d, reason, &now, actor.AccountID
		if err := tx.CloseRequest(r); err != nil {
			return err
		}
		out.Request = r
		return tx.Audit(s.auditActor(actor).Entry("privacy.request_close", r.AccountID, nil, reason,
			fmt.Sprintf("request %s kind=%s decision=%s", r.ID, r.Kind, d)))
	})
	if err != nil {
		return Outcome{}, err
	}
	if out.Erased != nil {
		s.removeFiles(out.Erased.Files)
	}
	return out, nil
}

// carryOut does what a granted request asks, inside the decision's transaction.
func (s *Service) carryOut(tx Tx, actor accounts.Actor, r Request, out *Outcome) error {
	switch r.Kind {
	case KindErasure:
		e, err := s.erase(tx, r.AccountID, "request "+r.ID, s.auditActor(actor))
		out.Erased = &e
		return err
	case KindRestriction, KindObjection:
		rs := Restriction{ID: uuid.NewString(), AccountID: r.AccountID, Kind: KindRestriction, Scope: PurposeAll,
			RequestID: r.ID, Reason: r.Details, Since: s.now()}
		if r.Kind == KindObjection {
			rs.Kind, rs.Scope = KindObjection, r.Purpose
		}
		if err := tx.CreateRestriction(rs); err != nil {
			return err
		}
		out.Restriction = &rs
		return tx.Audit(s.auditActor(actor).Entry("privacy.restrict", r.AccountID, nil, "request "+r.ID,
			fmt.Sprintf("restriction %s kind=%s scope=%s", rs.ID, rs.Kind, rs.Scope)))
	}
	return nil
}

// erase erases one account inside tx: a resident (or a never-approved shop) is removed, its bookkeeping
// moved to the erased stand-in; an approved or suspended shop is anonymised, its business bookkeeping
// kept. Staff are not erased this way (ErrNotErasable); coin movements under way block it
// (ErrErasureBlocked).
func (s *Service) erase(tx Tx, accountID, why string, by clocked) (Erased, error) {
	sub, err := tx.Subject(accountID, true)
	if err != nil {
		return Erased{}, err
	}
	if sub.Role == string(accounts.RoleStaff) || sub.ID == ErasedAccountID || sub.Status == "erased" {
		return Erased{}, ErrNotErasable
	}
	under, err := tx.UnderWay(sub)
	if err != nil {
		return Erased{}, err
	}
	if blockers := Blockers(sub, under); len(blockers) > 0 {
		return Erased{}, &BlockedError{Reasons: blockers}
	}
	var e Erased
	if sub.Role == string(accounts.RoleShop) && (sub.Status == string(accounts.StatusApproved) || sub.Status == string(accounts.StatusSuspended)) {
		e, err = tx.AnonymiseShop(sub)
	} else {
		e, err = tx.RemoveAccount(sub)
	}
	if err != nil {
		return Erased{}, err
	}
	return e, tx.Audit(by.Entry("privacy.erase", sub.ID, erasedFields(sub), why, e.summary()))
}

// erasedFields names the personal fields an erasure removed.
func erasedFields(sub Subject) []string {
	f := []string{"username", "password", "wallet_address"}
	if sub.Email != "" {
		f = append(f, "email")
	}
	if sub.Phone != "" {
		f = append(f, "phone")
	}
	if sub.Role == string(accounts.RoleShop) {
		f = append(f, "shop.contact_name", "shop.address", "shop.private_key")
	} else {
		f = append(f, "claims.note", "claims.photos")
	}
	return f
}

// summary is the rows changed per table, in a fixed order, without personal data.
func (e Erased) summary() string {
	tables := make([]string, 0, len(e.Rows))
	for t := range e.Rows {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	parts := make([]string, 0, len(tables)+1)
	for _, t := range tables {
		parts = append(parts, fmt.Sprintf("%s=%d", t, e.Rows[t]))
	}
	parts = append(parts, fmt.Sprintf("photo_files=%d", len(e.Files)))
	return strings.Join(parts, " ")
}

// BlockedError is ErrErasureBlocked with what blocks it, in words without personal data.
type BlockedError struct{ Reasons []string }

func (e *BlockedError) Error() string {
	return ErrErasureBlocked.Error() + ": " + strings.Join(e.Reasons, "; ")
}

// Unwrap makes errors.Is(err, ErrErasureBlocked) hold.
func (e *BlockedError) Unwrap() error { return ErrErasureBlocked }
