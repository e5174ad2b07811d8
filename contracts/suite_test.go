package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/contracts/bindings"
)

// testChain is what the behaviour suite needs from a chain. The simulated backend and the real Clique node both
// provide it, so the one suite runs against each.
type testChain interface {
	Client() chainClient
	ChainID() *big.Int
	// FundedKey returns a new key that holds ether.
	FundedKey(t testing.TB) *ecdsa.PrivateKey
	// Mined waits until every transaction is in a block and returns the receipts in the same order.
	Mined(t testing.TB, txs ...*types.Transaction) []*types.Receipt
	// Advance lets the chain's time move on a little: it seals a block, or waits for the node to seal one.
	Advance(t testing.TB)
}

// chainClient is the JSON-RPC surface the suite uses.
type chainClient interface {
	bind.ContractBackend
	bind.DeployBackend
}

// account is a key and the only sender of its transactions. It counts nonces itself, because a node's pending
// nonce can lag behind a transaction it has just accepted, and the suite sends from one key in parallel subtests.
type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address

	mu        sync.Mutex
	nonce     uint64
	nonceRead bool
}

func newAccount(key *ecdsa.PrivateKey) *account {
	return &account{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// newResident returns an account with neither ether nor roles: a resident who only signs.
func newResident(t testing.TB) *account {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return newAccount(key)
}

// roleHolders are the service keys of a deployment; every one of them holds ether.
type roleHolders struct {
	admin, minter, redeemer, pauser, onboarder, relayer, recoverer *account
}

func newRoleHolders(t testing.TB, ch testChain) *roleHolders {
	t.Helper()
	return &roleHolders{
		admin:     newAccount(ch.FundedKey(t)),
		minter:    newAccount(ch.FundedKey(t)),
		redeemer:  newAccount(ch.FundedKey(t)),
		pauser:    newAccount(ch.FundedKey(t)),
		onboarder: newAccount(ch.FundedKey(t)),
		relayer:   newAccount(ch.FundedKey(t)),
		recoverer: newAccount(ch.FundedKey(t)),
	}
}

// coin is one deployed HeitjeCoin with its role holders.
type coin struct {
	*roleHolders
	ch      testChain
	client  chainClient
	binding *bindings.HeitjeCoin
	addr    common.Address
	inst    *bind.BoundContract
}

// deployCoins deploys n HeitjeCoins administered by keys.admin and grants MINTER, REDEEMER, PAUSER, ONBOARDER
// and RECOVERY on each to the other role holders. However many it deploys, it takes two blocks.
func deployCoins(t testing.TB, ch testChain, keys *roleHolders, n int) []*coin {
	t.Helper()
	coins := make([]*coin, n)
	deployTxs := make([]*types.Transaction, n)
	for i := range coins {
		c := &coin{roleHolders: keys, ch: ch, client: ch.Client(), binding: bindings.NewHeitjeCoin()}
		err := keys.admin.withOpts(t, c, func(opts *bind.TransactOpts) error {
			var err error
			c.addr, deployTxs[i], err = contracts.Deploy(opts, c.client, keys.admin.addr)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		c.inst = c.binding.Instance(c.client, c.addr)
		coins[i] = c
	}
	var grants []*types.Transaction
	for i, receipt := range coins[0].ok(t, deployTxs...) {
		c := coins[i]
		if receipt.ContractAddress != c.addr {
			t.Fatalf("contract deployed at %s, want %s", receipt.ContractAddress, c.addr)
		}
		grants = append(grants,
			c.send(t, keys.admin, c.binding.PackGrantRole(contracts.MinterRole, keys.minter.addr)),
			c.send(t, keys.admin, c.binding.PackGrantRole(contracts.RedeemerRole, keys.redeemer.addr)),
			c.send(t, keys.admin, c.binding.PackGrantRole(contracts.PauserRole, keys.pauser.addr)),
			c.send(t, keys.admin, c.binding.PackGrantRole(contracts.OnboarderRole, keys.onboarder.addr)),
			c.send(t, keys.admin, c.binding.PackGrantRole(contracts.RecoveryRole, keys.recoverer.addr)),
		)
		if i == 0 {
			logGas(t, "deploy", receipt)
		}
	}
	coins[0].ok(t, grants...)
	return coins
}

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// withOpts runs send with transaction options that carry the account's next nonce, and consumes the nonce only
// when send succeeds (a reverting call fails at gas estimation and sends nothing).
func (a *account) withOpts(t testing.TB, c *coin, send func(*bind.TransactOpts) error) error {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	ctx := testContext(t)
	if !a.nonceRead {
		n, err := c.client.PendingNonceAt(ctx, a.addr)
		if err != nil {
			t.Fatalf("nonce of %s: %v", a.addr, err)
		}
		a.nonce, a.nonceRead = n, true
	}
	opts := bind.NewKeyedTransactor(a.key, c.ch.ChainID())
	opts.Context = ctx
	opts.Nonce = new(big.Int).SetUint64(a.nonce)
	if err := send(opts); err != nil {
		return err
	}
	a.nonce++
	return nil
}

// try sends calldata to the coin from an account and returns the error of a call that reverts.
func (c *coin) try(t testing.TB, from *account, calldata []byte) (*types.Transaction, error) {
	t.Helper()
	var tx *types.Transaction
	err := from.withOpts(t, c, func(opts *bind.TransactOpts) error {
		var err error
		tx, err = bind.Transact(c.inst, opts, calldata)
		return err
	})
	return tx, err
}

// send sends calldata to the coin from an account without waiting for it to be mined.
func (c *coin) send(t testing.TB, from *account, calldata []byte) *types.Transaction {
	t.Helper()
	tx, err := c.try(t, from, calldata)
	if err != nil {
		t.Fatalf("send from %s: %v (%s)", from.addr, err, c.describeRevert(err))
	}
	return tx
}

// ok waits for the transactions and fails the test unless every one of them succeeded.
func (c *coin) ok(t testing.TB, txs ...*types.Transaction) []*types.Receipt {
	t.Helper()
	receipts := c.ch.Mined(t, txs...)
	for i, r := range receipts {
		if r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("transaction %d (%s) failed, gas used %d", i, txs[i].Hash(), r.GasUsed)
		}
	}
	return receipts
}

// expectRevert sends calldata from an account and fails the test unless the call reverts with exactly want, a
// pointer to one of the bindings' error structs such as &bindings.HeitjeCoinClosedLoopTransfer{...}.
func (c *coin) expectRevert(t testing.TB, from *account, calldata []byte, want any) {
	t.Helper()
	got := c.revertOf(t, from, calldata)
	if !equal(got, want) {
		t.Fatalf("reverted with %T%+v, want %T%+v", got, got, want, want)
	}
}

// revertOf sends calldata from an account, expects the call to revert, and returns the decoded custom error.
func (c *coin) revertOf(t testing.TB, from *account, calldata []byte) any {
	t.Helper()
	tx, err := c.try(t, from, calldata)
	if err == nil {
		t.Fatalf("transaction %s was sent, want a revert", tx.Hash())
	}
	data := revertData(err)
	if len(data) < 4 {
		t.Fatalf("want a revert with a custom error, got %v", err)
	}
	got, uerr := c.binding.UnpackError(data)
	if uerr != nil {
		t.Fatalf("revert data %x of %v: %v", data, err, uerr)
	}
	return got
}

// describeRevert names the custom error inside err, if any, for failure messages.
func (c *coin) describeRevert(err error) string {
	data := revertData(err)
	if len(data) < 4 {
		return "no revert data"
	}
	got, uerr := c.binding.UnpackError(data)
	if uerr != nil {
		return uerr.Error()
	}
	return strings.TrimPrefix(reflect.TypeOf(got).String(), "*bindings.HeitjeCoin")
}

func revertData(err error) []byte {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil
	}
	b, err := hexutil.Decode(s)
	if err != nil {
		return nil
	}
	return b
}

// call runs a view function of the coin at the latest block.
func call[T any](t testing.TB, c *coin, calldata []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	v, err := bind.Call(c.inst, &bind.CallOpts{Context: testContext(t)}, calldata, unpack)
	if err != nil {
		t.Fatalf("call: %v", err)
	}
	return v
}

func (c *coin) balance(t testing.TB, a common.Address) *big.Int {
	t.Helper()
	return call(t, c, c.binding.PackBalanceOf(a), c.binding.UnpackBalanceOf)
}

func (c *coin) hasRole(t testing.TB, role common.Hash, a common.Address) bool {
	t.Helper()
	return call(t, c, c.binding.PackHasRole(role, a), c.binding.UnpackHasRole)
}

// expectBalances fails the test unless every address holds the given number of cents.
func (c *coin) expectBalances(t testing.TB, want map[common.Address]int64) {
	t.Helper()
	for a, cents := range want {
		if got := c.balance(t, a); got.Cmp(big.NewInt(cents)) != 0 {
			t.Errorf("balance of %s = %s, want %d", a, got, cents)
		}
	}
}

// latestTime returns the timestamp of the latest block, the block.timestamp a gas estimate runs with.
func (c *coin) latestTime(t testing.TB) uint64 {
	t.Helper()
	h, err := c.client.HeaderByNumber(testContext(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h.Time
}

// mints numbers the mints of the suite, so that each has a reference of its own (the coin mints once per
// reference).
var mints atomic.Uint64

// mint sends a mint of cents to an address from the minter, under a reference no other mint used.
func (c *coin) mint(t testing.TB, to common.Address, cents int64) *types.Transaction {
	t.Helper()
	return c.send(t, c.minter, c.binding.PackMint(to, big.NewInt(cents), ref("mint", to, mints.Add(1))))
}

// onboard sends the grant of ACCEPTOR_ROLE to a shop from the onboarder.
func (c *coin) onboard(t testing.TB, shop common.Address) *types.Transaction {
	t.Helper()
	return c.send(t, c.onboarder, c.binding.PackGrantRole(contracts.AcceptorRole, shop))
}

// makeTreasury sends the grant of TREASURY_ROLE to an address from the admin.
func (c *coin) makeTreasury(t testing.TB, treasury common.Address) *types.Transaction {
	t.Helper()
	return c.send(t, c.admin, c.binding.PackGrantRole(contracts.TreasuryRole, treasury))
}

// ref returns an opaque 32-byte reference, as the platform derives them from internal ids.
func ref(parts ...any) [32]byte {
	var b []byte
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			b = append(b, v...)
		case common.Address:
			b = append(b, v.Bytes()...)
		case uint64:
			b = binary.BigEndian.AppendUint64(b, v)
		}
	}
	return crypto.Keccak256Hash(b)
}

// events returns the logs of a receipt that decode as one event type.
func events[T any](t testing.TB, r *types.Receipt, unpack func(*types.Log) (*T, error)) []*T {
	t.Helper()
	var out []*T
	for _, l := range r.Logs {
		ev, err := unpack(l)
		if errors.Is(err, bind.ErrEventSignatureMismatch) {
			continue
		}
		if err != nil {
			t.Fatalf("decode log %d: %v", l.Index, err)
		}
		out = append(out, ev)
	}
	return out
}

// oneEvent returns the only event of a type in a receipt, with its Raw log cleared for comparison.
func oneEvent[T any](t testing.TB, r *types.Receipt, unpack func(*types.Log) (*T, error)) *T {
	t.Helper()
	evs := events(t, r, unpack)
	if len(evs) != 1 {
		t.Fatalf("receipt has %d %T events, want 1", len(evs), *new(T))
	}
	v := reflect.ValueOf(evs[0]).Elem().FieldByName("Raw")
	v.Set(reflect.Zero(v.Type()))
	return evs[0]
}

// expectEvent fails the test unless the receipt holds exactly one event of want's type, equal to want.
func expectEvent[T any](t testing.TB, r *types.Receipt, unpack func(*types.Log) (*T, error), want *T) {
	t.Helper()
	if got := oneEvent(t, r, unpack); !equal(got, want) {
		t.Errorf("event %+v, want %+v", got, want)
	}
}

// equal compares two values like reflect.DeepEqual, except that big integers inside structs compare by value.
func equal(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() {
		return false
	}
	if va.Kind() == reflect.Pointer {
		if va.IsNil() || vb.IsNil() {
			return va.IsNil() == vb.IsNil()
		}
		va, vb = va.Elem(), vb.Elem()
	}
	if va.Kind() != reflect.Struct {
		return reflect.DeepEqual(a, b)
	}
	bigType := reflect.TypeOf((*big.Int)(nil))
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Type() == bigType {
			x, y := fa.Interface().(*big.Int), fb.Interface().(*big.Int)
			if (x == nil) != (y == nil) || (x != nil && x.Cmp(y) != 0) {
				return false
			}
			continue
		}
		if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			return false
		}
	}
	return true
}

func logGas(t testing.TB, what string, r *types.Receipt) {
	t.Helper()
	t.Logf("gas used by %s: %d", what, r.GasUsed)
}

func cents(n int64) *big.Int { return big.NewInt(n) }
