package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/contracts/bindings"
)

func testTransferWithAuthorization(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	resident, neighbour, shop, stranger := newResident(t), newResident(t), newResident(t), newResident(t)

	// Cancelled before it is ever submitted.
	cancelled := c.newAuthorization(t, resident.addr, shop.addr, 10)
	c.ok(t,
		c.onboard(t, shop.addr),
		c.mint(t, resident.addr, 1000),
		c.send(t, c.relayer, c.packCancel(t, resident.key, resident.addr, cancelled.Nonce)),
	)

	now := c.latestTime(t)
	valid := c.newAuthorization(t, resident.addr, shop.addr, 250)
	validSig := c.sign(t, resident.key, "TransferWithAuthorization", valid)
	if c.authorizationUsed(t, resident.addr, valid.Nonce) {
		t.Fatal("authorizationState is true for a fresh nonce")
	}

	expired := c.newAuthorization(t, resident.addr, shop.addr, 250)
	expired.ValidBefore = new(big.Int).SetUint64(now)
	notYetValid := c.newAuthorization(t, resident.addr, shop.addr, 250)
	notYetValid.ValidAfter = new(big.Int).SetUint64(now + 3600)
	notYetValid.ValidBefore = new(big.Int).SetUint64(now + 7200)
	tampered := valid
	tampered.Value = big.NewInt(251)
	toNeighbour := c.newAuthorization(t, resident.addr, neighbour.addr, 250)

	rejected := []struct {
		name     string
		calldata []byte
		want     any
	}{
		{"expired", c.packTransfer(expired, c.sign(t, resident.key, "TransferWithAuthorization", expired)),
			&bindings.HeitjeCoinEIP3009AuthorizationExpired{ValidBefore: expired.ValidBefore}},
		{"not yet valid", c.packTransfer(notYetValid, c.sign(t, resident.key, "TransferWithAuthorization", notYetValid)),
			&bindings.HeitjeCoinEIP3009AuthorizationNotYetValid{ValidAfter: notYetValid.ValidAfter}},
		{"signed by someone else", c.packTransfer(valid, c.sign(t, stranger.key, "TransferWithAuthorization", valid)),
			&bindings.HeitjeCoinEIP3009InvalidSigner{Signer: stranger.addr, Expected: resident.addr}},
		{"malleable signature", c.packTransfer(valid, validSig.highS()),
			&bindings.HeitjeCoinECDSAInvalidSignatureS{S: validSig.highS().S}},
		{"resident to resident", c.packTransfer(toNeighbour, c.sign(t, resident.key, "TransferWithAuthorization", toNeighbour)),
			&bindings.HeitjeCoinClosedLoopTransfer{From: resident.addr, To: neighbour.addr}},
		{"cancelled nonce", c.packTransfer(cancelled, c.sign(t, resident.key, "TransferWithAuthorization", cancelled)),
			&bindings.HeitjeCoinEIP3009AuthorizationUsedOrCanceled{Authorizer: resident.addr, Nonce: cancelled.Nonce}},
	}
	for _, r := range rejected {
		t.Run(r.name, func(t *testing.T) { c.expectRevert(t, c.relayer, r.calldata, r.want) })
	}
	// A changed amount recovers to an unrelated address.
	if got, ok := c.revertOf(t, c.relayer, c.packTransfer(tampered, validSig)).(*bindings.HeitjeCoinEIP3009InvalidSigner); !ok ||
		got.Expected != resident.addr || got.Signer == resident.addr {
		t.Errorf("tampered amount reverted with %+v, want EIP3009InvalidSigner", got)
	}

	receipt := c.ok(t, c.send(t, c.relayer, c.packTransfer(valid, validSig)))[0]
	expectEvent(t, receipt, b.UnpackAuthorizationUsedEvent, &bindings.HeitjeCoinAuthorizationUsed{Authorizer: resident.addr, Nonce: valid.Nonce})
	expectEvent(t, receipt, b.UnpackTransferEvent, &bindings.HeitjeCoinTransfer{From: resident.addr, To: shop.addr, Value: cents(250)})
	logGas(t, "transferWithAuthorization to a shop that holds none", receipt)
	c.expectBalances(t, map[common.Address]int64{resident.addr: 750, shop.addr: 250})
	if !c.authorizationUsed(t, resident.addr, valid.Nonce) {
		t.Error("authorizationState is false for a used nonce")
	}
	if c.authorizationUsed(t, neighbour.addr, valid.Nonce) {
		t.Error("a nonce used by one authorizer shows as used for another")
	}
	c.expectRevert(t, c.relayer, c.packTransfer(valid, validSig),
		&bindings.HeitjeCoinEIP3009AuthorizationUsedOrCanceled{Authorizer: resident.addr, Nonce: valid.Nonce})

	// The usual payment: to a shop that already holds coins.
	again := c.newAuthorization(t, resident.addr, shop.addr, 100)
	receipt = c.ok(t, c.send(t, c.relayer, c.packTransfer(again, c.sign(t, resident.key, "TransferWithAuthorization", again))))[0]
	logGas(t, "transferWithAuthorization to a shop that holds coins", receipt)
	c.expectBalances(t, map[common.Address]int64{resident.addr: 650, shop.addr: 350})
}

func testReceiveWithAuthorization(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	resident, shop := newResident(t), s.funded(t)
	c.ok(t, c.onboard(t, shop.addr), c.mint(t, resident.addr, 1000))

	auth := c.newAuthorization(t, resident.addr, shop.addr, 400)
	sig := c.sign(t, resident.key, "ReceiveWithAuthorization", auth)

	// Only the payee may submit it, so nobody can front-run it outside the payee's own call.
	c.expectRevert(t, c.relayer, c.packReceive(auth, sig),
		&bindings.HeitjeCoinEIP3009CallerNotPayee{Caller: c.relayer.addr, Payee: shop.addr})
	// The two message types are not interchangeable.
	transferSig := c.sign(t, resident.key, "TransferWithAuthorization", auth)
	for _, wrongType := range [][]byte{c.packReceive(auth, transferSig), c.packTransfer(auth, sig)} {
		if got, ok := c.revertOf(t, shop, wrongType).(*bindings.HeitjeCoinEIP3009InvalidSigner); !ok || got.Signer == resident.addr {
			t.Errorf("signature of the other message type reverted with %+v, want EIP3009InvalidSigner", got)
		}
	}

	receipt := c.ok(t, c.send(t, shop, c.packReceive(auth, sig)))[0]
	expectEvent(t, receipt, b.UnpackAuthorizationUsedEvent, &bindings.HeitjeCoinAuthorizationUsed{Authorizer: resident.addr, Nonce: auth.Nonce})
	expectEvent(t, receipt, b.UnpackTransferEvent, &bindings.HeitjeCoinTransfer{From: resident.addr, To: shop.addr, Value: cents(400)})
	c.expectBalances(t, map[common.Address]int64{resident.addr: 600, shop.addr: 400})
	if !c.authorizationUsed(t, resident.addr, auth.Nonce) {
		t.Error("authorizationState is false for a used nonce")
	}
	c.expectRevert(t, shop, c.packReceive(auth, sig),
		&bindings.HeitjeCoinEIP3009AuthorizationUsedOrCanceled{Authorizer: resident.addr, Nonce: auth.Nonce})
}

func testCancelAuthorization(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	resident, shop, stranger := newResident(t), newResident(t), newResident(t)
	unused, used := randomNonce(t), c.newAuthorization(t, resident.addr, shop.addr, 10)

	c.expectRevert(t, c.relayer, c.packCancel(t, stranger.key, resident.addr, unused),
		&bindings.HeitjeCoinEIP3009InvalidSigner{Signer: stranger.addr, Expected: resident.addr})

	receipts := c.ok(t,
		c.onboard(t, shop.addr),
		c.mint(t, resident.addr, 100),
		c.send(t, c.relayer, c.packCancel(t, resident.key, resident.addr, unused)),
	)
	expectEvent(t, receipts[2], b.UnpackAuthorizationCanceledEvent, &bindings.HeitjeCoinAuthorizationCanceled{Authorizer: resident.addr, Nonce: unused})
	if !c.authorizationUsed(t, resident.addr, unused) {
		t.Error("authorizationState is false for a cancelled nonce")
	}
	c.expectRevert(t, c.relayer, c.packCancel(t, resident.key, resident.addr, unused),
		&bindings.HeitjeCoinEIP3009AuthorizationUsedOrCanceled{Authorizer: resident.addr, Nonce: unused})

	c.ok(t, c.send(t, c.relayer, c.packTransfer(used, c.sign(t, resident.key, "TransferWithAuthorization", used))))
	c.expectRevert(t, c.relayer, c.packCancel(t, resident.key, resident.addr, used.Nonce),
		&bindings.HeitjeCoinEIP3009AuthorizationUsedOrCanceled{Authorizer: resident.addr, Nonce: used.Nonce})
}

// authorizationUsed reads authorizationState(authorizer, nonce).
func (c *coin) authorizationUsed(t testing.TB, authorizer common.Address, nonce [32]byte) bool {
	t.Helper()
	return call(t, c, c.binding.PackAuthorizationState(authorizer, nonce), c.binding.UnpackAuthorizationState)
}
