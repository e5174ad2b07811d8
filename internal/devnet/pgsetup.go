package devnet

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/heerlen/heitje/internal/localproc"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// postgresBinDir finds the directory holding initdb and postgres: the newest /usr/lib/postgresql/*/bin,
// then pg_config --bindir, then $PATH. When none has them and we are root, it installs the Debian package
// postgresql first (one installer at a time across processes).
func postgresBinDir(ctx context.Context, log io.Writer) (string, error) {
	if dir := findBinDir(ctx); dir != "" {
		return dir, nil
	}
	if os.Geteuid() != 0 {
		return "", errors.New("PostgreSQL server binaries (initdb, postgres) not found; install the postgresql package")
	}
	if err := InstallDebianPackage(ctx, "postgresql", func() bool { return findBinDir(ctx) != "" }, log); err != nil {
		return "", err
	}
	if dir := findBinDir(ctx); dir != "" {
		return dir, nil
	}
	return "", errors.New("installed postgresql, but still found no initdb")
}

// InstallDebianPackage installs a Debian package with apt-get unless present reports that what it provides
// is already there. Installers in other processes wait for each other (a file lock), and present is asked
// again once the lock is held, so a package is installed once however many tests need it at the same time.
func InstallDebianPackage(ctx context.Context, pkg string, present func() bool, log io.Writer) error {
	if present() {
		return nil
	}
	unlock, err := localproc.LockFile(ctx, filepath.Join(os.TempDir(), "heitje-apt-install.lock"))
	if err != nil {
		return err
	}
	defer unlock()
	if present() {
		return nil
	}
	fmt.Fprintf(log, "devnet: installing the Debian package %s\n", pkg)
	for _, args := range [][]string{
		{"update"},
		{"install", "-y", "-o", "DPkg::Lock::Timeout=300", pkg},
	} {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get %s: %w", strings.Join(args, " "), err)
		}
	}
	if !present() {
		return fmt.Errorf("installed %s, but what it provides is still missing", pkg)
	}
	return nil
}

func findBinDir(ctx context.Context) string {
	hasServer := func(dir string) bool {
		for _, name := range []string{"initdb", "postgres"} {
			if info, err := os.Stat(filepath.Join(dir, name)); err != nil || info.IsDir() {
				return false
			}
		}
		return true
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(dir string) float64 {
		v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
		return v
	}
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	if out, err := exec.CommandContext(ctx, "pg_config", "--bindir").Output(); err == nil {
		dirs = append(dirs, strings.TrimSpace(string(out)))
	}
	if path, err := exec.LookPath("initdb"); err == nil {
		dirs = append(dirs, filepath.Dir(path))
	}
	for _, dir := range dirs {
		if hasServer(dir) {
			return dir
		}
	}
	return ""
}

// serverUser is the account the server runs as: the postgres user when we are root (Postgres refuses to
// run as root), else ourselves (cred nil).
type serverUser struct {
	cred *syscall.Credential
}

func lookupServerUser() (serverUser, error) {
	if os.Geteuid() != 0 {
		return serverUser{}, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return serverUser{}, fmt.Errorf("running as root needs a postgres user to run the server as: %w", err)
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	cred := &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	if ids, err := u.GroupIds(); err == nil {
		for _, id := range ids {
			if g, err := strconv.ParseUint(id, 10, 32); err == nil {
				cred.Groups = append(cred.Groups, uint32(g))
			}
		}
	}
	return serverUser{cred: cred}, nil
}

// ServerCommand returns a command that runs as the user StartPostgres runs the server as (the postgres user
// when we are root, else ourselves), in /: for a tool that must read or write a cluster's folder, such as
// pgBackRest. It fails as root when there is no postgres user.
func ServerCommand(ctx context.Context, name string, args ...string) (*exec.Cmd, error) {
	u, err := lookupServerUser()
	if err != nil {
		return nil, err
	}
	return u.command(ctx, name, args...), nil
}

// command returns cmd set up to run as the server user, in /, which every user can enter.
func (u serverUser) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = "/"
	if u.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: u.cred}
	}
	return cmd
}

// own hands path to the server user.
func (u serverUser) own(path string) error {
	if u.cred == nil {
		return nil
	}
	return os.Chown(path, int(u.cred.Uid), int(u.cred.Gid))
}

// canUse reports whether the server user can reach, read and write dir.
func (u serverUser) canUse(ctx context.Context, dir string) bool {
	if u.cred == nil {
		return true
	}
	return u.command(ctx, "test", "-r", dir, "-a", "-w", dir, "-a", "-x", dir).Run() == nil
}

// dataDirFor returns the directory the cluster for dir lives in, created and owned by the server user:
// dir itself, or, when the server user cannot reach it (a folder under /root, say), a folder under /var/tmp
// (persistent) or the temp dir keyed by a hash of dir, so the same dir always maps to the same cluster.
func dataDirFor(ctx context.Context, u serverUser, dir string, persistent bool, log io.Writer) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", err
	}
	created := false
	if err := os.Mkdir(abs, 0o700); err == nil {
		created = true
	} else if !errors.Is(err, os.ErrExist) {
		return "", err
	}
	if err := u.own(abs); err != nil {
		return "", err
	}
	if u.canUse(ctx, abs) {
		return abs, nil
	}
	if created {
		_ = os.Remove(abs)
	}
	base := os.TempDir()
	if persistent {
		base = "/var/tmp"
	}
	sum := sha256.Sum256([]byte(abs))
	fallback := filepath.Join(base, "heitje-postgres-"+hex.EncodeToString(sum[:6]))
	if err := os.MkdirAll(fallback, 0o700); err != nil {
		return "", err
	}
	if err := u.own(fallback); err != nil {
		return "", err
	}
	if !u.canUse(ctx, fallback) {
		return "", fmt.Errorf("neither %s nor %s is usable by the postgres user", abs, fallback)
	}
	fmt.Fprintf(log, "devnet: the postgres user cannot reach %s; the cluster lives in %s instead\n", abs, fallback)
	return fallback, nil
}
