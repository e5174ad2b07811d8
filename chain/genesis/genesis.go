// Package genesis builds and reads the genesis files of the platform's Clique proof-of-authority chain, in the
// form geth v1.13.15 accepts: every fork up to London (and its follow-up difficulty-bomb delays) at block 0,
// and no Shanghai, Cancun or terminal total difficulty, because v1.13.15's Clique refuses them.
package genesis

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// MinGasLimit is the lowest block gas limit Build accepts: below it a block holds too few coin transfers
// (about 67.4k gas each) for the platform's throughput targets.
const MinGasLimit = 30_000_000

// Epoch is the Clique epoch length in blocks: every Epoch blocks the header repeats the signer list and
// pending votes are cleared.
const Epoch = 30_000

// BaseFeeWei is the base fee of the genesis block: 1 gwei.
const BaseFeeWei = 1_000_000_000

const (
	extraVanity = 32 // zero bytes before the signer list in extraData
	extraSeal   = 65 // room for the sealer's signature after it
)

// Spec describes a Clique network. Signers seal blocks in turn; Alloc pre-funds addresses with balances
// in wei.
type Spec struct {
	ChainID       *big.Int
	PeriodSeconds uint64 // seconds between blocks; 0 seals a block only when transactions are pending
	GasLimit      uint64 // block gas limit, at least MinGasLimit
	Signers       []common.Address
	Alloc         map[common.Address]*big.Int
}

// Validate reports what is wrong with the spec, or nil.
func (s Spec) Validate() error {
	var errs []error
	if s.ChainID == nil || s.ChainID.Sign() <= 0 {
		errs = append(errs, errors.New("chain id must be positive"))
	}
	if s.GasLimit < MinGasLimit {
		errs = append(errs, fmt.Errorf("gas limit %d is below the minimum %d", s.GasLimit, MinGasLimit))
	}
	if len(s.Signers) == 0 {
		errs = append(errs, errors.New("at least one signer is required"))
	}
	seen := make(map[common.Address]bool, len(s.Signers))
	for _, signer := range s.Signers {
		switch {
		case signer == (common.Address{}):
			errs = append(errs, errors.New("signer is the zero address"))
		case seen[signer]:
			errs = append(errs, fmt.Errorf("signer %s is listed twice", signer))
		}
		seen[signer] = true
	}
	for addr, balance := range s.Alloc {
		if balance == nil || balance.Sign() < 0 || balance.BitLen() > 256 {
			errs = append(errs, fmt.Errorf("balance of %s must be between 0 and 2^256-1 wei", addr))
		}
	}
	return errors.Join(errs...)
}

// Build returns the genesis file for spec, indented JSON with a final newline. Signers are written to
// extraData in ascending order, as Clique itself lists them at every checkpoint.
func Build(spec Spec) ([]byte, error) {
	if err := spec.Validate(); err != nil {
		return nil, fmt.Errorf("genesis spec: %w", err)
	}
	signers := slices.Clone(spec.Signers)
	slices.SortFunc(signers, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	extra := make([]byte, 0, extraVanity+len(signers)*common.AddressLength+extraSeal)
	extra = append(extra, make([]byte, extraVanity)...)
	for _, signer := range signers {
		extra = append(extra, signer[:]...)
	}
	extra = append(extra, make([]byte, extraSeal)...)

	alloc := make(map[string]allocJSON, len(spec.Alloc))
	for addr, balance := range spec.Alloc {
		alloc[strings.ToLower(addr.Hex()[2:])] = allocJSON{Balance: hexutil.EncodeBig(balance)}
	}
	file := fileJSON{
		Config: configJSON{
			ChainID: new(big.Int).Set(spec.ChainID),
			Clique:  cliqueJSON{Period: spec.PeriodSeconds, Epoch: Epoch},
		},
		Nonce:         "0x0",
		Timestamp:     "0x0",
		Difficulty:    "0x1",
		GasLimit:      hexutil.EncodeUint64(spec.GasLimit),
		BaseFeePerGas: hexutil.EncodeBig(big.NewInt(BaseFeeWei)),
		ExtraData:     hexutil.Encode(extra),
		Alloc:         alloc,
	}
	out, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode genesis: %w", err)
	}
	return append(out, '\n'), nil
}

// fileJSON is the genesis file as Build writes it; the field order is the order in the file.
type fileJSON struct {
	Config        configJSON           `json:"config"`
	Nonce         string               `json:"nonce"`
	Timestamp     string               `json:"timestamp"`
	Difficulty    string               `json:"difficulty"`
	GasLimit      string               `json:"gasLimit"`
	BaseFeePerGas string               `json:"baseFeePerGas"`
	ExtraData     string               `json:"extraData"`
	Alloc         map[string]allocJSON `json:"alloc"`
}

// configJSON activates every fork up to Gray Glacier at block 0. The zero values are written on purpose.
type configJSON struct {
	ChainID             *big.Int   `json:"chainId"`
	HomesteadBlock      uint64     `json:"homesteadBlock"`
	EIP150Block         uint64     `json:"eip150Block"`
	EIP155Block         uint64     `json:"eip155Block"`
	EIP158Block         uint64     `json:"eip158Block"`
	ByzantiumBlock      uint64     `json:"byzantiumBlock"`
	ConstantinopleBlock uint64     `json:"constantinopleBlock"`
	PetersburgBlock     uint64     `json:"petersburgBlock"`
	IstanbulBlock       uint64     `json:"istanbulBlock"`
	MuirGlacierBlock    uint64     `json:"muirGlacierBlock"`
	BerlinBlock         uint64     `json:"berlinBlock"`
	LondonBlock         uint64     `json:"londonBlock"`
	ArrowGlacierBlock   uint64     `json:"arrowGlacierBlock"`
	GrayGlacierBlock    uint64     `json:"grayGlacierBlock"`
	Clique              cliqueJSON `json:"clique"`
}

type cliqueJSON struct {
	Period uint64 `json:"period"`
	Epoch  uint64 `json:"epoch"`
}

type allocJSON struct {
	Balance string `json:"balance"`
}
