package chain

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
)

// RecoveryState is a recovery of a lost key as the coin contract holds it (recoveries(ref)). Status is one of
// contracts.RecoveryNone, …Pending, …Cancelled, …Executed; ExecutableAt is zero for a reference never used.
type RecoveryState struct {
	Status       uint8
	From, To     common.Address
	ExecutableAt time.Time
}

// RecoveryReader reads recoveries from the contract at token over c; the recovery domain's Chain.
type RecoveryReader struct {
	c     *Client
	token *Token
}

// NewRecoveryReader returns a reader of token's recoveries over c.
func NewRecoveryReader(c *Client, token *Token) *RecoveryReader {
	return &RecoveryReader{c: c, token: token}
}

// Recovery returns the recovery with reference ref at the latest block.
func (r *RecoveryReader) Recovery(ctx context.Context, ref common.Hash) (RecoveryState, error) {
	out, err := r.c.CallContract(ctx, ethereum.CallMsg{To: &r.token.Address, Data: r.token.coin.PackRecoveries(ref)}, nil)
	if err != nil {
		return RecoveryState{}, fmt.Errorf("reading recovery %s: %w", ref.Hex(), err)
	}
	rec, err := r.token.coin.UnpackRecoveries(out)
	if err != nil {
		return RecoveryState{}, fmt.Errorf("reading recovery %s: %w", ref.Hex(), err)
	}
	st := RecoveryState{Status: rec.Status, From: rec.From, To: rec.To}
	if rec.ExecutableAt != 0 {
		st.ExecutableAt = time.Unix(int64(rec.ExecutableAt), 0).UTC()
	}
	return st, nil
}
