package genesis

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
)

// Load reads the genesis file at path and returns the Spec it describes (see Parse).
func Load(path string) (Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Spec{}, fmt.Errorf("read genesis: %w", err)
	}
	spec, err := Parse(data)
	if err != nil {
		return Spec{}, fmt.Errorf("genesis %s: %w", path, err)
	}
	return spec, nil
}

// ChainID returns the chain id of the genesis file at path.
func ChainID(path string) (*big.Int, error) {
	spec, err := Load(path)
	if err != nil {
		return nil, err
	}
	return spec.ChainID, nil
}

// Parse reads a genesis file of the kind Build writes and returns its Spec, so that Build(Parse(x)) describes
// the same chain as x. It refuses files that geth v1.13.15 cannot seal with Clique (no clique section, a
// fork after London, a terminal total difficulty), files whose forks up to London are not all at block 0, and
// alloc entries with code, storage or a nonce, which a Spec cannot carry. Numbers may be decimal or 0x-hex.
func Parse(data []byte) (Spec, error) {
	var file struct {
		Config   map[string]json.RawMessage `json:"config"`
		GasLimit *math.HexOrDecimal64       `json:"gasLimit"`
		Extra    hexutil.Bytes              `json:"extraData"`
		Alloc    map[string]struct {
			Balance *math.HexOrDecimal256      `json:"balance"`
			Code    hexutil.Bytes              `json:"code"`
			Storage map[string]json.RawMessage `json:"storage"`
			Nonce   math.HexOrDecimal64        `json:"nonce"`
		} `json:"alloc"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return Spec{}, fmt.Errorf("decode genesis: %w", err)
	}
	var spec Spec
	if err := parseConfig(file.Config, &spec); err != nil {
		return Spec{}, err
	}
	if file.GasLimit == nil {
		return Spec{}, errors.New("gasLimit is missing")
	}
	spec.GasLimit = uint64(*file.GasLimit)

	signers, err := parseSigners(file.Extra)
	if err != nil {
		return Spec{}, err
	}
	spec.Signers = signers

	spec.Alloc = make(map[common.Address]*big.Int, len(file.Alloc))
	for key, account := range file.Alloc {
		addr, err := parseAddress(key)
		if err != nil {
			return Spec{}, fmt.Errorf("alloc: %w", err)
		}
		if len(account.Code) > 0 || len(account.Storage) > 0 || account.Nonce != 0 {
			return Spec{}, fmt.Errorf("alloc %s: code, storage and nonce are not supported", addr)
		}
		balance := new(big.Int)
		if account.Balance != nil {
			balance = (*big.Int)(account.Balance)
		}
		spec.Alloc[addr] = balance
	}
	if err := spec.Validate(); err != nil {
		return Spec{}, err
	}
	return spec, nil
}

// forksAtZero are the forks that must all be active at block 0.
var forksAtZero = []string{
	"homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock", "constantinopleBlock",
	"petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock",
}

// forbidden are the config keys that make geth v1.13.15's Clique refuse to seal.
var forbidden = []string{"terminalTotalDifficulty", "shanghaiTime", "cancunTime", "pragueTime", "osakaTime", "verkleTime"}

func parseConfig(config map[string]json.RawMessage, spec *Spec) error {
	if config == nil {
		return errors.New("config is missing")
	}
	raw, ok := config["chainId"]
	if !ok {
		return errors.New("config.chainId is missing")
	}
	spec.ChainID = new(big.Int)
	if err := json.Unmarshal(raw, spec.ChainID); err != nil {
		return fmt.Errorf("config.chainId: %w", err)
	}
	for _, fork := range forksAtZero {
		var block *uint64
		if raw, ok := config[fork]; ok {
			if err := json.Unmarshal(raw, &block); err != nil {
				return fmt.Errorf("config.%s: %w", fork, err)
			}
		}
		if block == nil || *block != 0 {
			return fmt.Errorf("config.%s must be 0", fork)
		}
	}
	for _, key := range forbidden {
		if raw, ok := config[key]; ok && string(raw) != "null" {
			return fmt.Errorf("config.%s is set, but geth v1.13.15 cannot seal Clique blocks after London", key)
		}
	}
	raw, ok = config["clique"]
	if !ok {
		return errors.New("config.clique is missing: not a Clique genesis")
	}
	var clique struct {
		Period *uint64 `json:"period"`
		Epoch  uint64  `json:"epoch"`
	}
	if err := json.Unmarshal(raw, &clique); err != nil {
		return fmt.Errorf("config.clique: %w", err)
	}
	if clique.Period == nil {
		return errors.New("config.clique.period is missing")
	}
	if clique.Epoch != Epoch {
		return fmt.Errorf("config.clique.epoch is %d, want %d", clique.Epoch, Epoch)
	}
	spec.PeriodSeconds = *clique.Period
	return nil
}

func parseSigners(extra []byte) ([]common.Address, error) {
	if len(extra) < extraVanity+extraSeal || (len(extra)-extraVanity-extraSeal)%common.AddressLength != 0 {
		return nil, fmt.Errorf("extraData has %d bytes; want 32 + 20 per signer + 65", len(extra))
	}
	list := extra[extraVanity : len(extra)-extraSeal]
	signers := make([]common.Address, 0, len(list)/common.AddressLength)
	for i := 0; i < len(list); i += common.AddressLength {
		signers = append(signers, common.BytesToAddress(list[i:i+common.AddressLength]))
	}
	return signers, nil
}

// parseAddress accepts an address with or without 0x, in any case.
func parseAddress(s string) (common.Address, error) {
	h := strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != common.AddressLength {
		return common.Address{}, fmt.Errorf("%q is not an address", s)
	}
	return common.BytesToAddress(b), nil
}
