package chain

import (
	"context"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// receiptsKept is how many of the newest blocks' receipts a Client keeps.
const receiptsKept = 16

// blockReceipts keeps the receipts of the newest blocks, so that the senders of one process ask the node
// once per block (eth_getBlockReceipts) however many of them wait for transactions in it. Asking geth for a
// receipt by transaction hash instead makes it read and decode the transaction's whole block each time,
// which for a block of hundreds of payments costs more than building the block.
type blockReceipts struct {
	mu     sync.Mutex
	blocks map[uint64]*receiptsCall
	newest uint64
}

type receiptsCall struct {
	done     chan struct{}
	receipts []*types.Receipt
	err      error
}

// BlockReceipts returns the receipts of block number, from the node or, for one of the newest blocks,
// from what an earlier call fetched. Failed fetches are not kept.
func (c *Client) BlockReceipts(ctx context.Context, number uint64) ([]*types.Receipt, error) {
	r := &c.receipts
	r.mu.Lock()
	if r.blocks == nil {
		r.blocks = map[uint64]*receiptsCall{}
	}
	call, ok := r.blocks[number]
	if !ok {
		call = &receiptsCall{done: make(chan struct{})}
		r.blocks[number] = call
		if number > r.newest {
			r.newest = number
			for n := range r.blocks {
				if n+receiptsKept <= number {
					delete(r.blocks, n)
				}
			}
		}
	}
	r.mu.Unlock()
	if !ok {
		call.receipts, call.err = c.Client.BlockReceipts(ctx, rpc.BlockNumberOrHashWithNumber(rpc.BlockNumber(new(big.Int).SetUint64(number).Int64())))
		if call.err != nil {
			r.mu.Lock()
			if r.blocks[number] == call {
				delete(r.blocks, number)
			}
			r.mu.Unlock()
		}
		close(call.done)
	}
	select {
	case <-call.done:
		return call.receipts, call.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
