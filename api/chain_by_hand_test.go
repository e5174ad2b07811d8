package api

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/outbox"
)

// chainByHand plays the sender and the indexer against the test database, one step at a time, so a test
// decides which of them comes first: send signs an intent (status sent), confirm records its receipt,
// index applies a block with its events as the indexer does.
type chainByHand struct {
	t      *testing.T
	a      *testAPI
	token  common.Address
	cursor *ledger.Block
	nonces map[outbox.Signer]uint64
	tx     map[int64]common.Hash
	block  map[int64]uint64
}

func newChainByHand(a *testAPI) *chainByHand {
	return &chainByHand{t: a.t, a: a, token: common.HexToAddress("0xc011"), nonces: map[outbox.Signer]uint64{},
		tx: map[int64]common.Hash{}, block: map[int64]uint64{}}
}

// intent finds an intent by its idempotency key.
func (c *chainByHand) intent(key string) outbox.Intent {
	c.t.Helper()
	in, err := c.a.db.Outbox().ByIdempotencyKey(context.Background(), key)
	if err != nil {
		c.t.Fatalf("intent %s: %v", key, err)
	}
	return in
}

// send gives the intent a nonce and a signed transaction, as the sender does before broadcasting.
func (c *chainByHand) send(in outbox.Intent) {
	c.t.Helper()
	ctx := context.Background()
	ob := c.a.db.Outbox()
	signer := common.BytesToAddress(crypto.Keccak256([]byte(in.Signer)))
	if _, err := ob.RegisterKey(ctx, in.Signer, signer); err != nil {
		c.t.Fatal(err)
	}
	n := c.nonces[in.Signer]
	c.nonces[in.Signer] = n + 1
	c.tx[in.ID] = crypto.Keccak256Hash([]byte(in.IdempotencyKey))
	if err := ob.AssignNonces(ctx, in.Signer, []outbox.Signed{{IntentID: in.ID, Nonce: n, TxHash: c.tx[in.ID],
		RawTx: []byte{1}}}, n+1); err != nil {
		c.t.Fatal(err)
	}
}

// mine picks the block of a sent intent's transaction: the block after the indexer's cursor.
func (c *chainByHand) mine(in outbox.Intent) {
	next := uint64(1)
	if c.cursor != nil {
		next = c.cursor.Number + 1
	}
	c.block[in.ID] = next
}

// confirm records the receipt of a mined intent, as the sender does.
func (c *chainByHand) confirm(in outbox.Intent) {
	c.t.Helper()
	if err := c.a.db.Outbox().Finish(context.Background(), []outbox.Outcome{{IntentID: in.ID, Status: outbox.StatusConfirmed,
		TxHash: c.tx[in.ID], BlockNumber: c.block[in.ID]}}); err != nil {
		c.t.Fatal(err)
	}
}

// index applies the mined intent's block with the events its transaction emitted, as the indexer does.
func (c *chainByHand) index(in outbox.Intent) {
	c.t.Helper()
	b := ledger.Block{Number: c.block[in.ID], Hash: common.BigToHash(new(big.Int).SetUint64(1000 + c.block[in.ID]))}
	at := func(i uint, e ledger.Event) ledger.Event {
		e.BlockNumber, e.BlockHash, e.BlockTime, e.TxHash, e.LogIndex = b.Number, b.Hash, time.Now(), c.tx[in.ID], i
		return e
	}
	var events []ledger.Event
	switch in.Kind {
	case outbox.KindMint:
		events = []ledger.Event{
			at(0, ledger.Event{Name: ledger.EventTransfer, To: in.Args.To, Amount: in.Args.Amount}),
			at(1, ledger.Event{Name: ledger.EventMinted, To: in.Args.To, Amount: in.Args.Amount, Ref: in.Args.Ref})}
	case outbox.KindRedeem:
		events = []ledger.Event{
			at(0, ledger.Event{Name: ledger.EventTransfer, From: in.Args.From, Amount: in.Args.Amount}),
			at(1, ledger.Event{Name: ledger.EventRedeemed, From: in.Args.From, Amount: in.Args.Amount, Ref: in.Args.Ref})}
	case outbox.KindTransferWithAuthorization:
		events = []ledger.Event{
			at(0, ledger.Event{Name: ledger.EventAuthorizationUsed, From: in.Args.From, AuthNonce: in.Args.Nonce}),
			at(1, ledger.Event{Name: ledger.EventTransfer, From: in.Args.From, To: in.Args.To, Amount: in.Args.Amount})}
	case outbox.KindGrantAcceptor:
		events = []ledger.Event{at(0, ledger.Event{Name: ledger.EventRoleGranted, To: in.Args.To,
			Role: crypto.Keccak256Hash([]byte("ACCEPTOR_ROLE"))})}
	}
	if err := c.a.db.Ledger().Apply(context.Background(), c.token, c.cursor, events, nil, b); err != nil {
		c.t.Fatal(err)
	}
	c.cursor = &b
}
