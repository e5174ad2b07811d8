package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain/genesis"
)

// TestChainGenesisForARealNetwork writes a three-signer network and checks the genesis, the encrypted
// keystore and that every service key but the treasury is funded.
func TestChainGenesisForARealNetwork(t *testing.T) {
	out := filepath.Join(t.TempDir(), "network")
	signers := "0x1111111111111111111111111111111111111111,0x2222222222222222222222222222222222222222,0x3333333333333333333333333333333333333333"
	var stdout bytes.Buffer
	err := chainGenesis([]string{"--chain-id", "64110", "--signers", signers, "--relayers", "2", "--out", out},
		strings.NewReader("a long enough passphrase\n"), &stdout)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := genesis.Load(filepath.Join(out, "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	if spec.ChainID.Int64() != 64110 || len(spec.Signers) != 3 || spec.PeriodSeconds != 1 {
		t.Fatalf("genesis: %+v", spec)
	}
	var addrs map[string]string
	b, _ := os.ReadFile(filepath.Join(out, "addresses.json"))
	if err := json.Unmarshal(b, &addrs); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(filepath.Join(out, "keystore"))
	if len(files) != 6 { // admin, minter, operator, treasury, 2 relayers
		t.Fatalf("%d keystore files, want 6", len(files))
	}
	for _, name := range []string{"admin", "minter", "operator", "relayer-0", "relayer-1"} {
		if spec.Alloc[common.HexToAddress(addrs[name])] == nil {
			t.Fatalf("%s is not funded in the genesis", name)
		}
	}
	if spec.Alloc[common.HexToAddress(addrs["treasury"])] != nil {
		t.Fatal("the treasury needs no ether")
	}
	kf, _ := os.ReadFile(filepath.Join(out, "keystore", addrs["minter_keyfile"]))
	k, err := keystore.DecryptKey(kf, "a long enough passphrase")
	if err != nil || k.Address != common.HexToAddress(addrs["minter"]) {
		t.Fatalf("minter keystore does not open with the passphrase: %v", err)
	}
	if bytes.Contains(kf, []byte(common.Bytes2Hex(k.PrivateKey.D.Bytes()))) {
		t.Fatal("the keystore holds the key in plain text")
	}

	// Refusals: an existing folder, a bad signer, a short passphrase.
	if err := chainGenesis([]string{"--chain-id", "1", "--signers", signers, "--out", out}, strings.NewReader("a long enough passphrase\n"), &stdout); err == nil {
		t.Fatal("an existing folder was overwritten")
	}
	if err := chainGenesis([]string{"--chain-id", "1", "--signers", "0x12", "--out", out + "2"}, strings.NewReader("a long enough passphrase\n"), &stdout); err == nil {
		t.Fatal("a malformed signer was accepted")
	}
	if err := chainGenesis([]string{"--chain-id", "1", "--signers", signers, "--out", out + "3"}, strings.NewReader("short\n"), &stdout); err == nil {
		t.Fatal("a short passphrase was accepted")
	}
}
