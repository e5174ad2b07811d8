package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
)

// deploySent is called after each transaction of a deployment is sent; tests set it to interrupt one.
var deploySent func(i int) error

// deploymentRecord is the file chain deploy writes before it sends anything: the whole deployment signed in
// advance, and once it is mined, the block the coin was created in.
type deploymentRecord struct {
	chain.DeployPlan
	Block uint64 `json:"block,omitempty"`
}

// chainDeploy deploys the coin contract with the admin key (see adminFlags) and grants the platform's keys
// their roles. It prints the TOKEN_ADDRESS and TOKEN_DEPLOY_BLOCK to configure. It first waits for the node
// to be synced, then signs every transaction and stores them in the record file before sending the first;
// run again after a failure, it sends the recorded transactions (again) instead of new ones.
func chainDeploy(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("chain deploy", "chain deploy --minter ADDR --operator ADDR --treasury ADDR [--recovery ADDR --recovery-delay 72h] [--keystore DIR --admin ADDR]",
		"Deploys the coin with the admin key and grants the platform's keys their roles; prints TOKEN_ADDRESS\n"+
			"and TOKEN_DEPLOY_BLOCK. Waits for a synced node, records every signed transaction before sending, and\n"+
			"re-sends the recorded ones when run again after a failure.")
	minter := fs.String("minter", "", "address that mints rewards (MINTER_ROLE)")
	operator := fs.String("operator", "", "address that activates shops and redeems payouts")
	treasury := fs.String("treasury", "", "the municipality's treasury address")
	recoveryKey := fs.String("recovery", "", "address of the recovery key (RECOVERY_ROLE: recovers residents' lost keys); none when left out")
	recoveryDelay := fs.Duration("recovery-delay", 72*time.Hour, "how long the lost key can cancel a recovery before the coins move")
	record := fs.String("record", "", "the deployment record file (default deployment.json next to GENESIS_FILE)")
	syncWait := fs.Duration("sync-wait", 10*time.Minute, "how long to wait for the node to be synced")
	another := fs.Bool("another", false, "deploy although the admin already created a contract (a second coin)")
	ak := adminFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	roles := chain.Roles{}
	for _, a := range []struct {
		name, v string
		dst     *common.Address
	}{{"minter", *minter, &roles.Minter}, {"operator", *operator, &roles.Operator}, {"treasury", *treasury, &roles.Treasury}} {
		if !common.IsHexAddress(a.v) {
			return usageError{fmt.Errorf("--%s must be a 0x address", a.name)}
		}
		*a.dst = common.HexToAddress(a.v)
	}
	if *recoveryKey != "" {
		if !common.IsHexAddress(*recoveryKey) {
			return usageError{errors.New("--recovery must be a 0x address")}
		}
		roles.Recovery = common.HexToAddress(*recoveryKey)
	}
	if *recoveryDelay < time.Second {
		return usageError{errors.New("--recovery-delay must be at least 1s")}
	}
	if *recoveryDelay != 72*time.Hour {
		roles.RecoveryDelay = *recoveryDelay
	}
	if *record == "" {
		lookup, err := configLookup()
		if err != nil {
			return err
		}
		g, _ := lookup("GENESIS_FILE")
		if g = strings.TrimSpace(g); g == "" {
			g = "genesis.json"
		}
		*record = filepath.Join(filepath.Dir(g), "deployment.json")
	}
	admin, err := ak.key(stdin)
	if err != nil {
		return err
	}
	c, _, err := adminChain(ctx, false)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := waitSynced(ctx, c, *syncWait); err != nil {
		return err
	}
	rec, err := readRecord(*record)
	switch {
	case err == nil:
		if rec.Admin != crypto.PubkeyToAddress(admin.PublicKey) {
			return fmt.Errorf("%s records a deployment by %s, not by this admin key", *record, rec.Admin.Hex())
		}
		if rec.Block == 0 {
			fmt.Fprintf(os.Stderr, "finishing the deployment recorded in %s (the coin at %s)\n", *record, rec.Token.Hex())
		}
	case errors.Is(err, os.ErrNotExist):
		if err := refuseEarlierCoin(ctx, c, crypto.PubkeyToAddress(admin.PublicKey), *another); err != nil {
			return err
		}
		if rec.DeployPlan, err = chain.PlanDeployment(ctx, c, admin, roles); err != nil {
			return err
		}
		if err := writeRecord(*record, rec, true); err != nil {
			return fmt.Errorf("recording the deployment before sending it: %w", err)
		}
	default:
		return err
	}
	if rec.Block != 0 {
		// Done before: the node may no longer index transactions that old, so only the coin is checked.
		ok, err := chain.HasCode(ctx, c, rec.Token)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s records the coin %s as deployed in block %d, but the node has no contract there", *record, rec.Token.Hex(), rec.Block)
		}
		fmt.Fprintf(stdout, "TOKEN_ADDRESS=%s\nTOKEN_DEPLOY_BLOCK=%d\n", rec.Token.Hex(), rec.Block)
		return nil
	}
	d, err := rec.CarryOut(ctx, c, deploySent)
	if err != nil {
		return fmt.Errorf("%w (the deployment is recorded in %s: run chain deploy again to finish it)", err, *record)
	}
	rec.Block = d.Block
	if err := writeRecord(*record, rec, false); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "TOKEN_ADDRESS=%s\nTOKEN_DEPLOY_BLOCK=%d\n", d.Address.Hex(), d.Block)
	return nil
}

// waitSynced waits up to limit for the node to say it is not syncing (geth also counts indexing its
// transactions as syncing) and to have sealed past the genesis block.
func waitSynced(ctx context.Context, c *chain.Client, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	said := ""
	for {
		why := ""
		p, err := c.SyncProgress(ctx)
		if err != nil {
			return fmt.Errorf("asking the node whether it is synced: %w", err)
		}
		if p != nil {
			why = fmt.Sprintf("the node is syncing (block %d of %d, %d blocks' transactions still to index)",
				p.CurrentBlock, p.HighestBlock, p.TxIndexRemainingBlocks)
		} else if h, err := c.HeaderByNumber(ctx, nil); err != nil {
			return err
		} else if h.Number.Sign() == 0 {
			why = "the node is at block 0 (no block sealed yet: are the signers running and peered?)"
		}
		if why == "" {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s after waiting %s; nothing was sent", why, limit)
		}
		if why != said {
			fmt.Fprintln(os.Stderr, why+"; waiting")
			said = why
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// refuseEarlierCoin refuses a new deployment when the admin already has transactions waiting in the node's
// pool, or created a contract with one of its (first 256) mined transactions, unless another is set: a
// deployment whose record was lost must not be made twice unnoticed.
func refuseEarlierCoin(ctx context.Context, c *chain.Client, admin common.Address, another bool) error {
	mined, err := c.NonceAt(ctx, admin, nil)
	if err != nil {
		return err
	}
	pending, err := c.PendingNonceAt(ctx, admin)
	if err != nil {
		return err
	}
	if pending != mined {
		return fmt.Errorf("the admin %s has %d transactions waiting in the node's pool; let them be mined first", admin.Hex(), pending-mined)
	}
	if another {
		return nil
	}
	for n := uint64(0); n < mined && n < 256; n++ {
		addr := crypto.CreateAddress(admin, n)
		if ok, err := chain.HasCode(ctx, c, addr); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("the admin %s already created the contract %s (its transaction %d) and there is no deployment record; "+
				"if that is the coin, configure it; to deploy a second one, pass --another", admin.Hex(), addr.Hex(), n)
		}
	}
	return nil
}

func readRecord(path string) (deploymentRecord, error) {
	var r deploymentRecord
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil || len(r.Txs) == 0 {
		return r, fmt.Errorf("%s is not a deployment record", path)
	}
	return r, nil
}

// writeRecord writes r to path durably (written aside, synced, renamed); with fresh it fails if path exists.
func writeRecord(path string, r deploymentRecord, fresh bool) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if fresh {
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s already exists", path)
		}
	}
	tmp := path + ".new"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
