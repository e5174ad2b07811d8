package devnet

import (
	"bytes"
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/heerlen/heitje/chain/genesis"
)

func TestUpKeepsDataAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(scratchDir(t), "run")
	var out bytes.Buffer
	began := time.Now()
	env, err := Up(ctx, Options{ProjectRoot: root, StateDir: state, Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cold Up in %s:\n%s", time.Since(began).Round(time.Millisecond), out.String())
	t.Cleanup(func() { _ = env.Stop() })
	if !strings.Contains(out.String(), env.RPCURL) || !strings.Contains(out.String(), env.DatabaseURL) {
		t.Fatalf("Up did not report its endpoints: %q", out.String())
	}
	if env.ChainID.Int64() != ChainID || env.Postgres.DataDir() != filepath.Join(state, "postgres") ||
		env.Node.DataDir() != filepath.Join(state, "chain") {
		t.Fatalf("chain %s, postgres in %s, node in %s", env.ChainID, env.Postgres.DataDir(), env.Node.DataDir())
	}

	conn := connect(t, env.DatabaseURL)
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives')"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	receipt := transfer(t, env.RPCURL)
	if err := env.Stop(); err != nil {
		t.Fatal(err)
	}

	began = time.Now()
	env2, err := Up(ctx, Options{ProjectRoot: root, StateDir: state, Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("warm Up in %s", time.Since(began).Round(time.Millisecond))
	t.Cleanup(func() { _ = env2.Stop() })
	var note string
	if err := connect(t, env2.DatabaseURL).QueryRow(ctx, "SELECT note FROM kept").Scan(&note); err != nil || note != "survives" {
		t.Fatalf("row after restart: %q, %v", note, err)
	}
	c, err := ethclient.Dial(env2.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	block, err := c.BlockByNumber(ctx, receipt.BlockNumber)
	if err != nil || block.Hash() != receipt.BlockHash {
		t.Fatalf("block %s after restart: %v", receipt.BlockNumber, err)
	}

	// Pointed at the running database and node, Up starts nothing of its own.
	elsewhere := filepath.Join(scratchDir(t), "elsewhere")
	env3, err := Up(ctx, Options{ProjectRoot: root, StateDir: elsewhere, Out: &out,
		DatabaseURL: env2.DatabaseURL, RPCURL: env2.RPCURL, GenesisPath: filepath.Join(root, "genesis.json")})
	if err != nil {
		t.Fatal(err)
	}
	if env3.Postgres != nil || env3.Node != nil || env3.ChainID.Int64() != ChainID ||
		env3.DatabaseURL != env2.DatabaseURL || env3.RPCURL != env2.RPCURL {
		t.Fatalf("Up pointed elsewhere gave %+v", env3)
	}
	if err := env3.Stop(); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(elsewhere, "other-genesis.json")
	spec := GenesisSpec()
	spec.ChainID = big.NewInt(ChainID + 1)
	data, err := genesis.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Up(ctx, Options{ProjectRoot: root, StateDir: elsewhere, Out: &out,
		DatabaseURL: env2.DatabaseURL, RPCURL: env2.RPCURL, GenesisPath: other}); err == nil {
		t.Fatal("Up accepted a node that runs another chain than the genesis says")
	}
}

// transfer sends 1 wei from the admin key and waits for the receipt.
func transfer(t testing.TB, rpcURL string) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	key := DevAdmin.ECDSA()
	nonce, err := c.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress(DevTreasury.Address)
	tx, err := types.SignNewTx(key, types.NewLondonSigner(big.NewInt(ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(ChainID), Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(10e9),
		Gas: 21_000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	for {
		receipt, err := c.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			return receipt
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no receipt: %v", err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}
