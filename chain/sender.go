package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/internal/outbox"
)

// Sender is the one owner of a signing key's nonce. It takes the key's queued intents from the outbox, checks
// each with eth_call, signs it with the next nonce, stores the signed transaction before broadcasting it,
// rebroadcasts what the node forgot, replaces what is underpriced, and records the receipt's outcome. Because
// a nonce is stored with its intent before anything leaves the process, a crash or a node outage can delay
// an intent but never send it twice: the chain accepts one transaction per nonce.
type Sender struct {
	name   outbox.Signer
	key    *ecdsa.PrivateKey
	addr   common.Address
	client *Client
	store  outbox.Store
	token  *Token
	log    *slog.Logger

	// Confirmations is how many blocks must follow a receipt's block before the intent counts as final.
	Confirmations uint64
	// PollInterval is how often the queue and the chain head are read.
	PollInterval time.Duration
	// RebroadcastAfter is how long a sent transaction may go without a receipt before it is sent again.
	RebroadcastAfter time.Duration
	// BatchSize bounds the intents signed per round.
	BatchSize int
	// WarnEvery is how often a failure that repeats (the node or the database down) is logged again, with
	// the count held back in between; its first time and the recovery are logged at once.
	WarnEvery time.Duration

	kick     chan struct{}
	owned    atomic.Bool // Run holds the key's lock
	suspects map[int64]int
	lastHead uint64
	mu       sync.Mutex
	next     uint64
	// inflight are the key's sent intents, lowest nonce first. The sender is their only writer, so after
	// reading them once it keeps them in memory; stale asks for a fresh read after a round went wrong.
	inflight []outbox.Intent
	stale    bool
	// scanned is the newest block whose receipts were searched for this key's transactions.
	scanned uint64
	funds   funds
	// failures logs the repeating failures of Run (WarnEvery).
	failures *failureLog
}

// RetryRevertedAfter is how long an intent of the municipality whose pre-check reverted waits before the
// next try.
var RetryRevertedAfter = 10 * time.Second

// NewSender returns a sender for key under the given name (outbox.SignerMinter, outbox.Relayer(0), …).
func NewSender(name outbox.Signer, key *ecdsa.PrivateKey, client *Client, store outbox.Store, token *Token, log *slog.Logger) *Sender {
	return &Sender{
		name: name, key: key, addr: crypto.PubkeyToAddress(key.PublicKey), client: client, store: store, token: token,
		log:              log.With("signer", name),
		PollInterval:     100 * time.Millisecond,
		RebroadcastAfter: 5 * time.Second,
		BatchSize:        500,
		WarnEvery:        time.Minute,
		kick:             make(chan struct{}, 1),
		suspects:         map[int64]int{},
	}
}

// Name is the signer name that intents use to pick this sender.
func (s *Sender) Name() outbox.Signer { return s.name }

// Address is the key's address.
func (s *Sender) Address() common.Address { return s.addr }

// Owns tells whether this sender holds its key's lock now, so that a Kick reaches the one sender of the key;
// while another process holds the lock, news of the key's intents must go to that process.
func (s *Sender) Owns() bool { return s.owned.Load() }

// Kick wakes the sender now instead of at its next poll.
func (s *Sender) Kick() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Run owns the key until ctx ends. It waits while another process owns the key. Errors from the chain or the
// database are logged and retried; Run returns only when ctx is done or the key's registration is refused.
func (s *Sender) Run(ctx context.Context) error {
	s.failures = newFailureLog(s.log, s.WarnEvery)
	release, err := s.acquire(ctx)
	if err != nil {
		return err
	}
	s.owned.Store(true)
	defer func() {
		s.owned.Store(false)
		release()
	}()
	if err := s.recover(ctx); err != nil {
		return err
	}
	t := time.NewTicker(s.PollInterval)
	defer t.Stop()
	for {
		switch err := s.Step(ctx); {
		case err != nil && ctx.Err() == nil:
			s.failures.Fail("sender round failed; retrying", "err", err)
		case err == nil:
			s.failures.OK("sender rounds work again")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.kick:
		}
	}
}

func (s *Sender) acquire(ctx context.Context) (func(), error) {
	for {
		release, err := s.store.Lock(ctx, s.name)
		if err == nil {
			return release, nil
		}
		if !errors.Is(err, outbox.ErrLockHeld) {
			s.failures.Fail("cannot take the key lock; retrying", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// recover runs once the key is owned: it reconciles the database's next nonce with the chain's and
// rebroadcasts every transaction that was signed but may not have reached the node.
func (s *Sender) recover(ctx context.Context) error {
	for {
		err := s.tryRecover(ctx)
		if err == nil || ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, outbox.ErrKeyMismatch) {
			return err
		}
		s.failures.Fail("sender recovery failed; retrying", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func (s *Sender) tryRecover(ctx context.Context) error {
	next, err := s.store.RegisterKey(ctx, s.name, s.addr)
	if err != nil {
		return err
	}
	onChain, err := s.client.NonceAt(ctx, s.addr, nil)
	if err != nil {
		return err
	}
	if onChain > next {
		// Someone used this key outside the platform; the nonces up to onChain are gone.
		s.log.Warn("the chain is ahead of the outbox for this key", "outbox_next", next, "chain_next", onChain)
		if err := s.store.SetNextNonce(ctx, s.name, onChain); err != nil {
			return err
		}
		next = onChain
	}
	s.mu.Lock()
	s.next = next
	s.mu.Unlock()
	if err := s.reload(ctx); err != nil {
		return err
	}
	if err := s.confirm(ctx, true); err != nil {
		return err
	}
	if len(s.inflight) > 0 {
		s.log.Info("resending transactions signed before the restart", "count", len(s.inflight))
	}
	return s.broadcast(ctx, s.inflight)
}

// reload reads the in-flight intents from the store.
func (s *Sender) reload(ctx context.Context) error {
	inflight, err := s.store.InFlight(ctx, s.name)
	if err != nil {
		return err
	}
	s.inflight, s.stale = inflight, false
	return nil
}

// Step does one round: send new intents, record receipts, rebroadcast stale ones.
func (s *Sender) Step(ctx context.Context) (err error) {
	defer func() {
		if err != nil {
			// What the store holds may now differ from what this sender remembers: read it again.
			s.stale = true
		}
	}()
	if s.stale {
		if err := s.reload(ctx); err != nil {
			return fmt.Errorf("reading in-flight intents: %w", err)
		}
	}
	// Sending comes first: a payment waiting at the till should not wait for the receipts of earlier ones.
	if err := s.sendQueued(ctx); err != nil {
		return fmt.Errorf("sending: %w", err)
	}
	if err := s.confirm(ctx, false); err != nil {
		return fmt.Errorf("confirming: %w", err)
	}
	s.watchFunds(ctx)
	return nil
}

// sendQueued checks, signs, stores and broadcasts the next batch of queued intents.
func (s *Sender) sendQueued(ctx context.Context) error {
	queued, err := s.store.Queued(ctx, s.name, s.BatchSize)
	if err != nil || len(queued) == 0 {
		return err
	}
	type call struct {
		in   outbox.Intent
		data []byte
		gas  uint64
	}
	var calls []call
	var checks []checkCall
	// final are the intents that end without a transaction of their own: failed, or carried out before.
	var final []outbox.Outcome
	for _, in := range queued {
		data, gas, err := s.token.Encode(in.Kind, in.Args)
		if err != nil {
			final = append(final, outbox.Outcome{IntentID: in.ID, Status: outbox.StatusFailed, Error: err.Error()})
			continue
		}
		calls = append(calls, call{in: in, data: data, gas: gas})
		checks = append(checks, checkCall{data: data, gas: gas})
	}
	reverted, reasons, err := s.preCheck(ctx, checks)
	if err != nil {
		return err
	}
	baseFee, err := s.baseFee(ctx)
	if err != nil {
		return err
	}
	tip := big.NewInt(1_000_000_000)
	fee := feeCap(baseFee, tip)
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.next
	var signed []outbox.Signed
	var toSend []outbox.Intent
	for i, c := range calls {
		if reverted[i] {
			reason := reasons[i]
			if reason == errReferenceUsed && refScoped(c.in.Kind) {
				// Carried out before under the same reference: record that transaction, or wait for it.
				o, err := s.settleDoneBefore(ctx, c.in)
				if err != nil {
					return err
				}
				if o != nil {
					final = append(final, *o)
				}
				continue
			}
			if revertIsFinal(c.in.Kind, reason) {
				// A resident's payment or cancellation that would revert fails at once, with the reason, and
				// moves nothing; so does a recovery the contract will never carry out.
				final = append(final, outbox.Outcome{IntentID: c.in.ID, Status: outbox.StatusFailed, Error: "pre-check: " + reason})
			} else {
				// The municipality's own movements (mints, redeems, roles) must happen: a revert here is a
				// condition to fix (a paused contract, a missing role), so they wait and are tried again.
				s.log.Warn("intent would revert; postponed", "intent", c.in.ID, "kind", c.in.Kind, "reason", reason)
				postponed.WithLabelValues(string(s.name)).Inc()
				if err := s.store.Postpone(ctx, c.in.ID, "pre-check: "+reason, time.Now().Add(RetryRevertedAfter)); err != nil {
					return err
				}
			}
			continue
		}
		to := s.token.Address
		tx, err := s.sign(next, &to, c.data, c.gas, tip, fee)
		if err != nil {
			return err
		}
		raw, _ := tx.MarshalBinary()
		signed = append(signed, outbox.Signed{IntentID: c.in.ID, Nonce: next, TxHash: tx.Hash(), RawTx: raw})
		nonce := next
		c.in.RawTx, c.in.TxHash, c.in.Nonce, c.in.Status, c.in.Attempts = raw, tx.Hash(), &nonce, outbox.StatusSent, c.in.Attempts+1
		toSend = append(toSend, c.in)
		next++
	}
	if err := s.store.Finish(ctx, final); err != nil {
		return err
	}
	recordOutcomes(s.name, final)
	if len(signed) == 0 {
		return nil
	}
	// The signed transactions are stored before they are broadcast: from here on, a crash only delays them.
	if err := s.store.AssignNonces(ctx, s.name, signed, next); err != nil {
		// The commit may have happened even though we saw an error: read the next nonce back, so the next
		// round neither reuses a stored nonce nor leaves a gap. Stored but unsent transactions are rebroadcast.
		if stored, rerr := s.store.RegisterKey(ctx, s.name, s.addr); rerr == nil {
			s.next = stored
		}
		return err
	}
	s.next = next
	now := time.Now()
	for i := range toSend {
		toSend[i].SentAt = now
	}
	s.inflight = append(s.inflight, toSend...)
	sent.WithLabelValues(string(s.name)).Add(float64(len(signed)))
	return s.broadcast(ctx, toSend)
}

// broadcast sends raw transactions in nonce order. A node that already has or already mined one answers with
// an error that is harmless here; other errors are logged, and the transaction is sent again later.
func (s *Sender) broadcast(ctx context.Context, ins []outbox.Intent) error {
	if len(ins) == 0 {
		return nil
	}
	batch := make([]rpc.BatchElem, len(ins))
	for i, in := range ins {
		batch[i] = rpc.BatchElem{Method: "eth_sendRawTransaction", Args: []any{hexutil.Bytes(in.RawTx)}, Result: new(common.Hash)}
	}
	if err := s.batchCall(ctx, batch); err != nil {
		return err
	}
	refused := 0
	for i, b := range batch {
		if b.Error == nil || harmlessSendError(b.Error) {
			continue
		}
		if insufficientFunds(b.Error) {
			// Logged once per stall by noteBroadcast, not once per transaction and retry.
			refused++
			continue
		}
		s.log.Warn("node refused a transaction; it will be sent again", "intent", ins[i].ID, "err", b.Error)
	}
	s.noteBroadcast(len(batch), refused)
	return nil
}

func harmlessSendError(err error) bool {
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "already known") || strings.Contains(m, "nonce too low") ||
		strings.Contains(m, "known transaction")
}

func (s *Sender) sign(nonce uint64, to *common.Address, data []byte, gas uint64, tip, fee *big.Int) (*types.Transaction, error) {
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: s.client.ChainID, Nonce: nonce, To: to, Data: data, Gas: gas,
		GasTipCap: tip, GasFeeCap: fee})
	return types.SignTx(tx, types.LatestSignerForChainID(s.client.ChainID), s.key)
}
