package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

type registerRequest struct {
	Role     string       `json:"role" example:"resident"`
	Username string       `json:"username" example:"groene-vingers"`
	Password string       `json:"password"`
	Email    string       `json:"email,omitempty"`
	Phone    string       `json:"phone,omitempty"`
	Shop     *shopRequest `json:"shop,omitempty"`
	// NoticeVersion is the privacy notice the form showed (GET /v1/privacy/notice); left out: the one in force.
	NoticeVersion string `json:"notice_version,omitempty"`
}

type shopRequest struct {
	LegalName   string `json:"legal_name"`
	ContactName string `json:"contact_name,omitempty"`
	KvK         string `json:"kvk"`
	IBAN        string `json:"iban"`
	Address     string `json:"address"`
	Category    string `json:"category,omitempty" example:"bakery"`
}

type registerResponse struct {
	ID     string `json:"id"`
	Status string `json:"status" example:"pending"`
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	// ExpiresIn is the access token's lifetime in seconds.
	ExpiresIn int    `json:"expires_in"`
	TokenType string `json:"token_type" example:"Bearer"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

func (s *Server) register(c *gin.Context) {
	var req registerRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r := accounts.Registration{Role: accounts.Role(req.Role), Username: req.Username, Password: req.Password,
		Email: req.Email, Phone: req.Phone, NoticeVersion: req.NoticeVersion}
	if req.Shop != nil {
		r.Shop = &accounts.Shop{LegalName: req.Shop.LegalName, ContactName: req.Shop.ContactName, KvK: req.Shop.KvK,
			IBAN: req.Shop.IBAN, Address: req.Shop.Address, Category: req.Shop.Category}
	}
	a, err := s.deps.Accounts.Register(c.Request.Context(), r)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, registerResponse{ID: a.ID, Status: string(a.Status)})
}

func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	t, err := s.deps.Accounts.Login(c.Request.Context(), req.Username, req.Password, c.ClientIP())
	if errors.Is(err, accounts.ErrRateLimited) {
		c.Header("Retry-After", strconv.Itoa(int(s.deps.Accounts.RetryAfter().Seconds())))
	}
	s.respondTokens(c, t, err)
}

func (s *Server) refresh(c *gin.Context) {
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	t, err := s.deps.Accounts.Refresh(c.Request.Context(), req.RefreshToken)
	s.respondTokens(c, t, err)
}

func (s *Server) respondTokens(c *gin.Context, t accounts.Tokens, err error) {
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, tokenResponse{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken,
		ExpiresIn: int(t.ExpiresIn.Seconds()), TokenType: "Bearer"})
}

func (s *Server) logout(c *gin.Context) {
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	if err := s.deps.Accounts.Logout(c.Request.Context(), req.RefreshToken); err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
