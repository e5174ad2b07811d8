// Package config reads the platform's configuration from the environment into one typed struct, validated
// once at start-up. A missing or malformed variable is reported by name; nothing else in the code reads the
// environment.
package config

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// DefaultDBMaxConns is DB_MAX_CONNS's default: the requests' pool of one API instance.
const DefaultDBMaxConns = 20

// Config is everything the platform needs to run. Amounts are in euro cents.
type Config struct {
	// HTTPAddr is where the API listens (HTTP_ADDR, default 127.0.0.1:8080).
	HTTPAddr string
	// MetricsAddr is where the Prometheus metrics are served, on a listener of their own and never on the
	// public one (METRICS_ADDR, host:port; empty by default: no metrics).
	MetricsAddr string
	// DatabaseURL is the Postgres connection URL (DATABASE_URL, required).
	DatabaseURL string
	// EthRPCURL is the JSON-RPC endpoint of a node of the coin's chain, or several http(s) endpoints separated
	// by commas that the API fails over between (ETH_RPC_URL, required).
	EthRPCURL string
	// GenesisFile is the chain's genesis (GENESIS_FILE, default genesis.json); the API refuses a node whose
	// chain id differs from the one in this file.
	GenesisFile string
	// ChainID is read from GenesisFile by Load.
	ChainID uint64
	// GenesisSigners is how many Clique signers GenesisFile names; with more than one Load requires
	// Confirmations of 2 or more.
	GenesisSigners int
	// TokenAddress is the deployed HeitjeCoin contract (TOKEN_ADDRESS, required to serve).
	TokenAddress common.Address
	// TokenDeployBlock is where the indexer starts reading events (TOKEN_DEPLOY_BLOCK, default 0).
	TokenDeployBlock uint64
	// Confirmations is how many blocks must follow a block before the indexer and the sender treat it as final
	// (CHAIN_CONFIRMATIONS, default 0: right for one signer; Load requires 2 or more when the genesis names several
	// Clique signers).
	Confirmations uint64
	// MinterKey mints rewards (MINTER_KEY, hex). OperatorKey activates shops and redeems payouts
	// (OPERATOR_KEY, hex). RelayerKeys submit residents' signed authorizations (RELAYER_KEYS, comma-separated
	// hex). Each key has exactly one sender, which owns its nonce.
	MinterKey   *ecdsa.PrivateKey
	OperatorKey *ecdsa.PrivateKey
	RelayerKeys []*ecdsa.PrivateKey
	// RecoveryKey asks the coin for recoveries of residents' lost keys, relays their cancellations and
	// carries them out after the contract's delay (RECOVERY_KEY, hex or a keystore file like the other keys;
	// it needs RECOVERY_ROLE, see `heitje chain deploy --recovery`). Optional: without it no recovery can be
	// asked for.
	RecoveryKey *ecdsa.PrivateKey
	// KeystoreAddresses are the addresses of every key file in KEYSTORE_DIR, whether or not a variable
	// names them: start-up refuses a folder that holds the contract's admin key.
	KeystoreAddresses []common.Address
	// TreasuryAddress is the municipality's treasury address on chain (TREASURY_ADDRESS).
	TreasuryAddress common.Address
	// LogLevel is debug, info, warn or error (LOG_LEVEL, default info); LogFormat is text or json
	// (LOG_FORMAT, default text).
	LogLevel  slog.Level
	LogFormat string
	// ShutdownTimeout bounds a graceful stop (SHUTDOWN_TIMEOUT, default 10s).
	ShutdownTimeout time.Duration
	// TrustedProxies are the addresses or CIDR ranges of reverse proxies whose X-Forwarded-For the API
	// believes (TRUSTED_PROXIES, comma-separated, default none): the client address drives the login limit.
	TrustedProxies []string
	// DBMaxConns bounds the pool of database connections for requests (DB_MAX_CONNS, default
	// DefaultDBMaxConns; 0 in a Config built in code means the default too). Each
	// instance also opens two per signing key for its senders and three for its background jobs; see
	// deploy/README.md for the arithmetic with several instances.
	DBMaxConns int
	// Secrets holds the keys of data at rest and of the access tokens.
	Secrets
	// Chores holds the rules of chores, rewards and proof photos.
	Chores
	// Payments holds the rules of payment requests and refunds.
	Payments
	// Payouts holds the bank file's debtor account and the reconciliation interval.
	Payouts
	// Privacy holds the privacy contact, the analytics threshold and the retention periods.
	Privacy Privacy
	// Web configures the web apps.
	Web
	// HTTP bounds requests and event streams: read and write deadlines, stream caps.
	HTTP HTTP
	// Notices configures the e-mail of notices and the staff queues' age.
	Notices Notices
}

// Lookup returns the value of an environment variable and whether it is set; os.LookupEnv fits.
type Lookup func(name string) (string, bool)

// Need says which parts of the configuration a command requires; a migration needs only the database.
type Need int

// The parts a command can require.
const (
	NeedDatabase Need = 1 << iota
	NeedChain
	NeedKeys
	NeedSecrets
	NeedServe = NeedDatabase | NeedChain | NeedKeys | NeedSecrets
)

// Load reads and validates the configuration. Every problem is reported, each naming its variable.
func Load(lookup Lookup, need Need) (*Config, error) {
	r := reader{lookup: lookup}
	c := &Config{
		HTTPAddr:         r.str("HTTP_ADDR", "127.0.0.1:8080", false),
		MetricsAddr:      r.str("METRICS_ADDR", "", false),
		DatabaseURL:      r.str("DATABASE_URL", "", need&NeedDatabase != 0),
		EthRPCURL:        r.str("ETH_RPC_URL", "", need&NeedChain != 0),
		GenesisFile:      r.str("GENESIS_FILE", "genesis.json", false),
		TokenDeployBlock: r.uint("TOKEN_DEPLOY_BLOCK", 0),
		Confirmations:    r.uint("CHAIN_CONFIRMATIONS", 0),
		LogFormat:        r.str("LOG_FORMAT", "text", false),
		ShutdownTimeout:  r.duration("SHUTDOWN_TIMEOUT", 10*time.Second),
	}
	c.LogLevel = r.level("LOG_LEVEL")
	if c.LogFormat != "text" && c.LogFormat != "json" {
		r.fail("LOG_FORMAT", "must be text or json")
	}
	if _, _, err := net.SplitHostPort(c.HTTPAddr); err != nil {
		r.fail("HTTP_ADDR", "must be host:port")
	}
	if _, _, err := net.SplitHostPort(c.MetricsAddr); c.MetricsAddr != "" && err != nil {
		r.fail("METRICS_ADDR", "must be host:port")
	}
	if c.MetricsAddr != "" && c.MetricsAddr == c.HTTPAddr {
		r.fail("METRICS_ADDR", "must differ from HTTP_ADDR: the metrics are not for the public")
	}
	if c.DatabaseURL != "" {
		if u, err := url.Parse(c.DatabaseURL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			r.fail("DATABASE_URL", "must be a postgres:// URL")
		}
	}
	if c.EthRPCURL != "" {
		endpoints := strings.Split(c.EthRPCURL, ",")
		for _, e := range endpoints {
			u, err := url.Parse(strings.TrimSpace(e))
			if err != nil || u.Host == "" || !strings.HasPrefix(u.Scheme, "http") && !strings.HasPrefix(u.Scheme, "ws") {
				r.fail("ETH_RPC_URL", "must be an http(s):// or ws(s):// URL, or several http(s):// URLs separated by commas")
				break
			}
			if len(endpoints) > 1 && !strings.HasPrefix(u.Scheme, "http") {
				r.fail("ETH_RPC_URL", "several nodes must each be an http(s):// URL (failover works over HTTP)")
				break
			}
		}
	}
	if need&NeedChain != 0 {
		g, err := readGenesis(c.GenesisFile)
		if err != nil {
			r.fail("GENESIS_FILE", err.Error())
		}
		c.ChainID, c.GenesisSigners = g.ChainID, g.Signers
		if g.Signers > 1 && c.Confirmations < 2 {
			r.fail("CHAIN_CONFIRMATIONS", fmt.Sprintf("must be 2 or more: the genesis (GENESIS_FILE) names %d Clique signers, whose competing blocks a reorg can undo", g.Signers))
		}
		c.TokenAddress = r.address("TOKEN_ADDRESS", true)
	}
	if need&NeedKeys != 0 {
		c.MinterKey = r.key("MINTER_KEY")
		c.OperatorKey = r.key("OPERATOR_KEY")
		c.RelayerKeys = r.keys("RELAYER_KEYS")
		if r.str("RECOVERY_KEY", "", false) != "" {
			c.RecoveryKey = r.key("RECOVERY_KEY")
		}
		c.KeystoreAddresses = r.keystoreAddresses()
		c.TreasuryAddress = r.address("TREASURY_ADDRESS", true)
	}
	c.DBMaxConns = int(r.bounded("DB_MAX_CONNS", DefaultDBMaxConns, 2, 1000))
	c.TrustedProxies = r.list("TRUSTED_PROXIES")
	for _, p := range c.TrustedProxies {
		if net.ParseIP(p) == nil {
			if _, _, err := net.ParseCIDR(p); err != nil {
				r.fail("TRUSTED_PROXIES", "must be comma-separated IP addresses or CIDR ranges")
				break
			}
		}
	}
	c.Secrets = r.secrets(need&NeedSecrets != 0)
	c.Chores = r.chores()
	c.Payments = r.payments()
	c.HTTP = r.http(c.PaymentRequestTTL)
	c.Payouts = r.payouts()
	c.Web = r.web()
	c.Privacy = r.privacy()
	c.Notices = r.notices()
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	return c, nil
}

// reader collects every configuration problem instead of stopping at the first.
type reader struct {
	lookup Lookup
	errs   []error
	ks     struct {
		read, ok  bool
		dir, pass string
	}
}

func (r *reader) fail(name, msg string) {
	r.errs = append(r.errs, fmt.Errorf("config: %s %s", name, msg))
}

func (r *reader) str(name, def string, required bool) string {
	v, ok := r.lookup(name)
	v = strings.TrimSpace(v)
	if !ok || v == "" {
		if required {
			r.fail(name, "is required but not set")
		}
		return def
	}
	return v
}

func (r *reader) list(name string) []string {
	var out []string
	for _, part := range strings.Split(r.str(name, "", false), ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func (r *reader) uint(name string, def uint64) uint64 {
	v := r.str(name, "", false)
	if v == "" {
		return def
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		r.fail(name, "must be a whole number")
	}
	return n
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v := r.str(name, "", false)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		r.fail(name, "must be a positive duration such as 10s")
		return def
	}
	return d
}

func (r *reader) level(name string) slog.Level {
	var l slog.Level
	if v := r.str(name, "info", false); l.UnmarshalText([]byte(v)) != nil {
		r.fail(name, "must be debug, info, warn or error")
	}
	return l
}

func (r *reader) address(name string, required bool) common.Address {
	v := r.str(name, "", required)
	if v == "" {
		return common.Address{}
	}
	if !common.IsHexAddress(v) {
		r.fail(name, "must be a 0x-prefixed 20-byte hex address")
		return common.Address{}
	}
	return common.HexToAddress(v)
}

func (r *reader) key(name string) *ecdsa.PrivateKey {
	v := r.str(name, "", true)
	if v == "" {
		return nil
	}
	return r.serviceKey(name, "", v)
}

func (r *reader) keys(name string) []*ecdsa.PrivateKey {
	v := r.str(name, "", true)
	if v == "" {
		return nil
	}
	var out []*ecdsa.PrivateKey
	for i, part := range strings.Split(v, ",") {
		if k := r.serviceKey(name, fmt.Sprintf("entry %d", i+1), strings.TrimSpace(part)); k != nil {
			out = append(out, k)
		}
	}
	return out
}
