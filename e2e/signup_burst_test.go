package e2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/testenv"
)

// The memory the `heitje serve` process may hold during a burst of sign-ups and logins: the default hash
// budget (PASSWORD_HASH_BUDGET_MIB, 256 MiB of argon2id at once) plus what the process holds anyway.
const burstRSSBound = 400 << 20

// burstFigures are what a burst of sign-ups and logins cost the real binary.
type burstFigures struct {
	baseRSS, peakRSS  int64         // resident memory before the burst and its high-water mark after it
	healthzMax        time.Duration // the slowest /healthz answer during the burst
	healthzChecks     int
	answers           map[string]int // "201", "401", "503" (with Retry-After) …
	elapsed           time.Duration
	unexpected        []string
	missingRetryAfter int
}

// signUpBurst starts `heitje serve` with the production password hashing cost (argon2id, 64 MiB) behind a
// trusted proxy, and sends n registrations and n logins (wrong passwords) at once, each from its own
// forwarded address so that no per-address limit answers instead of the hashing. Meanwhile it asks
// /healthz every 20 ms and samples the process's resident memory.
func signUpBurst(tb testing.TB, n int) burstFigures {
	bin := testenv.BuildCommand(tb, "./cmd/heitje")
	p := newPlatform(tb)
	child := p.startChild(tb, bin, "TRUSTED_PROXIES=127.0.0.1")
	pid := child.Process.Pid
	f := burstFigures{answers: map[string]int{}, baseRSS: procStatus(tb, pid, "VmRSS")}

	var mu sync.Mutex
	stop := make(chan struct{})
	var watch sync.WaitGroup
	watch.Add(1)
	go func() {
		defer watch.Done()
		client := &http.Client{Timeout: 30 * time.Second}
		for {
			start := time.Now()
			resp, err := client.Get(p.base + "/healthz")
			took := time.Since(start)
			if err == nil {
				resp.Body.Close()
			}
			mu.Lock()
			if err != nil || resp.StatusCode != http.StatusOK {
				f.unexpected = append(f.unexpected, fmt.Sprintf("/healthz: %v %v", resp, err))
			}
			f.healthzMax = max(f.healthzMax, took)
			f.healthzChecks++
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()

	record := func(what string, resp *http.Response, err error, want ...int) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			f.unexpected = append(f.unexpected, what+": "+err.Error())
			return
		}
		f.answers[strconv.Itoa(resp.StatusCode)]++
		if resp.StatusCode == http.StatusServiceUnavailable {
			if resp.Header.Get("Retry-After") == "" {
				f.missingRetryAfter++
			}
			return
		}
		for _, w := range want {
			if resp.StatusCode == w {
				return
			}
		}
		f.unexpected = append(f.unexpected, fmt.Sprintf("%s: %d", what, resp.StatusCode))
	}
	post := func(path, from string, body map[string]any) (*http.Response, error) {
		j, _ := json.Marshal(body)
		req, _ := http.NewRequest(http.MethodPost, p.base+path, bytes.NewReader(j))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", from)
		resp, err := (&http.Client{Timeout: 2 * time.Minute}).Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return resp, err
	}
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			resp, err := post("/v1/auth/register", fmt.Sprintf("198.51.100.%d", i+1), map[string]any{
				"role": "resident", "username": fmt.Sprintf("drukte-%d", i), "password": "een lang genoeg wachtwoord"})
			record("register", resp, err, http.StatusCreated)
		}()
		go func() {
			defer wg.Done()
			resp, err := post("/v1/auth/login", fmt.Sprintf("203.0.113.%d", i+1), map[string]any{
				"username": fmt.Sprintf("drukte-%d", i), "password": "niet het wachtwoord"})
			record("login", resp, err, http.StatusUnauthorized)
		}()
	}
	wg.Wait()
	f.elapsed = time.Since(start)
	close(stop)
	watch.Wait()
	f.peakRSS = procStatus(tb, pid, "VmHWM")
	return f
}

// procStatus reads a memory figure of /proc/<pid>/status in bytes (VmRSS: resident now; VmHWM: the most it
// was resident, ever).
func procStatus(tb testing.TB, pid int, field string) int64 {
	tb.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				tb.Fatal(err)
			}
			return kb << 10
		}
	}
	tb.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}

// TestSignUpBurstKeepsMemoryBounded sends 40 registrations and 40 logins at once to the real binary: its
// resident memory stays under 400 MB (the hashes run within their budget; the others wait, or get 503
// with Retry-After), every request is answered, and /healthz keeps answering. The figures are
// BenchmarkSignUpBurst's (docs/benchmarks.md); this test checks the bounds, with a generous one for
// /healthz as the machine may be busy with other work.
// It runs alone (not in parallel): other tests in this process would slow the burst and /healthz.
func TestSignUpBurstKeepsMemoryBounded(t *testing.T) {
	f := signUpBurst(t, 40)
	t.Logf("40 sign-ups + 40 logins in %v: RSS %d MiB before, peak %d MiB; answers %v; /healthz slowest %v of %d",
		f.elapsed, f.baseRSS>>20, f.peakRSS>>20, f.answers, f.healthzMax, f.healthzChecks)
	if len(f.unexpected) > 0 {
		t.Fatalf("unexpected answers: %v", f.unexpected)
	}
	if f.missingRetryAfter > 0 {
		t.Fatalf("%d answers of 503 without Retry-After", f.missingRetryAfter)
	}
	total := 0
	for _, c := range f.answers {
		total += c
	}
	if total != 80 {
		t.Fatalf("%d answers, want 80: %v", total, f.answers)
	}
	// Which requests get one of the hasher's few turns is chance: on a loaded machine all the logins may
	// wait too long and answer 503 busy (as they should), but some request must have been served.
	if f.answers["201"]+f.answers["401"] == 0 {
		t.Fatalf("no sign-up and no login was served at all: %v", f.answers)
	}
	if f.peakRSS > burstRSSBound {
		t.Fatalf("resident memory peaked at %d MiB, over the bound of %d MiB", f.peakRSS>>20, burstRSSBound>>20)
	}
	if f.healthzChecks < 2 || f.healthzMax > 5*time.Second {
		t.Fatalf("/healthz: %d checks, the slowest took %v", f.healthzChecks, f.healthzMax)
	}
}

// BenchmarkSignUpBurst reports what 40 registrations and 40 logins at once (production hashing cost) cost
// `heitje serve`: its peak resident memory, the slowest /healthz answer meanwhile and how the requests
// were answered (docs/benchmarks.md).
func BenchmarkSignUpBurst(b *testing.B) {
	for range b.N {
		f := signUpBurst(b, 40)
		if len(f.unexpected) > 0 {
			b.Fatalf("unexpected answers: %v", f.unexpected)
		}
		b.ReportMetric(float64(f.baseRSS>>20), "MiB-rss-before")
		b.ReportMetric(float64(f.peakRSS>>20), "MiB-rss-peak")
		b.ReportMetric(float64(f.healthzMax.Microseconds())/1000, "ms-healthz-max")
		b.ReportMetric(f.elapsed.Seconds(), "s-burst")
		for _, code := range []string{"201", "401", "503"} {
			b.ReportMetric(float64(f.answers[code]), "answers-"+code)
		}
	}
}
