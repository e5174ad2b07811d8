// Package payments is paying at the shop: payment requests, the residents' signed EIP-3009 authorizations
// that the API relays, refunds and history. This file holds the EIP-712 typed data that a phone signs and
// the server checks, built from the EIP-3009 definition.
package payments

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// The coin's EIP-712 domain name and version (see contracts/HeitjeCoin.sol).
const (
	DomainName    = "Heerlens Heitje"
	DomainVersion = "1"
	// PrimaryType is the EIP-3009 message a payer signs.
	PrimaryType = "TransferWithAuthorization"
)

// Domain identifies the coin a signature is for.
type Domain struct {
	ChainID uint64
	Token   common.Address
}

// Authorization is an EIP-3009 TransferWithAuthorization: From lets Value cents go to To, usable once
// (Nonce) strictly between ValidAfter and ValidBefore (unix seconds). Signature is 65 bytes r‖s‖v.
type Authorization struct {
	From        common.Address
	To          common.Address
	Value       *big.Int
	ValidAfter  uint64
	ValidBefore uint64
	Nonce       common.Hash
	Signature   []byte
}

// ErrBadSignature means the signature is malformed or not canonical.
var ErrBadSignature = errors.New("payments: malformed signature")

var typedDataTypes = apitypes.Types{
	"EIP712Domain": {
		{Name: "name", Type: "string"},
		{Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
	},
	PrimaryType: {
		{Name: "from", Type: "address"},
		{Name: "to", Type: "address"},
		{Name: "value", Type: "uint256"},
		{Name: "validAfter", Type: "uint256"},
		{Name: "validBefore", Type: "uint256"},
		{Name: "nonce", Type: "bytes32"},
	},
}

// TypedData is an authorization's EIP-712 typed data in the JSON form that eth_signTypedData_v4 takes and
// standard wallets (ethers, viem, MetaMask) sign as it is: the domain holds exactly the fields that
// Types["EIP712Domain"] lists, chainId is a JSON number, and the message's uint256 values are decimal
// strings, so JavaScript clients lose no precision. It is what GET /v1/payment-requests/{id} serves, and
// Hash is the digest the contract checks.
type TypedData struct {
	Types       apitypes.Types  `json:"types"`
	PrimaryType string          `json:"primaryType"`
	Domain      TypedDataDomain `json:"domain"`
	Message     TransferMessage `json:"message"`
}

// TypedDataDomain is the coin's EIP-712 domain. Unlike apitypes.TypedDataDomain it has no salt (the coin's
// domain has none, and wallets refuse an empty one) and writes chainId as a number, not a hex string.
type TypedDataDomain struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
}

// TransferMessage is the TransferWithAuthorization message: addresses and the nonce as 0x hex, the
// uint256 values (value in cents, validAfter and validBefore in unix seconds) as decimal strings.
type TransferMessage struct {
	From        string `json:"from"`
	To          string `json:"to"`
	Value       string `json:"value"`
	ValidAfter  string `json:"validAfter"`
	ValidBefore string `json:"validBefore"`
	Nonce       string `json:"nonce"`
}

// NewTypedData returns the typed data a payer signs for the authorization a in domain d.
func NewTypedData(d Domain, a Authorization) TypedData {
	value := a.Value
	if value == nil {
		value = new(big.Int)
	}
	return TypedData{
		Types:       typedDataTypes,
		PrimaryType: PrimaryType,
		Domain:      TypedDataDomain{Name: DomainName, Version: DomainVersion, ChainID: d.ChainID, VerifyingContract: d.Token.Hex()},
		Message: TransferMessage{
			From:        a.From.Hex(),
			To:          a.To.Hex(),
			Value:       value.String(),
			ValidAfter:  new(big.Int).SetUint64(a.ValidAfter).String(),
			ValidBefore: new(big.Int).SetUint64(a.ValidBefore).String(),
			Nonce:       a.Nonce.Hex(),
		},
	}
}

// Hash is the EIP-712 digest of the typed data, computed by go-ethereum's apitypes.
func (td TypedData) Hash() (common.Hash, error) {
	chainID := new(big.Int).SetUint64(td.Domain.ChainID)
	h, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
		Types:       td.Types,
		PrimaryType: td.PrimaryType,
		Domain: apitypes.TypedDataDomain{Name: td.Domain.Name, Version: td.Domain.Version,
			ChainId: (*math.HexOrDecimal256)(chainID), VerifyingContract: td.Domain.VerifyingContract},
		Message: apitypes.TypedDataMessage{
			"from":        td.Message.From,
			"to":          td.Message.To,
			"value":       td.Message.Value,
			"validAfter":  td.Message.ValidAfter,
			"validBefore": td.Message.ValidBefore,
			"nonce":       td.Message.Nonce,
		},
	})
	if err != nil {
		return common.Hash{}, err
	}
	return common.BytesToHash(h), nil
}

// Digest is the EIP-712 hash that is signed.
func Digest(d Domain, a Authorization) (common.Hash, error) {
	return NewTypedData(d, a).Hash()
}

// Sign signs the authorization with key and returns the 65-byte signature with v = 27 or 28, as wallets do.
func Sign(d Domain, a Authorization, key *ecdsa.PrivateKey) ([]byte, error) {
	h, err := Digest(d, a)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(h[:], key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// Signer recovers the address that signed the authorization. It refuses signatures that are not 65 bytes,
// have a v other than 0, 1, 27 or 28, or a high s (the contract rejects those too).
func Signer(d Domain, a Authorization) (common.Address, error) {
	if len(a.Signature) != 65 {
		return common.Address{}, fmt.Errorf("%w: want 65 bytes, got %d", ErrBadSignature, len(a.Signature))
	}
	sig := append([]byte(nil), a.Signature...)
	if sig[64] >= 27 {
		sig[64] -= 27
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, s, true) {
		return common.Address{}, ErrBadSignature
	}
	h, err := Digest(d, a)
	if err != nil {
		return common.Address{}, err
	}
	pub, err := crypto.SigToPub(h[:], sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}
