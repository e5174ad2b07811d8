package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/heerlen/heitje/chain"
)

// chainFund tops a signing key up with ether for gas: chain fund ADDRESS ETHER, paid by the key that
// --keystore and --admin name (any key in that keystore that holds ether, such as the treasury's) or
// ADMIN_KEY. ETHER is a decimal amount of ether ("0.5").
func chainFund(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("chain fund", "chain fund ADDRESS ETHER [--keystore DIR --admin ADDR]",
		"Tops a signing key up with ether for gas, paid by the key --keystore and --admin name (or ADMIN_KEY).")
	ak := adminFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 || !common.IsHexAddress(fs.Arg(0)) {
		return usageError{errors.New("chain fund needs ADDRESS ETHER, e.g. chain fund 0xRelayer… 0.5")}
	}
	to := common.HexToAddress(fs.Arg(0))
	wei, err := etherToWei(fs.Arg(1))
	if err != nil {
		return usageError{err}
	}
	key, err := ak.key(stdin)
	if err != nil {
		return err
	}
	c, _, err := adminChain(ctx, false)
	if err != nil {
		return err
	}
	defer c.Close()
	hash, err := chain.SendEther(ctx, c, key, to, wei)
	if err != nil {
		return err
	}
	bal, err := c.BalanceAt(ctx, to, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "sent %s ether from %s to %s in %s; %s now holds %s wei\n", fs.Arg(1),
		crypto.PubkeyToAddress(key.PublicKey).Hex(), to.Hex(), hash.Hex(), to.Hex(), bal)
	return nil
}

// etherToWei reads a positive decimal amount of ether with at most 18 decimals.
func etherToWei(s string) (*big.Int, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() <= 0 {
		return nil, fmt.Errorf("ETHER %q must be a positive decimal amount of ether, such as 0.5", s)
	}
	r.Mul(r, new(big.Rat).SetInt64(params.Ether))
	if !r.IsInt() {
		return nil, fmt.Errorf("ETHER %q has more than 18 decimals", s)
	}
	return r.Num(), nil
}
