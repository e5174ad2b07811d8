package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// TestRegisterKeyRefusesAnotherKey: a signer name keeps its first address and an address its first name;
// the refusal is outbox.ErrKeyMismatch, which a sender takes as final instead of retrying.
func TestRegisterKeyRefusesAnotherKey(t *testing.T) {
	t.Parallel()
	ob := testdb.Open(t).Outbox()
	ctx := context.Background()
	if _, err := ob.RegisterKey(ctx, "minter", common.HexToAddress("0xaa")); err != nil {
		t.Fatal(err)
	}
	if next, err := ob.RegisterKey(ctx, "minter", common.HexToAddress("0xaa")); err != nil || next != 0 {
		t.Fatalf("registering the same key again: %d %v", next, err)
	}
	for _, c := range []struct {
		name outbox.Signer
		addr common.Address
	}{{"minter", common.HexToAddress("0xbb")}, {"operator", common.HexToAddress("0xaa")}} {
		if _, err := ob.RegisterKey(ctx, c.name, c.addr); !errors.Is(err, outbox.ErrKeyMismatch) {
			t.Errorf("%s with %s: %v, want ErrKeyMismatch", c.name, c.addr, err)
		}
	}
}
