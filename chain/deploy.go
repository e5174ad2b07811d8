package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/contracts/bindings"
)

// Roles says which addresses get which of the contract's roles at deployment. Pauser defaults to the admin.
type Roles struct {
	Minter   common.Address
	Operator common.Address // activates shops (onboarder) and redeems payouts (redeemer)
	Pauser   common.Address
	Treasury common.Address
}

// Deployment is where the contract landed.
type Deployment struct {
	Address common.Address
	Block   uint64
}

// DeployToken deploys the coin contract with admin as DEFAULT_ADMIN_ROLE holder and grants the roles. The
// admin key is used only here; the API never holds it.
func DeployToken(ctx context.Context, c *Client, admin *ecdsa.PrivateKey, roles Roles) (Deployment, error) {
	from := crypto.PubkeyToAddress(admin.PublicKey)
	if roles.Pauser == (common.Address{}) {
		roles.Pauser = from
	}
	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		return Deployment{}, err
	}
	coin := bindings.NewHeitjeCoin()
	code := append(common.FromHex(bindings.HeitjeCoinMetaData.Bin), coin.PackConstructor(from)...)
	deployTx, err := sendSigned(ctx, c, admin, nonce, nil, code, 3_000_000)
	if err != nil {
		return Deployment{}, fmt.Errorf("deploying: %w", err)
	}
	addr := crypto.CreateAddress(from, nonce)
	grants := []struct {
		role common.Hash
		to   common.Address
	}{
		{RoleMinter, roles.Minter}, {RoleOnboarder, roles.Operator}, {RoleRedeemer, roles.Operator},
		{RolePauser, roles.Pauser}, {RoleTreasury, roles.Treasury},
	}
	txs := []*types.Transaction{deployTx}
	for i, g := range grants {
		if g.to == (common.Address{}) {
			continue
		}
		tx, err := sendSigned(ctx, c, admin, nonce+1+uint64(i), &addr, coin.PackGrantRole(g.role, g.to), 100_000)
		if err != nil {
			return Deployment{}, fmt.Errorf("granting roles: %w", err)
		}
		txs = append(txs, tx)
	}
	var block uint64
	for i, tx := range txs {
		r, err := WaitReceipt(ctx, c, tx.Hash())
		if err != nil {
			return Deployment{}, err
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return Deployment{}, fmt.Errorf("deployment transaction %d (%s) reverted", i, tx.Hash())
		}
		if i == 0 {
			block = r.BlockNumber.Uint64()
		}
	}
	return Deployment{Address: addr, Block: block}, nil
}

// HasCode reports whether a contract is deployed at addr.
func HasCode(ctx context.Context, c *Client, addr common.Address) (bool, error) {
	code, err := c.CodeAt(ctx, addr, nil)
	return len(code) > 0, err
}

func sendSigned(ctx context.Context, c *Client, key *ecdsa.PrivateKey, nonce uint64, to *common.Address, data []byte, gas uint64) (*types.Transaction, error) {
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	tip := big.NewInt(1_000_000_000)
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID, Nonce: nonce, To: to, Data: data, Gas: gas,
		GasTipCap: tip, GasFeeCap: feeCap(h.BaseFee, tip)}), types.LatestSignerForChainID(c.ChainID), key)
	if err != nil {
		return nil, err
	}
	return tx, c.SendTransaction(ctx, tx)
}

// WaitReceipt polls for a transaction's receipt until it appears or ctx ends.
func WaitReceipt(ctx context.Context, c *Client, hash common.Hash) (*types.Receipt, error) {
	for {
		r, err := c.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %s: %w", hash, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
