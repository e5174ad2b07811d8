package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/reconcile"
)

// reconcileCmd is `heitje reconcile [--json]`: at the indexer's cursor it checks that the chain's total
// supply, the sum of the indexed balances and minted less redeemed in the ledger agree and are held by
// residents, shops and the treasury only, and that every Minted event is one approved claim's reward and every
// Redeemed event one payout line's; it prints the figures and every difference (naming addresses and
// blocks), as text or as one JSON object, and exits non-zero when there is one.
func reconcileCmd(ctx context.Context, args []string) error {
	fs := newFlags("reconcile", "reconcile [--json]", "At the indexer's cursor, checks that the chain's total supply, the indexed balances and minted less\n"+
		"redeemed in the ledger agree and are held by residents, shops and the treasury only, and that every\n"+
		"Minted and Redeemed event is one reward or payout line. Prints the figures and every difference;\n"+
		"exit status 1 when there is one, 2 when the check could not run.")
	asJSON := fs.Bool("json", false, "print the report as one JSON object (amounts in cents, as strings)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("usage: heitje reconcile [--json]")}
	}
	cfg, db, err := openDatabase(ctx, config.NeedChain)
	if err != nil {
		return err
	}
	defer db.Close()
	client, err := chain.Dial(ctx, cfg.EthRPCURL, cfg.ChainID)
	if err != nil {
		return err
	}
	defer client.Close()
	rep, err := app.NewReconciler(cfg, db.Reconcile(), client).Reconcile(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		err = json.NewEncoder(os.Stdout).Encode(reportJSON(rep))
	} else {
		err = rep.Write(os.Stdout)
	}
	if err != nil {
		return err
	}
	if !rep.OK() {
		return differencesFound{fmt.Errorf("reconciliation found %d difference(s) at block %d", len(rep.Differences), rep.Block)}
	}
	return nil
}

// reconcileReport is the JSON form of a reconciliation: the figures in cents and the differences.
type reconcileReport struct {
	Block          uint64                 `json:"block"`
	OK             bool                   `json:"ok"`
	SupplyCents    string                 `json:"supply_cents"`
	BalancesCents  string                 `json:"balances_cents"`
	MintedCents    string                 `json:"minted_cents"`
	RedeemedCents  string                 `json:"redeemed_cents"`
	ResidentsCents string                 `json:"residents_cents"`
	ShopsCents     string                 `json:"shops_cents"`
	TreasuryCents  string                 `json:"treasury_cents"`
	OtherCents     string                 `json:"other_cents"`
	Differences    []reconcile.Difference `json:"differences"`
}

func reportJSON(r reconcile.Report) reconcileReport {
	s := func(v *big.Int) string { return v.String() }
	out := reconcileReport{Block: r.Block, OK: r.OK(), SupplyCents: s(r.Supply), BalancesCents: s(r.Balances),
		MintedCents: s(r.Minted), RedeemedCents: s(r.Redeemed), ResidentsCents: s(r.Residents), ShopsCents: s(r.Shops),
		TreasuryCents: s(r.Treasury), OtherCents: s(r.Other), Differences: r.Differences}
	if out.Differences == nil {
		out.Differences = []reconcile.Difference{}
	}
	return out
}
