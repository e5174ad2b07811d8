package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// FundsEvery is how often a sender reads its key's ether balance for heitje_signer_balance_wei.
var FundsEvery = 3 * time.Second

var (
	signerBalance = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "heitje_signer_balance_wei", Help: "The signing key's ether balance, in wei, read every few seconds.",
	}, []string{"signer", "address"})
	signerOldest = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "heitje_signer_oldest_unconfirmed_seconds", Help: "Age of the key's oldest sent but unconfirmed intent, in seconds (0 when none).",
	}, []string{"signer", "address"})
	signerOutOfFunds = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "heitje_signer_out_of_funds", Help: "1 while the node refuses the key's transactions for want of ether to pay gas; its intents wait until it is topped up.",
	}, []string{"signer", "address"})
)

// funds is what a sender knows about its key's ether: the last balance read and whether the node refuses its
// transactions for insufficient funds. Step writes it; OutOfFunds and Balance read it from other goroutines.
type funds struct {
	mu         sync.Mutex
	outOfFunds bool
	balance    *big.Int
	readAt     time.Time
}

// OutOfFunds reports whether the node's last answer to this key's transactions was that the key cannot pay
// for their gas. Its intents stay stored and are sent again; they go through once the key is topped up.
func (s *Sender) OutOfFunds() bool {
	s.funds.mu.Lock()
	defer s.funds.mu.Unlock()
	return s.funds.outOfFunds
}

// Balance is the key's ether balance in wei as last read, or nil before the first read.
func (s *Sender) Balance() *big.Int {
	s.funds.mu.Lock()
	defer s.funds.mu.Unlock()
	if s.funds.balance == nil {
		return nil
	}
	return new(big.Int).Set(s.funds.balance)
}

// insufficientFunds tells whether err is the node refusing a transaction its sender cannot pay for
// (gas * price + value above the balance). Across JSON-RPC the error is only its message, so besides
// errors.Is the message of go-ethereum's core.ErrInsufficientFunds is looked for.
func insufficientFunds(err error) bool {
	if err == nil {
		return false
	}
	return errors.Is(err, core.ErrInsufficientFunds) ||
		strings.Contains(strings.ToLower(err.Error()), core.ErrInsufficientFunds.Error())
}

// noteBroadcast records what the node said to a broadcast of n transactions, refused of which for
// insufficient funds. The change into "out of funds" is logged once, as a warning, and so is the way out.
func (s *Sender) noteBroadcast(n, refused int) {
	if n == 0 {
		return
	}
	s.funds.mu.Lock()
	was := s.funds.outOfFunds
	s.funds.outOfFunds = refused > 0
	balance := s.funds.balance
	s.funds.mu.Unlock()
	switch {
	case refused > 0 && !was:
		signerOutOfFunds.WithLabelValues(string(s.name), s.addrLabel()).Set(1)
		s.log.Warn("the signing key has no ether left for gas; its transactions wait until it is topped up (see deploy/README.md, Topping up a key)",
			"address", s.addr.Hex(), "balance_wei", fmt.Sprint(balance), "refused", refused)
	case refused == 0 && was:
		signerOutOfFunds.WithLabelValues(string(s.name), s.addrLabel()).Set(0)
		s.log.Info("the signing key pays for gas again; its waiting transactions are sent", "address", s.addr.Hex())
	}
}

// watchFunds reads the key's balance at most every FundsEvery and sets the key's gauges, including the age
// of its oldest unconfirmed intent. A failed read is left for the next round: the gauges keep their values.
func (s *Sender) watchFunds(ctx context.Context) {
	var oldest time.Time
	for _, in := range s.inflight {
		if oldest.IsZero() || in.CreatedAt.Before(oldest) {
			oldest = in.CreatedAt
		}
	}
	age := 0.0
	if !oldest.IsZero() {
		age = time.Since(oldest).Seconds()
	}
	signerOldest.WithLabelValues(string(s.name), s.addrLabel()).Set(age)
	s.funds.mu.Lock()
	due := time.Since(s.funds.readAt) >= FundsEvery
	s.funds.mu.Unlock()
	if !due {
		return
	}
	bal, err := s.client.BalanceAt(ctx, s.addr, nil)
	if err != nil {
		return
	}
	s.funds.mu.Lock()
	s.funds.balance, s.funds.readAt = bal, time.Now()
	s.funds.mu.Unlock()
	f, _ := new(big.Float).SetInt(bal).Float64()
	signerBalance.WithLabelValues(string(s.name), s.addrLabel()).Set(f)
}

func (s *Sender) addrLabel() string { return strings.ToLower(s.addr.Hex()) }

// SendEther moves wei from key to the address to and waits for the receipt. It is how a signing key is
// topped up with ether for gas (`heitje chain fund`). It returns the transaction's hash.
func SendEther(ctx context.Context, c *Client, key *ecdsa.PrivateKey, to common.Address, wei *big.Int) (common.Hash, error) {
	if wei == nil || wei.Sign() <= 0 {
		return common.Hash{}, errors.New("chain: the amount to send must be above zero")
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		return common.Hash{}, err
	}
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return common.Hash{}, err
	}
	baseFee := h.BaseFee
	if baseFee == nil {
		baseFee = new(big.Int)
	}
	tip := big.NewInt(1_000_000_000)
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID, Nonce: nonce, To: &to, Value: wei,
		Gas: params.TxGas, GasTipCap: tip, GasFeeCap: feeCap(baseFee, tip)}), types.LatestSignerForChainID(c.ChainID), key)
	if err != nil {
		return common.Hash{}, err
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		if insufficientFunds(err) {
			return common.Hash{}, fmt.Errorf("the paying key %s has too little ether: %w", from.Hex(), err)
		}
		return common.Hash{}, err
	}
	r, err := WaitReceipt(ctx, c, tx.Hash())
	if err != nil {
		return common.Hash{}, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return tx.Hash(), fmt.Errorf("transaction %s failed", tx.Hash().Hex())
	}
	return tx.Hash(), nil
}
