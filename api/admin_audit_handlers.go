package api

import (
	"encoding/hex"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/audit"
)

type auditView struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ActorID   string    `json:"actor_id"`
	Actor     string    `json:"actor"`
	Action    string    `json:"action"`
	SubjectID string    `json:"subject_id"`
	Fields    []string  `json:"fields"`
	Reason    string    `json:"reason"`
	Detail    string    `json:"detail"`
	RequestID string    `json:"request_id"`
	SourceIP  string    `json:"source_ip"`
	PrevHash  string    `json:"prev_hash"`
	Hash      string    `json:"hash"`
}

type auditList struct {
	Entries []auditView `json:"entries"`
}

func (s *Server) auditLog(c *gin.Context) {
	before, err := queryInt(c, queryKey(c, "beforeId", "before_id"), 0)
	if err != nil {
		respondError(c, err)
		return
	}
	limit, err := queryInt(c, "limit", 100)
	if err != nil {
		respondError(c, err)
		return
	}
	a := actor(c)
	entries, err := s.deps.Audit.List(c.Request.Context(), audit.Actor{ID: a.AccountID, Username: a.Username,
		RequestID: a.RequestID, SourceIP: a.SourceIP}, audit.Filter{SubjectID: c.Query(queryKey(c, "subjectId", "subject_id")),
		ActorID: c.Query(queryKey(c, "actorId", "actor_id")), Action: c.Query("action"), BeforeID: int64(before), Limit: limit})
	if err != nil {
		respondError(c, err)
		return
	}
	out := auditList{Entries: make([]auditView, 0, len(entries))}
	for _, e := range entries {
		out.Entries = append(out.Entries, auditView{ID: e.ID, At: e.At, ActorID: e.ActorID, Actor: e.Actor, Action: e.Action,
			SubjectID: e.SubjectID, Fields: e.Fields, Reason: e.Reason, Detail: e.Detail, RequestID: e.RequestID,
			SourceIP: e.SourceIP, PrevHash: hex.EncodeToString(e.PrevHash), Hash: hex.EncodeToString(e.Hash)})
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}
