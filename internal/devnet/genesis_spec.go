package devnet

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/internal/devchain"
)

// ChainID is the chain id of the development network.
const ChainID = devchain.ChainID

// devBalance is what every development key holds at genesis: one million ether.
var devBalance = new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1e18))

// Keys returns every development key: signer, admin, minter, operator, relayers, treasury.
func Keys() []DevKey {
	keys := []DevKey{DevSigner, DevAdmin, DevMinter, DevOperator}
	keys = append(keys, DevRelayers...)
	return append(keys, DevTreasury)
}

// ECDSA returns the key's private key. It panics if the labelled address does not belong to the private
// key, which would mean keys.go was edited by hand.
func (k DevKey) ECDSA() *ecdsa.PrivateKey {
	key, err := crypto.HexToECDSA(k.Private)
	if err != nil {
		panic(fmt.Sprintf("devnet: %s key: %v", k.Role, err))
	}
	if got := crypto.PubkeyToAddress(key.PublicKey); got != common.HexToAddress(k.Address) {
		panic(fmt.Sprintf("devnet: %s key belongs to %s, not %s", k.Role, got, k.Address))
	}
	return key
}

// GenesisSpec is the development network the committed genesis.json describes: chain id 6411, one block a
// second, a 100M gas limit, DevSigner sealing, and one million ether for every development key.
func GenesisSpec() genesis.Spec {
	alloc := make(map[common.Address]*big.Int)
	for _, k := range Keys() {
		alloc[common.HexToAddress(k.Address)] = new(big.Int).Set(devBalance)
	}
	return genesis.Spec{
		ChainID:       big.NewInt(ChainID),
		PeriodSeconds: 1,
		GasLimit:      100_000_000,
		Signers:       []common.Address{common.HexToAddress(DevSigner.Address)},
		Alloc:         alloc,
	}
}
