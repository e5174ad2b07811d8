// Package app is the composition root: configuration → database → chain → services → HTTP server and
// background workers → graceful stop. It is the only place that knows every part.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/heerlen/heitje/api"
	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/auth"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/overview"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/reconcile"
	"github.com/heerlen/heitje/internal/recovery"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/wakeup"
	"github.com/heerlen/heitje/web"
	"github.com/heerlen/heitje/web/console"
)

// NewLogger returns the structured logger the configuration asks for.
func NewLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// Platform is a running API with its workers.
type Platform struct {
	cfg *config.Config
	log *slog.Logger
	db  *store.DB
	// work is the senders' own small pool, so a burst of requests waiting for connections never holds up
	// the signing and confirming of what those requests queued.
	work *store.DB
	// jobs is the background jobs' own pool (reconciliation, retention): three connections without parallel
	// query, so a job's scans never take the cores or the connections the API's requests need.
	jobs     *store.DB
	client   *chain.Client
	indexer  *chain.Indexer
	senders  []*chain.Sender
	accounts *accounts.Service
	audit    *audit.Service
	chores   *chores.Service
	balances *balances.Service
	payments *payments.Service
	payouts  *payouts.Service
	privacy  *privacy.Service
	// recovery runs recoveries of residents' lost keys.
	recovery *recovery.Service
	// retention is the privacy service of the retention job, on the jobs pool.
	retention *privacy.Service
	// web serves the web apps.
	web *web.Server
	// reconciler checks supply, balances and ledger against each other (periodically, for the gauges).
	reconciler *reconcile.Reconciler
	// hub carries the relayer senders' news to waiting payments and payment event streams.
	hub *wakeup.Hub
	// metricsLn is the metrics' own listener, nil for none (ServeMetrics).
	metricsLn net.Listener
	// notices serves the API's notices; noticeWorker delivers them.
	notices      *notices.Service
	noticeWorker *notices.Worker
}

// NewAccounts returns the accounts service over db with the configured keys. It needs no chain: nothing it
// does reads or writes the chain (shop activation only writes an outbox intent).
func NewAccounts(cfg *config.Config, db *store.DB) (*accounts.Service, error) {
	keys, err := cfg.Keyring()
	if err != nil {
		return nil, fmt.Errorf("config: DATA_KEY: %w", err)
	}
	lookup, err := cfg.Lookup()
	if err != nil {
		return nil, fmt.Errorf("config: LOOKUP_KEY: %w", err)
	}
	issuer, err := auth.NewIssuer(cfg.JWTSecret, auth.MaxAccessTTL, nil)
	if err != nil {
		return nil, fmt.Errorf("config: JWT_SECRET: %w", err)
	}
	return accounts.New(db.Accounts(keys, lookup), issuer, lookup, accounts.Options{Argon2: cfg.Argon2,
		HashBudgetKiB: cfg.HashBudgetKiB, MaxRegistrationsPerClient: cfg.RegistrationsPerHour, RegistrationWindow: time.Hour,
		NoticeVersions: privacy.NoticeVersions()})
}

// Open connects to the database and the chain and checks them: the schema must be current, the node must run
// the chain of the genesis file, the token contract must be deployed, none of the API's keys may hold
// the contract's admin role, and a RECOVERY_KEY must hold RECOVERY_ROLE on a coin that has recoveries.
func Open(ctx context.Context, cfg *config.Config, log *slog.Logger) (*Platform, error) {
	maxConns := cfg.DBMaxConns
	if maxConns <= 0 { // a Config built in code (tests, benchmarks): never an unbounded pool
		maxConns = config.DefaultDBMaxConns
	}
	db, err := store.Open(ctx, cfg.DatabaseURL, store.MaxConns(maxConns))
	if err != nil {
		return nil, err
	}
	if err := db.CheckMigrations(ctx); err != nil {
		db.Close()
		return nil, err
	}
	client, err := chain.Dial(ctx, cfg.EthRPCURL, cfg.ChainID, chain.WithLog(log))
	if err != nil {
		db.Close()
		return nil, err
	}
	if ok, err := chain.HasCode(ctx, client, cfg.TokenAddress); err != nil || !ok {
		db.Close()
		client.Close()
		if err == nil {
			err = fmt.Errorf("no contract at TOKEN_ADDRESS %s on this chain", cfg.TokenAddress.Hex())
		}
		return nil, err
	}
	if err := refuseAdminKey(ctx, client, cfg); err != nil {
		db.Close()
		client.Close()
		return nil, err
	}
	if err := checkRecoveryKey(ctx, client, cfg); err != nil {
		db.Close()
		client.Close()
		return nil, err
	}
	// Each sender holds one connection for its key lock and uses one more at a time.
	work, err := store.Open(ctx, cfg.DatabaseURL, store.MaxConns(2*(2+len(cfg.RelayerKeys))))
	if err != nil {
		db.Close()
		client.Close()
		return nil, err
	}
	// The retention job holds one connection for its lock and works on another; the reconciliation reads
	// its snapshot on a third.
	jobs, err := store.Open(ctx, cfg.DatabaseURL, store.MaxConns(3), store.Background("heitje-jobs"))
	if err != nil {
		work.Close()
		db.Close()
		client.Close()
		return nil, err
	}
	p, err := assemble(cfg, log, pools{db: db, work: work, jobs: jobs}, client)
	if err != nil {
		jobs.Close()
		work.Close()
		db.Close()
		client.Close()
		return nil, err
	}
	return p, nil
}

// pools are the platform's connection pools: db for the API's requests, work for the senders, jobs for the
// background jobs. Tests may pass one pool as all three.
type pools struct{ db, work, jobs *store.DB }

// assemble builds the services, senders and indexer over the open pools and node connection. Nothing here
// calls the node; the workers do once Run starts them.
func assemble(cfg *config.Config, log *slog.Logger, ps pools, client *chain.Client) (*Platform, error) {
	db, work := ps.db, ps.work
	acc, err := NewAccounts(cfg, db)
	if err != nil {
		return nil, err
	}
	p := &Platform{cfg: cfg, log: log, db: db, work: work, jobs: ps.jobs, client: client, accounts: acc, audit: audit.NewService(db.Audit()),
		balances: balances.New(db.Balances())}
	if p.chores, err = NewChores(cfg, db, log); err != nil {
		return nil, err
	}
	token := chain.NewToken(cfg.TokenAddress)
	p.senders = append(p.senders,
		chain.NewSender(outbox.SignerMinter, cfg.MinterKey, client, work.Outbox(), token, log),
		chain.NewSender(outbox.SignerOperator, cfg.OperatorKey, client, work.Outbox(), token, log))
	p.hub = wakeup.NewHub()
	for i, k := range cfg.RelayerKeys {
		s := chain.NewSender(outbox.Relayer(i), k, client, p.hub.Observe(work.Outbox()), token, log)
		// Every writer of a relayer's intents wakes its sender (kick, here or through the database), and each
		// new block wakes it: the poll is only the fallback for a notification that was lost.
		s.PollInterval = relayerPollEvery
		p.senders = append(p.senders, s)
	}
	p.assembleRecovery(token)
	if p.payments, err = NewPayments(cfg, db, p.hub, p.kick); err != nil {
		return nil, err
	}
	if err := p.assemblePayouts(); err != nil {
		return nil, err
	}
	if err := p.assemblePrivacy(); err != nil {
		return nil, err
	}
	if err := p.assembleNotices(); err != nil {
		return nil, err
	}
	for _, s := range p.senders {
		s.Confirmations = cfg.Confirmations
	}
	cons, err := console.New(console.Deps{Log: log, Accounts: p.accounts, Audit: p.audit, Chores: p.chores,
		Payments: p.payments, Payouts: p.payouts, Privacy: p.privacy, Recovery: p.recovery, Balances: p.balances,
		Notices: p.notices, TileURL: cfg.MapTilesURL, Bounds: cfg.Bounds,
		Overview: overview.New(db.Overview(), overview.Options{}), Reconciliation: p.reconciler,
		TrustedProxies: cfg.TrustedProxies})
	if err != nil {
		return nil, err
	}
	if p.web, err = web.New(web.Deps{Log: log, TileURL: cfg.MapTilesURL, Console: cons.Handler(), APIDocument: api.Document()}); err != nil {
		return nil, err
	}
	p.indexer = chain.NewIndexer(client, db.Ledger(), cfg.TokenAddress, log)
	p.indexer.StartBlock = cfg.TokenDeployBlock
	p.indexer.Confirmations = cfg.Confirmations
	return p, nil
}

// adminsEvery is how often the number of active administrators is counted (P-95: at least two).
const adminsEvery = 5 * time.Minute

// headEvery is how often the process reads the chain head to wake the senders and the indexer: a new block
// (one a second) is acted on within this time, with one cheap eth_blockNumber per interval for all of them.
const headEvery = 25 * time.Millisecond

// relayerPollEvery is how often a relayer's sender reads its queue unwoken (see assemble).
const relayerPollEvery = time.Second

// networkEvery is how often the node's peers, head age and signers are measured for the metrics.
const networkEvery = 15 * time.Second

// Close releases the database and the node connection.
func (p *Platform) Close() {
	p.client.Close()
	if p.jobs != p.db && p.jobs != p.work {
		p.jobs.Close()
	}
	if p.work != p.db {
		p.work.Close()
	}
	p.db.Close()
}

// Handler returns the HTTP API under /v1 (with /healthz and /readyz) and the web apps everywhere
// else; the metrics are not here but on their own listener (ServeMetrics). Cross-origin protection refuses every state-changing request that a browser sends from another
// site; clients that are not browsers send no such headers and pass.
func (p *Platform) Handler() http.Handler {
	apiH := api.New(api.Deps{Log: p.log, Status: &status{p: p}, Accounts: p.accounts, Audit: p.audit,
		Chores: p.chores, Balances: p.balances, Payments: p.payments, Payouts: p.payouts, Privacy: p.privacy, Recovery: p.recovery, Notices: p.notices, MaxPhotoBytes: p.cfg.MaxPhotoBytes,
		TrustedProxies: p.cfg.TrustedProxies, Limits: p.apiLimits()})
	mux := http.NewServeMux()
	for _, path := range []string{"/v1/", "/healthz", "/readyz"} {
		mux.Handle(path, apiH)
	}
	mux.Handle("/", p.web.Handler())
	return http.NewCrossOriginProtection().Handler(mux)
}

// ServeMetrics has Run serve the Prometheus metrics (GET /metrics) on ln too, a listener of their own that
// the public does not reach. Call it before Run.
func (p *Platform) ServeMetrics(ln net.Listener) { p.metricsLn = ln }

// Run serves HTTP on ln and runs the workers until ctx ends, then stops gracefully: the server first stops
// taking requests and finishes the ones in progress, then the workers stop.
func (p *Platform) Run(ctx context.Context, ln net.Listener) error {
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	errs := make(chan error, len(p.senders)+3)
	for _, s := range p.senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Run(workCtx); err != nil && workCtx.Err() == nil {
				errs <- fmt.Errorf("sender %s: %w", s.Name(), err)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.indexer.Run(workCtx)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.client.WatchHeads(workCtx, headEvery, func(uint64) {
			for _, s := range p.senders {
				s.Kick()
			}
			p.indexer.Kick()
		})
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.client.WatchNetwork(workCtx, networkEvery)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.listenIntents(workCtx)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.chores.Run(workCtx, choresEvery)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.accounts.WatchAdmins(workCtx, adminsEvery, p.log.With("component", "accounts"))
	}()
	p.runPayoutWorkers(workCtx, &wg)
	p.runPrivacyWorkers(workCtx, &wg)
	p.runNoticeWorker(workCtx, &wg, p.log)
	p.runRecoveryWorker(workCtx, &wg)
	srv := p.httpServer()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs <- err
		}
	}()
	metrics := p.metricsServer()
	if p.metricsLn != nil {
		go func() {
			if err := metrics.Serve(p.metricsLn); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errs <- fmt.Errorf("metrics: %w", err)
			}
		}()
		p.log.Info("serving metrics", "addr", p.metricsLn.Addr().String())
	}
	p.log.Info("serving", "addr", ln.Addr().String(), "chain_id", p.cfg.ChainID, "token", p.cfg.TokenAddress.Hex())
	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-errs:
	}
	p.log.Info("stopping")
	sctx, cancel := context.WithTimeout(context.Background(), p.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		p.log.Warn("HTTP shutdown incomplete", "err", err)
	}
	metrics.Close()
	stopWork()
	wg.Wait()
	return runErr
}

// Serve sets the garbage collector (TuneGC), opens the platform, listens on cfg.HTTPAddr and runs until ctx
// ends.
func Serve(ctx context.Context, cfg *config.Config, log *slog.Logger) error {
	gc := TuneGC(os.Getenv)
	p, err := Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer p.Close()
	// Logged once the platform is open, so that a configuration it refuses stays one line (cmd/heitje).
	log.Info("garbage collection", "settings", gc)
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("METRICS_ADDR %s: %w", cfg.MetricsAddr, err)
		}
		p.ServeMetrics(mln)
	} else {
		log.Info("no metrics: METRICS_ADDR is not set")
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("HTTP_ADDR %s: %w", cfg.HTTPAddr, err)
	}
	return p.Run(ctx, ln)
}

// status answers the API's readiness questions.
type status struct{ p *Platform }

func (s *status) CheckDatabase(ctx context.Context) error {
	if err := s.p.db.Ping(ctx); err != nil {
		return errors.New("database unreachable")
	}
	return s.p.db.CheckMigrations(ctx)
}

func (s *status) ChainHead(ctx context.Context) (uint64, uint64, error) {
	id, err := s.p.client.Client.ChainID(ctx)
	if err != nil {
		return 0, 0, err
	}
	n, err := s.p.client.BlockNumber(ctx)
	return id.Uint64(), n, err
}

// Network asks the node for its peers, head and signers, and records them in the metrics as well.
func (s *status) Network(ctx context.Context) (api.Network, error) {
	n, err := s.p.client.NetworkStatus(ctx)
	if err != nil {
		return api.Network{}, err
	}
	chain.RecordNetwork(n)
	out := api.Network{Peers: n.Peers, HeadAge: n.HeadAge(time.Now()), SignersUnavailable: n.SignersUnavailable}
	for _, a := range n.Signers {
		out.Signers = append(out.Signers, strings.ToLower(a.Hex()))
	}
	return out, nil
}

func (s *status) ChainID() uint64      { return s.p.cfg.ChainID }
func (s *status) TokenAddress() string { return strings.ToLower(s.p.cfg.TokenAddress.Hex()) }
func (s *status) IndexerLag() uint64   { return s.p.indexer.Lag() }
