package accounts

import (
	"context"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// MaxList is the most accounts one list returns.
const MaxList = 200

// Queue lists accounts by status (pending by default) for the onboarding queue: id, role, username,
// status and dates, no personal fields. The actor needs accounts.approve; the listing is audited.
func (s *Service) Queue(ctx context.Context, actor Actor, f ListFilter) ([]Account, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return nil, err
	}
	if f.Status == "" {
		f.Status = StatusPending
	}
	switch f.Status {
	case StatusPending, StatusApproved, StatusRejected, StatusSuspended:
	default:
		return nil, invalid("status", "must be pending, approved, rejected or suspended")
	}
	switch f.Role {
	case "", RoleResident, RoleShop:
	default:
		return nil, invalid("role", "must be resident or shop")
	}
	f.Staff = false
	list, err := s.store.List(ctx, f)
	if err != nil {
		return nil, err
	}
	detail := "status=" + string(f.Status)
	if f.Role != "" {
		detail += " role=" + string(f.Role)
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(actor.audit().Entry("accounts.list", "", []string{"username", "status"}, "", detail))
	})
	return list, err
}

// Approve admits a pending resident or shop. A shop gets its key here: generated on the server, stored
// encrypted, its address recorded; it is enabled on chain only later, by ActivateShop. Approval writes no
// chain intent. The actor needs accounts.approve; the decision is audited in the same transaction.
func (s *Service) Approve(ctx context.Context, actor Actor, id, reason string) (Account, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Account{}, err
	}
	if len(reason) > MaxReasonLen {
		return Account{}, invalid("reason", "has at most 500 characters")
	}
	return s.decide(ctx, actor, id, StatusApproved, strings.TrimSpace(reason), func(a *Account) error {
		if a.Role != RoleShop {
			return nil
		}
		key, err := crypto.GenerateKey()
		if err != nil {
			return err
		}
		a.NewShopKey = crypto.FromECDSA(key)
		a.WalletAddress = strings.ToLower(crypto.PubkeyToAddress(key.PublicKey).Hex())
		return nil
	})
}

// Reject refuses a pending resident or shop; the reason is required and goes into the audit log. The
// actor needs accounts.approve.
func (s *Service) Reject(ctx context.Context, actor Actor, id, reason string) (Account, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Account{}, err
	}
	reason, err := NormalizeReason(reason)
	if err != nil {
		return Account{}, err
	}
	return s.decide(ctx, actor, id, StatusRejected, reason, nil)
}

func (s *Service) decide(ctx context.Context, actor Actor, id string, to Status, reason string, prepare func(*Account) error) (Account, error) {
	var out Account
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(id, true)
		if err != nil {
			return err
		}
		if a.Role == RoleStaff {
			return ErrNotFound
		}
		if a.Status != StatusPending {
			return ErrInvalidState
		}
		now := s.now()
		a.Status, a.DecidedAt, a.DecidedBy = to, &now, actor.AccountID
		if prepare != nil {
			if err := prepare(&a); err != nil {
				return err
			}
		}
		if err := tx.Save(a); err != nil {
			return err
		}
		a.NewShopKey = nil
		out = a
		action, notice := "account.approve", notices.AccountApproved(a.ID)
		if to == StatusRejected {
			action, notice = "account.reject", notices.AccountRejected(a.ID, reason)
		}
		if err := tx.Notify(notice); err != nil {
			return err
		}
		return tx.Audit(actor.audit().Entry(action, a.ID, nil, reason, "role="+string(a.Role)))
	})
	return out, err
}

// ActivateShop enables an approved shop's address for payments: in one transaction it records the
// activation, writes the outbox intent that grants the address the accepting role on chain (sent later by
// the operator key's sender) and the audit entry. Activating twice returns the first intent. The actor
// needs accounts.approve.
func (s *Service) ActivateShop(ctx context.Context, actor Actor, id string) (Account, outbox.Intent, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Account{}, outbox.Intent{}, err
	}
	var (
		out    Account
		intent outbox.Intent
	)
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(id, true)
		if err != nil {
			return err
		}
		if a.Role != RoleShop {
			return ErrNotFound
		}
		if a.Status != StatusApproved || a.WalletAddress == "" {
			return ErrInvalidState
		}
		first := a.Shop.ActivatedAt == nil
		if first {
			now := s.now()
			a.Shop.ActivatedAt = &now
			if err := tx.Save(a); err != nil {
				return err
			}
		}
		intent, err = tx.Enqueue(ActivationIntent(a.ID, a.WalletAddress))
		if err != nil {
			return err
		}
		out = a
		if !first {
			return nil
		}
		return tx.Audit(actor.audit().Entry("shop.activate", a.ID, []string{"wallet_address"}, "", "grant_acceptor intent "+intent.IdempotencyKey))
	})
	return out, intent, err
}

// ActivationIntent is the outbox intent that enables a shop's address: grantRole(ACCEPTOR_ROLE, address),
// sent by the operator key, keyed by the shop's id so it is written once.
func ActivationIntent(shopID, address string) outbox.Intent {
	return acceptorIntent(outbox.KindGrantAcceptor, "shop-activate:"+shopID, address)
}

// acceptorIntent is the operator key's intent of kind (KindGrantAcceptor or KindRevokeAcceptor) for a
// shop's address, written once under key.
func acceptorIntent(kind outbox.Kind, key, address string) outbox.Intent {
	in := outbox.Intent{Signer: outbox.SignerOperator, Kind: kind, IdempotencyKey: key}
	in.Args.To = common.HexToAddress(address)
	return in
}

// ReadPersonal returns an account with its personal data for a staff member who holds
// accounts.read_personal and gives a reason. The read and its audit entry (who, when, which subject, which
// fields, why) are one transaction: there is no read without its entry.
func (s *Service) ReadPersonal(ctx context.Context, actor Actor, id, reason string) (Account, error) {
	if err := actor.require(PrivAccountsReadPersonal); err != nil {
		return Account{}, err
	}
	reason, err := NormalizeReason(reason)
	if err != nil {
		return Account{}, err
	}
	var out Account
	err = s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(id, false)
		if err != nil {
			return err
		}
		out = a
		return tx.Audit(actor.audit().Entry("account.read_personal", a.ID, PersonalFields(a), reason, ""))
	})
	return out, err
}

// PersonalFields names the personal fields an account holds (those that are set).
func PersonalFields(a Account) []string {
	var f []string
	add := func(name, v string) {
		if v != "" {
			f = append(f, name)
		}
	}
	add("email", a.Email)
	add("phone", a.Phone)
	add("wallet_address", a.WalletAddress)
	if a.Shop != nil {
		add("shop.legal_name", a.Shop.LegalName)
		add("shop.contact_name", a.Shop.ContactName)
		add("shop.kvk", a.Shop.KvK)
		add("shop.iban", a.Shop.IBAN)
		add("shop.address", a.Shop.Address)
	}
	return f
}
