package chain

import (
	"context"
	"errors"
	"testing"
)

// TestDialCliqueTakesLocalEndpointsOnly: the clique API answers anyone who reaches it, so DialClique refuses
// every endpoint that is not on this machine before it dials.
func TestDialCliqueTakesLocalEndpointsOnly(t *testing.T) {
	for endpoint, local := range map[string]bool{
		"http://127.0.0.1:8545":           true,
		"ws://[::1]:8546":                 true,
		"http://localhost:8545":           true,
		"/var/lib/heitje-signer/geth.ipc": true,
		"http://10.0.0.1:8545":            false,
		"https://signer.example.nl":       false,
		"http://127.0.0.1.example.nl:80":  false,
		"ftp://127.0.0.1/":                false,
		"/var/lib/heitje-signer/geth":     false,
	} {
		if got := localEndpoint(endpoint); got != local {
			t.Errorf("%s: local %v, want %v", endpoint, got, local)
		}
		if !local {
			if _, err := DialClique(context.Background(), endpoint); !errors.Is(err, ErrNotLocal) {
				t.Errorf("%s: %v, want ErrNotLocal", endpoint, err)
			}
		}
	}
}
