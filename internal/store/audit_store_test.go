package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/audit"
)

func appendN(t *testing.T, s *AuditStore, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Append(context.Background(), audit.Entry{At: time.Now(), ActorID: "staff-1", Actor: "fg",
				Action: "account.read_personal", SubjectID: fmt.Sprintf("subject-%d", i), Fields: []string{"email"}, Reason: "complaint"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, s *AuditStore) audit.Result {
	t.Helper()
	r, err := audit.Verify(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestAuditChainDetectsTampering appends concurrently (the chain must stay linear), checks that the
// database refuses UPDATE and DELETE, and that Verify names the altered or the first row after removed ones.
func TestAuditChainDetectsTampering(t *testing.T) {
	ctx := context.Background()
	db := migrated(t)
	s := db.Audit()
	if r := verify(t, s); !r.OK() || r.Entries != 0 {
		t.Fatalf("empty log: %+v", r)
	}
	appendN(t, s, 20)
	if r := verify(t, s); !r.OK() || r.Entries != 20 {
		t.Fatalf("after concurrent appends: %+v", r)
	}
	for _, q := range []string{`UPDATE audit_log SET reason = 'nothing' WHERE id = 3`, `DELETE FROM audit_log WHERE id = 3`, `TRUNCATE audit_log`} {
		if err := db.gorm.Exec(q).Error; err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("%s: %v, want the append-only refusal", q, err)
		}
	}
	list, err := s.List(ctx, audit.Filter{SubjectID: "subject-4"})
	if err != nil || len(list) != 1 || list[0].Fields[0] != "email" {
		t.Fatalf("list by subject: %+v, %v", list, err)
	}

	tamper := func(q string) {
		t.Helper()
		err := db.gorm.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(`SET LOCAL session_replication_role = replica`).Error; err != nil {
				return err
			}
			return tx.Exec(q).Error
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tamper(`UPDATE audit_log SET reason = 'curiosity' WHERE id = 7`)
	if r := verify(t, s); r.BadID != 7 || !strings.Contains(r.Problem, "altered") {
		t.Fatalf("altered row 7: %+v", r)
	}
	tamper(`UPDATE audit_log SET reason = 'complaint' WHERE id = 7`)
	tamper(`DELETE FROM audit_log WHERE id IN (11, 12)`)
	if r := verify(t, s); r.BadID != 13 || !strings.Contains(r.Problem, "removed") {
		t.Fatalf("removed rows 11-12: %+v", r)
	}
	tamper(`DELETE FROM audit_log WHERE id >= 11`)
	if r := verify(t, s); r.BadID != 20 || !strings.Contains(r.Problem, "end were removed") {
		t.Fatalf("removed the tail: %+v", r)
	}
}

// TestAuditPruneKeepsTheChainVerifiable removes old entries the sanctioned way.
func TestAuditPruneKeepsTheChainVerifiable(t *testing.T) {
	ctx := context.Background()
	db := migrated(t)
	s := db.Audit()
	appendN(t, s, 5)
	cut := time.Now()
	appendN(t, s, 3)
	n, err := s.Prune(ctx, cut)
	if err != nil || n != 5 {
		t.Fatalf("pruned %d (%v), want 5", n, err)
	}
	if r := verify(t, s); !r.OK() || r.Entries != 3 {
		t.Fatalf("after pruning: %+v", r)
	}
	if n, err := s.Prune(ctx, time.Now().Add(time.Hour)); err != nil || n != 3 {
		t.Fatalf("pruned all: %d, %v", n, err)
	}
	appendN(t, s, 1)
	if r := verify(t, s); !r.OK() || r.Entries != 1 {
		t.Fatalf("after pruning everything and appending: %+v", r)
	}
}
