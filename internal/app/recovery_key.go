package app

import (
	"bytes"
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/config"
)

// checkRecoveryKey refuses to start with a RECOVERY_KEY that could not do its work, instead of failing at
// the first recovery staff approve: the coin at TOKEN_ADDRESS must have the recovery functions (a coin
// deployed before them has not), and the key must hold RECOVERY_ROLE. Without RECOVERY_KEY it checks
// nothing: the platform then takes no recoveries (422 recovery_unavailable).
func checkRecoveryKey(ctx context.Context, c *chain.Client, cfg *config.Config) error {
	if cfg.RecoveryKey == nil {
		return nil
	}
	code, err := c.CodeAt(ctx, cfg.TokenAddress, nil)
	if err != nil {
		return fmt.Errorf("reading the coin's code: %w", err)
	}
	if missing := missingRecoveryFunctions(code); len(missing) > 0 {
		return fmt.Errorf("refusing to start: RECOVERY_KEY is set, but the coin at TOKEN_ADDRESS %s has no %v: it was "+
			"deployed before recoveries existed; deploy the current coin, or leave RECOVERY_KEY unset (no recoveries)",
			cfg.TokenAddress.Hex(), missing)
	}
	addr := crypto.PubkeyToAddress(cfg.RecoveryKey.PublicKey)
	ok, err := chain.HasRole(ctx, c, cfg.TokenAddress, chain.RoleRecovery, addr)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("refusing to start: RECOVERY_KEY (%s) does not hold the coin's RECOVERY_ROLE, so no recovery "+
			"could be carried out: grant it with the admin key (`heitje chain grant recovery %s`, deploy/README.md), "+
			"or leave RECOVERY_KEY unset (no recoveries)", addr.Hex(), addr.Hex())
	}
	return nil
}

// missingRecoveryFunctions names the recovery functions whose selectors the contract's dispatcher lacks
// (solc's dispatcher compares the call's selector with each function's, PUSH4 <selector>).
func missingRecoveryFunctions(code []byte) []string {
	coin := bindings.NewHeitjeCoin()
	var zero [32]byte
	var missing []string
	for _, f := range []struct {
		name string
		call []byte
	}{
		{"requestRecovery", coin.PackRequestRecovery([20]byte{}, [20]byte{}, zero)},
		{"cancelRecovery", coin.PackCancelRecovery(zero, 0, zero, zero)},
		{"executeRecovery", coin.PackExecuteRecovery(zero)},
		{"recoveryDelay", coin.PackRecoveryDelay()},
	} {
		if !bytes.Contains(code, append([]byte{0x63}, f.call[:4]...)) {
			missing = append(missing, f.name)
		}
	}
	return missing
}
