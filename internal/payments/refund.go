package payments

import (
	"context"
	"crypto/rand"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/idempotency"
)

// refundValidity is how long a refund's authorization stays valid on chain after it was signed.
const refundValidity = time.Hour

// Refund gives amountCents of a confirmed payment back to the resident who paid it, for the reason given.
// Only the shop that was paid may refund, within RefundWindow of the payment's confirmation, and all
// refunds of a payment together (those that have not failed) never exceed it. The server signs an EIP-3009
// authorization from the shop to the resident with the shop's own key and writes its relay intent in the
// same transaction as the refund and the Idempotency-Key record; the closed loop allows a shop to pay a
// resident. A replay of the key answers as the first time. Any refusal changes nothing.
func (s *Service) Refund(ctx context.Context, p accounts.Principal, paymentID, key string, amountCents int64, reason string) (Submission, error) {
	if p.Role != accounts.RoleShop {
		return Submission{}, accounts.ErrForbidden
	}
	if err := checkKey(key); err != nil {
		return Submission{}, err
	}
	if amountCents <= 0 || amountCents > MaxAmountCents {
		return Submission{}, invalid("amount_cents", "must be a positive number of cents, at most the payment")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > MaxReasonLen {
		return Submission{}, invalid("reason", "is required and has at most 500 characters")
	}
	hash := requestHash("refund", strings.ToLower(paymentID), strconv.FormatInt(amountCents, 10), reason)
	var sub Submission
	err := s.inAccountTx(ctx, p.AccountID, func(tx Tx) error {
		if rec, replay, err := idempotency.Replay(tx, p.AccountID, key, hash); err != nil || replay {
			sub = Submission{ID: strings.TrimPrefix(rec.Resource, "refund:"), IntentID: rec.IntentID, Replayed: true}
			return err
		}
		r, err := tx.LockRequest(paymentID)
		if err != nil {
			return err
		}
		now := s.now()
		if err := s.refundable(tx, r, p, amountCents, now); err != nil {
			return err
		}
		ref := Refund{ID: uuid.NewString(), PaymentID: r.ID, ShopID: r.ShopID, ShopAddress: r.ShopAddress,
			ResidentAddress: r.PayerAddress, AmountCents: amountCents, Reason: reason, CreatedAt: now}
		a, err := s.signRefund(tx, ref, now)
		if err != nil {
			return err
		}
		intent, err := tx.Enqueue(s.relayIntent("refund:"+ref.ID, a))
		if err != nil {
			return err
		}
		ref.Nonce, ref.IntentID = a.Nonce, intent.ID
		if err := tx.CreateRefund(ref); err != nil {
			return err
		}
		sub = Submission{ID: ref.ID, IntentID: intent.ID, Signer: intent.Signer}
		return tx.SaveIdempotency(idempotency.Record{AccountID: p.AccountID, Key: key, RequestHash: hash,
			Resource: "refund:" + ref.ID, IntentID: intent.ID})
	})
	if err != nil {
		return Submission{}, err
	}
	if !sub.Replayed {
		s.opts.Kick(sub.Signer)
	}
	sub.TxHash, err = s.awaitTxHash(ctx, sub.IntentID, nil)
	return sub, err
}

// refundable checks that the shop p may refund amountCents of payment r at now.
func (s *Service) refundable(tx Tx, r Request, p accounts.Principal, amountCents int64, now time.Time) error {
	if r.ShopID != p.AccountID {
		return ErrNotFound
	}
	if r.Status != StatusConfirmed || r.DoneAt == nil {
		return ErrNotRefundable
	}
	if now.After(r.DoneAt.Add(s.opts.RefundWindow)) {
		return ErrRefundWindowClosed
	}
	refunded, err := tx.RefundedCents(r.ID)
	if err != nil {
		return err
	}
	if refunded+amountCents > r.AmountCents {
		return ErrRefundTooLarge
	}
	spendable, err := tx.Spendable(r.ShopAddress)
	if err != nil {
		return err
	}
	if spendable < amountCents {
		return ErrInsufficientBalance
	}
	return nil
}

// signRefund makes the shop's signed authorization of a refund, with a fresh random nonce.
func (s *Service) signRefund(tx Tx, ref Refund, now time.Time) (Authorization, error) {
	raw, err := tx.ShopKey(ref.ShopID)
	if err != nil {
		return Authorization{}, err
	}
	key, err := crypto.ToECDSA(raw)
	if err != nil {
		return Authorization{}, errors.New("payments: the shop's stored key is unreadable")
	}
	if crypto.PubkeyToAddress(key.PublicKey) != ref.ShopAddress {
		return Authorization{}, errors.New("payments: the shop's stored key is not its address's key")
	}
	a := Authorization{From: ref.ShopAddress, To: ref.ResidentAddress, Value: bigCents(ref.AmountCents),
		ValidAfter: uint64(now.Add(-windowLead).Unix()), ValidBefore: uint64(now.Add(refundValidity).Unix())}
	if _, err := rand.Read(a.Nonce[:]); err != nil {
		return Authorization{}, err
	}
	a.Signature, err = Sign(s.opts.Domain, a, key)
	return a, err
}
