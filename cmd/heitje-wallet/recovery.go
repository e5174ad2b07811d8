package main

import (
	"context"
	"fmt"
)

// recover asks to recover the coins of the account's lost key to this device's key.
func (s *session) recover(ctx context.Context) error {
	k, err := s.openKey()
	if err != nil {
		return err
	}
	if err := s.login(ctx); err != nil {
		return err
	}
	r, err := s.client.AskRecovery(ctx, k)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "recovery %s: %s, from %s to %s; the municipality verifies your identity at the counter\n",
		r.ID, r.Status, r.FromAddress, r.ToAddress)
	return nil
}

// cancelRecovery cancels the account's open recovery with this device's key, the one the recovery would empty.
func (s *session) cancelRecovery(ctx context.Context) error {
	k, err := s.openKey()
	if err != nil {
		return err
	}
	if err := s.login(ctx); err != nil {
		return err
	}
	r, err := s.client.MyRecovery(ctx)
	if err != nil {
		return err
	}
	status, err := s.client.CancelRecovery(ctx, k, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "recovery %s: %s\n", r.ID, status)
	return nil
}
