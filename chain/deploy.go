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
)

// Roles says which addresses get which of the contract's roles at deployment. Pauser defaults to the admin.
type Roles struct {
	Minter   common.Address
	Operator common.Address // activates shops (onboarder) and redeems payouts (redeemer)
	Pauser   common.Address
	Treasury common.Address
	// Recovery asks for and carries out recoveries of lost keys (RECOVERY_ROLE); none when zero.
	Recovery common.Address
	// RecoveryDelay is set as the contract's recovery delay (whole seconds); 0 keeps the contract's 72 hours.
	RecoveryDelay time.Duration
}

// Deployment is where the contract landed.
type Deployment struct {
	Address common.Address
	Block   uint64
}

// DeployToken deploys the coin contract with admin as DEFAULT_ADMIN_ROLE holder and grants the roles. The
// admin key is used only here; the API never holds it.
func DeployToken(ctx context.Context, c *Client, admin *ecdsa.PrivateKey, roles Roles) (Deployment, error) {
	p, err := PlanDeployment(ctx, c, admin, roles)
	if err != nil {
		return Deployment{}, err
	}
	return p.CarryOut(ctx, c, nil)
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

// waitHead polls until the node's head is at block n or later.
func waitHead(ctx context.Context, c *Client, n uint64) error {
	for {
		h, err := c.HeaderByNumber(ctx, nil)
		if err != nil {
			return err
		}
		if h.Number.Uint64() >= n {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for block %d: %w", n, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// WaitReceipt polls for a transaction's receipt until it appears or ctx ends, and then until the node's head
// has reached the receipt's block: geth stores a block's receipts a moment before it makes the block its
// head, so a read of the latest state right after the receipt could still miss the transaction's effect.
func WaitReceipt(ctx context.Context, c *Client, hash common.Hash) (*types.Receipt, error) {
	for {
		r, err := c.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, waitHead(ctx, c, r.BlockNumber.Uint64())
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
