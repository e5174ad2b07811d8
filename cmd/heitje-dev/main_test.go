package main

import (
	"os"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestEveryCommandHasHelp asks heitje-dev and each of its commands for --help (and -h) in an empty folder:
// each prints its usage on standard output, nothing on standard error, and exits 0 without doing anything
// (outside the project root, a command that tried would fail). A mistake exits 2 with one line.
func TestEveryCommandHasHelp(t *testing.T) {
	t.Parallel()
	bin := testenv.BuildCommand(t, "./cmd/heitje-dev")
	for _, c := range []string{"", "run", "test", "totp"} {
		for _, help := range []string{"--help", "-h"} {
			args := strings.Fields(c + " " + help)
			code, out, errOut := testenv.RunCommand(t, bin, nil, "", args...)
			if code != 0 || errOut != "" || !strings.HasPrefix(out, "usage: heitje-dev ") || !strings.Contains(out, c) {
				t.Errorf("heitje-dev %s: exit %d, stderr %q, stdout:\n%s", strings.Join(args, " "), code, errOut, out)
			}
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "heitje-dev: a command is needed"},
		{[]string{"nosuch"}, `heitje-dev: unknown command "nosuch"`},
		{[]string{"run"}, "run this from the project root (no go.mod here)"},
		{[]string{"run", "--bogus"}, "run this from the project root"},
	} {
		code, _, errOut := testenv.RunCommand(t, bin, nil, "", c.args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if last := lines[len(lines)-1]; code != 2 || !strings.HasPrefix(last, "heitje-dev: ") || !strings.Contains(last, c.want) {
			t.Errorf("heitje-dev %s: exit %d, want 2 and %q in:\n%s", strings.Join(c.args, " "), code, c.want, errOut)
		}
	}
}
