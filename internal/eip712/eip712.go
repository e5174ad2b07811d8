// Package eip712 is the coin's EIP-712 domain (contracts/HeitjeCoin.sol: name "Heerlens Heitje", version
// "1", the chain id and the contract) and what the typed messages signed in it share: the digest, and the
// recovery of the signer with the contract's own checks. A payer's EIP-3009 authorization (package
// payments) and a lost key's cancellation of a recovery (package recovery) are such messages.
package eip712

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// The coin's EIP-712 domain name and version.
const (
	Name    = "Heerlens Heitje"
	Version = "1"
)

// Domain identifies the coin a signature is for.
type Domain struct {
	ChainID uint64
	Token   common.Address
}

// TypedDomain is the domain in the JSON form that eth_signTypedData_v4 takes and standard wallets sign as
// it is. Unlike apitypes.TypedDataDomain it has no salt (the coin's domain has none, and wallets refuse an
// empty one) and writes chainId as a number, not a hex string.
type TypedDomain struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
}

// Typed is d as a typed message's domain.
func (d Domain) Typed() TypedDomain {
	return TypedDomain{Name: Name, Version: Version, ChainID: d.ChainID, VerifyingContract: d.Token.Hex()}
}

// DomainType is the EIP712Domain type: exactly the fields TypedDomain has.
var DomainType = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

// Types is a message's types with the domain's: primary and its fields.
func Types(primary string, fields []apitypes.Type) apitypes.Types {
	return apitypes.Types{"EIP712Domain": DomainType, primary: fields}
}

// Hash is the EIP-712 digest of a message of primary type in domain d, computed by go-ethereum's apitypes.
func Hash(types apitypes.Types, primary string, d TypedDomain, msg apitypes.TypedDataMessage) (common.Hash, error) {
	h, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
		Types: types, PrimaryType: primary,
		Domain: apitypes.TypedDataDomain{Name: d.Name, Version: d.Version,
			ChainId: (*math.HexOrDecimal256)(new(big.Int).SetUint64(d.ChainID)), VerifyingContract: d.VerifyingContract},
		Message: msg,
	})
	if err != nil {
		return common.Hash{}, err
	}
	return common.BytesToHash(h), nil
}

// ErrBadSignature means a signature is malformed or not canonical.
var ErrBadSignature = errors.New("eip712: malformed signature")

// Signer recovers the address whose key signed digest. Like the contract (OpenZeppelin's ECDSA), it refuses
// a signature that is not 65 bytes, has a v other than 0, 1, 27 or 28, or a high s.
func Signer(digest common.Hash, signature []byte) (common.Address, error) {
	if len(signature) != 65 {
		return common.Address{}, fmt.Errorf("%w: want 65 bytes, got %d", ErrBadSignature, len(signature))
	}
	sig := append([]byte(nil), signature...)
	if sig[64] >= 27 {
		sig[64] -= 27
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, s, true) {
		return common.Address{}, ErrBadSignature
	}
	// The address is the hash of the recovered key's bytes; parsing them into a key (crypto.SigToPub) would
	// only check again that the point is on the curve, which the recovery made it.
	pub, err := crypto.Ecrecover(digest[:], sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]), nil
}
