package testenv

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/heerlen/heitje/chain/node"
	"github.com/heerlen/heitje/internal/devnet"
)

// wrapKillDelay is how long Wrap gives the command to exit after ctx is cancelled before killing it.
const wrapKillDelay = 10 * time.Second

// Wrap starts a throw-away cluster and node (temp folders, free ports, so several wraps can run side by
// side), runs argv with the HEITJE_TEST_* variables pointing at them and stdio passed through, stops both
// and returns argv's exit code (128+n if a signal n ended it). SIGINT and SIGTERM sent to us are passed on to
// the command; cancelling ctx sends it SIGTERM and, after 10 s, SIGKILL. root is the repository root (for
// building geth). A non-nil error means the wrap itself failed; the exit code is then 1.
func Wrap(ctx context.Context, root string, argv []string) (int, error) {
	if len(argv) == 0 {
		return 1, errors.New("testenv wrap: no command")
	}
	dir, err := makeScratch("wrap")
	if err != nil {
		return 1, fmt.Errorf("testenv wrap: %w", err)
	}
	defer os.RemoveAll(dir)
	stateDir := filepath.Join(dir, "state")
	if err := os.Mkdir(stateDir, 0o755); err != nil {
		return 1, fmt.Errorf("testenv wrap: %w", err)
	}

	began := time.Now()
	var (
		wg           sync.WaitGroup
		pg           *devnet.Postgres
		n            *node.Node
		genesisPath  string
		pgErr, nErr  error
		startCtx, cc = context.WithTimeout(ctx, startTimeout)
	)
	defer cc()
	wg.Add(1)
	go func() {
		defer wg.Done()
		pg, pgErr = startTestCluster(startCtx, dir)
	}()
	n, genesisPath, nErr = startTestNode(startCtx, root, dir)
	wg.Wait()
	defer func() {
		if n != nil {
			_ = n.Stop()
		}
		if pg != nil {
			_ = pg.Stop()
		}
	}()
	if err := errors.Join(pgErr, nErr); err != nil {
		return 1, fmt.Errorf("testenv wrap: %w", err)
	}
	fmt.Fprintf(os.Stderr, "testenv: postgres on 127.0.0.1:%d, geth on %s, started in %s (in %s)\n",
		pg.Port(), n.RPCURL(), time.Since(began).Round(time.Millisecond), dir)

	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(),
		envAdminDatabaseURL+"="+pg.AdminURL("postgres"),
		envRPCURL+"="+n.RPCURL(),
		envWSURL+"="+n.WSURL(),
		envGenesis+"="+genesisPath,
		envStateDir+"="+stateDir,
		// Development mode: the test network is the development network, with its published keys.
		"HEITJE_DEV_MODE=1",
	)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(signals)
	if err := cmd.Start(); err != nil {
		return 1, fmt.Errorf("testenv wrap: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var kill <-chan time.Time
	done := ctx.Done()
	for {
		select {
		case err := <-exited:
			return exitCode(err)
		case sig := <-signals:
			_ = cmd.Process.Signal(sig)
		case <-done:
			done = nil
			_ = cmd.Process.Signal(syscall.SIGTERM)
			kill = time.After(wrapKillDelay)
		case <-kill:
			_ = cmd.Process.Kill()
		}
	}
}

func exitCode(err error) (int, error) {
	if err == nil {
		return 0, nil
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return 1, fmt.Errorf("testenv wrap: %w", err)
	}
	if status, ok := exit.Sys().(syscall.WaitStatus); ok && status.Signaled() {
		return 128 + int(status.Signal()), nil
	}
	return exit.ExitCode(), nil
}
