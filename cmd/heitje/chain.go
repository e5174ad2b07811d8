package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain/genesis"
)

const chainUsage = "chain genesis|deploy|grant|revoke|pause|unpause|fund|signers|propose …"

func chainCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{errors.New("chain needs genesis, deploy, grant, revoke, pause, unpause, fund, signers or propose")}
	}
	switch args[0] {
	case "deploy":
		return chainDeploy(ctx, args[1:], os.Stdin, os.Stdout)
	case "genesis":
		return chainGenesis(args[1:], os.Stdin, os.Stdout)
	case "grant", "revoke", "pause", "unpause":
		return chainAdmin(ctx, args[0], args[1:], os.Stdin, os.Stdout)
	case "fund":
		return chainFund(ctx, args[1:], os.Stdin, os.Stdout)
	case "signers":
		return chainSigners(ctx, args[1:], os.Stdout)
	case "propose":
		return chainPropose(ctx, args[1:], os.Stdout)
	}
	return usageError{fmt.Errorf("chain %q: want genesis, deploy, grant, revoke, pause, unpause, fund, signers or propose", args[0])}
}

// chainGenesis writes a real network's genesis for the given signers, with fresh service keys in two
// encrypted keystores, each under its own passphrase (two lines on stdin, which must differ): keystore/
// holds the keys the API signs with (minter, operator, relayers) and is what the API hosts mount;
// admin-keystore/ holds the admin key (and the treasury's), for an offline machine only.
func chainGenesis(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("chain genesis", "chain genesis --chain-id ID --signers ADDR,… --out DIR [--nodes name=host:port,…]",
		"Writes a real network's genesis for the given Clique signers, with fresh service keys in two encrypted\n"+
			"keystores (two passphrases on standard input, one line each, which must differ): keystore/ for the API\n"+
			"hosts, admin-keystore/ (admin and treasury) for an offline machine. With --nodes, also each node's key\n"+
			"and the static peer list.")
	chainID := fs.Uint64("chain-id", 0, "the network's chain id (required)")
	signers := fs.String("signers", "", "comma-separated addresses of the Clique signers (required)")
	period := fs.Uint64("period", 1, "seconds between blocks")
	gasLimit := fs.Uint64("gas-limit", 100_000_000, "block gas limit")
	relayers := fs.Int("relayers", 4, "how many relayer keys to create")
	fundEther := fs.Int64("fund-ether", 1_000_000, "ether given to each service key in the genesis")
	out := fs.String("out", "", "folder to write genesis.json, keystore/ and addresses.json into; must not exist (required)")
	nodesFlag := fs.String("nodes", "", "the network's geth nodes, signers and RPC nodes, as name=host:port,… (P2P ports): "+
		"writes a node key for each and the static peer list every node loads")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *chainID == 0 || *signers == "" || *out == "" {
		return usageError{errors.New("chain genesis needs --chain-id, --signers and --out")}
	}
	if *relayers < 1 || *relayers > 64 {
		return usageError{errors.New("--relayers must be between 1 and 64")}
	}
	var nodes []networkNode
	if *nodesFlag != "" {
		var err error
		if nodes, err = parseNodes(*nodesFlag); err != nil {
			return usageError{err}
		}
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
	fmt.Fprintln(os.Stderr, "passphrases on standard input, one line each: first the API's keystore's, then the admin keystore's (a different one):")
	in := bufio.NewReader(stdin)
	apiPass, adminPass := passphraseLine(in), passphraseLine(in)
	if len(apiPass) < 12 || len(adminPass) < 12 {
		return errors.New("two keystore passphrases of at least 12 characters each are needed, one per line: the API keystore's, then the admin keystore's")
	}
	if apiPass == adminPass {
		return errors.New("the admin keystore's passphrase must differ from the API keystore's")
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
	for _, dir := range []string{apiKeystore, adminKeystore} {
		if err := os.MkdirAll(filepath.Join(*out, dir), 0o700); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "genesis.json"), g, 0o644); err != nil {
		return err
	}
	for _, n := range names {
		dir, pass := apiKeystore, apiPass
		if offlineKey(n) {
			dir, pass = adminKeystore, adminPass
		}
		p, err := genesis.WriteKeystore(filepath.Join(*out, dir), keys[n], pass)
		if err != nil {
			return err
		}
		addrs[n+"_keyfile"] = dir + "/" + filepath.Base(p)
	}
	a, _ := json.MarshalIndent(addrs, "", "  ")
	if err := os.WriteFile(filepath.Join(*out, "addresses.json"), append(a, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %[1]s/genesis.json, %[1]s/%[2]s/ (%[3]d keys, for the API hosts), %[1]s/%[4]s/ (admin and treasury: "+
		"move it to an offline machine) and %[1]s/addresses.json\n", *out, apiKeystore, len(names)-2, adminKeystore)
	if len(nodes) > 0 {
		if _, err := writeNodes(*out, nodes); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %[1]s/nodes/<name>/nodekey for each of the %[2]d nodes (copy it to <datadir>/geth/nodekey on that node), "+
			"%[1]s/static-nodes.toml (every node: geth --config static-nodes.toml --nodiscover) and %[1]s/nodes.json (the enode URLs)\n",
			*out, len(nodes))
	}
	return nil
}

// The folders `chain genesis` writes the keys into.
const (
	apiKeystore   = "keystore"
	adminKeystore = "admin-keystore"
)

// offlineKey reports whether the key named n belongs in the admin keystore: the admin, and the treasury,
// which the API never signs for.
func offlineKey(n string) bool { return n == "admin" || n == "treasury" }

// passphraseLine returns one line of r without its line ending; "" at the end of r.
func passphraseLine(r *bufio.Reader) string {
	l, _ := r.ReadString('\n')
	return strings.TrimRight(l, "\r\n")
}
