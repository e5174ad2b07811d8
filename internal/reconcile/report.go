package reconcile

import (
	"fmt"
	"io"
	"math/big"
)

// coins writes cents as coins with two decimals (one coin is one euro).
func coins(v *big.Int) string {
	if v == nil {
		return "?"
	}
	sign, abs := "", new(big.Int).Set(v)
	if abs.Sign() < 0 {
		sign = "-"
		abs.Neg(abs)
	}
	whole, cents := new(big.Int).QuoRem(abs, big.NewInt(100), new(big.Int))
	return fmt.Sprintf("%s%s.%02d", sign, whole, cents.Int64())
}

// Write prints the report for an operator: the figures, then each difference on its own line, then OK or
// the number of differences.
func (r Report) Write(w io.Writer) error {
	net := new(big.Int).Sub(r.Minted, r.Redeemed)
	held := new(big.Int).Add(r.Residents, r.Shops)
	held.Add(held, r.Treasury)
	lines := []string{
		fmt.Sprintf("reconciliation at block %d (the indexer's cursor), amounts in coins (1 coin = EUR 1)", r.Block),
		fmt.Sprintf("  total supply on chain        %14s", coins(r.Supply)),
		fmt.Sprintf("  indexed balances (%6d)    %14s", r.Holders, coins(r.Balances)),
		fmt.Sprintf("  minted - redeemed (ledger)   %14s  (%s - %s)", coins(net), coins(r.Minted), coins(r.Redeemed)),
		fmt.Sprintf("  residents + shops + treasury %14s  (%s + %s + %s)", coins(held), coins(r.Residents), coins(r.Shops), coins(r.Treasury)),
	}
	if r.Other.Sign() != 0 {
		lines = append(lines, fmt.Sprintf("  held by no known party       %14s", coins(r.Other)))
	}
	for _, d := range r.Differences {
		lines = append(lines, fmt.Sprintf("DIFFERENCE [%s] %s at block %d: %s", d.Check, d.Subject, d.Block, d.Detail))
	}
	if r.OK() {
		lines = append(lines, "OK: every equality holds")
	} else {
		lines = append(lines, fmt.Sprintf("FAILED: %d difference(s)", len(r.Differences)))
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}
