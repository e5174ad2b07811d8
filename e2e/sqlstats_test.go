package e2e_test

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// sqlMeter counts what the platform asks of its database: statements executed in the platform's database
// (pg_stat_statements, which the test cluster preloads), their time in the server, and round trips, the
// messages that clients sent to the cluster (the data segments its sockets received: each request of
// the pgx driver, a statement or a pipeline of them, is one write). The meter's own connection, which
// the benchmark uses to watch for the end of the work, is left out of both.
type sqlMeter struct {
	p     *platform
	conn  *pgx.Conn // the meter's own
	port  string    // the cluster's
	dbid  uint32
	local string // the meter's own socket's local address
}

// sqlMeter creates pg_stat_statements in the platform's database and opens the meter's connection.
func (p *platform) sqlMeter() *sqlMeter {
	p.tb.Helper()
	conn, err := pgx.Connect(p.ctx, p.cfg.DatabaseURL)
	if err != nil {
		p.tb.Fatal(err)
	}
	p.tb.Cleanup(func() { conn.Close(context.Background()) })
	m := &sqlMeter{p: p, conn: conn, local: conn.PgConn().Conn().LocalAddr().String()}
	if _, m.port, err = net.SplitHostPort(conn.PgConn().Conn().RemoteAddr().String()); err != nil {
		p.tb.Fatalf("sql: the cluster's port: %v", err)
	}
	if _, err := conn.Exec(p.ctx, `CREATE EXTENSION IF NOT EXISTS pg_stat_statements`); err != nil {
		p.tb.Fatalf("sql: pg_stat_statements (the test cluster preloads it; a cluster started elsewhere may not): %v", err)
	}
	// Planning time too, in every session of the throw-away cluster from the reload on.
	for _, q := range []string{`ALTER SYSTEM SET pg_stat_statements.track_planning = on`, `SELECT pg_reload_conf()`} {
		if _, err := conn.Exec(p.ctx, q); err != nil {
			p.tb.Fatal(err)
		}
	}
	if err := conn.QueryRow(p.ctx, `SELECT oid FROM pg_database WHERE datname = current_database()`).Scan(&m.dbid); err != nil {
		p.tb.Fatal(err)
	}
	return m
}

// sqlMark is a starting point of a measurement.
type sqlMark struct{ segments int64 }

// start forgets the statements counted so far in the platform's database and marks the round trips.
func (m *sqlMeter) start() sqlMark {
	m.p.tb.Helper()
	if _, err := m.conn.Exec(m.p.ctx, `SELECT pg_stat_statements_reset(0, $1, 0)`, m.dbid); err != nil {
		m.p.tb.Fatal(err)
	}
	return sqlMark{segments: m.segmentsIn()}
}

// count runs query, a count(*), with args on the meter's own connection: its statements and round trips are
// not counted. The query must contain the comment /* bench */ (pg_stat_statements keeps it in its text).
func (m *sqlMeter) count(query string, args ...any) int {
	m.p.tb.Helper()
	if !strings.Contains(query, "/* bench */") {
		m.p.tb.Fatalf("sql: the meter's query lacks /* bench */: %s", query)
	}
	var n int
	if err := m.conn.QueryRow(m.p.ctx, query, args...).Scan(&n); err != nil {
		m.p.tb.Fatal(err)
	}
	return n
}

// waitConfirmed waits until n payments under reference ref are confirmed.
func (m *sqlMeter) waitConfirmed(ref string, n int) {
	m.p.tb.Helper()
	m.waitFor("the payments "+ref+" to be confirmed", 2*time.Minute, func() bool {
		return m.count(`SELECT count(*) /* bench */ FROM payment_request_states WHERE reference = $1 AND status = 'confirmed'`, ref) == n
	})
}

// waitFor polls cond (made of m.count) until it holds, failing the benchmark after timeout.
func (m *sqlMeter) waitFor(what string, timeout time.Duration, cond func() bool) {
	m.p.tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			m.p.tb.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// statement is one normalized statement's share of a measurement.
type statement struct {
	calls, plans    int64
	totalMs, planMs float64 // executing, planning
	query           string
}

// sqlUse is what the platform asked of its database from a mark on.
type sqlUse struct {
	statements, roundTrips int64
	execMs, planMs         float64 // the statements' time in the server: executing, planning
	top                    []statement
}

// since reads the use from mark on: the statement counts first, then the round trips.
func (m *sqlMeter) since(mark sqlMark) sqlUse {
	m.p.tb.Helper()
	rows, err := m.conn.Query(m.p.ctx, `SELECT calls, plans, total_exec_time, total_plan_time, query FROM pg_stat_statements
		WHERE dbid = $1 AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%/* bench */%'
		ORDER BY total_exec_time DESC`, m.dbid)
	if err != nil {
		m.p.tb.Fatal(err)
	}
	var u sqlUse
	for rows.Next() {
		var s statement
		if err := rows.Scan(&s.calls, &s.plans, &s.totalMs, &s.planMs, &s.query); err != nil {
			m.p.tb.Fatal(err)
		}
		u.statements += s.calls
		u.execMs += s.totalMs
		u.planMs += s.planMs
		s.query = strings.Join(strings.Fields(s.query), " ")
		u.top = append(u.top, s)
	}
	if err := rows.Err(); err != nil {
		m.p.tb.Fatal(err)
	}
	u.roundTrips = m.segmentsIn() - mark.segments
	return u
}

// summary describes the use per item of n.
func (u sqlUse) summary(n int) string {
	f := float64(n)
	return fmt.Sprintf("%.1f statements, %.1f round trips, %.3f ms executing and %.3f ms planning in the server",
		float64(u.statements)/f, float64(u.roundTrips)/f, u.execMs/f, u.planMs/f)
}

// topLines are the k statements with the most execution time, one line each, the query cut at 160 bytes.
func (u sqlUse) topLines(k, n int) []string {
	var out []string
	for i, s := range u.top {
		if i == k {
			break
		}
		q := s.query
		if len(q) > 160 {
			q = q[:160] + "…"
		}
		out = append(out, fmt.Sprintf("%8.1f ms (+%6.1f ms planning, %d plans) %6d calls (%.2f per item) %s", s.totalMs, s.planMs, s.plans, s.calls,
			float64(s.calls)/float64(n), q))
	}
	return out
}

var dataSegsIn = regexp.MustCompile(`\bdata_segs_in:(\d+)`)

// segmentsIn sums the data segments received by the cluster's established sockets, less those from the
// meter's own connection: ss prints each socket's line, then its counters on the next.
func (m *sqlMeter) segmentsIn() int64 {
	m.p.tb.Helper()
	out, err := exec.Command("ss", "-tinH", "state", "established", "( sport = :"+m.port+" )").Output()
	if err != nil {
		m.p.tb.Fatalf("sql: ss (iproute2) counts the round trips: %v", err)
	}
	var total int64
	own := false
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, " ") {
			f := strings.Fields(line)
			own = len(f) > 0 && f[len(f)-1] == m.local
			continue
		}
		if sub := dataSegsIn.FindStringSubmatch(line); sub != nil && !own {
			n, _ := strconv.ParseInt(sub[1], 10, 64)
			total += n
		}
	}
	return total
}
