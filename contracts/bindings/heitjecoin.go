// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// HeitjeCoinMetaData contains all meta data concerning the HeitjeCoin contract.
var HeitjeCoinMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessControlBadConfirmation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"neededRole\",\"type\":\"bytes32\"}],\"name\":\"AccessControlUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"ClosedLoopTransfer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"}],\"name\":\"EIP3009AuthorizationExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"}],\"name\":\"EIP3009AuthorizationNotYetValid\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"EIP3009AuthorizationUsedOrCanceled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"}],\"name\":\"EIP3009CallerNotPayee\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"expected\",\"type\":\"address\"}],\"name\":\"EIP3009InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ERC2612ExpiredSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC2612InvalidSigner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EnforcedPause\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpectedPause\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RecoveryDelayZero\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"RecoveryInvalidPair\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"}],\"name\":\"RecoveryInvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"RecoveryNotPending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"executableAt\",\"type\":\"uint256\"}],\"name\":\"RecoveryNotYetExecutable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"RecoveryRoleHolder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"}],\"name\":\"RedeemFromNonParticipant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"ReferenceUsed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"AuthorizationCanceled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"AuthorizationUsed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"Minted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Paused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"}],\"name\":\"RecoveryCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"delay\",\"type\":\"uint256\"}],\"name\":\"RecoveryDelaySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RecoveryExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"executableAt\",\"type\":\"uint256\"}],\"name\":\"RecoveryRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"Redeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"previousAdminRole\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"newAdminRole\",\"type\":\"bytes32\"}],\"name\":\"RoleAdminChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleGranted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleRevoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Unpaused\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ACCEPTOR_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CANCEL_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CANCEL_RECOVERY_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DEFAULT_ADMIN_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MINTER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"ONBOARDER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PAUSER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"RECEIVE_WITH_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"RECOVERY_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REDEEMER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TRANSFER_WITH_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TREASURY_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"authorizationState\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"cancelAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"cancelRecovery\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"executeRecovery\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"}],\"name\":\"getRoleAdmin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"grantRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasRole\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"isParticipant\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"isRoleHolder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"mintRefUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"receiveWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"recoveries\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"executableAt\",\"type\":\"uint64\"},{\"internalType\":\"enumHeitjeCoin.RecoveryStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"recoveryDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"redeem\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"redeemRefUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"callerConfirmation\",\"type\":\"address\"}],\"name\":\"renounceRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"requestRecovery\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"revokeRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"delay\",\"type\":\"uint256\"}],\"name\":\"setRecoveryDelay\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"transferWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "HeitjeCoin",
	Bin: "0x6101606040526203f480600b5534801561001857600080fd5b50604051612ce8380380612ce883398101604081905261003791610362565b6040518060400160405280600f81526020016e486565726c656e7320486569746a6560881b81525080604051806040016040528060018152602001603160f81b8152506040518060400160405280600f81526020016e486565726c656e7320486569746a6560881b81525060405180604001604052806006815260200165484549544a4560d01b81525081600390816100d09190610431565b5060046100dd8282610431565b506100ed915083905060056101ef565b610120526100fc8160066101ef565b61014052815160208084019190912060e052815190820120610100524660a05261018960e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a082015260009060c00160405160208183030381529060405280519060200120905090565b60805250503060c0525061019e600082610222565b506101e97f669896195937fd43b7a426ee48677440b45125c3b239efdabd4dbb39a68ebfb47f7a93d8ea4114216a6420421cde774cf65ea417fd00003042d83173841d14d9416102d0565b50610561565b600060208351101561020b576102048361031b565b905061021c565b816102168482610431565b5060ff90505b92915050565b6000828152600a602090815260408083206001600160a01b038516845290915281205460ff166102c8576000838152600a602090815260408083206001600160a01b03861684529091529020805460ff191660011790556102803390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a450600161021c565b50600061021c565b6000828152600a6020526040808220600101805490849055905190918391839186917fbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff9190a4505050565b600080829050601f8151111561034f578260405163305a27a960e01b815260040161034691906104ef565b60405180910390fd5b805161035a8261053d565b179392505050565b60006020828403121561037457600080fd5b81516001600160a01b038116811461038b57600080fd5b9392505050565b634e487b7160e01b600052604160045260246000fd5b600181811c908216806103bc57607f821691505b6020821081036103dc57634e487b7160e01b600052602260045260246000fd5b50919050565b601f82111561042c57806000526020600020601f840160051c810160208510156104095750805b601f840160051c820191505b818110156104295760008155600101610415565b50505b505050565b81516001600160401b0381111561044a5761044a610392565b61045e8161045884546103a8565b846103e2565b6020601f821160018114610492576000831561047a5750848201515b600019600385901b1c1916600184901b178455610429565b600084815260208120601f198516915b828110156104c257878501518255602094850194600190920191016104a2565b50848210156104e05786840151600019600387901b60f8161c191681555b50505050600190811b01905550565b602081526000825180602084015260005b8181101561051d5760208186018101516040868401015201610500565b506000604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156103dc5760001960209190910360031b1b16919050565b60805160a05160c05160e05161010051610120516101405161272d6105bb6000396000611c7601526000611c490152600061176d01526000611745015260006116a0015260006116ca015260006116f4015261272d6000f3fe608060405234801561001057600080fd5b50600436106102d65760003560e01c80638456cb5911610182578063d11a57ec116100e9578063e22a5792116100a2578063e94a01021161007c578063e94a01021461078a578063ec76eda9146107c3578063ef55bec6146107e6578063f5f07d0f146107f957600080fd5b8063e22a57921461074f578063e3ee160e14610762578063e63ab1e91461077557600080fd5b8063d11a57ec1461067b578063d505accf146106a2578063d5391393146106b5578063d547741f146106dc578063d9169487146106ef578063dd62ed3e1461071657600080fd5b8063992c3e4b1161013b578063992c3e4b146105d85780639e053a7b146105eb578063a0cc6a6814610612578063a217fddf14610639578063a9059cbb14610641578063b23443721461065457600080fd5b80638456cb591461057457806384b0196e1461057c5780638eb8bd8f1461059757806391d14854146105aa578063929066f5146105bd57806395d89b41146105d057600080fd5b806336568abe116102415780636c5e47c7116101fa5780637abed905116101d45780637abed905146105005780637ecebe00146105135780637f2eecc3146105265780637fa46ab41461054d57600080fd5b80636c5e47c71461044757806370a08231146104a9578063720c96ee146104d257600080fd5b806336568abe146103f25780633758ca7a146104055780633972f37a1461040e5780633f4ba83a146104215780635a049a70146104295780635c975abb1461043c57600080fd5b806323b872dd1161029357806323b872dd1461037d578063248a9ca3146103905780632f2ff15d146103b3578063313ce567146103c657806331993a1c146103d55780633644e515146103ea57600080fd5b806301ffc9a7146102db578063023566531461030357806306fdde0314610338578063095ea7b31461034d57806318160ddd146103605780631e458bee14610368575b600080fd5b6102ee6102e936600461222e565b61080c565b60405190151581526020015b60405180910390f35b61032a7fa35339740b3a3f08409a62134f280a7fb73fcdc69628650b6f243728b6cc384e81565b6040519081526020016102fa565b610340610843565b6040516102fa91906122a5565b6102ee61035b3660046122cf565b6108d5565b60025461032a565b61037b6103763660046122f9565b6108ed565b005b6102ee61038b36600461232c565b6109bc565b61032a61039e366004612369565b6000908152600a602052604090206001015490565b61037b6103c1366004612382565b6109e0565b604051600281526020016102fa565b61032a60008051602061270183398151915281565b61032a610a0b565b61037b610400366004612382565b610a1a565b61032a600b5481565b61037b61041c3660046123bf565b610a52565b61037b610b7a565b61037b6104373660046123fa565b610b9d565b60095460ff166102ee565b610499610455366004612369565b600c60205260009081526040902080546001909101546001600160a01b0380831692600160a01b810467ffffffffffffffff1692600160e01b90910460ff16911684565b6040516102fa949392919061245e565b61032a6104b73660046124bc565b6001600160a01b031660009081526020819052604090205490565b6102ee6104e03660046122cf565b600e60209081526000928352604080842090915290825290205460ff1681565b61037b61050e366004612369565b610c72565b61032a6105213660046124bc565b610d98565b61032a7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de881565b61032a7f44ac9762eec3a11893fefb11d028bb3102560094137c3ed4518712475b2577cc81565b61037b610db6565b610584610dd6565b6040516102fa97969594939291906124d7565b61037b6105a5366004612369565b610e1c565b6102ee6105b8366004612382565b610e84565b6102ee6105cb3660046124bc565b610eaf565b610340610f0b565b61037b6105e63660046122f9565b610f1a565b61032a7f669896195937fd43b7a426ee48677440b45125c3b239efdabd4dbb39a68ebfb481565b61032a7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a226781565b61032a600081565b6102ee61064f3660046122cf565b611031565b61032a7f7a93d8ea4114216a6420421cde774cf65ea417fd00003042d83173841d14d94181565b61032a7fe1dcbdb91df27212a29bc27177c840cf2f819ecf2187432e1fac86c2dd5dfca981565b61037b6106b036600461256f565b61103f565b61032a7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a681565b61037b6106ea366004612382565b611179565b61032a7f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742981565b61032a6107243660046125da565b6001600160a01b03918216600090815260016020908152604080832093909416825291909152205490565b61037b61075d36600461232c565b61119e565b61037b610770366004612604565b61133a565b61032a6000805160206126e183398151915281565b6102ee6107983660046122cf565b6001600160a01b03919091166000908152600860209081526040808320938352929052205460ff1690565b6102ee6107d1366004612369565b600d6020526000908152604090205460ff1681565b61037b6107f4366004612604565b611382565b6102ee6108073660046124bc565b6113ee565b60006001600160e01b03198216637965db0b60e01b148061083d57506301ffc9a760e01b6001600160e01b03198316145b92915050565b60606003805461085290612685565b80601f016020809104026020016040519081016040528092919081815260200182805461087e90612685565b80156108cb5780601f106108a0576101008083540402835291602001916108cb565b820191906000526020600020905b8154815290600101906020018083116108ae57829003601f168201915b5050505050905090565b6000336108e38185856114d6565b5060019392505050565b7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6610917816114e3565b6000828152600d602052604090205460ff161561094f57604051636851b8c360e01b8152600481018390526024015b60405180910390fd5b6000828152600d60205260409020805460ff1916600117905561097284846114ed565b81846001600160a01b03167fc263b302aec62d29105026245f19e16f8e0137066ccd4a8bd941f716bd4096bb856040516109ae91815260200190565b60405180910390a350505050565b6000336109ca858285611527565b6109d58585856115a0565b506001949350505050565b6000828152600a60205260409020600101546109fb816114e3565b610a0583836115ff565b50505050565b6000610a15611693565b905090565b6001600160a01b0381163314610a435760405163334bd91960e11b815260040160405180910390fd5b610a4d82826117be565b505050565b6000610a5d8561182b565b80546001820154604080517fa35339740b3a3f08409a62134f280a7fb73fcdc69628650b6f243728b6cc384e60208201529081018990526001600160a01b0392831660608201529116608082015290915060009060a0016040516020818303038152906040528051906020012090506000610ae2610ada8361187e565b8787876118ab565b83549091506001600160a01b03808316911614610b285782546040516312c7da8d60e21b81526001600160a01b0380841660048301529091166024820152604401610946565b8254600160e11b60ff60e01b1982161784556040516001600160a01b039091169088907f6bc59a043c58e5502537b612bd4842f507ac400f658401f33713af2a7c8e781590600090a350505050505050565b6000805160206126e1833981519152610b92816114e3565b610b9a6118d9565b50565b610ba7858561192b565b604080517f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742960208201526001600160a01b0387169181019190915260608101859052600090608001604051602081830303815290604052805190602001209050610c148187868686611982565b6001600160a01b0386166000818152600860209081526040808320898452909152808220805460ff19166001179055518792917f1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d8191a3505050505050565b600080516020612701833981519152610c8a816114e3565b610c926119e7565b6000610c9d8361182b565b8054909150600160a01b900467ffffffffffffffff16421015610cef5780546040516303f3d19360e21b815260048101859052600160a01b90910467ffffffffffffffff166024820152604401610946565b805460018201546001600160a01b039182169116610d0d8282611a0d565b825460ff60e01b1916600360e01b1783556001600160a01b038216600090815260208190526040902054610d42838383611adb565b816001600160a01b0316836001600160a01b0316877fdd3d4d0345d34b4516a94fe6a577923b390665a28c0421d3def4253b6ebffb7784604051610d8891815260200190565b60405180910390a4505050505050565b6001600160a01b03811660009081526007602052604081205461083d565b6000805160206126e1833981519152610dce816114e3565b610b9a611c05565b600060608060008060006060610dea611c42565b610df2611c6f565b60408051600080825260208201909252600f60f81b9b939a50919850469750309650945092509050565b6000610e27816114e3565b81600003610e485760405163e6b60d3360e01b815260040160405180910390fd5b600b8290556040518281527f359f5bc78208c3f893285550b28c8e0256a857328b5060ea9f6eaf362f7d6a4e9060200160405180910390a15050565b6000918252600a602090815260408084206001600160a01b0393909316845291905290205460ff1690565b6000610edb7f669896195937fd43b7a426ee48677440b45125c3b239efdabd4dbb39a68ebfb483610e84565b8061083d575061083d7fe1dcbdb91df27212a29bc27177c840cf2f819ecf2187432e1fac86c2dd5dfca983610e84565b60606004805461085290612685565b7f44ac9762eec3a11893fefb11d028bb3102560094137c3ed4518712475b2577cc610f44816114e3565b610f4d84610eaf565b610f755760405163a167bc0760e01b81526001600160a01b0385166004820152602401610946565b6001600160a01b0384166000908152600e6020908152604080832085845290915290205460ff1615610fbd57604051636851b8c360e01b815260048101839052602401610946565b6001600160a01b0384166000908152600e602090815260408083208584529091529020805460ff19166001179055610ff58484611c9c565b81846001600160a01b03167f3be2edea458ae9d9dd885a96aa23c988b15277ec0f613d273e6fcc4a27e610ff856040516109ae91815260200190565b6000336108e38185856115a0565b834211156110635760405163313c898160e11b815260048101859052602401610946565b60007f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c98888886110b08c6001600160a01b0316600090815260076020526040902080546001810190915590565b6040805160208101969096526001600160a01b0394851690860152929091166060840152608083015260a082015260c0810186905260e001604051602081830303815290604052805190602001209050600061110b8261187e565b9050600061111b828787876118ab565b9050896001600160a01b0316816001600160a01b031614611162576040516325c0072360e11b81526001600160a01b0380831660048301528b166024820152604401610946565b61116d8a8a8a6114d6565b50505050505050505050565b6000828152600a6020526040902060010154611194816114e3565b610a0583836117be565b6000805160206127018339815191526111b6816114e3565b6111c08484611a0d565b600080838152600c6020526040902054600160e01b900460ff1660038111156111eb576111eb612448565b1461120c57604051636851b8c360e01b815260048101839052602401610946565b6000600b544261121c91906126bf565b604080516080810182526001600160a01b038816815267ffffffffffffffff831660208201529192508101600181526001600160a01b038087166020928301526000868152600c8352604090819020845181549486015167ffffffffffffffff16600160a01b026001600160e01b031990951693169290921792909217808255918301519091829060ff60e01b1916600160e01b8360038111156112c2576112c2612448565b021790555060609190910151600190910180546001600160a01b0319166001600160a01b0392831617905560405167ffffffffffffffff831681528582169187169085907f816f7d23958b0226aeb8b203a8496d6ae366303c5086d899d0792adf508ec3ac9060200160405180910390a45050505050565b61136c7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a22678a8a8a8a8a8a8a8a8a611cd2565b6113778989896115a0565b505050505050505050565b6001600160a01b03881633146113bc5760405163630b830d60e11b81523360048201526001600160a01b0389166024820152604401610946565b61136c7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de88a8a8a8a8a8a8a8a8a611cd2565b60006113f982610eaf565b8061140a575061140a600083610e84565b8061143a575061143a7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a683610e84565b8061146a575061146a7f44ac9762eec3a11893fefb11d028bb3102560094137c3ed4518712475b2577cc83610e84565b8061148857506114886000805160206126e183398151915283610e84565b806114b857506114b87f7a93d8ea4114216a6420421cde774cf65ea417fd00003042d83173841d14d94183610e84565b8061083d575061083d60008051602061270183398151915283610e84565b610a4d8383836001611de9565b610b9a8133611eb0565b6001600160a01b0382166115175760405163ec442f0560e01b815260006004820152602401610946565b61152360008383611ee9565b5050565b6001600160a01b03838116600090815260016020908152604080832093861683529290522054600019811015610a05578181101561159157604051637dc7a0d960e11b81526001600160a01b03841660048201526024810182905260448101839052606401610946565b610a0584848484036000611de9565b6001600160a01b0383166115ca57604051634b637e8f60e11b815260006004820152602401610946565b6001600160a01b0382166115f45760405163ec442f0560e01b815260006004820152602401610946565b610a4d838383611ee9565b600061160b8383610e84565b61168b576000838152600a602090815260408083206001600160a01b03861684529091529020805460ff191660011790556116433390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a450600161083d565b50600061083d565b6000306001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161480156116ec57507f000000000000000000000000000000000000000000000000000000000000000046145b1561171657507f000000000000000000000000000000000000000000000000000000000000000090565b610a15604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260009060c00160405160208183030381529060405280519060200120905090565b60006117ca8383610e84565b1561168b576000838152600a602090815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a450600161083d565b6000818152600c6020526040902060018154600160e01b900460ff16600381111561185857611858612448565b1461187957604051631df7719160e31b815260048101839052602401610946565b919050565b600061083d61188b611693565b8360405161190160f01b8152600281019290925260228201526042902090565b6000806000806118bd88888888611f71565b9250925092506118cd8282612040565b50909695505050505050565b6118e16120f9565b6009805460ff191690557f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa335b6040516001600160a01b03909116815260200160405180910390a1565b6001600160a01b038216600090815260086020908152604080832084845290915290205460ff16156115235760405163288a9a6160e01b81526001600160a01b038316600482015260248101829052604401610946565b60006119986119908761187e565b8585856118ab565b9050846001600160a01b0316816001600160a01b0316146119df576040516365d484af60e01b81526001600160a01b03808316600483015286166024820152604401610946565b505050505050565b60095460ff1615611a0b5760405163d93c066560e01b815260040160405180910390fd5b565b6001600160a01b0382161580611a2a57506001600160a01b038116155b80611a465750806001600160a01b0316826001600160a01b0316145b15611a7757604051636e8ccefd60e01b81526001600160a01b03808416600483015282166024820152604401610946565b611a80826113ee565b15611aa95760405163d4f852f560e01b81526001600160a01b0383166004820152602401610946565b611ab2816113ee565b156115235760405163d4f852f560e01b81526001600160a01b0382166004820152602401610946565b6001600160a01b038316611b06578060026000828254611afb91906126bf565b90915550611b789050565b6001600160a01b03831660009081526020819052604090205481811015611b595760405163391434e360e21b81526001600160a01b03851660048201526024810182905260448101839052606401610946565b6001600160a01b03841660009081526020819052604090209082900390555b6001600160a01b038216611b9457600280548290039055611bb3565b6001600160a01b03821660009081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef83604051611bf891815260200190565b60405180910390a3505050565b611c0d6119e7565b6009805460ff191660011790557f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a25861190e3390565b6060610a157f0000000000000000000000000000000000000000000000000000000000000000600561211c565b6060610a157f0000000000000000000000000000000000000000000000000000000000000000600661211c565b6001600160a01b038216611cc657604051634b637e8f60e11b815260006004820152602401610946565b61152382600083611ee9565b854211611cf557604051631d28c8e560e21b815260048101879052602401610946565b844210611d185760405163dfb5aae360e01b815260048101869052602401610946565b611d22898561192b565b6040805160208082018d90526001600160a01b038c8116838501528b166060830152608082018a905260a0820189905260c0820188905260e0808301889052835180840390910181526101009092019092528051910120611d86818b868686611982565b6001600160a01b038a166000818152600860209081526040808320898452909152808220805460ff19166001179055518792917f98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a591a35050505050505050505050565b6001600160a01b038416611e135760405163e602df0560e01b815260006004820152602401610946565b6001600160a01b038316611e3d57604051634a1406b160e11b815260006004820152602401610946565b6001600160a01b0380851660009081526001602090815260408083209387168352929052208290558015610a0557826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925846040516109ae91815260200190565b611eba8282610e84565b6115235760405163e2517d3f60e01b81526001600160a01b038216600482015260248101839052604401610946565b611ef16119e7565b6001600160a01b03831615801590611f1157506001600160a01b03821615155b8015611f235750611f2182610eaf565b155b8015611f355750611f3383610eaf565b155b15611f6657604051631868d42760e01b81526001600160a01b03808516600483015283166024820152604401610946565b610a4d838383611adb565b600080807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115611fac5750600091506003905082612036565b604080516000808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015612000573d6000803e3d6000fd5b5050604051601f1901519150506001600160a01b03811661202c57506000925060019150829050612036565b9250600091508190505b9450945094915050565b600082600381111561205457612054612448565b0361205d575050565b600182600381111561207157612071612448565b0361208f5760405163f645eedf60e01b815260040160405180910390fd5b60028260038111156120a3576120a3612448565b036120c45760405163fce698f760e01b815260048101829052602401610946565b60038260038111156120d8576120d8612448565b03611523576040516335e2f38360e21b815260048101829052602401610946565b60095460ff16611a0b57604051638dfc202b60e01b815260040160405180910390fd5b606060ff83146121365761212f836121c7565b905061083d565b81805461214290612685565b80601f016020809104026020016040519081016040528092919081815260200182805461216e90612685565b80156121bb5780601f10612190576101008083540402835291602001916121bb565b820191906000526020600020905b81548152906001019060200180831161219e57829003601f168201915b5050505050905061083d565b606060006121d483612206565b604080516020808252818301909252919250600091906020820181803683375050509182525060208101929092525090565b600060ff8216601f81111561083d57604051632cd44ac360e21b815260040160405180910390fd5b60006020828403121561224057600080fd5b81356001600160e01b03198116811461225857600080fd5b9392505050565b6000815180845260005b8181101561228557602081850181015186830182015201612269565b506000602082860101526020601f19601f83011685010191505092915050565b602081526000612258602083018461225f565b80356001600160a01b038116811461187957600080fd5b600080604083850312156122e257600080fd5b6122eb836122b8565b946020939093013593505050565b60008060006060848603121561230e57600080fd5b612317846122b8565b95602085013595506040909401359392505050565b60008060006060848603121561234157600080fd5b61234a846122b8565b9250612358602085016122b8565b929592945050506040919091013590565b60006020828403121561237b57600080fd5b5035919050565b6000806040838503121561239557600080fd5b823591506123a5602084016122b8565b90509250929050565b803560ff8116811461187957600080fd5b600080600080608085870312156123d557600080fd5b843593506123e5602086016123ae565b93969395505050506040820135916060013590565b600080600080600060a0868803121561241257600080fd5b61241b866122b8565b945060208601359350612430604087016123ae565b94979396509394606081013594506080013592915050565b634e487b7160e01b600052602160045260246000fd5b6001600160a01b038516815267ffffffffffffffff84166020820152608081016004841061249c57634e487b7160e01b600052602160045260246000fd5b60408201939093526001600160a01b039190911660609091015292915050565b6000602082840312156124ce57600080fd5b612258826122b8565b60ff60f81b8816815260e0602082015260006124f660e083018961225f565b8281036040840152612508818961225f565b606084018890526001600160a01b038716608085015260a0840186905283810360c08501528451808252602080870193509091019060005b8181101561255e578351835260209384019390920191600101612540565b50909b9a5050505050505050505050565b600080600080600080600060e0888a03121561258a57600080fd5b612593886122b8565b96506125a1602089016122b8565b955060408801359450606088013593506125bd608089016123ae565b9699959850939692959460a0840135945060c09093013592915050565b600080604083850312156125ed57600080fd5b6125f6836122b8565b91506123a5602084016122b8565b60008060008060008060008060006101208a8c03121561262357600080fd5b61262c8a6122b8565b985061263a60208b016122b8565b975060408a0135965060608a0135955060808a0135945060a08a0135935061266460c08b016123ae565b989b979a50959894979396929550929360e081013593506101000135919050565b600181811c9082168061269957607f821691505b6020821081036126b957634e487b7160e01b600052602260045260246000fd5b50919050565b8082018082111561083d57634e487b7160e01b600052601160045260246000fdfe65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a0acf805600123ef007091da3b3ffb39474074c656c127aa68cb0ffec232a8ff8a164736f6c634300081c000a",
}

// HeitjeCoin is an auto generated Go binding around an Ethereum contract.
type HeitjeCoin struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *HeitjeCoin) GetABI() abi.ABI {
	return c.abi
}

// NewHeitjeCoin creates a new instance of HeitjeCoin.
func NewHeitjeCoin() *HeitjeCoin {
	parsed, err := HeitjeCoinMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &HeitjeCoin{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *HeitjeCoin) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address admin) returns()
func (heitjeCoin *HeitjeCoin) PackConstructor(admin common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("", admin)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackACCEPTORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e053a7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ACCEPTOR_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackACCEPTORROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("ACCEPTOR_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackACCEPTORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e053a7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ACCEPTOR_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackACCEPTORROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("ACCEPTOR_ROLE")
}

// UnpackACCEPTORROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9e053a7b.
//
// Solidity: function ACCEPTOR_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackACCEPTORROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("ACCEPTOR_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCANCELAUTHORIZATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9169487.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CANCEL_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackCANCELAUTHORIZATIONTYPEHASH() []byte {
	enc, err := heitjeCoin.abi.Pack("CANCEL_AUTHORIZATION_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCANCELAUTHORIZATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9169487.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CANCEL_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackCANCELAUTHORIZATIONTYPEHASH() ([]byte, error) {
	return heitjeCoin.abi.Pack("CANCEL_AUTHORIZATION_TYPEHASH")
}

// UnpackCANCELAUTHORIZATIONTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9169487.
//
// Solidity: function CANCEL_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackCANCELAUTHORIZATIONTYPEHASH(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("CANCEL_AUTHORIZATION_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCANCELRECOVERYTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02356653.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CANCEL_RECOVERY_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackCANCELRECOVERYTYPEHASH() []byte {
	enc, err := heitjeCoin.abi.Pack("CANCEL_RECOVERY_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCANCELRECOVERYTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02356653.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CANCEL_RECOVERY_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackCANCELRECOVERYTYPEHASH() ([]byte, error) {
	return heitjeCoin.abi.Pack("CANCEL_RECOVERY_TYPEHASH")
}

// UnpackCANCELRECOVERYTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x02356653.
//
// Solidity: function CANCEL_RECOVERY_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackCANCELRECOVERYTYPEHASH(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("CANCEL_RECOVERY_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackDEFAULTADMINROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("DEFAULT_ADMIN_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackDEFAULTADMINROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("DEFAULT_ADMIN_ROLE")
}

// UnpackDEFAULTADMINROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackDEFAULTADMINROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("DEFAULT_ADMIN_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackDOMAINSEPARATOR() []byte {
	enc, err := heitjeCoin.abi.Pack("DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackDOMAINSEPARATOR() ([]byte, error) {
	return heitjeCoin.abi.Pack("DOMAIN_SEPARATOR")
}

// UnpackDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMINTERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5391393.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackMINTERROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("MINTER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINTERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5391393.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackMINTERROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("MINTER_ROLE")
}

// UnpackMINTERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd5391393.
//
// Solidity: function MINTER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackMINTERROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("MINTER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackONBOARDERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb2344372.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ONBOARDER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackONBOARDERROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("ONBOARDER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackONBOARDERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb2344372.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ONBOARDER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackONBOARDERROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("ONBOARDER_ROLE")
}

// UnpackONBOARDERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb2344372.
//
// Solidity: function ONBOARDER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackONBOARDERROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("ONBOARDER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPAUSERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe63ab1e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PAUSER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackPAUSERROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("PAUSER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPAUSERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe63ab1e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PAUSER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackPAUSERROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("PAUSER_ROLE")
}

// UnpackPAUSERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe63ab1e9.
//
// Solidity: function PAUSER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackPAUSERROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("PAUSER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRECEIVEWITHAUTHORIZATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f2eecc3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackRECEIVEWITHAUTHORIZATIONTYPEHASH() []byte {
	enc, err := heitjeCoin.abi.Pack("RECEIVE_WITH_AUTHORIZATION_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRECEIVEWITHAUTHORIZATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f2eecc3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackRECEIVEWITHAUTHORIZATIONTYPEHASH() ([]byte, error) {
	return heitjeCoin.abi.Pack("RECEIVE_WITH_AUTHORIZATION_TYPEHASH")
}

// UnpackRECEIVEWITHAUTHORIZATIONTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7f2eecc3.
//
// Solidity: function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackRECEIVEWITHAUTHORIZATIONTYPEHASH(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("RECEIVE_WITH_AUTHORIZATION_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRECOVERYROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x31993a1c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function RECOVERY_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackRECOVERYROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("RECOVERY_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRECOVERYROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x31993a1c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function RECOVERY_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackRECOVERYROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("RECOVERY_ROLE")
}

// UnpackRECOVERYROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x31993a1c.
//
// Solidity: function RECOVERY_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackRECOVERYROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("RECOVERY_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackREDEEMERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7fa46ab4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function REDEEMER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackREDEEMERROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("REDEEMER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackREDEEMERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7fa46ab4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function REDEEMER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackREDEEMERROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("REDEEMER_ROLE")
}

// UnpackREDEEMERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7fa46ab4.
//
// Solidity: function REDEEMER_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackREDEEMERROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("REDEEMER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackTRANSFERWITHAUTHORIZATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0cc6a68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackTRANSFERWITHAUTHORIZATIONTYPEHASH() []byte {
	enc, err := heitjeCoin.abi.Pack("TRANSFER_WITH_AUTHORIZATION_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTRANSFERWITHAUTHORIZATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0cc6a68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackTRANSFERWITHAUTHORIZATIONTYPEHASH() ([]byte, error) {
	return heitjeCoin.abi.Pack("TRANSFER_WITH_AUTHORIZATION_TYPEHASH")
}

// UnpackTRANSFERWITHAUTHORIZATIONTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa0cc6a68.
//
// Solidity: function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackTRANSFERWITHAUTHORIZATIONTYPEHASH(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("TRANSFER_WITH_AUTHORIZATION_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackTREASURYROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd11a57ec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TREASURY_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackTREASURYROLE() []byte {
	enc, err := heitjeCoin.abi.Pack("TREASURY_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTREASURYROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd11a57ec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TREASURY_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackTREASURYROLE() ([]byte, error) {
	return heitjeCoin.abi.Pack("TREASURY_ROLE")
}

// UnpackTREASURYROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd11a57ec.
//
// Solidity: function TREASURY_ROLE() view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackTREASURYROLE(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("TREASURY_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (heitjeCoin *HeitjeCoin) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (heitjeCoin *HeitjeCoin) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (heitjeCoin *HeitjeCoin) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := heitjeCoin.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := heitjeCoin.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return heitjeCoin.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackApprove(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackAuthorizationState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe94a0102.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function authorizationState(address authorizer, bytes32 nonce) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackAuthorizationState(authorizer common.Address, nonce [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("authorizationState", authorizer, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuthorizationState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe94a0102.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function authorizationState(address authorizer, bytes32 nonce) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackAuthorizationState(authorizer common.Address, nonce [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("authorizationState", authorizer, nonce)
}

// UnpackAuthorizationState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe94a0102.
//
// Solidity: function authorizationState(address authorizer, bytes32 nonce) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackAuthorizationState(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("authorizationState", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (heitjeCoin *HeitjeCoin) PackBalanceOf(account common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (heitjeCoin *HeitjeCoin) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (heitjeCoin *HeitjeCoin) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := heitjeCoin.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCancelAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5a049a70.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) PackCancelAuthorization(authorizer common.Address, nonce [32]byte, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("cancelAuthorization", authorizer, nonce, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5a049a70.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) TryPackCancelAuthorization(authorizer common.Address, nonce [32]byte, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("cancelAuthorization", authorizer, nonce, v, r, s)
}

// PackCancelRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3972f37a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelRecovery(bytes32 ref, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) PackCancelRecovery(ref [32]byte, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("cancelRecovery", ref, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3972f37a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelRecovery(bytes32 ref, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) TryPackCancelRecovery(ref [32]byte, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("cancelRecovery", ref, v, r, s)
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() pure returns(uint8)
func (heitjeCoin *HeitjeCoin) PackDecimals() []byte {
	enc, err := heitjeCoin.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() pure returns(uint8)
func (heitjeCoin *HeitjeCoin) TryPackDecimals() ([]byte, error) {
	return heitjeCoin.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (heitjeCoin *HeitjeCoin) UnpackDecimals(data []byte) (uint8, error) {
	out, err := heitjeCoin.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (heitjeCoin *HeitjeCoin) PackEip712Domain() []byte {
	enc, err := heitjeCoin.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (heitjeCoin *HeitjeCoin) TryPackEip712Domain() ([]byte, error) {
	return heitjeCoin.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (heitjeCoin *HeitjeCoin) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := heitjeCoin.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackExecuteRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7abed905.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function executeRecovery(bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) PackExecuteRecovery(ref [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("executeRecovery", ref)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecuteRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7abed905.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function executeRecovery(bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) TryPackExecuteRecovery(ref [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("executeRecovery", ref)
}

// PackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (heitjeCoin *HeitjeCoin) PackGetRoleAdmin(role [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("getRoleAdmin", role)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (heitjeCoin *HeitjeCoin) TryPackGetRoleAdmin(role [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("getRoleAdmin", role)
}

// UnpackGetRoleAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (heitjeCoin *HeitjeCoin) UnpackGetRoleAdmin(data []byte) ([32]byte, error) {
	out, err := heitjeCoin.abi.Unpack("getRoleAdmin", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (heitjeCoin *HeitjeCoin) PackGrantRole(role [32]byte, account common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("grantRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (heitjeCoin *HeitjeCoin) TryPackGrantRole(role [32]byte, account common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("grantRole", role, account)
}

// PackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackHasRole(role [32]byte, account common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("hasRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackHasRole(role [32]byte, account common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("hasRole", role, account)
}

// UnpackHasRole is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackHasRole(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("hasRole", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x929066f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isParticipant(address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackIsParticipant(account common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("isParticipant", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsParticipant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x929066f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isParticipant(address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackIsParticipant(account common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("isParticipant", account)
}

// UnpackIsParticipant is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x929066f5.
//
// Solidity: function isParticipant(address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackIsParticipant(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("isParticipant", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsRoleHolder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5f07d0f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isRoleHolder(address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackIsRoleHolder(account common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("isRoleHolder", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsRoleHolder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5f07d0f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isRoleHolder(address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackIsRoleHolder(account common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("isRoleHolder", account)
}

// UnpackIsRoleHolder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf5f07d0f.
//
// Solidity: function isRoleHolder(address account) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackIsRoleHolder(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("isRoleHolder", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e458bee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount, bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) PackMint(to common.Address, amount *big.Int, ref [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("mint", to, amount, ref)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e458bee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount, bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) TryPackMint(to common.Address, amount *big.Int, ref [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("mint", to, amount, ref)
}

// PackMintRefUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xec76eda9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintRefUsed(bytes32 ) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackMintRefUsed(arg0 [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("mintRefUsed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintRefUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xec76eda9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintRefUsed(bytes32 ) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackMintRefUsed(arg0 [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("mintRefUsed", arg0)
}

// UnpackMintRefUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xec76eda9.
//
// Solidity: function mintRefUsed(bytes32 ) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackMintRefUsed(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("mintRefUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (heitjeCoin *HeitjeCoin) PackName() []byte {
	enc, err := heitjeCoin.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (heitjeCoin *HeitjeCoin) TryPackName() ([]byte, error) {
	return heitjeCoin.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (heitjeCoin *HeitjeCoin) UnpackName(data []byte) (string, error) {
	out, err := heitjeCoin.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (heitjeCoin *HeitjeCoin) PackNonces(owner common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("nonces", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (heitjeCoin *HeitjeCoin) TryPackNonces(owner common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("nonces", owner)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (heitjeCoin *HeitjeCoin) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := heitjeCoin.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (heitjeCoin *HeitjeCoin) PackPause() []byte {
	enc, err := heitjeCoin.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (heitjeCoin *HeitjeCoin) TryPackPause() ([]byte, error) {
	return heitjeCoin.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (heitjeCoin *HeitjeCoin) PackPaused() []byte {
	enc, err := heitjeCoin.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackPaused() ([]byte, error) {
	return heitjeCoin.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackPaused(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) PackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) TryPackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
}

// PackReceiveWithAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xef55bec6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) PackReceiveWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("receiveWithAuthorization", from, to, value, validAfter, validBefore, nonce, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReceiveWithAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xef55bec6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) TryPackReceiveWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("receiveWithAuthorization", from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// PackRecoveries is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c5e47c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recoveries(bytes32 ref) view returns(address from, uint64 executableAt, uint8 status, address to)
func (heitjeCoin *HeitjeCoin) PackRecoveries(ref [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("recoveries", ref)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecoveries is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c5e47c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recoveries(bytes32 ref) view returns(address from, uint64 executableAt, uint8 status, address to)
func (heitjeCoin *HeitjeCoin) TryPackRecoveries(ref [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("recoveries", ref)
}

// RecoveriesOutput serves as a container for the return parameters of contract
// method Recoveries.
type RecoveriesOutput struct {
	From         common.Address
	ExecutableAt uint64
	Status       uint8
	To           common.Address
}

// UnpackRecoveries is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6c5e47c7.
//
// Solidity: function recoveries(bytes32 ref) view returns(address from, uint64 executableAt, uint8 status, address to)
func (heitjeCoin *HeitjeCoin) UnpackRecoveries(data []byte) (RecoveriesOutput, error) {
	out, err := heitjeCoin.abi.Unpack("recoveries", data)
	outstruct := new(RecoveriesOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.From = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.ExecutableAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Status = *abi.ConvertType(out[2], new(uint8)).(*uint8)
	outstruct.To = *abi.ConvertType(out[3], new(common.Address)).(*common.Address)
	return *outstruct, nil
}

// PackRecoveryDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3758ca7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recoveryDelay() view returns(uint256)
func (heitjeCoin *HeitjeCoin) PackRecoveryDelay() []byte {
	enc, err := heitjeCoin.abi.Pack("recoveryDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecoveryDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3758ca7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recoveryDelay() view returns(uint256)
func (heitjeCoin *HeitjeCoin) TryPackRecoveryDelay() ([]byte, error) {
	return heitjeCoin.abi.Pack("recoveryDelay")
}

// UnpackRecoveryDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3758ca7a.
//
// Solidity: function recoveryDelay() view returns(uint256)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryDelay(data []byte) (*big.Int, error) {
	out, err := heitjeCoin.abi.Unpack("recoveryDelay", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRedeem is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x992c3e4b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redeem(address from, uint256 amount, bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) PackRedeem(from common.Address, amount *big.Int, ref [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("redeem", from, amount, ref)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedeem is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x992c3e4b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redeem(address from, uint256 amount, bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) TryPackRedeem(from common.Address, amount *big.Int, ref [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("redeem", from, amount, ref)
}

// PackRedeemRefUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x720c96ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redeemRefUsed(address , bytes32 ) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackRedeemRefUsed(arg0 common.Address, arg1 [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("redeemRefUsed", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedeemRefUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x720c96ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redeemRefUsed(address , bytes32 ) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackRedeemRefUsed(arg0 common.Address, arg1 [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("redeemRefUsed", arg0, arg1)
}

// UnpackRedeemRefUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x720c96ee.
//
// Solidity: function redeemRefUsed(address , bytes32 ) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackRedeemRefUsed(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("redeemRefUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (heitjeCoin *HeitjeCoin) PackRenounceRole(role [32]byte, callerConfirmation common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("renounceRole", role, callerConfirmation)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (heitjeCoin *HeitjeCoin) TryPackRenounceRole(role [32]byte, callerConfirmation common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("renounceRole", role, callerConfirmation)
}

// PackRequestRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe22a5792.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestRecovery(address from, address to, bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) PackRequestRecovery(from common.Address, to common.Address, ref [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("requestRecovery", from, to, ref)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe22a5792.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestRecovery(address from, address to, bytes32 ref) returns()
func (heitjeCoin *HeitjeCoin) TryPackRequestRecovery(from common.Address, to common.Address, ref [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("requestRecovery", from, to, ref)
}

// PackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (heitjeCoin *HeitjeCoin) PackRevokeRole(role [32]byte, account common.Address) []byte {
	enc, err := heitjeCoin.abi.Pack("revokeRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (heitjeCoin *HeitjeCoin) TryPackRevokeRole(role [32]byte, account common.Address) ([]byte, error) {
	return heitjeCoin.abi.Pack("revokeRole", role, account)
}

// PackSetRecoveryDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8eb8bd8f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRecoveryDelay(uint256 delay) returns()
func (heitjeCoin *HeitjeCoin) PackSetRecoveryDelay(delay *big.Int) []byte {
	enc, err := heitjeCoin.abi.Pack("setRecoveryDelay", delay)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRecoveryDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8eb8bd8f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRecoveryDelay(uint256 delay) returns()
func (heitjeCoin *HeitjeCoin) TryPackSetRecoveryDelay(delay *big.Int) ([]byte, error) {
	return heitjeCoin.abi.Pack("setRecoveryDelay", delay)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (heitjeCoin *HeitjeCoin) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (heitjeCoin *HeitjeCoin) PackSymbol() []byte {
	enc, err := heitjeCoin.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (heitjeCoin *HeitjeCoin) TryPackSymbol() ([]byte, error) {
	return heitjeCoin.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (heitjeCoin *HeitjeCoin) UnpackSymbol(data []byte) (string, error) {
	out, err := heitjeCoin.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (heitjeCoin *HeitjeCoin) PackTotalSupply() []byte {
	enc, err := heitjeCoin.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (heitjeCoin *HeitjeCoin) TryPackTotalSupply() ([]byte, error) {
	return heitjeCoin.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (heitjeCoin *HeitjeCoin) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := heitjeCoin.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := heitjeCoin.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return heitjeCoin.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackTransfer(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := heitjeCoin.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return heitjeCoin.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (heitjeCoin *HeitjeCoin) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := heitjeCoin.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferWithAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3ee160e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) PackTransferWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := heitjeCoin.abi.Pack("transferWithAuthorization", from, to, value, validAfter, validBefore, nonce, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferWithAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3ee160e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (heitjeCoin *HeitjeCoin) TryPackTransferWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return heitjeCoin.abi.Pack("transferWithAuthorization", from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (heitjeCoin *HeitjeCoin) PackUnpause() []byte {
	enc, err := heitjeCoin.abi.Pack("unpause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpause() returns()
func (heitjeCoin *HeitjeCoin) TryPackUnpause() ([]byte, error) {
	return heitjeCoin.abi.Pack("unpause")
}

// HeitjeCoinApproval represents a Approval event raised by the HeitjeCoin contract.
type HeitjeCoinApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinApproval) ContractEventName() string {
	return HeitjeCoinApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (heitjeCoin *HeitjeCoin) UnpackApprovalEvent(log *types.Log) (*HeitjeCoinApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinApproval)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinAuthorizationCanceled represents a AuthorizationCanceled event raised by the HeitjeCoin contract.
type HeitjeCoinAuthorizationCanceled struct {
	Authorizer common.Address
	Nonce      [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinAuthorizationCanceledEventName = "AuthorizationCanceled"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinAuthorizationCanceled) ContractEventName() string {
	return HeitjeCoinAuthorizationCanceledEventName
}

// UnpackAuthorizationCanceledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce)
func (heitjeCoin *HeitjeCoin) UnpackAuthorizationCanceledEvent(log *types.Log) (*HeitjeCoinAuthorizationCanceled, error) {
	event := "AuthorizationCanceled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinAuthorizationCanceled)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinAuthorizationUsed represents a AuthorizationUsed event raised by the HeitjeCoin contract.
type HeitjeCoinAuthorizationUsed struct {
	Authorizer common.Address
	Nonce      [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinAuthorizationUsedEventName = "AuthorizationUsed"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinAuthorizationUsed) ContractEventName() string {
	return HeitjeCoinAuthorizationUsedEventName
}

// UnpackAuthorizationUsedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce)
func (heitjeCoin *HeitjeCoin) UnpackAuthorizationUsedEvent(log *types.Log) (*HeitjeCoinAuthorizationUsed, error) {
	event := "AuthorizationUsed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinAuthorizationUsed)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinEIP712DomainChanged represents a EIP712DomainChanged event raised by the HeitjeCoin contract.
type HeitjeCoinEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinEIP712DomainChanged) ContractEventName() string {
	return HeitjeCoinEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (heitjeCoin *HeitjeCoin) UnpackEIP712DomainChangedEvent(log *types.Log) (*HeitjeCoinEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinMinted represents a Minted event raised by the HeitjeCoin contract.
type HeitjeCoinMinted struct {
	To     common.Address
	Amount *big.Int
	Ref    [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinMintedEventName = "Minted"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinMinted) ContractEventName() string {
	return HeitjeCoinMintedEventName
}

// UnpackMintedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Minted(address indexed to, uint256 amount, bytes32 indexed ref)
func (heitjeCoin *HeitjeCoin) UnpackMintedEvent(log *types.Log) (*HeitjeCoinMinted, error) {
	event := "Minted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinMinted)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinPaused represents a Paused event raised by the HeitjeCoin contract.
type HeitjeCoinPaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinPausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinPaused) ContractEventName() string {
	return HeitjeCoinPausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(address account)
func (heitjeCoin *HeitjeCoin) UnpackPausedEvent(log *types.Log) (*HeitjeCoinPaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinPaused)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRecoveryCancelled represents a RecoveryCancelled event raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryCancelled struct {
	Ref  [32]byte
	From common.Address
	Raw  *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRecoveryCancelledEventName = "RecoveryCancelled"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRecoveryCancelled) ContractEventName() string {
	return HeitjeCoinRecoveryCancelledEventName
}

// UnpackRecoveryCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RecoveryCancelled(bytes32 indexed ref, address indexed from)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryCancelledEvent(log *types.Log) (*HeitjeCoinRecoveryCancelled, error) {
	event := "RecoveryCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRecoveryCancelled)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRecoveryDelaySet represents a RecoveryDelaySet event raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryDelaySet struct {
	Delay *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRecoveryDelaySetEventName = "RecoveryDelaySet"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRecoveryDelaySet) ContractEventName() string {
	return HeitjeCoinRecoveryDelaySetEventName
}

// UnpackRecoveryDelaySetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RecoveryDelaySet(uint256 delay)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryDelaySetEvent(log *types.Log) (*HeitjeCoinRecoveryDelaySet, error) {
	event := "RecoveryDelaySet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRecoveryDelaySet)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRecoveryExecuted represents a RecoveryExecuted event raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryExecuted struct {
	Ref    [32]byte
	From   common.Address
	To     common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRecoveryExecutedEventName = "RecoveryExecuted"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRecoveryExecuted) ContractEventName() string {
	return HeitjeCoinRecoveryExecutedEventName
}

// UnpackRecoveryExecutedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RecoveryExecuted(bytes32 indexed ref, address indexed from, address indexed to, uint256 amount)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryExecutedEvent(log *types.Log) (*HeitjeCoinRecoveryExecuted, error) {
	event := "RecoveryExecuted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRecoveryExecuted)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRecoveryRequested represents a RecoveryRequested event raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryRequested struct {
	Ref          [32]byte
	From         common.Address
	To           common.Address
	ExecutableAt *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRecoveryRequestedEventName = "RecoveryRequested"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRecoveryRequested) ContractEventName() string {
	return HeitjeCoinRecoveryRequestedEventName
}

// UnpackRecoveryRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RecoveryRequested(bytes32 indexed ref, address indexed from, address indexed to, uint256 executableAt)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryRequestedEvent(log *types.Log) (*HeitjeCoinRecoveryRequested, error) {
	event := "RecoveryRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRecoveryRequested)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRedeemed represents a Redeemed event raised by the HeitjeCoin contract.
type HeitjeCoinRedeemed struct {
	From   common.Address
	Amount *big.Int
	Ref    [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRedeemedEventName = "Redeemed"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRedeemed) ContractEventName() string {
	return HeitjeCoinRedeemedEventName
}

// UnpackRedeemedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Redeemed(address indexed from, uint256 amount, bytes32 indexed ref)
func (heitjeCoin *HeitjeCoin) UnpackRedeemedEvent(log *types.Log) (*HeitjeCoinRedeemed, error) {
	event := "Redeemed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRedeemed)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRoleAdminChanged represents a RoleAdminChanged event raised by the HeitjeCoin contract.
type HeitjeCoinRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRoleAdminChangedEventName = "RoleAdminChanged"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRoleAdminChanged) ContractEventName() string {
	return HeitjeCoinRoleAdminChangedEventName
}

// UnpackRoleAdminChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (heitjeCoin *HeitjeCoin) UnpackRoleAdminChangedEvent(log *types.Log) (*HeitjeCoinRoleAdminChanged, error) {
	event := "RoleAdminChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRoleAdminChanged)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRoleGranted represents a RoleGranted event raised by the HeitjeCoin contract.
type HeitjeCoinRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRoleGrantedEventName = "RoleGranted"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRoleGranted) ContractEventName() string {
	return HeitjeCoinRoleGrantedEventName
}

// UnpackRoleGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (heitjeCoin *HeitjeCoin) UnpackRoleGrantedEvent(log *types.Log) (*HeitjeCoinRoleGranted, error) {
	event := "RoleGranted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRoleGranted)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinRoleRevoked represents a RoleRevoked event raised by the HeitjeCoin contract.
type HeitjeCoinRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinRoleRevokedEventName = "RoleRevoked"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinRoleRevoked) ContractEventName() string {
	return HeitjeCoinRoleRevokedEventName
}

// UnpackRoleRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (heitjeCoin *HeitjeCoin) UnpackRoleRevokedEvent(log *types.Log) (*HeitjeCoinRoleRevoked, error) {
	event := "RoleRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinRoleRevoked)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinTransfer represents a Transfer event raised by the HeitjeCoin contract.
type HeitjeCoinTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinTransfer) ContractEventName() string {
	return HeitjeCoinTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (heitjeCoin *HeitjeCoin) UnpackTransferEvent(log *types.Log) (*HeitjeCoinTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinTransfer)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HeitjeCoinUnpaused represents a Unpaused event raised by the HeitjeCoin contract.
type HeitjeCoinUnpaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const HeitjeCoinUnpausedEventName = "Unpaused"

// ContractEventName returns the user-defined event name.
func (HeitjeCoinUnpaused) ContractEventName() string {
	return HeitjeCoinUnpausedEventName
}

// UnpackUnpausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpaused(address account)
func (heitjeCoin *HeitjeCoin) UnpackUnpausedEvent(log *types.Log) (*HeitjeCoinUnpaused, error) {
	event := "Unpaused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != heitjeCoin.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HeitjeCoinUnpaused)
	if len(log.Data) > 0 {
		if err := heitjeCoin.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range heitjeCoin.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (heitjeCoin *HeitjeCoin) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["AccessControlBadConfirmation"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackAccessControlBadConfirmationError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["AccessControlUnauthorizedAccount"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackAccessControlUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ClosedLoopTransfer"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackClosedLoopTransferError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ECDSAInvalidSignature"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackECDSAInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ECDSAInvalidSignatureLength"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackECDSAInvalidSignatureLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ECDSAInvalidSignatureS"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackECDSAInvalidSignatureSError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["EIP3009AuthorizationExpired"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackEIP3009AuthorizationExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["EIP3009AuthorizationNotYetValid"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackEIP3009AuthorizationNotYetValidError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["EIP3009AuthorizationUsedOrCanceled"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackEIP3009AuthorizationUsedOrCanceledError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["EIP3009CallerNotPayee"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackEIP3009CallerNotPayeeError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["EIP3009InvalidSigner"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackEIP3009InvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC20InvalidSpenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC2612ExpiredSignature"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC2612ExpiredSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ERC2612InvalidSigner"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackERC2612InvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["EnforcedPause"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackEnforcedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ExpectedPause"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackExpectedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["InvalidAccountNonce"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackInvalidAccountNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RecoveryDelayZero"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRecoveryDelayZeroError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RecoveryInvalidPair"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRecoveryInvalidPairError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RecoveryInvalidSigner"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRecoveryInvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RecoveryNotPending"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRecoveryNotPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RecoveryNotYetExecutable"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRecoveryNotYetExecutableError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RecoveryRoleHolder"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRecoveryRoleHolderError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["RedeemFromNonParticipant"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackRedeemFromNonParticipantError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["ReferenceUsed"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackReferenceUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], heitjeCoin.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return heitjeCoin.UnpackStringTooLongError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// HeitjeCoinAccessControlBadConfirmation represents a AccessControlBadConfirmation error raised by the HeitjeCoin contract.
type HeitjeCoinAccessControlBadConfirmation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlBadConfirmation()
func HeitjeCoinAccessControlBadConfirmationErrorID() common.Hash {
	return common.HexToHash("0x6697b23232a647058342c0724fe7c415cab25915b54e5dbc03f233173d37b41c")
}

// UnpackAccessControlBadConfirmationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlBadConfirmation()
func (heitjeCoin *HeitjeCoin) UnpackAccessControlBadConfirmationError(raw []byte) (*HeitjeCoinAccessControlBadConfirmation, error) {
	out := new(HeitjeCoinAccessControlBadConfirmation)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "AccessControlBadConfirmation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinAccessControlUnauthorizedAccount represents a AccessControlUnauthorizedAccount error raised by the HeitjeCoin contract.
type HeitjeCoinAccessControlUnauthorizedAccount struct {
	Account    common.Address
	NeededRole [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func HeitjeCoinAccessControlUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0xe2517d3fbfae6f8515ef5ff1ccedc3933ab0cbbda0b492c06eb54ad10ef03b3e")
}

// UnpackAccessControlUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func (heitjeCoin *HeitjeCoin) UnpackAccessControlUnauthorizedAccountError(raw []byte) (*HeitjeCoinAccessControlUnauthorizedAccount, error) {
	out := new(HeitjeCoinAccessControlUnauthorizedAccount)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "AccessControlUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinClosedLoopTransfer represents a ClosedLoopTransfer error raised by the HeitjeCoin contract.
type HeitjeCoinClosedLoopTransfer struct {
	From common.Address
	To   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClosedLoopTransfer(address from, address to)
func HeitjeCoinClosedLoopTransferErrorID() common.Hash {
	return common.HexToHash("0x1868d427cac3f7c872205b230f6b27f9d08aa5670e85da180e8283fbe168bfac")
}

// UnpackClosedLoopTransferError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClosedLoopTransfer(address from, address to)
func (heitjeCoin *HeitjeCoin) UnpackClosedLoopTransferError(raw []byte) (*HeitjeCoinClosedLoopTransfer, error) {
	out := new(HeitjeCoinClosedLoopTransfer)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ClosedLoopTransfer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinECDSAInvalidSignature represents a ECDSAInvalidSignature error raised by the HeitjeCoin contract.
type HeitjeCoinECDSAInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignature()
func HeitjeCoinECDSAInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xf645eedf0193584640b6b90cb9477e4c95b98636c148a891d4c0a146dc46e75a")
}

// UnpackECDSAInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignature()
func (heitjeCoin *HeitjeCoin) UnpackECDSAInvalidSignatureError(raw []byte) (*HeitjeCoinECDSAInvalidSignature, error) {
	out := new(HeitjeCoinECDSAInvalidSignature)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ECDSAInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinECDSAInvalidSignatureLength represents a ECDSAInvalidSignatureLength error raised by the HeitjeCoin contract.
type HeitjeCoinECDSAInvalidSignatureLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func HeitjeCoinECDSAInvalidSignatureLengthErrorID() common.Hash {
	return common.HexToHash("0xfce698f7e8e5342cd615f641317bc45fe7e1e4a8b0a14dd1383ff8dc9c41917f")
}

// UnpackECDSAInvalidSignatureLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func (heitjeCoin *HeitjeCoin) UnpackECDSAInvalidSignatureLengthError(raw []byte) (*HeitjeCoinECDSAInvalidSignatureLength, error) {
	out := new(HeitjeCoinECDSAInvalidSignatureLength)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinECDSAInvalidSignatureS represents a ECDSAInvalidSignatureS error raised by the HeitjeCoin contract.
type HeitjeCoinECDSAInvalidSignatureS struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func HeitjeCoinECDSAInvalidSignatureSErrorID() common.Hash {
	return common.HexToHash("0xd78bce0cccb935155ed6428d1c13e50b7f3550fd2b66b9fe266006fea4a5e1eb")
}

// UnpackECDSAInvalidSignatureSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func (heitjeCoin *HeitjeCoin) UnpackECDSAInvalidSignatureSError(raw []byte) (*HeitjeCoinECDSAInvalidSignatureS, error) {
	out := new(HeitjeCoinECDSAInvalidSignatureS)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinEIP3009AuthorizationExpired represents a EIP3009AuthorizationExpired error raised by the HeitjeCoin contract.
type HeitjeCoinEIP3009AuthorizationExpired struct {
	ValidBefore *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EIP3009AuthorizationExpired(uint256 validBefore)
func HeitjeCoinEIP3009AuthorizationExpiredErrorID() common.Hash {
	return common.HexToHash("0xdfb5aae3a55dfcb0f71dbcc9772ee937d6f16ffef2f5aa1011f2f6e2ad97653a")
}

// UnpackEIP3009AuthorizationExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EIP3009AuthorizationExpired(uint256 validBefore)
func (heitjeCoin *HeitjeCoin) UnpackEIP3009AuthorizationExpiredError(raw []byte) (*HeitjeCoinEIP3009AuthorizationExpired, error) {
	out := new(HeitjeCoinEIP3009AuthorizationExpired)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "EIP3009AuthorizationExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinEIP3009AuthorizationNotYetValid represents a EIP3009AuthorizationNotYetValid error raised by the HeitjeCoin contract.
type HeitjeCoinEIP3009AuthorizationNotYetValid struct {
	ValidAfter *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EIP3009AuthorizationNotYetValid(uint256 validAfter)
func HeitjeCoinEIP3009AuthorizationNotYetValidErrorID() common.Hash {
	return common.HexToHash("0x74a323941312b9843d6f7a1897d00783fad774fc00eb0704d943ee6335c586d5")
}

// UnpackEIP3009AuthorizationNotYetValidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EIP3009AuthorizationNotYetValid(uint256 validAfter)
func (heitjeCoin *HeitjeCoin) UnpackEIP3009AuthorizationNotYetValidError(raw []byte) (*HeitjeCoinEIP3009AuthorizationNotYetValid, error) {
	out := new(HeitjeCoinEIP3009AuthorizationNotYetValid)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "EIP3009AuthorizationNotYetValid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinEIP3009AuthorizationUsedOrCanceled represents a EIP3009AuthorizationUsedOrCanceled error raised by the HeitjeCoin contract.
type HeitjeCoinEIP3009AuthorizationUsedOrCanceled struct {
	Authorizer common.Address
	Nonce      [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EIP3009AuthorizationUsedOrCanceled(address authorizer, bytes32 nonce)
func HeitjeCoinEIP3009AuthorizationUsedOrCanceledErrorID() common.Hash {
	return common.HexToHash("0x288a9a61bc42abf3183b0457e351eaac683a36921e8b4a9d65eb2f76c0b017bf")
}

// UnpackEIP3009AuthorizationUsedOrCanceledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EIP3009AuthorizationUsedOrCanceled(address authorizer, bytes32 nonce)
func (heitjeCoin *HeitjeCoin) UnpackEIP3009AuthorizationUsedOrCanceledError(raw []byte) (*HeitjeCoinEIP3009AuthorizationUsedOrCanceled, error) {
	out := new(HeitjeCoinEIP3009AuthorizationUsedOrCanceled)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "EIP3009AuthorizationUsedOrCanceled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinEIP3009CallerNotPayee represents a EIP3009CallerNotPayee error raised by the HeitjeCoin contract.
type HeitjeCoinEIP3009CallerNotPayee struct {
	Caller common.Address
	Payee  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EIP3009CallerNotPayee(address caller, address payee)
func HeitjeCoinEIP3009CallerNotPayeeErrorID() common.Hash {
	return common.HexToHash("0xc617061a4642e0d53969a2a5228d8cb2b3554370234158fd813681f13e89f1f5")
}

// UnpackEIP3009CallerNotPayeeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EIP3009CallerNotPayee(address caller, address payee)
func (heitjeCoin *HeitjeCoin) UnpackEIP3009CallerNotPayeeError(raw []byte) (*HeitjeCoinEIP3009CallerNotPayee, error) {
	out := new(HeitjeCoinEIP3009CallerNotPayee)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "EIP3009CallerNotPayee", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinEIP3009InvalidSigner represents a EIP3009InvalidSigner error raised by the HeitjeCoin contract.
type HeitjeCoinEIP3009InvalidSigner struct {
	Signer   common.Address
	Expected common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EIP3009InvalidSigner(address signer, address expected)
func HeitjeCoinEIP3009InvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x65d484afa7b972704c13034866b71265117fc81d212e43970fa8d83051e9774d")
}

// UnpackEIP3009InvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EIP3009InvalidSigner(address signer, address expected)
func (heitjeCoin *HeitjeCoin) UnpackEIP3009InvalidSignerError(raw []byte) (*HeitjeCoinEIP3009InvalidSigner, error) {
	out := new(HeitjeCoinEIP3009InvalidSigner)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "EIP3009InvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the HeitjeCoin contract.
type HeitjeCoinERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func HeitjeCoinERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (heitjeCoin *HeitjeCoin) UnpackERC20InsufficientAllowanceError(raw []byte) (*HeitjeCoinERC20InsufficientAllowance, error) {
	out := new(HeitjeCoinERC20InsufficientAllowance)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the HeitjeCoin contract.
type HeitjeCoinERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func HeitjeCoinERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (heitjeCoin *HeitjeCoin) UnpackERC20InsufficientBalanceError(raw []byte) (*HeitjeCoinERC20InsufficientBalance, error) {
	out := new(HeitjeCoinERC20InsufficientBalance)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC20InvalidApprover represents a ERC20InvalidApprover error raised by the HeitjeCoin contract.
type HeitjeCoinERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func HeitjeCoinERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (heitjeCoin *HeitjeCoin) UnpackERC20InvalidApproverError(raw []byte) (*HeitjeCoinERC20InvalidApprover, error) {
	out := new(HeitjeCoinERC20InvalidApprover)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the HeitjeCoin contract.
type HeitjeCoinERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func HeitjeCoinERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (heitjeCoin *HeitjeCoin) UnpackERC20InvalidReceiverError(raw []byte) (*HeitjeCoinERC20InvalidReceiver, error) {
	out := new(HeitjeCoinERC20InvalidReceiver)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC20InvalidSender represents a ERC20InvalidSender error raised by the HeitjeCoin contract.
type HeitjeCoinERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func HeitjeCoinERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (heitjeCoin *HeitjeCoin) UnpackERC20InvalidSenderError(raw []byte) (*HeitjeCoinERC20InvalidSender, error) {
	out := new(HeitjeCoinERC20InvalidSender)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC20InvalidSpender represents a ERC20InvalidSpender error raised by the HeitjeCoin contract.
type HeitjeCoinERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func HeitjeCoinERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (heitjeCoin *HeitjeCoin) UnpackERC20InvalidSpenderError(raw []byte) (*HeitjeCoinERC20InvalidSpender, error) {
	out := new(HeitjeCoinERC20InvalidSpender)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC2612ExpiredSignature represents a ERC2612ExpiredSignature error raised by the HeitjeCoin contract.
type HeitjeCoinERC2612ExpiredSignature struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func HeitjeCoinERC2612ExpiredSignatureErrorID() common.Hash {
	return common.HexToHash("0x627913023c184eaad13735d5a3d2657ae76ec9a872a70e0fc57522ef1a114d58")
}

// UnpackERC2612ExpiredSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func (heitjeCoin *HeitjeCoin) UnpackERC2612ExpiredSignatureError(raw []byte) (*HeitjeCoinERC2612ExpiredSignature, error) {
	out := new(HeitjeCoinERC2612ExpiredSignature)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC2612ExpiredSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinERC2612InvalidSigner represents a ERC2612InvalidSigner error raised by the HeitjeCoin contract.
type HeitjeCoinERC2612InvalidSigner struct {
	Signer common.Address
	Owner  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func HeitjeCoinERC2612InvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x4b800e463b323b1d856edf9dec70329a639d13874a57f5c28219ff57128756db")
}

// UnpackERC2612InvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func (heitjeCoin *HeitjeCoin) UnpackERC2612InvalidSignerError(raw []byte) (*HeitjeCoinERC2612InvalidSigner, error) {
	out := new(HeitjeCoinERC2612InvalidSigner)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ERC2612InvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinEnforcedPause represents a EnforcedPause error raised by the HeitjeCoin contract.
type HeitjeCoinEnforcedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EnforcedPause()
func HeitjeCoinEnforcedPauseErrorID() common.Hash {
	return common.HexToHash("0xd93c0665d6c96d04a8f174024fc4ddd66c250604aff22bbec808de86dd3637e3")
}

// UnpackEnforcedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EnforcedPause()
func (heitjeCoin *HeitjeCoin) UnpackEnforcedPauseError(raw []byte) (*HeitjeCoinEnforcedPause, error) {
	out := new(HeitjeCoinEnforcedPause)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "EnforcedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinExpectedPause represents a ExpectedPause error raised by the HeitjeCoin contract.
type HeitjeCoinExpectedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpectedPause()
func HeitjeCoinExpectedPauseErrorID() common.Hash {
	return common.HexToHash("0x8dfc202bcfe9a735b559bee70674422512bc5c30f687046ae8778315fb81da44")
}

// UnpackExpectedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpectedPause()
func (heitjeCoin *HeitjeCoin) UnpackExpectedPauseError(raw []byte) (*HeitjeCoinExpectedPause, error) {
	out := new(HeitjeCoinExpectedPause)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ExpectedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinInvalidAccountNonce represents a InvalidAccountNonce error raised by the HeitjeCoin contract.
type HeitjeCoinInvalidAccountNonce struct {
	Account      common.Address
	CurrentNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func HeitjeCoinInvalidAccountNonceErrorID() common.Hash {
	return common.HexToHash("0x752d88c0de02638abf10e8e31861e4c68dc1f3a1e7d840e580683f2c282bfc7a")
}

// UnpackInvalidAccountNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func (heitjeCoin *HeitjeCoin) UnpackInvalidAccountNonceError(raw []byte) (*HeitjeCoinInvalidAccountNonce, error) {
	out := new(HeitjeCoinInvalidAccountNonce)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "InvalidAccountNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinInvalidShortString represents a InvalidShortString error raised by the HeitjeCoin contract.
type HeitjeCoinInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func HeitjeCoinInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (heitjeCoin *HeitjeCoin) UnpackInvalidShortStringError(raw []byte) (*HeitjeCoinInvalidShortString, error) {
	out := new(HeitjeCoinInvalidShortString)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRecoveryDelayZero represents a RecoveryDelayZero error raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryDelayZero struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecoveryDelayZero()
func HeitjeCoinRecoveryDelayZeroErrorID() common.Hash {
	return common.HexToHash("0xe6b60d335950d7b7b81887af297d5592d5b8b7ebd0bdb306fdeca720426dc4dd")
}

// UnpackRecoveryDelayZeroError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecoveryDelayZero()
func (heitjeCoin *HeitjeCoin) UnpackRecoveryDelayZeroError(raw []byte) (*HeitjeCoinRecoveryDelayZero, error) {
	out := new(HeitjeCoinRecoveryDelayZero)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RecoveryDelayZero", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRecoveryInvalidPair represents a RecoveryInvalidPair error raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryInvalidPair struct {
	From common.Address
	To   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecoveryInvalidPair(address from, address to)
func HeitjeCoinRecoveryInvalidPairErrorID() common.Hash {
	return common.HexToHash("0x6e8ccefdff06a538737a42bba417ce66523a883037af234fc4054bfca0487653")
}

// UnpackRecoveryInvalidPairError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecoveryInvalidPair(address from, address to)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryInvalidPairError(raw []byte) (*HeitjeCoinRecoveryInvalidPair, error) {
	out := new(HeitjeCoinRecoveryInvalidPair)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RecoveryInvalidPair", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRecoveryInvalidSigner represents a RecoveryInvalidSigner error raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryInvalidSigner struct {
	Signer common.Address
	From   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecoveryInvalidSigner(address signer, address from)
func HeitjeCoinRecoveryInvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x4b1f6a34fe3f54841100930df83526258b17ddf041b831fed4b646439865d02d")
}

// UnpackRecoveryInvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecoveryInvalidSigner(address signer, address from)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryInvalidSignerError(raw []byte) (*HeitjeCoinRecoveryInvalidSigner, error) {
	out := new(HeitjeCoinRecoveryInvalidSigner)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RecoveryInvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRecoveryNotPending represents a RecoveryNotPending error raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryNotPending struct {
	Ref [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecoveryNotPending(bytes32 ref)
func HeitjeCoinRecoveryNotPendingErrorID() common.Hash {
	return common.HexToHash("0xefbb8c88a2fc0c590666bbbd147330560010aa0c23c2a93783ed1074491fe865")
}

// UnpackRecoveryNotPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecoveryNotPending(bytes32 ref)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryNotPendingError(raw []byte) (*HeitjeCoinRecoveryNotPending, error) {
	out := new(HeitjeCoinRecoveryNotPending)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RecoveryNotPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRecoveryNotYetExecutable represents a RecoveryNotYetExecutable error raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryNotYetExecutable struct {
	Ref          [32]byte
	ExecutableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecoveryNotYetExecutable(bytes32 ref, uint256 executableAt)
func HeitjeCoinRecoveryNotYetExecutableErrorID() common.Hash {
	return common.HexToHash("0x0fcf464c7770f13626a8808106052e83641109c5a771953442025b692e08f61b")
}

// UnpackRecoveryNotYetExecutableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecoveryNotYetExecutable(bytes32 ref, uint256 executableAt)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryNotYetExecutableError(raw []byte) (*HeitjeCoinRecoveryNotYetExecutable, error) {
	out := new(HeitjeCoinRecoveryNotYetExecutable)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RecoveryNotYetExecutable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRecoveryRoleHolder represents a RecoveryRoleHolder error raised by the HeitjeCoin contract.
type HeitjeCoinRecoveryRoleHolder struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecoveryRoleHolder(address account)
func HeitjeCoinRecoveryRoleHolderErrorID() common.Hash {
	return common.HexToHash("0xd4f852f50eb0c0805851a1c47b42ea65bf6611e6252d4c66879fbd3cde7a089f")
}

// UnpackRecoveryRoleHolderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecoveryRoleHolder(address account)
func (heitjeCoin *HeitjeCoin) UnpackRecoveryRoleHolderError(raw []byte) (*HeitjeCoinRecoveryRoleHolder, error) {
	out := new(HeitjeCoinRecoveryRoleHolder)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RecoveryRoleHolder", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinRedeemFromNonParticipant represents a RedeemFromNonParticipant error raised by the HeitjeCoin contract.
type HeitjeCoinRedeemFromNonParticipant struct {
	From common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RedeemFromNonParticipant(address from)
func HeitjeCoinRedeemFromNonParticipantErrorID() common.Hash {
	return common.HexToHash("0xa167bc0795e5d7bc77b08f08e4c35c9b92c26ca9e7f06aab2b12ec28b4d98072")
}

// UnpackRedeemFromNonParticipantError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RedeemFromNonParticipant(address from)
func (heitjeCoin *HeitjeCoin) UnpackRedeemFromNonParticipantError(raw []byte) (*HeitjeCoinRedeemFromNonParticipant, error) {
	out := new(HeitjeCoinRedeemFromNonParticipant)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "RedeemFromNonParticipant", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinReferenceUsed represents a ReferenceUsed error raised by the HeitjeCoin contract.
type HeitjeCoinReferenceUsed struct {
	Ref [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReferenceUsed(bytes32 ref)
func HeitjeCoinReferenceUsedErrorID() common.Hash {
	return common.HexToHash("0x6851b8c30dd40ecfbb36f69a2c280cd1f5f56f0491e41aca29b911a6c83f8b32")
}

// UnpackReferenceUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReferenceUsed(bytes32 ref)
func (heitjeCoin *HeitjeCoin) UnpackReferenceUsedError(raw []byte) (*HeitjeCoinReferenceUsed, error) {
	out := new(HeitjeCoinReferenceUsed)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "ReferenceUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HeitjeCoinStringTooLong represents a StringTooLong error raised by the HeitjeCoin contract.
type HeitjeCoinStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func HeitjeCoinStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (heitjeCoin *HeitjeCoin) UnpackStringTooLongError(raw []byte) (*HeitjeCoinStringTooLong, error) {
	out := new(HeitjeCoinStringTooLong)
	if err := heitjeCoin.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}
