package devnet

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/heerlen/heitje/internal/localproc"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Database is the database StartPostgres creates and URL points at.
const Database = "heitje"

// PostgresOptions configures StartPostgres.
type PostgresOptions struct {
	DataDir    string    // the cluster's folder; created if missing
	Port       int       // 0 = a free port
	Persistent bool      // keep the data (fsync on) and the folder; else a throw-away test cluster
	Log        io.Writer // also receives the server's output, which always goes to <data dir>/server.log
	// Preload names the server's shared_preload_libraries, e.g. pg_stat_statements; empty: none.
	Preload []string
}

// Postgres is a running PostgreSQL cluster listening on 127.0.0.1 only, with the superuser postgres and a
// generated password. Its methods are safe for concurrent use.
type Postgres struct {
	proc       *localproc.Child
	dataDir    string
	port       int
	password   string
	persistent bool
	stopOnce   sync.Once
	stopErr    error
}

const (
	passwordFile = "heitje-superuser.password" // in the data dir, 0600
	serverLog    = "server.log"                // in the data dir
	pgStartWait  = time.Minute
	pgStopWait   = time.Minute
)

// StartPostgres starts a cluster in opts.DataDir, running initdb first if the folder holds none, and returns
// once it accepts connections and the database heitje exists. A persistent cluster keeps its data from one
// start to the next (the port may change); a non-persistent one runs with fsync off and its folder is
// deleted by Stop. As root it runs the server as the postgres user, installing the Debian package
// postgresql if the binaries are missing; if that user cannot reach DataDir the cluster lives in a folder
// under /var/tmp (persistent) or the temp dir instead, and DataDir reports where. The server dies with the
// calling process.
func StartPostgres(ctx context.Context, opts PostgresOptions) (*Postgres, error) {
	if opts.DataDir == "" {
		return nil, errors.New("start postgres: DataDir is required")
	}
	out := opts.Log
	if out == nil {
		out = io.Discard
	}
	binDir, err := postgresBinDir(ctx, out)
	if err != nil {
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	u, err := lookupServerUser()
	if err != nil {
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	dir, err := dataDirFor(ctx, u, opts.DataDir, opts.Persistent, logOrStderr(opts.Log))
	if err != nil {
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	password, err := initCluster(ctx, u, binDir, dir, opts.Persistent, out)
	if err != nil {
		return nil, fmt.Errorf("start postgres in %s: %w", dir, err)
	}
	const attempts = 3
	for attempt := 1; ; attempt++ {
		port := opts.Port
		if port == 0 {
			if port, err = localproc.FreePort(); err != nil {
				return nil, fmt.Errorf("start postgres: %w", err)
			}
		}
		pg, err := runServer(ctx, u, binDir, dir, port, password, opts)
		if err == nil {
			return pg, nil
		}
		if attempt < attempts && opts.Port == 0 && strings.Contains(err.Error(), "could not bind") {
			continue // the free port was taken before the server bound it
		}
		return nil, fmt.Errorf("start postgres in %s: %w", dir, err)
	}
}

// URL returns the URL of the database heitje as the superuser.
func (p *Postgres) URL() string { return p.AdminURL(Database) }

// AdminURL returns the URL of database db as the superuser postgres.
func (p *Postgres) AdminURL(db string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword("postgres", p.password),
		Host:     "127.0.0.1:" + strconv.Itoa(p.port),
		Path:     "/" + db,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Port returns the TCP port the server listens on at 127.0.0.1.
func (p *Postgres) Port() int { return p.port }

// DataDir returns the folder the cluster lives in.
func (p *Postgres) DataDir() string { return p.dataDir }

// Done is closed when the server has exited, whether through Stop or not.
func (p *Postgres) Done() <-chan struct{} { return p.proc.Done() }

// Stop shuts the server down the way pg_ctl stop -m fast does (SIGINT: roll back open transactions,
// disconnect, checkpoint), kills it after a minute, and deletes the folder of a non-persistent cluster. It
// returns an error if the server had to be killed or had exited before Stop; calling it again returns the
// first result.
func (p *Postgres) Stop() error {
	p.stopOnce.Do(func() {
		if p.proc.Exited() {
			p.stopErr = fmt.Errorf("postgres had already exited (%v); see %s", p.proc.Err(), filepath.Join(p.dataDir, serverLog))
		} else {
			p.stopErr = p.proc.Stop(syscall.SIGINT, pgStopWait)
		}
		if !p.persistent {
			p.stopErr = errors.Join(p.stopErr, os.RemoveAll(p.dataDir))
		}
	})
	return p.stopErr
}

// initCluster runs initdb if dir holds no cluster yet and returns the superuser's password.
func initCluster(ctx context.Context, u serverUser, binDir, dir string, persistent bool, out io.Writer) (string, error) {
	pwPath := filepath.Join(dir, passwordFile)
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err == nil {
		pw, err := os.ReadFile(pwPath)
		if err != nil {
			return "", fmt.Errorf("the cluster has no password file (%w); delete the folder to start afresh", err)
		}
		return strings.TrimSpace(string(pw)), nil
	}
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return "", err
	}
	password := hex.EncodeToString(secret)
	// initdb wants an empty data dir, so the password goes in through a file outside it.
	tmp, err := os.CreateTemp("", "heitje-pwfile-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(password + "\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = u.own(tmp.Name())
	}
	if err != nil {
		return "", err
	}
	args := []string{"-D", dir, "--username=postgres", "--pwfile=" + tmp.Name(), "--auth=scram-sha-256",
		"--encoding=UTF8", "--locale=C"}
	if !persistent {
		args = append(args, "--no-sync")
	}
	cmd := u.command(ctx, filepath.Join(binDir, "initdb"), args...)
	output, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("initdb: %w\n%s", err, output)
	}
	_, _ = out.Write(output)
	if err := os.WriteFile(pwPath, []byte(password+"\n"), 0o600); err != nil {
		return "", err
	}
	return password, u.own(pwPath)
}

// runServer starts the postmaster once on port and waits until it is ready.
func runServer(ctx context.Context, u serverUser, binDir, dir string, port int, password string,
	opts PostgresOptions) (*Postgres, error) {
	logPath := filepath.Join(dir, serverLog)
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	// The server user owns every file of its folder, as tools working on it as that user (pgBackRest's
	// restore) expect.
	if err := u.own(logPath); err != nil {
		logFile.Close()
		return nil, err
	}
	offset, err := logFile.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, err
	}
	// The socket path must fit in 107 bytes; without room, the server listens on TCP only.
	socketDir := dir
	if len(dir)+len("/.s.PGSQL.65535") > 107 {
		socketDir = ""
	}
	args := []string{"-D", dir,
		"-c", "listen_addresses=127.0.0.1",
		"-c", "port=" + strconv.Itoa(port),
		"-c", "unix_socket_directories=" + socketDir,
		"-c", "max_connections=300",
		"-c", "log_checkpoints=off",
	}
	if len(opts.Preload) > 0 {
		args = append(args, "-c", "shared_preload_libraries="+strings.Join(opts.Preload, ","))
	}
	if !opts.Persistent {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	cmd := u.command(context.Background(), filepath.Join(binDir, "postgres"), args...)
	var w io.Writer = logFile
	if opts.Log != nil {
		w = io.MultiWriter(logFile, opts.Log)
	}
	cmd.Stdout, cmd.Stderr = w, w
	proc, err := localproc.Start(cmd, syscall.SIGINT)
	if err != nil {
		logFile.Close()
		return nil, err
	}
	go func() { // the server holds its own descriptor, but exec's copying goroutine (for opts.Log) uses ours
		<-proc.Done()
		logFile.Close()
	}()
	pg := &Postgres{proc: proc, dataDir: dir, port: port, password: password, persistent: opts.Persistent}
	if err := pg.waitReady(ctx); err != nil {
		_ = proc.Stop(syscall.SIGINT, pgStopWait)
		return nil, fmt.Errorf("%w\nserver log (%s):\n%s", err, logPath, localproc.Tail(logPath, offset, 20))
	}
	if err := pg.createDatabase(ctx, Database); err != nil {
		_ = proc.Stop(syscall.SIGINT, pgStopWait)
		return nil, err
	}
	return pg, nil
}

func (p *Postgres) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, pgStartWait)
	defer cancel()
	var last error
	for {
		if p.proc.Exited() {
			return fmt.Errorf("postgres exited during start-up: %v", p.proc.Err())
		}
		connCtx, connCancel := context.WithTimeout(ctx, 2*time.Second)
		conn, err := pgx.Connect(connCtx, p.AdminURL("postgres"))
		connCancel()
		if err == nil {
			return conn.Close(ctx)
		}
		last = err
		select {
		case <-ctx.Done():
			return fmt.Errorf("postgres did not accept connections on port %d: %w", p.port, last)
		case <-p.proc.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// createDatabase creates db unless it exists.
func (p *Postgres) createDatabase(ctx context.Context, db string) error {
	conn, err := pgx.Connect(ctx, p.AdminURL("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", db).Scan(&exists); err != nil {
		return fmt.Errorf("look up database %s: %w", db, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{db}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database: created meanwhile
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", db, err)
	}
	return nil
}

func logOrStderr(w io.Writer) io.Writer {
	if w == nil {
		return os.Stderr
	}
	return w
}
