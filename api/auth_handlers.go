package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/notices"
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
	// Notices is how to be told of the decision and later events (language; e-mail, which needs email); left
	// out: Dutch, in the app only.
	Notices *noticeSettingsRequest `json:"notices,omitempty"`
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
	// SecondFactor is the code of a staff member's second factor, needed once they enrolled one.
	SecondFactor string `json:"second_factor,omitempty" doc:"staff with a second factor: the current six-digit code of the authenticator app, or one unused recovery code (used up by this login). Without it, after the right password, the answer is 401 second_factor_code_required; a wrong or used code is 401 second_factor_code_invalid and counts as a failed login" example:"123456"`
	// Cookie asks for a browser session: the refresh token goes into the heitje_refresh cookie, not the body.
	Cookie bool `json:"cookie,omitempty" doc:"true for a browser session: the answer has no refresh_token; the heitje_refresh cookie (HttpOnly; Secure; SameSite=Strict; Path=/v1/auth) carries it instead"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty" doc:"left out for a browser session, whose refresh token is in the heitje_refresh cookie"`
	// ExpiresIn is the access token's lifetime in seconds.
	ExpiresIn int    `json:"expires_in" doc:"the access token's lifetime in seconds"`
	TokenType string `json:"token_type" example:"Bearer"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token,omitempty" doc:"left out (or the body left out) by a browser: the heitje_refresh cookie is used instead"`
}

// The cookie of a browser session (POST /v1/auth/login with cookie: true): it carries the refresh token so
// that the browser app keeps only its access token, in memory, and gets a new one after a reload from POST
// /v1/auth/refresh. HttpOnly keeps it from scripts, SameSite=Strict and the path keep it off every request
// but a same-site one to /v1/auth.
const (
	refreshCookie     = "heitje_refresh"
	refreshCookiePath = "/v1/auth"
)

// errNoRefreshToken answers a refresh or logout that carries neither a refresh token nor the cookie.
var errNoRefreshToken = Errorf(http.StatusUnauthorized, "invalid_token",
	"no refresh token: send refresh_token, or log in with cookie: true so that the browser keeps the "+refreshCookie+" cookie")

func (s *Server) register(c *gin.Context) {
	var req registerRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r := accounts.Registration{Role: accounts.Role(req.Role), Username: req.Username, Password: req.Password,
		Email: req.Email, Phone: req.Phone, NoticeVersion: req.NoticeVersion, ClientIP: c.ClientIP()}
	if req.Notices != nil {
		r.Notify = &notices.Settings{Language: notices.Language(req.Notices.Language), Email: req.Notices.Email}
	}
	if req.Shop != nil {
		r.Shop = &accounts.Shop{LegalName: req.Shop.LegalName, ContactName: req.Shop.ContactName, KvK: req.Shop.KvK,
			IBAN: req.Shop.IBAN, Address: req.Shop.Address, Category: req.Shop.Category}
	}
	a, err := s.deps.Accounts.Register(c.Request.Context(), r)
	if errors.Is(err, accounts.ErrTooManyRegistrations) {
		c.Header("Retry-After", strconv.Itoa(int(s.deps.Accounts.RegistrationRetryAfter().Seconds())))
	}
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
	t, err := s.deps.Accounts.LoginWithCode(c.Request.Context(), req.Username, req.Password, req.SecondFactor, c.ClientIP())
	if errors.Is(err, accounts.ErrRateLimited) {
		c.Header("Retry-After", strconv.Itoa(int(s.deps.Accounts.RetryAfter().Seconds())))
	}
	s.respondTokens(c, t, err, req.Cookie)
}

// refresh rotates the body's refresh token or, without one, the browser's cookie; a cookie that no longer
// works is cleared.
func (s *Server) refresh(c *gin.Context) {
	var req refreshRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	token, fromCookie, err := refreshTokenOf(c, req)
	if err != nil {
		respondError(c, err)
		return
	}
	t, err := s.deps.Accounts.Refresh(c.Request.Context(), token)
	if fromCookie && sessionGone(err) {
		setRefreshCookie(c, "", 0)
	}
	s.respondTokens(c, t, err, fromCookie)
}

// respondTokens answers a login or refresh; for a browser session (cookie) the refresh token goes into the
// cookie and not into the body.
func (s *Server) respondTokens(c *gin.Context, t accounts.Tokens, err error, cookie bool) {
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	out := tokenResponse{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, ExpiresIn: int(t.ExpiresIn.Seconds()), TokenType: "Bearer"}
	if cookie {
		setRefreshCookie(c, t.RefreshToken, t.RefreshExpiresIn)
		out.RefreshToken = ""
	}
	c.JSON(http.StatusOK, out)
}

// logout ends the session of the body's refresh token or, without one, of the browser's cookie, which it
// clears.
func (s *Server) logout(c *gin.Context) {
	var req refreshRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	token, fromCookie, err := refreshTokenOf(c, req)
	if err != nil {
		respondError(c, err)
		return
	}
	err = s.deps.Accounts.Logout(c.Request.Context(), token)
	if fromCookie && (err == nil || sessionGone(err)) {
		setRefreshCookie(c, "", 0)
	}
	if err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// refreshTokenOf is the request's refresh token: the body's, else the browser session's cookie (fromCookie).
func refreshTokenOf(c *gin.Context, req refreshRequest) (token string, fromCookie bool, err error) {
	if req.RefreshToken != "" {
		return req.RefreshToken, false, nil
	}
	if v, err := c.Cookie(refreshCookie); err == nil && v != "" {
		return v, true, nil
	}
	return "", false, errNoRefreshToken
}

// sessionGone reports whether a refresh or logout failed because the token's session cannot be used any
// more, so that a cookie carrying it is of no use to keep.
func sessionGone(err error) bool {
	return errors.Is(err, accounts.ErrInvalidToken) || errors.Is(err, accounts.ErrTokenReused)
}

// setRefreshCookie sets the browser session's cookie to token for ttl, or clears it when ttl is 0.
func setRefreshCookie(c *gin.Context, token string, ttl time.Duration) {
	maxAge := int(ttl.Seconds())
	if maxAge <= 0 {
		maxAge = -1 // Max-Age=0: the browser drops the cookie
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: refreshCookie, Value: token, Path: refreshCookiePath, MaxAge: maxAge,
		HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}
