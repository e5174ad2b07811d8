package contracts_test

import (
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/contracts/bindings"
)

// suite is the state the behaviour tests share: a chain, the service keys and three deployments. Each test makes
// its own residents, shops and treasury, so the tests run in parallel on the shared deployment, coin; only the
// pause test, which stops the whole contract, uses the second one, pausable, and the recoveries that run to their
// end use the third, recoverable, whose recovery delay is a few seconds instead of 72 hours.
type suite struct {
	ch          testChain
	keys        *roleHolders
	coin        *coin
	pausable    *coin
	recoverable *coin
}

// runBehaviour runs the contract behaviour suite against a chain. Every test waits for as few blocks as its
// dependencies allow and all of them run at once, so the whole suite takes about as long as its longest test.
func runBehaviour(t *testing.T, ch testChain) {
	keys := newRoleHolders(t, ch)
	coins := deployCoins(t, ch, keys, 3)
	s := &suite{ch: ch, keys: keys, coin: coins[0], pausable: coins[1], recoverable: coins[2]}
	r := s.recoverable
	r.ok(t, r.send(t, keys.admin, r.binding.PackSetRecoveryDelay(big.NewInt(recoveryTestDelay))))
	tests := []struct {
		name string
		run  func(*testing.T, *suite)
	}{
		{"Metadata", testMetadata},
		{"Mint", testMint},
		{"Redeem", testRedeem},
		{"Onboarding", testOnboarding},
		{"ClosedLoop", testClosedLoop},
		{"Permit", testPermit},
		{"Pause", testPause},
		{"TransferWithAuthorization", testTransferWithAuthorization},
		{"ReceiveWithAuthorization", testReceiveWithAuthorization},
		{"CancelAuthorization", testCancelAuthorization},
		{"RecoveryRefusals", testRecoveryRefusals},
		{"Recovery", testRecovery},
		{"RecoveryToNewShop", testRecoveryToNewShop},
	}
	// The tests spend their time waiting for blocks, so they all run at once, however small -test.parallel
	// (GOMAXPROCS by default) is; t.Run may be called from several goroutines.
	var wg sync.WaitGroup
	for _, tc := range tests {
		wg.Go(func() {
			t.Run(tc.name, func(t *testing.T) { tc.run(t, s) })
		})
	}
	wg.Wait()
}

// funded returns a new account that holds ether, for a shop or resident that sends its own transactions.
func (s *suite) funded(t testing.TB) *account {
	t.Helper()
	return newAccount(s.ch.FundedKey(t))
}

func testMetadata(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding

	if got := call(t, c, b.PackName(), b.UnpackName); got != "Heerlens Heitje" {
		t.Errorf("name() = %q", got)
	}
	if got := call(t, c, b.PackSymbol(), b.UnpackSymbol); got != "HEITJE" {
		t.Errorf("symbol() = %q", got)
	}
	if got := call(t, c, b.PackDecimals(), b.UnpackDecimals); got != 2 {
		t.Errorf("decimals() = %d, want 2 (cents)", got)
	}

	wantDomain := domainSeparatorByHand(s.ch.ChainID(), c.addr)
	if got := call(t, c, b.PackDOMAINSEPARATOR(), b.UnpackDOMAINSEPARATOR); got != wantDomain {
		t.Errorf("DOMAIN_SEPARATOR() = %x, want %x", got, wantDomain)
	}
	domain := call(t, c, b.PackEip712Domain(), b.UnpackEip712Domain)
	if domain.Fields != [1]byte{0x0f} || domain.Name != "Heerlens Heitje" || domain.Version != "1" ||
		domain.ChainId.Cmp(s.ch.ChainID()) != 0 || domain.VerifyingContract != c.addr {
		t.Errorf("eip712Domain() = %+v", domain)
	}

	typeHashes := []struct {
		name   string
		pack   func() []byte
		unpack func([]byte) ([32]byte, error)
		want   string
	}{
		{"TRANSFER_WITH_AUTHORIZATION_TYPEHASH", b.PackTRANSFERWITHAUTHORIZATIONTYPEHASH, b.UnpackTRANSFERWITHAUTHORIZATIONTYPEHASH,
			"TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"},
		{"RECEIVE_WITH_AUTHORIZATION_TYPEHASH", b.PackRECEIVEWITHAUTHORIZATIONTYPEHASH, b.UnpackRECEIVEWITHAUTHORIZATIONTYPEHASH,
			"ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"},
		{"CANCEL_AUTHORIZATION_TYPEHASH", b.PackCANCELAUTHORIZATIONTYPEHASH, b.UnpackCANCELAUTHORIZATIONTYPEHASH,
			"CancelAuthorization(address authorizer,bytes32 nonce)"},
		{"CANCEL_RECOVERY_TYPEHASH", b.PackCANCELRECOVERYTYPEHASH, b.UnpackCANCELRECOVERYTYPEHASH, contracts.CancelRecoveryType},
	}
	for _, th := range typeHashes {
		got := call(t, c, th.pack(), th.unpack)
		if want := crypto.Keccak256Hash([]byte(th.want)); got != want {
			t.Errorf("%s() = %x, want keccak256(%q)", th.name, got, th.want)
		}
	}

	roles := []struct {
		name   string
		pack   func() []byte
		unpack func([]byte) ([32]byte, error)
		want   common.Hash
		holder common.Address
		admin  common.Hash
	}{
		{"DEFAULT_ADMIN_ROLE", b.PackDEFAULTADMINROLE, b.UnpackDEFAULTADMINROLE, contracts.DefaultAdminRole, s.keys.admin.addr, contracts.DefaultAdminRole},
		{"MINTER_ROLE", b.PackMINTERROLE, b.UnpackMINTERROLE, contracts.MinterRole, s.keys.minter.addr, contracts.DefaultAdminRole},
		{"REDEEMER_ROLE", b.PackREDEEMERROLE, b.UnpackREDEEMERROLE, contracts.RedeemerRole, s.keys.redeemer.addr, contracts.DefaultAdminRole},
		{"PAUSER_ROLE", b.PackPAUSERROLE, b.UnpackPAUSERROLE, contracts.PauserRole, s.keys.pauser.addr, contracts.DefaultAdminRole},
		{"ONBOARDER_ROLE", b.PackONBOARDERROLE, b.UnpackONBOARDERROLE, contracts.OnboarderRole, s.keys.onboarder.addr, contracts.DefaultAdminRole},
		{"ACCEPTOR_ROLE", b.PackACCEPTORROLE, b.UnpackACCEPTORROLE, contracts.AcceptorRole, common.Address{}, contracts.OnboarderRole},
		{"TREASURY_ROLE", b.PackTREASURYROLE, b.UnpackTREASURYROLE, contracts.TreasuryRole, common.Address{}, contracts.DefaultAdminRole},
		{"RECOVERY_ROLE", b.PackRECOVERYROLE, b.UnpackRECOVERYROLE, contracts.RecoveryRole, s.keys.recoverer.addr, contracts.DefaultAdminRole},
	}
	for _, r := range roles {
		if got := call(t, c, r.pack(), r.unpack); got != r.want {
			t.Errorf("%s() = %x, want %x", r.name, got, r.want)
		}
		if got := call(t, c, b.PackGetRoleAdmin(r.want), b.UnpackGetRoleAdmin); got != r.admin {
			t.Errorf("getRoleAdmin(%s) = %x, want %x", r.name, got, r.admin)
		}
		if r.holder != (common.Address{}) && !c.hasRole(t, r.want, r.holder) {
			t.Errorf("%s is not held by %s", r.name, r.holder)
		}
		// The constructor grants the admin DEFAULT_ADMIN_ROLE and nothing else.
		if r.want != contracts.DefaultAdminRole && c.hasRole(t, r.want, s.keys.admin.addr) {
			t.Errorf("the admin holds %s", r.name)
		}
	}

	interfaces := map[[4]byte]bool{
		{0x01, 0xff, 0xc9, 0xa7}: true,  // ERC-165
		{0x79, 0x65, 0xdb, 0x0b}: true,  // IAccessControl
		{0xff, 0xff, 0xff, 0xff}: false, // never, by ERC-165
	}
	for id, want := range interfaces {
		if got := call(t, c, b.PackSupportsInterface(id), b.UnpackSupportsInterface); got != want {
			t.Errorf("supportsInterface(%x) = %v, want %v", id, got, want)
		}
	}
}

func testMint(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	resident := newResident(t)
	first, second := ref("chore claim", resident.addr), ref("second claim", resident.addr)

	receipts := c.ok(t,
		c.send(t, c.minter, b.PackMint(resident.addr, cents(1250), first)),
		c.send(t, c.minter, b.PackMint(resident.addr, cents(750), second)),
	)
	expectEvent(t, receipts[0], b.UnpackMintedEvent, &bindings.HeitjeCoinMinted{To: resident.addr, Amount: cents(1250), Ref: first})
	expectEvent(t, receipts[0], b.UnpackTransferEvent, &bindings.HeitjeCoinTransfer{From: common.Address{}, To: resident.addr, Value: cents(1250)})
	expectEvent(t, receipts[1], b.UnpackMintedEvent, &bindings.HeitjeCoinMinted{To: resident.addr, Amount: cents(750), Ref: second})
	logGas(t, "mint to a new holder", receipts[0])
	logGas(t, "mint to an existing holder", receipts[1])
	c.expectBalances(t, map[common.Address]int64{resident.addr: 2000})

	for _, notMinter := range []*account{c.admin, c.redeemer, c.relayer, c.onboarder} {
		c.expectRevert(t, notMinter, b.PackMint(resident.addr, cents(1), first),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: notMinter.addr, NeededRole: contracts.MinterRole})
	}

	// A reference mints once: a second mint under it reverts, whatever its recipient and amount, and mints nothing.
	other := newResident(t)
	c.expectRevert(t, c.minter, b.PackMint(resident.addr, cents(1250), first), &bindings.HeitjeCoinReferenceUsed{Ref: first})
	c.expectRevert(t, c.minter, b.PackMint(other.addr, cents(5), second), &bindings.HeitjeCoinReferenceUsed{Ref: second})
	if !call(t, c, b.PackMintRefUsed(first), b.UnpackMintRefUsed) || call(t, c, b.PackMintRefUsed(ref("never used")), b.UnpackMintRefUsed) {
		t.Error("mintRefUsed does not tell the used reference from an unused one")
	}
	c.expectBalances(t, map[common.Address]int64{resident.addr: 2000, other.addr: 0})
}

func testRedeem(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	shop, treasury, resident := newResident(t), newResident(t), newResident(t)
	c.ok(t,
		c.onboard(t, shop.addr),
		c.makeTreasury(t, treasury.addr),
		c.mint(t, shop.addr, 1000),
		c.mint(t, treasury.addr, 500),
		c.mint(t, resident.addr, 300),
	)

	shopPayout, treasuryPayout := ref("payout", shop.addr), ref("payout", treasury.addr)
	receipts := c.ok(t,
		c.send(t, c.redeemer, b.PackRedeem(shop.addr, cents(400), shopPayout)),
		c.send(t, c.redeemer, b.PackRedeem(treasury.addr, cents(500), treasuryPayout)),
	)
	expectEvent(t, receipts[0], b.UnpackRedeemedEvent, &bindings.HeitjeCoinRedeemed{From: shop.addr, Amount: cents(400), Ref: shopPayout})
	expectEvent(t, receipts[0], b.UnpackTransferEvent, &bindings.HeitjeCoinTransfer{From: shop.addr, To: common.Address{}, Value: cents(400)})
	expectEvent(t, receipts[1], b.UnpackRedeemedEvent, &bindings.HeitjeCoinRedeemed{From: treasury.addr, Amount: cents(500), Ref: treasuryPayout})
	logGas(t, "redeem", receipts[0])
	c.expectBalances(t, map[common.Address]int64{shop.addr: 600, treasury.addr: 0, resident.addr: 300})

	c.expectRevert(t, c.redeemer, b.PackRedeem(resident.addr, cents(300), ref("payout", resident.addr)),
		&bindings.HeitjeCoinRedeemFromNonParticipant{From: resident.addr})
	c.expectRevert(t, c.redeemer, b.PackRedeem(shop.addr, cents(601), ref("next payout", shop.addr)),
		&bindings.HeitjeCoinERC20InsufficientBalance{Sender: shop.addr, Balance: cents(600), Needed: cents(601)})
	// A reference redeems once per holder: the shop's payout reference is spent, the same reference from another
	// holder is not.
	c.expectRevert(t, c.redeemer, b.PackRedeem(shop.addr, cents(100), shopPayout), &bindings.HeitjeCoinReferenceUsed{Ref: shopPayout})
	if !call(t, c, b.PackRedeemRefUsed(shop.addr, shopPayout), b.UnpackRedeemRefUsed) ||
		call(t, c, b.PackRedeemRefUsed(treasury.addr, shopPayout), b.UnpackRedeemRefUsed) {
		t.Error("redeemRefUsed does not tell a holder's used reference from another holder's")
	}
	c.ok(t, c.mint(t, treasury.addr, 50))
	again := c.ok(t, c.send(t, c.redeemer, b.PackRedeem(treasury.addr, cents(50), shopPayout)))
	expectEvent(t, again[0], b.UnpackRedeemedEvent, &bindings.HeitjeCoinRedeemed{From: treasury.addr, Amount: cents(50), Ref: shopPayout})
	for _, notRedeemer := range []*account{c.admin, c.minter, c.relayer} {
		c.expectRevert(t, notRedeemer, b.PackRedeem(shop.addr, cents(1), shopPayout),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: notRedeemer.addr, NeededRole: contracts.RedeemerRole})
	}
}

func testOnboarding(t *testing.T, s *suite) {
	c, b := s.coin, s.coin.binding
	shop, other := s.funded(t), newResident(t)
	resident := s.funded(t)
	stranger := newResident(t).addr

	// The onboarder administers ACCEPTOR_ROLE and nothing else; the admin must not grant it either.
	for _, role := range []common.Hash{contracts.MinterRole, contracts.RedeemerRole, contracts.PauserRole,
		contracts.TreasuryRole, contracts.OnboarderRole, contracts.DefaultAdminRole} {
		c.expectRevert(t, c.onboarder, b.PackGrantRole(role, stranger),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: c.onboarder.addr, NeededRole: contracts.DefaultAdminRole})
	}
	for _, notOnboarder := range []*account{c.admin, c.minter} {
		c.expectRevert(t, notOnboarder, b.PackGrantRole(contracts.AcceptorRole, stranger),
			&bindings.HeitjeCoinAccessControlUnauthorizedAccount{Account: notOnboarder.addr, NeededRole: contracts.OnboarderRole})
	}

	receipts := c.ok(t, c.onboard(t, shop.addr), c.onboard(t, other.addr), c.mint(t, resident.addr, 100))
	expectEvent(t, receipts[0], b.UnpackRoleGrantedEvent,
		&bindings.HeitjeCoinRoleGranted{Role: contracts.AcceptorRole, Account: shop.addr, Sender: c.onboarder.addr})
	for _, a := range []common.Address{shop.addr, other.addr} {
		if !call(t, c, b.PackIsParticipant(a), b.UnpackIsParticipant) {
			t.Errorf("onboarded shop %s is not a participant", a)
		}
	}
	if call(t, c, b.PackIsParticipant(resident.addr), b.UnpackIsParticipant) {
		t.Errorf("resident %s is a participant", resident.addr)
	}
	c.expectRevert(t, c.onboarder, b.PackRenounceRole(contracts.AcceptorRole, shop.addr),
		&bindings.HeitjeCoinAccessControlBadConfirmation{})

	// While they are active, a resident may pay both shops.
	c.ok(t,
		c.send(t, resident, b.PackTransfer(shop.addr, cents(10))),
		c.send(t, resident, b.PackTransfer(other.addr, cents(10))),
	)

	// A shop may leave by renouncing; the onboarder deactivates one by revoking.
	receipts = c.ok(t,
		c.send(t, shop, b.PackRenounceRole(contracts.AcceptorRole, shop.addr)),
		c.send(t, c.onboarder, b.PackRevokeRole(contracts.AcceptorRole, other.addr)),
	)
	expectEvent(t, receipts[0], b.UnpackRoleRevokedEvent,
		&bindings.HeitjeCoinRoleRevoked{Role: contracts.AcceptorRole, Account: shop.addr, Sender: shop.addr})
	expectEvent(t, receipts[1], b.UnpackRoleRevokedEvent,
		&bindings.HeitjeCoinRoleRevoked{Role: contracts.AcceptorRole, Account: other.addr, Sender: c.onboarder.addr})
	for _, a := range []common.Address{shop.addr, other.addr} {
		if c.hasRole(t, contracts.AcceptorRole, a) || call(t, c, b.PackIsParticipant(a), b.UnpackIsParticipant) {
			t.Errorf("deactivated shop %s is still a participant", a)
		}
		c.expectRevert(t, resident, b.PackTransfer(a, cents(10)),
			&bindings.HeitjeCoinClosedLoopTransfer{From: resident.addr, To: a})
	}
}
