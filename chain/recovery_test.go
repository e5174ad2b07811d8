package chain

import (
	"testing"

	"github.com/heerlen/heitje/internal/outbox"
)

// TestRecoveryRevertsThatEnd checks which reverting recovery intents fail for good instead of waiting: a
// cancellation always (like a resident's payment), a request or execution only when the contract will never
// carry it out; an execution whose delay is not over, or one on a paused coin, waits and is tried again.
func TestRecoveryRevertsThatEnd(t *testing.T) {
	cases := []struct {
		kind   outbox.Kind
		reason string
		final  bool
	}{
		{outbox.KindCancelRecovery, "RecoveryNotPending", true},
		{outbox.KindCancelRecovery, "RecoveryInvalidSigner", true},
		{outbox.KindExecuteRecovery, "RecoveryNotPending", true},
		{outbox.KindExecuteRecovery, "RecoveryRoleHolder", true},
		{outbox.KindExecuteRecovery, "RecoveryNotYetExecutable", false},
		{outbox.KindExecuteRecovery, "EnforcedPause", false},
		{outbox.KindRequestRecovery, "RecoveryRoleHolder", true},
		{outbox.KindRequestRecovery, "RecoveryInvalidPair", true},
		{outbox.KindRequestRecovery, "AccessControlUnauthorizedAccount", false},
		{outbox.KindRequestRecovery, "ReferenceUsed", false},
		{outbox.KindTransferWithAuthorization, "ClosedLoopTransfer", true},
		{outbox.KindMint, "AccessControlUnauthorizedAccount", false},
	}
	for _, c := range cases {
		if got := revertIsFinal(c.kind, c.reason); got != c.final {
			t.Errorf("%s reverting with %s: final %v, want %v", c.kind, c.reason, got, c.final)
		}
	}
}

// TestRecoveryEncoding checks that the recovery intents encode to the contract's functions with their gas.
func TestRecoveryEncoding(t *testing.T) {
	tok := NewToken([20]byte{1})
	args := outbox.Args{Ref: [32]byte{7}, Signature: make([]byte, 65)}
	for kind, method := range map[outbox.Kind]string{outbox.KindRequestRecovery: "requestRecovery",
		outbox.KindCancelRecovery: "cancelRecovery", outbox.KindExecuteRecovery: "executeRecovery"} {
		data, gas, err := tok.Encode(kind, args)
		if err != nil || gas == 0 {
			t.Fatalf("%s: gas %d, %v", kind, gas, err)
		}
		if m := tok.coin.GetABI().Methods[method]; string(data[:4]) != string(m.ID) {
			t.Errorf("%s encodes %x, want %s (%x)", kind, data[:4], method, m.ID)
		}
	}
	if _, _, err := tok.Encode(outbox.KindCancelRecovery, outbox.Args{Signature: []byte{1}}); err == nil {
		t.Error("a cancellation with a short signature was encoded")
	}
}
