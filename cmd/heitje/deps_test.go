package main

import (
	"bytes"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/devchain"
	"github.com/heerlen/heitje/internal/devnet"
)

// TestLinksNoDevelopmentMaterial lists the packages bin/heitje links: neither the testing package nor the
// published development keys (internal/devnet) nor the test environment, which cmd/heitje-dev links instead.
// The addresses of those keys (internal/devchain) are in, so that serve can refuse them.
func TestLinksNoDevelopmentMaterial(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	const module = "github.com/heerlen/heitje/"
	for _, want := range []string{module + "internal/app", module + "internal/devchain", module + "cmd/heitje"} {
		if !slices.Contains(deps, want) {
			t.Fatalf("go list -deps names no %s: %q", want, deps)
		}
	}
	for _, p := range deps {
		if p == "testing" || strings.HasPrefix(p, "testing/") || p == module+"internal/devnet" ||
			p == module+"internal/testenv" || strings.HasPrefix(p, module+"internal/testenv/") {
			t.Errorf("bin/heitje links %s", p)
		}
	}
}

// TestBinaryHoldsNoDevelopmentKey reads the built command for the private keys of the development network
// (and the password of its signer's keystore): none is in it.
func TestBinaryHoldsNoDevelopmentKey(t *testing.T) {
	t.Parallel()
	bin, err := os.ReadFile(heitje(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(bin, []byte(devchain.Minter)) {
		t.Fatalf("the binary does not hold the development minter's address %s, which serve refuses: is this the right file?", devchain.Minter)
	}
	secrets := []string{devnet.DevSignerPassword, devnet.DevRecovery.Private}
	for _, k := range devnet.Keys() {
		secrets = append(secrets, k.Private)
	}
	for _, s := range secrets {
		if bytes.Contains(bin, []byte(s)) {
			t.Errorf("bin/heitje holds the development secret %.8s…", s)
		}
	}
}
