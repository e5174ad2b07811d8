package e2e_test

import (
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestFailoverBetweenTwoInstances runs two `heitje serve` processes on one database, "heitje-a" and
// "heitje-b" (their application_name in pg_stat_activity). A takes every signing key's lock first; B waits for
// them. Fifty residents, each holding €10, pay two €4 requests: 100 payments, ten phones at a time, sent
// alternately to A and to B. After the 40th answer A is killed with SIGKILL; the payments that were on their way
// to A, and every later one, go to B, retried with their Idempotency-Key. B must take over every key's lock,
// and every payment answered submitted must be confirmed exactly once: one relay intent and one use of its
// authorization on chain each, balances on chain and in the ledger as the payments say, and `heitje reconcile`
// finds the ledger equal to the chain.
func TestFailoverBetweenTwoInstances(t *testing.T) {
	t.Parallel()
	const residents, perResident, balance, price, killAfter, phones = 50, 2, 1000, 400, 40, 10
	const n = residents * perResident
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	p.cfg.RelayerKeys = append(p.cfg.RelayerKeys, testenv.Chain(t).FundedKey(t))
	signers := []string{"minter", "operator"}
	for i := range p.cfg.RelayerKeys {
		signers = append(signers, fmt.Sprintf("relayer-%d", i))
	}

	a, baseA := p.startChildAt(t, bin, "DATABASE_URL="+withAppName(t, p.cfg.DatabaseURL, "heitje-a"))
	p.waitFor("A to hold every key's lock", time.Minute, func() bool { return p.lockHolders(signers)["heitje-a"] == len(signers) })
	_, baseB := p.startChildAt(t, bin, "DATABASE_URL="+withAppName(t, p.cfg.DatabaseURL, "heitje-b"))
	if held := p.lockHolders(signers); held["heitje-a"] != len(signers) || held["heitje-b"] != 0 {
		t.Fatalf("with both serving the key locks are held %v, want all %d by heitje-a", held, len(signers))
	}

	p.base = baseA
	s := p.newShop("kruidenier", true)
	rs := p.fundedResidents(residents, balance)
	tokens := p.logins(rs)
	type payment struct {
		resident int
		id, key  string
		body     map[string]any
		status   int
		answer   string // the status in the answer's body
		by       string // the instance that answered
		retried  bool
	}
	pays := make([]*payment, 0, n)
	for i := range rs {
		for j := range perResident {
			id, _ := p.request(s, price)
			req, err := p.walletClient(tokens[i]).PaymentRequest(p.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			pays = append(pays, &payment{resident: i, id: id, key: fmt.Sprintf("failover-%d-%d", i, j), body: payBody(t, rs[i].key, req, nil)})
		}
	}

	var answered, atA atomic.Int32 // answers, and payments on their way to A
	var killed atomic.Bool
	killNow := make(chan struct{})
	var once sync.Once
	hc := &http.Client{Timeout: time.Minute}
	queue := make(chan int, n)
	for i := range pays {
		queue <- i
	}
	close(queue)
	var wg sync.WaitGroup
	for range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				py := pays[i]
				base, name := baseA, "heitje-a"
				if i%2 == 1 {
					base, name = baseB, "heitje-b"
				}
				for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); {
					if killed.Load() {
						base, name = baseB, "heitje-b"
					}
					if name == "heitje-a" {
						atA.Add(1)
					}
					status, body, err := tryPost(hc, base, tokens[py.resident], py.id, py.body, py.key)
					if name == "heitje-a" {
						atA.Add(-1)
					}
					if err != nil || status >= 500 {
						py.retried = true
						time.Sleep(100 * time.Millisecond)
						continue
					}
					py.status, py.by = status, name
					py.answer, _ = body["status"].(string)
					if answered.Add(1) == killAfter {
						once.Do(func() { close(killNow) })
					}
					break
				}
			}
		}()
	}
	select {
	case <-killNow:
	case <-time.After(3 * time.Minute):
		t.Fatalf("fewer than %d payments answered within three minutes", killAfter)
	}
	// Kill A while a payment is on its way to it, if one is sent there soon: its phone must retry through B.
	for deadline := time.Now().Add(5 * time.Second); atA.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	a.Process.Kill() // SIGKILL: no graceful stop, no lock released by the process itself
	a.Wait()
	killedAt := time.Now()
	killed.Store(true)
	atKill := answered.Load()
	inFlight := p.intentCounts()
	p.waitFor("B to take over every key's lock", time.Minute, func() bool { return p.lockHolders(signers)["heitje-b"] == len(signers) })
	takeover := time.Since(killedAt)
	wg.Wait()
	t.Logf("killed heitje-a after %d of %d answers (relay intents then: %v); heitje-b held every key's lock %s later",
		atKill, n, inFlight, takeover.Round(time.Millisecond))
	if inFlight["queued"]+inFlight["sent"] == 0 {
		t.Fatal("no relay intent was waiting at the kill: the test did not cut in between")
	}

	submitted := map[string]bool{}
	answeredBy := map[string]int{}
	var retried int
	for _, py := range pays {
		if py.status != http.StatusOK || py.answer != "submitted" {
			t.Fatalf("payment %s (resident %d): %d %q", py.id, py.resident, py.status, py.answer)
		}
		submitted[py.id] = true
		answeredBy[py.by]++
		if py.retried {
			retried++
		}
	}
	t.Logf("%d submitted; answered by %v; %d retried after the kill", len(submitted), answeredBy, retried)
	if answeredBy["heitje-a"] == 0 || answeredBy["heitje-b"] < n-killAfter {
		t.Fatalf("answers by instance %v: want some by heitje-a and at least %d by heitje-b", answeredBy, n-killAfter)
	}
	p.base = baseB
	p.waitFor("every submitted payment to be confirmed", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
	})
	p.waitBlocksIndexed(2) // in which a second relay of a payment would land
	p.exactlyOnce(t, s, submitted, rs, price)
	if out, code := p.reconcileCmd(t, bin); code != 0 || !strings.Contains(out, "OK: every equality holds") {
		t.Fatalf("heitje reconcile after the failover: exit %d\n%s", code, out)
	}
}

// withAppName is the database URL u with application_name set, so that the process's connections say who
// they are in pg_stat_activity.
func withAppName(t *testing.T, u, name string) string {
	t.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := parsed.Query()
	q.Set("application_name", name)
	parsed.RawQuery = q.Encode()
	return parsed.String()
}

// lockHolders counts, by the application_name of the connection that holds it, the signing keys' advisory
// locks (the senders' (6411, fnv32a(signer)) locks, see store.OutboxStore.Lock) held now.
func (p *platform) lockHolders(signers []string) map[string]int {
	p.tb.Helper()
	ids := make([]int64, len(signers))
	for i, s := range signers {
		h := fnv.New32a()
		h.Write([]byte(s))
		ids[i] = int64(h.Sum32()) // pg_locks shows the int4 key as an unsigned oid
	}
	rows, err := p.db.SQL().QueryContext(p.ctx, `SELECT a.application_name, count(*) FROM pg_locks l
		JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::bigint = 6411
		AND l.objid::bigint = ANY($1::bigint[]) GROUP BY a.application_name`, ids)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var c int
		if err := rows.Scan(&name, &c); err != nil {
			p.tb.Fatal(err)
		}
		out[name] = c
	}
	if err := rows.Err(); err != nil {
		p.tb.Fatal(err)
	}
	return out
}
