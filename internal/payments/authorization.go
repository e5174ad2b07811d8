// Package payments is paying at the shop: payment requests, the residents' signed EIP-3009 authorizations
// that the API relays, refunds and history. This file holds the EIP-712 typed data that a phone signs and
// the server checks, built from the EIP-3009 definition.
package payments

import (
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/internal/eip712"
)

// The coin's EIP-712 domain name and version (internal/eip712).
const (
	DomainName    = eip712.Name
	DomainVersion = eip712.Version
	// PrimaryType is the EIP-3009 message a payer signs.
	PrimaryType = "TransferWithAuthorization"
)

// Domain identifies the coin a signature is for.
type Domain = eip712.Domain

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
var ErrBadSignature = eip712.ErrBadSignature

var typedDataTypes = eip712.Types(PrimaryType, []apitypes.Type{
	{Name: "from", Type: "address"},
	{Name: "to", Type: "address"},
	{Name: "value", Type: "uint256"},
	{Name: "validAfter", Type: "uint256"},
	{Name: "validBefore", Type: "uint256"},
	{Name: "nonce", Type: "bytes32"},
})

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

// TypedDataDomain is the coin's EIP-712 domain as wallets sign it.
type TypedDataDomain = eip712.TypedDomain

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
		Domain:      d.Typed(),
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
	return eip712.Hash(td.Types, td.PrimaryType, td.Domain, apitypes.TypedDataMessage{
		"from":        td.Message.From,
		"to":          td.Message.To,
		"value":       td.Message.Value,
		"validAfter":  td.Message.ValidAfter,
		"validBefore": td.Message.ValidBefore,
		"nonce":       td.Message.Nonce,
	})
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
	h, err := Digest(d, a)
	if err != nil {
		return common.Address{}, err
	}
	return eip712.Signer(h, a.Signature)
}
