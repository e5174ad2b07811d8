package payments

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// TestPayer: the payer's short id is "0x", the first and the last four hex digits of the address in lower
// case, and nothing before anybody paid.
func TestPayer(t *testing.T) {
	r := Request{PayerAddress: common.HexToAddress("0x1A2B3C4D5E6F708192A3B4C5D6E7F80910A29F0E")}
	if got := r.Payer(); got != "" {
		t.Fatalf("an unpaid request's payer is %q", got)
	}
	r.IntentID = 7
	if got := r.Payer(); got != "0x1a2b…9f0e" {
		t.Fatalf("payer %q, want 0x1a2b…9f0e", got)
	}
	if got := ShortAddress(common.Address{}); got != "0x0000…0000" {
		t.Fatalf("zero address: %q", got)
	}
}
