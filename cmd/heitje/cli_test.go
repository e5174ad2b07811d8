package main

import (
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestEveryCommandHasHelp asks every command and subcommand for --help (and -h) in an empty folder with an
// empty environment: each prints its usage on standard output, nothing on standard error, and exits 0
// without doing anything (no configuration is read, so a command that tried would fail for lack of it).
func TestEveryCommandHasHelp(t *testing.T) {
	t.Parallel()
	bin := heitje(t)
	commands := [][]string{
		{}, {"serve"}, {"version"}, {"reconcile"},
		{"migrate"}, {"migrate", "up"}, {"migrate", "down"}, {"migrate", "status"},
		{"chain"}, {"chain", "genesis"}, {"chain", "deploy"}, {"chain", "grant"}, {"chain", "revoke"}, {"chain", "pause"},
		{"chain", "unpause"}, {"chain", "fund"}, {"chain", "signers"}, {"chain", "propose"},
		{"admin"}, {"admin", "create"}, {"audit"}, {"audit", "verify"},
		{"keys"}, {"keys", "generate"}, {"keys", "rotate-kek"},
		{"payout"}, {"payout", "list"}, {"payout", "show"}, {"payout", "create"}, {"payout", "execute"},
		{"payout", "cancel"}, {"payout", "report"}, {"payout", "sepa"}, {"payout", "paid"},
		{"retention"}, {"retention", "run"}, {"privacy"}, {"privacy", "register"},
	}
	for _, c := range commands {
		for _, help := range []string{"--help", "-h"} {
			args := append(append([]string{}, c...), help)
			code, out, errOut := testenv.RunCommand(t, bin, nil, "", args...)
			name := strings.Join(args, " ")
			if code != 0 || errOut != "" {
				t.Errorf("heitje %s: exit %d, stderr %q", name, code, errOut)
				continue
			}
			if !strings.HasPrefix(out, "usage: heitje ") || (len(c) > 0 && !strings.Contains(out, c[len(c)-1])) {
				t.Errorf("heitje %s printed no usage of its own:\n%s", name, out)
			}
		}
	}
	if code, out, _ := testenv.RunCommand(t, bin, nil, "", "help", "reconcile"); code != 0 || !strings.Contains(out, "--json") {
		t.Errorf("heitje help reconcile: exit %d\n%s", code, out)
	}
}

// TestExitStatuses: 0 done, 2 could not run (a mistake in the command line, missing configuration, an
// unreachable database); 1, differences found, is asserted where reconcile and audit verify find them
// (e2e/TestReconcileNamesTamperedRows, TestOperatorCommands).
func TestExitStatuses(t *testing.T) {
	t.Parallel()
	bin := heitje(t)
	code, out, errOut := testenv.RunCommand(t, bin, nil, "", "version")
	if code != 0 || !strings.HasPrefix(out, "heitje ") || !strings.Contains(out, "built with go") || errOut != "" {
		t.Fatalf("heitje version: exit %d %q %q", code, out, errOut)
	}
	unreachable := map[string]string{"DATABASE_URL": "postgres://heitje:x@127.0.0.1:1/heitje", "GENESIS_FILE": "genesis.json",
		"ETH_RPC_URL": "http://127.0.0.1:1"}
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, "a command is needed"},
		{nil, []string{"nosuch"}, `unknown command "nosuch"`},
		{nil, []string{"reconcile", "--bogus"}, "flag provided but not defined: -bogus (heitje reconcile --help shows the usage)"},
		{nil, []string{"migrate", "up", "extra"}, "usage: heitje migrate up"},
		{nil, []string{"migrate", "up"}, "DATABASE_URL is required"},
		{unreachable, []string{"reconcile"}, "TOKEN_ADDRESS is required"},
		{unreachable, []string{"audit", "verify"}, "database unreachable"},
	} {
		code, _, errOut := testenv.RunCommand(t, bin, c.env, "", c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("heitje %s: exit %d, want 2 and %q in:\n%s", strings.Join(c.args, " "), code, c.want, errOut)
		}
	}
}
