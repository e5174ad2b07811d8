package testenv

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

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
