package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/internal/config"
)

func chainCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{errors.New("chain needs deploy or genesis")}
	}
	switch args[0] {
	case "deploy":
		return chainDeploy(ctx, args[1:])
	case "genesis":
		return chainGenesis(args[1:], os.Stdin, os.Stdout)
	}
	return usageError{fmt.Errorf("chain %q: want deploy or genesis", args[0])}
}

// chainDeploy deploys the coin contract with ADMIN_KEY (from the environment) and grants the platform's keys
// their roles. It prints the TOKEN_ADDRESS and TOKEN_DEPLOY_BLOCK to configure.
func chainDeploy(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("chain deploy", flag.ContinueOnError)
	minter := fs.String("minter", "", "address that mints rewards (MINTER_ROLE)")
	operator := fs.String("operator", "", "address that activates shops and redeems payouts")
	treasury := fs.String("treasury", "", "the municipality's treasury address")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	roles := chain.Roles{}
	for _, a := range []struct {
		name, v string
		dst     *common.Address
	}{{"minter", *minter, &roles.Minter}, {"operator", *operator, &roles.Operator}, {"treasury", *treasury, &roles.Treasury}} {
		if !common.IsHexAddress(a.v) {
			return usageError{fmt.Errorf("--%s must be a 0x address", a.name)}
		}
		*a.dst = common.HexToAddress(a.v)
	}
	cfg, err := loadConfig(0)
	if err != nil {
		return err
	}
	lookup, _ := config.WithEnvFile(os.LookupEnv, envFile)
	rpcURL, _ := lookup("ETH_RPC_URL")
	keyHex, _ := lookup("ADMIN_KEY")
	if rpcURL == "" {
		return errors.New("config: ETH_RPC_URL is required but not set")
	}
	admin, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(keyHex), "0x"))
	if err != nil {
		return errors.New("config: ADMIN_KEY is not a valid hex secp256k1 private key")
	}
	id, err := genesis.ChainID(cfg.GenesisFile)
	if err != nil {
		return fmt.Errorf("config: GENESIS_FILE: %w", err)
	}
	c, err := chain.Dial(ctx, rpcURL, id.Uint64())
	if err != nil {
		return err
	}
	defer c.Close()
	d, err := chain.DeployToken(ctx, c, admin, roles)
	if err != nil {
		return err
	}
	fmt.Printf("TOKEN_ADDRESS=%s\nTOKEN_DEPLOY_BLOCK=%d\n", d.Address.Hex(), d.Block)
	return nil
}

// chainGenesis writes a real network's genesis for the given signers, with fresh service keys (admin,
// minter, operator, relayers, treasury) in an encrypted keystore. The passphrase is read from stdin.
func chainGenesis(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("chain genesis", flag.ContinueOnError)
	chainID := fs.Uint64("chain-id", 0, "the network's chain id (required)")
	signers := fs.String("signers", "", "comma-separated addresses of the Clique signers (required)")
	period := fs.Uint64("period", 1, "seconds between blocks")
	gasLimit := fs.Uint64("gas-limit", 100_000_000, "block gas limit")
	relayers := fs.Int("relayers", 4, "how many relayer keys to create")
	fundEther := fs.Int64("fund-ether", 1_000_000, "ether given to each service key in the genesis")
	out := fs.String("out", "", "folder to write genesis.json, keystore/ and addresses.json into; must not exist (required)")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if *chainID == 0 || *signers == "" || *out == "" {
		return usageError{errors.New("chain genesis needs --chain-id, --signers and --out")}
	}
	if *relayers < 1 || *relayers > 64 {
		return usageError{errors.New("--relayers must be between 1 and 64")}
	}
	spec := genesis.Spec{ChainID: new(big.Int).SetUint64(*chainID), PeriodSeconds: *period, GasLimit: *gasLimit,
		Alloc: map[common.Address]*big.Int{}}
	for _, s := range strings.Split(*signers, ",") {
		s = strings.TrimSpace(s)
		if !common.IsHexAddress(s) {
			return usageError{fmt.Errorf("--signers: %q is not an address", s)}
		}
		spec.Signers = append(spec.Signers, common.HexToAddress(s))
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%s already exists; choose a new folder so no key is overwritten", *out)
	}
	fmt.Fprintln(os.Stderr, "passphrase for the new keystore (one line on standard input):")
	pass, err := bufio.NewReader(stdin).ReadString('\n')
	pass = strings.TrimRight(pass, "\r\n")
	if len(pass) < 12 {
		return errors.New("the keystore passphrase must have at least 12 characters")
	}
	names := []string{"admin", "minter", "operator", "treasury"}
	for i := 0; i < *relayers; i++ {
		names = append(names, fmt.Sprintf("relayer-%d", i))
	}
	keys := map[string]*ecdsa.PrivateKey{}
	addrs := map[string]string{}
	fund := new(big.Int).Mul(big.NewInt(*fundEther), big.NewInt(1e18))
	for _, n := range names {
		k, err := crypto.GenerateKey()
		if err != nil {
			return err
		}
		keys[n] = k
		a := crypto.PubkeyToAddress(k.PublicKey)
		addrs[n] = a.Hex()
		if n != "treasury" {
			spec.Alloc[a] = fund
		}
	}
	g, err := genesis.Build(spec)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(*out, "keystore"), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*out, "genesis.json"), g, 0o644); err != nil {
		return err
	}
	for _, n := range names {
		p, err := genesis.WriteKeystore(filepath.Join(*out, "keystore"), keys[n], pass)
		if err != nil {
			return err
		}
		addrs[n+"_keyfile"] = filepath.Base(p)
	}
	a, _ := json.MarshalIndent(addrs, "", "  ")
	if err := os.WriteFile(filepath.Join(*out, "addresses.json"), append(a, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s/genesis.json, %s/keystore/ (%d keys) and %s/addresses.json\n", *out, *out, len(names), *out)
	return nil
}
