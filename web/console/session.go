package console

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/secrets"
)

// The console's session: the access token and the refresh token of a staff member's login, each in a
// cookie that only the console's paths get (HttpOnly, Secure, SameSite=Strict). A page whose access token
// has expired rotates the pair with the refresh token before it answers. State-changing requests from
// another site are refused before they get here (http.CrossOriginProtection in internal/app).
const (
	accessCookie  = "heitje_console"
	refreshCookie = "heitje_console_refresh"
	flashCookie   = "heitje_console_flash"
)

// call is one request of a signed-in staff member.
type call struct {
	accounts.Principal
	// Actor is who acts, for the services' audit log.
	Actor accounts.Actor
	Lang  string
}

// handlerFunc is a page of a signed-in staff member.
type handlerFunc func(w http.ResponseWriter, r *http.Request, c *call)

// member admits a signed-in staff member (who has a second factor and has acknowledged the confidentiality
// statement, except on the pages that ask for them) and sends anyone else to the sign-in page.
func (s *Server) member(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.session(w, r)
		if err != nil {
			s.clearSession(w)
			if r.Method != http.MethodGet {
				s.fail(w, r, nil, http.StatusUnauthorized, "console.error.signed_out")
				return
			}
			http.Redirect(w, r, Base+"/inloggen?terug="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if p.SecondFactorPending && r.URL.Path != Base+"/tweede-factor" {
			http.Redirect(w, r, Base+"/tweede-factor", http.StatusSeeOther)
			return
		}
		if p.ConfidentialityPending && !p.SecondFactorPending && r.URL.Path != Base+"/geheimhouding" {
			http.Redirect(w, r, Base+"/geheimhouding", http.StatusSeeOther)
			return
		}
		c := &call{Principal: p, Lang: s.messages.Language(r)}
		c.Actor = accounts.Actor{Principal: p, RequestID: requestID(r), SourceIP: s.addrs.Of(r)}
		h(w, r, c)
	})
}

// session is the staff member the request's cookies belong to, rotating an expired access token.
func (s *Server) session(w http.ResponseWriter, r *http.Request) (accounts.Principal, error) {
	access, _ := r.Cookie(accessCookie)
	if access != nil {
		p, err := s.deps.Accounts.Authenticate(r.Context(), access.Value)
		if err == nil {
			return staffOnly(p)
		}
		if !errors.Is(err, accounts.ErrInvalidToken) {
			return accounts.Principal{}, err
		}
	}
	refresh, err := r.Cookie(refreshCookie)
	if err != nil {
		return accounts.Principal{}, accounts.ErrUnauthenticated
	}
	t, err := s.deps.Accounts.Refresh(r.Context(), refresh.Value)
	if err != nil {
		return accounts.Principal{}, err
	}
	p, err := s.deps.Accounts.Authenticate(r.Context(), t.AccessToken)
	if err != nil {
		return accounts.Principal{}, err
	}
	if p, err = staffOnly(p); err != nil {
		return p, err
	}
	s.setSession(w, t)
	return p, nil
}

// staffOnly lets only staff into the console.
func staffOnly(p accounts.Principal) (accounts.Principal, error) {
	if p.Role != accounts.RoleStaff {
		return accounts.Principal{}, accounts.ErrForbidden
	}
	return p, nil
}

func (s *Server) setSession(w http.ResponseWriter, t accounts.Tokens) {
	setCookie(w, accessCookie, t.AccessToken, t.RefreshExpiresIn)
	setCookie(w, refreshCookie, t.RefreshToken, t.RefreshExpiresIn)
}

func (s *Server) clearSession(w http.ResponseWriter) {
	setCookie(w, accessCookie, "", 0)
	setCookie(w, refreshCookie, "", 0)
}

// setCookie sets one of the console's cookies for ttl, or clears it when ttl is 0.
func setCookie(w http.ResponseWriter, name, value string, ttl time.Duration) {
	maxAge := int(ttl / time.Second)
	if ttl <= 0 {
		maxAge = -1
	}
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: Base, MaxAge: maxAge, HttpOnly: true, Secure: true,
		SameSite: http.SameSiteStrictMode})
}

// loginForm shows the sign-in page.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, nil, http.StatusOK, "login", view{Title: "console.login.title", Form: url.Values{"terug": {back(r.URL.Query().Get("terug"))}}})
}

// login signs a staff member in, with the code of their second factor once they have one. Only staff get a
// console session; a resident's or a shop's right password gets the same answer as a wrong one, and their
// session is ended at once.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, nil, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	v := view{Title: "console.login.title", Form: r.PostForm, Errors: map[string]string{}}
	username, password := strings.TrimSpace(r.PostForm.Get("username")), r.PostForm.Get("password")
	if username == "" {
		v.Errors["username"] = "console.login.username_required"
	}
	if password == "" {
		v.Errors["password"] = "console.login.password_required"
	}
	if len(v.Errors) > 0 {
		s.render(w, r, nil, http.StatusUnprocessableEntity, "login", v)
		return
	}
	t, err := s.deps.Accounts.LoginWithCode(r.Context(), username, password, r.PostForm.Get("code"), s.addrs.Of(r))
	var p accounts.Principal
	if err == nil {
		if p, err = s.deps.Accounts.Authenticate(r.Context(), t.AccessToken); err == nil && p.Role != accounts.RoleStaff {
			_ = s.deps.Accounts.Logout(r.Context(), t.RefreshToken)
			err = accounts.ErrInvalidCredentials
		}
	}
	switch {
	case errors.Is(err, accounts.ErrSecondFactorCodeRequired):
		v.Errors["code"] = "console.login.code_required"
	case errors.Is(err, accounts.ErrSecondFactorCodeInvalid):
		v.Errors["code"] = "console.login.code_wrong"
	}
	if err != nil {
		if len(v.Errors) == 0 {
			v.Problem = loginProblem(err)
		}
		s.render(w, r, nil, http.StatusUnauthorized, "login", v)
		return
	}
	s.setSession(w, t)
	next := back(r.PostForm.Get("terug"))
	switch {
	case p.SecondFactorPending:
		next = Base + "/tweede-factor"
	case p.ConfidentialityPending:
		next = Base + "/geheimhouding"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// loginProblem is what the sign-in page says about a refused sign-in.
func loginProblem(err error) string {
	switch {
	case errors.Is(err, accounts.ErrAccountDisabled):
		return "console.login.disabled"
	case errors.Is(err, accounts.ErrRateLimited):
		return "console.login.too_many"
	case errors.Is(err, secrets.ErrBusy):
		return "console.login.busy"
	case errors.Is(err, accounts.ErrInvalidCredentials), errors.Is(err, accounts.ErrAccountPending),
		errors.Is(err, accounts.ErrAccountRejected):
		return "console.login.wrong"
	}
	return "console.error.internal"
}

// back is a path inside the console to return to, or the console's start.
func back(p string) string {
	if !strings.HasPrefix(p, Base) || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return Base
	}
	return p
}

// logout ends the session.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(refreshCookie); err == nil && c.Value != "" {
		_ = s.deps.Accounts.Logout(r.Context(), c.Value)
	}
	s.clearSession(w)
	s.flash(w, "console.login.signed_out")
	http.Redirect(w, r, Base+"/inloggen", http.StatusSeeOther)
}

// language switches the console between Dutch and English and goes back to the page.
func (s *Server) language(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, nil, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	lang := r.PostForm.Get("lang")
	if _, ok := s.messages[lang]; ok {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, Secure: true,
			SameSite: http.SameSiteLaxMode})
	}
	http.Redirect(w, r, back(r.PostForm.Get("terug")), http.StatusSeeOther)
}

// confidentialityForm shows the confidentiality statement in force to a staff member who has not yet
// acknowledged it (P-90), and to anyone who wants to read it again.
func (s *Server) confidentialityForm(w http.ResponseWriter, r *http.Request, c *call) {
	st, at, err := s.deps.Accounts.Confidentiality(r.Context(), c.Principal)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.render(w, r, c, http.StatusOK, "confidentiality", view{Title: "console.confidentiality.title", Data: map[string]any{
		"Statement": st, "AcknowledgedAt": at}})
}

// acknowledge records the acknowledgement and opens the console.
func (s *Server) acknowledge(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	if r.PostForm.Get("gelezen") != "ja" {
		st, at, err := s.deps.Accounts.Confidentiality(r.Context(), c.Principal)
		if err != nil {
			s.failErr(w, r, c, err)
			return
		}
		s.render(w, r, c, http.StatusUnprocessableEntity, "confidentiality", view{Title: "console.confidentiality.title",
			Errors: map[string]string{"gelezen": "console.confidentiality.required"}, Data: map[string]any{"Statement": st, "AcknowledgedAt": at}})
		return
	}
	if _, err := s.deps.Accounts.AcknowledgeConfidentiality(r.Context(), c.Principal, r.PostForm.Get("version")); err != nil {
		s.failErr(w, r, c, err)
		return
	}
	// The access token still says "pending": get a fresh pair so the privileges take effect at once.
	if ck, err := r.Cookie(refreshCookie); err == nil {
		if t, err := s.deps.Accounts.Refresh(r.Context(), ck.Value); err == nil {
			s.setSession(w, t)
		}
	}
	s.flash(w, "console.confidentiality.done")
	http.Redirect(w, r, Base, http.StatusSeeOther)
}

// requestID is the request's id from a proxy in front (X-Request-ID), or a new one.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); id != "" && len(id) <= 64 {
		return id
	}
	return uuid.NewString()
}
