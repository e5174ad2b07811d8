package chain

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// TestReceiptReadsWhatTheSendersUse decodes geth's receipt JSON into the three fields the senders read, and
// refuses one that lacks any of them rather than reading it as failed in block 0.
func TestReceiptReadsWhatTheSendersUse(t *testing.T) {
	want := &types.Receipt{Type: types.DynamicFeeTxType, Status: types.ReceiptStatusSuccessful, CumulativeGasUsed: 60000,
		TxHash: common.HexToHash("0xab"), BlockHash: common.HexToHash("0xcd"), BlockNumber: big.NewInt(1234), GasUsed: 60000,
		Logs: []*types.Log{{Address: common.HexToAddress("0x1"), Topics: []common.Hash{common.HexToHash("0x2")}, Data: []byte{3}}}}
	raw, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got []*receipt
	if err := json.Unmarshal([]byte("["+string(raw)+",null]"), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1] != nil || *got[0] != (receipt{TxHash: want.TxHash, BlockNumber: 1234, Status: 1}) {
		t.Fatalf("got %+v", got)
	}
	for _, bad := range []string{`{"blockNumber":"0x1","status":"0x1"}`, `{"transactionHash":"0x` + common.Hash{}.Hex()[2:] +
		`","status":"0x1"}`, `{"transactionHash":"0x` + common.Hash{}.Hex()[2:] + `","blockNumber":"0x1"}`} {
		var r receipt
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("%s: decoded as %+v", bad, r)
		}
	}
}
