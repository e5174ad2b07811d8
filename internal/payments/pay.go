package payments

import (
	"context"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/wakeup"
)

// Submission is the answer to a payment or refund: what was made, the relay intent and its signer, and the
// relay transaction's hash when it became known in time (zero otherwise). Replayed is set when the answer
// comes from an earlier request with the same Idempotency-Key.
type Submission struct {
	ID       string
	IntentID int64
	Signer   outbox.Signer
	TxHash   common.Hash
	Replayed bool
}

// Pay relays a resident's signed authorization for request id. It checks, in this order, that the request
// is not paid yet, not cancelled and not expired; that the signed recipient, value, window and nonce are the request's;
// that from is the caller's bound address and the signature is from's; that the nonce is unused on chain;
// and that the caller's spendable balance covers the amount. Then, in one transaction, it records the
// Idempotency-Key with a hash of the request, marks the request paid and writes the relay intent for the
// relayer that RelayerFor picks: the store reads what the checks need in one round trip and writes with the
// commit in another (Store.Pay). A replay of the key with the same request answers as the first time; with
// a different request it is ErrIdempotencyConflict. Any refusal changes nothing.
//
// After the commit Pay wakes the relayer and waits up to HashWait for the transaction hash.
func (s *Service) Pay(ctx context.Context, p accounts.Principal, id, key string, in PayInput) (Submission, error) {
	if p.Role != accounts.RoleResident {
		return Submission{}, accounts.ErrForbidden
	}
	if err := checkKey(key); err != nil {
		return Submission{}, err
	}
	a, want, err := in.parse()
	if err != nil {
		return Submission{}, err
	}
	hash := requestHash("pay", strings.ToLower(id), strings.ToLower(a.From.Hex()), strconv.FormatUint(a.ValidAfter, 10),
		strconv.FormatUint(a.ValidBefore, 10), a.Nonce.Hex(), hex.EncodeToString(a.Signature), want.String())
	var sub Submission
	var news *wakeup.Subscription
	defer s.locks.lock(p.AccountID)()
	err = s.store.Pay(ctx, p.AccountID, key, id, func(f PayFacts) (*PayWrite, error) {
		if f.Replay != nil {
			rec, _, err := idempotency.Check(*f.Replay, hash)
			sub = Submission{ID: strings.TrimPrefix(rec.Resource, "payment:"), IntentID: rec.IntentID, Replayed: true}
			return nil, err
		}
		r := f.Request
		switch {
		case !f.Found:
			return nil, ErrNotFound
		case f.Payer == (common.Address{}):
			return nil, ErrNoWallet
		}
		now := s.now()
		if err := check(s.opts.Domain, r, f.Payer, a, want, now); err != nil {
			return nil, err
		}
		if f.NonceUsed {
			return nil, ErrNonceUsed
		}
		if f.Spendable < r.AmountCents {
			return nil, ErrInsufficientBalance
		}
		a.To, a.Value = r.ShopAddress, bigCents(r.AmountCents)
		intent := s.relayIntent("payment:"+r.ID, a)
		intent.ID = f.IntentID
		// Listening starts before the commit, so the sender's news of the new intent cannot be missed.
		news = s.hub.Subscribe(wakeup.IntentTopic(intent.ID))
		r.PayerID, r.PayerAddress, r.IntentID, r.SubmittedAt = p.AccountID, f.Payer, intent.ID, &now
		sub = Submission{ID: r.ID, IntentID: intent.ID, Signer: intent.Signer}
		return &PayWrite{Intent: intent, Request: r, Signature: a.Signature, Idempotency: idempotency.Record{
			AccountID: p.AccountID, Key: key, RequestHash: hash, Resource: "payment:" + r.ID, IntentID: intent.ID}}, nil
	})
	if err != nil {
		if news != nil {
			news.Close()
		}
		return Submission{}, err
	}
	if !sub.Replayed {
		s.hub.Publish(wakeup.RequestTopic(sub.ID))
		s.opts.Kick(sub.Signer)
	}
	sub.TxHash, err = s.awaitTxHash(ctx, sub.IntentID, news)
	return sub, err
}

// relayIntent is the outbox intent that relays an authorization, for the relayer of its payer.
func (s *Service) relayIntent(key string, a Authorization) outbox.Intent {
	return outbox.Intent{Signer: s.RelayerFor(a.From), Kind: outbox.KindTransferWithAuthorization, IdempotencyKey: key,
		Args: outbox.Args{From: a.From, To: a.To, Amount: a.Value, ValidAfter: a.ValidAfter, ValidBefore: a.ValidBefore,
			Nonce: a.Nonce, Signature: a.Signature}}
}

// signedTerms are the recipient and value a client may send beside its signature; zero fields were left out.
type signedTerms struct {
	To    common.Address
	Value *uint64
}

func (t signedTerms) String() string {
	v := ""
	if t.Value != nil {
		v = strconv.FormatUint(*t.Value, 10)
	}
	return strings.ToLower(t.To.Hex()) + "/" + v
}

// check decides whether authorization a, with the recipient and value the client says it signed, pays
// request r for a resident whose bound address is payer. The order of the checks is Pay's.
func check(d Domain, r Request, payer common.Address, a Authorization, want signedTerms, now time.Time) error {
	switch r.Status {
	case StatusSubmitted, StatusConfirmed:
		return ErrAlreadyPaid
	case StatusFailed:
		return ErrPaymentFailed
	case StatusCancelled:
		return ErrRequestCancelled
	}
	switch {
	case r.Status == StatusExpired || !now.Before(r.ExpiresAt):
		return ErrRequestExpired
	case want.To != (common.Address{}) && want.To != r.ShopAddress:
		return ErrRecipientMismatch
	case want.Value != nil && *want.Value != uint64(r.AmountCents):
		return ErrAmountMismatch
	case a.ValidAfter != r.ValidAfter || a.ValidBefore != r.ValidBefore:
		return ErrWindowMismatch
	case a.Nonce != r.Nonce:
		return ErrNonceMismatch
	case a.From != payer:
		return ErrSignerMismatch
	}
	a.To, a.Value = r.ShopAddress, bigCents(r.AmountCents)
	signer, err := Signer(d, a)
	if err != nil {
		return err
	}
	if signer != payer {
		return ErrSignerMismatch
	}
	return nil
}

// awaitTxHash waits until the intent's transaction hash is known, the intent failed, HashWait passed or
// ctx ended, whichever comes first. Only errors of the store are returned: a hash that is not known in time
// is the zero hash. news, when not nil, is a subscription to the intent taken before the intent was
// committed: nothing can have happened to the intent that it missed, so the first read waits for news.
func (s *Service) awaitTxHash(ctx context.Context, intentID int64, news *wakeup.Subscription) (common.Hash, error) {
	sub, read := news, news == nil
	if sub == nil {
		sub = s.hub.Subscribe(wakeup.IntentTopic(intentID))
	}
	defer sub.Close()
	deadline := time.NewTimer(s.opts.HashWait)
	defer deadline.Stop()
	for {
		if read {
			st, h, err := s.store.IntentState(ctx, intentID)
			if err != nil || h != (common.Hash{}) || st == outbox.StatusFailed || st == outbox.StatusConfirmed {
				return h, err
			}
		}
		read = true
		select {
		case <-sub.C():
			if h := sub.TxHash(); h != (common.Hash{}) {
				return h, nil // the sender's news carries it: no read
			}
		case <-time.After(pollFallback):
		case <-deadline.C:
			return common.Hash{}, nil
		case <-ctx.Done():
			return common.Hash{}, nil
		}
	}
}

// pollFallback is how often waiters read the database in case the news comes from a sender in another API
// instance, which cannot wake them.
const pollFallback = 500 * time.Millisecond
