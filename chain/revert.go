package chain

// Reverts: why a transaction or a pre-check reverted, and which reverts fail an intent for good.

import (
	"context"
	"errors"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/internal/outbox"
)

// revertIsFinal reports whether a queued intent whose pre-check reverted with reason fails for good instead of
// waiting: a resident's payment or recovery cancellation, and a recovery that is no longer pending (cancelled
// or carried out) or names a shop, the treasury or a role holder. Every other revert of the municipality's own
// movements is a condition to fix (a paused contract, a missing role, a delay not yet over): those wait.
func revertIsFinal(kind outbox.Kind, reason string) bool {
	switch kind {
	case outbox.KindTransferWithAuthorization, outbox.KindCancelRecovery:
		return true
	case outbox.KindRequestRecovery, outbox.KindExecuteRecovery:
		return reason == "RecoveryNotPending" || reason == "RecoveryRoleHolder" || reason == "RecoveryInvalidPair"
	}
	return false
}

// revertReason replays a failed transaction as a call at its block's parent to learn why it reverted.
func (s *Sender) revertReason(ctx context.Context, in outbox.Intent, r *receipt) string {
	data, _, err := s.token.Encode(in.Kind, in.Args)
	if err != nil {
		return "reverted"
	}
	var out hexutil.Bytes
	parent := hexutil.EncodeUint64(r.BlockNumber - 1)
	err = s.client.RPC.CallContext(ctx, &out, "eth_call", map[string]any{"from": s.addr, "to": s.token.Address,
		"data": hexutil.Bytes(data)}, parent)
	if reason, ok := revertOf(err, s.token); ok {
		return "reverted: " + reason
	}
	return "reverted"
}

// revertOf tells whether err is an execution revert, and why.
func revertOf(err error, t *Token) (string, bool) {
	if err == nil {
		return "", false
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if b, derr := hexutil.Decode(s); derr == nil {
				return t.RevertReason(b), true
			}
		}
	}
	if strings.Contains(strings.ToLower(err.Error()), "revert") {
		return err.Error(), true
	}
	return "", false
}
