package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
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
