// Package audit is the append-only, hash-chained record of every staff read, change or export of personal
// data: who, when, which subject, which fields and why. Each entry's hash covers its own content and the
// previous entry's hash, so altering or removing a row breaks the chain at that row, and Verify finds it.
package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Entry is one audited action.
type Entry struct {
	ID int64
	At time.Time
	// ActorID and Actor are the staff account (id and username) that acted; empty for the platform itself.
	ActorID string
	Actor   string
	// Action names what was done, such as "account.read_personal" or "account.approve".
	Action string
	// SubjectID is the account whose data was read or changed; empty when the action has no one subject.
	SubjectID string
	// Fields are the personal fields read or changed, such as "email" or "shop.iban".
	Fields []string
	// Reason is why, as the staff member gave it. Detail is what changed, in words the platform writes.
	Reason string
	Detail string
	// RequestID ties the entry to the API request; SourceIP is the staff member's address.
	RequestID string
	SourceIP  string
	PrevHash  []byte
	Hash      []byte
}

// GenesisHash is the previous hash of the first entry ever written.
var GenesisHash = make([]byte, sha256.Size)

// canonical is the hashed form of an entry: fixed field order, UTC time at microsecond precision (what
// Postgres keeps), fields never null.
type canonical struct {
	ID        int64    `json:"id"`
	At        string   `json:"at"`
	ActorID   string   `json:"actor_id"`
	Actor     string   `json:"actor"`
	Action    string   `json:"action"`
	SubjectID string   `json:"subject_id"`
	Fields    []string `json:"fields"`
	Reason    string   `json:"reason"`
	Detail    string   `json:"detail"`
	RequestID string   `json:"request_id"`
	SourceIP  string   `json:"source_ip"`
}

// Normalize returns e with its time in UTC at microsecond precision and its fields non-nil: the form in
// which it is stored and hashed.
func Normalize(e Entry) Entry {
	e.At = e.At.UTC().Truncate(time.Microsecond)
	if e.Fields == nil {
		e.Fields = []string{}
	}
	return e
}

// ComputeHash returns sha256(prev || canonical JSON of e). ID and time are part of it, so neither can be
// changed unnoticed.
func ComputeHash(prev []byte, e Entry) []byte {
	e = Normalize(e)
	b, _ := json.Marshal(canonical{ID: e.ID, At: e.At.Format(time.RFC3339Nano), ActorID: e.ActorID, Actor: e.Actor,
		Action: e.Action, SubjectID: e.SubjectID, Fields: e.Fields, Reason: e.Reason, Detail: e.Detail,
		RequestID: e.RequestID, SourceIP: e.SourceIP})
	h := sha256.New()
	h.Write(prev)
	h.Write(b)
	return h.Sum(nil)
}

// Chain is where the stored chain starts and ends. Entries before FirstID were removed by the retention job,
// which records the hash the first kept entry links to; HeadID and HeadHash are those of the last entry
// appended, so removing entries from the end shows too.
type Chain struct {
	FirstID       int64
	FirstPrevHash []byte
	HeadID        int64
	HeadHash      []byte
}

// Filter selects entries to list, newest first. Zero fields select everything; Limit is capped at 500.
type Filter struct {
	SubjectID string
	ActorID   string
	Action    string
	BeforeID  int64
	Limit     int
}

// Store keeps the log. Append must serialise writers so that the chain stays linear, and must write the
// entry in the caller's transaction when there is one.
type Store interface {
	// Append assigns the entry its id and links it to the current head; it returns the stored entry.
	Append(ctx context.Context, e Entry) (Entry, error)
	// List returns entries matching f, newest first.
	List(ctx context.Context, f Filter) ([]Entry, error)
	// Chain returns the chain's ends.
	Chain(ctx context.Context) (Chain, error)
	// Walk calls fn for every entry in id order.
	Walk(ctx context.Context, fn func(Entry) error) error
}

// Result is the outcome of Verify. BadID is 0 when the chain is intact; otherwise it is the id of the first
// entry that was altered, or that follows removed entries, and Problem says which.
type Result struct {
	Entries int64
	BadID   int64
	Problem string
}

// OK reports an intact chain.
func (r Result) OK() bool { return r.BadID == 0 && r.Problem == "" }

var errStop = errors.New("stop")

// Verify walks the whole log and reports the first entry at which the chain breaks.
func Verify(ctx context.Context, s Store) (Result, error) {
	ch, err := s.Chain(ctx)
	if err != nil {
		return Result{}, err
	}
	var r Result
	prev, prevID := ch.FirstPrevHash, int64(0)
	err = s.Walk(ctx, func(e Entry) error {
		switch {
		case !bytes.Equal(ComputeHash(e.PrevHash, e), e.Hash):
			r.BadID, r.Problem = e.ID, fmt.Sprintf("entry %d was altered", e.ID)
		case !bytes.Equal(e.PrevHash, prev) && prevID == 0:
			r.BadID, r.Problem = e.ID, fmt.Sprintf("entry %d does not link to the start of the log: entries before it were removed", e.ID)
		case !bytes.Equal(e.PrevHash, prev):
			r.BadID, r.Problem = e.ID, fmt.Sprintf("entry %d does not link to entry %d: entries between them were removed or entry %d was altered", e.ID, prevID, prevID)
		default:
			r.Entries++
			prev, prevID = e.Hash, e.ID
			return nil
		}
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return Result{}, err
	}
	if r.OK() && !bytes.Equal(prev, ch.HeadHash) {
		r.BadID, r.Problem = ch.HeadID, fmt.Sprintf("the log ends at entry %d but its head is entry %d: entries at the end were removed", prevID, ch.HeadID)
	}
	return r, nil
}

// Actor is who acts and from where: the staff account, the API request and the client address.
type Actor struct {
	ID        string
	Username  string
	RequestID string
	SourceIP  string
}

// Entry returns an entry of this actor's action, timestamped now.
func (a Actor) Entry(action, subjectID string, fields []string, reason, detail string) Entry {
	return Entry{At: time.Now(), ActorID: a.ID, Actor: a.Username, Action: action, SubjectID: subjectID,
		Fields: fields, Reason: reason, Detail: detail, RequestID: a.RequestID, SourceIP: a.SourceIP}
}

// MaxList is the most entries one List returns.
const MaxList = 500

// Service is the privacy officer's view of the log.
type Service struct{ store Store }

// NewService returns the service over s.
func NewService(s Store) *Service { return &Service{store: s} }

// List returns entries matching f, newest first. Reading the log is itself written to the log first, so
// the watchers are watched too.
func (s *Service) List(ctx context.Context, actor Actor, f Filter) ([]Entry, error) {
	if f.Limit <= 0 || f.Limit > MaxList {
		f.Limit = MaxList
	}
	detail := fmt.Sprintf("subject=%q actor=%q action=%q before=%d limit=%d", f.SubjectID, f.ActorID, f.Action, f.BeforeID, f.Limit)
	if _, err := s.store.Append(ctx, actor.Entry("audit.read", f.SubjectID, nil, "", detail)); err != nil {
		return nil, err
	}
	return s.store.List(ctx, f)
}

// Verify walks the whole log; see the package function Verify.
func (s *Service) Verify(ctx context.Context) (Result, error) { return Verify(ctx, s.store) }
