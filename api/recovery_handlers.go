package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/recovery"
)

// recoveryAskRequest asks to recover the coins of the lost key to the new one.
type recoveryAskRequest struct {
	Address   string `json:"address" doc:"the new key's 0x address"`
	Signature string `json:"signature" doc:"the new key's EIP-191 personal_sign signature of the wallet challenge (GET /v1/me/wallet/challenge), 65-byte hex"`
	Nonce     string `json:"nonce,omitempty" doc:"the challenge's nonce; the latest challenge when left out"`
}

// recoveryCancelRequest carries the lost key's signature of the cancellation.
type recoveryCancelRequest struct {
	Signature string `json:"signature" doc:"the lost key's EIP-712 signature (eth_signTypedData_v4) of cancel_typed_data, 65-byte hex"`
}

// recoveryRejectRequest refuses a recovery.
type recoveryRejectRequest struct {
	Reason string `json:"reason" doc:"required, at most 500 characters; goes into the audit log"`
}

// recoveryView is a recovery as its resident and staff see it.
type recoveryView struct {
	ID          string `json:"id"`
	Status      string `json:"status" doc:"asked, verified, approved, cancelling, cancelled, rejected, executed or failed"`
	FromAddress string `json:"from_address" doc:"the lost key's address, bound to the account until the recovery is executed"`
	ToAddress   string `json:"to_address" doc:"the new key's address"`
	// Ref is the recovery's opaque reference on chain.
	Ref        string     `json:"ref"`
	AskedAt    time.Time  `json:"asked_at"`
	VerifiedAt *time.Time `json:"verified_at,omitempty"`
	ApprovedAt *time.Time `json:"approved_at,omitempty"`
	// ExecutableAt is when the coins may move; until then the lost key can cancel.
	ExecutableAt *time.Time `json:"executable_at,omitempty" doc:"when the coins may move, once the request is on chain; the lost key can cancel until then"`
	DoneAt       *time.Time `json:"done_at,omitempty"`
	RejectReason string     `json:"reject_reason,omitempty"`
	Error        string     `json:"error,omitempty"`
	// CancelTypedData is what the lost key signs to cancel, while the recovery is open.
	CancelTypedData *recovery.TypedData `json:"cancel_typed_data,omitempty" doc:"while open: the EIP-712 CancelRecovery message the lost key signs (eth_signTypedData_v4) to cancel, for POST /v1/recoveries/{id}/cancel"`
}

// adminRecoveryView is a recovery with the account and the staff who decided, for staff.
type adminRecoveryView struct {
	recoveryView
	AccountID  string `json:"account_id"`
	VerifiedBy string `json:"verified_by,omitempty"`
	ApprovedBy string `json:"approved_by,omitempty"`
	RejectedBy string `json:"rejected_by,omitempty"`
}

// recoveryStatusView is what anyone holding a recovery's id learns after cancelling it.
type recoveryStatusView struct {
	ID     string `json:"id"`
	Status string `json:"status" doc:"cancelling (on its way to the chain) or cancelled"`
}

type recoveriesResponse struct {
	Recoveries []adminRecoveryView `json:"recoveries"`
}

func (s *Server) viewRecovery(r recovery.Recovery) recoveryView {
	v := recoveryView{ID: r.ID, Status: string(r.Status), FromAddress: r.From, ToAddress: r.To, Ref: r.Ref().Hex(),
		AskedAt: r.AskedAt, VerifiedAt: r.VerifiedAt, ApprovedAt: r.ApprovedAt, ExecutableAt: r.ExecutableAt,
		DoneAt: r.DoneAt, RejectReason: r.RejectReason, Error: r.Error}
	if r.Status.Open() && r.Status != recovery.StatusCancelling {
		td := recovery.CancelTypedData(s.deps.Recovery.Domain(), r)
		v.CancelTypedData = &td
	}
	return v
}

func (s *Server) adminViewRecovery(r recovery.Recovery) adminRecoveryView {
	return adminRecoveryView{recoveryView: s.viewRecovery(r), AccountID: r.AccountID, VerifiedBy: r.VerifiedBy,
		ApprovedBy: r.ApprovedBy, RejectedBy: r.RejectedBy}
}

func (s *Server) askRecovery(c *gin.Context) {
	var req recoveryAskRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Recovery.Ask(c.Request.Context(), middleware.CurrentPrincipal(c), req.Address, req.Signature, req.Nonce)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, s.viewRecovery(r))
}

func (s *Server) myRecovery(c *gin.Context) {
	r, err := s.deps.Recovery.Mine(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, s.viewRecovery(r))
}

func (s *Server) cancelRecovery(c *gin.Context) {
	var req recoveryCancelRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Recovery.Cancel(c.Request.Context(), c.Param("id"), req.Signature)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, recoveryStatusView{ID: r.ID, Status: string(r.Status)})
}

func (s *Server) listRecoveries(c *gin.Context) {
	rs, err := s.deps.Recovery.List(c.Request.Context(), actor(c), recovery.Status(c.Query("status")))
	if err != nil {
		respondError(c, err)
		return
	}
	out := recoveriesResponse{Recoveries: make([]adminRecoveryView, len(rs))}
	for i, r := range rs {
		out.Recoveries[i] = s.adminViewRecovery(r)
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) verifyRecovery(c *gin.Context) {
	r, err := s.deps.Recovery.Verify(c.Request.Context(), actor(c), c.Param("id"))
	s.answerRecovery(c, r, err)
}

func (s *Server) approveRecovery(c *gin.Context) {
	r, err := s.deps.Recovery.Approve(c.Request.Context(), actor(c), c.Param("id"))
	s.answerRecovery(c, r, err)
}

func (s *Server) rejectRecovery(c *gin.Context) {
	var req recoveryRejectRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Recovery.Reject(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	s.answerRecovery(c, r, err)
}

func (s *Server) answerRecovery(c *gin.Context, r recovery.Recovery, err error) {
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, s.adminViewRecovery(r))
}
