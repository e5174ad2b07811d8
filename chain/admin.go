package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/contracts/bindings"
)

// RoleAdmin is DEFAULT_ADMIN_ROLE: it grants and revokes every other role. Its key belongs on an offline
// machine, never beside the API's keys.
var RoleAdmin = common.Hash{}

// RolesByName are the roles an operator names on the command line.
var RolesByName = map[string]common.Hash{
	"admin": RoleAdmin, "minter": RoleMinter, "redeemer": RoleRedeemer, "pauser": RolePauser,
	"acceptor": RoleAcceptor, "treasury": RoleTreasury, "onboarder": RoleOnboarder, "recovery": RoleRecovery,
}

// HasRole reports whether addr holds role on the token at the latest block.
func HasRole(ctx context.Context, c *Client, token common.Address, role common.Hash, addr common.Address) (bool, error) {
	coin := bindings.NewHeitjeCoin()
	out, err := c.CallContract(ctx, ethereum.CallMsg{To: &token, Data: coin.PackHasRole(role, addr)}, nil)
	if err != nil {
		return false, fmt.Errorf("asking the token whether %s holds a role: %w", addr.Hex(), err)
	}
	return coin.UnpackHasRole(out)
}

// AdminCall is one call the admin key makes on the token.
type AdminCall struct {
	// What says what the call does, for messages: "grant minter to 0x…".
	What string
	Data []byte
}

// GrantCall grants role to addr; RevokeCall revokes it; PauseCall and UnpauseCall stop and resume every
// transfer, mint and redemption (the admin holds the pauser role from deployment on).
func GrantCall(name string, role common.Hash, addr common.Address) AdminCall {
	return AdminCall{"grant " + name + " to " + addr.Hex(), bindings.NewHeitjeCoin().PackGrantRole(role, addr)}
}

// RevokeCall revokes role from addr.
func RevokeCall(name string, role common.Hash, addr common.Address) AdminCall {
	return AdminCall{"revoke " + name + " from " + addr.Hex(), bindings.NewHeitjeCoin().PackRevokeRole(role, addr)}
}

// PauseCall pauses the token.
func PauseCall() AdminCall { return AdminCall{"pause", bindings.NewHeitjeCoin().PackPause()} }

// UnpauseCall unpauses the token.
func UnpauseCall() AdminCall { return AdminCall{"unpause", bindings.NewHeitjeCoin().PackUnpause()} }

// SendAdmin signs call with key, sends it to the token and waits for its receipt. It first tries the call
// on the latest state, so a call the contract refuses (a key without the role, pausing a paused token) is
// reported without spending gas. It returns the transaction's hash.
func SendAdmin(ctx context.Context, c *Client, key *ecdsa.PrivateKey, token common.Address, call AdminCall) (common.Hash, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	if _, err := c.CallContract(ctx, ethereum.CallMsg{From: from, To: &token, Data: call.Data}, nil); err != nil {
		return common.Hash{}, fmt.Errorf("%s: the token refuses it from %s: %w", call.What, from.Hex(), err)
	}
	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		return common.Hash{}, err
	}
	tx, err := sendSigned(ctx, c, key, nonce, &token, call.Data, 200_000)
	if err != nil {
		return common.Hash{}, fmt.Errorf("%s: %w", call.What, err)
	}
	r, err := WaitReceipt(ctx, c, tx.Hash())
	if err != nil {
		return common.Hash{}, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return tx.Hash(), fmt.Errorf("%s: transaction %s reverted", call.What, tx.Hash().Hex())
	}
	return tx.Hash(), nil
}
