package e2e_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// phonesEnv, set to a file of a phonesRun, makes the e2e test binary a process of simulated phones instead
// of running tests (see TestMain): a benchmark runs its phones apart so that the platform's CPU figure is
// the platform's own.
const phonesEnv = "HEITJE_E2E_PHONES"

// phonesRun is the phones' work: pay calls sent to base, width at a time.
type phonesRun struct {
	Base  string
	Width int
	Pays  []signedPay
}

// signedPay is one pay call of a phone that has signed its answer already.
type signedPay struct {
	ID, Token, Key string
	Body           map[string]any
}

// phonesResult is what the phones process writes when done: each call's status (0 with Err on a
// transport error) and time, and the CPU time the process used from the start signal on.
type phonesResult struct {
	Codes []int
	Errs  []string
	Took  []time.Duration
	CPU   time.Duration
}

// phonesMain is the phones process: it reads its run, says "ready", waits for a line on stdin, sends the
// calls and writes a phonesResult to stdout.
func phonesMain() int {
	raw, err := os.ReadFile(os.Getenv(phonesEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, "phones:", err)
		return 1
	}
	var run phonesRun
	if err := json.Unmarshal(raw, &run); err != nil {
		fmt.Fprintln(os.Stderr, "phones:", err)
		return 1
	}
	hc := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: run.Width}}
	res := phonesResult{Codes: make([]int, len(run.Pays)), Errs: make([]string, len(run.Pays)), Took: make([]time.Duration, len(run.Pays))}
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		fmt.Fprintln(os.Stderr, "phones: no start signal:", err)
		return 1
	}
	cpu0 := ownCPU()
	parallel(len(run.Pays), run.Width, func(i int) {
		pay := run.Pays[i]
		t0 := time.Now()
		code, body, err := tryPost(hc, run.Base, pay.Token, pay.ID, pay.Body, pay.Key)
		res.Took[i], res.Codes[i] = time.Since(t0), code
		if err != nil || code != http.StatusOK {
			res.Errs[i] = fmt.Sprintf("%d %v %v", code, body, err)
		}
	})
	res.CPU = ownCPU() - cpu0
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		fmt.Fprintln(os.Stderr, "phones:", err)
		return 1
	}
	return 0
}

// ownCPU is the CPU time (user + system) this process has used.
func ownCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// phones is a running phones process, ready to start.
type phones struct {
	p     *platform
	cmd   *exec.Cmd
	start func() // sends the start signal
	out   *bufio.Reader
}

// startPhones starts a phones process for run and waits until it is ready.
func (p *platform) startPhones(run phonesRun) *phones {
	p.tb.Helper()
	raw, err := json.Marshal(run)
	if err != nil {
		p.tb.Fatal(err)
	}
	file := filepath.Join(p.tb.TempDir(), "phones.json")
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		p.tb.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), phonesEnv+"="+file)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		p.tb.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		p.tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		p.tb.Fatal(err)
	}
	p.tb.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	ph := &phones{p: p, cmd: cmd, out: bufio.NewReader(stdout), start: func() { fmt.Fprintln(in, "go"); in.Close() }}
	if line, err := ph.out.ReadString('\n'); err != nil || line != "ready\n" {
		p.tb.Fatalf("phones: %q %v", line, err)
	}
	return ph
}

// wait waits for the phones to finish and returns their result, failing the benchmark on any call that
// was not answered 200.
func (ph *phones) wait() phonesResult {
	ph.p.tb.Helper()
	var res phonesResult
	if err := json.NewDecoder(ph.out).Decode(&res); err != nil {
		ph.p.tb.Fatalf("phones: %v", err)
	}
	if err := ph.cmd.Wait(); err != nil {
		ph.p.tb.Fatalf("phones: %v", err)
	}
	for _, e := range res.Errs {
		if e != "" {
			ph.p.tb.Errorf("pay: %s", e)
		}
	}
	if ph.p.tb.Failed() {
		ph.p.tb.FailNow()
	}
	return res
}
