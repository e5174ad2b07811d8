package app

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/config"
)

// refuseAdminKey asks the token whether any key the API holds (the minter, the operator, the relayers) or
// any key file in KEYSTORE_DIR holds DEFAULT_ADMIN_ROLE, and refuses to start if one does: whoever breaks
// into an API host would get every role of the coin. The admin key belongs in its own keystore, on an
// offline machine (deploy/README.md, "the key ceremony").
func refuseAdminKey(ctx context.Context, c *chain.Client, cfg *config.Config) error {
	type held struct {
		what string
		addr common.Address
	}
	var keys []held
	if cfg.MinterKey != nil {
		keys = append(keys, held{"MINTER_KEY", crypto.PubkeyToAddress(cfg.MinterKey.PublicKey)})
	}
	if cfg.OperatorKey != nil {
		keys = append(keys, held{"OPERATOR_KEY", crypto.PubkeyToAddress(cfg.OperatorKey.PublicKey)})
	}
	for i, k := range cfg.RelayerKeys {
		keys = append(keys, held{fmt.Sprintf("RELAYER_KEYS entry %d", i+1), crypto.PubkeyToAddress(k.PublicKey)})
	}
	if cfg.RecoveryKey != nil {
		keys = append(keys, held{"RECOVERY_KEY", crypto.PubkeyToAddress(cfg.RecoveryKey.PublicKey)})
	}
	for _, a := range cfg.KeystoreAddresses {
		keys = append(keys, held{"a key file in KEYSTORE_DIR", a})
	}
	for _, k := range keys {
		admin, err := chain.HasRole(ctx, c, cfg.TokenAddress, chain.RoleAdmin, k.addr)
		if err != nil {
			return err
		}
		if admin {
			return fmt.Errorf("refusing to start: %s (%s) holds the coin's admin role; the API must never hold the admin key: keep it in the admin keystore on an offline machine (deploy/README.md)", k.what, k.addr.Hex())
		}
	}
	return nil
}
