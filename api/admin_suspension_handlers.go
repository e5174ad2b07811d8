package api

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

// suspensionRequest suspends or reinstates a resident or shop.
type suspensionRequest struct {
	Reason string `json:"reason" doc:"required, at most 500 characters; a suspension's reason is shown to the person when they try to sign in, so write it for them; both go into the audit log"`
}

// suspensionView is an account after a suspension or reinstatement, with the suspension.
type suspensionView struct {
	ID          string    `json:"id"`
	Role        string    `json:"role"`
	Status      string    `json:"status" doc:"suspended, or approved after reinstatement"`
	SuspendedAt time.Time `json:"suspended_at"`
	Reason      string    `json:"reason" doc:"why it was suspended"`
	// ReinstatedAt is set once the suspension ended.
	ReinstatedAt    *time.Time `json:"reinstated_at,omitempty"`
	ReinstateReason string     `json:"reinstate_reason,omitempty"`
	// The shop's accepting role on chain.
	RoleRevocation string `json:"role_revocation,omitempty" doc:"a shop's revocation of its accepting role: queued, sent, confirmed or failed; absent while the shop still holds coins (it is written after its last payout) and for residents"`
	RoleGrant      string `json:"role_grant,omitempty" doc:"after reinstatement of a shop whose role was revoked: its grant again (queued, sent, confirmed or failed); absent until the revocation is final"`
}

func (s *Server) suspendAccount(c *gin.Context) { s.changeSuspension(c, s.deps.Accounts.Suspend) }

func (s *Server) reinstateAccount(c *gin.Context) { s.changeSuspension(c, s.deps.Accounts.Reinstate) }

func (s *Server) changeSuspension(c *gin.Context, change func(context.Context, accounts.Actor, string, string) (accounts.Account, error)) {
	var req suspensionRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	a, err := change(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	sus, err := s.deps.Accounts.LastSuspension(c.Request.Context(), actor(c), a.ID)
	if err != nil {
		respondError(c, fmt.Errorf("reading the suspension just written: %v", err)) // a 500, whatever err is
		return
	}
	c.JSON(http.StatusOK, suspensionView{ID: a.ID, Role: string(a.Role), Status: string(a.Status), SuspendedAt: sus.SuspendedAt,
		Reason: sus.Reason, ReinstatedAt: sus.ReinstatedAt, ReinstateReason: sus.ReinstateReason,
		RoleRevocation: string(sus.RevokeStatus), RoleGrant: string(sus.GrantStatus)})
}
