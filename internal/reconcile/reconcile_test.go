package reconcile

import (
	"bytes"
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/ledger"
)

var (
	resident = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	shop     = common.HexToAddress("0x00000000000000000000000000000000000000b2")
	treasury = common.HexToAddress("0x00000000000000000000000000000000000000c3")
	stranger = common.HexToAddress("0x00000000000000000000000000000000000000d4")
)

// fake is both sides over one list of Transfer events: the chain keeps the events as they happened, the
// ledger a copy that a test may tamper with.
type fake struct {
	chainEvents, dbEvents []ledger.Event
	snap                  Snapshot
}

func transfer(block uint64, log uint, from, to common.Address, cents int64) ledger.Event {
	return ledger.Event{BlockNumber: block, LogIndex: log, Name: ledger.EventTransfer, From: from, To: to, Amount: big.NewInt(cents),
		TxHash: common.BigToHash(big.NewInt(int64(block*100) + int64(log)))}
}

// newFake is a ledger in which 1000 cents were minted to the resident, 400 paid to the shop, 100 of which
// the shop redeemed, and 50 passed to the treasury; the snapshot is computed from the events.
func newFake() *fake {
	zero := common.Address{}
	evs := []ledger.Event{transfer(3, 0, zero, resident, 1000), transfer(4, 0, resident, shop, 400),
		transfer(5, 0, shop, zero, 100), transfer(6, 0, shop, treasury, 50)}
	f := &fake{chainEvents: evs, dbEvents: append([]ledger.Event(nil), evs...)}
	f.snap = Snapshot{Block: 6, Indexed: true, SumBalances: big.NewInt(900), Minted: big.NewInt(1000), Redeemed: big.NewInt(100),
		Holders: []Holder{
			{Address: resident, Kind: KindResident, AccountID: "r-1", Balance: big.NewInt(600), FromEvents: big.NewInt(600), LastBlock: 4},
			{Address: shop, Kind: KindShop, AccountID: "s-1", Balance: big.NewInt(250), FromEvents: big.NewInt(250), LastBlock: 6},
			{Address: treasury, Kind: KindOther, Balance: big.NewInt(50), FromEvents: big.NewInt(50), LastBlock: 6},
		}}
	return f
}

func (f *fake) Snapshot(context.Context, common.Hash) (Snapshot, error) { return f.snap, nil }

func (f *fake) Transfers(_ context.Context, addr common.Address, to uint64) ([]ledger.Event, error) {
	return of(f.dbEvents, addr, to), nil
}

// chainSide is the chain's view of the same fake.
type chainSide struct{ f *fake }

func of(evs []ledger.Event, addr common.Address, to uint64) []ledger.Event {
	var out []ledger.Event
	for _, e := range evs {
		if e.BlockNumber <= to && (e.From == addr || e.To == addr) {
			out = append(out, e)
		}
	}
	return out
}

func (c chainSide) TotalSupplyAt(context.Context, uint64) (*big.Int, error) {
	return big.NewInt(900), nil
}

func (c chainSide) BalancesAt(_ context.Context, addrs []common.Address, block uint64) ([]*big.Int, error) {
	out := make([]*big.Int, len(addrs))
	for i, a := range addrs {
		out[i] = new(big.Int)
		for _, e := range of(c.f.chainEvents, a, block) {
			if e.To == a {
				out[i].Add(out[i], e.Amount)
			}
			if e.From == a {
				out[i].Sub(out[i], e.Amount)
			}
		}
	}
	return out, nil
}

func (c chainSide) Transfers(_ context.Context, addr common.Address, to uint64) ([]ledger.Event, error) {
	return of(c.f.chainEvents, addr, to), nil
}

func run(t *testing.T, f *fake, opts Options) (Report, string) {
	t.Helper()
	rep, err := New(f, chainSide{f}, opts).Reconcile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.Write(&out)
	return rep, out.String()
}

func TestReconcileCleanLedger(t *testing.T) {
	rep, out := run(t, newFake(), Options{Treasury: []common.Address{treasury}})
	if !rep.OK() || rep.Residents.Int64() != 600 || rep.Shops.Int64() != 250 || rep.Treasury.Int64() != 50 ||
		!strings.Contains(out, "OK: every equality holds") || !strings.Contains(out, "9.00") {
		t.Fatalf("%+v\n%s", rep, out)
	}
}

func TestReconcileNamesWhatDiffers(t *testing.T) {
	for _, c := range []struct {
		name   string
		tamper func(f *fake)
		want   []string
	}{
		{"an unknown holder", func(f *fake) {}, []string{CheckHolders, strings.ToLower(treasury.Hex())}},
		{"a balance row raised", func(f *fake) {
			f.snap.Holders[1].Balance = big.NewInt(1250)
			f.snap.SumBalances = big.NewInt(1900)
		}, []string{CheckBalanceRow, CheckSupplyBalances, CheckBalancesLedger, CheckChainBalance, "token_balances says 1250",
			strings.ToLower(shop.Hex()) + " (shop s-1)"}},
		{"a transfer's amount changed", func(f *fake) {
			f.dbEvents[1] = transfer(4, 0, resident, shop, 450)
			f.snap.Holders[0].FromEvents = big.NewInt(550)
			f.snap.Holders[1].FromEvents = big.NewInt(300)
		}, []string{CheckChainEvents, CheckChainTransferLog, "token_events row at block 4 log 0", "says 450 from", "the chain says 400 from"}},
		{"a Minted event without its transfer", func(f *fake) {
			f.snap.Unpaired = []Unpaired{{Event: "Minted", BlockNumber: 3, Address: resident, Amount: big.NewInt(1000)}}
		}, []string{CheckEventPairs, "has no Transfer beside it"}},
		{"a redeemed twice", func(f *fake) {
			f.snap.Payouts = []PayoutMismatch{{Reference: "HEITJE-0102030405AB", Shop: shop, BlockNumber: 5, LineCents: big.NewInt(100),
				RedeemedCents: big.NewInt(200), Redeems: 2}}
		}, []string{CheckPayouts, "redeemed 2 times", "HEITJE-0102030405AB"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			c.tamper(f)
			opts := Options{Treasury: []common.Address{treasury}}
			if c.name == "an unknown holder" {
				opts.Treasury = nil
			}
			rep, out := run(t, f, opts)
			if rep.OK() || !strings.Contains(out, "FAILED") {
				t.Fatalf("no difference found:\n%s", out)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("the report does not say %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestReconcileNeedsAnIndexedBlock(t *testing.T) {
	f := newFake()
	f.snap.Indexed = false
	if _, err := New(f, chainSide{f}, Options{}).Reconcile(context.Background()); err != ErrNothingIndexed {
		t.Fatalf("%v", err)
	}
}

func TestCoins(t *testing.T) {
	for cents, want := range map[int64]string{0: "0.00", 7: "0.07", 123456: "1234.56", -250: "-2.50"} {
		if got := coins(big.NewInt(cents)); got != want {
			t.Errorf("coins(%d) = %q, want %q", cents, got, want)
		}
	}
}
