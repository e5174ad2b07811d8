package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"
)

// found is a check's differences, as heitje's reconcile returns them.
type found struct{ error }

func (found) ExitCode() int { return ExitDifferences }

// TestCode: nothing and help are 0, an error that carries its status (wrapped too) that status, anything
// else 2.
func TestCode(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{flag.ErrHelp, ExitOK},
		{errors.New("database unreachable"), ExitFailed},
		{found{errors.New("2 differences")}, ExitDifferences},
		{fmt.Errorf("reconcile: %w", found{errors.New("2 differences")}), ExitDifferences},
		{ExitStatus(3), 3},
		{fmt.Errorf("test: %w", ExitStatus(0)), 0},
	} {
		if got := Code(c.err); got != c.want {
			t.Errorf("Code(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

// TestParse: a mistake names the program and command and where the usage is; help is flag.ErrHelp.
func TestParse(t *testing.T) {
	fs := NewFlags("heitje-dev", "run", "run [--signers N]", "Runs it.")
	fs.Int("signers", 1, "how many")
	err := Parse(fs, []string{"--bogus"})
	if err == nil || Code(err) != ExitFailed || !strings.HasSuffix(err.Error(), "-bogus (heitje-dev run --help shows the usage)") {
		t.Fatalf("Parse(--bogus) = %v", err)
	}
	if err := Parse(NewFlags("heitje", "version", "version", "Prints it."), []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("Parse(-h) = %v", err)
	}
	if !IsHelp("help") || !IsHelp("--help") || IsHelp("run") {
		t.Fatal("IsHelp")
	}
	if got := OneLine(errors.New("a\nb")); got != "a; b" {
		t.Fatalf("OneLine: %q", got)
	}
}
