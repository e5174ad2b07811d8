package genesis_test

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/internal/devnet"
)

// TestCommittedGenesisMatchesDevKeys fails when genesis.json at the repository root no longer describes the
// network that the development keys and Build define. Key order and whitespace do not matter; values do.
func TestCommittedGenesisMatchesDevKeys(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join("..", "..", "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	built, err := genesis.Build(devnet.GenesisSpec())
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	if err := json.Unmarshal(committed, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(built, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("genesis.json has drifted from devnet.GenesisSpec; Build gives:\n%s", built)
	}

	spec, err := genesis.Load(filepath.Join("..", "..", "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	if spec.ChainID.Int64() != 6411 || spec.PeriodSeconds != 1 || spec.GasLimit != 100_000_000 {
		t.Fatalf("committed genesis: chain %s, period %d, gas limit %d", spec.ChainID, spec.PeriodSeconds, spec.GasLimit)
	}
	if len(spec.Signers) != 1 || spec.Signers[0] != common.HexToAddress(devnet.DevSigner.Address) {
		t.Fatalf("committed genesis signers = %v", spec.Signers)
	}
}

func TestBuildLayout(t *testing.T) {
	a := common.HexToAddress("0x2000000000000000000000000000000000000002")
	b := common.HexToAddress("0x1000000000000000000000000000000000000001")
	data, err := genesis.Build(genesis.Spec{
		ChainID: big.NewInt(99), PeriodSeconds: 0, GasLimit: 30_000_000,
		Signers: []common.Address{a, b},
		Alloc:   map[common.Address]*big.Int{a: big.NewInt(255)},
	})
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Config        map[string]any `json:"config"`
		ExtraData     string         `json:"extraData"`
		BaseFeePerGas string         `json:"baseFeePerGas"`
		GasLimit      string         `json:"gasLimit"`
		Alloc         map[string]struct {
			Balance string `json:"balance"`
		} `json:"alloc"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	wantExtra := "0x" + strings.Repeat("00", 32) + strings.TrimPrefix(strings.ToLower(b.Hex()), "0x") +
		strings.TrimPrefix(strings.ToLower(a.Hex()), "0x") + strings.Repeat("00", 65)
	if file.ExtraData != wantExtra {
		t.Errorf("extraData = %s, want the signers sorted between 32 and 65 zero bytes", file.ExtraData)
	}
	if file.BaseFeePerGas != "0x3b9aca00" || file.GasLimit != "0x1c9c380" {
		t.Errorf("baseFeePerGas %s, gasLimit %s", file.BaseFeePerGas, file.GasLimit)
	}
	if file.Config["londonBlock"] != float64(0) {
		t.Errorf("londonBlock = %v", file.Config["londonBlock"])
	}
	for _, key := range []string{"shanghaiTime", "cancunTime", "terminalTotalDifficulty"} {
		if _, ok := file.Config[key]; ok {
			t.Errorf("config has %s", key)
		}
	}
	if got := file.Alloc["2000000000000000000000000000000000000002"].Balance; got != "0xff" {
		t.Errorf("alloc balance = %q", got)
	}
}

func TestParseRoundTrip(t *testing.T) {
	spec := devnet.GenesisSpec()
	data, err := genesis.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	back, err := genesis.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(spec, back) {
		t.Fatalf("Parse(Build(spec)) = %+v, want %+v", back, spec)
	}
	path := filepath.Join(t.TempDir(), "genesis.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	id, err := genesis.ChainID(path)
	if err != nil || id.Int64() != devnet.ChainID {
		t.Fatalf("ChainID = %v, %v", id, err)
	}
}

func TestBuildRefusesBadSpecs(t *testing.T) {
	good := func() genesis.Spec { return devnet.GenesisSpec() }
	signer := common.HexToAddress(devnet.DevSigner.Address)
	tests := map[string]func(*genesis.Spec){
		"no signers":        func(s *genesis.Spec) { s.Signers = nil },
		"zero chain id":     func(s *genesis.Spec) { s.ChainID = big.NewInt(0) },
		"nil chain id":      func(s *genesis.Spec) { s.ChainID = nil },
		"negative chain id": func(s *genesis.Spec) { s.ChainID = big.NewInt(-1) },
		"gas limit < 30M":   func(s *genesis.Spec) { s.GasLimit = 29_999_999 },
		"duplicate signer":  func(s *genesis.Spec) { s.Signers = []common.Address{signer, signer} },
		"zero signer":       func(s *genesis.Spec) { s.Signers = []common.Address{{}} },
		"nil balance":       func(s *genesis.Spec) { s.Alloc[signer] = nil },
		"negative balance":  func(s *genesis.Spec) { s.Alloc[signer] = big.NewInt(-1) },
		"balance ≥ 2^256":   func(s *genesis.Spec) { s.Alloc[signer] = new(big.Int).Lsh(big.NewInt(1), 256) },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			spec := good()
			spoil(&spec)
			if _, err := genesis.Build(spec); err == nil {
				t.Fatal("Build accepted a bad spec")
			}
		})
	}
	if _, err := genesis.Build(good()); err != nil {
		t.Fatalf("Build refused the dev spec: %v", err)
	}
}

func TestParseRefusesPostLondon(t *testing.T) {
	data, err := genesis.Build(devnet.GenesisSpec())
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ from, to string }{
		{`"grayGlacierBlock": 0,`, `"grayGlacierBlock": 0, "shanghaiTime": 0,`},
		{`"grayGlacierBlock": 0,`, `"grayGlacierBlock": 0, "terminalTotalDifficulty": 0,`},
		{`"londonBlock": 0,`, `"londonBlock": 5,`},
		{`"clique": {`, `"ethash": {}, "cliqueX": {`},
	} {
		spoiled := strings.Replace(string(data), edit.from, edit.to, 1)
		if spoiled == string(data) {
			t.Fatalf("edit %q did not apply", edit.from)
		}
		if _, err := genesis.Parse([]byte(spoiled)); err == nil {
			t.Errorf("Parse accepted a genesis with %s", edit.to)
		}
	}
}

func TestWriteKeystore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keystore")
	key := devnet.DevSigner.ECDSA()
	path, err := genesis.WriteKeystore(dir, key, "pw")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir {
		t.Fatalf("keystore file %s is not in %s", path, dir)
	}
	again, err := genesis.WriteKeystore(dir, key, "pw")
	if err != nil || again != path {
		t.Fatalf("second WriteKeystore = %s, %v; want the existing %s", again, err, path)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("keystore holds %d files, want 1", len(entries))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	decrypted, err := keystore.DecryptKey(data, "pw")
	if err != nil {
		t.Fatal(err)
	}
	if decrypted.Address != crypto.PubkeyToAddress(key.PublicKey) || decrypted.PrivateKey.D.Cmp(key.D) != 0 {
		t.Fatal("keystore file holds another key")
	}
	var header struct {
		Crypto struct {
			KDFParams struct {
				N int `json:"n"`
			} `json:"kdfparams"`
		} `json:"crypto"`
	}
	if err := json.Unmarshal(data, &header); err != nil || header.Crypto.KDFParams.N != keystore.StandardScryptN {
		t.Fatalf("scrypt n = %d, want %d (%v)", header.Crypto.KDFParams.N, keystore.StandardScryptN, err)
	}
}
