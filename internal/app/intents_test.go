package app

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/outbox"
)

// TestKickReachesTheKeyHolderThroughTheDatabase: when this process's sender of a key does not hold the key's
// lock (another process does), kick tells the listeners through the database, and it names the key.
func TestKickReachesTheKeyHolderThroughTheDatabase(t *testing.T) {
	p, _ := platformWithoutChain(t, io.Discard) // its senders do not run, so none holds its key's lock
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	heard := make(chan outbox.Signer, 10)
	done := make(chan error, 1)
	go func() { done <- p.work.ListenIntents(ctx, func(s outbox.Signer) { heard <- s }) }()
	next := func(what string) outbox.Signer {
		t.Helper()
		select {
		case s := <-heard:
			return s
		case err := <-done:
			t.Fatalf("waiting for %s: the listener returned %v", what, err)
		case <-time.After(30 * time.Second):
			t.Fatalf("waiting for %s: nothing heard in 30 s", what)
		}
		return ""
	}
	if s := next("the start"); s != "" {
		t.Fatalf("first heard %q, want the start", s)
	}
	if p.kickOwned(outbox.SignerOperator) {
		t.Fatal("a sender that does not run says it holds its key")
	}
	p.kick(outbox.SignerOperator)
	if s := next("the kick"); s != outbox.SignerOperator {
		t.Fatalf("heard %q, want %q", s, outbox.SignerOperator)
	}
}
