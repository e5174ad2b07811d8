package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/audit"
)

// ShopDetails are a shop's bank details: what a payout pays to and names. They change only under four
// eyes: a change waits as a ShopChange until a member of staff other than the one who entered it approves
// it.
type ShopDetails struct {
	LegalName string
	KvK       string
	IBAN      string
}

// fields names the details that differ between d and o, as the audit log names them.
func (d ShopDetails) fields(o ShopDetails) []string {
	var out []string
	if d.LegalName != o.LegalName {
		out = append(out, "shop.legal_name")
	}
	if d.KvK != o.KvK {
		out = append(out, "shop.kvk")
	}
	if d.IBAN != o.IBAN {
		out = append(out, "shop.iban")
	}
	return out
}

func detailsOf(s Shop) ShopDetails {
	return ShopDetails{LegalName: s.LegalName, KvK: s.KvK, IBAN: s.IBAN}
}

// ShopChangeStatus is where a change of bank details is.
type ShopChangeStatus string

// The statuses of a change. A new entry supersedes the change still waiting for the same shop.
const (
	ShopChangePending    ShopChangeStatus = "pending"
	ShopChangeApproved   ShopChangeStatus = "approved"
	ShopChangeRefused    ShopChangeStatus = "refused"
	ShopChangeSuperseded ShopChangeStatus = "superseded"
)

// ShopChange is a change of a shop's bank details: the complete set it asks for, entered against the
// approved version BaseVersion by the shop (EnteredBy == ShopID) or by staff on its behalf.
type ShopChange struct {
	ID           string
	ShopID       string
	ShopUsername string
	Details      ShopDetails
	// Current is the approved details the change would replace; only staff's list fills it.
	Current     ShopDetails
	BaseVersion int
	Status      ShopChangeStatus
	EnteredBy   string
	Note        string
	CreatedAt   time.Time
	DecidedBy   string
	DecidedAt   *time.Time
	Reason      string
	// Version is the details version an approved change became; 0 otherwise.
	Version int
}

// ByShop reports whether the shop entered the change itself.
func (c ShopChange) ByShop() bool { return c.EnteredBy == c.ShopID }

// Fields names the details the change alters.
func (c ShopChange) Fields() []string { return c.Details.fields(c.Current) }

// The errors of changes of bank details.
var (
	ErrOwnShopChange     = errors.New("accounts: the change was entered by this staff member")
	ErrShopChangeDecided = errors.New("accounts: the change is no longer waiting")
)

// ShopChangeStore is what the changes of bank details need from the database besides Tx.
type ShopChangeStore interface {
	// PendingShopChange returns the change waiting for a shop (its details decrypted); ok is false when none.
	PendingShopChange(ctx context.Context, shopID string) (c ShopChange, ok bool, err error)
	// ShopChanges lists changes in one status, oldest first, each with the shop's username and Current
	// details, decrypted. Limit is capped at MaxList.
	ShopChanges(ctx context.Context, status ShopChangeStatus, limit, offset int) ([]ShopChange, error)
}

// ShopChangeTx is the transactional part.
type ShopChangeTx interface {
	// LockPendingShopChange loads and holds the change waiting for a shop; ok is false when none.
	LockPendingShopChange(shopID string) (c ShopChange, ok bool, err error)
	// LockShopChange loads and holds a change; ErrNotFound when there is none.
	LockShopChange(id string) (ShopChange, error)
	// InsertShopChange stores a new pending change, its details encrypted.
	InsertShopChange(c ShopChange) error
	// DecideShopChange writes a change's status, decision and version.
	DecideShopChange(c ShopChange) error
	// ApplyShopDetails makes d the shop's approved details as version. It waits for any payout run being
	// drafted, so a run's lines pay one consistent version.
	ApplyShopDetails(shopID string, d ShopDetails, version int) error
}

// ShopChangeInput is a change of bank details as entered; nil fields stay as approved.
type ShopChangeInput struct {
	LegalName *string
	KvK       *string
	IBAN      *string
}

// normalize returns the complete set of details base altered by in, checked.
func (in ShopChangeInput) normalize(base ShopDetails) (ShopDetails, error) {
	next := base
	var err error
	if in.LegalName != nil {
		if next.LegalName, err = normalizeText("shop.legal_name", *in.LegalName, true); err != nil {
			return next, err
		}
	}
	if in.KvK != nil {
		if next.KvK, err = NormalizeKvK(*in.KvK); err != nil {
			return next, err
		}
	}
	if in.IBAN != nil {
		if next.IBAN, err = NormalizeIBAN(*in.IBAN); err != nil {
			return next, err
		}
	}
	return next, nil
}

// enterShopChange records details as the change waiting for shop a (locked), superseding one that waits;
// details equal to the approved ones withdraw nothing and record nothing. It returns the change, or ok
// false when there was nothing to change.
func (s *Service) enterShopChange(tx Tx, a Account, details ShopDetails, by audit.Actor, note string) (ShopChange, bool, error) {
	current := detailsOf(*a.Shop)
	fields := details.fields(current)
	if len(fields) == 0 {
		return ShopChange{}, false, nil
	}
	prev, ok, err := tx.LockPendingShopChange(a.ID)
	if err != nil {
		return ShopChange{}, false, err
	}
	now := s.now()
	if ok {
		prev.Status, prev.DecidedAt, prev.DecidedBy = ShopChangeSuperseded, &now, by.ID
		if err := tx.DecideShopChange(prev); err != nil {
			return ShopChange{}, false, err
		}
		if err := tx.Audit(by.Entry("shop.details_superseded", a.ID, prev.Details.fields(current), "",
			fmt.Sprintf("change %s superseded by a new entry", prev.ID))); err != nil {
			return ShopChange{}, false, err
		}
	}
	c := ShopChange{ID: uuid.NewString(), ShopID: a.ID, Details: details, Current: current,
		BaseVersion: a.Shop.DetailsVersion, Status: ShopChangePending, EnteredBy: by.ID, Note: note, CreatedAt: now}
	if err := tx.InsertShopChange(c); err != nil {
		return ShopChange{}, false, err
	}
	who := "the shop"
	if !c.ByShop() {
		who = "staff on the shop's behalf"
	}
	err = tx.Audit(by.Entry("shop.details_change", a.ID, fields, note,
		fmt.Sprintf("change %s entered by %s against version %d; waits for approval", c.ID, who, c.BaseVersion)))
	return c, true, err
}

// EnterShopChange enters a change of a shop's bank details on its behalf (a correction the shop asked
// for by phone or letter, say): it waits, like the shop's own, for another member of staff to approve it.
// Note says why and is audited. The actor needs accounts.approve; the shop must be approved or suspended.
func (s *Service) EnterShopChange(ctx context.Context, actor Actor, shopID string, in ShopChangeInput, note string) (ShopChange, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return ShopChange{}, err
	}
	note = strings.TrimSpace(note)
	if note == "" || len(note) > MaxReasonLen {
		return ShopChange{}, invalid("note", "is required (why the details change, on whose request) and has at most 500 characters")
	}
	var out ShopChange
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(shopID, true)
		if err != nil {
			return err
		}
		if a.Role != RoleShop || a.Shop == nil {
			return ErrNotFound
		}
		// A suspended shop is still paid out what it holds, so its bank details may still need correcting.
		if a.Status != StatusApproved && a.Status != StatusSuspended {
			return ErrInvalidState
		}
		details, err := in.normalize(detailsOf(*a.Shop))
		if err != nil {
			return err
		}
		c, ok, err := s.enterShopChange(tx, a, details, actor.audit(), note)
		if err != nil {
			return err
		}
		if !ok {
			return invalid("shop", "changes none of legal_name, kvk and iban")
		}
		out = c
		return nil
	})
	return out, err
}

// ApproveShopChange makes a waiting change the shop's approved details, as the next version: payout runs
// drafted from then on pay to them. Nobody approves a change they entered (ErrOwnShopChange, nothing
// changes); a shop never approves at all. The actor needs accounts.approve; the approval is audited.
func (s *Service) ApproveShopChange(ctx context.Context, actor Actor, id string) (ShopChange, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return ShopChange{}, err
	}
	var out ShopChange
	err := s.store.InTx(ctx, func(tx Tx) error {
		c, err := tx.LockShopChange(id)
		if err != nil {
			return err
		}
		if c.Status != ShopChangePending {
			return ErrShopChangeDecided
		}
		if c.EnteredBy == actor.AccountID || c.ShopID == actor.AccountID {
			return ErrOwnShopChange
		}
		a, err := tx.Get(c.ShopID, true)
		if err != nil {
			return err
		}
		if a.Shop == nil || a.Shop.DetailsVersion != c.BaseVersion {
			return ErrShopChangeDecided
		}
		c.Current = detailsOf(*a.Shop)
		now := s.now()
		c.Status, c.DecidedAt, c.DecidedBy, c.Version = ShopChangeApproved, &now, actor.AccountID, c.BaseVersion+1
		if err := tx.DecideShopChange(c); err != nil {
			return err
		}
		if err := tx.ApplyShopDetails(c.ShopID, c.Details, c.Version); err != nil {
			return err
		}
		out = c
		return tx.Audit(actor.audit().Entry("shop.details_approve", c.ShopID, c.Fields(), "",
			fmt.Sprintf("change %s entered by %s approved as version %d", c.ID, c.EnteredBy, c.Version)))
	})
	return out, err
}

// RefuseShopChange refuses a waiting change with a reason the shop reads; the approved details stay. The
// actor needs accounts.approve (the one who entered a change may take it back this way); the refusal is
// audited.
func (s *Service) RefuseShopChange(ctx context.Context, actor Actor, id, reason string) (ShopChange, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return ShopChange{}, err
	}
	reason, err := NormalizeReason(reason)
	if err != nil {
		return ShopChange{}, err
	}
	var out ShopChange
	err = s.store.InTx(ctx, func(tx Tx) error {
		c, err := tx.LockShopChange(id)
		if err != nil {
			return err
		}
		if c.Status != ShopChangePending {
			return ErrShopChangeDecided
		}
		if c.ShopID == actor.AccountID {
			return ErrOwnShopChange
		}
		now := s.now()
		c.Status, c.DecidedAt, c.DecidedBy, c.Reason = ShopChangeRefused, &now, actor.AccountID, reason
		if err := tx.DecideShopChange(c); err != nil {
			return err
		}
		out = c
		return tx.Audit(actor.audit().Entry("shop.details_refuse", c.ShopID, nil, reason,
			fmt.Sprintf("change %s entered by %s refused", c.ID, c.EnteredBy)))
	})
	return out, err
}

// ShopChanges lists changes of bank details in one status (pending by default), oldest first, with the
// details they ask for and those they would replace: what an approver checks, with the shop, before
// approving. Every change listed is audited as a read of the shop's details. The actor needs
// accounts.approve.
func (s *Service) ShopChanges(ctx context.Context, actor Actor, status ShopChangeStatus, limit, offset int) ([]ShopChange, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return nil, err
	}
	if status == "" {
		status = ShopChangePending
	}
	switch status {
	case ShopChangePending, ShopChangeApproved, ShopChangeRefused, ShopChangeSuperseded:
	default:
		return nil, invalid("status", "must be pending, approved, refused or superseded")
	}
	list, err := s.store.ShopChanges(ctx, status, limit, offset)
	if err != nil || len(list) == 0 {
		return list, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		for _, c := range list {
			if err := tx.Audit(actor.audit().Entry("shop.details_read", c.ShopID,
				[]string{"shop.legal_name", "shop.kvk", "shop.iban"}, "", "change "+c.ID+" ("+string(c.Status)+") listed for review")); err != nil {
				return err
			}
		}
		return nil
	})
	return list, err
}

// withPendingChange fills a shop account's waiting change, if any.
func (s *Service) withPendingChange(ctx context.Context, a Account) (Account, error) {
	if a.Shop == nil {
		return a, nil
	}
	c, ok, err := s.store.PendingShopChange(ctx, a.ID)
	if err != nil || !ok {
		return a, err
	}
	a.Shop.Pending = &c
	return a, nil
}
