// Package node runs the geth v1.13.15 process that seals the platform's Clique chain: it builds the binary
// from the pinned module in gethbuild, initialises a data directory from a genesis file, imports the signer's
// key and starts geth with every listener on 127.0.0.1.
package node

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"github.com/heerlen/heitje/internal/localproc"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// GethVersion is the geth release this package runs: the last one that seals Clique blocks.
const GethVersion = "1.13.15"

// EnsureGeth returns the absolute path of <projectRoot>/bin/geth, first building it from the module in chain/node/gethbuild when
// it is missing or does not report GethVersion. A build takes a few minutes on two cores; concurrent callers
// (parallel test binaries) wait for one build instead of each starting their own.
func EnsureGeth(ctx context.Context, projectRoot string) (string, error) {
	root, err := filepath.Abs(projectRoot)
	if err != nil {
		return "", fmt.Errorf("ensure geth: %w", err)
	}
	bin := filepath.Join(root, "bin", "geth")
	if gethVersionOK(ctx, bin) {
		return bin, nil
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", fmt.Errorf("ensure geth: %w", err)
	}
	unlock, err := localproc.LockFile(ctx, filepath.Join(filepath.Dir(bin), ".geth-build.lock"))
	if err != nil {
		return "", fmt.Errorf("ensure geth: %w", err)
	}
	defer unlock()
	if gethVersionOK(ctx, bin) { // built by whoever held the lock before us
		return bin, nil
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("ensure geth: building geth needs the go command: %w", err)
	}
	// The first `make run` or `make test` on a machine would otherwise be silent for minutes.
	started := time.Now()
	fmt.Fprintf(os.Stderr, "building geth %s into %s (once per machine; a few minutes on two cores)...\n", GethVersion, bin)
	tmp := bin + ".building"
	cmd := exec.CommandContext(ctx, gobin, "build", "-ldflags=-checklinkname=0", "-o", tmp,
		"github.com/ethereum/go-ethereum/cmd/geth")
	cmd.Dir = filepath.Join(root, "chain", "node", "gethbuild")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("ensure geth: go build in %s: %w\n%s", cmd.Dir, err, out)
	}
	if !gethVersionOK(ctx, tmp) {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("ensure geth: the build in %s does not report version %s", cmd.Dir, GethVersion)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", fmt.Errorf("ensure geth: %w", err)
	}
	fmt.Fprintf(os.Stderr, "built geth %s in %s\n", GethVersion, time.Since(started).Round(time.Second))
	return bin, nil
}

// gethVersionOK reports whether the binary at path runs and reports GethVersion.
func gethVersionOK(ctx context.Context, path string) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	out, err := exec.CommandContext(ctx, path, "version").Output()
	if err != nil {
		return false
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Version:"); ok {
			v = strings.TrimSpace(v)
			return v == GethVersion || strings.HasPrefix(v, GethVersion+"-")
		}
	}
	return false
}
