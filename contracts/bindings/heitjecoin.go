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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessControlBadConfirmation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"neededRole\",\"type\":\"bytes32\"}],\"name\":\"AccessControlUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"ClosedLoopTransfer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"}],\"name\":\"EIP3009AuthorizationExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"}],\"name\":\"EIP3009AuthorizationNotYetValid\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"EIP3009AuthorizationUsedOrCanceled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"}],\"name\":\"EIP3009CallerNotPayee\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"expected\",\"type\":\"address\"}],\"name\":\"EIP3009InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ERC2612ExpiredSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC2612InvalidSigner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EnforcedPause\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpectedPause\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"}],\"name\":\"RedeemFromNonParticipant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"ReferenceUsed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"AuthorizationCanceled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"AuthorizationUsed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"Minted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Paused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"Redeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"previousAdminRole\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"newAdminRole\",\"type\":\"bytes32\"}],\"name\":\"RoleAdminChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleGranted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleRevoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Unpaused\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ACCEPTOR_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CANCEL_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DEFAULT_ADMIN_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MINTER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"ONBOARDER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PAUSER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"RECEIVE_WITH_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REDEEMER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TRANSFER_WITH_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TREASURY_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"authorizationState\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"cancelAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"}],\"name\":\"getRoleAdmin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"grantRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasRole\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"isParticipant\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"mintRefUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"receiveWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"ref\",\"type\":\"bytes32\"}],\"name\":\"redeem\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"redeemRefUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"callerConfirmation\",\"type\":\"address\"}],\"name\":\"renounceRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"revokeRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"transferWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "HeitjeCoin",
	Bin: "0x61016060405234801561001157600080fd5b5060405161245b38038061245b8339810160408190526100309161035b565b6040518060400160405280600f81526020016e486565726c656e7320486569746a6560881b81525080604051806040016040528060018152602001603160f81b8152506040518060400160405280600f81526020016e486565726c656e7320486569746a6560881b81525060405180604001604052806006815260200165484549544a4560d01b81525081600390816100c9919061042a565b5060046100d6828261042a565b506100e6915083905060056101e8565b610120526100f58160066101e8565b61014052815160208084019190912060e052815190820120610100524660a05261018260e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a082015260009060c00160405160208183030381529060405280519060200120905090565b60805250503060c0525061019760008261021b565b506101e27f669896195937fd43b7a426ee48677440b45125c3b239efdabd4dbb39a68ebfb47f7a93d8ea4114216a6420421cde774cf65ea417fd00003042d83173841d14d9416102c9565b5061055a565b6000602083511015610204576101fd83610314565b9050610215565b8161020f848261042a565b5060ff90505b92915050565b6000828152600a602090815260408083206001600160a01b038516845290915281205460ff166102c1576000838152600a602090815260408083206001600160a01b03861684529091529020805460ff191660011790556102793390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610215565b506000610215565b6000828152600a6020526040808220600101805490849055905190918391839186917fbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff9190a4505050565b600080829050601f81511115610348578260405163305a27a960e01b815260040161033f91906104e8565b60405180910390fd5b805161035382610536565b179392505050565b60006020828403121561036d57600080fd5b81516001600160a01b038116811461038457600080fd5b9392505050565b634e487b7160e01b600052604160045260246000fd5b600181811c908216806103b557607f821691505b6020821081036103d557634e487b7160e01b600052602260045260246000fd5b50919050565b601f82111561042557806000526020600020601f840160051c810160208510156104025750805b601f840160051c820191505b81811015610422576000815560010161040e565b50505b505050565b81516001600160401b038111156104435761044361038b565b6104578161045184546103a1565b846103db565b6020601f82116001811461048b57600083156104735750848201515b600019600385901b1c1916600184901b178455610422565b600084815260208120601f198516915b828110156104bb578785015182556020948501946001909201910161049b565b50848210156104d95786840151600019600387901b60f8161c191681555b50505050600190811b01905550565b602081526000825180602084015260005b8181101561051657602081860181015160408684010152016104f9565b506000604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156103d55760001960209190910360031b1b16919050565b60805160a05160c05160e051610100516101205161014051611ea76105b46000396000611319015260006112ec015260006110dc015260006110b40152600061100f01526000611039015260006110630152611ea76000f3fe608060405234801561001057600080fd5b50600436106102535760003560e01c806384b0196e11610146578063d11a57ec116100c3578063dd62ed3e11610087578063dd62ed3e146105af578063e3ee160e146105e8578063e63ab1e9146105fb578063e94a010214610622578063ec76eda91461065b578063ef55bec61461067e57600080fd5b8063d11a57ec14610514578063d505accf1461053b578063d53913931461054e578063d547741f14610575578063d91694871461058857600080fd5b80639e053a7b1161010a5780639e053a7b14610484578063a0cc6a68146104ab578063a217fddf146104d2578063a9059cbb146104da578063b2344372146104ed57600080fd5b806384b0196e1461042857806391d1485414610443578063929066f51461045657806395d89b4114610469578063992c3e4b1461047157600080fd5b806336568abe116101d4578063720c96ee11610198578063720c96ee146103915780637ecebe00146103bf5780637f2eecc3146103d25780637fa46ab4146103f95780638456cb591461042057600080fd5b806336568abe1461032f5780633f4ba83a146103425780635a049a701461034a5780635c975abb1461035d57806370a082311461036857600080fd5b806323b872dd1161021b57806323b872dd146102cf578063248a9ca3146102e25780632f2ff15d14610305578063313ce567146103185780633644e5151461032757600080fd5b806301ffc9a71461025857806306fdde0314610280578063095ea7b31461029557806318160ddd146102a85780631e458bee146102ba575b600080fd5b61026b610266366004611a7c565b610691565b60405190151581526020015b60405180910390f35b6102886106c8565b6040516102779190611af3565b61026b6102a3366004611b22565b61075a565b6002545b604051908152602001610277565b6102cd6102c8366004611b4c565b610772565b005b61026b6102dd366004611b7f565b610841565b6102ac6102f0366004611bbc565b6000908152600a602052604090206001015490565b6102cd610313366004611bd5565b610865565b60405160028152602001610277565b6102ac610890565b6102cd61033d366004611bd5565b61089f565b6102cd6108d7565b6102cd610358366004611c12565b61090c565b60095460ff1661026b565b6102ac610376366004611c60565b6001600160a01b031660009081526020819052604090205490565b61026b61039f366004611b22565b600c60209081526000928352604080842090915290825290205460ff1681565b6102ac6103cd366004611c60565b6109e1565b6102ac7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de881565b6102ac7f44ac9762eec3a11893fefb11d028bb3102560094137c3ed4518712475b2577cc81565b6102cd6109ff565b610430610a31565b6040516102779796959493929190611c7b565b61026b610451366004611bd5565b610a77565b61026b610464366004611c60565b610aa2565b610288610afe565b6102cd61047f366004611b4c565b610b0d565b6102ac7f669896195937fd43b7a426ee48677440b45125c3b239efdabd4dbb39a68ebfb481565b6102ac7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a226781565b6102ac600081565b61026b6104e8366004611b22565b610c24565b6102ac7f7a93d8ea4114216a6420421cde774cf65ea417fd00003042d83173841d14d94181565b6102ac7fe1dcbdb91df27212a29bc27177c840cf2f819ecf2187432e1fac86c2dd5dfca981565b6102cd610549366004611d13565b610c32565b6102ac7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a681565b6102cd610583366004611bd5565b610d6c565b6102ac7f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742981565b6102ac6105bd366004611d7e565b6001600160a01b03918216600090815260016020908152604080832093909416825291909152205490565b6102cd6105f6366004611da8565b610d91565b6102ac7f65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a81565b61026b610630366004611b22565b6001600160a01b03919091166000908152600860209081526040808320938352929052205460ff1690565b61026b610669366004611bbc565b600b6020526000908152604090205460ff1681565b6102cd61068c366004611da8565b610dd9565b60006001600160e01b03198216637965db0b60e01b14806106c257506301ffc9a760e01b6001600160e01b03198316145b92915050565b6060600380546106d790611e29565b80601f016020809104026020016040519081016040528092919081815260200182805461070390611e29565b80156107505780601f1061072557610100808354040283529160200191610750565b820191906000526020600020905b81548152906001019060200180831161073357829003601f168201915b5050505050905090565b600033610768818585610e45565b5060019392505050565b7f9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a661079c81610e52565b6000828152600b602052604090205460ff16156107d457604051636851b8c360e01b8152600481018390526024015b60405180910390fd5b6000828152600b60205260409020805460ff191660011790556107f78484610e5c565b81846001600160a01b03167fc263b302aec62d29105026245f19e16f8e0137066ccd4a8bd941f716bd4096bb8560405161083391815260200190565b60405180910390a350505050565b60003361084f858285610e96565b61085a858585610f0f565b506001949350505050565b6000828152600a602052604090206001015461088081610e52565b61088a8383610f6e565b50505050565b600061089a611002565b905090565b6001600160a01b03811633146108c85760405163334bd91960e11b815260040160405180910390fd5b6108d2828261112d565b505050565b7f65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a61090181610e52565b61090961119a565b50565b61091685856111ec565b604080517f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742960208201526001600160a01b03871691810191909152606081018590526000906080016040516020818303038152906040528051906020012090506109838187868686611243565b6001600160a01b0386166000818152600860209081526040808320898452909152808220805460ff19166001179055518792917f1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d8191a3505050505050565b6001600160a01b0381166000908152600760205260408120546106c2565b7f65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a610a2981610e52565b6109096112a8565b600060608060008060006060610a456112e5565b610a4d611312565b60408051600080825260208201909252600f60f81b9b939a50919850469750309650945092509050565b6000918252600a602090815260408084206001600160a01b0393909316845291905290205460ff1690565b6000610ace7f669896195937fd43b7a426ee48677440b45125c3b239efdabd4dbb39a68ebfb483610a77565b806106c257506106c27fe1dcbdb91df27212a29bc27177c840cf2f819ecf2187432e1fac86c2dd5dfca983610a77565b6060600480546106d790611e29565b7f44ac9762eec3a11893fefb11d028bb3102560094137c3ed4518712475b2577cc610b3781610e52565b610b4084610aa2565b610b685760405163a167bc0760e01b81526001600160a01b03851660048201526024016107cb565b6001600160a01b0384166000908152600c6020908152604080832085845290915290205460ff1615610bb057604051636851b8c360e01b8152600481018390526024016107cb565b6001600160a01b0384166000908152600c602090815260408083208584529091529020805460ff19166001179055610be8848461133f565b81846001600160a01b03167f3be2edea458ae9d9dd885a96aa23c988b15277ec0f613d273e6fcc4a27e610ff8560405161083391815260200190565b600033610768818585610f0f565b83421115610c565760405163313c898160e11b8152600481018590526024016107cb565b60007f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9888888610ca38c6001600160a01b0316600090815260076020526040902080546001810190915590565b6040805160208101969096526001600160a01b0394851690860152929091166060840152608083015260a082015260c0810186905260e0016040516020818303038152906040528051906020012090506000610cfe82611375565b90506000610d0e828787876113a2565b9050896001600160a01b0316816001600160a01b031614610d55576040516325c0072360e11b81526001600160a01b0380831660048301528b1660248201526044016107cb565b610d608a8a8a610e45565b50505050505050505050565b6000828152600a6020526040902060010154610d8781610e52565b61088a838361112d565b610dc37f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a22678a8a8a8a8a8a8a8a8a6113d0565b610dce898989610f0f565b505050505050505050565b6001600160a01b0388163314610e135760405163630b830d60e11b81523360048201526001600160a01b03891660248201526044016107cb565b610dc37fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de88a8a8a8a8a8a8a8a8a6113d0565b6108d283838360016114e7565b61090981336115ae565b6001600160a01b038216610e865760405163ec442f0560e01b8152600060048201526024016107cb565b610e92600083836115e7565b5050565b6001600160a01b0383811660009081526001602090815260408083209386168352929052205460001981101561088a5781811015610f0057604051637dc7a0d960e11b81526001600160a01b038416600482015260248101829052604481018390526064016107cb565b61088a848484840360006114e7565b6001600160a01b038316610f3957604051634b637e8f60e11b8152600060048201526024016107cb565b6001600160a01b038216610f635760405163ec442f0560e01b8152600060048201526024016107cb565b6108d28383836115e7565b6000610f7a8383610a77565b610ffa576000838152600a602090815260408083206001600160a01b03861684529091529020805460ff19166001179055610fb23390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016106c2565b5060006106c2565b6000306001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614801561105b57507f000000000000000000000000000000000000000000000000000000000000000046145b1561108557507f000000000000000000000000000000000000000000000000000000000000000090565b61089a604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260009060c00160405160208183030381529060405280519060200120905090565b60006111398383610a77565b15610ffa576000838152600a602090815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a45060016106c2565b6111a261166f565b6009805460ff191690557f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa335b6040516001600160a01b03909116815260200160405180910390a1565b6001600160a01b038216600090815260086020908152604080832084845290915290205460ff1615610e925760405163288a9a6160e01b81526001600160a01b0383166004820152602481018290526044016107cb565b600061125961125187611375565b8585856113a2565b9050846001600160a01b0316816001600160a01b0316146112a0576040516365d484af60e01b81526001600160a01b038083166004830152861660248201526044016107cb565b505050505050565b6112b0611694565b6009805460ff191660011790557f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a2586111cf3390565b606061089a7f000000000000000000000000000000000000000000000000000000000000000060056116b8565b606061089a7f000000000000000000000000000000000000000000000000000000000000000060066116b8565b6001600160a01b03821661136957604051634b637e8f60e11b8152600060048201526024016107cb565b610e92826000836115e7565b60006106c2611382611002565b8360405161190160f01b8152600281019290925260228201526042902090565b6000806000806113b488888888611763565b9250925092506113c48282611832565b50909695505050505050565b8542116113f357604051631d28c8e560e21b8152600481018790526024016107cb565b8442106114165760405163dfb5aae360e01b8152600481018690526024016107cb565b61142089856111ec565b6040805160208082018d90526001600160a01b038c8116838501528b166060830152608082018a905260a0820189905260c0820188905260e0808301889052835180840390910181526101009092019092528051910120611484818b868686611243565b6001600160a01b038a166000818152600860209081526040808320898452909152808220805460ff19166001179055518792917f98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a591a35050505050505050505050565b6001600160a01b0384166115115760405163e602df0560e01b8152600060048201526024016107cb565b6001600160a01b03831661153b57604051634a1406b160e11b8152600060048201526024016107cb565b6001600160a01b038085166000908152600160209081526040808320938716835292905220829055801561088a57826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9258460405161083391815260200190565b6115b88282610a77565b610e925760405163e2517d3f60e01b81526001600160a01b0382166004820152602481018390526044016107cb565b6115ef611694565b6001600160a01b0383161580159061160f57506001600160a01b03821615155b8015611621575061161f82610aa2565b155b8015611633575061163183610aa2565b155b1561166457604051631868d42760e01b81526001600160a01b038085166004830152831660248201526044016107cb565b6108d28383836118eb565b60095460ff1661169257604051638dfc202b60e01b815260040160405180910390fd5b565b60095460ff16156116925760405163d93c066560e01b815260040160405180910390fd5b606060ff83146116d2576116cb83611a15565b90506106c2565b8180546116de90611e29565b80601f016020809104026020016040519081016040528092919081815260200182805461170a90611e29565b80156117575780601f1061172c57610100808354040283529160200191611757565b820191906000526020600020905b81548152906001019060200180831161173a57829003601f168201915b505050505090506106c2565b600080807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561179e5750600091506003905082611828565b604080516000808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156117f2573d6000803e3d6000fd5b5050604051601f1901519150506001600160a01b03811661181e57506000925060019150829050611828565b9250600091508190505b9450945094915050565b600082600381111561184657611846611e63565b0361184f575050565b600182600381111561186357611863611e63565b036118815760405163f645eedf60e01b815260040160405180910390fd5b600282600381111561189557611895611e63565b036118b65760405163fce698f760e01b8152600481018290526024016107cb565b60038260038111156118ca576118ca611e63565b03610e92576040516335e2f38360e21b8152600481018290526024016107cb565b6001600160a01b03831661191657806002600082825461190b9190611e79565b909155506119889050565b6001600160a01b038316600090815260208190526040902054818110156119695760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016107cb565b6001600160a01b03841660009081526020819052604090209082900390555b6001600160a01b0382166119a4576002805482900390556119c3565b6001600160a01b03821660009081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef83604051611a0891815260200190565b60405180910390a3505050565b60606000611a2283611a54565b604080516020808252818301909252919250600091906020820181803683375050509182525060208101929092525090565b600060ff8216601f8111156106c257604051632cd44ac360e21b815260040160405180910390fd5b600060208284031215611a8e57600080fd5b81356001600160e01b031981168114611aa657600080fd5b9392505050565b6000815180845260005b81811015611ad357602081850181015186830182015201611ab7565b506000602082860101526020601f19601f83011685010191505092915050565b602081526000611aa66020830184611aad565b80356001600160a01b0381168114611b1d57600080fd5b919050565b60008060408385031215611b3557600080fd5b611b3e83611b06565b946020939093013593505050565b600080600060608486031215611b6157600080fd5b611b6a84611b06565b95602085013595506040909401359392505050565b600080600060608486031215611b9457600080fd5b611b9d84611b06565b9250611bab60208501611b06565b929592945050506040919091013590565b600060208284031215611bce57600080fd5b5035919050565b60008060408385031215611be857600080fd5b82359150611bf860208401611b06565b90509250929050565b803560ff81168114611b1d57600080fd5b600080600080600060a08688031215611c2a57600080fd5b611c3386611b06565b945060208601359350611c4860408701611c01565b94979396509394606081013594506080013592915050565b600060208284031215611c7257600080fd5b611aa682611b06565b60ff60f81b8816815260e060208201526000611c9a60e0830189611aad565b8281036040840152611cac8189611aad565b606084018890526001600160a01b038716608085015260a0840186905283810360c08501528451808252602080870193509091019060005b81811015611d02578351835260209384019390920191600101611ce4565b50909b9a5050505050505050505050565b600080600080600080600060e0888a031215611d2e57600080fd5b611d3788611b06565b9650611d4560208901611b06565b95506040880135945060608801359350611d6160808901611c01565b9699959850939692959460a0840135945060c09093013592915050565b60008060408385031215611d9157600080fd5b611d9a83611b06565b9150611bf860208401611b06565b60008060008060008060008060006101208a8c031215611dc757600080fd5b611dd08a611b06565b9850611dde60208b01611b06565b975060408a0135965060608a0135955060808a0135945060a08a01359350611e0860c08b01611c01565b989b979a50959894979396929550929360e081013593506101000135919050565b600181811c90821680611e3d57607f821691505b602082108103611e5d57634e487b7160e01b600052602260045260246000fd5b50919050565b634e487b7160e01b600052602160045260246000fd5b808201808211156106c257634e487b7160e01b600052601160045260246000fdfea164736f6c634300081c000a",
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
