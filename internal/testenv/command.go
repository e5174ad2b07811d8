package testenv

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// builds are the commands BuildCommand built in this test process, by package.
var builds = struct {
	sync.Mutex
	m map[string]*build
}{m: map[string]*build{}}

type build struct {
	once sync.Once
	path string
	err  error
}

// BuildCommand builds the main package pkg (as the go command names it from the project root, e.g.
// "./cmd/heitje") once per test process, however many tests ask, and returns the binary's path: linking
// it takes 10 to 30 s on a busy two-core machine. Main removes the binaries when the tests end.
func BuildCommand(t testing.TB, pkg string) string {
	t.Helper()
	builds.Lock()
	b := builds.m[pkg]
	if b == nil {
		b = &build{}
		builds.m[pkg] = b
	}
	builds.Unlock()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "heitje-build-")
		if err != nil {
			b.err = err
			return
		}
		onShutdown(func() error { return os.RemoveAll(dir) })
		b.path = filepath.Join(dir, filepath.Base(pkg))
		cmd := exec.Command("go", "build", "-o", b.path, pkg)
		cmd.Dir = ProjectRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatalf("building %s: %v", pkg, b.err)
	}
	return b.path
}

// RunCommand runs the program bin with args in an empty folder of its own, with only PATH and env in its
// environment and stdin on its standard input, and returns its exit status, standard output and standard
// error. A program that could not be started fails the test.
func RunCommand(t testing.TB, bin string, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}
