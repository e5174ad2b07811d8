package privacy

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/heerlen/heitje/internal/accounts"
)

// Restriction stops processing of one account until a privacy officer lifts it. A restriction (AVG art. 18)
// has scope PurposeAll: the account is left out of every partner export (research contact) and of every
// analysis. An upheld objection (art. 21) has the one purpose objected to as its scope.
type Restriction struct {
	ID        string
	AccountID string
	// Kind is KindRestriction or KindObjection.
	Kind       RequestKind
	Scope      Purpose
	RequestID  string
	Reason     string
	Since      time.Time
	LiftedAt   *time.Time
	LiftedBy   string
	LiftReason string
}

// Active reports whether the restriction is in force.
func (r Restriction) Active() bool { return r.LiftedAt == nil }

// Restrictions lists restrictions and objections, those in force only unless all is set. The listing is
// audited; the actor needs privacy.
func (s *Service) Restrictions(ctx context.Context, actor accounts.Actor, all bool) ([]Restriction, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return nil, err
	}
	list, err := s.store.Restrictions(ctx, "", !all)
	if err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(s.auditActor(actor).Entry("privacy.restrictions_list", "", nil, "", fmt.Sprintf("all=%t", all)))
	})
	return list, err
}

// LiftRestriction ends a restriction or objection, with the reason (for instance: the accuracy was
// checked, or the legitimate grounds override the objection). Processing resumes at once. The actor needs
// privacy; the lifting is audited.
func (s *Service) LiftRestriction(ctx context.Context, actor accounts.Actor, id, reason string) (Restriction, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Restriction{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > MaxTextLen {
		return Restriction{}, invalid("reason", fmt.Sprintf("is required and has at most %d characters", MaxTextLen))
	}
	var out Restriction
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRestriction(id)
		if err != nil {
			return err
		}
		if !r.Active() {
			return ErrAlreadyLifted
		}
		now := s.now()
		r.LiftedAt, r.LiftedBy, r.LiftReason = &now, actor.AccountID, reason
		if err := tx.LiftRestriction(r); err != nil {
			return err
		}
		out = r
		return tx.Audit(s.auditActor(actor).Entry("privacy.lift", r.AccountID, nil, reason,
			fmt.Sprintf("restriction %s kind=%s scope=%s", r.ID, r.Kind, r.Scope)))
	})
	return out, err
}
