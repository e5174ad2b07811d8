package contracts_test

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/contracts/bindings"
)

// recoveryTestDelay is the recovery delay of the suite's recoverable coin, in seconds: long enough to see an
// early execution refused, short enough to wait for.
const recoveryTestDelay = 4

var cancelRecoveryType = []apitypes.Type{
	{Name: "ref", Type: "bytes32"},
	{Name: "from", Type: "address"},
	{Name: "to", Type: "address"},
}

// packCancelRecovery packs cancelRecovery of a recovery from one address to another, signed by key.
func (c *coin) packCancelRecovery(t testing.TB, key *ecdsa.PrivateKey, ref [32]byte, from, to common.Address) []byte {
	t.Helper()
	sig := c.signTyped(t, key, "CancelRecovery", cancelRecoveryType, apitypes.TypedDataMessage{
		"ref":  hexutil.Encode(ref[:]),
		"from": from.Hex(),
		"to":   to.Hex(),
	})
	return c.binding.PackCancelRecovery(ref, sig.V, sig.R, sig.S)
}

// recovery reads recoveries(ref).
func (c *coin) recovery(t testing.TB, ref [32]byte) bindings.RecoveriesOutput {
	t.Helper()
	return call(t, c, c.binding.PackRecoveries(ref), c.binding.UnpackRecoveries)
}

// requested sends requestRecovery from the recoverer, waits for it and returns the executableAt it was given,
// after checking the event.
func (c *coin) requested(t testing.TB, from, to common.Address, r [32]byte) uint64 {
	t.Helper()
	receipt := c.ok(t, c.send(t, c.recoverer, c.binding.PackRequestRecovery(from, to, r)))[0]
	ev := oneEvent(t, receipt, c.binding.UnpackRecoveryRequestedEvent)
	if ev.Ref != r || ev.From != from || ev.To != to {
		t.Fatalf("RecoveryRequested %+v, want ref %x from %s to %s", ev, r, from, to)
	}
	delay := call(t, c, c.binding.PackRecoveryDelay(), c.binding.UnpackRecoveryDelay)
	block, err := c.client.HeaderByNumber(testContext(t), receipt.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	if want := block.Time + delay.Uint64(); ev.ExecutableAt.Uint64() != want {
		t.Fatalf("executableAt %d, want the block's time %d + the delay %s", ev.ExecutableAt, block.Time, delay)
	}
	logGas(t, "requestRecovery", receipt)
	return ev.ExecutableAt.Uint64()
}

// waitUntil returns once the latest block's time, the time a gas estimate runs with, is at least ts.
func (c *coin) waitUntil(t testing.TB, ts uint64) {
	t.Helper()
	for c.latestTime(t) < ts {
		c.ch.Advance(t)
	}
}

// testRecoveryRefusals checks on the shared coin, whose delay is the default 72 hours, everything a recovery
// refuses: callers without RECOVERY_ROLE, shops, the treasury and role holders on either side, the zero address,
// a reference used before, an early execution and a cancellation not signed by the lost key.
func testRecoveryRefusals(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	lost, fresh, shop, treasury, stranger := newResident(t), newResident(t), newResident(t), newResident(t), s.funded(t)
	c.ok(t, c.onboard(t, shop.addr), c.makeTreasury(t, treasury.addr), c.mint(t, lost.addr, 500))

	if got := call(t, c, b.PackRecoveryDelay(), b.UnpackRecoveryDelay); got.Cmp(big.NewInt(72*3600)) != 0 {
		t.Errorf("recoveryDelay() = %s, want 72 hours", got)
	}
	c.expectRevert(t, c.admin, b.PackSetRecoveryDelay(big.NewInt(0)), &bindings.HeitjeCoinRecoveryDelayZero{})
	c.expectRevert(t, c.recoverer, b.PackSetRecoveryDelay(big.NewInt(5)),
		&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: c.recoverer.addr, NeededRole: contracts.DefaultAdminRole})

	r := ref("recovery", lost.addr, uint64(1))
	refused := []struct {
		name     string
		from     *account
		calldata []byte
		want     any
	}{
		{"unapproved caller", stranger, b.PackRequestRecovery(lost.addr, fresh.addr, r),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: stranger.addr, NeededRole: contracts.RecoveryRole}},
		{"the relayer", c.relayer, b.PackRequestRecovery(lost.addr, fresh.addr, r),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: c.relayer.addr, NeededRole: contracts.RecoveryRole}},
		{"from a shop", c.recoverer, b.PackRequestRecovery(shop.addr, fresh.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: shop.addr}},
		{"to a shop", c.recoverer, b.PackRequestRecovery(lost.addr, shop.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: shop.addr}},
		{"from the treasury", c.recoverer, b.PackRequestRecovery(treasury.addr, fresh.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: treasury.addr}},
		{"to the treasury", c.recoverer, b.PackRequestRecovery(lost.addr, treasury.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: treasury.addr}},
		{"to the minter", c.recoverer, b.PackRequestRecovery(lost.addr, c.minter.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: c.minter.addr}},
		{"to the recovery key", c.recoverer, b.PackRequestRecovery(lost.addr, c.recoverer.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: c.recoverer.addr}},
		{"to the admin", c.recoverer, b.PackRequestRecovery(lost.addr, c.admin.addr, r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: c.admin.addr}},
		{"to the zero address", c.recoverer, b.PackRequestRecovery(lost.addr, common.Address{}, r),
			&bindings.HeitjeCoinRecoveryInvalidPair{From: lost.addr, To: common.Address{}}},
		{"from the zero address", c.recoverer, b.PackRequestRecovery(common.Address{}, fresh.addr, r),
			&bindings.HeitjeCoinRecoveryInvalidPair{From: common.Address{}, To: fresh.addr}},
		{"to itself", c.recoverer, b.PackRequestRecovery(lost.addr, lost.addr, r),
			&bindings.HeitjeCoinRecoveryInvalidPair{From: lost.addr, To: lost.addr}},
		{"executing an unknown recovery", c.recoverer, b.PackExecuteRecovery(r), &bindings.HeitjeCoinRecoveryNotPending{Ref: r}},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) { c.expectRevert(t, tc.from, tc.calldata, tc.want) })
	}

	executableAt := c.requested(t, lost.addr, fresh.addr, r)
	if got := c.recovery(t, r); got != (bindings.RecoveriesOutput{From: lost.addr, ExecutableAt: executableAt, Status: contracts.RecoveryPending, To: fresh.addr}) {
		t.Errorf("recoveries(ref) = %+v", got)
	}
	c.expectRevert(t, c.recoverer, b.PackRequestRecovery(lost.addr, fresh.addr, r), &bindings.HeitjeCoinReferenceUsed{Ref: r})
	c.expectRevert(t, c.recoverer, b.PackExecuteRecovery(r),
		&bindings.HeitjeCoinRecoveryNotYetExecutable{Ref: r, ExecutableAt: new(big.Int).SetUint64(executableAt)})
	c.expectRevert(t, stranger, b.PackExecuteRecovery(r),
		&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: stranger.addr, NeededRole: contracts.RecoveryRole})
	// Only the lost key cancels: not the new key (the one a thief with the password would hold), and not a
	// signature over another recovery.
	c.expectRevert(t, c.relayer, c.packCancelRecovery(t, fresh.key, r, lost.addr, fresh.addr),
		&bindings.HeitjeCoinRecoveryInvalidSigner{Signer: fresh.addr, From: lost.addr})
	if got, ok := c.revertOf(t, c.relayer, c.packCancelRecovery(t, lost.key, r, lost.addr, stranger.addr)).(*bindings.HeitjeCoinRecoveryInvalidSigner); !ok ||
		got.From != lost.addr || got.Signer == lost.addr {
		t.Errorf("a cancellation signed for another target reverted with %+v, want RecoveryInvalidSigner", got)
	}

	receipt := c.ok(t, c.send(t, c.relayer, c.packCancelRecovery(t, lost.key, r, lost.addr, fresh.addr)))[0]
	expectEvent(t, receipt, b.UnpackRecoveryCancelledEvent, &bindings.HeitjeCoinRecoveryCancelled{Ref: r, From: lost.addr})
	logGas(t, "cancelRecovery", receipt)
	if got := c.recovery(t, r).Status; got != contracts.RecoveryCancelled {
		t.Errorf("status after cancelRecovery = %d, want cancelled", got)
	}
	c.expectRevert(t, c.relayer, c.packCancelRecovery(t, lost.key, r, lost.addr, fresh.addr), &bindings.HeitjeCoinRecoveryNotPending{Ref: r})
	c.expectRevert(t, c.recoverer, b.PackExecuteRecovery(r), &bindings.HeitjeCoinRecoveryNotPending{Ref: r})
	c.expectRevert(t, c.recoverer, b.PackRequestRecovery(lost.addr, fresh.addr, r), &bindings.HeitjeCoinReferenceUsed{Ref: r})
	c.expectBalances(t, map[common.Address]int64{lost.addr: 500, fresh.addr: 0})
}

// testRecovery runs recoveries to their end on the coin with a short delay: one cancelled by the lost key before
// the delay ends, after which nothing moved even once the delay passed, and a second one that moves the whole
// balance. Afterwards the closed loop holds for both residents as before.
func testRecovery(t *testing.T, s *suite) {
	c, b := s.recoverable, s.recoverable.binding
	lost, fresh, shop := newResident(t), newResident(t), newResident(t)
	c.ok(t, c.onboard(t, shop.addr), c.mint(t, lost.addr, 1000))

	first := ref("recovery", lost.addr, uint64(1))
	firstAt := c.requested(t, lost.addr, fresh.addr, first)
	// An early execution is refused: testRecoveryRefusals shows it on the 72-hour coin. Here, with a delay of
	// seconds, a busy machine may let the delay pass before the next transaction, so it is not asserted.
	c.ok(t, c.send(t, c.relayer, c.packCancelRecovery(t, lost.key, first, lost.addr, fresh.addr)))
	c.waitUntil(t, firstAt)
	c.expectRevert(t, c.recoverer, b.PackExecuteRecovery(first), &bindings.HeitjeCoinRecoveryNotPending{Ref: first})
	c.expectBalances(t, map[common.Address]int64{lost.addr: 1000, fresh.addr: 0})

	second := ref("recovery", lost.addr, uint64(2))
	secondAt := c.requested(t, lost.addr, fresh.addr, second)
	// Coins that arrive at the lost address during the delay move too: execution takes the whole balance.
	c.ok(t, c.mint(t, lost.addr, 234))
	c.waitUntil(t, secondAt)
	receipt := c.ok(t, c.send(t, c.recoverer, b.PackExecuteRecovery(second)))[0]
	expectEvent(t, receipt, b.UnpackRecoveryExecutedEvent,
		&bindings.HeitjeCoinRecoveryExecuted{Ref: second, From: lost.addr, To: fresh.addr, Amount: cents(1234)})
	expectEvent(t, receipt, b.UnpackTransferEvent, &bindings.HeitjeCoinTransfer{From: lost.addr, To: fresh.addr, Value: cents(1234)})
	logGas(t, "executeRecovery", receipt)
	c.expectBalances(t, map[common.Address]int64{lost.addr: 0, fresh.addr: 1234})
	if got := c.recovery(t, second).Status; got != contracts.RecoveryExecuted {
		t.Errorf("status after executeRecovery = %d, want executed", got)
	}
	c.expectRevert(t, c.recoverer, b.PackExecuteRecovery(second), &bindings.HeitjeCoinRecoveryNotPending{Ref: second})
	c.expectRevert(t, c.relayer, c.packCancelRecovery(t, lost.key, second, lost.addr, fresh.addr), &bindings.HeitjeCoinRecoveryNotPending{Ref: second})

	// The closed loop is unchanged: the new key pays a shop, not the lost address, nor does the recovery key
	// move coins between residents by any other way.
	back := c.newAuthorization(t, fresh.addr, lost.addr, 10)
	c.expectRevert(t, c.relayer, c.packTransfer(back, c.sign(t, fresh.key, "TransferWithAuthorization", back)),
		&bindings.HeitjeCoinClosedLoopTransfer{From: fresh.addr, To: lost.addr})
	c.expectRevert(t, c.recoverer, b.PackTransferFrom(fresh.addr, lost.addr, cents(10)),
		&bindings.HeitjeCoinERC20InsufficientAllowance{Spender: c.recoverer.addr, Allowance: cents(0), Needed: cents(10)})
	pay := c.newAuthorization(t, fresh.addr, shop.addr, 34)
	c.ok(t, c.send(t, c.relayer, c.packTransfer(pay, c.sign(t, fresh.key, "TransferWithAuthorization", pay))))
	c.expectBalances(t, map[common.Address]int64{lost.addr: 0, fresh.addr: 1200, shop.addr: 34})
}

// testRecoveryToNewShop checks that a recovery whose target became a shop during the delay is refused at
// execution: coins never reach a shop or the treasury by recovery.
func testRecoveryToNewShop(t *testing.T, s *suite) {
	c, b := s.recoverable, s.recoverable.binding
	lost, target := newResident(t), newResident(t)
	c.ok(t, c.mint(t, lost.addr, 700))
	r := ref("recovery", lost.addr, uint64(1))
	at := c.requested(t, lost.addr, target.addr, r)
	c.ok(t, c.onboard(t, target.addr))
	c.waitUntil(t, at)
	c.expectRevert(t, c.recoverer, b.PackExecuteRecovery(r), &bindings.HeitjeCoinRecoveryRoleHolder{Account: target.addr})
	c.expectBalances(t, map[common.Address]int64{lost.addr: 700, target.addr: 0})
}
