package chain

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/reconcile"
)

var _ reconcile.Chain = (*Supply)(nil)

// Supply reads the coin's side of the reconciliation at a given block: its total supply, balances and
// Transfer logs. Reading state at an old block needs a node that keeps it (geth --gcmode archive).
type Supply struct {
	client *Client
	token  common.Address
	coin   *bindings.HeitjeCoin
	ix     *Indexer
	// StartBlock is where Transfer logs are read from (the contract's deployment block).
	StartBlock uint64
}

// NewSupply returns the reader of the coin at token.
func NewSupply(client *Client, token common.Address) *Supply {
	return &Supply{client: client, token: token, coin: bindings.NewHeitjeCoin(),
		ix: NewIndexer(client, nil, token, slog.New(slog.DiscardHandler))}
}

// TotalSupplyAt returns totalSupply() at the block, in cents.
func (s *Supply) TotalSupplyAt(ctx context.Context, block uint64) (*big.Int, error) {
	out, err := s.client.CallContract(ctx, ethereum.CallMsg{To: &s.token, Data: s.coin.PackTotalSupply()}, new(big.Int).SetUint64(block))
	if err != nil {
		return nil, err
	}
	return s.coin.UnpackTotalSupply(out)
}

// BalancesAt returns balanceOf(addr) at the block for each address, in JSON-RPC batches.
func (s *Supply) BalancesAt(ctx context.Context, addrs []common.Address, block uint64) ([]*big.Int, error) {
	const per = 500
	out := make([]*big.Int, len(addrs))
	at := hexutil.EncodeUint64(block)
	for start := 0; start < len(addrs); start += per {
		part := addrs[start:min(start+per, len(addrs))]
		res := make([]hexutil.Bytes, len(part))
		batch := make([]rpc.BatchElem, len(part))
		for i, a := range part {
			batch[i] = rpc.BatchElem{Method: "eth_call", Args: []any{map[string]any{"to": s.token,
				"data": hexutil.Bytes(s.coin.PackBalanceOf(a))}, at}, Result: &res[i]}
		}
		if err := s.client.RPC.BatchCallContext(ctx, batch); err != nil {
			return nil, err
		}
		for i := range part {
			if batch[i].Error != nil {
				return nil, fmt.Errorf("balanceOf %s at block %d: %w", part[i].Hex(), block, batch[i].Error)
			}
			v, err := s.coin.UnpackBalanceOf(res[i])
			if err != nil {
				return nil, err
			}
			out[start+i] = v
		}
	}
	return out, nil
}

// Transfers returns the coin's Transfer logs from or to addr in blocks StartBlock..to, in chain order.
func (s *Supply) Transfers(ctx context.Context, addr common.Address, to uint64) ([]ledger.Event, error) {
	id := s.coin.GetABI().Events[ledger.EventTransfer].ID
	topic := common.BytesToHash(addr.Bytes())
	seen := map[[2]uint64]bool{}
	var out []ledger.Event
	for _, topics := range [][][]common.Hash{{{id}, {topic}}, {{id}, nil, {topic}}} {
		logs, err := s.client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(s.StartBlock),
			ToBlock: new(big.Int).SetUint64(to), Addresses: []common.Address{s.token}, Topics: topics})
		if err != nil {
			return nil, err
		}
		for i := range logs {
			l := &logs[i]
			k := [2]uint64{l.BlockNumber, uint64(l.Index)}
			if l.Removed || seen[k] {
				continue
			}
			seen[k] = true
			e, ok, err := s.ix.event(l)
			if err != nil || !ok {
				return nil, fmt.Errorf("block %d log %d: undecodable Transfer: %v", l.BlockNumber, l.Index, err)
			}
			e.BlockNumber, e.BlockHash, e.TxHash, e.TxIndex, e.LogIndex = l.BlockNumber, l.BlockHash, l.TxHash, l.TxIndex, l.Index
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].BlockNumber != out[j].BlockNumber {
			return out[i].BlockNumber < out[j].BlockNumber
		}
		return out[i].LogIndex < out[j].LogIndex
	})
	return out, nil
}
