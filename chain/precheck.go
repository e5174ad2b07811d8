package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/params"

	"github.com/heerlen/heitje/contracts"
)

// preCheckChunk bounds the transactions tried in one eth_call, keeping its gas far below geth's default
// eth_call cap of 50M.
const preCheckChunk = 100

// checkCall is one transaction the sender means to send: its calldata for the token and its gas limit.
type checkCall struct {
	data []byte
	gas  uint64
}

// preCheck tries the calls, in order, as the sender would send them, on the pending state, with one
// eth_call per preCheckChunk of them: PreCheck's code is placed at the sender's own address in a state
// override and called there, so the token sees the sender as msg.sender and each call sees what the ones
// before it changed. Each call gets its transaction's gas limit minus the intrinsic gas. It returns, for each
// call, whether it would revert and why; an error means the node could not be asked.
func (s *Sender) preCheck(ctx context.Context, calls []checkCall) (reverted []bool, reasons []string, err error) {
	reverted, reasons = make([]bool, len(calls)), make([]string, len(calls))
	code := hexutil.Bytes(contracts.PreCheckCode())
	abi := contracts.PreCheckABI()
	for lo := 0; lo < len(calls); lo += preCheckChunk {
		chunk := calls[lo:min(lo+preCheckChunk, len(calls))]
		datas := make([][]byte, len(chunk))
		limits := make([]*big.Int, len(chunk))
		total := uint64(1_000_000)
		for i, c := range chunk {
			datas[i] = c.data
			limits[i] = new(big.Int).SetUint64(c.gas - min(c.gas, intrinsicGas(c.data)))
			total += c.gas + 20_000
		}
		input, err := abi.Pack("check", s.token.Address, datas, limits)
		if err != nil {
			return nil, nil, err
		}
		var out hexutil.Bytes
		err = s.client.RPC.CallContext(ctx, &out, "eth_call", map[string]any{
			"to": s.addr, "data": hexutil.Bytes(input), "gas": hexutil.Uint64(total),
		}, "pending", map[common.Address]map[string]any{s.addr: {"code": code}})
		if err != nil {
			return nil, nil, fmt.Errorf("pre-check: %w", err)
		}
		res, err := abi.Unpack("check", out)
		if err != nil {
			return nil, nil, fmt.Errorf("pre-check answer: %w", err)
		}
		ok, data := res[0].([]bool), res[1].([][]byte)
		if len(ok) != len(chunk) || len(data) != len(chunk) {
			return nil, nil, fmt.Errorf("pre-check answered %d results for %d calls", len(ok), len(chunk))
		}
		for i := range chunk {
			if !ok[i] {
				reverted[lo+i], reasons[lo+i] = true, s.token.RevertReason(data[i])
			}
		}
	}
	return reverted, reasons, nil
}

// intrinsicGas is what a London transaction with this calldata to a contract costs before execution.
func intrinsicGas(data []byte) uint64 {
	g := params.TxGas
	for _, b := range data {
		if b == 0 {
			g += params.TxDataZeroGas
		} else {
			g += params.TxDataNonZeroGasEIP2028
		}
	}
	return g
}
