package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/cli"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/store"
)

// projectRoot is the working folder, which must be the project's root: the local platform keeps its state
// in .run/ there and builds from its sources.
func projectRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for _, f := range []string{"go.mod", "genesis.json"} {
		if _, err := os.Stat(filepath.Join(wd, f)); err != nil {
			return "", fmt.Errorf("run this from the project root (no %s here)", f)
		}
	}
	return wd, nil
}

// deployment is what `heitje-dev run` remembers about the coin it deployed, in .run/deployment.json.
type deployment struct {
	ChainID uint64 `json:"chain_id"`
	Token   string `json:"token_address"`
	Block   uint64 `json:"deploy_block"`
}

// devRun is `make run`: the local Postgres and Clique node (unless DATABASE_URL or ETH_RPC_URL point
// elsewhere), the coin deployed once, the migrations, and the API, until Ctrl-C.
func devRun(ctx context.Context, root string, args []string) error {
	fs := newFlags("run", "run [--signers N]", "The local platform of `make run`: Postgres, a Clique node (or N signers and an RPC node) with the\n"+
		"coin, the migrations, demo accounts and the API on http://127.0.0.1:8080, until Ctrl-C.")
	signers := fs.Int("signers", 1, "Clique signers to run; more than 1 runs them and a non-signing RPC node for the API, "+
		"peered as static nodes, with their own data (and database) in .run/network-N/")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *signers < 1 || *signers > 16 {
		return usageError{errors.New("usage: heitje-dev run [--signers N], N from 1 to 16")}
	}
	env := func(k string) string { return strings.TrimSpace(os.Getenv(k)) }
	state := filepath.Join(root, ".run")
	if *signers > 1 {
		// Another chain (its genesis names other signers), so another database and coin too.
		state = filepath.Join(state, fmt.Sprintf("network-%d", *signers))
	}
	net, err := devnet.Up(ctx, devnet.Options{ProjectRoot: root, StateDir: state, Signers: *signers,
		DatabaseURL: env("DATABASE_URL"), RPCURL: env("ETH_RPC_URL"), GenesisPath: env("GENESIS_FILE")})
	if err != nil {
		return err
	}
	defer net.Stop()

	settings := map[string]string{
		"DATABASE_URL":     net.DatabaseURL,
		"ETH_RPC_URL":      net.RPCURL,
		"GENESIS_FILE":     net.GenesisPath,
		"MINTER_KEY":       devnet.DevMinter.Private,
		"OPERATOR_KEY":     devnet.DevOperator.Private,
		"RECOVERY_KEY":     devnet.DevRecovery.Private,
		"TREASURY_ADDRESS": devnet.DevTreasury.Address,
		"HTTP_ADDR":        "127.0.0.1:8080",
		// Prometheus' metrics, apart from the API as in production (9464 is the port OpenTelemetry's exporter uses).
		"METRICS_ADDR": "127.0.0.1:9464",
		// The demo municipality's bank account, so payout runs get a bank file: the example IBAN of the
		// IBAN standard's documentation, which belongs to nobody.
		"SEPA_DEBTOR_NAME": "Gemeente Heerlen (demo)",
		"SEPA_DEBTOR_IBAN": "NL91ABNA0417164300",
		"SEPA_DEBTOR_BIC":  "ABNANL2A",
		// Notices' e-mails go into a folder as .eml files, which any mail program opens.
		"MAIL_DIR": filepath.Join(state, "mail"),
	}
	var relayers []string
	for _, r := range devnet.DevRelayers {
		relayers = append(relayers, r.Private)
	}
	settings["RELAYER_KEYS"] = strings.Join(relayers, ",")
	if *signers > 1 {
		settings["CHAIN_CONFIRMATIONS"] = "2" // blocks of several signers can be undone by a reorg
	}
	devSecrets, err := ensureDevSecrets(state)
	if err != nil {
		return err
	}
	for k, v := range devSecrets {
		settings[k] = v
	}
	settings["DATA_KEY_OLD"] = ""
	for k := range settings {
		if v := env(k); v != "" {
			settings[k] = v
		}
	}
	d, err := ensureToken(ctx, state, settings, net.ChainID.Uint64())
	if err != nil {
		return err
	}
	settings["TOKEN_ADDRESS"], settings["TOKEN_DEPLOY_BLOCK"] = d.Token, strconv.FormatUint(d.Block, 10)
	if err := writeEnvFile(filepath.Join(root, cli.EnvFile), settings); err != nil {
		return err
	}
	cfg, err := config.Load(func(k string) (string, bool) { v, ok := settings[k]; return v, ok }, config.NeedServe)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	n, err := db.MigrateUp(ctx)
	db.Close()
	if err != nil {
		return err
	}
	log := app.NewLogger(cfg, os.Stderr)
	log.Info("database migrated", "applied", n)
	if err := seedDemo(ctx, cfg, os.Stderr); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "\nHeerlens Heitje runs on http://%s (chain %d, coin %s). Ctrl-C stops everything.\n\n",
		cfg.HTTPAddr, cfg.ChainID, d.Token)
	return app.Serve(ctx, cfg, log)
}

// ensureToken returns the coin to use: TOKEN_ADDRESS when set, else the one deployed by an earlier run on
// this chain, else a new deployment with ADMIN_KEY (the development admin by default).
func ensureToken(ctx context.Context, state string, settings map[string]string, chainID uint64) (deployment, error) {
	c, err := chain.Dial(ctx, settings["ETH_RPC_URL"], chainID)
	if err != nil {
		return deployment{}, err
	}
	defer c.Close()
	if t := strings.TrimSpace(os.Getenv("TOKEN_ADDRESS")); t != "" {
		block, _ := strconv.ParseUint(os.Getenv("TOKEN_DEPLOY_BLOCK"), 10, 64)
		return deployment{ChainID: chainID, Token: t, Block: block}, nil
	}
	path := filepath.Join(state, "deployment.json")
	var d deployment
	if b, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(b, &d); err != nil {
			return d, fmt.Errorf("%s is unreadable: %w", path, err)
		}
		if d.ChainID == chainID {
			ok, err := chain.HasCode(ctx, c, common.HexToAddress(d.Token))
			if err != nil {
				return d, err
			}
			if !ok {
				return d, fmt.Errorf("the coin deployed earlier (%s) is not on this chain any more; the chain was reset: remove .run/ to start afresh", d.Token)
			}
			return d, nil
		}
	}
	adminHex := devnet.DevAdmin.Private
	if k := strings.TrimSpace(os.Getenv("ADMIN_KEY")); k != "" {
		adminHex = k
	}
	admin, err := crypto.HexToECDSA(strings.TrimPrefix(adminHex, "0x"))
	if err != nil {
		return d, errors.New("config: ADMIN_KEY is not a valid hex secp256k1 private key")
	}
	minter, err := crypto.HexToECDSA(strings.TrimPrefix(settings["MINTER_KEY"], "0x"))
	if err != nil {
		return d, errors.New("config: MINTER_KEY is not a valid hex secp256k1 private key")
	}
	operator, err := crypto.HexToECDSA(strings.TrimPrefix(settings["OPERATOR_KEY"], "0x"))
	if err != nil {
		return d, errors.New("config: OPERATOR_KEY is not a valid hex secp256k1 private key")
	}
	roles := chain.Roles{
		Minter:   crypto.PubkeyToAddress(minter.PublicKey),
		Operator: crypto.PubkeyToAddress(operator.PublicKey),
		Treasury: common.HexToAddress(settings["TREASURY_ADDRESS"]),
	}
	if k := settings["RECOVERY_KEY"]; k != "" {
		recoverer, err := crypto.HexToECDSA(strings.TrimPrefix(k, "0x"))
		if err != nil {
			return d, errors.New("config: RECOVERY_KEY is not a valid hex secp256k1 private key")
		}
		roles.Recovery = crypto.PubkeyToAddress(recoverer.PublicKey)
	}
	dep, err := chain.DeployToken(ctx, c, admin, roles)
	if err != nil {
		return d, err
	}
	if roles.Recovery != (common.Address{}) {
		// The development genesis predates the recovery key: the admin gives it ether for gas.
		wei := new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
		if _, err := chain.SendEther(ctx, c, admin, roles.Recovery, wei); err != nil {
			return d, fmt.Errorf("funding the recovery key: %w", err)
		}
	}
	d = deployment{ChainID: chainID, Token: dep.Address.Hex(), Block: dep.Block}
	b, _ := json.MarshalIndent(d, "", "  ")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return d, err
	}
	fmt.Fprintf(os.Stderr, "deployed the coin at %s in block %d\n", d.Token, d.Block)
	return d, nil
}

func writeEnvFile(path string, settings map[string]string) error {
	keys := []string{"DATABASE_URL", "ETH_RPC_URL", "GENESIS_FILE", "TOKEN_ADDRESS", "TOKEN_DEPLOY_BLOCK",
		"MINTER_KEY", "OPERATOR_KEY", "RELAYER_KEYS", "RECOVERY_KEY", "TREASURY_ADDRESS", "HTTP_ADDR", "METRICS_ADDR", "SEPA_DEBTOR_NAME", "SEPA_DEBTOR_IBAN", "SEPA_DEBTOR_BIC", "JWT_SECRET", "DATA_KEY", "DATA_KEY_OLD", "LOOKUP_KEY", "VAPID_PRIVATE_KEY", "CHAIN_CONFIRMATIONS", "MAIL_DIR"}
	var b strings.Builder
	b.WriteString("# Written by `make run` (heitje-dev run): the settings of the local platform.\n")
	b.WriteString("# The keys are the published DEVELOPMENT NETWORK keys unless you overrode them; the secrets\n")
	b.WriteString("# (JWT_SECRET, DATA_KEY, LOOKUP_KEY, VAPID_PRIVATE_KEY) come from .run/secrets.env, generated on the\n")
	b.WriteString("# first run.\n")
	b.WriteString("# Commands read this file only in development mode: HEITJE_DEV_MODE=1 bin/heitje …\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s\n", k, settings[k])
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}
