// Package localproc runs the local servers of the development network and the test harness (geth,
// Postgres) as child processes that cannot outlive their parent, and provides the small helpers around
// them: free ports, log tails and file locks.
package localproc

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// Child is a process that cannot outlive us: it runs in its own process group (a Ctrl-C in the terminal
// reaches us, and we stop it in order) and the kernel sends it deathSignal when we die, however we die.
type Child struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	err  error         // the exit status, valid once done is closed
}

// Start starts cmd as a Child. The kernel sends the parent-death signal when the thread that forked
// the child exits, not the process, so the child is forked from a goroutine locked to its thread until the
// child is gone.
func Start(cmd *exec.Cmd, deathSignal syscall.Signal) (*Child, error) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	cmd.SysProcAttr.Pdeathsig = deathSignal
	c := &Child{cmd: cmd, done: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		c.err = cmd.Wait()
		close(c.done)
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return c, nil
}

// Exited reports whether the process has exited.
func (c *Child) Exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// Stop sends sig and waits up to timeout for the process to exit, then kills its process group.
func (c *Child) Stop(sig syscall.Signal, timeout time.Duration) error {
	if c.Exited() {
		return nil
	}
	_ = c.cmd.Process.Signal(sig)
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-c.done:
		return nil
	case <-timer.C:
		_ = syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
		<-c.done
		return fmt.Errorf("%s did not stop within %s and was killed", c.cmd.Path, timeout)
	}
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago. Another process may take it before
// we bind it; callers that pick ports this way retry when the bind fails.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Tail returns the last n lines of the file at path from byte offset from on.
func Tail(path string, from int64, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(from, io.SeekStart); err != nil {
		return ""
	}
	const max = 64 << 10
	data, _ := io.ReadAll(io.LimitReader(f, 16<<20))
	if len(data) > max {
		data = data[len(data)-max:]
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Done is closed when the process has exited.
func (c *Child) Done() <-chan struct{} { return c.done }

// Err is the process's exit status; valid once Done is closed.
func (c *Child) Err() error { return c.err }

// PortFree reports whether port can be bound on 127.0.0.1 right now.
func PortFree(port int) bool {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// LockFile takes an exclusive flock on path, waiting for other holders, and returns the release function.
// A holder that dies releases the lock with it.
func LockFile(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	locked := make(chan error, 1)
	go func() { locked <- syscall.Flock(int(f.Fd()), syscall.LOCK_EX) }()
	select {
	case err := <-locked:
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		return func() { f.Close() }, nil
	case <-ctx.Done():
		go func() { // the lock may still come; let it go at once
			<-locked
			f.Close()
		}()
		return nil, ctx.Err()
	}
}

// Pid is the process id.
func (c *Child) Pid() int { return c.cmd.Process.Pid }
