package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

// shopDetailsView is a shop's bank details: legal name, KvK number and IBAN.
type shopDetailsView struct {
	LegalName string `json:"legal_name"`
	KvK       string `json:"kvk"`
	IBAN      string `json:"iban"`
}

// shopChangeView is a change of a shop's bank details. Current (staff's list only) is the approved
// details it would replace; entered_by_shop tells whether the shop entered it or staff on its behalf.
type shopChangeView struct {
	ID            string           `json:"id"`
	ShopID        string           `json:"shop_id"`
	ShopUsername  string           `json:"shop_username,omitempty"`
	Details       shopDetailsView  `json:"details"`
	Current       *shopDetailsView `json:"current,omitempty"`
	Fields        []string         `json:"fields,omitempty"`
	BaseVersion   int              `json:"base_version"`
	Status        string           `json:"status"`
	EnteredByShop bool             `json:"entered_by_shop"`
	EnteredBy     string           `json:"entered_by"`
	Note          string           `json:"note,omitempty"`
	CreatedAt     time.Time        `json:"created_at"`
	DecidedBy     string           `json:"decided_by,omitempty"`
	DecidedAt     *time.Time       `json:"decided_at,omitempty"`
	Reason        string           `json:"reason,omitempty"`
	Version       int              `json:"version,omitempty"`
}

type shopChangeList struct {
	Changes []shopChangeView `json:"changes"`
}

// shopChangeRequest is a change of a shop's bank details entered by staff: absent fields stay, note says
// why and on whose request.
type shopChangeRequest struct {
	LegalName *string `json:"legal_name,omitempty"`
	KvK       *string `json:"kvk,omitempty"`
	IBAN      *string `json:"iban,omitempty"`
	Note      string  `json:"note"`
}

// refuseChangeRequest carries the reason of a refusal (required), which the shop reads.
type refuseChangeRequest struct {
	Reason string `json:"reason"`
}

func viewShopChange(c accounts.ShopChange, withCurrent bool) shopChangeView {
	v := shopChangeView{ID: c.ID, ShopID: c.ShopID, ShopUsername: c.ShopUsername, BaseVersion: c.BaseVersion,
		Details: shopDetailsView{LegalName: c.Details.LegalName, KvK: c.Details.KvK, IBAN: c.Details.IBAN},
		Status:  string(c.Status), EnteredByShop: c.ByShop(), EnteredBy: c.EnteredBy, Note: c.Note, CreatedAt: c.CreatedAt,
		DecidedBy: c.DecidedBy, DecidedAt: c.DecidedAt, Reason: c.Reason, Version: c.Version}
	if withCurrent {
		v.Current = &shopDetailsView{LegalName: c.Current.LegalName, KvK: c.Current.KvK, IBAN: c.Current.IBAN}
		v.Fields = c.Fields()
	}
	return v
}

func (s *Server) listShopChanges(c *gin.Context) {
	limit, offset, err := queryPage(c, 50)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Accounts.ShopChanges(c.Request.Context(), actor(c), accounts.ShopChangeStatus(c.Query("status")), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	out := shopChangeList{Changes: make([]shopChangeView, len(list))}
	for i, ch := range list {
		out.Changes[i] = viewShopChange(ch, true)
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) enterShopChange(c *gin.Context) {
	var req shopChangeRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	ch, err := s.deps.Accounts.EnterShopChange(c.Request.Context(), actor(c), c.Param("id"),
		accounts.ShopChangeInput{LegalName: req.LegalName, KvK: req.KvK, IBAN: req.IBAN}, req.Note)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusCreated, viewShopChange(ch, true))
}

func (s *Server) approveShopChange(c *gin.Context) {
	ch, err := s.deps.Accounts.ApproveShopChange(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewShopChange(ch, false))
}

func (s *Server) refuseShopChange(c *gin.Context) {
	var req refuseChangeRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	ch, err := s.deps.Accounts.RefuseShopChange(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewShopChange(ch, false))
}
