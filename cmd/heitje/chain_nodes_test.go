package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/heerlen/heitje/chain/node"
)

// TestChainGenesisWritesNodeKeysAndStaticNodes writes a network of three signers and an RPC node with
// --nodes and checks that each node key belongs to its enode URL, and that geth itself reads
// static-nodes.toml as the list of static nodes (geth dumpconfig prints the config it would run with).
func TestChainGenesisWritesNodeKeysAndStaticNodes(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "network")
	signers := "0x1111111111111111111111111111111111111111,0x2222222222222222222222222222222222222222,0x3333333333333333333333333333333333333333"
	nodes := "gemeente=10.0.0.1:30303,partner-a=10.0.0.2:30303,partner-b=[2001:db8::2]:30304,rpc=10.0.0.4:30305"
	var stdout bytes.Buffer
	err := chainGenesis([]string{"--chain-id", "64110", "--signers", signers, "--relayers", "1", "--nodes", nodes, "--out", out},
		strings.NewReader("a long enough passphrase\nanother, for the admin only\n"), &stdout)
	if err != nil {
		t.Fatal(err)
	}
	var enodes map[string]string
	b, _ := os.ReadFile(filepath.Join(out, "nodes.json"))
	if err := json.Unmarshal(b, &enodes); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"gemeente": "10.0.0.1:30303", "partner-a": "10.0.0.2:30303", "partner-b": "[2001:db8::2]:30304", "rpc": "10.0.0.4:30305"}
	if len(enodes) != len(want) {
		t.Fatalf("nodes.json: %v", enodes)
	}
	for name, addr := range want {
		n, err := enode.ParseV4(enodes[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, got, _ := strings.Cut(enodes[name], "@"); got != addr {
			t.Fatalf("%s is dialled at %s, want %s", name, got, addr)
		}
		keyFile := filepath.Join(out, "nodes", name, "nodekey")
		key, err := crypto.LoadECDSA(keyFile)
		if err != nil {
			t.Fatal(err)
		}
		if n.ID() != enode.PubkeyToIDV4(&key.PublicKey) {
			t.Fatalf("%s's node key is not the one of its enode URL", name)
		}
		if fi, _ := os.Stat(keyFile); fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s is readable by others: %v", keyFile, fi.Mode())
		}
	}
	geth, err := node.EnsureGeth(context.Background(), filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dump, err := exec.Command(geth, "--config", filepath.Join(out, "static-nodes.toml"), "--nodiscover", "dumpconfig").CombinedOutput()
	if err != nil {
		t.Fatalf("geth does not read static-nodes.toml: %v\n%s", err, dump)
	}
	_, section, _ := strings.Cut(string(dump), "StaticNodes = [")
	section, _, _ = strings.Cut(section, "]\n")
	for name, e := range enodes {
		if !strings.Contains(section, e) {
			t.Fatalf("geth's StaticNodes lack %s (%s):\n%s", name, e, dump)
		}
	}
	if !strings.Contains(stdout.String(), "static-nodes.toml") {
		t.Fatalf("chain genesis does not say where the peer list is: %s", stdout.String())
	}
}

// TestChainGenesisRefusesBadNodes checks that --nodes takes name=host:port entries only, each once.
func TestChainGenesisRefusesBadNodes(t *testing.T) {
	t.Parallel()
	for _, nodes := range []string{"a=10.0.0.1", "=10.0.0.1:1", "A=10.0.0.1:1", "a=10.0.0.1:0", "a=10.0.0.1:1,a=10.0.0.2:1", "a=10.0.0.1:1,b=10.0.0.1:1"} {
		err := chainGenesis([]string{"--chain-id", "1", "--signers", "0x1111111111111111111111111111111111111111", "--nodes", nodes,
			"--out", filepath.Join(t.TempDir(), "n")}, strings.NewReader(""), &bytes.Buffer{})
		if _, ok := err.(usageError); !ok {
			t.Errorf("--nodes %s: %v, want a usage error", nodes, err)
		}
	}
}
