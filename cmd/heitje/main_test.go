package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// heitje is the command, built once per test binary.
func heitje(t *testing.T) string {
	t.Helper()
	return testenv.BuildCommand(t, "./cmd/heitje")
}

// TestBadConfigurationIsOneClearLine runs `heitje serve` with broken settings and expects one line on
// stderr that names the problem, a non-zero exit status, and no panic.
func TestBadConfigurationIsOneClearLine(t *testing.T) {
	t.Parallel()
	bin := heitje(t)
	chainEnv := testenv.Chain(t)
	dbURL := testdb.URL(t)
	otherGenesis := filepath.Join(t.TempDir(), "genesis.json")
	os.WriteFile(otherGenesis, []byte(`{"config":{"chainId":999}}`), 0o644)
	relayers := []string{}
	for _, r := range devnet.DevRelayers {
		relayers = append(relayers, r.Private)
	}
	good := map[string]string{
		"DATABASE_URL":     dbURL,
		"ETH_RPC_URL":      chainEnv.RPCURL,
		"GENESIS_FILE":     chainEnv.GenesisPath,
		"TOKEN_ADDRESS":    "0x000000000000000000000000000000000000c011",
		"MINTER_KEY":       devnet.DevMinter.Private,
		"OPERATOR_KEY":     devnet.DevOperator.Private,
		"RELAYER_KEYS":     strings.Join(relayers, ","),
		"TREASURY_ADDRESS": devnet.DevTreasury.Address,
		"HTTP_ADDR":        "127.0.0.1:0",
		"JWT_SECRET":       "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NTY3OA==",
		"DATA_KEY":         "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"LOOKUP_KEY":       "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
		devModeVar:         "1",
	}
	cases := []struct {
		name, key, value, want string
	}{
		{"malformed key", "MINTER_KEY", "0xnot-a-key", "MINTER_KEY is not a valid hex secp256k1 private key"},
		{"missing variable", "DATABASE_URL", "", "DATABASE_URL is required"},
		{"malformed data key", "DATA_KEY", "k1:secret-not-base64", "DATA_KEY must be <id>:<base64 of 32 bytes>"},
		{"short JWT secret", "JWT_SECRET", "secretsecret", "JWT_SECRET must be at least 32 random bytes"},
		{"missing lookup key", "LOOKUP_KEY", "", "LOOKUP_KEY is required"},
		{"unreachable database", "DATABASE_URL", "postgres://heitje:secret@127.0.0.1:1/heitje", "database unreachable"},
		{"unknown chain id", "GENESIS_FILE", otherGenesis, "chain id mismatch"},
		{"unreachable node", "ETH_RPC_URL", "http://127.0.0.1:1", "chain node unreachable"},
		{"no contract", "TOKEN_ADDRESS", "0x000000000000000000000000000000000000c011", "no contract at TOKEN_ADDRESS"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, "serve")
			cmd.Dir = t.TempDir() // no .run/heitje.env here
			cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
			for k, v := range good {
				if k == tc.key {
					v = tc.value
				}
				cmd.Env = append(cmd.Env, k+"="+v)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if err == nil || cmd.ProcessState.ExitCode() == 0 {
				t.Fatalf("heitje serve exited 0; stderr: %s", stderr.String())
			}
			out := strings.TrimRight(stderr.String(), "\n")
			if strings.Count(out, "\n") != 0 || !strings.HasPrefix(out, "heitje: ") || !strings.Contains(out, tc.want) {
				t.Fatalf("want one line containing %q, got:\n%s", tc.want, out)
			}
			if strings.Contains(out, "panic") || strings.Contains(out, "secret") || strings.Contains(out, "not-a-key") {
				t.Fatalf("the error line leaks a secret or panics: %s", out)
			}
		})
	}
}
