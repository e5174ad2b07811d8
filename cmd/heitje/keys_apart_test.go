package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// serveSetting is a configuration `heitje serve` would start with: a migrated database, the test chain, a
// coin deployed by a fresh admin key (returned) with fresh minter, operator and relayer keys.
func serveSetting(t *testing.T) (map[string]string, *chain.Client, common.Address, []byte) {
	t.Helper()
	ctx := context.Background()
	env := testenv.Chain(t)
	dbURL := testdb.URL(t)
	c, err := chain.Dial(ctx, env.RPCURL, env.ChainID.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	admin, minter, operator, relayer := env.FundedKey(t), env.FundedKey(t), env.FundedKey(t), env.FundedKey(t)
	dep, err := chain.DeployToken(ctx, c, admin, chain.Roles{Minter: crypto.PubkeyToAddress(minter.PublicKey),
		Operator: crypto.PubkeyToAddress(operator.PublicKey), Treasury: common.HexToAddress("0x00000000000000000000000000000000000000aa")})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"DATABASE_URL": dbURL, "ETH_RPC_URL": env.RPCURL, "GENESIS_FILE": env.GenesisPath,
		"TOKEN_ADDRESS":    dep.Address.Hex(),
		"MINTER_KEY":       hex.EncodeToString(crypto.FromECDSA(minter)),
		"OPERATOR_KEY":     hex.EncodeToString(crypto.FromECDSA(operator)),
		"RELAYER_KEYS":     hex.EncodeToString(crypto.FromECDSA(relayer)),
		"TREASURY_ADDRESS": "0x00000000000000000000000000000000000000aa",
		"HTTP_ADDR":        "127.0.0.1:0",
		"JWT_SECRET":       "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NTY3OA==",
		"DATA_KEY":         "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"LOOKUP_KEY":       "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
		devModeVar:         "1", // the test chain is the development network
	}, c, dep.Address, crypto.FromECDSA(admin)
}

// serveFails runs `heitje serve` in dir with exactly env and returns its one line of stderr, failing the
// test unless it exits non-zero with exactly one line and no panic.
func serveFails(t *testing.T, bin, dir string, env map[string]string) string {
	t.Helper()
	cmd := exec.Command(bin, "serve")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil || cmd.ProcessState.ExitCode() == 0 {
		t.Fatalf("heitje serve exited 0; stderr: %s", stderr.String())
	}
	out := strings.TrimRight(stderr.String(), "\n")
	if strings.Count(out, "\n") != 0 || !strings.HasPrefix(out, "heitje: ") || strings.Contains(out, "panic") {
		t.Fatalf("want one line, got:\n%s", out)
	}
	return out
}

// TestServeRefusesTheAdminKey: `heitje serve` refuses to start when one of its keys, or any key file in
// its KEYSTORE_DIR, holds the coin's admin role, and names where it found it.
func TestServeRefusesTheAdminKey(t *testing.T) {
	t.Parallel()
	bin := heitje(t)
	good, _, _, admin := serveSetting(t)
	adminKey, _ := crypto.ToECDSA(admin)
	adminAddr := crypto.PubkeyToAddress(adminKey.PublicKey).Hex()

	asRelayer := withSetting(good, "RELAYER_KEYS", good["RELAYER_KEYS"]+","+hex.EncodeToString(admin))
	out := serveFails(t, bin, t.TempDir(), asRelayer)
	if !strings.Contains(out, "RELAYER_KEYS entry 2 ("+adminAddr+") holds the coin's admin role") {
		t.Fatalf("the admin key as a relayer: %s", out)
	}
	if strings.Contains(out, hex.EncodeToString(admin)) {
		t.Fatalf("the error line leaks the key: %s", out)
	}

	ks := t.TempDir()
	if _, err := genesis.WriteKeystore(ks, adminKey, "twelve chars or more"); err != nil {
		t.Fatal(err)
	}
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("twelve chars or more\n"), 0o600)
	inFolder := withSetting(good, "KEYSTORE_DIR", ks)
	inFolder["KEYSTORE_PASSWORD_FILE"] = pass
	out = serveFails(t, bin, t.TempDir(), inFolder)
	if !strings.Contains(out, "a key file in KEYSTORE_DIR ("+adminAddr+") holds the coin's admin role") {
		t.Fatalf("the admin key in the mounted keystore: %s", out)
	}
}

// TestServeRefusesDevelopmentMaterial: outside development mode `heitje serve` refuses the published
// development keys and the development chain id with one clear line that names each, and it does not
// read .run/heitje.env.
func TestServeRefusesDevelopmentMaterial(t *testing.T) {
	t.Parallel()
	bin := heitje(t)
	good, _, _, _ := serveSetting(t)
	prod := withSetting(good, devModeVar, "")
	delete(prod, devModeVar)
	prod["MINTER_KEY"] = devnet.DevMinter.Private
	prod["RELAYER_KEYS"] = devnet.DevRelayers[0].Private
	out := serveFails(t, bin, t.TempDir(), prod)
	for _, want := range []string{"refusing to serve development material outside development mode",
		"GENESIS_FILE is the development network's (chain id 6411)", "MINTER_KEY is the published development minter key",
		"RELAYER_KEYS entry 1 is the published development relayer key", "HEITJE_DEV_MODE=1"} {
		if !strings.Contains(out, want) {
			t.Fatalf("want %q in: %s", want, out)
		}
	}
	if strings.Contains(out, devnet.DevMinter.Private) {
		t.Fatalf("the line repeats a key: %s", out)
	}

	// .run/heitje.env fills in nothing outside development mode.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".run"), 0o700)
	os.WriteFile(filepath.Join(dir, ".run", "heitje.env"), []byte("DATABASE_URL="+good["DATABASE_URL"]+"\n"), 0o600)
	noDB := withSetting(prod, "DATABASE_URL", "")
	delete(noDB, "DATABASE_URL")
	if out := serveFails(t, bin, dir, noDB); !strings.Contains(out, "DATABASE_URL is required") {
		t.Fatalf("without development mode .run/heitje.env was read: %s", out)
	}
}

// TestChainAdminCommandsUseTheAdminKeystore grants, pauses, unpauses and revokes with `heitje chain …`
// and the admin key opened from its own keystore, and checks each on chain; a wrong passphrase and a key
// without the admin role change nothing.
func TestChainAdminCommandsUseTheAdminKeystore(t *testing.T) {
	ctx := context.Background()
	good, c, token, admin := serveSetting(t)
	adminKey, _ := crypto.ToECDSA(admin)
	ks := t.TempDir()
	const pass = "the admin's own passphrase"
	if _, err := genesis.WriteKeystore(ks, adminKey, pass); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"ETH_RPC_URL", "GENESIS_FILE", "TOKEN_ADDRESS"} {
		t.Setenv(k, good[k])
	}
	t.Setenv("ADMIN_KEY", "")
	keyFlags := []string{"--keystore", ks, "--admin", crypto.PubkeyToAddress(adminKey.PublicKey).Hex()}
	newcomer := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	run := func(stdin, op string, args ...string) error {
		var out bytes.Buffer
		return chainAdmin(ctx, op, append(append([]string{}, keyFlags...), args...), strings.NewReader(stdin), &out)
	}
	hasMinter := func() bool {
		ok, err := chain.HasRole(ctx, c, token, chain.RoleMinter, newcomer)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	paused := func() bool {
		coin := bindings.NewHeitjeCoin()
		out, err := c.CallContract(ctx, ethereum.CallMsg{To: &token, Data: coin.PackPaused()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := coin.UnpackPaused(out)
		return p
	}

	if err := run("not the passphrase\n", "grant", "minter", newcomer.Hex()); err == nil || hasMinter() {
		t.Fatalf("a wrong passphrase granted: %v", err)
	}
	if err := run(pass+"\n", "grant", "minter", newcomer.Hex()); err != nil || !hasMinter() {
		t.Fatalf("grant: %v", err)
	}
	if err := run(pass+"\n", "pause"); err != nil || !paused() {
		t.Fatalf("pause: %v", err)
	}
	if err := run(pass+"\n", "unpause"); err != nil || paused() {
		t.Fatalf("unpause: %v", err)
	}
	if err := run(pass+"\n", "revoke", "minter", newcomer.Hex()); err != nil || hasMinter() {
		t.Fatalf("revoke: %v", err)
	}
	if err := run(pass+"\n", "grant", "sovereign", newcomer.Hex()); err == nil {
		t.Fatal("an unknown role was accepted")
	}
	// The minter's key is no admin: the token refuses, before any gas is spent.
	t.Setenv("ADMIN_KEY", good["MINTER_KEY"])
	var out bytes.Buffer
	if err := chainAdmin(ctx, "grant", []string{"minter", newcomer.Hex()}, strings.NewReader(""), &out); err == nil || hasMinter() {
		t.Fatalf("a key without the admin role granted: %v", err)
	}
}

// withSetting returns a copy of m with k set to v.
func withSetting(m map[string]string, k, v string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for key, val := range m {
		out[key] = val
	}
	out[k] = v
	return out
}

// TestImageCarriesNoGenesis: the container image's final stage copies the binary and nothing else, so no
// genesis (least of all the development network's) comes with it; GENESIS_FILE points at a mounted one.
func TestImageCarriesNoGenesis(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(testenv.ProjectRoot(), "deploy", "container", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	stages := strings.Split(string(b), "\nFROM ")
	final := stages[len(stages)-1]
	var copies []string
	for _, l := range strings.Split(final, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "COPY ") || strings.HasPrefix(strings.TrimSpace(l), "ADD ") {
			copies = append(copies, strings.TrimSpace(l))
		}
	}
	if len(copies) != 1 || copies[0] != "COPY --from=build /out/heitje /heitje" {
		t.Fatalf("the final stage copies %q, want only the binary", copies)
	}
}
