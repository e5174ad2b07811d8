package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"sync"
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
	name   string
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

// NewSender returns a sender for key under the given name ("minter", "relayer-0", …).
func NewSender(name string, key *ecdsa.PrivateKey, client *Client, store outbox.Store, token *Token, log *slog.Logger) *Sender {
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
func (s *Sender) Name() string { return s.name }

// Address is the key's address.
func (s *Sender) Address() common.Address { return s.addr }

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
	defer release()
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
		if strings.Contains(err.Error(), "registered") {
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

// confirm looks up receipts of the in-flight intents when a new block arrived (or always when force).
func (s *Sender) confirm(ctx context.Context, force bool) error {
	head, err := s.client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	inflight := s.inflight
	if head == s.lastHead && !force {
		return s.rebroadcastStale(ctx, inflight)
	}
	if len(inflight) == 0 {
		s.lastHead, s.scanned = head, head
		return nil
	}
	// The nonce at head is read before the receipts: every nonce below it was mined at or before head,
	// so its receipt must be visible by the time we ask for it.
	nonceAtHead, err := s.client.NonceAt(ctx, s.addr, new(big.Int).SetUint64(head))
	if err != nil {
		return err
	}
	// Only nonces below the one at head can have been mined: the others need no receipt lookup yet.
	var mined []outbox.Intent
	for _, in := range inflight {
		if *in.Nonce < nonceAtHead {
			mined = append(mined, in)
		}
	}
	receipts, err := s.receipts(ctx, mined, head)
	if err != nil {
		return err
	}
	var done []outbox.Outcome
	// still are the intents that stay in flight after this round: all but the finished and the requeued.
	var waiting, still []outbox.Intent
	for _, in := range inflight {
		r := receipts[in.ID]
		switch {
		case r != nil && r.BlockNumber.Uint64()+s.Confirmations <= head:
			o := outbox.Outcome{IntentID: in.ID, Status: outbox.StatusConfirmed, TxHash: r.TxHash, BlockNumber: r.BlockNumber.Uint64()}
			if r.Status != types.ReceiptStatusSuccessful {
				o.Status, o.Error = outbox.StatusFailed, s.revertReason(ctx, in, r)
				earlier, err := s.doneBeforeReceipt(ctx, in, r)
				if err != nil {
					return err
				}
				if earlier != nil {
					o = *earlier
				}
			}
			done = append(done, o)
			delete(s.suspects, in.ID)
		case r != nil:
			// Mined, waiting for confirmations.
			still = append(still, in)
		case *in.Nonce < nonceAtHead:
			// The nonce is used but none of our transactions for it has a receipt: another transaction took it.
			// Only after seeing that on two different heads is the intent queued again for a new nonce.
			if s.suspects[in.ID]++; s.suspects[in.ID] >= 2 {
				s.log.Warn("nonce taken by a foreign transaction; queueing the intent again", "intent", in.ID, "nonce", *in.Nonce)
				if err := s.store.Requeue(ctx, in.ID, "nonce used by another transaction"); err != nil {
					return err
				}
				delete(s.suspects, in.ID)
				continue
			}
			still = append(still, in)
		default:
			waiting = append(waiting, in)
			still = append(still, in)
		}
	}
	if err := s.store.Finish(ctx, done); err != nil {
		return err
	}
	recordOutcomes(s.name, done)
	s.inflight = still
	s.lastHead = head
	return s.rebroadcastStale(ctx, waiting)
}

// receipts finds the receipts of the mined intents, keyed by intent id. It searches the blocks that arrived
// since the last search (shared with the process's other senders, one eth_getBlockReceipts per block) and
// asks by transaction hash only for intents not found there: those mined before a restart or a long pause,
// and those still waiting for confirmations, whose block may have been replaced since.
func (s *Sender) receipts(ctx context.Context, ins []outbox.Intent, head uint64) (map[int64]*types.Receipt, error) {
	out := map[int64]*types.Receipt{}
	if len(ins) == 0 {
		s.scanned = head
		return out, nil
	}
	want := map[common.Hash]int64{}
	for _, in := range ins {
		for _, h := range in.Hashes() {
			want[h] = in.ID
		}
	}
	from := s.scanned + 1
	if s.scanned == 0 || head-s.scanned > receiptsKept {
		from = head + 1
	}
	for b := from; b <= head; b++ {
		rs, err := s.client.BlockReceipts(ctx, b)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if id, ok := want[r.TxHash]; ok {
				out[id] = r
			}
		}
	}
	s.scanned = head
	type ask struct {
		id int64
		r  *types.Receipt
	}
	var asks []*ask
	var batch []rpc.BatchElem
	for _, in := range ins {
		if out[in.ID] != nil {
			continue
		}
		for _, h := range in.Hashes() {
			a := &ask{id: in.ID}
			asks = append(asks, a)
			batch = append(batch, rpc.BatchElem{Method: "eth_getTransactionReceipt", Args: []any{h}, Result: &a.r})
		}
	}
	if err := s.batchCall(ctx, batch); err != nil {
		return nil, err
	}
	for i, a := range asks {
		if batch[i].Error != nil {
			return nil, batch[i].Error
		}
		if a.r != nil {
			out[a.id] = a.r
		}
	}
	return out, nil
}

func (s *Sender) batchCall(ctx context.Context, batch []rpc.BatchElem) error {
	const max = 500
	for i := 0; i < len(batch); i += max {
		if err := s.client.RPC.BatchCallContext(ctx, batch[i:min(i+max, len(batch))]); err != nil {
			return err
		}
	}
	return nil
}

// rebroadcastStale sends again the transactions that have gone long without a receipt, replacing those whose
// fee cap no longer covers the base fee. What it stores it also notes in the sender's in-flight list.
func (s *Sender) rebroadcastStale(ctx context.Context, waiting []outbox.Intent) error {
	var stale []outbox.Intent
	for _, in := range waiting {
		if time.Since(in.SentAt) >= s.RebroadcastAfter {
			stale = append(stale, in)
		}
	}
	if len(stale) == 0 {
		return nil
	}
	baseFee, err := s.baseFee(ctx)
	if err != nil {
		return err
	}
	for i, in := range stale {
		var tx types.Transaction
		if err := tx.UnmarshalBinary(in.RawTx); err != nil {
			return fmt.Errorf("intent %d: stored transaction unreadable: %w", in.ID, err)
		}
		if tx.GasFeeCap().Cmp(baseFee) >= 0 {
			continue
		}
		bumped, err := s.sign(tx.Nonce(), tx.To(), tx.Data(), tx.Gas(), bump(tx.GasTipCap()), maxBig(bump(tx.GasFeeCap()), feeCap(baseFee, bump(tx.GasTipCap()))))
		if err != nil {
			return err
		}
		raw, _ := bumped.MarshalBinary()
		if err := s.store.Replace(ctx, in.ID, bumped.Hash(), raw); err != nil {
			return err
		}
		s.log.Info("replacing an underpriced transaction", "intent", in.ID, "nonce", tx.Nonce())
		stale[i].PriorTxHashes = append(slices.Clone(in.PriorTxHashes), in.TxHash)
		stale[i].RawTx, stale[i].TxHash = raw, bumped.Hash()
	}
	ids := make([]int64, len(stale))
	for i, in := range stale {
		ids[i] = in.ID
	}
	if err := s.store.Touch(ctx, ids); err != nil {
		return err
	}
	now := time.Now()
	byID := map[int64]outbox.Intent{}
	for _, in := range stale {
		in.SentAt, in.Attempts = now, in.Attempts+1
		byID[in.ID] = in
	}
	for i, in := range s.inflight {
		if upd, ok := byID[in.ID]; ok {
			s.inflight[i] = upd
		}
	}
	rebroadcasts.WithLabelValues(s.name).Add(float64(len(stale)))
	return s.broadcast(ctx, stale)
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
				postponed.WithLabelValues(s.name).Inc()
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
	sent.WithLabelValues(s.name).Add(float64(len(signed)))
	return s.broadcast(ctx, toSend)
}

// revertIsFinal reports whether a queued intent whose pre-check reverted with reason fails for good instead of
// waiting: a resident's payment or recovery cancellation, and a recovery that is no longer pending (cancelled
// or carried out) or names a shop, the treasury or a role holder. Every other revert of the municipality's own
// movements is a condition to fix (a paused contract, a missing role, a delay not yet over): those wait.
func revertIsFinal(kind outbox.Kind, reason string) bool {
	switch kind {
	case outbox.KindTransferWithAuthorization, outbox.KindCancelRecovery:
		return true
	case outbox.KindRequestRecovery, outbox.KindExecuteRecovery:
		return reason == "RecoveryNotPending" || reason == "RecoveryRoleHolder" || reason == "RecoveryInvalidPair"
	}
	return false
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

func (s *Sender) baseFee(ctx context.Context) (*big.Int, error) {
	h, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	if h.BaseFee == nil {
		return new(big.Int), nil
	}
	return h.BaseFee, nil
}

// revertReason replays a failed transaction as a call at its block's parent to learn why it reverted.
func (s *Sender) revertReason(ctx context.Context, in outbox.Intent, r *types.Receipt) string {
	data, _, err := s.token.Encode(in.Kind, in.Args)
	if err != nil {
		return "reverted"
	}
	var out hexutil.Bytes
	parent := hexutil.EncodeBig(new(big.Int).Sub(r.BlockNumber, big.NewInt(1)))
	err = s.client.RPC.CallContext(ctx, &out, "eth_call", map[string]any{"from": s.addr, "to": s.token.Address,
		"data": hexutil.Bytes(data)}, parent)
	if reason, ok := revertOf(err, s.token); ok {
		return "reverted: " + reason
	}
	return "reverted"
}

// revertOf tells whether err is an execution revert, and why.
func revertOf(err error, t *Token) (string, bool) {
	if err == nil {
		return "", false
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if b, derr := hexutil.Decode(s); derr == nil {
				return t.RevertReason(b), true
			}
		}
	}
	if strings.Contains(strings.ToLower(err.Error()), "revert") {
		return err.Error(), true
	}
	return "", false
}

// feeCap leaves room for the base fee to double before a transaction needs replacing.
func feeCap(baseFee, tip *big.Int) *big.Int {
	return new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip)
}

// bump raises a fee by 12.5 % (geth wants at least 10 % to replace a pending transaction), rounding up.
func bump(v *big.Int) *big.Int {
	b := new(big.Int).Mul(v, big.NewInt(9))
	b.Add(b, big.NewInt(7))
	return b.Div(b, big.NewInt(8))
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}
