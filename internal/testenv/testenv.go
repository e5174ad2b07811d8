// Package testenv gives integration tests a real PostgreSQL cluster and a real Clique node.
//
// Under the wrapper (Wrap, used by make test) every test binary shares the one cluster and node the wrapper
// started, found through the HEITJE_TEST_* environment variables. Without it, each test binary starts its
// own throw-away cluster and node on first use, in temp folders on free ports, and Main stops them.
//
//	func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
package testenv

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// The variables through which Wrap hands its cluster and node to the test binaries it runs.
const (
	envAdminDatabaseURL = "HEITJE_TEST_ADMIN_DATABASE_URL" // the cluster's postgres database, as superuser
	envRPCURL           = "HEITJE_TEST_ETH_RPC_URL"
	envWSURL            = "HEITJE_TEST_ETH_WS_URL"
	envGenesis          = "HEITJE_TEST_GENESIS"   // path of the node's genesis file
	envStateDir         = "HEITJE_TEST_STATE_DIR" // holds the FundedKey counter
)

var sharedVars = []string{envAdminDatabaseURL, envRPCURL, envWSURL, envGenesis, envStateDir}

// sharedEnv reads the wrapper's variables: ok is false when none is set; an error means only some are.
func sharedEnv() (vars map[string]string, ok bool, err error) {
	vars = make(map[string]string)
	var missing []string
	for _, name := range sharedVars {
		if v := os.Getenv(name); v != "" {
			vars[name] = v
		} else {
			missing = append(missing, name)
		}
	}
	switch len(missing) {
	case 0:
		return vars, true, nil
	case len(sharedVars):
		return nil, false, nil
	default:
		return nil, false, fmt.Errorf("testenv: %s set, but %s missing; set all or none",
			strings.Join(keys(vars), ", "), strings.Join(missing, ", "))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for _, name := range sharedVars {
		if _, ok := m[name]; ok {
			out = append(out, name)
		}
	}
	return out
}

// Main runs the tests and then stops the cluster and node this binary started, if any; use it in TestMain
// as os.Exit(testenv.Main(m)). An interrupt (SIGINT, SIGTERM) stops them too before the binary exits.
func Main(m *testing.M) int {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		sig, ok := <-signals
		if !ok {
			return
		}
		fmt.Fprintf(os.Stderr, "testenv: %s: stopping the test cluster and node\n", sig)
		if err := shutdown(); err != nil {
			fmt.Fprintln(os.Stderr, "testenv:", err)
		}
		os.Exit(1)
	}()
	code := m.Run()
	signal.Stop(signals)
	close(signals)
	if err := shutdown(); err != nil {
		fmt.Fprintln(os.Stderr, "testenv:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// shutdown stops what this binary started: first the node, then the cluster, then their temp folder.
var (
	stoppersMu sync.Mutex
	stoppers   []func() error
)

func onShutdown(stop func() error) {
	stoppersMu.Lock()
	defer stoppersMu.Unlock()
	stoppers = append(stoppers, stop)
}

func shutdown() error {
	stoppersMu.Lock()
	defer stoppersMu.Unlock()
	var errs []error
	for i := len(stoppers) - 1; i >= 0; i-- {
		errs = append(errs, stoppers[i]())
	}
	stoppers = nil
	return errors.Join(errs...)
}

const modulePath = "github.com/heerlen/heitje"

var projectRoot = sync.OnceValue(func() string {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		starts = append(starts, filepath.Dir(file))
	}
	for _, dir := range starts {
		for ; ; dir = filepath.Dir(dir) {
			if isModuleRoot(dir) {
				return dir
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	panic("testenv: no go.mod of module " + modulePath + " above the working directory")
})

// ProjectRoot returns the repository root: the folder whose go.mod declares module github.com/heerlen/heitje.
// It panics if there is none above the working directory or this source file.
func ProjectRoot() string { return projectRoot() }

func isModuleRoot(dir string) bool {
	f, err := os.Open(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); strings.HasPrefix(line, "module ") {
			return strings.Trim(strings.TrimSpace(strings.TrimPrefix(line, "module ")), `"`) == modulePath
		}
	}
	return false
}
