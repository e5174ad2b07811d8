package contracts_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

// TestGeneratedFilesAreUpToDate is the "make generate leaves git diff clean" check: it compiles HeitjeCoin.sol
// and PreCheck.sol afresh with the pinned solc into a temporary folder, regenerates the abigen v2 bindings from that output with
// the go-ethereum version in go.mod (the same BindV2 that `abigen --v2` calls), and fails when the committed ABI,
// bytecode or bindings differ.
func TestGeneratedFilesAreUpToDate(t *testing.T) {
	ensureNodeModules(t)

	out := t.TempDir()
	cmd := exec.Command("node", "compile.js", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node compile.js: %v\n%s", err, msg)
	}

	for _, name := range []string{"HeitjeCoin.abi.json", "HeitjeCoin.bin", "PreCheck.abi.json", "PreCheck.bin-runtime"} {
		fresh := readFile(t, filepath.Join(out, name))
		committed := readFile(t, filepath.Join("build", name))
		if !bytes.Equal(fresh, committed) {
			t.Errorf("build/%s differs from a fresh compile of the contracts; run `make generate` (or contracts/generate.sh) and commit the result", name)
		}
	}

	abiJSON := string(readFile(t, filepath.Join(out, "HeitjeCoin.abi.json")))
	bin := string(readFile(t, filepath.Join(out, "HeitjeCoin.bin")))
	code, err := abigen.BindV2([]string{"HeitjeCoin"}, []string{abiJSON}, []string{bin}, "bindings",
		map[string]string{}, map[string]string{})
	if err != nil {
		t.Fatalf("abigen: %v", err)
	}
	if committed := readFile(t, filepath.Join("bindings", "heitjecoin.go")); code != string(committed) {
		t.Errorf("bindings/heitjecoin.go differs from freshly generated bindings; run `make generate` (or contracts/generate.sh) and commit the result")
	}
}

// ensureNodeModules runs `npm ci` when node_modules is missing or older than package-lock.json, as
// generate.sh does, so the check also works on a fresh clone.
func ensureNodeModules(t *testing.T) {
	t.Helper()
	lock, err := os.Stat("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	installed, err := os.Stat(filepath.Join("node_modules", ".package-lock.json"))
	if err == nil && !lock.ModTime().After(installed.ModTime()) {
		return
	}
	t.Log("node_modules is missing or stale; running npm ci")
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci: %v\n%s", err, strings.TrimSpace(string(msg)))
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
