// Package contracts holds the HeitjeCoin Solidity source (and PreCheck, the batch checker the senders run in
// eth_call), the script that compiles them, and the committed build outputs: the ABIs and code embedded here, and the abigen v2 bindings in contracts/bindings. Regenerate them
// with `make generate` (which runs contracts/generate.sh); the drift test fails when they are out of date.
package contracts

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/eip712"
)

var (
	//go:embed build/HeitjeCoin.abi.json
	abiJSON []byte
	//go:embed build/HeitjeCoin.bin
	binHex string
	//go:embed build/PreCheck.abi.json
	preCheckABIJSON []byte
	//go:embed build/PreCheck.bin-runtime
	preCheckHex string

	parsedABI    abi.ABI
	bytecode     []byte
	preCheckABI  abi.ABI
	preCheckCode []byte
)

func init() {
	var err error
	if parsedABI, err = abi.JSON(bytes.NewReader(abiJSON)); err != nil {
		panic(fmt.Sprintf("contracts: embedded HeitjeCoin ABI: %v", err))
	}
	if bytecode, err = hexutil.Decode("0x" + strings.TrimSpace(binHex)); err != nil {
		panic(fmt.Sprintf("contracts: embedded HeitjeCoin bytecode: %v", err))
	}
	if preCheckABI, err = abi.JSON(bytes.NewReader(preCheckABIJSON)); err != nil {
		panic(fmt.Sprintf("contracts: embedded PreCheck ABI: %v", err))
	}
	if preCheckCode, err = hexutil.Decode("0x" + strings.TrimSpace(preCheckHex)); err != nil {
		panic(fmt.Sprintf("contracts: embedded PreCheck code: %v", err))
	}
}

// Role identifiers of HeitjeCoin's AccessControl, equal to the contract's XXX_ROLE() getters.
var (
	// DefaultAdminRole grants and revokes every role except AcceptorRole; constructor argument `admin` holds it.
	DefaultAdminRole = common.Hash{}
	// MinterRole may mint.
	MinterRole = crypto.Keccak256Hash([]byte("MINTER_ROLE"))
	// RedeemerRole may burn coins held by shops and the treasury.
	RedeemerRole = crypto.Keccak256Hash([]byte("REDEEMER_ROLE"))
	// PauserRole may pause and unpause.
	PauserRole = crypto.Keccak256Hash([]byte("PAUSER_ROLE"))
	// AcceptorRole marks a participating shop's address.
	AcceptorRole = crypto.Keccak256Hash([]byte("ACCEPTOR_ROLE"))
	// TreasuryRole marks the municipal treasury's address.
	TreasuryRole = crypto.Keccak256Hash([]byte("TREASURY_ROLE"))
	// OnboarderRole is the role admin of AcceptorRole: it grants and revokes AcceptorRole and nothing else.
	OnboarderRole = crypto.Keccak256Hash([]byte("ONBOARDER_ROLE"))
	// RecoveryRole may ask for and carry out recoveries of a resident's coins from a lost key to a new one.
	RecoveryRole = crypto.Keccak256Hash([]byte("RECOVERY_ROLE"))
)

// Recovery states as the contract's recoveries(ref) reports them.
const (
	RecoveryNone uint8 = iota
	RecoveryPending
	RecoveryCancelled
	RecoveryExecuted
)

// CancelRecoveryType is the EIP-712 type of the message with which a lost key cancels a recovery, in the coin's
// domain: CancelRecovery(bytes32 ref,address from,address to).
const CancelRecoveryType = "CancelRecovery(bytes32 ref,address from,address to)"

// EIP712Name and EIP712Version are the EIP-712 domain of permit and the EIP-3009 authorizations; the domain's
// other fields are the chain id and the contract address.
const (
	EIP712Name    = eip712.Name
	EIP712Version = eip712.Version
)

// ABIJSON returns the compiled ABI as committed in build/HeitjeCoin.abi.json. The caller must not modify it.
func ABIJSON() []byte { return abiJSON }

// ABI returns HeitjeCoin's parsed ABI.
func ABI() abi.ABI { return parsedABI }

// Bytecode returns HeitjeCoin's creation bytecode (compiled for the London EVM), without constructor arguments.
// The caller must not modify it.
func Bytecode() []byte { return bytecode }

// PreCheckABI returns the parsed ABI of PreCheck, the batch checker that runs in eth_call state overrides.
func PreCheckABI() abi.ABI { return preCheckABI }

// PreCheckCode returns PreCheck's runtime code, to place at an address in an eth_call state override; it is
// never deployed. The caller must not modify it.
func PreCheckCode() []byte { return preCheckCode }

// Deploy sends the transaction that creates a HeitjeCoin whose DEFAULT_ADMIN_ROLE is held by admin, and returns
// the address the contract will have once the transaction is mined. It does not wait for the receipt.
func Deploy(opts *bind.TransactOpts, backend bind.ContractBackend, admin common.Address) (common.Address, *types.Transaction, error) {
	args, err := parsedABI.Pack("", admin)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("pack HeitjeCoin constructor: %w", err)
	}
	addr, tx, err := bind.DeployContract(opts, bytecode, backend, args)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("deploy HeitjeCoin: %w", err)
	}
	return addr, tx, nil
}
