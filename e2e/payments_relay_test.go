package e2e_test

import (
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// relayTx is a signed authorization wrapped in a transaction of key, as a relayer sends it straight to the
// node: transferWithAuthorization with the sender's fixed gas limit, a 1 gwei tip and room for the base fee
// to double.
func (p *platform) relayTx(key *ecdsa.PrivateKey, nonce uint64, a payments.Authorization, baseFee *big.Int) *types.Transaction {
	p.tb.Helper()
	data, gas, err := chain.NewToken(p.deploy.Address).Encode(outbox.KindTransferWithAuthorization, outbox.Args{From: a.From,
		To: a.To, Amount: a.Value, ValidAfter: a.ValidAfter, ValidBefore: a.ValidBefore, Nonce: a.Nonce, Signature: a.Signature})
	if err != nil {
		p.tb.Fatal(err)
	}
	tip := big.NewInt(1_000_000_000)
	fee := new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip)
	to := p.deploy.Address
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: p.client.ChainID, Nonce: nonce, To: &to, Data: data,
		Gas: gas, GasTipCap: tip, GasFeeCap: fee}), types.LatestSignerForChainID(p.client.ChainID), key)
	if err != nil {
		p.tb.Fatal(err)
	}
	return tx
}

// baseFee is the latest block's base fee.
func (p *platform) baseFee() *big.Int {
	p.tb.Helper()
	h, err := p.client.HeaderByNumber(p.ctx, nil)
	if err != nil {
		p.tb.Fatal(err)
	}
	return h.BaseFee
}

// sendRaw broadcasts transactions in JSON-RPC batches of 200, failing on any refusal.
func (p *platform) sendRaw(txs []*types.Transaction) {
	p.tb.Helper()
	for i := 0; i < len(txs); i += 200 {
		part := txs[i:min(i+200, len(txs))]
		batch := make([]rpc.BatchElem, len(part))
		for j, tx := range part {
			raw, _ := tx.MarshalBinary()
			batch[j] = rpc.BatchElem{Method: "eth_sendRawTransaction", Args: []any{hexutil.Bytes(raw)}, Result: new(string)}
		}
		if err := p.client.RPC.BatchCallContext(p.ctx, batch); err != nil {
			p.tb.Fatal(err)
		}
		for _, b := range batch {
			if b.Error != nil {
				p.tb.Fatal(b.Error)
			}
		}
	}
}

func txsOf(txs ...*types.Transaction) []*types.Transaction { return txs }
