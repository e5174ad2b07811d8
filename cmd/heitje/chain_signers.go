package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
)

// chainSigners is `heitje chain signers --rpc ENDPOINT`: the signers at the head of the signer's node at
// ENDPOINT (local only: see chain.DialClique), and that signer's open votes.
func chainSigners(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("chain signers", "chain signers --rpc ENDPOINT", "Lists the Clique signers at the head of the signer's node at ENDPOINT, and that signer's open votes.")
	endpoint := fs.String("rpc", "", "the signer's own endpoint on this machine: http://127.0.0.1:PORT or its IPC socket (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *endpoint == "" {
		return usageError{errors.New("usage: heitje chain signers --rpc ENDPOINT")}
	}
	c, err := chain.DialClique(ctx, *endpoint)
	if err != nil {
		return err
	}
	defer c.Close()
	signers, err := c.Signers(ctx)
	if err != nil {
		return err
	}
	votes, err := c.Proposals(ctx)
	if err != nil {
		return err
	}
	if len(signers) == 1 {
		fmt.Fprintln(stdout, "1 signer:")
	} else {
		fmt.Fprintf(stdout, "%d signers:\n", len(signers))
	}
	for _, s := range signers {
		fmt.Fprintln(stdout, s.Hex())
	}
	var open []string
	for a, add := range votes {
		open = append(open, fmt.Sprintf("%s %s", map[bool]string{true: "add", false: "remove"}[add], a.Hex()))
	}
	slices.Sort(open)
	if len(open) == 0 {
		fmt.Fprintln(stdout, "this signer has no open votes")
	} else {
		fmt.Fprintf(stdout, "this signer's open votes:\n%s\n", strings.Join(open, "\n"))
	}
	return nil
}

// chainPropose is `heitje chain propose --rpc ENDPOINT --add|--remove|--discard ADDRESS`: the signer at
// ENDPOINT votes to add or remove a signer, or withdraws its vote. It is repeated in every block the signer
// seals until more than half the signers voted alike; run it on each signer that agrees.
func chainPropose(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("chain propose", "chain propose --rpc ENDPOINT --add|--remove|--discard ADDRESS",
		"The signer at ENDPOINT votes to add or remove a signer, or withdraws its vote; run it on each signer\n"+
			"that agrees (more than half must).")
	endpoint := fs.String("rpc", "", "the signer's own endpoint on this machine: http://127.0.0.1:PORT or its IPC socket (required)")
	add := fs.String("add", "", "vote to make this address a signer")
	remove := fs.String("remove", "", "vote to take this address off the signers")
	discard := fs.String("discard", "", "withdraw this signer's vote on this address")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *endpoint == "" {
		return usageError{errors.New("usage: heitje chain propose --rpc ENDPOINT --add|--remove|--discard ADDRESS")}
	}
	var target string
	given := 0
	for _, v := range []string{*add, *remove, *discard} {
		if v != "" {
			target, given = v, given+1
		}
	}
	if given != 1 || !common.IsHexAddress(target) {
		return usageError{errors.New("chain propose takes exactly one of --add, --remove and --discard, with a 0x address")}
	}
	a := common.HexToAddress(target)
	c, err := chain.DialClique(ctx, *endpoint)
	if err != nil {
		return err
	}
	defer c.Close()
	signers, err := c.Signers(ctx)
	if err != nil {
		return err
	}
	switch {
	case *discard != "":
		if err := c.Discard(ctx, a); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "withdrew this signer's vote on %s\n", a.Hex())
		return nil
	case *add != "" && chain.IsSigner(signers, a):
		return fmt.Errorf("%s is a signer already", a.Hex())
	case *remove != "" && !chain.IsSigner(signers, a):
		return fmt.Errorf("%s is not a signer", a.Hex())
	}
	if err := c.Propose(ctx, a, *add != ""); err != nil {
		return err
	}
	verb := map[bool]string{true: "add", false: "remove"}[*add != ""]
	fmt.Fprintf(stdout, "this signer votes to %s %s in each block it seals; it passes once %d of the %d signers voted so\n",
		verb, a.Hex(), len(signers)/2+1, len(signers))
	return nil
}
