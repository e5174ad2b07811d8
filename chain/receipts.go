package chain

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
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
	receipts []*receipt
	err      error
}

// receipt is what a sender reads of a transaction's receipt. Decoding only these fields skips the logs and
// the bloom filter, most of a receipt's bytes and of the time types.Receipt takes to decode them.
type receipt struct {
	TxHash      common.Hash
	BlockNumber uint64
	Status      uint64 // types.ReceiptStatusSuccessful or types.ReceiptStatusFailed
}

func (r *receipt) UnmarshalJSON(b []byte) error {
	var f struct {
		TxHash      *common.Hash    `json:"transactionHash"`
		BlockNumber *hexutil.Uint64 `json:"blockNumber"`
		Status      *hexutil.Uint64 `json:"status"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	if f.TxHash == nil || f.BlockNumber == nil || f.Status == nil {
		return errors.New("chain: a receipt without transactionHash, blockNumber or status")
	}
	*r = receipt{TxHash: *f.TxHash, BlockNumber: uint64(*f.BlockNumber), Status: uint64(*f.Status)}
	return nil
}

// blockReceipts returns the receipts of block number, from the node or, for one of the newest blocks,
// from what an earlier call fetched. Failed fetches are not kept.
func (c *Client) blockReceipts(ctx context.Context, number uint64) ([]*receipt, error) {
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
		call.err = c.RPC.CallContext(ctx, &call.receipts, "eth_getBlockReceipts", hexutil.EncodeUint64(number))
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
