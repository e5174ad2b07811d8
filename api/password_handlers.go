package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

// passwordRequest changes the caller's password: the current one, and the new one (checked as at
// registration).
type passwordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

func (s *Server) changePassword(c *gin.Context) {
	var req passwordRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	err := s.deps.Accounts.ChangePassword(c.Request.Context(), actor(c), req.CurrentPassword, req.NewPassword)
	if errors.Is(err, accounts.ErrRateLimited) {
		c.Header("Retry-After", strconv.Itoa(int(s.deps.Accounts.RetryAfter().Seconds())))
	}
	if err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
