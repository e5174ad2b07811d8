package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/cli"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/devchain"
)

// devModeVar switches development mode on when set to 1: `make run` and `make test` set it. Only then do
// commands read .run/heitje.env and does `heitje serve` accept the published development keys and chain.
const devModeVar = "HEITJE_DEV_MODE"

func devMode() bool { return strings.TrimSpace(os.Getenv(devModeVar)) == "1" }

// configLookup is the environment, and in development mode also .run/heitje.env for what the environment
// leaves unset.
func configLookup() (config.Lookup, error) {
	if !devMode() {
		return os.LookupEnv, nil
	}
	return config.WithEnvFile(os.LookupEnv, cli.EnvFile)
}

// refuseDevMaterial refuses, outside development mode, a configuration with the development network's
// chain id or any of its published keys (internal/devchain): anyone can sign with those. It names every
// problem, never a key itself.
func refuseDevMaterial(cfg *config.Config) error {
	if devMode() {
		return nil
	}
	published := map[common.Address]string{}
	for addr, role := range devchain.Published() {
		published[common.HexToAddress(addr)] = role
	}
	var found []string
	check := func(what string, addr common.Address) {
		if role, ok := published[addr]; ok {
			found = append(found, fmt.Sprintf("%s is the published development %s key", what, role))
		}
	}
	if cfg.ChainID == devchain.ChainID {
		found = append(found, fmt.Sprintf("GENESIS_FILE is the development network's (chain id %d)", devchain.ChainID))
	}
	if cfg.MinterKey != nil {
		check("MINTER_KEY", crypto.PubkeyToAddress(cfg.MinterKey.PublicKey))
	}
	if cfg.OperatorKey != nil {
		check("OPERATOR_KEY", crypto.PubkeyToAddress(cfg.OperatorKey.PublicKey))
	}
	for i, k := range cfg.RelayerKeys {
		check(fmt.Sprintf("RELAYER_KEYS entry %d", i+1), crypto.PubkeyToAddress(k.PublicKey))
	}
	if cfg.RecoveryKey != nil {
		check("RECOVERY_KEY", crypto.PubkeyToAddress(cfg.RecoveryKey.PublicKey))
	}
	check("TREASURY_ADDRESS", cfg.TreasuryAddress)
	if len(found) == 0 {
		return nil
	}
	return errors.New("refusing to serve development material outside development mode: " + strings.Join(found, ", ") +
		"; make a network of your own with `heitje chain genesis` (deploy/README.md), or set " + devModeVar + "=1 on a development machine")
}
