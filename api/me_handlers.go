package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
)

// accountView is an account with its personal data, for its owner (GET /v1/me) and for staff who hold
// accounts.read_personal.
type accountView struct {
	ID            string     `json:"id"`
	Role          string     `json:"role"`
	Username      string     `json:"username"`
	Status        string     `json:"status"`
	Email         string     `json:"email,omitempty"`
	Phone         string     `json:"phone,omitempty"`
	WalletAddress string     `json:"wallet_address,omitempty"`
	Privileges    []string   `json:"privileges,omitempty"`
	Shop          *shopView  `json:"shop,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	DecidedAt     *time.Time `json:"decided_at,omitempty"`
	NoticeVersion string     `json:"notice_version,omitempty"`
}

type shopView struct {
	LegalName   string     `json:"legal_name"`
	ContactName string     `json:"contact_name,omitempty"`
	KvK         string     `json:"kvk"`
	IBAN        string     `json:"iban"`
	Address     string     `json:"address"`
	Category    string     `json:"category"`
	ActivatedAt *time.Time `json:"activated_at,omitempty"`
	// DetailsVersion is the version of the approved legal name, KvK number and IBAN above.
	DetailsVersion int `json:"details_version"`
	// PendingChange is a change of those details waiting for approval by staff; until then payouts pay
	// the approved ones.
	PendingChange *shopChangeView `json:"pending_change,omitempty"`
}

func viewAccount(a accounts.Account) accountView {
	v := accountView{ID: a.ID, Role: string(a.Role), Username: a.Username, Status: string(a.Status), Email: a.Email,
		Phone: a.Phone, WalletAddress: a.WalletAddress, Privileges: privilegeNames(a.Privileges), CreatedAt: a.CreatedAt,
		DecidedAt: a.DecidedAt, NoticeVersion: a.NoticeVersion}
	if a.Shop != nil {
		v.Shop = &shopView{LegalName: a.Shop.LegalName, ContactName: a.Shop.ContactName, KvK: a.Shop.KvK, IBAN: a.Shop.IBAN,
			Address: a.Shop.Address, Category: a.Shop.Category, ActivatedAt: a.Shop.ActivatedAt, DetailsVersion: a.Shop.DetailsVersion}
		if a.Shop.Pending != nil {
			p := viewShopChange(*a.Shop.Pending, false)
			v.Shop.PendingChange = &p
		}
	}
	return v
}

func privilegeNames(ps []accounts.Privilege) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p)
	}
	return out
}

// meUpdateRequest corrects one's own data: absent fields stay, "" removes an optional one.
type meUpdateRequest struct {
	Email *string            `json:"email,omitempty"`
	Phone *string            `json:"phone,omitempty"`
	Shop  *shopUpdateRequest `json:"shop,omitempty"`
}

type shopUpdateRequest struct {
	LegalName   *string `json:"legal_name,omitempty"`
	ContactName *string `json:"contact_name,omitempty"`
	KvK         *string `json:"kvk,omitempty"`
	IBAN        *string `json:"iban,omitempty"`
	Address     *string `json:"address,omitempty"`
	Category    *string `json:"category,omitempty"`
}

type challengeResponse struct {
	Nonce     string    `json:"nonce"`
	Message   string    `json:"message"`
	ExpiresAt time.Time `json:"expires_at"`
}

// walletRequest binds an address: signature is personal_sign over the challenge's message (65 bytes hex);
// nonce picks the challenge, the latest one when left out.
type walletRequest struct {
	Address   string `json:"address"`
	Signature string `json:"signature"`
	Nonce     string `json:"nonce,omitempty"`
}

type walletResponse struct {
	WalletAddress string `json:"wallet_address"`
}

func (s *Server) me(c *gin.Context) {
	a, err := s.deps.Accounts.Me(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewAccount(a))
}

func (s *Server) updateMe(c *gin.Context) {
	var req meUpdateRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	u := accounts.Update{Email: req.Email, Phone: req.Phone}
	if req.Shop != nil {
		u.Shop = &accounts.ShopUpdate{LegalName: req.Shop.LegalName, ContactName: req.Shop.ContactName, KvK: req.Shop.KvK,
			IBAN: req.Shop.IBAN, Address: req.Shop.Address, Category: req.Shop.Category}
	}
	a, err := s.deps.Accounts.UpdateMe(c.Request.Context(), middleware.CurrentPrincipal(c), u)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewAccount(a))
}

func (s *Server) walletChallenge(c *gin.Context) {
	ch, err := s.deps.Accounts.WalletChallenge(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, challengeResponse{Nonce: ch.Nonce, Message: ch.Message, ExpiresAt: ch.ExpiresAt})
}

func (s *Server) bindWallet(c *gin.Context) {
	var req walletRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	addr, err := s.deps.Accounts.BindWallet(c.Request.Context(), middleware.CurrentPrincipal(c), req.Address, req.Signature, req.Nonce)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, walletResponse{WalletAddress: addr})
}
