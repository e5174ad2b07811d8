package recovery

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/internal/eip712"
)

// Domain is the coin's EIP-712 domain (internal/eip712).
type Domain = eip712.Domain

// The coin's EIP-712 domain name and version, and the primary type of a cancellation.
const (
	DomainName    = eip712.Name
	DomainVersion = eip712.Version
	PrimaryType   = "CancelRecovery"
)

var cancelTypes = eip712.Types(PrimaryType, []apitypes.Type{
	{Name: "ref", Type: "bytes32"},
	{Name: "from", Type: "address"},
	{Name: "to", Type: "address"},
})

// TypedData is the CancelRecovery message in the form wallets sign (eth_signTypedData_v4).
type TypedData struct {
	Types       apitypes.Types  `json:"types"`
	PrimaryType string          `json:"primaryType"`
	Domain      TypedDataDomain `json:"domain"`
	Message     CancelMessage   `json:"message"`
}

// TypedDataDomain is the coin's EIP-712 domain as wallets sign it.
type TypedDataDomain = eip712.TypedDomain

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
		Domain:  d.Typed(),
		Message: CancelMessage{Ref: ref.Hex(), From: common.HexToAddress(r.From).Hex(), To: common.HexToAddress(r.To).Hex()},
	}
}

// Hash returns the EIP-712 digest that the signature signs.
func (td TypedData) Hash() (common.Hash, error) {
	return eip712.Hash(td.Types, td.PrimaryType, td.Domain,
		apitypes.TypedDataMessage{"ref": td.Message.Ref, "from": td.Message.From, "to": td.Message.To})
}
