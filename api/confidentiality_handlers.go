package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
)

// confidentialityView is the confidentiality statement in force and when the caller acknowledged it
// (absent: not yet); until then none of a staff member's privileges takes effect.
type confidentialityView struct {
	Version        string     `json:"version"`
	Text           string     `json:"text"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
}

// confidentialityRequest acknowledges the statement of version, which must be the one in force.
type confidentialityRequest struct {
	Version string `json:"version"`
}

func (s *Server) myConfidentiality(c *gin.Context) {
	st, at, err := s.deps.Accounts.Confidentiality(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, confidentialityView{Version: st.Version, Text: st.Text, AcknowledgedAt: at})
}

func (s *Server) acknowledgeConfidentiality(c *gin.Context) {
	var req confidentialityRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	at, err := s.deps.Accounts.AcknowledgeConfidentiality(c.Request.Context(), middleware.CurrentPrincipal(c), req.Version)
	if err != nil {
		respondError(c, err)
		return
	}
	// Only the statement in force can be acknowledged, so it is the one answered.
	st := accounts.CurrentConfidentiality
	c.JSON(http.StatusOK, confidentialityView{Version: st.Version, Text: st.Text, AcknowledgedAt: &at})
}
