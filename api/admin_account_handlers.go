package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

// accountSummary is an account in the onboarding queue: no personal data.
type accountSummary struct {
	ID        string     `json:"id"`
	Role      string     `json:"role"`
	Username  string     `json:"username"`
	Status    string     `json:"status"`
	CreatedAt time.Time  `json:"created_at"`
	DecidedAt *time.Time `json:"decided_at,omitempty"`
	// SharedContact says which contact details another account has too.
	SharedContact []string `json:"shared_contact,omitempty" doc:"email and/or phone when another account has the same e-mail address or phone number (registration does not tell the one registering): look before approving; approving answers email_taken or phone_taken while the other account is in use"`
}

type accountList struct {
	Accounts []accountSummary `json:"accounts"`
}

// decisionRequest carries the reason of an approval (optional) or rejection (required).
type decisionRequest struct {
	Reason string `json:"reason,omitempty"`
}

type decisionResponse struct {
	ID            string `json:"id"`
	Status        string `json:"status"`
	WalletAddress string `json:"wallet_address,omitempty"`
}

type activationResponse struct {
	ID            string    `json:"id"`
	WalletAddress string    `json:"wallet_address"`
	ActivatedAt   time.Time `json:"activated_at"`
	// IntentStatus is where the on-chain grant is: queued, sent, confirmed or failed.
	IntentStatus string `json:"intent_status"`
}

// AccessReasonHeader carries the reason for reading personal data, as an alternative to ?reason=.
const AccessReasonHeader = "X-Access-Reason"

func (s *Server) listAccounts(c *gin.Context) {
	limit, offset, err := queryPage(c, 50)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Accounts.Queue(c.Request.Context(), actor(c), accounts.ListFilter{
		Status: accounts.Status(c.Query("status")), Role: accounts.Role(c.Query("role")), Limit: limit, Offset: offset})
	if err != nil {
		respondError(c, err)
		return
	}
	out := accountList{Accounts: make([]accountSummary, 0, len(list))}
	for _, a := range list {
		out.Accounts = append(out.Accounts, accountSummary{ID: a.ID, Role: string(a.Role), Username: a.Username,
			Status: string(a.Status), CreatedAt: a.CreatedAt, DecidedAt: a.DecidedAt, SharedContact: a.SharedContact})
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) readPersonal(c *gin.Context) {
	reason := c.Query("reason")
	if reason == "" {
		reason = c.GetHeader(AccessReasonHeader)
	}
	a, err := s.deps.Accounts.ReadPersonal(c.Request.Context(), actor(c), c.Param("id"), reason)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewAccount(a))
}

func (s *Server) approve(c *gin.Context) {
	var req decisionRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	a, err := s.deps.Accounts.Approve(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, decisionResponse{ID: a.ID, Status: string(a.Status), WalletAddress: a.WalletAddress})
}

func (s *Server) reject(c *gin.Context) {
	var req decisionRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	a, err := s.deps.Accounts.Reject(c.Request.Context(), actor(c), c.Param("id"), strings.TrimSpace(req.Reason))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, decisionResponse{ID: a.ID, Status: string(a.Status)})
}

func (s *Server) activateShop(c *gin.Context) {
	a, intent, err := s.deps.Accounts.ActivateShop(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, activationResponse{ID: a.ID, WalletAddress: a.WalletAddress, ActivatedAt: *a.Shop.ActivatedAt,
		IntentStatus: string(intent.Status)})
}
