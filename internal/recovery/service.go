package recovery

import (
	"context"
	"encoding/hex"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/eip712"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// MaxList is the most recoveries one List returns.
const MaxList = 200

// Service runs recoveries: the resident's ask, staff's verification and approval, the lost key's
// cancellation, and (Settle) the chain's part after approval.
type Service struct {
	store  Store
	chain  Chain
	domain Domain
	// enabled is false when the platform has no recovery key: nothing can be asked then.
	enabled bool
	now     func() time.Time
}

// New returns the service. chain reads the contract's recoveries; d is the coin's EIP-712 domain; enabled
// says whether a recovery key sends the intents (without one, Ask answers ErrUnavailable).
func New(store Store, chain Chain, d Domain, enabled bool) *Service {
	return &Service{store: store, chain: chain, domain: d, enabled: enabled, now: time.Now}
}

// Domain is the coin's EIP-712 domain in which cancellations are signed.
func (s *Service) Domain() Domain { return s.domain }

// Ask starts the recovery of the signed-in resident's coins from the bound (lost) address to address, the
// new key's, which proves itself by signature over the resident's latest wallet challenge (nonce "" for the
// latest; GET /v1/me/wallet/challenge), used up by a successful ask. The account must be an approved resident
// with a bound address; the new address must differ from it and belong to no account; one recovery of an
// account is open at a time (ErrOpen). Nothing goes on chain until two members of staff agree.
func (s *Service) Ask(ctx context.Context, p accounts.Principal, address, signature, nonce string) (Recovery, error) {
	if p.Role != accounts.RoleResident {
		return Recovery{}, ErrForbidden
	}
	if !s.enabled {
		return Recovery{}, ErrUnavailable
	}
	if !common.IsHexAddress(address) || !strings.HasPrefix(address, "0x") {
		return Recovery{}, &InvalidError{"address", "must be a 0x-prefixed 20-byte hex address"}
	}
	to := strings.ToLower(common.HexToAddress(address).Hex())
	sig, err := hex.DecodeString(strings.TrimPrefix(signature, "0x"))
	if err != nil || len(sig) != 65 {
		return Recovery{}, &InvalidError{"signature", "must be a 65-byte hex signature"}
	}
	var out Recovery
	err = s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.LockAccount(p.AccountID)
		if err != nil {
			return err
		}
		switch {
		case a.Role != string(accounts.RoleResident) || a.Status != string(accounts.StatusApproved):
			return ErrForbidden
		case a.WalletAddress == "":
			return ErrNoWallet
		case a.WalletAddress == to:
			return ErrSameAddress
		}
		c, err := tx.LockChallenge(a.ID, nonce)
		if err != nil {
			return err
		}
		now := s.now()
		if err := c.Proves(now, sig, to); err != nil {
			return err
		}
		if bound, err := tx.AddressBound(to); err != nil || bound {
			if err == nil {
				err = ErrAddressTaken
			}
			return err
		}
		out = Recovery{ID: uuid.NewString(), AccountID: a.ID, From: a.WalletAddress, To: to, Status: StatusAsked, AskedAt: now}
		if err := tx.Create(out); err != nil {
			return err
		}
		if err := tx.Notify(notices.RecoveryAsked(a.ID, out.ID)); err != nil {
			return err
		}
		return tx.UseChallenge(c.Nonce, now)
	})
	return out, err
}

// Mine returns the signed-in resident's latest recovery; ErrNotFound when it never asked.
func (s *Service) Mine(ctx context.Context, p accounts.Principal) (Recovery, error) {
	if p.Role != accounts.RoleResident {
		return Recovery{}, ErrForbidden
	}
	return s.store.Latest(ctx, p.AccountID)
}

// List returns the recoveries in a status ("" for every open one), oldest first, for staff with
// accounts.approve.
func (s *Service) List(ctx context.Context, actor accounts.Actor, status Status) ([]Recovery, error) {
	if !actor.Has(accounts.PrivAccountsApprove) {
		return nil, accounts.ErrForbidden
	}
	return s.store.List(ctx, status, MaxList)
}

// Get returns one recovery, for staff with accounts.approve.
func (s *Service) Get(ctx context.Context, actor accounts.Actor, id string) (Recovery, error) {
	if !actor.Has(accounts.PrivAccountsApprove) {
		return Recovery{}, accounts.ErrForbidden
	}
	return s.store.Get(ctx, id)
}

// Verify records that the acting member of staff (accounts.approve) checked the person's identity, at the
// counter as for the municipality's other services; the recovery then waits for a second member of staff.
// Audited.
func (s *Service) Verify(ctx context.Context, actor accounts.Actor, id string) (Recovery, error) {
	return s.decide(ctx, actor, id, func(tx Tx, r *Recovery, now time.Time) (audit.Entry, error) {
		if r.Status != StatusAsked {
			return audit.Entry{}, ErrInvalidState
		}
		r.Status, r.VerifiedBy, r.VerifiedAt = StatusVerified, actor.AccountID, &now
		return auditActor(actor).Entry("recovery.verify", r.AccountID, []string{"wallet_address"}, "",
			"recovery "+r.ID+": identity verified"), nil
	})
}

// Approve is the second member of staff's approval (accounts.approve; not the one who verified:
// ErrSameStaff). In the same transaction the request to the contract is written to the outbox for the recovery
// key, after checking again that the account is still bound to the lost address and the new one is nobody's.
// Audited.
func (s *Service) Approve(ctx context.Context, actor accounts.Actor, id string) (Recovery, error) {
	return s.decide(ctx, actor, id, func(tx Tx, r *Recovery, now time.Time) (audit.Entry, error) {
		switch {
		case r.Status != StatusVerified:
			return audit.Entry{}, ErrInvalidState
		case r.VerifiedBy == actor.AccountID:
			return audit.Entry{}, ErrSameStaff
		}
		a, err := tx.LockAccount(r.AccountID)
		if err != nil {
			return audit.Entry{}, err
		}
		if a.WalletAddress != r.From || a.Status != string(accounts.StatusApproved) {
			return audit.Entry{}, ErrInvalidState
		}
		if bound, err := tx.AddressBound(r.To); err != nil || bound {
			if err == nil {
				err = ErrAddressTaken
			}
			return audit.Entry{}, err
		}
		in, err := tx.Enqueue(RequestIntent(*r))
		if err != nil {
			return audit.Entry{}, err
		}
		r.Status, r.ApprovedBy, r.ApprovedAt, r.RequestIntentID = StatusApproved, actor.AccountID, &now, in.ID
		return auditActor(actor).Entry("recovery.approve", r.AccountID, []string{"wallet_address"}, "",
			"recovery "+r.ID+": approved after verification by another member of staff; request_recovery intent "+in.IdempotencyKey), nil
	})
}

// Reject refuses a recovery that is not approved yet, for a reason (accounts.approve). Audited.
func (s *Service) Reject(ctx context.Context, actor accounts.Actor, id, reason string) (Recovery, error) {
	reason, err := accounts.NormalizeReason(reason)
	if err != nil {
		return Recovery{}, err
	}
	return s.decide(ctx, actor, id, func(tx Tx, r *Recovery, now time.Time) (audit.Entry, error) {
		if r.Status != StatusAsked && r.Status != StatusVerified {
			return audit.Entry{}, ErrInvalidState
		}
		r.Status, r.RejectedBy, r.RejectReason, r.DoneAt = StatusRejected, actor.AccountID, reason, &now
		return auditActor(actor).Entry("recovery.reject", r.AccountID, nil, reason, "recovery "+r.ID+": rejected"), nil
	})
}

func (s *Service) decide(ctx context.Context, actor accounts.Actor, id string,
	change func(Tx, *Recovery, time.Time) (audit.Entry, error)) (Recovery, error) {
	if !actor.Has(accounts.PrivAccountsApprove) {
		return Recovery{}, accounts.ErrForbidden
	}
	var out Recovery
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.Lock(id)
		if err != nil {
			return err
		}
		e, err := change(tx, &r, s.now())
		if err != nil {
			return err
		}
		if err := tx.Save(r); err != nil {
			return err
		}
		out = r
		return tx.Audit(e)
	})
	return out, err
}

// Cancel cancels a recovery on the strength of the lost key's signature of its CancelRecovery message
// (CancelTypedData); no sign-in is needed, since the owner of the lost key may have lost the password to a
// thief. One that never reached the chain is cancelled at once; one approved is cancelled on chain through the
// recovery key, before its delay ends (after it, the contract decides which came first). A repeat while
// cancelling changes nothing.
func (s *Service) Cancel(ctx context.Context, id, signature string) (Recovery, error) {
	sig, err := hex.DecodeString(strings.TrimPrefix(signature, "0x"))
	if err != nil || len(sig) != 65 {
		return Recovery{}, &InvalidError{"signature", "must be a 65-byte hex signature"}
	}
	var out Recovery
	err = s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.Lock(id)
		if err != nil {
			return err
		}
		digest, err := CancelTypedData(s.domain, r).Hash()
		if err != nil {
			return err
		}
		if signer, err := eip712.Signer(digest, sig); err != nil || signer != common.HexToAddress(r.From) {
			return ErrBadSignature
		}
		now := s.now()
		switch r.Status {
		case StatusCancelling:
			out = r
			return nil
		case StatusAsked, StatusVerified:
			r.Status, r.DoneAt = StatusCancelled, &now
			if err := tx.Notify(notices.RecoveryCancelled(r.AccountID, r.ID)); err != nil {
				return err
			}
		case StatusApproved:
			r.Status = StatusCancelling
			if r.RequestStatus == outbox.StatusConfirmed {
				in, err := tx.Enqueue(CancelIntent(r, sig))
				if err != nil {
					return err
				}
				r.CancelIntentID = in.ID
			}
		default:
			return ErrInvalidState
		}
		r.CancelSignature = sig
		if err := tx.Save(r); err != nil {
			return err
		}
		out = r
		return tx.Audit(audit.Actor{}.Entry("recovery.cancel", r.AccountID, nil, "",
			"recovery "+r.ID+": cancelled with the lost key's signature"))
	})
	return out, err
}

// RequestIntent is the outbox intent that asks the contract for recovery r, keyed by the recovery.
func RequestIntent(r Recovery) outbox.Intent {
	in := outbox.Intent{Signer: Signer, Kind: outbox.KindRequestRecovery, IdempotencyKey: "recovery-request:" + r.ID}
	in.Args.From, in.Args.To, in.Args.Ref = common.HexToAddress(r.From), common.HexToAddress(r.To), r.Ref()
	return in
}

// CancelIntent is the outbox intent that relays the lost key's cancellation of r, keyed by the recovery.
func CancelIntent(r Recovery, sig []byte) outbox.Intent {
	in := outbox.Intent{Signer: Signer, Kind: outbox.KindCancelRecovery, IdempotencyKey: "recovery-cancel:" + r.ID}
	in.Args.Ref, in.Args.Signature = r.Ref(), sig
	return in
}

// ExecuteIntent is the outbox intent that carries recovery r out, keyed by the recovery.
func ExecuteIntent(r Recovery) outbox.Intent {
	in := outbox.Intent{Signer: Signer, Kind: outbox.KindExecuteRecovery, IdempotencyKey: "recovery-execute:" + r.ID}
	in.Args.From, in.Args.To, in.Args.Ref = common.HexToAddress(r.From), common.HexToAddress(r.To), r.Ref()
	return in
}

func auditActor(a accounts.Actor) audit.Actor {
	return audit.Actor{ID: a.AccountID, Username: a.Username, RequestID: a.RequestID, SourceIP: a.SourceIP}
}
