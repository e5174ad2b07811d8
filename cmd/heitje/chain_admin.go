package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/chain/genesis"
)

// adminKeyFlags says where the admin key comes from: --keystore and --admin name a key in the admin
// keystore `chain genesis` wrote, opened with the passphrase on the first line of standard input; without
// them, ADMIN_KEY in the environment: a hex key (as on a development network), or, as the API names its
// keys, the key's address with KEYSTORE_DIR (the admin keystore) and KEYSTORE_PASSWORD_FILE (a file whose
// first line is its passphrase).
type adminKeyFlags struct{ dir, addr *string }

func adminFlags(fs *flag.FlagSet) adminKeyFlags {
	return adminKeyFlags{
		dir:  fs.String("keystore", "", "the admin keystore `folder` (admin-keystore/ written by chain genesis, on the offline machine)"),
		addr: fs.String("admin", "", "the admin key's address in --keystore"),
	}
}

// key opens the admin key.
func (f adminKeyFlags) key(stdin io.Reader) (*ecdsa.PrivateKey, error) {
	if *f.dir == "" && *f.addr == "" {
		lookup, err := configLookup()
		if err != nil {
			return nil, err
		}
		get := func(k string) string { v, _ := lookup(k); return strings.TrimSpace(v) }
		v := get("ADMIN_KEY")
		if v == "" {
			return nil, usageError{errors.New("name the admin key: --keystore DIR --admin 0xADDRESS (the passphrase on standard input), " +
				"or ADMIN_KEY (its address with KEYSTORE_DIR and KEYSTORE_PASSWORD_FILE, or hex)")}
		}
		if common.IsHexAddress(v) && strings.HasPrefix(v, "0x") && len(v) == 42 {
			dir, passFile := get("KEYSTORE_DIR"), get("KEYSTORE_PASSWORD_FILE")
			if dir == "" || passFile == "" {
				return nil, errors.New("config: ADMIN_KEY is an address: KEYSTORE_DIR and KEYSTORE_PASSWORD_FILE must be set to open its key")
			}
			data, err := os.ReadFile(passFile)
			if err != nil {
				return nil, fmt.Errorf("config: KEYSTORE_PASSWORD_FILE cannot be read: %w", err)
			}
			pass, _, _ := strings.Cut(string(data), "\n")
			return openKeystoreKey(dir, v, strings.TrimRight(pass, "\r"), "KEYSTORE_DIR")
		}
		k, err := crypto.HexToECDSA(strings.TrimPrefix(v, "0x"))
		if err != nil {
			return nil, errors.New("config: ADMIN_KEY is not a valid hex secp256k1 private key or key address")
		}
		return k, nil
	}
	if *f.dir == "" || !common.IsHexAddress(*f.addr) {
		return nil, usageError{errors.New("--keystore and --admin (a 0x address) go together")}
	}
	fmt.Fprintln(os.Stderr, "the admin keystore's passphrase (one line on standard input):")
	return openKeystoreKey(*f.dir, *f.addr, passphraseLine(bufio.NewReader(stdin)), "--keystore")
}

// openKeystoreKey opens the key of addr in the keystore folder dir (named what in messages) with pass,
// skipping folders and hidden entries (a Kubernetes Secret volume's ..data).
func openKeystoreKey(dir, addr, pass, what string) (*ecdsa.PrivateKey, error) {
	suffix := "--" + strings.ToLower(strings.TrimPrefix(addr, "0x"))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(strings.ToLower(e.Name()), suffix) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		k, err := keystore.DecryptKey(data, pass)
		if err != nil {
			return nil, fmt.Errorf("the admin keystore file %s does not open with that passphrase", e.Name())
		}
		return k.PrivateKey, nil
	}
	return nil, fmt.Errorf("%s %s holds no key of %s", what, dir, addr)
}

// adminChain dials ETH_RPC_URL, checking the chain id of GENESIS_FILE, and with needToken also reads
// TOKEN_ADDRESS.
func adminChain(ctx context.Context, needToken bool) (*chain.Client, common.Address, error) {
	lookup, err := configLookup()
	if err != nil {
		return nil, common.Address{}, err
	}
	get := func(k string) string { v, _ := lookup(k); return strings.TrimSpace(v) }
	rpcURL, genesisFile, token := get("ETH_RPC_URL"), get("GENESIS_FILE"), get("TOKEN_ADDRESS")
	if rpcURL == "" {
		return nil, common.Address{}, errors.New("config: ETH_RPC_URL is required but not set")
	}
	if genesisFile == "" {
		genesisFile = "genesis.json"
	}
	if needToken && !common.IsHexAddress(token) {
		return nil, common.Address{}, errors.New("config: TOKEN_ADDRESS must be the coin's 0x address")
	}
	id, err := genesis.ChainID(genesisFile)
	if err != nil {
		return nil, common.Address{}, fmt.Errorf("config: GENESIS_FILE: %w", err)
	}
	c, err := chain.Dial(ctx, rpcURL, id.Uint64())
	if err != nil {
		return nil, common.Address{}, err
	}
	return c, common.HexToAddress(token), nil
}

// chainAdmin runs one of the admin's operations on the coin: grant ROLE ADDRESS, revoke ROLE ADDRESS, pause,
// unpause. It is meant for the offline admin machine, connected to a node only for the ceremony.
func chainAdmin(ctx context.Context, op string, args []string, stdin io.Reader, stdout io.Writer) error {
	synopsis := map[string]string{"grant": "chain grant ROLE ADDRESS", "revoke": "chain revoke ROLE ADDRESS",
		"pause": "chain pause", "unpause": "chain unpause"}[op]
	fs := newFlags("chain "+op, synopsis+" [--keystore DIR --admin ADDRESS]",
		"The admin's operation on the coin (roles: "+roleNames()+"), signed with the admin key; meant for the\n"+
			"offline admin machine, connected to a node only for the ceremony.")
	ak := adminFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var call chain.AdminCall
	switch op {
	case "grant", "revoke":
		if fs.NArg() != 2 {
			return usageError{fmt.Errorf("chain %s needs ROLE ADDRESS; roles: %s", op, roleNames())}
		}
		role, ok := chain.RolesByName[fs.Arg(0)]
		if !ok {
			return usageError{fmt.Errorf("chain %s: unknown role %q; roles: %s", op, fs.Arg(0), roleNames())}
		}
		if !common.IsHexAddress(fs.Arg(1)) {
			return usageError{fmt.Errorf("chain %s: %q is not a 0x address", op, fs.Arg(1))}
		}
		if op == "grant" {
			call = chain.GrantCall(fs.Arg(0), role, common.HexToAddress(fs.Arg(1)))
		} else {
			call = chain.RevokeCall(fs.Arg(0), role, common.HexToAddress(fs.Arg(1)))
		}
	case "pause", "unpause":
		if fs.NArg() != 0 {
			return usageError{fmt.Errorf("chain %s takes no arguments", op)}
		}
		call = chain.PauseCall()
		if op == "unpause" {
			call = chain.UnpauseCall()
		}
	}
	key, err := ak.key(stdin)
	if err != nil {
		return err
	}
	c, token, err := adminChain(ctx, true)
	if err != nil {
		return err
	}
	defer c.Close()
	hash, err := chain.SendAdmin(ctx, c, key, token, call)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: done in transaction %s\n", call.What, hash.Hex())
	return nil
}

func roleNames() string {
	var out []string
	for n := range chain.RolesByName {
		out = append(out, n)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
