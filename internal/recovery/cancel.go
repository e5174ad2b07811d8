package recovery

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// Domain is the coin's EIP-712 domain: name "Heerlens Heitje", version "1", the chain id and the contract.
type Domain struct {
	ChainID uint64
	Token   common.Address
}

// The coin's EIP-712 domain name and version, and the primary type of a cancellation.
const (
	DomainName    = "Heerlens Heitje"
	DomainVersion = "1"
	PrimaryType   = "CancelRecovery"
)

var cancelTypes = apitypes.Types{
	"EIP712Domain": {
		{Name: "name", Type: "string"},
		{Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
	},
	PrimaryType: {
		{Name: "ref", Type: "bytes32"},
		{Name: "from", Type: "address"},
		{Name: "to", Type: "address"},
	},
}

// TypedData is the CancelRecovery message in the form wallets sign (eth_signTypedData_v4).
type TypedData struct {
	Types       apitypes.Types  `json:"types"`
	PrimaryType string          `json:"primaryType"`
	Domain      TypedDataDomain `json:"domain"`
	Message     CancelMessage   `json:"message"`
}

// TypedDataDomain is the coin's EIP-712 domain with chainId as a number.
type TypedDataDomain struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
}

// CancelMessage is a CancelRecovery message: the recovery's reference and its two addresses, as 0x hex.
type CancelMessage struct {
	Ref  string `json:"ref"`
	From string `json:"from"`
	To   string `json:"to"`
}

// CancelTypedData returns the message the lost key signs to cancel r.
func CancelTypedData(d Domain, r Recovery) TypedData {
	ref := r.Ref()
	return TypedData{
		Types: cancelTypes, PrimaryType: PrimaryType,
		Domain:  TypedDataDomain{Name: DomainName, Version: DomainVersion, ChainID: d.ChainID, VerifyingContract: d.Token.Hex()},
		Message: CancelMessage{Ref: ref.Hex(), From: common.HexToAddress(r.From).Hex(), To: common.HexToAddress(r.To).Hex()},
	}
}

// Hash returns the EIP-712 digest that the signature signs.
func (td TypedData) Hash() (common.Hash, error) {
	h, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
		Types: td.Types, PrimaryType: td.PrimaryType,
		Domain: apitypes.TypedDataDomain{Name: td.Domain.Name, Version: td.Domain.Version,
			ChainId: (*math.HexOrDecimal256)(new(big.Int).SetUint64(td.Domain.ChainID)), VerifyingContract: td.Domain.VerifyingContract},
		Message: apitypes.TypedDataMessage{"ref": td.Message.Ref, "from": td.Message.From, "to": td.Message.To},
	})
	return common.BytesToHash(h), err
}

// signerOf returns the address whose key made sig (65 bytes, recovery id 0/1 or 27/28) over digest.
func signerOf(digest common.Hash, sig []byte) (common.Address, bool) {
	if len(sig) != 65 {
		return common.Address{}, false
	}
	s := append([]byte(nil), sig...)
	if s[64] >= 27 {
		s[64] -= 27
	}
	if s[64] > 1 {
		return common.Address{}, false
	}
	// The contract, like OpenZeppelin's ECDSA, refuses a high s; so does this check.
	if new(big.Int).SetBytes(s[32:64]).Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, false
	}
	pub, err := crypto.SigToPub(digest[:], s)
	if err != nil {
		return common.Address{}, false
	}
	return crypto.PubkeyToAddress(*pub), true
}

var secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)
