package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestEtherToWei(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"1", "1000000000000000000"}, {"0.5", "500000000000000000"}, {"0.000000000000000001", "1"},
		{"0", ""}, {"-1", ""}, {"abc", ""}, {"0.0000000000000000001", ""},
	} {
		got, err := etherToWei(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("%q: accepted as %s wei", tc.in, got)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("%q: %v %v, want %s wei", tc.in, got, err, tc.want)
		}
	}
}

func TestChainFundRefusesBadInput(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {"0x1234"}, {"nonsense", "1"}, {"0x00000000000000000000000000000000000000aa", "-2"}} {
		err := chainFund(context.Background(), args, strings.NewReader(""), io.Discard)
		if !errors.As(err, new(usageError)) {
			t.Errorf("chain fund %v: %v, want a usage error", args, err)
		}
	}
}
