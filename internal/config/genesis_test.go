package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliqueGenesis writes a Clique genesis whose extraData names n signers.
func cliqueGenesis(t *testing.T, n int) string {
	t.Helper()
	extra := "0x" + strings.Repeat("00", 32)
	for i := 1; i <= n; i++ {
		extra += strings.Repeat("0", 38) + "0" + string(rune('0'+i))
	}
	extra += strings.Repeat("00", 65)
	path := filepath.Join(t.TempDir(), "genesis.json")
	g := `{"config":{"chainId":6411,"clique":{"period":1,"epoch":30000}},"extraData":"` + extra + `"}`
	if err := os.WriteFile(path, []byte(g), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestConfirmationsForSeveralSigners: with one signer the development default of 0 confirmations stands;
// with three, serve refuses fewer than 2, naming CHAIN_CONFIRMATIONS in one line.
func TestConfirmationsForSeveralSigners(t *testing.T) {
	cases := []struct {
		signers       int
		confirmations string // "" leaves it unset
		want          string // "" for no error
	}{
		{1, "", ""},
		{1, "0", ""},
		{3, "", "CHAIN_CONFIRMATIONS must be 2 or more: the genesis (GENESIS_FILE) names 3 Clique signers"},
		{3, "1", "CHAIN_CONFIRMATIONS must be 2 or more"},
		{3, "2", ""},
		{3, "5", ""},
	}
	for _, tc := range cases {
		vars := validEnv(t)
		vars["GENESIS_FILE"] = cliqueGenesis(t, tc.signers)
		if tc.confirmations != "" {
			vars["CHAIN_CONFIRMATIONS"] = tc.confirmations
		}
		c, err := Load(env(vars), NeedServe)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%d signers, CHAIN_CONFIRMATIONS=%q: %v", tc.signers, tc.confirmations, err)
		case tc.want == "" && c.GenesisSigners != tc.signers:
			t.Errorf("%d signers: GenesisSigners %d", tc.signers, c.GenesisSigners)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || strings.Count(err.Error(), "\n") > 0):
			t.Errorf("%d signers, CHAIN_CONFIRMATIONS=%q: want one line with %q, got %v", tc.signers, tc.confirmations, tc.want, err)
		}
	}
}

func TestGenesisWithBadCliqueExtraData(t *testing.T) {
	vars := validEnv(t)
	path := filepath.Join(t.TempDir(), "genesis.json")
	if err := os.WriteFile(path, []byte(`{"config":{"chainId":6411,"clique":{}},"extraData":"0x1234"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	vars["GENESIS_FILE"] = path
	if _, err := Load(env(vars), NeedServe); err == nil || !strings.Contains(err.Error(), "GENESIS_FILE has a Clique config but its extraData") {
		t.Fatalf("want the extraData refused, got %v", err)
	}
}
