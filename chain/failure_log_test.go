package chain

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// TestFailureLogHoldsBackRepeats: of a failure repeated 100 times a second for 3.5 s, the first is logged at
// once, then one a second with the count held back; the recovery is logged once at Info with the total, and
// a new failure after it is logged at once again.
func TestFailureLogHoldsBackRepeats(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Date(2026, 12, 6, 5, 0, 0, 0, time.UTC)
	f := newFailureLog(slog.New(slog.NewTextHandler(&buf, nil)), time.Second)
	f.now = func() time.Time { return clock }
	f.OK("works again") // nothing failed: nothing to say
	for range 350 {
		f.Fail("sender round failed; retrying", "err", "connection refused")
		clock = clock.Add(10 * time.Millisecond)
	}
	f.OK("works again")
	f.Fail("sender round failed; retrying", "err", "connection refused")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{
		`level=WARN msg="sender round failed; retrying" err="connection refused"`,
		`level=WARN msg="sender round failed; retrying" err="connection refused" held_back=99 failing_for=1s`,
		`level=WARN msg="sender round failed; retrying" err="connection refused" held_back=99 failing_for=2s`,
		`level=WARN msg="sender round failed; retrying" err="connection refused" held_back=99 failing_for=3s`,
		`level=INFO msg="works again" failures=350 failing_for=3.5s`,
		`level=WARN msg="sender round failed; retrying" err="connection refused"`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), buf.String())
	}
	for i, l := range lines {
		if _, rest, _ := strings.Cut(l, " "); rest != want[i] { // drop time=…
			t.Errorf("line %d: %s\nwant: %s", i, rest, want[i])
		}
	}
}
