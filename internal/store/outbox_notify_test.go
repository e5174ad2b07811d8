package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// TestListenIntentsHearsNotifyIntents: a listener says when it has started (the empty signer), then hears the
// signer that another connection notifies; when its context ends it returns that error and its connection
// leaves the pool instead of going back to it still listening.
func TestListenIntentsHearsNotifyIntents(t *testing.T) {
	t.Parallel()
	db := testdb.Open(t)
	if err := db.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := db.SQL().Stats().OpenConnections
	ctx, cancel := context.WithCancel(context.Background())
	heard := make(chan outbox.Signer, 10)
	done := make(chan error, 1)
	go func() { done <- db.ListenIntents(ctx, func(s outbox.Signer) { heard <- s }) }()
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
		t.Fatalf("first heard %q, want the start (\"\")", s)
	}
	// The listener holds the pool's idle connection, so a ping opens another.
	if err := db.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := db.SQL().Stats().OpenConnections; got != before+1 {
		t.Fatalf("%d connections open while listening, want %d", got, before+1)
	}
	for _, signer := range []outbox.Signer{outbox.Relayer(1), outbox.SignerOperator} {
		if err := db.NotifyIntents(context.Background(), signer); err != nil {
			t.Fatal(err)
		}
		if s := next(string(signer)); s != signer {
			t.Fatalf("heard %q, want %q", s, signer)
		}
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the listener returned %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the listener did not return after its context ended")
	}
	if got := db.SQL().Stats().OpenConnections; got != before {
		t.Fatalf("%d connections open after listening, want %d (the listening one closed, the ping's kept)", got, before)
	}
}
