package contracts_test

import (
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// The signatures in these tests are built from the EIP-712, EIP-2612 and EIP-3009 definitions with go-ethereum's
// typed-data encoder, never with the contract's own hashing, so a contract that hashes the wrong thing fails.

var (
	eip712DomainType = []apitypes.Type{
		{Name: "name", Type: "string"},
		{Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
	}
	authorizationType = []apitypes.Type{
		{Name: "from", Type: "address"},
		{Name: "to", Type: "address"},
		{Name: "value", Type: "uint256"},
		{Name: "validAfter", Type: "uint256"},
		{Name: "validBefore", Type: "uint256"},
		{Name: "nonce", Type: "bytes32"},
	}
	cancelAuthorizationType = []apitypes.Type{
		{Name: "authorizer", Type: "address"},
		{Name: "nonce", Type: "bytes32"},
	}
	permitType = []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "spender", Type: "address"},
		{Name: "value", Type: "uint256"},
		{Name: "nonce", Type: "uint256"},
		{Name: "deadline", Type: "uint256"},
	}
)

// signature is an ECDSA signature split as the contract takes it.
type signature struct {
	V    uint8
	R, S [32]byte
}

// highS returns the other valid signature of the same message, (r, n−s) with the recovery id flipped, which
// ECDSA.recover must reject as malleable.
func (sig signature) highS() signature {
	n := crypto.S256().Params().N
	s := new(big.Int).Sub(n, new(big.Int).SetBytes(sig.S[:]))
	out := signature{V: sig.V ^ 1, R: sig.R}
	s.FillBytes(out.S[:])
	return out
}

// domain is the coin's EIP-712 domain as EIP-2612 and EIP-3009 define it for this token.
func (c *coin) domain() apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{
		Name:              "Heerlens Heitje",
		Version:           "1",
		ChainId:           (*math.HexOrDecimal256)(c.ch.ChainID()),
		VerifyingContract: c.addr.Hex(),
	}
}

// signTyped signs an EIP-712 message of primaryType in the coin's domain.
func (c *coin) signTyped(t testing.TB, key *ecdsa.PrivateKey, primaryType string, fields []apitypes.Type, msg apitypes.TypedDataMessage) signature {
	t.Helper()
	digest, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
		Types:       apitypes.Types{"EIP712Domain": eip712DomainType, primaryType: fields},
		PrimaryType: primaryType,
		Domain:      c.domain(),
		Message:     msg,
	})
	if err != nil {
		t.Fatalf("hash %s: %v", primaryType, err)
	}
	sig, err := crypto.Sign(digest, key)
	if err != nil {
		t.Fatal(err)
	}
	out := signature{V: sig[64] + 27}
	copy(out.R[:], sig[:32])
	copy(out.S[:], sig[32:64])
	return out
}

// authorization is an EIP-3009 TransferWithAuthorization or ReceiveWithAuthorization message.
type authorization struct {
	From, To                       common.Address
	Value, ValidAfter, ValidBefore *big.Int
	Nonce                          [32]byte
}

// newAuthorization returns an authorization of cents from one address to another with a fresh random nonce,
// valid from now until an hour after the latest block.
func (c *coin) newAuthorization(t testing.TB, from, to common.Address, value int64) authorization {
	t.Helper()
	return authorization{
		From: from, To: to, Value: big.NewInt(value),
		ValidAfter:  big.NewInt(0),
		ValidBefore: new(big.Int).SetUint64(c.latestTime(t) + 3600),
		Nonce:       randomNonce(t),
	}
}

// sign signs the authorization as primaryType "TransferWithAuthorization" or "ReceiveWithAuthorization".
func (c *coin) sign(t testing.TB, key *ecdsa.PrivateKey, primaryType string, a authorization) signature {
	t.Helper()
	return c.signTyped(t, key, primaryType, authorizationType, apitypes.TypedDataMessage{
		"from":        a.From.Hex(),
		"to":          a.To.Hex(),
		"value":       a.Value.String(),
		"validAfter":  a.ValidAfter.String(),
		"validBefore": a.ValidBefore.String(),
		"nonce":       hexutil.Encode(a.Nonce[:]),
	})
}

// packTransfer packs transferWithAuthorization for an authorization and a signature.
func (c *coin) packTransfer(a authorization, sig signature) []byte {
	return c.binding.PackTransferWithAuthorization(a.From, a.To, a.Value, a.ValidAfter, a.ValidBefore, a.Nonce, sig.V, sig.R, sig.S)
}

// packReceive packs receiveWithAuthorization for an authorization and a signature.
func (c *coin) packReceive(a authorization, sig signature) []byte {
	return c.binding.PackReceiveWithAuthorization(a.From, a.To, a.Value, a.ValidAfter, a.ValidBefore, a.Nonce, sig.V, sig.R, sig.S)
}

// packCancel packs cancelAuthorization of a nonce, signed by key.
func (c *coin) packCancel(t testing.TB, key *ecdsa.PrivateKey, authorizer common.Address, nonce [32]byte) []byte {
	t.Helper()
	sig := c.signTyped(t, key, "CancelAuthorization", cancelAuthorizationType, apitypes.TypedDataMessage{
		"authorizer": authorizer.Hex(),
		"nonce":      hexutil.Encode(nonce[:]),
	})
	return c.binding.PackCancelAuthorization(authorizer, nonce, sig.V, sig.R, sig.S)
}

// packPermit packs an EIP-2612 permit signed by key.
func (c *coin) packPermit(t testing.TB, key *ecdsa.PrivateKey, owner, spender common.Address, value int64, nonce, deadline uint64) []byte {
	t.Helper()
	sig := c.signTyped(t, key, "Permit", permitType, apitypes.TypedDataMessage{
		"owner":    owner.Hex(),
		"spender":  spender.Hex(),
		"value":    big.NewInt(value).String(),
		"nonce":    new(big.Int).SetUint64(nonce).String(),
		"deadline": new(big.Int).SetUint64(deadline).String(),
	})
	return c.binding.PackPermit(owner, spender, big.NewInt(value), new(big.Int).SetUint64(deadline), sig.V, sig.R, sig.S)
}

// domainSeparatorByHand computes the EIP-712 domain separator from its definition with plain keccak, as a second
// opinion next to go-ethereum's encoder.
func domainSeparatorByHand(chainID *big.Int, verifyingContract common.Address) common.Hash {
	typeHash := crypto.Keccak256([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	return crypto.Keccak256Hash(
		typeHash,
		crypto.Keccak256([]byte("Heerlens Heitje")),
		crypto.Keccak256([]byte("1")),
		common.LeftPadBytes(chainID.Bytes(), 32),
		common.LeftPadBytes(verifyingContract.Bytes(), 32),
	)
}

func randomNonce(t testing.TB) [32]byte {
	t.Helper()
	var n [32]byte
	if _, err := rand.Read(n[:]); err != nil {
		t.Fatal(err)
	}
	return n
}
