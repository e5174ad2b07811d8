package testenv

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/heerlen/heitje/internal/devnet"
)

// Tool returns the path of the command binary, installing the Debian package pkg when it is missing (as
// root, one installer at a time across test processes). It never skips: a test that needs the tool fails
// when it cannot be had.
func Tool(t testing.TB, binary, pkg string) string {
	t.Helper()
	present := func() bool { _, err := exec.LookPath(binary); return err == nil }
	if err := devnet.InstallDebianPackage(context.Background(), pkg, present, os.Stderr); err != nil {
		t.Fatalf("%s is missing and installing %s failed: %v", binary, pkg, err)
	}
	p, err := exec.LookPath(binary)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
