package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// TestServeChecksTheRecoveryKey: the platform does not start with a RECOVERY_KEY that lacks RECOVERY_ROLE,
// and says so; with the role it starts; a coin without the recovery functions is refused by name.
func TestServeChecksTheRecoveryKey(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.Chain(t)
	client, err := chain.Dial(ctx, env.RPCURL, env.ChainID.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	minter, operator, recoverer, stranger := env.FundedKey(t), env.FundedKey(t), env.FundedKey(t), env.FundedKey(t)
	dep, err := chain.DeployToken(ctx, client, env.FundedKey(t), chain.Roles{
		Minter: crypto.PubkeyToAddress(minter.PublicKey), Operator: crypto.PubkeyToAddress(operator.PublicKey),
		Treasury: common.HexToAddress("0x00000000000000000000000000000000000000aa"), Recovery: crypto.PubkeyToAddress(recoverer.PublicKey),
	})
	if err != nil {
		t.Fatal(err)
	}
	dbURL := testdb.URL(t)
	cfg := &config.Config{DatabaseURL: dbURL, EthRPCURL: env.RPCURL, ChainID: env.ChainID.Uint64(), TokenAddress: dep.Address,
		TokenDeployBlock: dep.Block, MinterKey: minter, OperatorKey: operator, RecoveryKey: stranger,
		ShutdownTimeout: 5 * time.Second, Secrets: testSecrets(t), Web: config.Web{PublicBaseURL: config.DefaultPublicBaseURL}}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if p, err := Open(ctx, cfg, log); err == nil || !strings.Contains(err.Error(), "does not hold the coin's RECOVERY_ROLE") ||
		!strings.Contains(err.Error(), crypto.PubkeyToAddress(stranger.PublicKey).Hex()) {
		if p != nil {
			p.Close()
		}
		t.Fatalf("a recovery key without the role: %v", err)
	}
	cfg.RecoveryKey = recoverer
	p, err := Open(ctx, cfg, log)
	if err != nil {
		t.Fatalf("a recovery key with the role: %v", err)
	}
	p.Close()

	code, err := client.CodeAt(ctx, dep.Address, nil)
	if err != nil {
		t.Fatal(err)
	}
	if missing := missingRecoveryFunctions(code); len(missing) != 0 {
		t.Fatalf("the current coin lacks %v", missing)
	}
	// The same code with executeRecovery's selector gone, as a coin built before recoveries lacks it.
	sel := bindings.NewHeitjeCoin().PackExecuteRecovery([32]byte{})[:4]
	old := bytes.ReplaceAll(code, append([]byte{0x63}, sel...), []byte{0x63, 0, 0, 0, 0})
	if missing := missingRecoveryFunctions(old); len(missing) != 1 || missing[0] != "executeRecovery" {
		t.Fatalf("a coin without executeRecovery: missing %v", missing)
	}
}
