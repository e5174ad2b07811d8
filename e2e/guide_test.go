package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/chain/node"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/localproc"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestProductionGuide follows deploy/README.md on this machine as an operator would, taking every command and
// flag from the guide and the units and example files it installs (so that neither can drift from what
// works): each signer makes its key with `geth account new`; `heitje chain genesis --nodes` (the guide's
// command, with this machine's addresses) writes the genesis, the keystores, the node keys and the static peer
// list; three signers and two RPC nodes are initialised and run with the flags of heitje-geth-signer.service
// and heitje-geth-rpc.service, the first signer alone until it has sealed block 1; `heitje chain deploy`
// deploys the coin from the admin keystore; Postgres gets the two roles from the guide's SQL; with the
// environments of heitje.env.example and owner.env.example as the units combine them, heitje-migrate.service
// migrates as the schema owner, `heitje admin create` makes the first administrator, and heitje-api.service's
// `heitje serve` runs as the API's role, its keys opened from the keystore with the passphrase handed over as
// a credential, and ETH_RPC_URL naming both RPC nodes. A chore's reward is minted; then the first RPC node is
// killed (SIGKILL) and the API keeps serving: /readyz answers 200 and not degraded, a second reward is minted,
// a payment confirmed, `heitje reconcile` finds the ledger equal to the chain, and heitje-retention.service's
// run as the owner succeeds.
//
// What only one machine needs, the test adds: every node its own P2P, HTTP and engine API (--authrpc.port)
// port, and `geth account new` a password file instead of the terminal.
func TestProductionGuide(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	guide := readGuide(t)
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	geth, err := node.EnsureGeth(ctx, testenv.ProjectRoot())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	network := filepath.Join(dir, "network")
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	signerPass := write("signer.pass", "signer passphrase "+randomText(t))
	apiPass, adminPass := "api keystore "+randomText(t), "admin keystore "+randomText(t)
	// What systemd hands over as credentials (LoadCredential=) are in the folder credentials (%d in a unit).
	credentials := filepath.Join(dir, "credentials")
	if err := os.Mkdir(credentials, 0o700); err != nil {
		t.Fatal(err)
	}
	write("credentials/keystore-passphrase", apiPass)

	// Section 1, step 2: the key ceremony, with the network's nodes on this machine.
	genesisCmd := guideShell(t, guide, "chain genesis")
	nodes := guideNodes(t, flagValue(t, genesisCmd, "--nodes"), dir)
	signers := strings.Split(flagValue(t, genesisCmd, "--signers"), ",")
	if len(signers) != 3 || len(nodes) != len(signers)+2 {
		t.Fatalf("the guide's chain genesis names %d signers and %d nodes, want 3 signers and 2 RPC nodes", len(signers), len(nodes))
	}
	// Step 1: every signer makes its key on its own machine and sends the address.
	m := regexp.MustCompile("`runuser -u geth -- (geth --datadir /var/lib/heitje-geth account new)`").FindStringSubmatch(guide)
	if m == nil {
		t.Fatal("deploy/README.md no longer says how a signer makes its key (runuser -u geth -- geth … account new)")
	}
	accountNew := afterBinary(t, strings.Fields(m[1]), "geth")
	var addrs []string
	for i := range signers {
		n := &nodes[i]
		out := runOut(t, "", nil, geth, append(n.onMachine(t, accountNew, nil), "--password", signerPass)...)
		n.signer = common.HexToAddress(regexp.MustCompile(`0x[0-9a-fA-F]{40}`).FindString(out))
		addrs = append(addrs, n.signer.Hex())
	}
	args := replaceFlags(t, genesisCmd, map[string]string{"--signers": strings.Join(addrs, ","),
		"--nodes": joinNodes(nodes), "--out": network})
	runOut(t, apiPass+"\n"+adminPass+"\n", nil, bin, heitjeArgs(t, args)...)
	var keys map[string]string
	readJSON(t, filepath.Join(network, "addresses.json"), &keys)

	// Step 3: every node initialised from the genesis, its node key installed and run as its unit runs it.
	genesisPath := filepath.Join(network, "genesis.json")
	gen, err := os.ReadFile(genesisPath)
	if err != nil {
		t.Fatal(err)
	}
	var chainID struct{ Config struct{ ChainID uint64 } }
	if err := json.Unmarshal(gen, &chainID); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"/etc/heitje/genesis.json": genesisPath,
		"/etc/heitje/static-nodes.toml": filepath.Join(network, "static-nodes.toml"), "%d/signer.pass": signerPass,
		"${NETWORK_ID}": strconv.FormatUint(chainID.Config.ChainID, 10), "${RPC_ADDR}": "127.0.0.1"}
	signerInit := afterBinary(t, guideShell(t, guide, "/var/lib/heitje-geth init"), "geth")
	rpcInit := afterBinary(t, guideShell(t, guide, "/var/lib/heitje-geth-rpc init"), "geth")
	signerUnit, rpcUnit := unitExec(t, "heitje-geth-signer.service", "geth"), unitExec(t, "heitje-geth-rpc.service", "geth")
	for i := range nodes {
		n := &nodes[i]
		init, unit := rpcInit, rpcUnit
		if n.isSigner() {
			init, unit = signerInit, signerUnit
		}
		runOut(t, "", nil, geth, n.onMachine(t, init, vars)...)
		key, err := os.ReadFile(filepath.Join(network, "nodes", n.name, "nodekey"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(n.dir, "geth", "nodekey"), key, 0o600); err != nil {
			t.Fatal(err)
		}
		n.args = n.onMachine(t, unit, vars)
	}
	// The first signer seals block 1 alone; the other nodes start once the guide's geth attach shows it.
	nodes[0].start(t, geth)
	m = regexp.MustCompile("`runuser -u geth -- (geth attach --exec eth.blockNumber /var/lib/heitje-geth/geth.ipc)`").FindStringSubmatch(guide)
	if m == nil {
		t.Fatal("deploy/README.md no longer says how to see that the first signer sealed block 1 (geth attach --exec eth.blockNumber)")
	}
	attach := nodes[0].onMachine(t, afterBinary(t, strings.Fields(m[1]), "geth"), nil)
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(200 * time.Millisecond) {
		out, err := exec.Command(geth, attach...).CombinedOutput()
		if err == nil && strings.TrimSpace(string(out)) == "1" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("geth attach on the first signer: %v, %s; the end of its log:\n%s", err, out,
				localproc.Tail(filepath.Join(nodes[0].dir, "geth.log"), 0, 20))
		}
	}
	for i := 1; i < len(nodes); i++ {
		nodes[i].start(t, geth)
	}
	rpcA, rpcB := &nodes[len(signers)], &nodes[len(signers)+1]
	from := rpcA.waitHead(t, ctx, 1)
	rpcB.waitHead(t, ctx, from+3) // sealed by the signers in turn, as the RPC nodes see it
	out := runOut(t, "", nil, bin, "chain", "signers", "--rpc", nodes[0].ipc())
	for _, a := range addrs {
		if !strings.Contains(strings.ToLower(out), strings.ToLower(a)) {
			t.Fatalf("chain signers does not list signer %s:\n%s", a, out)
		}
	}

	// Step 4: the coin, deployed from the admin keystore through a node of the network.
	deployCmd := guideShell(t, guide, "chain deploy")
	deployEnv, deployArgs := envPrefix(deployCmd)
	deployEnv = replaceEnv(t, deployEnv, map[string]string{"ETH_RPC_URL": rpcA.rpcURL(), "GENESIS_FILE": genesisPath})
	deployArgs = replaceFlags(t, deployArgs, map[string]string{"--keystore": filepath.Join(network, "admin-keystore"),
		"--admin": keys["admin"], "--minter": keys["minter"], "--operator": keys["operator"], "--treasury": keys["treasury"]})
	deployed := outputVars(runOut(t, adminPass+"\n", deployEnv, bin, heitjeArgs(t, deployArgs)...))
	if deployed["TOKEN_ADDRESS"] == "" || deployed["TOKEN_DEPLOY_BLOCK"] == "" {
		t.Fatalf("chain deploy printed %v, want TOKEN_ADDRESS and TOKEN_DEPLOY_BLOCK", deployed)
	}

	// Section 2: the database with its two roles.
	ownerURL, apiURL := guideDatabase(t, guide)

	// Section 3: the API's settings as heitje.env.example lists them, its keys by address from the keystore,
	// the owner's as owner.env.example, each unit's environment as the unit gives it.
	dataKey := strings.TrimSpace(runOut(t, "", nil, bin, "keys", "generate", "--id", "k1"))
	metricsPort := quietPort(t, map[int]bool{rpcA.http: true, rpcB.http: true})
	var relayers []string
	for i := 0; keys[fmt.Sprintf("relayer-%d", i)] != ""; i++ {
		relayers = append(relayers, keys[fmt.Sprintf("relayer-%d", i)])
	}
	files := map[string]map[string]string{
		"/etc/heitje/heitje.env": exampleEnv(t, "heitje.env.example", map[string]string{
			"DATABASE_URL": apiURL, "ETH_RPC_URL": rpcA.rpcURL() + "," + rpcB.rpcURL(), "GENESIS_FILE": genesisPath,
			"TOKEN_ADDRESS": deployed["TOKEN_ADDRESS"], "TOKEN_DEPLOY_BLOCK": deployed["TOKEN_DEPLOY_BLOCK"],
			"KEYSTORE_DIR": filepath.Join(network, "keystore"), "MINTER_KEY": keys["minter"], "OPERATOR_KEY": keys["operator"],
			"RELAYER_KEYS": strings.Join(relayers, ","), "TREASURY_ADDRESS": keys["treasury"],
			"JWT_SECRET": randomText(t), "DATA_KEY": dataKey, "LOOKUP_KEY": randomText(t),
			"HTTP_ADDR": "127.0.0.1:0", "METRICS_ADDR": "127.0.0.1:" + strconv.Itoa(metricsPort),
			"PHOTO_DIR": filepath.Join(dir, "photos"),
		}),
		"/etc/heitje/owner.env": exampleEnv(t, "owner.env.example", map[string]string{"DATABASE_URL": ownerURL}),
	}
	// heitje-migrate.service, which every start of heitje-api.service runs first, as the schema owner; then the
	// guide's second SQL block, once, as the owner.
	runOut(t, "", environ(unitEnv(t, "heitje-migrate.service", files, credentials)), bin,
		unitExec(t, "heitje-migrate.service", "heitje")...)
	execSQL(t, ownerURL, roleNames(guideSQL(t)[1], ownerURL, apiURL))
	env := unitEnv(t, "heitje-api.service", files, credentials)
	if env["DATABASE_URL"] != apiURL {
		t.Fatal("heitje-api.service does not serve as the API's role")
	}
	runOut(t, password+"\n", environ(env), bin, "admin", "create", "--username", "beheerder")
	_, base := startServe(t, bin, environ(env))
	if args := unitExec(t, "heitje-api.service", "heitje"); !slices.Equal(args, []string{"serve"}) {
		t.Fatalf("heitje-api.service runs heitje %q; the test runs heitje serve", args)
	}

	// The test's own view: the same configuration, in process, for setting up people and chores.
	cfg, err := config.Load(func(name string) (string, bool) { v, ok := env[name]; return v, ok }, config.NeedServe)
	if err != nil {
		t.Fatal(err)
	}
	p := guidePlatform(t, ctx, cfg, base)
	reviewer := p.reviewer("beoordelaar")
	rs := p.residents(2)
	p.reward(rs[:1], 500, reviewer)
	if got := p.balanceOf(rs[0].addr); got.Cmp(big.NewInt(500)) != 0 {
		t.Fatalf("the first reward: %s cents on chain, want 500", got)
	}
	p.expectReady()

	// One RPC node of two is killed: the API keeps serving through the other.
	if err := syscall.Kill(rpcA.proc.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-rpcA.proc.Done()
	p.expectReady()
	p.reward(rs[1:], 700, reviewer)
	s := p.newShop("bakker", true)
	p.pay(s, rs[1], p.logins(rs[1:])[0], 200)
	p.waitIndexed()
	if got := p.ledgerBalance(rs[1].addr); got != 500 {
		t.Fatalf("the second resident's balance after the failover %d, want 500", got)
	}
	p.expectReady()
	reconcile := exec.Command(bin, "reconcile")
	reconcile.Env, reconcile.Dir = environ(env), dir
	if out, err := reconcile.CombinedOutput(); err != nil || !strings.Contains(string(out), "OK: every equality holds") {
		t.Fatalf("heitje reconcile: %v\n%s", err, out)
	}
	// The daily retention run, as heitje-retention.service runs it (the API runs none: RETENTION_EVERY=0).
	if env["RETENTION_EVERY"] != "0" {
		t.Fatalf("heitje.env.example has RETENTION_EVERY=%s, want 0: retention runs as the schema owner", env["RETENTION_EVERY"])
	}
	runOut(t, "", environ(unitEnv(t, "heitje-retention.service", files, credentials)), bin,
		unitExec(t, "heitje-retention.service", "heitje")...)
}

// guidePlatform is the test's platform on the guide's deployment: the API's configuration cfg, the database
// as the API's role, the chain through both RPC nodes, and the administrator `heitje admin create` made, with
// a second factor enrolled; the API serves at base.
func guidePlatform(t *testing.T, ctx context.Context, cfg *config.Config, base string) *platform {
	t.Helper()
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	client, err := chain.Dial(ctx, cfg.EthRPCURL, cfg.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	p := &platform{tb: t, ctx: ctx, cfg: cfg, db: db, client: client, base: base,
		deploy: chain.Deployment{Address: cfg.TokenAddress, Block: cfg.TokenDeployBlock}}
	if p.acc, err = app.NewAccounts(cfg, db); err != nil {
		t.Fatal(err)
	}
	if p.chores, err = app.NewChores(cfg, db, logger()); err != nil {
		t.Fatal(err)
	}
	var id string
	if err := db.SQL().QueryRowContext(ctx, `SELECT id FROM accounts WHERE username = 'beheerder'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	p.admin = accounts.Actor{Principal: accounts.Principal{AccountID: id, Username: "beheerder", Role: accounts.RoleStaff,
		Privileges: accounts.AllPrivileges()}, RequestID: "e2e-guide"}
	p.acknowledge(id)
	p.enrol(id, "beheerder")
	return p
}

// expectReady fails the test unless GET /readyz answers 200, not degraded (the chain, the indexer and the
// keys working), within a minute.
func (p *platform) expectReady() {
	p.tb.Helper()
	p.waitFor("a ready API, not degraded", time.Minute, func() bool {
		code, body := p.call("GET", "/readyz", "", nil)
		return code == http.StatusOK && body["degraded"] == false
	})
}
