package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/audit"
)

// AuditStore keeps the hash-chained audit log. It implements audit.Store.
type AuditStore struct{ db *gorm.DB }

var _ audit.Store = (*AuditStore)(nil)

// Audit returns the audit store on this database.
func (db *DB) Audit() *AuditStore { return &AuditStore{db: db.gorm} }

// auditLockSpace is the first half of the advisory lock keys of the audit log and of privilege changes.
const auditLockSpace = 6412

// auditAppendLock serialises appends, so that every entry links to the one before it.
const auditAppendLock = 1

type auditRow struct {
	ID        int64
	At        time.Time
	ActorID   string
	Actor     string
	Action    string
	SubjectID string
	Fields    []byte
	Reason    string
	Detail    string
	RequestID string
	SourceIP  string
	PrevHash  []byte
	Hash      []byte
}

func (auditRow) TableName() string { return "audit_log" }

func (r auditRow) entry() (audit.Entry, error) {
	e := audit.Entry{ID: r.ID, At: r.At.UTC(), ActorID: r.ActorID, Actor: r.Actor, Action: r.Action, SubjectID: r.SubjectID,
		Reason: r.Reason, Detail: r.Detail, RequestID: r.RequestID, SourceIP: r.SourceIP, PrevHash: r.PrevHash, Hash: r.Hash}
	return e, failed("auditRow.entry", json.Unmarshal(r.Fields, &e.Fields))
}

// appendAudit links e to the chain's head and inserts it, in tx, under the append lock (held until tx ends).
func appendAudit(tx *gorm.DB, e audit.Entry) (audit.Entry, error) {
	if err := tx.Exec(`SELECT pg_advisory_xact_lock(?, ?)`, auditLockSpace, auditAppendLock).Error; err != nil {
		return e, failed("appendAudit", err)
	}
	var head struct{ HeadHash []byte }
	if err := tx.Raw(`SELECT head_hash FROM audit_chain FOR UPDATE`).Scan(&head).Error; err != nil {
		return e, failed("appendAudit", err)
	}
	var id int64
	if err := tx.Raw(`SELECT nextval('audit_log_id_seq')`).Scan(&id).Error; err != nil {
		return e, failed("appendAudit", err)
	}
	e = audit.Normalize(e)
	e.ID, e.PrevHash = id, head.HeadHash
	e.Hash = audit.ComputeHash(e.PrevHash, e)
	fields, err := json.Marshal(e.Fields)
	if err != nil {
		return e, failed("appendAudit", err)
	}
	row := auditRow{ID: e.ID, At: e.At, ActorID: e.ActorID, Actor: e.Actor, Action: e.Action, SubjectID: e.SubjectID,
		Fields: fields, Reason: e.Reason, Detail: e.Detail, RequestID: e.RequestID, SourceIP: e.SourceIP,
		PrevHash: e.PrevHash, Hash: e.Hash}
	if err := tx.Create(&row).Error; err != nil {
		return e, failed("appendAudit", err)
	}
	return e, failed("appendAudit", tx.Exec(`UPDATE audit_chain SET head_id = ?, head_hash = ?`, e.ID, e.Hash).Error)
}

// Append writes one entry in its own transaction.
func (s *AuditStore) Append(ctx context.Context, e audit.Entry) (audit.Entry, error) {
	var out audit.Entry
	err := transaction(s.db.WithContext(ctx), "AuditStore.Append", func(tx *gorm.DB) error {
		var err error
		out, err = appendAudit(tx, e)
		return failed("AuditStore.Append", err)
	})
	return out, failed("AuditStore.Append", err)
}

// List returns entries matching f, newest first.
func (s *AuditStore) List(ctx context.Context, f audit.Filter) ([]audit.Entry, error) {
	q := s.db.WithContext(ctx).Model(&auditRow{})
	if f.SubjectID != "" {
		q = q.Where("subject_id = ?", f.SubjectID)
	}
	if f.ActorID != "" {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.BeforeID > 0 {
		q = q.Where("id < ?", f.BeforeID)
	}
	if f.Limit <= 0 || f.Limit > audit.MaxList {
		f.Limit = audit.MaxList
	}
	var rows []auditRow
	if err := q.Order("id DESC").Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, failed("AuditStore.List", err)
	}
	out := make([]audit.Entry, 0, len(rows))
	for _, r := range rows {
		e, err := r.entry()
		if err != nil {
			return nil, failed("AuditStore.List", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// Chain returns where the chain starts and its head.
func (s *AuditStore) Chain(ctx context.Context) (audit.Chain, error) {
	var c audit.Chain
	err := s.db.WithContext(ctx).Raw(`SELECT first_id, first_prev_hash, head_id, head_hash FROM audit_chain`).Scan(&c).Error
	return c, failed("AuditStore.Chain", err)
}

// Walk calls fn for every entry in id order, reading in batches.
func (s *AuditStore) Walk(ctx context.Context, fn func(audit.Entry) error) error {
	after := int64(-1)
	for {
		var rows []auditRow
		if err := s.db.WithContext(ctx).Where("id > ?", after).Order("id").Limit(1000).Find(&rows).Error; err != nil {
			return failed("AuditStore.Walk", err)
		}
		for _, r := range rows {
			e, err := r.entry()
			if err != nil {
				return failed("AuditStore.Walk", err)
			}
			if err := fn(e); err != nil {
				return failed("AuditStore.Walk", err)
			}
			after = r.ID
		}
		if len(rows) < 1000 {
			return nil
		}
	}
}

// Prune is the retention job's removal of entries older than before: in one transaction, under the append
// lock, it deletes them (the append-only trigger lets exactly this through) and moves the chain's start to
// the first kept entry, so that the log still verifies. It returns how many entries it removed.
func (s *AuditStore) Prune(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := transaction(s.db.WithContext(ctx), "AuditStore.Prune", func(tx *gorm.DB) error {
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(?, ?)`, auditLockSpace, auditAppendLock).Error; err != nil {
			return failed("AuditStore.Prune", err)
		}
		var first []auditRow
		if err := tx.Where("at >= ?", before).Order("id").Limit(1).Find(&first).Error; err != nil {
			return failed("AuditStore.Prune", err)
		}
		cut, prev := int64(0), []byte(nil)
		if len(first) == 1 {
			cut, prev = first[0].ID, first[0].PrevHash
		} else {
			var head struct {
				HeadID   int64
				HeadHash []byte
			}
			if err := tx.Raw(`SELECT head_id, head_hash FROM audit_chain`).Scan(&head).Error; err != nil {
				return failed("AuditStore.Prune", err)
			}
			cut, prev = head.HeadID+1, head.HeadHash
		}
		if err := tx.Exec(`SET LOCAL heitje.audit_retention = 'on'`).Error; err != nil {
			return failed("AuditStore.Prune", err)
		}
		res := tx.Exec(`DELETE FROM audit_log WHERE id < ?`, cut)
		if res.Error != nil {
			return failed("AuditStore.Prune", res.Error)
		}
		n = res.RowsAffected
		return failed("AuditStore.Prune", tx.Exec(`UPDATE audit_chain SET first_id = ?, first_prev_hash = ?`, cut, prev).Error)
	})
	return n, failed("AuditStore.Prune", err)
}
