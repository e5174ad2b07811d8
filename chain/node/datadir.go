package node

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
)

// initDataDir runs geth init on a new data directory. On an existing one it asks geth for the genesis the
// chain was started from (geth dumpgenesis) and refuses with ErrGenesisMismatch if it differs from
// genesisJSON in anything: config, header fields, signers or alloc. This is stricter than geth init, which
// accepts a changed chain config (even another chain id) as long as the genesis block hash stays the same.
func initDataDir(ctx context.Context, gethPath, dataDir string, genesisJSON []byte, logFile string) error {
	want, err := normalise(genesisJSON)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dataDir, "geth", "chaindata")); err == nil {
		dump := exec.CommandContext(ctx, gethPath, "--datadir", dataDir, "--verbosity", "2", "dumpgenesis")
		var stderr strings.Builder
		dump.Stderr = &stderr
		out, err := dump.Output()
		switch {
		case err == nil:
			have, err := normalise(out)
			if err != nil {
				return fmt.Errorf("%w: the stored genesis: %v", ErrGenesisMismatch, err)
			}
			if diff := have.diff(want); diff != "" {
				return fmt.Errorf("%w: it differs in %s; use a new data directory", ErrGenesisMismatch, diff)
			}
			return nil
		case !strings.Contains(stderr.String(), "genesis"):
			return fmt.Errorf("geth dumpgenesis: %w: %s", err, strings.TrimSpace(stderr.String()))
		}
		// The database exists but holds no genesis yet (an init that was interrupted): init it now.
	}
	path := filepath.Join(dataDir, "genesis.json")
	if err := os.WriteFile(path, genesisJSON, 0o644); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, gethPath, "--datadir", dataDir, "--verbosity", "2", "init", path)
	out, err := cmd.CombinedOutput()
	appendLog(logFile, out)
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if strings.Contains(msg, "incompatible genesis") {
			return fmt.Errorf("%w: %s", ErrGenesisMismatch, msg)
		}
		return fmt.Errorf("geth init: %w: %s", err, msg)
	}
	return nil
}

// genesisID is what identifies a chain's genesis, in one spelling: numbers in decimal, bytes in lowercase
// hex, absent fields as zero.
type genesisID struct {
	config                                          map[string]any
	nonce, timestamp, gasLimit, difficulty, baseFee string
	extraData, mixHash, coinbase                    string
	alloc                                           map[string]string
}

func normalise(data []byte) (genesisID, error) {
	var g struct {
		Config     map[string]any        `json:"config"`
		Nonce      *math.HexOrDecimal256 `json:"nonce"`
		Timestamp  *math.HexOrDecimal256 `json:"timestamp"`
		GasLimit   *math.HexOrDecimal256 `json:"gasLimit"`
		Difficulty *math.HexOrDecimal256 `json:"difficulty"`
		BaseFee    *math.HexOrDecimal256 `json:"baseFeePerGas"`
		ExtraData  hexutil.Bytes         `json:"extraData"`
		MixHash    *math.HexOrDecimal256 `json:"mixHash"`
		Coinbase   *math.HexOrDecimal256 `json:"coinbase"`
		Alloc      map[string]struct {
			Balance *math.HexOrDecimal256      `json:"balance"`
			Code    hexutil.Bytes              `json:"code"`
			Storage map[string]json.RawMessage `json:"storage"`
			Nonce   *math.HexOrDecimal256      `json:"nonce"`
		} `json:"alloc"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return genesisID{}, fmt.Errorf("decode genesis: %w", err)
	}
	num := func(v *math.HexOrDecimal256) string {
		if v == nil {
			return "0"
		}
		return (*big.Int)(v).String()
	}
	id := genesisID{
		config: g.Config, nonce: num(g.Nonce), timestamp: num(g.Timestamp), gasLimit: num(g.GasLimit),
		difficulty: num(g.Difficulty), baseFee: num(g.BaseFee), extraData: hexutil.Encode(g.ExtraData),
		mixHash: num(g.MixHash), coinbase: num(g.Coinbase), alloc: make(map[string]string, len(g.Alloc)),
	}
	for addr, account := range g.Alloc {
		key := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(addr, "0x"), "0X"))
		storage, _ := json.Marshal(account.Storage)
		id.alloc[key] = fmt.Sprintf("%s/%s/%s/%x", num(account.Balance), num(account.Nonce), account.Code, storage)
	}
	return id, nil
}

// diff names the parts of the genesis that differ, or returns "".
func (a genesisID) diff(b genesisID) string {
	var parts []string
	if !reflect.DeepEqual(a.config, b.config) {
		parts = append(parts, "config")
	}
	for _, f := range []struct{ name, x, y string }{
		{"nonce", a.nonce, b.nonce}, {"timestamp", a.timestamp, b.timestamp}, {"gasLimit", a.gasLimit, b.gasLimit},
		{"difficulty", a.difficulty, b.difficulty}, {"baseFeePerGas", a.baseFee, b.baseFee},
		{"extraData (signers)", a.extraData, b.extraData}, {"mixHash", a.mixHash, b.mixHash},
		{"coinbase", a.coinbase, b.coinbase},
	} {
		if f.x != f.y {
			parts = append(parts, f.name)
		}
	}
	if !reflect.DeepEqual(a.alloc, b.alloc) {
		parts = append(parts, "alloc")
	}
	return strings.Join(parts, ", ")
}
