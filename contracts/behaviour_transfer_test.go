package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/contracts/bindings"
)

func testClosedLoop(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	payer, shop := s.funded(t), s.funded(t)
	neighbour, treasury := newResident(t), newResident(t)
	c.ok(t,
		c.onboard(t, shop.addr),
		c.makeTreasury(t, treasury.addr),
		c.mint(t, payer.addr, 1000),
		c.mint(t, shop.addr, 1000),
	)

	// No black market: a resident cannot pay another resident, directly or through an allowance.
	c.expectRevert(t, payer, b.PackTransfer(neighbour.addr, cents(10)),
		&bindings.HeitjeCoinClosedLoopTransfer{From: payer.addr, To: neighbour.addr})

	receipts := c.ok(t,
		c.send(t, payer, b.PackTransfer(shop.addr, cents(300))),     // resident → shop: a payment
		c.send(t, shop, b.PackTransfer(treasury.addr, cents(200))),  // shop → treasury
		c.send(t, shop, b.PackTransfer(neighbour.addr, cents(100))), // shop → resident: a refund
		c.send(t, payer, b.PackApprove(c.relayer.addr, cents(100))), // an allowance, to try transferFrom
	)
	expectEvent(t, receipts[0], b.UnpackTransferEvent, &bindings.HeitjeCoinTransfer{From: payer.addr, To: shop.addr, Value: cents(300)})
	expectEvent(t, receipts[3], b.UnpackApprovalEvent, &bindings.HeitjeCoinApproval{Owner: payer.addr, Spender: c.relayer.addr, Value: cents(100)})
	logGas(t, "ERC-20 transfer", receipts[0])
	c.expectBalances(t, map[common.Address]int64{payer.addr: 700, shop.addr: 1000, treasury.addr: 200, neighbour.addr: 100})

	c.expectRevert(t, c.relayer, b.PackTransferFrom(payer.addr, neighbour.addr, cents(50)),
		&bindings.HeitjeCoinClosedLoopTransfer{From: payer.addr, To: neighbour.addr})
	c.ok(t, c.send(t, c.relayer, b.PackTransferFrom(payer.addr, shop.addr, cents(50))))
	c.expectBalances(t, map[common.Address]int64{payer.addr: 650, shop.addr: 1050})
	if got := call(t, c, b.PackAllowance(payer.addr, c.relayer.addr), b.UnpackAllowance); got.Cmp(cents(50)) != 0 {
		t.Errorf("allowance after transferFrom = %s, want 50", got)
	}
}

func testPermit(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	owner, stranger, shop := newResident(t), newResident(t), s.funded(t)
	now := c.latestTime(t)
	deadline := now + 3600

	c.expectRevert(t, c.relayer, c.packPermit(t, owner.key, owner.addr, shop.addr, 500, 0, now-1),
		&bindings.HeitjeCoinERC2612ExpiredSignature{Deadline: new(big.Int).SetUint64(now - 1)})
	c.expectRevert(t, c.relayer, c.packPermit(t, stranger.key, owner.addr, shop.addr, 500, 0, deadline),
		&bindings.HeitjeCoinERC2612InvalidSigner{Signer: stranger.addr, Owner: owner.addr})

	permit := c.packPermit(t, owner.key, owner.addr, shop.addr, 500, 0, deadline)
	receipts := c.ok(t,
		c.onboard(t, shop.addr),
		c.mint(t, owner.addr, 1000),
		c.send(t, c.relayer, permit), // the resident needs no ether: the relayer submits the permit
	)
	expectEvent(t, receipts[2], b.UnpackApprovalEvent, &bindings.HeitjeCoinApproval{Owner: owner.addr, Spender: shop.addr, Value: cents(500)})
	if got := call(t, c, b.PackAllowance(owner.addr, shop.addr), b.UnpackAllowance); got.Cmp(cents(500)) != 0 {
		t.Errorf("allowance after permit = %s, want 500", got)
	}
	if got := call(t, c, b.PackNonces(owner.addr), b.UnpackNonces); got.Uint64() != 1 {
		t.Errorf("nonces after permit = %s, want 1", got)
	}

	// A replayed permit was signed for nonce 0, so it now recovers to some other address.
	if got, ok := c.revertOf(t, c.relayer, permit).(*bindings.HeitjeCoinERC2612InvalidSigner); !ok || got.Owner != owner.addr || got.Signer == owner.addr {
		t.Errorf("replayed permit reverted with %+v, want ERC2612InvalidSigner", got)
	}

	c.ok(t, c.send(t, shop, b.PackTransferFrom(owner.addr, shop.addr, cents(300))))
	c.expectBalances(t, map[common.Address]int64{owner.addr: 700, shop.addr: 300})
	c.expectRevert(t, shop, b.PackTransferFrom(owner.addr, shop.addr, cents(201)),
		&bindings.HeitjeCoinERC20InsufficientAllowance{Spender: shop.addr, Allowance: cents(200), Needed: cents(201)})
}

// testPause runs on a deployment of its own, since pausing stops the whole contract.
func testPause(t *testing.T, s *suite) {
	c, b := s.pausable, s.pausable.binding
	resident, treasury, shop := newResident(t), newResident(t), s.funded(t)
	c.ok(t,
		c.onboard(t, shop.addr),
		c.makeTreasury(t, treasury.addr),
		c.mint(t, resident.addr, 1000),
		c.mint(t, shop.addr, 1000),
	)

	for _, notPauser := range []*account{c.admin, c.minter, c.relayer} {
		c.expectRevert(t, notPauser, b.PackPause(),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: notPauser.addr, NeededRole: contracts.PauserRole})
	}
	c.expectRevert(t, c.pauser, b.PackUnpause(), &bindings.HeitjeCoinExpectedPause{})

	receipt := c.ok(t, c.send(t, c.pauser, b.PackPause()))[0]
	expectEvent(t, receipt, b.UnpackPausedEvent, &bindings.HeitjeCoinPaused{Account: c.pauser.addr})
	if !call(t, c, b.PackPaused(), b.UnpackPaused) {
		t.Fatal("paused() = false after pause")
	}

	// Signed before the pause, submitted during it, and again after it.
	auth := c.newAuthorization(t, resident.addr, shop.addr, 30)
	payment := c.packTransfer(auth, c.sign(t, resident.key, "TransferWithAuthorization", auth))
	stopped := []struct {
		name     string
		from     *account
		calldata []byte
	}{
		{"transfer", shop, b.PackTransfer(treasury.addr, cents(10))},
		{"transferWithAuthorization", c.relayer, payment},
		{"mint", c.minter, b.PackMint(resident.addr, cents(5), ref("paused mint"))},
		{"redeem", c.redeemer, b.PackRedeem(shop.addr, cents(20), ref("paused payout"))},
		{"pause", c.pauser, b.PackPause()},
	}
	for _, op := range stopped {
		c.expectRevert(t, op.from, op.calldata, &bindings.HeitjeCoinEnforcedPause{})
	}
	c.expectRevert(t, c.admin, b.PackUnpause(),
		&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: c.admin.addr, NeededRole: contracts.PauserRole})
	if got := call(t, c, b.PackTotalSupply(), b.UnpackTotalSupply); got.Cmp(cents(2000)) != 0 {
		t.Errorf("totalSupply() = %s while paused, want 2000", got)
	}

	receipt = c.ok(t, c.send(t, c.pauser, b.PackUnpause()))[0]
	expectEvent(t, receipt, b.UnpackUnpausedEvent, &bindings.HeitjeCoinUnpaused{Account: c.pauser.addr})
	var txs []*types.Transaction
	for _, op := range stopped[:4] {
		txs = append(txs, c.send(t, op.from, op.calldata))
	}
	c.ok(t, txs...)
	c.expectBalances(t, map[common.Address]int64{resident.addr: 1000 - 30 + 5, shop.addr: 1000 - 10 + 30 - 20, treasury.addr: 10})
	if got := call(t, c, b.PackTotalSupply(), b.UnpackTotalSupply); got.Cmp(cents(2000+5-20)) != 0 {
		t.Errorf("totalSupply() = %s after mint and redeem, want 1985", got)
	}
}
