package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/contracts/bindings"
)

// DeployPlan is a coin deployment signed in full before anything is sent: the contract creation at the
// admin's next nonce and the role grants at the nonces after it. Stored before the first transaction goes
// out, it lets a deployment that stopped half-way be finished by sending the same signed transactions again,
// each of which can be mined at most once, instead of new ones: no coin is ever created that the plan does
// not name.
type DeployPlan struct {
	ChainID uint64         `json:"chain_id"`
	Admin   common.Address `json:"admin"`
	Token   common.Address `json:"token"`
	Txs     []PlannedTx    `json:"transactions"`
}

// PlannedTx is one signed transaction of a DeployPlan.
type PlannedTx struct {
	What  string        `json:"what"`
	Nonce uint64        `json:"nonce"`
	Hash  common.Hash   `json:"hash"`
	Raw   hexutil.Bytes `json:"raw"`
}

// PlanDeployment signs the deployment of the coin with admin as DEFAULT_ADMIN_ROLE holder and the grants of
// roles (Pauser defaults to the admin), from the admin's pending nonce on. It sends nothing.
func PlanDeployment(ctx context.Context, c *Client, admin *ecdsa.PrivateKey, roles Roles) (DeployPlan, error) {
	from := crypto.PubkeyToAddress(admin.PublicKey)
	if roles.Pauser == (common.Address{}) {
		roles.Pauser = from
	}
	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		return DeployPlan{}, err
	}
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return DeployPlan{}, err
	}
	tip := big.NewInt(1_000_000_000)
	fee := feeCap(h.BaseFee, tip)
	coin := bindings.NewHeitjeCoin()
	p := DeployPlan{ChainID: c.ChainID.Uint64(), Admin: from, Token: crypto.CreateAddress(from, nonce)}
	add := func(what string, to *common.Address, data []byte, gas uint64) error {
		n := nonce + uint64(len(p.Txs))
		tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID, Nonce: n, To: to, Data: data, Gas: gas,
			GasTipCap: tip, GasFeeCap: fee}), types.LatestSignerForChainID(c.ChainID), admin)
		if err != nil {
			return err
		}
		raw, err := tx.MarshalBinary()
		if err != nil {
			return err
		}
		p.Txs = append(p.Txs, PlannedTx{What: what, Nonce: n, Hash: tx.Hash(), Raw: raw})
		return nil
	}
	if err := add("create the coin", nil, append(common.FromHex(bindings.HeitjeCoinMetaData.Bin), coin.PackConstructor(from)...), 3_000_000); err != nil {
		return DeployPlan{}, err
	}
	for _, g := range []struct {
		name string
		role common.Hash
		to   common.Address
	}{
		{"minter", RoleMinter, roles.Minter}, {"onboarder", RoleOnboarder, roles.Operator}, {"redeemer", RoleRedeemer, roles.Operator},
		{"pauser", RolePauser, roles.Pauser}, {"treasury", RoleTreasury, roles.Treasury}, {"recovery", RoleRecovery, roles.Recovery},
	} {
		if g.to == (common.Address{}) {
			continue
		}
		if err := add("grant "+g.name+" to "+g.to.Hex(), &p.Token, coin.PackGrantRole(g.role, g.to), 100_000); err != nil {
			return DeployPlan{}, err
		}
	}
	if secs := int64(roles.RecoveryDelay / time.Second); secs > 0 {
		if err := add(fmt.Sprintf("set the recovery delay to %d s", secs), &p.Token, coin.PackSetRecoveryDelay(big.NewInt(secs)), 100_000); err != nil {
			return DeployPlan{}, err
		}
	}
	return p, nil
}

// CarryOut sends every transaction of the plan that the node has not seen yet, in nonce order, and waits
// for all of them to be mined successfully. sent, when not nil, is called after each transaction is sent
// (or found already sent); an error from it stops there. It fails without sending when a planned nonce was
// used by another transaction of the admin: the planned one can then never be mined.
func (p DeployPlan) CarryOut(ctx context.Context, c *Client, sent func(i int) error) (Deployment, error) {
	if c.ChainID.Uint64() != p.ChainID {
		return Deployment{}, fmt.Errorf("the deployment was planned for chain %d, the node runs chain %d", p.ChainID, c.ChainID)
	}
	for i, pt := range p.Txs {
		known, err := txKnown(ctx, c, pt.Hash)
		if err != nil {
			return Deployment{}, err
		}
		if !known {
			mined, err := c.NonceAt(ctx, p.Admin, nil)
			if err != nil {
				return Deployment{}, err
			}
			if mined > pt.Nonce {
				return Deployment{}, fmt.Errorf("the admin's nonce %d, planned for %q (%s), was used by another transaction: "+
					"this deployment cannot finish; the planned transactions from there on will never be mined", pt.Nonce, pt.What, pt.Hash.Hex())
			}
			tx := new(types.Transaction)
			if err := tx.UnmarshalBinary(pt.Raw); err != nil || tx.Hash() != pt.Hash {
				return Deployment{}, fmt.Errorf("the planned transaction %q does not decode to its hash %s", pt.What, pt.Hash.Hex())
			}
			if err := c.SendTransaction(ctx, tx); err != nil && !strings.Contains(err.Error(), "already known") {
				return Deployment{}, fmt.Errorf("sending %q: %w", pt.What, err)
			}
		}
		if sent != nil {
			if err := sent(i); err != nil {
				return Deployment{}, err
			}
		}
	}
	var block uint64
	for i, pt := range p.Txs {
		r, err := waitMined(ctx, c, pt.Hash)
		if err != nil {
			return Deployment{}, fmt.Errorf("waiting for %q: %w", pt.What, err)
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return Deployment{}, fmt.Errorf("%q (%s) reverted", pt.What, pt.Hash.Hex())
		}
		if i == 0 {
			block = r.BlockNumber.Uint64()
		}
	}
	return Deployment{Address: p.Token, Block: block}, nil
}

// txKnown reports whether the node has the transaction, mined or in its pool.
func txKnown(ctx context.Context, c *Client, hash common.Hash) (bool, error) {
	for {
		_, _, err := c.TransactionByHash(ctx, hash)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, ethereum.NotFound):
			return false, nil
		case !indexing(err):
			return false, err
		}
		if err := pause(ctx, hash); err != nil {
			return false, err
		}
	}
}

// waitMined is WaitReceipt that also waits while the node is still indexing its transactions.
func waitMined(ctx context.Context, c *Client, hash common.Hash) (*types.Receipt, error) {
	for {
		r, err := c.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) && !indexing(err) {
			return nil, err
		}
		if err := pause(ctx, hash); err != nil {
			return nil, err
		}
	}
}

// indexing reports whether err is a node's answer that it is still indexing transactions (a fresh node).
func indexing(err error) bool { return strings.Contains(err.Error(), "indexing is in progress") }

func pause(ctx context.Context, hash common.Hash) error {
	select {
	case <-ctx.Done():
		return fmt.Errorf("waiting for %s: %w", hash.Hex(), ctx.Err())
	case <-time.After(200 * time.Millisecond):
		return nil
	}
}
