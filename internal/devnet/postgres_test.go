package devnet

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func startPostgres(t testing.TB, opts PostgresOptions) *Postgres {
	t.Helper()
	began := time.Now()
	pg, err := StartPostgres(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("postgres started in %s on port %d (%s)", time.Since(began).Round(time.Millisecond), pg.Port(), pg.DataDir())
	t.Cleanup(func() { _ = pg.Stop() })
	return pg
}

func connect(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// scratchDir returns a temp folder the postgres user can pass through (t.TempDir and its parent are 0700).
func scratchDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestThrowAwayClusterStartsAndStops(t *testing.T) {
	ctx := context.Background()
	pg := startPostgres(t, PostgresOptions{DataDir: filepath.Join(scratchDir(t), "pg")})
	if !strings.Contains(pg.URL(), "@127.0.0.1:"+strconv.Itoa(pg.Port())+"/heitje?") {
		t.Fatalf("URL %s", pg.URL())
	}
	conn := connect(t, pg.URL())
	var db, fsync, encoding, user string
	if err := conn.QueryRow(ctx, "SELECT current_database(), current_setting('fsync'), current_setting('server_encoding'), current_user").
		Scan(&db, &fsync, &encoding, &user); err != nil {
		t.Fatal(err)
	}
	if db != "heitje" || fsync != "off" || encoding != "UTF8" || user != "postgres" {
		t.Fatalf("database %s, fsync %s, encoding %s, user %s", db, fsync, encoding, user)
	}
	admin := connect(t, pg.AdminURL("postgres"))
	var listen string
	if err := admin.QueryRow(ctx, "SELECT current_setting('listen_addresses')").Scan(&listen); err != nil || listen != "127.0.0.1" {
		t.Fatalf("listen_addresses = %q, %v", listen, err)
	}
	wrong := strings.Replace(pg.URL(), "postgres:", "postgres:x", 1)
	if c, err := pgx.Connect(ctx, wrong); err == nil {
		c.Close(ctx)
		t.Fatal("a wrong password was accepted")
	}
	conn.Close(ctx)
	admin.Close(ctx)
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	<-pg.Done()
	if _, err := os.Stat(pg.DataDir()); !os.IsNotExist(err) {
		t.Fatalf("the throw-away cluster's folder is still there (%v)", err)
	}
}

func TestPersistentClusterKeepsData(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(scratchDir(t), "pg")
	pg := startPostgres(t, PostgresOptions{DataDir: dir, Persistent: true})
	conn := connect(t, pg.URL())
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (id int PRIMARY KEY, note text); INSERT INTO kept VALUES (1, 'survives')"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, passwordFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("password file: %v, %v", info, err)
	}

	pg2 := startPostgres(t, PostgresOptions{DataDir: dir, Persistent: true})
	var note, fsync string
	if err := connect(t, pg2.URL()).QueryRow(ctx, "SELECT note, current_setting('fsync') FROM kept WHERE id = 1").Scan(&note, &fsync); err != nil {
		t.Fatal(err)
	}
	if note != "survives" || fsync != "on" {
		t.Fatalf("note %q, fsync %s", note, fsync)
	}
}

func TestTwoClustersSideBySide(t *testing.T) {
	root := scratchDir(t)
	var wg sync.WaitGroup
	pgs := make([]*Postgres, 2)
	errs := make([]error, 2)
	for i := range pgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pgs[i], errs[i] = StartPostgres(context.Background(), PostgresOptions{DataDir: filepath.Join(root, strconv.Itoa(i))})
		}()
	}
	wg.Wait()
	for i := range pgs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		t.Cleanup(func() { _ = pgs[i].Stop() })
	}
	if pgs[0].Port() == pgs[1].Port() {
		t.Fatal("two clusters on one port")
	}
	for i, pg := range pgs {
		conn := connect(t, pg.URL())
		if _, err := conn.Exec(context.Background(), fmt.Sprintf("CREATE TABLE only_in_%d (x int)", i)); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := connect(t, pgs[1].URL()).QueryRow(context.Background(),
		"SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_0'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("cluster 1 sees cluster 0's table (%d, %v)", n, err)
	}
}

func TestUnreachableDataDirFallsBack(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root runs the server as another user")
	}
	hidden := t.TempDir() // 0700, owned by root: the postgres user cannot pass
	log := &syncBuffer{}
	pg := startPostgres(t, PostgresOptions{DataDir: filepath.Join(hidden, "pg"), Log: log})
	if strings.HasPrefix(pg.DataDir(), hidden) || !strings.HasPrefix(pg.DataDir(), os.TempDir()) {
		t.Fatalf("cluster in %s", pg.DataDir())
	}
	if !strings.Contains(log.String(), pg.DataDir()) {
		t.Fatalf("the fallback was not reported: %q", log.String())
	}
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(pg.DataDir()); !os.IsNotExist(err) {
		t.Fatal("the fallback folder of a throw-away cluster is still there")
	}
}

// TestPostgresDiesWithItsParent kills (SIGKILL) a process that started a cluster and expects the server to go.
func TestPostgresDiesWithItsParent(t *testing.T) {
	if dir := os.Getenv("HEITJE_PG_ORPHAN_HELPER"); dir != "" {
		pg, err := StartPostgres(context.Background(), PostgresOptions{DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("postmaster-pid %d\n", pg.proc.Pid())
		time.Sleep(time.Minute)
		return
	}
	helper := exec.Command(os.Args[0], "-test.run=^TestPostgresDiesWithItsParent$", "-test.v")
	helper.Env = append(os.Environ(), "HEITJE_PG_ORPHAN_HELPER="+filepath.Join(scratchDir(t), "pg"))
	out, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	defer helper.Process.Kill()
	pid := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "postmaster-pid "); ok {
			pid, _ = strconv.Atoi(v)
			break
		}
	}
	if pid == 0 {
		t.Fatal("the helper did not start a cluster")
	}
	if err := helper.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = helper.Wait()
	deadline := time.Now().Add(2 * time.Minute)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("postgres (pid %d) outlived its killed parent", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// syncBuffer is a bytes.Buffer that the server's output may be copied into while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
