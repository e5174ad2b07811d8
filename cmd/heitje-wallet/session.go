package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/heerlen/heitje/internal/wallet"
)

// session is one command's work: the options, the secrets on standard input and the API client.
type session struct {
	o      options
	in     *bufio.Scanner
	out    io.Writer
	client *wallet.Client
}

// secret reads the next line of standard input.
func (s *session) secret(what string) (string, error) {
	if !s.in.Scan() {
		if err := s.in.Err(); err != nil {
			return "", err
		}
		return "", fmt.Errorf("expected the %s on standard input", what)
	}
	return strings.TrimRight(s.in.Text(), "\r"), nil
}

func (s *session) openKey() (*wallet.Key, error) {
	pass, err := s.secret("key file's passphrase")
	if err != nil {
		return nil, err
	}
	return wallet.Open(s.o.keyFile, pass)
}

func (s *session) login(ctx context.Context) error {
	if s.o.user == "" {
		return usageError{errors.New("name the account with -user or HEITJE_USER")}
	}
	pw, err := s.secret("account's password")
	if err != nil {
		return err
	}
	return s.client.Login(ctx, s.o.user, pw)
}

func (s *session) newKey() error {
	pass, err := s.secret("passphrase for the new key file")
	if err != nil {
		return err
	}
	k, err := wallet.Create(s.o.keyFile, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "key file %s\naddress %s\n", s.o.keyFile, k.Address().Hex())
	return nil
}

func (s *session) bind(ctx context.Context) error {
	k, err := s.openKey()
	if err != nil {
		return err
	}
	if err := s.login(ctx); err != nil {
		return err
	}
	addr, err := s.client.BindWallet(ctx, k)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "bound %s\n", addr)
	return nil
}

func (s *session) chores(ctx context.Context) error {
	if err := s.login(ctx); err != nil {
		return err
	}
	list, err := s.client.Chores(ctx)
	if err != nil {
		return err
	}
	for _, c := range list {
		fmt.Fprintf(s.out, "%s  %s  %s  %d places left  %s\n", c.ID, euros(c.RewardCents), c.Status, c.PlacesLeft, c.Title)
	}
	return nil
}

func (s *session) claim(ctx context.Context, choreID string) error {
	if err := s.login(ctx); err != nil {
		return err
	}
	c, err := s.client.ClaimChore(ctx, choreID)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "claim %s: %s, reward %s\n", c.ID, c.Status, euros(c.RewardCents))
	return nil
}

func (s *session) balance(ctx context.Context) error {
	if err := s.login(ctx); err != nil {
		return err
	}
	b, err := s.client.Balance(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "balance %s, on its way %s, spendable now %s\n", euros(b.BalanceCents), euros(b.PendingCents), euros(b.SpendableCents))
	return nil
}

func (s *session) pay(ctx context.Context, ref string) error {
	k, err := s.openKey()
	if err != nil {
		return err
	}
	if err := s.login(ctx); err != nil {
		return err
	}
	req, err := s.client.PaymentRequest(ctx, ref)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "paying %s to %s\n", euros(req.AmountCents), req.ShopName)
	sub, err := s.client.PayRequest(ctx, k, req, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "submitted %s\n", sub.TxHash)
	last, err := s.client.Events(ctx, req.ID, nil)
	if err != nil {
		return err
	}
	switch last.Name {
	case "confirmed":
		fmt.Fprintf(s.out, "paid in block %d\n", last.BlockNumber)
		return nil
	case "failed":
		return fmt.Errorf("the payment failed: %s", last.Reason)
	}
	return fmt.Errorf("the payment's outcome is not known yet (last event %q)", last.Name)
}

// euros writes cents as euros: 1250 → €12.50.
func euros(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s€%d.%02d", sign, cents/100, cents%100)
}
