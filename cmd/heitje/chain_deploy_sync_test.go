package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/chain"
)

// TestWaitSyncedRefusesAnUnreadyNode: against a node that says it is still indexing transactions, and one at
// block 0, the wait for a synced node ends after its bound with an error saying which, and that nothing
// was sent; a node past block 0 and not syncing passes at once.
func TestWaitSyncedRefusesAnUnreadyNode(t *testing.T) {
	t.Parallel()
	header := func(n string) map[string]any {
		zero := "0x0000000000000000000000000000000000000000000000000000000000000000"
		return map[string]any{"parentHash": zero, "sha3Uncles": zero, "miner": "0x0000000000000000000000000000000000000000",
			"stateRoot": zero, "transactionsRoot": zero, "receiptsRoot": zero, "logsBloom": "0x" + strings.Repeat("00", 256),
			"difficulty": "0x1", "number": n, "gasLimit": "0x1", "gasUsed": "0x0", "timestamp": "0x0", "extraData": "0x",
			"mixHash": zero, "nonce": "0x0000000000000000", "baseFeePerGas": "0x1", "hash": zero}
	}
	for _, tc := range []struct {
		name    string
		syncing any
		head    string
		want    string
	}{
		{"indexing", map[string]any{"startingBlock": "0x0", "currentBlock": "0x5", "highestBlock": "0x5",
			"txIndexFinishedBlocks": "0x1", "txIndexRemainingBlocks": "0x4"}, "0x5", "4 blocks' transactions still to index"},
		{"block 0", false, "0x0", "the node is at block 0"},
		{"synced", false, "0x7", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var req struct {
					ID     json.RawMessage `json:"id"`
					Method string          `json:"method"`
				}
				if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
					http.Error(w, err.Error(), http.StatusBadRequest)
					return
				}
				var result any
				switch req.Method {
				case "eth_chainId":
					result = "0x7"
				case "eth_syncing":
					result = tc.syncing
				case "eth_getBlockByNumber":
					result = header(tc.head)
				default:
					t.Errorf("the wait called %s", req.Method)
				}
				w.Header().Set("Content-Type", "application/json")
				json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": result})
			}))
			defer srv.Close()
			c, err := chain.Dial(context.Background(), srv.URL, 7)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			start := time.Now()
			err = waitSynced(context.Background(), c, 1500*time.Millisecond)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "nothing was sent") {
				t.Fatalf("%v, want an error saying %q and that nothing was sent", err, tc.want)
			}
			if time.Since(start) < 1500*time.Millisecond {
				t.Fatalf("gave up after %s, before its bound", time.Since(start))
			}
		})
	}
}
