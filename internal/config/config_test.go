package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func env(m map[string]string) Lookup {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func validEnv(t *testing.T) map[string]string {
	t.Helper()
	gen := filepath.Join(t.TempDir(), "genesis.json")
	if err := os.WriteFile(gen, []byte(`{"config":{"chainId":6411}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"DATABASE_URL":     "postgres://u:p@127.0.0.1:5432/heitje",
		"ETH_RPC_URL":      "http://127.0.0.1:8545",
		"GENESIS_FILE":     gen,
		"TOKEN_ADDRESS":    "0xe365E5C406cF8d678A8b0F3f457B82Ac8cAC4530",
		"MINTER_KEY":       "cdbaa506f27ec1fcb140d674fc4dc2cb13b06efa421f8e64bc87bd02227ec850",
		"OPERATOR_KEY":     "0x9e3d2f0c1f727e732760f534d43698f5f7e5e58596ff9a9154aa9d667956a160",
		"RELAYER_KEYS":     "c7fe89eb85303c0c5c9577ddfcc331608932a6de9bb510ee04c5a84a4a98f70a, 9ea4262d2687315118773460bc63f781caa051fd6431c2bf1a2c5a0f8a2f425d",
		"TREASURY_ADDRESS": "0xe365E5C406cF8d678A8b0F3f457B82Ac8cAC4530",
		"JWT_SECRET":       "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NTY3OA==",
		"DATA_KEY":         "k2:" + testKeyB64,
		"LOOKUP_KEY":       "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
	}
}

// testKeyB64 is 32 bytes in base64; the tests check that no error message contains it.
const testKeyB64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

func TestLoadValid(t *testing.T) {
	c, err := Load(env(validEnv(t)), NeedServe)
	if err != nil {
		t.Fatal(err)
	}
	if c.ChainID != 6411 || len(c.RelayerKeys) != 2 || c.HTTPAddr != "127.0.0.1:8080" || c.MinterKey == nil {
		t.Fatalf("unexpected config %+v", c)
	}
	if len(c.JWTSecret) != 43 || c.DataKey.ID != "k2" || len(c.DataKey.Secret) != 32 || len(c.LookupKey) != 32 ||
		c.Argon2.Memory != 64*1024 || c.HashBudgetKiB != 256<<10 {
		t.Fatalf("unexpected secrets: jwt %d bytes, data key %q, lookup %d bytes, argon2 %+v, hash budget %d KiB",
			len(c.JWTSecret), c.DataKey.ID, len(c.LookupKey), c.Argon2, c.HashBudgetKiB)
	}
	if _, err := c.Keyring(); err != nil {
		t.Fatal(err)
	}
}

func TestLoadNamesTheBadVariable(t *testing.T) {
	cases := []struct{ name, value, want string }{
		{"DATABASE_URL", "", "DATABASE_URL is required"},
		{"DATABASE_URL", "mysql://x", "DATABASE_URL must be a postgres:// URL"},
		{"ETH_RPC_URL", "ftp://x", "ETH_RPC_URL must be"},
		{"ETH_RPC_URL", "http://10.0.0.1:8545,ws://10.0.0.2:8546", "ETH_RPC_URL several nodes must each be an http(s)"},
		{"ETH_RPC_URL", "http://10.0.0.1:8545,", "ETH_RPC_URL must be"},
		{"GENESIS_FILE", "/nonexistent/genesis.json", "GENESIS_FILE cannot be read"},
		{"TOKEN_ADDRESS", "0x1234", "TOKEN_ADDRESS must be"},
		{"MINTER_KEY", "not-a-key", "MINTER_KEY is not a valid"},
		{"RELAYER_KEYS", "c7fe89eb85303c0c5c9577ddfcc331608932a6de9bb510ee04c5a84a4a98f70a,zz", "RELAYER_KEYS entry 2"},
		{"CHAIN_CONFIRMATIONS", "-1", "CHAIN_CONFIRMATIONS must be"},
		{"SHUTDOWN_TIMEOUT", "soon", "SHUTDOWN_TIMEOUT must be"},
		{"LOG_LEVEL", "loud", "LOG_LEVEL must be"},
		{"HTTP_ADDR", "8080", "HTTP_ADDR must be"},
		{"JWT_SECRET", "", "JWT_SECRET is required"},
		{"JWT_SECRET", "c2hvcnQtc2VjcmV0", "JWT_SECRET must be at least 32"},
		{"DATA_KEY", "", "DATA_KEY is required"},
		{"DATA_KEY", testKeyB64, "DATA_KEY must be <id>:<base64"},
		{"DATA_KEY", "k2:" + testKeyB64[:20], "DATA_KEY must be <id>:<base64"},
		{"DATA_KEY", "K 2:" + testKeyB64, "DATA_KEY must be <id>"},
		{"DATA_KEY_OLD", "k2:" + testKeyB64, "DATA_KEY_OLD entry 1 has the id"},
		{"DATA_KEY_OLD", "k1:" + testKeyB64 + ",k0:zz", "DATA_KEY_OLD entry 2"},
		{"LOOKUP_KEY", "", "LOOKUP_KEY is required"},
		{"LOOKUP_KEY", "0011", "LOOKUP_KEY must be at least 32"},
		{"ARGON2_MEMORY_KIB", "1024", "ARGON2_MEMORY_KIB must be between 19456"},
		{"ARGON2_ITERATIONS", "1", "ARGON2_ITERATIONS must be between 2"},
		{"TRUSTED_PROXIES", "10.0.0.0/8,nonsense", "TRUSTED_PROXIES must be"},
	}
	for _, tc := range cases {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			m := validEnv(t)
			m[tc.name] = tc.value
			_, err := Load(env(m), NeedServe)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			for _, secret := range []string{"not-a-key", testKeyB64, testKeyB64[:20], "c2hvcnQtc2VjcmV0", "0011"} {
				if strings.Contains(err.Error(), secret) {
					t.Fatalf("error echoes the secret value: %v", err)
				}
			}
		})
	}
}

func TestLoadOnlyWhatIsNeeded(t *testing.T) {
	if _, err := Load(env(map[string]string{"DATABASE_URL": "postgres://x@y/z"}), NeedDatabase); err != nil {
		t.Fatal(err)
	}
}

func TestWithEnvFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "heitje.env")
	os.WriteFile(p, []byte("# written by make run\nDATABASE_URL=postgres://file@h/db\nHTTP_ADDR=127.0.0.1:9999\n"), 0o600)
	l, err := WithEnvFile(env(map[string]string{"HTTP_ADDR": "127.0.0.1:1"}), p)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := l("DATABASE_URL"); v != "postgres://file@h/db" {
		t.Fatalf("file value not used: %q", v)
	}
	if v, _ := l("HTTP_ADDR"); v != "127.0.0.1:1" {
		t.Fatalf("environment must win over the file: %q", v)
	}
	os.WriteFile(p, []byte("garbage\n"), 0o600)
	if _, err := WithEnvFile(env(nil), p); err == nil {
		t.Fatal("malformed file accepted")
	}
}

// TestSeveralChainNodes: ETH_RPC_URL may list several http(s) nodes, separated by commas, for failover.
func TestSeveralChainNodes(t *testing.T) {
	e := validEnv(t)
	e["ETH_RPC_URL"] = "http://10.0.0.1:8545, https://rpc.partner.example:8545"
	if c, err := Load(env(e), NeedChain); err != nil || c.EthRPCURL != e["ETH_RPC_URL"] {
		t.Fatalf("%v %v", c, err)
	}
}
