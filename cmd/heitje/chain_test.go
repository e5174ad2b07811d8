package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain/genesis"
)

// TestChainGenesisWritesTwoKeystores writes a three-signer network and checks the genesis, that every
// service key but the treasury is funded, and that the keys are kept apart: keystore/ (for the API hosts)
// holds only the minter, operator and relayer keys under the first passphrase; admin-keystore/ (for the
// offline machine) holds the admin and treasury keys under the second, which the first does not open.
func TestChainGenesisWritesTwoKeystores(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "network")
	signers := "0x1111111111111111111111111111111111111111,0x2222222222222222222222222222222222222222,0x3333333333333333333333333333333333333333"
	const apiPass, adminPass = "a long enough passphrase", "another, for the admin only"
	var stdout bytes.Buffer
	err := chainGenesis([]string{"--chain-id", "64110", "--signers", signers, "--relayers", "2", "--out", out},
		strings.NewReader(apiPass+"\n"+adminPass+"\n"), &stdout)
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
	for _, name := range []string{"admin", "minter", "operator", "relayer-0", "relayer-1"} {
		if spec.Alloc[common.HexToAddress(addrs[name])] == nil {
			t.Fatalf("%s is not funded in the genesis", name)
		}
	}
	if spec.Alloc[common.HexToAddress(addrs["treasury"])] != nil {
		t.Fatal("the treasury needs no ether")
	}
	// keyring opens every file of a folder with pass and returns the addresses, failing on any that does not open.
	keyring := func(dir, pass string) map[common.Address]bool {
		t.Helper()
		files, err := os.ReadDir(filepath.Join(out, dir))
		if err != nil {
			t.Fatal(err)
		}
		got := map[common.Address]bool{}
		for _, f := range files {
			kf, _ := os.ReadFile(filepath.Join(out, dir, f.Name()))
			k, err := keystore.DecryptKey(kf, pass)
			if err != nil {
				t.Fatalf("%s/%s does not open with its passphrase: %v", dir, f.Name(), err)
			}
			if bytes.Contains(kf, []byte(common.Bytes2Hex(k.PrivateKey.D.Bytes()))) {
				t.Fatal("a keystore holds a key in plain text")
			}
			if _, err := keystore.DecryptKey(kf, map[string]string{apiPass: adminPass, adminPass: apiPass}[pass]); err == nil {
				t.Fatalf("%s/%s opens with the other keystore's passphrase", dir, f.Name())
			}
			got[k.Address] = true
		}
		return got
	}
	want := func(names ...string) map[common.Address]bool {
		m := map[common.Address]bool{}
		for _, n := range names {
			m[common.HexToAddress(addrs[n])] = true
		}
		return m
	}
	if got, w := keyring("keystore", apiPass), want("minter", "operator", "relayer-0", "relayer-1"); !maps.Equal(got, w) {
		t.Fatalf("the API keystore holds %v, want only the minter, operator and relayers %v", got, w)
	}
	if got, w := keyring("admin-keystore", adminPass), want("admin", "treasury"); !maps.Equal(got, w) {
		t.Fatalf("the admin keystore holds %v, want the admin and treasury %v", got, w)
	}
	if !strings.HasPrefix(addrs["admin_keyfile"], "admin-keystore/") || !strings.HasPrefix(addrs["minter_keyfile"], "keystore/") {
		t.Fatalf("addresses.json names the key files %q and %q", addrs["admin_keyfile"], addrs["minter_keyfile"])
	}

	// Refusals, each writing nothing: an existing folder, a bad signer, a short passphrase, one passphrase
	// for both keystores, a missing second passphrase.
	for _, tc := range []struct{ name, out, signers, stdin string }{
		{"existing folder", out, signers, apiPass + "\n" + adminPass + "\n"},
		{"malformed signer", out + "2", "0x12", apiPass + "\n" + adminPass + "\n"},
		{"short passphrase", out + "3", signers, "short\n" + adminPass + "\n"},
		{"one passphrase twice", out + "4", signers, apiPass + "\n" + apiPass + "\n"},
		{"no admin passphrase", out + "5", signers, apiPass + "\n"},
	} {
		if err := chainGenesis([]string{"--chain-id", "1", "--signers", tc.signers, "--out", tc.out},
			strings.NewReader(tc.stdin), &stdout); err == nil {
			t.Fatalf("%s: accepted", tc.name)
		}
		if tc.out != out {
			if _, err := os.Stat(tc.out); err == nil {
				t.Fatalf("%s: wrote %s", tc.name, tc.out)
			}
		}
	}
}
