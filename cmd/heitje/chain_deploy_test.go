package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestChainDeployResumes deploys the coin with the admin key named by its address in a keystore (ADMIN_KEY,
// KEYSTORE_DIR, KEYSTORE_PASSWORD_FILE), interrupted right after the contract creation was sent. Run again,
// it finishes from its record: exactly one contract (the admin's nonce is the record's transaction count and
// only its first created code), every role granted, and the address it prints the one recorded and on chain.
// A third run sends nothing; without the record it refuses to make a second coin.
func TestChainDeployResumes(t *testing.T) {
	ctx := context.Background()
	env := testenv.Chain(t)
	c, err := chain.Dial(ctx, env.RPCURL, env.ChainID.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	admin := env.FundedKey(t)
	adminAddr := crypto.PubkeyToAddress(admin.PublicKey)
	dir := t.TempDir()
	ks := filepath.Join(dir, "admin-keystore")
	if _, err := genesis.WriteKeystore(ks, admin, "the admin's own passphrase"); err != nil {
		t.Fatal(err)
	}
	passFile := filepath.Join(dir, "admin.pass")
	if err := os.WriteFile(passFile, []byte("the admin's own passphrase\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	g, err := os.ReadFile(env.GenesisPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "genesis.json"), g, 0o644); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"ADMIN_KEY": adminAddr.Hex(), "KEYSTORE_DIR": ks, "KEYSTORE_PASSWORD_FILE": passFile,
		"ETH_RPC_URL": env.RPCURL, "GENESIS_FILE": filepath.Join(dir, "genesis.json")} {
		t.Setenv(k, v)
	}
	minter, operator, treasury := common.HexToAddress("0x00000000000000000000000000000000000000a1"),
		common.HexToAddress("0x00000000000000000000000000000000000000a2"), common.HexToAddress("0x00000000000000000000000000000000000000a3")
	args := []string{"--minter", minter.Hex(), "--operator", operator.Hex(), "--treasury", treasury.Hex(), "--sync-wait", "2m"}

	interrupted := errors.New("interrupted after the first send")
	deploySent = func(i int) error {
		if i == 0 {
			return interrupted
		}
		return nil
	}
	t.Cleanup(func() { deploySent = nil })
	var out bytes.Buffer
	if err := chainDeploy(ctx, args, strings.NewReader(""), &out); !errors.Is(err, interrupted) {
		t.Fatalf("the interrupted deployment: %v", err)
	}
	recordPath := filepath.Join(dir, "deployment.json")
	rec, err := readRecord(recordPath)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Admin != adminAddr || len(rec.Txs) != 6 || rec.Token != crypto.CreateAddress(adminAddr, rec.Txs[0].Nonce) {
		t.Fatalf("record: admin %s, %d transactions, token %s", rec.Admin.Hex(), len(rec.Txs), rec.Token.Hex())
	}
	deploySent = nil

	if err := chainDeploy(ctx, args, strings.NewReader(""), &out); err != nil {
		t.Fatalf("the second run: %v", err)
	}
	want := "TOKEN_ADDRESS=" + rec.Token.Hex() + "\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Fatalf("printed %q, want %q first", out.String(), want)
	}
	nonce, err := c.NonceAt(ctx, adminAddr, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := rec.Txs[0].Nonce
	if nonce != first+uint64(len(rec.Txs)) {
		t.Fatalf("the admin sent %d transactions, want the %d recorded", nonce-first, len(rec.Txs))
	}
	for n := first; n < nonce; n++ {
		has, err := chain.HasCode(ctx, c, crypto.CreateAddress(adminAddr, n))
		if err != nil {
			t.Fatal(err)
		}
		if has != (n == first) {
			t.Fatalf("contract code at the admin's creation address of nonce %d: %v", n, has)
		}
	}
	for _, r := range []struct {
		name string
		role common.Hash
		to   common.Address
	}{{"minter", chain.RoleMinter, minter}, {"onboarder", chain.RoleOnboarder, operator}, {"redeemer", chain.RoleRedeemer, operator},
		{"pauser", chain.RolePauser, adminAddr}, {"treasury", chain.RoleTreasury, treasury}, {"admin", chain.RoleAdmin, adminAddr}} {
		if ok, err := chain.HasRole(ctx, c, rec.Token, r.role, r.to); err != nil || !ok {
			t.Fatalf("%s role of %s: %v %v", r.name, r.to.Hex(), ok, err)
		}
	}
	if rec, err = readRecord(recordPath); err != nil || rec.Block == 0 {
		t.Fatalf("the record after the deployment: block %d, %v", rec.Block, err)
	}

	second := out.String()
	out.Reset()
	if err := chainDeploy(ctx, args, strings.NewReader(""), &out); err != nil || out.String() != second {
		t.Fatalf("the third run: %q %v, want %q again", out.String(), err, second)
	}
	if again, _ := c.NonceAt(ctx, adminAddr, nil); again != nonce {
		t.Fatalf("the third run sent %d transactions", again-nonce)
	}
	if err := os.Remove(recordPath); err != nil {
		t.Fatal(err)
	}
	err = chainDeploy(ctx, args, strings.NewReader(""), &out)
	if err == nil || !strings.Contains(err.Error(), "already created the contract "+rec.Token.Hex()) {
		t.Fatalf("without the record: %v, want a refusal naming %s", err, rec.Token.Hex())
	}
	if again, _ := c.NonceAt(ctx, adminAddr, nil); again != nonce {
		t.Fatalf("the refused run sent %d transactions", again-nonce)
	}
}
